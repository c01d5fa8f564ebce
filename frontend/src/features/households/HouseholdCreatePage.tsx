import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../components/notify';
import { useNavigate } from 'react-router';
import { useSession } from '../../api/auth';
import { useCreateHousehold } from '../../api/households';
import { useStaffUsers } from '../../api/users';
import { PageTitle } from '../../components/PageTitle';
import { currentLanguage } from '../../i18n';
import { HouseholdForm } from './HouseholdForm';
import { emptyHouseholdForm, formToCreateBody, type HouseholdFormValues } from './householdForm';
import { referentChoices } from './referents';

/** Registers a new household; the person creating it is proposed as referent. */
export function HouseholdCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: session } = useSession();
  const users = useStaffUsers();
  const create = useCreateHousehold();
  const [initial] = useState<HouseholdFormValues>(() => ({
    ...emptyHouseholdForm(currentLanguage()),
    referentId: session?.user.role === 'household' ? '' : (session?.user.id ?? ''),
  }));

  const onSubmit = (values: HouseholdFormValues) => {
    create.mutate(formToCreateBody(values), {
      onSuccess: (household) => {
        notifySuccess(t('households.create.done', { reference: household.reference }));
        void navigate(`/households/${household.id}`);
      },
    });
  };

  const referents = referentChoices(users.data, initial.referentId);
  if (session && !referents.some((user) => user.id === session.user.id) && users.data === undefined) {
    // The list of staff is still loading: offer at least oneself.
    referents.push({
      id: session.user.id,
      name: session.user.name,
      email: session.user.email ?? '',
      role: session.user.role === 'coordinator' ? 'coordinator' : 'referent',
      active: true,
      createdAt: '',
    });
  }

  return (
    <>
      <PageTitle title={t('households.create.title')} description={t('households.create.intro')} />
      <HouseholdForm
        initialValues={initial}
        referents={referents}
        submitting={create.isPending}
        error={create.error}
        submitLabel={t('households.create.submit')}
        onSubmit={onSubmit}
        onCancel={() => void navigate('/households')}
      />
    </>
  );
}
