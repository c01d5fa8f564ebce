import { Button, Paper, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useLogin, useSession, type LoginCredentials } from '../../api/auth';
import type { Session } from '../../api/types';
import { homePathFor } from '../../app/guards';
import { ErrorBanner } from '../../components/ErrorBanner';
import i18n, { storedLanguage } from '../../i18n';
import { PasswordField } from '../../components/PasswordField';

type LoginKind = 'staff' | 'household';
const TAB_KEY = 'potCommun.loginTab';

function rememberedTab(): LoginKind {
  try {
    return window.localStorage.getItem(TAB_KEY) === 'household' ? 'household' : 'staff';
  } catch {
    return 'staff';
  }
}

function safeReturnPath(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('from' in state)) return null;
  const from = state.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : null;
}

/** The login page: staff log in with their email, households with their reference. */
export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const prefilledReference = params.get('reference') ?? '';
  const [kind, setKind] = useState<LoginKind>(prefilledReference ? 'household' : rememberedTab());
  const [email, setEmail] = useState('');
  const [reference, setReference] = useState(prefilledReference);
  const [password, setPassword] = useState('');

  useEffect(() => {
    document.title = `${t('auth.login.title')} · ${t('app.name')}`;
  }, [t]);

  if (session.data) return <Navigate to={homePathFor(session.data.user)} replace />;

  const onSuccess = (data: Session) => {
    try {
      window.localStorage.setItem(TAB_KEY, kind);
    } catch {
      // Not remembering the tab is harmless.
    }
    // A household that never chose a language on this device gets the one its file mentions.
    if (!storedLanguage() && data.user.preferredLanguage) void i18n.changeLanguage(data.user.preferredLanguage);
    const back = safeReturnPath(location.state);
    void navigate(back ?? homePathFor(data.user), { replace: true });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const credentials: LoginCredentials =
      kind === 'staff'
        ? { email: email.trim(), password }
        : { reference: reference.trim().toUpperCase(), password };
    login.mutate(credentials, { onSuccess });
  };

  const onTabChange = (value: string | null) => {
    if (value === 'staff' || value === 'household') {
      setKind(value);
      setPassword('');
      login.reset();
    }
  };

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('auth.login.title')}
        </Title>
        <Text c="dimmed">{t('auth.login.intro')}</Text>
      </Stack>
      <Paper shadow="xs" p={{ base: 'md', sm: 'xl' }}>
        <Tabs value={kind} onChange={onTabChange} keepMounted={false}>
          <Tabs.List grow mb="lg" aria-label={t('auth.login.tabsLabel')}>
            <Tabs.Tab value="staff">{t('auth.login.staffTab')}</Tabs.Tab>
            <Tabs.Tab value="household">{t('auth.login.householdTab')}</Tabs.Tab>
          </Tabs.List>
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="md">
              {login.isError && <ErrorBanner error={login.error} />}
              <Tabs.Panel value="staff">
                <TextInput
                  label={t('auth.login.email')}
                  type="email"
                  autoComplete="username"
                  inputMode="email"
                  required
                  value={email}
                  onChange={(event) => setEmail(event.currentTarget.value)}
                />
              </Tabs.Panel>
              <Tabs.Panel value="household">
                <TextInput
                  label={t('auth.login.reference')}
                  description={t('auth.login.referenceHelp')}
                  placeholder={t('auth.login.referencePlaceholder')}
                  autoComplete="username"
                  autoCapitalize="characters"
                  spellCheck={false}
                  required
                  value={reference}
                  onChange={(event) => setReference(event.currentTarget.value)}
                />
              </Tabs.Panel>
              <PasswordField
                label={t('auth.login.password')}
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
              />
              <Button type="submit" size="md" fullWidth loading={login.isPending}>
                {t('auth.login.submit')}
              </Button>
            </Stack>
          </form>
        </Tabs>
      </Paper>
      {/* Always visible, worded exactly as on the activation letter, whichever tab is open. */}
      <Paper p="md" bg="pot.0" withBorder={false}>
        <Stack gap="xs">
          <Text size="sm">{t('auth.login.firstTime')}</Text>
          <Button component={Link} to="/activate" variant="outline" size="md" fullWidth>
            {t('auth.login.activateButton')}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
