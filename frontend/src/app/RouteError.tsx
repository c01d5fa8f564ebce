import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Last-resort screen when a page crashes while rendering. */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl" component="main">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('routeError.title')}
        </Title>
        <Text>{t('routeError.body')}</Text>
        <div>
          <Button onClick={() => window.location.assign('/')}>{t('routeError.reload')}</Button>
        </div>
      </Stack>
    </Container>
  );
}
