import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';

/** One GECS group: members, pot, charts, money operations (staff). */
export function GroupPage() {
  const { t } = useTranslation();
  return <PageTitle title={t('nav.groups')} />;
}
