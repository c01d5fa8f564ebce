import { Badge, Button, Grid, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSession } from '../../api/auth';
import { useCreateCandidacy, useProject, useWithdrawalReasons, type ProjectDetail, type ProjectRule, type Unit } from '../../api/acquisitions';
import { DateText } from '../../components/DateText';
import { EditIcon, PlusIcon } from '../../components/Icons';
import { InfoList } from '../../components/InfoList';
import { ModalForm } from '../../components/ModalForm';
import { MoneyText } from '../../components/MoneyText';
import { notifySuccess } from '../../components/notify';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { SectionCard } from '../../components/SectionCard';
import { currentLanguage } from '../../i18n';
import { formatMoney, todayInBrussels } from '../../i18n/format';
import { formatRate } from '../journey/labels';
import { AcqErrorBanner } from './components/AcqForm';
import { ProjectStatusBadge } from './components/Badges';
import { CandidacyBoard, type CardAction } from './components/CandidacyBoard';
import { CandidacyDialog, type CandidacyDialogProps } from './components/CandidacyDialog';
import { CreateUnitModal, EditProjectModal, EditUnitModal, ProjectRuleModal, ProjectStatusModal } from './components/ProjectDialogs';
import { UnitsGrid } from './components/UnitsGrid';
import { formatPercent, partnerName, reasonName } from './labels';
import { acquisitionFieldErrors } from './problems';
import { HouseholdPicker } from './SimulatorPage';

/** One project (staff): its facts and rules, its homes by status, its candidacies by stage (moved in a dated dialog), its figures. */
export function ProjectPage() {
  const { id = '' } = useParams();
  const project = useProject(id);
  return <QueryState query={project}>{(data) => <ProjectDetails project={data} />}</QueryState>;
}

