import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal';
import { notifySuccess } from '../../components/notify';
import { ApiError } from '../../api/client';
import { useChangePassword } from '../../api/auth';
import { ErrorBanner } from '../../components/ErrorBanner';
import { fieldErrors, unmatchedFieldErrors } from '../../components/errors';

const SHOWN = new Set(['currentPassword', 'newPassword']);

/** A small dialog to change one's own password. */
export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);

  const close = () => {
    setCurrent('');
    setNext('');
    setConfirm('');
    setMismatch(false);
    change.reset();
    onClose();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (next !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          notifySuccess(t('auth.changePassword.done'));
          close();
        },
      },
    );
  };

  const errors = fieldErrors(change.error, t);
  // A wrong current password comes back as a refusal without a field path.
  const wrongCurrent = change.error instanceof ApiError && (change.error.status === 401 || change.error.status === 403)
    && change.error.code !== 'csrf_failed';

  return (
    <AppModal opened={opened} onClose={close} title={t('auth.changePassword.title')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {change.isError && !wrongCurrent && (
            <ErrorBanner error={change.error} extraFieldErrors={unmatchedFieldErrors(change.error, (p) => SHOWN.has(p))} />
          )}
          <PasswordInput
            label={t('auth.changePassword.current')}
            autoComplete="current-password"
            required
            data-autofocus
            value={current}
            onChange={(event) => setCurrent(event.currentTarget.value)}
            error={errors.currentPassword ?? (wrongCurrent ? t('auth.changePassword.wrongCurrent') : undefined)}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
          />
          <PasswordInput
            label={t('auth.changePassword.new')}
            description={t('auth.passwordRules')}
            autoComplete="new-password"
            required
            value={next}
            onChange={(event) => setNext(event.currentTarget.value)}
            error={errors.newPassword}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
          />
          <PasswordInput
            label={t('auth.changePassword.confirm')}
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(event) => setConfirm(event.currentTarget.value)}
            error={mismatch ? t('auth.passwordsDiffer') : undefined}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending}>
              {t('auth.changePassword.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
