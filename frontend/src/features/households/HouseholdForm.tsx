import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, MemberKind, StaffUser } from '../../api/types';
import { ErrorBanner } from '../../components/ErrorBanner';
import { fieldErrors, unmatchedFieldErrors } from '../../components/errors';
import { FormActions } from '../../components/FormActions';
import { PlusIcon, TrashIcon } from '../../components/Icons';
import { LANGUAGES } from '../../i18n';
import { SectionCard } from '../../components/SectionCard';
import { emptyMember, isFormPath, type HouseholdFormValues, type MemberFormValues } from './householdForm';

/** Props of HouseholdForm. */
export interface HouseholdFormProps {
  initialValues: HouseholdFormValues;
  /** Staff who can follow a household (the current referent is kept even if inactive). */
  referents: StaffUser[];
  submitting: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (values: HouseholdFormValues) => void;
  onCancel: () => void;
}

const currentYear = new Date().getFullYear();

/** Create/edit form of a household with its members; shows the API's field errors next to each input. */
export function HouseholdForm({
  initialValues,
  referents,
  submitting,
  error,
  submitLabel,
  onSubmit,
  onCancel,
}: HouseholdFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<HouseholdFormValues>(initialValues);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = fieldErrors(error, t);
  const extra = unmatchedFieldErrors(error, isFormPath);

  useEffect(() => {
    if (!error) return;
    const firstInvalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    firstInvalid?.focus();
  }, [error]);

  const set = <K extends keyof HouseholdFormValues>(key: K, value: HouseholdFormValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }));

  const setMember = (index: number, patch: Partial<MemberFormValues>) =>
    setValues((previous) => ({
      ...previous,
      members: previous.members.map((member, i) => (i === index ? { ...member, ...patch } : member)),
    }));

  const addMember = () => setValues((previous) => ({ ...previous, members: [...previous.members, emptyMember()] }));
  const removeMember = (index: number) =>
    setValues((previous) => ({ ...previous, members: previous.members.filter((_, i) => i !== index) }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(values);
  };

  const referentOptions = [
    { value: '', label: t('households.form.noReferent') },
    ...referents.map((user) => ({ value: user.id, label: user.name })),
  ];
  const languageOptions = LANGUAGES.map((language: Language) => ({
    value: language,
    label: t(`language.names.${language}`),
  }));
  const kindOptions = (['adult', 'child'] as const).map((kind: MemberKind) => ({
    value: kind,
    label: t(`households.memberKind.${kind}`),
  }));

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="lg">
        {Boolean(error) && <ErrorBanner error={error} extraFieldErrors={extra} />}

        <SectionCard title={t('households.form.identity')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('households.fields.displayName')}
              description={t('households.form.displayNameHelp')}
              required
              value={values.displayName}
              onChange={(event) => set('displayName', event.currentTarget.value)}
              error={errors.displayName}
            />
            <NativeSelect
              label={t('households.fields.preferredLanguage')}
              data={languageOptions}
              value={values.preferredLanguage}
              onChange={(event) => {
                const language = LANGUAGES.find((l) => l === event.currentTarget.value);
                if (language) set('preferredLanguage', language);
              }}
              error={errors.preferredLanguage}
            />
            <TextInput
              label={t('households.fields.phone')}
              type="tel"
              autoComplete="off"
              inputMode="tel"
              value={values.phone}
              onChange={(event) => set('phone', event.currentTarget.value)}
              error={errors.phone}
            />
            <TextInput
              label={t('households.fields.email')}
              description={t('households.form.emailHelp')}
              type="email"
              autoComplete="off"
              value={values.email}
              onChange={(event) => set('email', event.currentTarget.value)}
              error={errors.email}
            />
            <TextInput
              label={t('households.fields.commune')}
              value={values.commune}
              onChange={(event) => set('commune', event.currentTarget.value)}
              error={errors.commune}
            />
          </SimpleGrid>
        </SectionCard>

        <SectionCard title={t('households.form.members')}>
          <Stack gap="md">
            {values.members.length === 0 && <Text c="dimmed">{t('households.form.noMembers')}</Text>}
            {values.members.map((member, index) => {
              const number = index + 1;
              const memberName = `${member.firstName} ${member.lastName}`.trim();
              return (
                <Fieldset
                  key={member.key}
                  legend={t('households.form.memberLegend', { number })}
                  variant="filled"
                  radius="md"
                >
                  <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
                    <TextInput
                      label={t('households.fields.firstName')}
                      required
                      value={member.firstName}
                      onChange={(event) => setMember(index, { firstName: event.currentTarget.value })}
                      error={errors[`members.${index}.firstName`]}
                    />
                    <TextInput
                      label={t('households.fields.lastName')}
                      required
                      value={member.lastName}
                      onChange={(event) => setMember(index, { lastName: event.currentTarget.value })}
                      error={errors[`members.${index}.lastName`]}
                    />
                    <NativeSelect
                      label={t('households.fields.kind')}
                      data={kindOptions}
                      value={member.kind}
                      onChange={(event) =>
                        setMember(index, { kind: event.currentTarget.value === 'child' ? 'child' : 'adult' })
                      }
                      error={errors[`members.${index}.kind`]}
                    />
                    <NumberInput
                      label={t('households.fields.birthYear')}
                      allowDecimal={false}
                      allowNegative={false}
                      hideControls
                      min={1900}
                      max={currentYear}
                      inputMode="numeric"
                      value={member.birthYear}
                      onChange={(value) => setMember(index, { birthYear: String(value) })}
                      error={errors[`members.${index}.birthYear`]}
                    />
                  </SimpleGrid>
                  <Group justify="flex-end" mt="sm">
                    <Button
                      variant="subtle"
                      color="red.9"
                      size="compact-sm"
                      leftSection={<TrashIcon size={16} />}
                      onClick={() => removeMember(index)}
                      aria-label={t('households.form.removeMemberLabel', {
                        name: memberName || t('households.form.memberLegend', { number }),
                      })}
                    >
                      {t('households.form.removeMember')}
                    </Button>
                  </Group>
                </Fieldset>
              );
            })}
            {errors.members && (
              <Text c="var(--mantine-color-error)" size="sm" role="alert">
                {errors.members}
              </Text>
            )}
            <div>
              <Button variant="light" leftSection={<PlusIcon size={16} />} onClick={addMember}>
                {t('households.form.addMember')}
              </Button>
            </div>
          </Stack>
        </SectionCard>

        <SectionCard title={t('households.form.situation')}>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <NumberInput
                label={t('households.fields.dependents')}
                allowDecimal={false}
                allowNegative={false}
                hideControls
                min={0}
                inputMode="numeric"
                value={values.dependents}
                onChange={(value) => set('dependents', String(value))}
                error={errors.dependents}
              />
              <TextInput
                label={t('households.fields.monthlyIncome')}
                description={t('households.form.monthlyIncomeHelp')}
                inputMode="decimal"
                rightSection={<span aria-hidden="true">€</span>}
                value={values.monthlyIncome}
                onChange={(event) => set('monthlyIncome', event.currentTarget.value)}
                error={errors.monthlyIncome}
              />
            </SimpleGrid>
            <Checkbox
              label={t('households.fields.singleParent')}
              checked={values.singleParent}
              onChange={(event) => set('singleParent', event.currentTarget.checked)}
              error={errors['flags.singleParent']}
            />
            <Checkbox
              label={t('households.fields.pasSolo')}
              description={t('households.form.pasSoloHelp')}
              checked={values.pasSolo}
              onChange={(event) => set('pasSolo', event.currentTarget.checked)}
              error={errors['flags.pasSolo']}
            />
          </Stack>
        </SectionCard>

        <SectionCard title={t('households.form.followUp')}>
          <Stack gap="md">
            <NativeSelect
              label={t('households.fields.referent')}
              data={referentOptions}
              value={values.referentId}
              onChange={(event) => set('referentId', event.currentTarget.value)}
              error={errors.referentId}
              maw={{ sm: 420 }}
            />
            <Textarea
              label={t('households.fields.notes')}
              description={t('households.form.notesHelp')}
              autosize
              minRows={3}
              maxRows={10}
              value={values.notes}
              onChange={(event) => set('notes', event.currentTarget.value)}
              error={errors.notes}
            />
          </Stack>
        </SectionCard>

        <FormActions submitLabel={submitLabel} submitting={submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