function ProjectDetails({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const coordinator = session?.user.role === 'coordinator';
  const [open, setOpen] = useState<CandidacyDialogProps['open']>(null);
  const [adding, add] = useDisclosure(false);
  const [addingUnit, addUnit] = useDisclosure(false);
  const [changingStatus, changeStatus] = useDisclosure(false);
  const [editing, edit] = useDisclosure(false);
  const [addingRule, addRule] = useDisclosure(false);
  const [editingUnit, setEditingUnit] = useState<Unit | null>(null);
  const onAction = (action: CardAction) =>
    setOpen((previous) => ({ candidacyId: action.candidacy.id, name: action.candidacy.household.displayName, view: action.kind, serial: (previous?.serial ?? 0) + 1 }));
  const rules = project.currentRules;

  return (
    <>
      <PageTitle
        title={project.name}
        after={<ProjectStatusBadge status={project.status} />}
        description={`${partnerName(project, t)} · ${t(`acquisitions.tenure.${project.tenure}`)}`}
        actions={
          <>
            {coordinator && (
              <Button variant="default" leftSection={<EditIcon size={16} />} onClick={edit.open}>
                {t('acquisitions.project.edit')}
              </Button>
            )}
            {coordinator && project.status !== 'closed' && (
              <Button variant="default" onClick={changeStatus.open}>
                {t('acquisitions.project.changeStatus')}
              </Button>
            )}
            <Button leftSection={<PlusIcon size={16} />} onClick={add.open}>
              {t('acquisitions.project.addCandidacy')}
            </Button>
          </>
        }
      />
      <Stack gap="lg">
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <SectionCard title={t('acquisitions.project.facts')} id="project-facts">
              <InfoList
                items={[
                  { label: t('acquisitions.project.partner'), value: partnerName(project, t) },
                  { label: t('acquisitions.project.tenure'), value: t(`acquisitions.tenure.${project.tenure}`) },
                  { label: t('acquisitions.project.commune'), value: [project.commune, project.address].filter(Boolean).join(' — ') || t('common.empty') },
                  { label: t('acquisitions.project.homes'), value: project.homes },
                  {
                    label: t('acquisitions.project.status'),
                    value: (
                      <>
                        {t(`acquisitions.projectStatus.${project.status}`)}
                        {project.statusSince && (
                          <>
                            {' '}
                            {t('acquisitions.board.since')} <DateText value={project.statusSince} />
                          </>
                        )}
                      </>
                    ),
                  },
                  { label: t('acquisitions.project.notes'), value: project.notes || t('common.empty') },
                ]}
              />
            </SectionCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <SectionCard title={t('acquisitions.project.rules')} id="project-rules">
              <Stack gap="sm">
                {rules ? (
                  <>
                    <InfoList cols={1} items={ruleItems(rules, t)} />
                    <Text size="sm" c="dimmed">
                      {t('acquisitions.project.rulesFrom')} <DateText value={rules.from} />
                      {rules.note && ` — ${rules.note}`}
                    </Text>
                  </>
                ) : (
                  <Text c="dimmed">{t('acquisitions.project.noRules')}</Text>
                )}
                {project.rules.length > 0 && <RulesHistory rules={project.rules} current={rules} />}
                {coordinator && (
                  <Button variant="light" leftSection={<PlusIcon size={16} />} onClick={addRule.open} style={{ alignSelf: 'flex-start' }}>
                    {t('acquisitions.project.addRule')}
                  </Button>
                )}
              </Stack>
            </SectionCard>
          </Grid.Col>
        </Grid>

        <SectionCard title={t('acquisitions.units.title')} id="project-units">
          <Stack gap="sm">
            <UnitsGrid units={project.units} candidacies={project.candidacies} onEdit={coordinator ? setEditingUnit : undefined} />
            {coordinator && (
              <Button variant="light" leftSection={<PlusIcon size={16} />} onClick={addUnit.open} style={{ alignSelf: 'flex-start' }}>
                {t('acquisitions.units.add')}
              </Button>
            )}
          </Stack>
        </SectionCard>

        <SectionCard title={t('acquisitions.board.title')} id="project-board">
          <Text size="sm" c="dimmed" mb="sm">
            {t('acquisitions.board.intro')}
          </Text>
          <CandidacyBoard candidacies={project.candidacies} units={project.units} canMoveMoney={coordinator} onAction={onAction} />
        </SectionCard>

        <ProjectFiguresSection project={project} />
      </Stack>
      <CandidacyDialog open={open} project={project} canMoveMoney={coordinator} onClose={() => setOpen(null)} />
      <AddCandidacyModal projectId={project.id} opened={adding} onClose={add.close} />
      {coordinator && (
        <>
          <CreateUnitModal projectId={project.id} opened={addingUnit} onClose={addUnit.close} />
          <ProjectStatusModal key={project.status} projectId={project.id} current={project.status} opened={changingStatus} onClose={changeStatus.close} />
          <EditProjectModal key={`edit-${editing ? 'open' : 'closed'}`} project={project} opened={editing} onClose={edit.close} />
          <ProjectRuleModal projectId={project.id} opened={addingRule} onClose={addRule.close} />
          {editingUnit && <EditUnitModal key={editingUnit.id} unit={editingUnit} opened onClose={() => setEditingUnit(null)} />}
        </>
      )}
    </>
  );
}

/** What a rule says, as label–value pairs: the deferred price always, the other limits when set. */
function ruleItems(rule: ProjectRule, t: TFunction) {
  return [
    {
      label: t('acquisitions.project.deferredPrice'),
      value: rule.deferredPriceAllowed ? t('acquisitions.project.deferredUpTo', { max: formatPercent(rule.deferredPriceMaxPercent) ?? t('common.empty') }) : t('common.no'),
    },
    ...(rule.incomeCeiling ? [{ label: t('acquisitions.project.incomeCeiling'), value: <IncomeCeiling amount={rule.incomeCeiling} perDependent={rule.incomeCeilingPerDependent} /> }] : []),
    ...(rule.occupancyYears !== null ? [{ label: t('acquisitions.project.occupancy'), value: t('acquisitions.project.years', { count: rule.occupancyYears }) }] : []),
    ...(rule.cltResaleSharePercent ? [{ label: t('acquisitions.project.cltResale'), value: t('acquisitions.project.cltResaleValue', { share: formatPercent(rule.cltResaleSharePercent) }) }] : []),
  ];
}

/** Every dated rule of the project, latest first, the one in force marked; each applies until the next one. */
function RulesHistory({ rules, current }: { rules: ProjectRule[]; current: ProjectRule | null }) {
  const { t } = useTranslation();
  const sorted = [...rules].sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));
  return (
    <Stack gap={4} data-testid="rules-history">
      <Title order={3} size="h6">
        {t('acquisitions.project.rulesHistory')}
      </Title>
      <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('acquisitions.project.rulesHistory')}>
        {sorted.map((rule) => (
          <Paper component="li" key={rule.from} p="xs" withBorder data-rule-from={rule.from}>
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={600}>
                {t('acquisitions.project.ruleFromDate')} <DateText value={rule.from} />
              </Text>
              {current?.from === rule.from && (
                <Badge variant="light" color="green" radius="sm" tt="none">
                  {t('acquisitions.project.ruleCurrent')}
                </Badge>
              )}
            </Group>
            <Text size="sm">
              {ruleSummary(rule, t)}
            </Text>
            {rule.note && (
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {rule.note}
              </Text>
            )}
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

/** A rule in one line of text (the history's rows). */
function ruleSummary(rule: ProjectRule, t: TFunction): string {
  const parts = [
    rule.deferredPriceAllowed
      ? t('acquisitions.project.rulePart', { label: t('acquisitions.project.deferredPrice'), value: t('acquisitions.project.deferredUpTo', { max: formatPercent(rule.deferredPriceMaxPercent) ?? t('common.empty') }) })
      : t('acquisitions.project.noDeferred'),
  ];
  if (rule.incomeCeiling) parts.push(t('acquisitions.project.rulePart', { label: t('acquisitions.project.incomeCeiling'), value: formatMoney(rule.incomeCeiling, currentLanguage()) ?? rule.incomeCeiling }));
  if (rule.occupancyYears !== null) parts.push(t('acquisitions.project.rulePart', { label: t('acquisitions.project.occupancy'), value: t('acquisitions.project.years', { count: rule.occupancyYears }) }));
  if (rule.cltResaleSharePercent) parts.push(t('acquisitions.project.rulePart', { label: t('acquisitions.project.cltResale'), value: t('acquisitions.project.cltResaleValue', { share: formatPercent(rule.cltResaleSharePercent) }) }));
  return parts.join(' · ');
}

function IncomeCeiling({ amount, perDependent }: { amount: string; perDependent: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      <MoneyText value={amount} /> {t('acquisitions.project.perYear')}
      {perDependent && (
        <>
          {' '}
          {t('acquisitions.project.perDependent')} <MoneyText value={perDependent} />
        </>
      )}
    </>
  );
}

/** The project's figures, counted by the server from its candidacies. */
function ProjectFiguresSection({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const reasons = useWithdrawalReasons();
  const f = project.figures;
  const blocks = [
    ['interested', f.interested],
    ['candidates', f.candidates],
    ['selected', f.selected],
    ['compromis', f.compromis],
    ['deeds', f.deeds],
  ] as const;
  const withdrawn = f.withdrawals.reduce((n, w) => n + w.count, 0);
  return (
    <SectionCard title={t('acquisitions.figures.title')} id="project-figures">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('acquisitions.figures.intro')}
        </Text>
        <SimpleGrid component="dl" cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" m={0}>
          {blocks.map(([key, value]) => (
            <Paper key={key} p="sm" bg="gray.0" withBorder={false}>
              <Text component="dt" size="sm" c="dimmed" fw={500}>
                {t(`acquisitions.figures.${key}`)}
              </Text>
              <Text component="dd" m={0} fz="xl" fw={700} data-testid={`figure-${key}`}>
                {value}
              </Text>
            </Paper>
          ))}
          <Paper p="sm" bg="gray.0" withBorder={false}>
            <Text component="dt" size="sm" c="dimmed" fw={500}>
              {t('acquisitions.figures.withdrawn')}
            </Text>
            <Text component="dd" m={0} fz="xl" fw={700} data-testid="figure-withdrawn">
              {withdrawn}
            </Text>
          </Paper>
        </SimpleGrid>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Text fw={600} mb={4}>
              {t('acquisitions.figures.withdrawalsByReason')}
            </Text>
            {f.withdrawals.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('acquisitions.figures.noWithdrawal')}
              </Text>
            ) : (
              <Stack component="ul" gap={2} p={0} m={0} style={{ listStyle: 'none' }}>
                {f.withdrawals.map((w) => (
                  <Group component="li" key={w.reasonKey} justify="space-between" wrap="nowrap" gap="xs">
                    <Text size="sm">{reasonName(reasons.data, w.reasonKey)}</Text>
                    <Text size="sm" fw={600}>
                      {w.count}
                    </Text>
                  </Group>
                ))}
              </Stack>
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Text fw={600} mb={4}>
              {t('acquisitions.figures.workshops')}
            </Text>
            <Text size="sm" data-testid="figure-workshops">
              {f.workshops.invitations === 0
                ? t('acquisitions.figures.noWorkshop')
                : t('acquisitions.figures.workshopsValue', {
                    attendances: f.workshops.attendances,
                    invitations: f.workshops.invitations,
                    rate: formatRate(f.workshops.participationRate) ?? t('common.empty'),
                  })}
            </Text>
          </Grid.Col>
        </Grid>
      </Stack>
    </SectionCard>
  );
}

/** Adds a household's candidacy to the project, interested from a date. */
function AddCandidacyModal({ projectId, opened, onClose }: { projectId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateCandidacy(projectId);
  const [householdId, setHouseholdId] = useState('');
  const [on, setOn] = useState(todayInBrussels());
  const errors = acquisitionFieldErrors(create.error, t);
  const close = () => {
    create.reset();
    setHouseholdId('');
    onClose();
  };
  return (
    <ModalForm
      opened={opened}
      title={t('acquisitions.project.addCandidacy')}
      submitLabel={t('acquisitions.project.addSubmit')}
      submitting={create.isPending}
      onSubmit={() =>
        create.mutate(
          { householdId, on },
          {
            onSuccess: (c) => {
              notifySuccess(t('acquisitions.project.added', { name: c.household.displayName }));
              close();
            },
          },
        )
      }
      onClose={close}
    >
      {create.isError && <AcqErrorBanner error={create.error} />}
      <HouseholdPicker value={householdId} onChange={setHouseholdId} label={t('acquisitions.project.household')} description={t('acquisitions.project.householdHelp')} />
      {errors.householdId && (
        <Text size="sm" c="red.8">
          {errors.householdId}
        </Text>
      )}
      <TextInput type="date" label={t('acquisitions.project.interestedOn')} required max={todayInBrussels()} value={on} onChange={(e) => setOn(e.currentTarget.value)} error={errors.on} />
    </ModalForm>
  );
}
