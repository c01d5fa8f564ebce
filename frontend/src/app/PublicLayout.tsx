import { Anchor, Box, Container, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, ScrollRestoration } from 'react-router';
import { LanguageMenu } from '../components/LanguageMenu';
import { Logo } from './Logo';

/** Layout of the pages used before logging in: a light header with the language switch. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg" h={60}>
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Anchor component={Link} to="/login" underline="never" c="inherit" aria-label={t('app.homeLink')}>
              <Logo />
            </Anchor>
            <LanguageMenu />
          </Group>
        </Container>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size="xs" px="md" py={{ base: 'lg', sm: 48 }}>
        <Outlet />
      </Container>
      <ScrollRestoration />
    </>
  );
}
