import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/PasswordField';

/** State of a new password typed twice; `confirmed()` is called on submit. */
export function useNewPassword() {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  return {
    password,
    /** True when both entries are the same; otherwise the confirmation shows why the form was not sent. */
    confirmed: (): boolean => {
      setMismatch(password !== confirm);
      return password === confirm;
    },
    reset: () => {
      setPassword('');
      setConfirm('');
      setMismatch(false);
    },
    fields: { password, confirm, mismatch, onPasswordChange: setPassword, onConfirmChange: setConfirm },
  };
}

/** Props of NewPasswordFields: the `fields` of useNewPassword, plus labels and the API's hint. */
export interface NewPasswordFieldsProps {
  password: string;
  confirm: string;
  mismatch: boolean;
  onPasswordChange: (value: string) => void;
  onConfirmChange: (value: string) => void;
  label: string;
  confirmLabel: string;
  /** The API's hint for the new password. */
  error?: string;
}

/** A new password with the rules, and its confirmation (which says when the two differ). */
export function NewPasswordFields(props: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField
        label={props.label}
        description={t('auth.passwordRules')}
        autoComplete="new-password"
        required
        value={props.password}
        onChange={(event) => props.onPasswordChange(event.currentTarget.value)}
        error={props.error}
      />
      <PasswordField
        label={props.confirmLabel}
        autoComplete="new-password"
        required
        value={props.confirm}
        onChange={(event) => props.onConfirmChange(event.currentTarget.value)}
        error={props.mismatch ? t('auth.passwordsDiffer') : undefined}
      />
    </>
  );
}
