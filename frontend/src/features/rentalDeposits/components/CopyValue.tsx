import { Button, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CheckIcon, CopyIcon } from '../../../components/Icons';

/** Props of CopyValue. */
export interface CopyValueProps {
  label: string;
  /** What is shown (e.g. "+++123/4567/89012+++"). */
  display: string;
  /** What is copied (e.g. the same without spaces), `display` by default. */
  value?: string;
  /** Names the copy button for assistive technology ("Copy the IBAN"). */
  copyLabel: string;
  testId?: string;
}

/** A payment detail to type into a banking app: its label, the value in large monospace, and a copy button. */
export function CopyValue({ label, display, value = display, copyLabel, testId }: CopyValueProps) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Group gap="sm" wrap="wrap">
        <Text fz={{ base: 18, sm: 20 }} fw={700} className="mono" style={{ overflowWrap: 'anywhere' }} data-testid={testId}>
          {display}
        </Text>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button variant="light" size="sm" onClick={copy} leftSection={copied ? <CheckIcon size={16} /> : <CopyIcon size={16} />} aria-label={copyLabel}>
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
