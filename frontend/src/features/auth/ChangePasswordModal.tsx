import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalForm } from '../../components/ModalForm';
import { notifySuccess } from '../../components/notify';
import { ApiError } from '../../api/client';
import { useChangePassword } from '../../api/auth';
import { ErrorBanner } from '../../components/ErrorBanner';
import { fieldErrors, unmatchedFieldErrors } from '../../components/errors';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields';
import { PasswordField } from '../../components/PasswordField';

const SHOWN = new Set(['currentPassword', 'newPassword']);

/** A small dialog to change one's own password. */
export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const next = useNewPassword();

  const close = () => {
    setCurrent('');
    next.reset();
    change.reset();
    onClose();
  };

  const onSubmit = () => {
    if (!next.confirmed()) return;
    change.mutate(
      { currentPassword: current, newPassword: next.password },
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
    <ModalForm
      opened={opened}
      title={t('auth.changePassword.title')}
      submitLabel={t('auth.changePassword.submit')}
      submitting={change.isPending}
      onSubmit={onSubmit}
      onClose={close}
    >
      {change.isError && !wrongCurrent && (
        <ErrorBanner error={change.error} extraFieldErrors={unmatchedFieldErrors(change.error, (p) => SHOWN.has(p))} />
      )}
      <PasswordField
        label={t('auth.changePassword.current')}
        autoComplete="current-password"
        required
        data-autofocus
        value={current}
        onChange={(event) => setCurrent(event.currentTarget.value)}
        error={errors.currentPassword ?? (wrongCurrent ? t('auth.changePassword.wrongCurrent') : undefined)}
      />
      <NewPasswordFields
        {...next.fields}
        label={t('auth.changePassword.new')}
        confirmLabel={t('auth.changePassword.confirm')}
        error={errors.newPassword}
      />
    </ModalForm>
  );
}
