import { Button, Group, NativeSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal';
import { notifySuccess } from '../../components/notify';
import type { StaffRole } from '../../api/types';
import { useCreateStaffUser } from '../../api/users';
import { ErrorBanner } from '../../components/ErrorBanner';
import { fieldErrors, unmatchedFieldErrors } from '../../components/errors';

const SHOWN = new Set(['name', 'email', 'role', 'password']);

/** Dialog to create a staff account with a first password the person will change. */
export function CreateStaffUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateStaffUser();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<StaffRole>('referent');
  const [password, setPassword] = useState('');

  const close = () => {
    setName('');
    setEmail('');
    setRole('referent');
    setPassword('');
    create.reset();
    onClose();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), email: email.trim(), role, password },
      {
        onSuccess: (user) => {
          notifySuccess(t('users.created', { name: user.name }));
          close();
        },
      },
    );
  };

  const errors = fieldErrors(create.error, t);
  return (
    <AppModal opened={opened} onClose={close} title={t('users.createTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {create.isError && (
            <ErrorBanner error={create.error} extraFieldErrors={unmatchedFieldErrors(create.error, (p) => SHOWN.has(p))} />
          )}
          <TextInput
            label={t('users.fields.name')}
            required
            data-autofocus
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
          />
          <TextInput
            label={t('users.fields.email')}
            type="email"
            required
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={errors.email}
          />
          <NativeSelect
            label={t('users.fields.role')}
            data={[
              { value: 'referent', label: t('roles.referent') },
              { value: 'coordinator', label: t('roles.coordinator') },
            ]}
            value={role}
            onChange={(event) => setRole(event.currentTarget.value === 'coordinator' ? 'coordinator' : 'referent')}
            error={errors.role}
          />
          <PasswordInput
            label={t('users.fields.password')}
            description={t('users.passwordHelp')}
            required
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={errors.password}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('users.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
