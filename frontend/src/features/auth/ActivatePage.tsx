import { Alert, Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useActivate } from '../../api/auth';
import { ErrorBanner } from '../../components/ErrorBanner';
import { fieldErrors, unmatchedFieldErrors } from '../../components/errors';
import { CheckIcon } from '../../components/Icons';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields';

/** A household chooses its password with the one-time code from its letter. */
export function ActivatePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const activate = useActivate();
  const [code, setCode] = useState(params.get('code') ?? '');
  const newPassword = useNewPassword();

  useEffect(() => {
    document.title = `${t('auth.activate.title')} · ${t('app.name')}`;
  }, [t]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!newPassword.confirmed()) return;
    activate.mutate({ code: code.trim().toUpperCase(), password: newPassword.password });
  };

  if (activate.isSuccess) {
    const { reference } = activate.data;
    return (
      <Stack gap="lg">
        <Title order={1} size="h2">
          {t('auth.activate.doneTitle')}
        </Title>
        <Alert color="green" variant="light" icon={<CheckIcon />} role="status">
          <Stack gap="sm">
            <Text>{t('auth.activate.doneBody')}</Text>
            <Text fw={600}>{t('auth.activate.yourLogin')}</Text>
            <Text fz={28} fw={700} className="mono nowrap" data-testid="activated-reference">
              {reference}
            </Text>
            <Text size="sm">{t('auth.activate.keepIt')}</Text>
          </Stack>
        </Alert>
        <Button component={Link} to={`/login?reference=${encodeURIComponent(reference)}`} size="md">
          {t('auth.activate.goToLogin')}
        </Button>
      </Stack>
    );
  }

  const errors = fieldErrors(activate.error, t);
  const codeInvalid = isApiError(activate.error, 'invalid_activation_code');
  const extra = unmatchedFieldErrors(activate.error, (path) => path === 'password' || path === 'code');

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('auth.activate.title')}
        </Title>
        <Text c="dimmed">{t('auth.activate.intro')}</Text>
      </Stack>
      <Paper shadow="xs" p={{ base: 'md', sm: 'xl' }}>
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            {activate.isError && <ErrorBanner error={activate.error} extraFieldErrors={extra} />}
            <TextInput
              label={t('auth.activate.code')}
              description={t('auth.activate.codeHelp')}
              placeholder="ABCD-EFGH-JKLM"
              autoComplete="one-time-code"
              autoCapitalize="characters"
              spellCheck={false}
              required
              classNames={{ input: 'mono' }}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              error={errors.code ?? (codeInvalid ? t('errors.field.code') : undefined)}
            />
            <NewPasswordFields
              {...newPassword.fields}
              label={t('auth.activate.password')}
              confirmLabel={t('auth.activate.confirm')}
              error={errors.password}
            />
            <Button type="submit" size="md" fullWidth loading={activate.isPending}>
              {t('auth.activate.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Text size="sm">
        {t('auth.activate.alreadyActive')}{' '}
        <Anchor component={Link} to="/login" fw={600}>
          {t('auth.activate.loginLink')}
        </Anchor>
      </Text>
    </Stack>
  );
}
