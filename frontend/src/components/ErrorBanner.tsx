import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldError } from '../api/client';
import { fieldMessage, problemMessage } from './errors';
import { AlertIcon } from './Icons';

/** Props of ErrorBanner. */
export interface ErrorBannerProps {
  error: unknown;
  /** Field errors that no input on the page displays. */
  extraFieldErrors?: FieldError[];
  onRetry?: () => void;
}

/** A red, announced banner explaining an API problem in the reader's language. */
export function ErrorBanner({ error, extraFieldErrors = [], onRetry }: ErrorBannerProps) {
  const { t } = useTranslation();
  const requestId = error instanceof ApiError && error.status >= 500 ? error.requestId : undefined;
  return (
    <Alert color="red" variant="light" role="alert" icon={<AlertIcon />} title={problemMessage(error, t)}>
      <Stack gap="xs">
        {extraFieldErrors.length > 0 && (
          <List size="sm">
            {extraFieldErrors.map((item) => (
              <List.Item key={item.path}>{fieldMessage(item.path, t)}</List.Item>
            ))}
          </List>
        )}
        {requestId && (
          <Text size="sm">{t('errors.requestId', { id: requestId })}</Text>
        )}
        {onRetry && (
          <div>
            <Button variant="white" color="red" size="xs" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          </div>
        )}
      </Stack>
    </Alert>
  );
}
