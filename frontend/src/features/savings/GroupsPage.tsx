import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';

/** The GECS groups (staff). */
export function GroupsPage() {
  const { t } = useTranslation();
  return <PageTitle title={t('nav.groups')} />;
}
