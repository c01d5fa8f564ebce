import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../components/PageTitle';

/** Shown for an address that matches no page. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={560}>
      <PageTitle title={t('notFound.title')} />
      <Text>{t('notFound.body')}</Text>
      <div>
        <Button component={Link} to="/">
          {t('notFound.home')}
        </Button>
      </div>
    </Stack>
  );
}
