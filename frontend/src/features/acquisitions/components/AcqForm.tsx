import { Alert, List, Stack } from '@mantine/core';
import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../api/client';
import { FormActions } from '../../../components/FormActions';
import { AlertIcon } from '../../../components/Icons';
import { acquisitionProblemMessage, otherAcquisitionMessage } from '../problems';

/** A red, announced banner with an acquisitions (or pot) problem in the reader's language. */
export function AcqErrorBanner({ error, extra = [] }: { error: unknown; extra?: FieldError[] }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" role="alert" icon={<AlertIcon />} title={acquisitionProblemMessage(error, t)}>
      {extra.length > 0 && (
        <List size="sm">
          {extra.map((item) => (
            <List.Item key={item.path}>{otherAcquisitionMessage(item, t)}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** Props of AcqForm. */
export interface AcqFormProps {
  submitLabel: string;
  submitting: boolean;
  error: unknown;
  extraErrors?: FieldError[];
  warning?: ReactNode;
  effect?: ReactNode;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}

/**
 * The body of an acquisitions dialog, as the savings dialogs are laid out: the refusal first, the
 * inputs, the effect preview, a caution, then Cancel and the confirm button. Focus goes to the first
 * invalid input after a refusal.
 */
export function AcqForm({ submitLabel, submitting, error, extraErrors = [], warning, effect, onSubmit, onClose, children }: AcqFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!error) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!submitting) onSubmit();
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        {Boolean(error) && <AcqErrorBanner error={error} extra={extraErrors} />}
        {children}
        {effect}
        {warning && (
          <Alert color="yellow" variant="light" icon={<AlertIcon />}>
            {warning}
          </Alert>
        )}
        <FormActions submitLabel={submitLabel} submitting={submitting} onCancel={onClose} />
      </Stack>
    </form>
  );
}
