import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Props of ListPagination. */
export interface ListPaginationProps {
  page: number;
  pageCount: number;
  onChange: (page: number) => void;
}

/** Previous / "page x of y" / next: simple to use on a phone and with a screen reader. */
export function ListPagination({ page, pageCount, onChange }: ListPaginationProps) {
  const { t } = useTranslation();
  if (pageCount <= 1) return null;
  return (
    <Group component="nav" aria-label={t('pagination.label')} justify="space-between" gap="sm" wrap="nowrap">
      <Button variant="default" disabled={page <= 1} onClick={() => onChange(page - 1)}>
        {t('pagination.previous')}
      </Button>
      <Text size="sm" aria-live="polite">
        {t('pagination.status', { page, total: pageCount })}
      </Text>
      <Button variant="default" disabled={page >= pageCount} onClick={() => onChange(page + 1)}>
        {t('pagination.next')}
      </Button>
    </Group>
  );
}
