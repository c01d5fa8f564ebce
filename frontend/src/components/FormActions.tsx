import { Button, Flex } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Props of FormActions. */
export interface FormActionsProps {
  submitLabel: string;
  submitting: boolean;
  onCancel: () => void;
}

/**
 * The buttons at the foot of a form: Cancel, then the submit button (with a spinner while sending).
 * On phones they take the whole width, the submit button on top.
 */
export function FormActions({ submitLabel, submitting, onCancel }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <Flex direction={{ base: 'column-reverse', xs: 'row' }} justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={submitting}>
        {submitLabel}
      </Button>
    </Flex>
  );
}
