import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AlertIcon } from '../../../components/Icons';
import { journeyProblemMessage } from '../labels';

/** A red, announced banner for a problem of the journey API, in the reader's language. */
export function JourneyError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return <Alert color="red" variant="light" role="alert" icon={<AlertIcon />} title={journeyProblemMessage(error, t)} />;
}
