import { Alert, Button, CopyButton, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../components/AppModal';
import type { AccountStatus, ActivationCode } from '../../../api/types';
import { DateText } from '../../../components/DateText';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { CheckIcon, CopyIcon, DownloadIcon } from '../../../components/Icons';

/** Props of ActivationCodeModal. */
export interface ActivationCodeModalProps {
  opened: boolean;
  /** Status before issuing: a confirmation is asked when a code or an account already exists. */
  status: AccountStatus;
  issued: ActivationCode | undefined;
  issuing: boolean;
  issueError: unknown;
  downloading: boolean;
  downloadError: unknown;
  onIssue: () => void;
  onDownload: (code: string) => void;
  onClose: () => void;
}

/** Issues an activation code, then shows it once with its expiry and the letter to print. */
export function ActivationCodeModal(props: ActivationCodeModalProps) {
  const { t } = useTranslation();
  const { opened, status, issued, issuing, issueError, onClose } = props;
  return (
    <AppModal opened={opened} onClose={onClose} title={t('households.activation.title')} size="lg">
      {issued ? (
        <IssuedCode {...props} issued={issued} />
      ) : issuing ? (
        <Group justify="center" py="xl" role="status">
          <Loader aria-label={t('households.activation.issuing')} />
        </Group>
      ) : (
        <Stack gap="md">
          {Boolean(issueError) && <ErrorBanner error={issueError} />}
          <Text>
            {status === 'active' ? t('households.activation.replaceActive') : t('households.activation.replaceCode')}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={props.onIssue}>{t('households.activation.issueNew')}</Button>
          </Group>
        </Stack>
      )}
    </AppModal>
  );
}

function IssuedCode({
  issued,
  downloading,
  downloadError,
  onDownload,
  onClose,
}: ActivationCodeModalProps & { issued: ActivationCode }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Text>{t('households.activation.giveCode')}</Text>
      <Paper bg="gray.0" p="md" withBorder>
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text
            component="p"
            m={0}
            fz={{ base: 22, sm: 28 }}
            fw={700}
            className="mono"
            data-testid="activation-code"
            style={{ overflowWrap: 'anywhere' }}
          >
            {issued.code}
          </Text>
          <CopyButton value={issued.code}>
            {({ copied, copy }) => (
              <Button
                variant="default"
                size="sm"
                leftSection={copied ? <CheckIcon size={16} /> : <CopyIcon size={16} />}
                onClick={copy}
              >
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Paper>
      <Text>
        {t('households.activation.validUntil')} <DateText value={issued.expiresAt} withTime />
      </Text>
      <Alert color="yellow" variant="light" title={t('households.activation.onceTitle')}>
        {t('households.activation.onceBody')}
      </Alert>
      {Boolean(downloadError) && <ErrorBanner error={downloadError} />}
      <Group justify="flex-end" gap="sm" wrap="wrap">
        <Button variant="default" onClick={onClose}>
          {t('common.close')}
        </Button>
        <Button leftSection={<DownloadIcon size={16} />} loading={downloading} onClick={() => onDownload(issued.code)}>
          {t('households.activation.downloadLetter')}
        </Button>
      </Group>
    </Stack>
  );
}
