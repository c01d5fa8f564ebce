import { AppShell, Avatar, Box, Burger, Container, Group, Menu, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useReducedMotion } from '@mantine/hooks';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { useLogout, useSession } from '../api/auth';
import type { Role } from '../api/types';
import { BoardIcon, BuildingIcon, CalculatorIcon, ChartIcon, ChevronDownIcon, DepositIcon, GroupsIcon, HomeIcon, KeyIcon, ListIcon, LogoutIcon, PlusIcon, UsersIcon } from '../components/Icons';
import { LanguageMenu } from '../components/LanguageMenu';
import { ChangePasswordModal } from '../features/auth/ChangePasswordModal';
import { Logo } from './Logo';

type NavKey = 'households' | 'board' | 'groups' | 'rentalDeposits' | 'projects' | 'simulator' | 'acquisitions' | 'newHousehold' | 'users' | 'myHousehold';

interface NavItem {
  key: NavKey;
  to: string;
  icon: ReactNode;
  /** Whether the item is the current page for a given path. */
  matches: (path: string) => boolean;
}

const NAV: Record<NavKey, NavItem> = {
  households: {
    key: 'households',
    to: '/households',
    icon: <ListIcon />,
    matches: (path) => path === '/households' || (/^\/households\/[^/]+/.test(path) && path !== '/households/new'),
  },
  newHousehold: {
    key: 'newHousehold',
    to: '/households/new',
    icon: <PlusIcon />,
    matches: (path) => path === '/households/new',
  },
  board: { key: 'board', to: '/board', icon: <BoardIcon />, matches: (path) => path.startsWith('/board') },
  groups: { key: 'groups', to: '/groups', icon: <GroupsIcon />, matches: (path) => path.startsWith('/groups') },
  rentalDeposits: { key: 'rentalDeposits', to: '/rental-deposits', icon: <DepositIcon />, matches: (path) => path.startsWith('/rental-deposits') },
  projects: { key: 'projects', to: '/projects', icon: <BuildingIcon />, matches: (path) => path.startsWith('/projects') },
  simulator: { key: 'simulator', to: '/simulator', icon: <CalculatorIcon />, matches: (path) => path.startsWith('/simulator') },
  acquisitions: { key: 'acquisitions', to: '/acquisitions', icon: <ChartIcon />, matches: (path) => path.startsWith('/acquisitions') },
  users: { key: 'users', to: '/users', icon: <UsersIcon />, matches: (path) => path.startsWith('/users') },
  myHousehold: { key: 'myHousehold', to: '/me', icon: <HomeIcon />, matches: (path) => path === '/me' },
};

/** The navigation each role sees: a household sees only its own page. */
function navFor(role: Role): NavItem[] {
  switch (role) {
    case 'coordinator':
      return [NAV.households, NAV.board, NAV.groups, NAV.rentalDeposits, NAV.projects, NAV.simulator, NAV.acquisitions, NAV.newHousehold, NAV.users];
    case 'referent':
      return [NAV.households, NAV.board, NAV.groups, NAV.rentalDeposits, NAV.projects, NAV.simulator, NAV.acquisitions, NAV.newHousehold];
    case 'household':
      return [NAV.myHousehold];
  }
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return `${first}${last}`.toUpperCase();
}

/** The signed-in frame: header (name, language, user menu), role navigation (a burger on phones), main. */
export function AppLayout() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const [navOpened, nav] = useDisclosure(false);
  const [passwordOpened, password] = useDisclosure(false);
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const reduceMotion = useReducedMotion();

  const closeNav = nav.close;
  const firstPage = useRef(true);
  useEffect(() => {
    closeNav();
    // After a client-side navigation, screen readers start again from the new page's content.
    if (firstPage.current) firstPage.current = false;
    else document.getElementById('main')?.focus({ preventScroll: true });
  }, [location.pathname, closeNav]);

  if (!session) return null;
  const { user } = session;
  const items = navFor(user.role);

  const onLogout = () => {
    logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        padding={{ base: 'md', sm: 'xl' }}
        transitionDuration={reduceMotion ? 0 : 200}
      >
        <AppShell.Header>
          <Group h="100%" px={{ base: 'sm', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={navOpened}
                onClick={nav.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={navOpened ? t('nav.close') : t('nav.open')}
                aria-expanded={navOpened}
                aria-controls="main-navigation"
                transitionDuration={reduceMotion ? 0 : 300}
              />
              <UnstyledButton component={Link} to="/" aria-label={t('app.homeLink')}>
                <Logo />
              </UnstyledButton>
            </Group>
            <Group gap={4} wrap="nowrap">
              <LanguageMenu />
              <Menu position="bottom-end" shadow="md" width={260}>
                <Menu.Target>
                  <UnstyledButton
                    aria-label={t('userMenu.label', { name: user.name })}
                    px={6}
                    py={4}
                    style={{ borderRadius: 'var(--mantine-radius-md)' }}
                  >
                    <Group gap={8} wrap="nowrap">
                      <Avatar color="pot" radius="xl" size={32} aria-hidden="true">
                        {initials(user.name)}
                      </Avatar>
                      <Text size="sm" fw={500} visibleFrom="md" maw={180} truncate="end">
                        {user.name}
                      </Text>
                      <Box visibleFrom="xs" style={{ display: 'flex' }}>
                        <ChevronDownIcon size={14} />
                      </Box>
                    </Group>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>
                    <Text size="sm" fw={600} c="gray.9" truncate="end">
                      {user.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`roles.${user.role}`)}
                    </Text>
                  </Menu.Label>
                  <Menu.Divider />
                  <Menu.Item leftSection={<KeyIcon size={16} />} onClick={password.open}>
                    {t('userMenu.changePassword')}
                  </Menu.Item>
                  <Menu.Item leftSection={<LogoutIcon size={16} />} onClick={onLogout}>
                    {t('userMenu.logout')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar id="main-navigation" p="sm" aria-label={t('nav.label')}>
          {items.map((item) => {
            const active = item.matches(location.pathname);
            return (
              <NavLink
                key={item.key}
                component={Link}
                to={item.to}
                label={t(`nav.${item.key}`)}
                leftSection={item.icon}
                active={active}
                aria-current={active ? 'page' : undefined}
                variant="light"
                fw={500}
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              />
            );
          })}
        </AppShell.Navbar>

        <AppShell.Main id="main" tabIndex={-1}>
          <Container size="xl" px={0}>
            <Outlet />
          </Container>
        </AppShell.Main>
      </AppShell>
      <ChangePasswordModal opened={passwordOpened} onClose={password.close} />
      <ScrollRestoration />
    </>
  );
}
