/** The coordinator's dialogs of the projects pages: a new or changed project, a new or changed home, a dated project status, a dated project rule. */
import { Checkbox, NativeSelect, Radio, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  PARTNERS,
  PROJECT_STATUSES,
  TENURES,
  useAddProjectRule,
  useAddProjectStatus,
  useCreateProject,
  useCreateUnit,
  useUpdateProject,
  useUpdateUnit,
  type Partner,
  type ProjectDetail,
  type ProjectStatus,
  type Tenure,
  type Unit,
} from '../../../api/acquisitions';
import { ModalForm } from '../../../components/ModalForm';
import { notifySuccess } from '../../../components/notify';
import { currentLanguage } from '../../../i18n';
import { formatDate, todayInBrussels } from '../../../i18n/format';
import { AmountInput } from '../../savings/components/ActionDialog';
import { acquisitionFieldErrors, otherAcquisitionErrors } from '../problems';
import { projectBody, projectEditValues, projectPatchBody, ruleBody, unitBody, unitEditValues, unitPatchBody, type ProjectEditValues, type ProjectValues, type RuleValues, type UnitValues } from '../projectForm';
import { AcqErrorBanner } from './AcqForm';

const errorOf = (errors: Record<string, string | undefined>, path: string) => errors[path];

/** The new-project form: name, partner, tenure, commune, homes, the deferred-price maximum, the status it starts in. */
export function CreateProjectModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateProject();
  const empty: ProjectValues = { name: '', partner: 'fonds_du_logement', partnerName: '', tenure: 'full_ownership', commune: '', address: '', homes: '', deferredPercent: '', status: 'prospect', statusOn: todayInBrussels(), notes: '' };
  const [values, setValues] = useState(empty);
  const set = <K extends keyof ProjectValues>(key: K) => (value: ProjectValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const errors: Record<string, string | undefined> = acquisitionFieldErrors(create.error, t);
  for (const item of otherAcquisitionErrors(create.error, [])) errors[item.path] ??= t('errors.field.invalid');
  const close = () => {
    create.reset();
    setValues(empty);
    onClose();
  };
  return (
    <ModalForm
      opened={opened}
      title={t('acquisitions.projects.createTitle')}
      submitLabel={t('acquisitions.projects.createSubmit')}
      submitting={create.isPending}
      onSubmit={() =>
        create.mutate(projectBody(values), {
          onSuccess: (project) => {
            notifySuccess(t('acquisitions.projects.created', { name: project.name }));
            close();
            void navigate(`/projects/${project.id}`);
          },
        })
      }
      onClose={close}
    >
      {create.isError && <AcqErrorBanner error={create.error} />}
      <TextInput label={t('acquisitions.project.name')} required data-autofocus value={values.name} onChange={(e) => set('name')(e.currentTarget.value)} error={errorOf(errors, 'name')} />
      <NativeSelect label={t('acquisitions.project.partner')} data={PARTNERS.map((p) => ({ value: p, label: t(`acquisitions.partner.${p}`) }))} value={values.partner} onChange={(e) => set('partner')(e.currentTarget.value as Partner)} error={errorOf(errors, 'partner')} />
      {values.partner === 'other' && <TextInput label={t('acquisitions.projects.partnerName')} required value={values.partnerName} onChange={(e) => set('partnerName')(e.currentTarget.value)} error={errorOf(errors, 'partnerName')} />}
      <NativeSelect label={t('acquisitions.project.tenure')} data={TENURES.map((x) => ({ value: x, label: t(`acquisitions.tenure.${x}`) }))} value={values.tenure} onChange={(e) => set('tenure')(e.currentTarget.value as Tenure)} error={errorOf(errors, 'tenure')} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <TextInput label={t('acquisitions.projects.commune')} required value={values.commune} onChange={(e) => set('commune')(e.currentTarget.value)} error={errorOf(errors, 'commune')} />
        <TextInput label={t('acquisitions.project.homes')} required inputMode="numeric" value={values.homes} onChange={(e) => set('homes')(e.currentTarget.value)} error={errorOf(errors, 'homes')} />
      </SimpleGrid>
      <TextInput label={t('acquisitions.projects.address')} value={values.address} onChange={(e) => set('address')(e.currentTarget.value)} error={errorOf(errors, 'address')} />
      <TextInput
        label={t('acquisitions.projects.deferredMax')}
        description={t('acquisitions.projects.deferredMaxHelp')}
        inputMode="decimal"
        rightSection={<span aria-hidden="true">%</span>}
        value={values.deferredPercent}
        onChange={(e) => set('deferredPercent')(e.currentTarget.value)}
        error={errorOf(errors, 'deferredPriceMaxPercent')}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <NativeSelect label={t('acquisitions.project.status')} data={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`acquisitions.projectStatus.${s}`) }))} value={values.status} onChange={(e) => set('status')(e.currentTarget.value as ProjectStatus)} error={errorOf(errors, 'status')} />
        <TextInput type="date" label={t('acquisitions.projects.statusOn')} required max={todayInBrussels()} value={values.statusOn} onChange={(e) => set('statusOn')(e.currentTarget.value)} error={errorOf(errors, 'statusOn')} />
      </SimpleGrid>
      <Textarea label={t('acquisitions.project.notes')} autosize minRows={2} value={values.notes} onChange={(e) => set('notes')(e.currentTarget.value)} error={errorOf(errors, 'notes')} />
    </ModalForm>
  );
}

