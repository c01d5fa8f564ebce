import { NativeSelect, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalForm } from '../../components/ModalForm';
import { notifySuccess } from '../../components/notify';
import type { StaffRole } from '../../api/types';
import { useCreateStaffUser } from '../../api/users';
import { ErrorBanner } from '../../components/ErrorBanner';
import { fieldErrors, unmatchedFieldErrors } from '../../components/errors';
import { PasswordField } from '../../components/PasswordField';

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

  const onSubmit = () => {
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
    <ModalForm
      opened={opened}
      title={t('users.createTitle')}
      submitLabel={t('users.createSubmit')}
      submitting={create.isPending}
      onSubmit={onSubmit}
      onClose={close}
    >
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
      <PasswordField
        label={t('users.fields.password')}
        description={t('users.passwordHelp')}
        required
        autoComplete="new-password"
        value={password}
        onChange={(event) => setPassword(event.currentTarget.value)}
        error={errors.password}
      />
    </ModalForm>
  );
}
