import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The app mark and name. */
export function Logo() {
  const { t } = useTranslation();
  return (
    <Group gap={8} wrap="nowrap">
      <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" fill="var(--mantine-color-pot-8)" />
        <path d="M8 15 16 8l8 7v9H8z" fill="#fff" />
        <circle cx="16" cy="18" r="2.6" fill="var(--mantine-color-pot-8)" />
      </svg>
      <Text fw={700} fz={{ base: 'md', sm: 'lg' }} c="gray.9" style={{ whiteSpace: 'nowrap' }}>
        {t('app.name')}
      </Text>
    </Group>
  );
}