/** The new-home form: label, price, bedrooms, floor, area, and the VAT rate and land share of a new build. */
export function CreateUnitModal({ projectId, opened, onClose }: { projectId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUnit(projectId);
  const empty: UnitValues = { label: '', price: '', bedrooms: '', floor: '', floorArea: '', taxRegime: 'registration_duties', vatPercent: '6', landShare: '' };
  const [values, setValues] = useState(empty);
  const set = <K extends keyof UnitValues>(key: K) => (value: UnitValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const errors: Record<string, string | undefined> = acquisitionFieldErrors(create.error, t);
  for (const item of otherAcquisitionErrors(create.error, [])) errors[item.path] ??= t('errors.field.invalid');
  const close = () => {
    create.reset();
    setValues(empty);
    onClose();
  };
  return (
    <ModalForm
      opened={opened}
      title={t('acquisitions.units.createTitle')}
      submitLabel={t('acquisitions.units.createSubmit')}
      submitting={create.isPending}
      onSubmit={() =>
        create.mutate(unitBody(values), {
          onSuccess: () => {
            notifySuccess(t('acquisitions.units.created', { label: values.label.trim() }));
            close();
          },
        })
      }
      onClose={close}
    >
      {create.isError && <AcqErrorBanner error={create.error} />}
      <UnitFields values={values} set={set} errors={errors} />
    </ModalForm>
  );
}

/** The inputs of a home, shared by the new-home and edit-home dialogs. */
function UnitFields({ values, set, errors }: { values: UnitValues; set: <K extends keyof UnitValues>(key: K) => (value: UnitValues[K]) => void; errors: Record<string, string | undefined> }) {
  const { t } = useTranslation();
  return (
    <>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <TextInput label={t('acquisitions.units.label')} required data-autofocus value={values.label} onChange={(e) => set('label')(e.currentTarget.value)} error={errorOf(errors, 'label')} />
        <AmountInput label={t('acquisitions.dialog.price')} required value={values.price} onChange={(e) => set('price')(e.currentTarget.value)} error={errorOf(errors, 'price')} />
        <TextInput label={t('acquisitions.units.bedroomsLabel')} required inputMode="numeric" value={values.bedrooms} onChange={(e) => set('bedrooms')(e.currentTarget.value)} error={errorOf(errors, 'bedrooms')} />
        <TextInput label={t('acquisitions.units.floor')} inputMode="numeric" value={values.floor} onChange={(e) => set('floor')(e.currentTarget.value)} error={errorOf(errors, 'floor')} />
        <TextInput label={t('acquisitions.units.floorArea')} inputMode="decimal" rightSection={<span aria-hidden="true">m²</span>} value={values.floorArea} onChange={(e) => set('floorArea')(e.currentTarget.value)} error={errorOf(errors, 'floorArea')} />
      </SimpleGrid>
      <Radio.Group label={t('acquisitions.simulator.fields.regime')} value={values.taxRegime} onChange={(v) => set('taxRegime')(v === 'vat' ? 'vat' : 'registration_duties')}>
        <Stack gap="xs" mt={4}>
          <Radio value="registration_duties" label={t('acquisitions.taxRegime.registration_duties')} />
          <Radio value="vat" label={t('acquisitions.taxRegime.vat')} />
        </Stack>
      </Radio.Group>
      {values.taxRegime === 'vat' && (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput label={t('acquisitions.simulator.fields.vatPercent')} required inputMode="decimal" rightSection={<span aria-hidden="true">%</span>} value={values.vatPercent} onChange={(e) => set('vatPercent')(e.currentTarget.value)} error={errorOf(errors, 'vatRate')} />
          <AmountInput label={t('acquisitions.simulator.fields.landShare')} required value={values.landShare} onChange={(e) => set('landShare')(e.currentTarget.value)} error={errorOf(errors, 'landShare')} />
        </SimpleGrid>
      )}
    </>
  );
}

/** A new dated status of the project (statuses go in order, skips allowed, never in the future). */
export function ProjectStatusModal({ projectId, current, opened, onClose }: { projectId: string; current: ProjectStatus; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddProjectStatus(projectId);
  const later = PROJECT_STATUSES.slice(PROJECT_STATUSES.indexOf(current) + 1);
  const [status, setStatus] = useState<ProjectStatus | null>(null);
  const [on, setOn] = useState(todayInBrussels());
  const [note, setNote] = useState('');
  const chosen = status ?? later[0] ?? current;
  const errors = acquisitionFieldErrors(add.error, t);
  const close = () => {
    add.reset();
    setStatus(null);
    setNote('');
    onClose();
  };
  return (
    <ModalForm
      opened={opened}
      title={t('acquisitions.project.statusTitle')}
      submitLabel={t('acquisitions.project.statusSubmit')}
      submitting={add.isPending}
      onSubmit={() =>
        add.mutate(
          { status: chosen, on, ...(note.trim() ? { note: note.trim() } : {}) },
          {
            onSuccess: () => {
              notifySuccess(t('acquisitions.project.statusDone', { status: t(`acquisitions.projectStatus.${chosen}`) }));
              close();
            },
          },
        )
      }
      onClose={close}
    >
      {add.isError && <AcqErrorBanner error={add.error} />}
      <NativeSelect
        label={t('acquisitions.project.status')}
        data-autofocus
        data={later.map((s) => ({ value: s, label: t(`acquisitions.projectStatus.${s}`) }))}
        value={chosen}
        onChange={(e) => setStatus(later.find((s) => s === e.currentTarget.value) ?? null)}
        error={errors.stage}
      />
      <TextInput type="date" label={t('acquisitions.dialog.on')} required max={todayInBrussels()} value={on} onChange={(e) => setOn(e.currentTarget.value)} error={errors.on} />
      <Textarea label={t('acquisitions.dialog.note')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
    </ModalForm>
  );
}

/** The project's facts, changed: name, partner, tenure, commune, address, homes, notes (opened filled with the project as it is). */
export function EditProjectModal({ project, opened, onClose }: { project: ProjectDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateProject(project.id);
  const [values, setValues] = useState(() => projectEditValues(project));
  const set = <K extends keyof ProjectEditValues>(key: K) => (value: ProjectEditValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const errors: Record<string, string | undefined> = acquisitionFieldErrors(update.error, t);
  for (const item of otherAcquisitionErrors(update.error, [])) errors[item.path] ??= t('errors.field.invalid');
  const close = () => {
    update.reset();
    setValues(projectEditValues(project));
    onClose();
  };
  return (
    <ModalForm
      opened={opened}
      title={t('acquisitions.project.editTitle')}
      submitLabel={t('acquisitions.project.editSubmit')}
      submitting={update.isPending}
      onSubmit={() =>
        update.mutate(projectPatchBody(values), {
          onSuccess: (saved) => {
            notifySuccess(t('acquisitions.project.edited', { name: saved.name }));
            update.reset();
            setValues(projectEditValues(saved));
            onClose();
          },
        })
      }
      onClose={close}
    >
      {update.isError && <AcqErrorBanner error={update.error} />}
      <TextInput label={t('acquisitions.project.name')} required data-autofocus value={values.name} onChange={(e) => set('name')(e.currentTarget.value)} error={errorOf(errors, 'name')} />
      <NativeSelect label={t('acquisitions.project.partner')} data={PARTNERS.map((p) => ({ value: p, label: t(`acquisitions.partner.${p}`) }))} value={values.partner} onChange={(e) => set('partner')(e.currentTarget.value as Partner)} error={errorOf(errors, 'partner')} />
      {values.partner === 'other' && <TextInput label={t('acquisitions.projects.partnerName')} required value={values.partnerName} onChange={(e) => set('partnerName')(e.currentTarget.value)} error={errorOf(errors, 'partnerName')} />}
      <NativeSelect label={t('acquisitions.project.tenure')} data={TENURES.map((x) => ({ value: x, label: t(`acquisitions.tenure.${x}`) }))} value={values.tenure} onChange={(e) => set('tenure')(e.currentTarget.value as Tenure)} error={errorOf(errors, 'tenure')} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <TextInput label={t('acquisitions.projects.commune')} required value={values.commune} onChange={(e) => set('commune')(e.currentTarget.value)} error={errorOf(errors, 'commune')} />
        <TextInput label={t('acquisitions.project.homes')} required inputMode="numeric" value={values.homes} onChange={(e) => set('homes')(e.currentTarget.value)} error={errorOf(errors, 'homes')} />
      </SimpleGrid>
      <TextInput label={t('acquisitions.projects.address')} value={values.address} onChange={(e) => set('address')(e.currentTarget.value)} error={errorOf(errors, 'address')} />
      <Textarea label={t('acquisitions.project.notes')} autosize minRows={2} value={values.notes} onChange={(e) => set('notes')(e.currentTarget.value)} error={errorOf(errors, 'notes')} />
    </ModalForm>
  );
}

/** A home of the project, changed (opened filled with the home as it is). Mount it with a key per home. */
export function EditUnitModal({ unit, opened, onClose }: { unit: Unit; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUnit(unit.id);
  const [values, setValues] = useState(() => unitEditValues(unit, currentLanguage()));
  const set = <K extends keyof UnitValues>(key: K) => (value: UnitValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const errors: Record<string, string | undefined> = acquisitionFieldErrors(update.error, t);
  for (const item of otherAcquisitionErrors(update.error, [])) errors[item.path] ??= t('errors.field.invalid');
  const close = () => {
    update.reset();
    onClose();
  };
  return (
    <ModalForm
      opened={opened}
      title={t('acquisitions.units.editTitle', { label: unit.label })}
      submitLabel={t('acquisitions.units.editSubmit')}
      submitting={update.isPending}
      onSubmit={() =>
        update.mutate(unitPatchBody(values), {
          onSuccess: (saved) => {
            notifySuccess(t('acquisitions.units.edited', { label: saved.label }));
            close();
          },
        })
      }
      onClose={close}
    >
      {update.isError && <AcqErrorBanner error={update.error} />}
      <UnitFields values={values} set={set} errors={errors} />
    </ModalForm>
  );
}

/** A new dated rule of the project: deferred price, income ceiling, occupancy, CLT resale share (percentages typed as people say them). */
export function ProjectRuleModal({ projectId, opened, onClose }: { projectId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddProjectRule(projectId);
  const empty: RuleValues = { from: todayInBrussels(), deferredPriceAllowed: false, deferredPercent: '', incomeCeiling: '', incomeCeilingPerDependent: '', occupancyYears: '', cltResalePercent: '', note: '' };
  const [values, setValues] = useState(empty);
  const set = <K extends keyof RuleValues>(key: K) => (value: RuleValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const errors: Record<string, string | undefined> = acquisitionFieldErrors(add.error, t);
  for (const item of otherAcquisitionErrors(add.error, [])) errors[item.path] ??= t('errors.field.invalid');
  const close = () => {
    add.reset();
    setValues(empty);
    onClose();
  };
  return (
    <ModalForm
      opened={opened}
      title={t('acquisitions.project.ruleTitle')}
      submitLabel={t('acquisitions.project.ruleSubmit')}
      submitting={add.isPending}
      onSubmit={() =>
        add.mutate(ruleBody(values), {
          onSuccess: () => {
            notifySuccess(t('acquisitions.project.ruleDone', { from: formatDate(values.from, currentLanguage()) ?? values.from }));
            close();
          },
        })
      }
      onClose={close}
    >
      {add.isError && <AcqErrorBanner error={add.error} />}
      <TextInput type="date" label={t('acquisitions.project.ruleFrom')} description={t('acquisitions.project.ruleFromHelp')} required data-autofocus value={values.from} onChange={(e) => set('from')(e.currentTarget.value)} error={errorOf(errors, 'from')} />
      <Checkbox label={t('acquisitions.project.ruleDeferredAllowed')} checked={values.deferredPriceAllowed} onChange={(e) => set('deferredPriceAllowed')(e.currentTarget.checked)} error={errorOf(errors, 'deferredPriceAllowed')} />
      {values.deferredPriceAllowed && (
        <TextInput
          label={t('acquisitions.project.ruleDeferredMax')}
          description={t('acquisitions.project.ruleDeferredMaxHelp')}
          inputMode="decimal"
          rightSection={<span aria-hidden="true">%</span>}
          value={values.deferredPercent}
          onChange={(e) => set('deferredPercent')(e.currentTarget.value)}
          error={errorOf(errors, 'deferredPriceMaxPercent')}
        />
      )}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <AmountInput label={t('acquisitions.project.ruleIncomeCeiling')} value={values.incomeCeiling} onChange={(e) => set('incomeCeiling')(e.currentTarget.value)} error={errorOf(errors, 'incomeCeiling')} />
        <AmountInput label={t('acquisitions.project.ruleIncomePerDependent')} value={values.incomeCeilingPerDependent} onChange={(e) => set('incomeCeilingPerDependent')(e.currentTarget.value)} error={errorOf(errors, 'incomeCeilingPerDependent')} />
        <TextInput label={t('acquisitions.project.ruleOccupancy')} inputMode="numeric" value={values.occupancyYears} onChange={(e) => set('occupancyYears')(e.currentTarget.value)} error={errorOf(errors, 'occupancyYears')} />
        <TextInput label={t('acquisitions.project.ruleCltResale')} inputMode="decimal" rightSection={<span aria-hidden="true">%</span>} value={values.cltResalePercent} onChange={(e) => set('cltResalePercent')(e.currentTarget.value)} error={errorOf(errors, 'cltResaleSharePercent')} />
      </SimpleGrid>
      <Textarea label={t('acquisitions.dialog.note')} autosize minRows={2} value={values.note} onChange={(e) => set('note')(e.currentTarget.value)} error={errorOf(errors, 'note')} />
    </ModalForm>
  );
}
