import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';

/** The referent's board: households by current phase (staff). */
export function BoardPage() {
  const { t } = useTranslation();
  return <PageTitle title={t('nav.board')} />;
}
