import { Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { AppModal } from './AppModal';
import { FormActions } from './FormActions';

/** Props of ModalForm. */
export interface ModalFormProps {
  opened: boolean;
  title: string;
  submitLabel: string;
  submitting: boolean;
  /** Called with the submit event's default already prevented. */
  onSubmit: () => void;
  /** Closes the dialog (the close button, Escape and Cancel). */
  onClose: () => void;
  /** The error banner, if any, and the inputs. */
  children: ReactNode;
}

/** A dialog holding one form, with Cancel and submit buttons at its foot. The browser's own checks are off. */
export function ModalForm({ opened, title, submitLabel, submitting, onSubmit, onClose, children }: ModalFormProps) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <AppModal opened={opened} onClose={onClose} title={title}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {children}
          <FormActions submitLabel={submitLabel} submitting={submitting} onCancel={onClose} />
        </Stack>
      </form>
    </AppModal>
  );
}
