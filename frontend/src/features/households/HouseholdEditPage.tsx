import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../components/notify';
import { useNavigate, useParams } from 'react-router';
import { useHousehold, useUpdateHousehold } from '../../api/households';
import type { Household } from '../../api/types';
import { useStaffUsers } from '../../api/users';
import { PageTitle } from '../../components/PageTitle';
import { currentLanguage } from '../../i18n';
import { QueryState } from '../../components/QueryState';
import { HouseholdForm } from './HouseholdForm';
import { formToPatchBody, householdToForm, type HouseholdFormValues } from './householdForm';
import { referentChoices } from './referents';

/** Edits a household's profile and members. */
export function HouseholdEditPage() {
  const { id = '' } = useParams();
  const household = useHousehold(id);
  // Keyed by updatedAt so the form starts again from the saved record after a save elsewhere.
  return <QueryState query={household}>{(data) => <EditForm key={data.updatedAt} household={data} />}</QueryState>;
}

function EditForm({ household }: { household: Household }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const users = useStaffUsers();
  const update = useUpdateHousehold(household.id);
  const initial = householdToForm(household, currentLanguage());
  const back = `/households/${household.id}`;

  const onSubmit = (values: HouseholdFormValues) => {
    const body = formToPatchBody(values, initial);
    if (Object.keys(body).length === 0) {
      void navigate(back);
      return;
    }
    update.mutate(body, {
      onSuccess: () => {
        notifySuccess(t('households.edit.done'));
        void navigate(back);
      },
    });
  };

  const referents = referentChoices(users.data, household.referentId ?? household.referent?.id);
  if (household.referent && !referents.some((user) => user.id === household.referent?.id)) {
    referents.push({ ...household.referent, email: '', role: 'referent', active: true, createdAt: '' });
  }

  return (
    <>
      <PageTitle
        title={t('households.edit.title', { name: household.displayName })}
        description={household.reference}
      />
      <HouseholdForm
        initialValues={initial}
        referents={referents}
        submitting={update.isPending}
        error={update.error}
        submitLabel={t('households.edit.submit')}
        onSubmit={onSubmit}
        onCancel={() => void navigate(back)}
      />
    </>
  );
}
