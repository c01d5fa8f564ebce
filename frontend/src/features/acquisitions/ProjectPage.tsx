import { Button, Grid, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSession } from '../../api/auth';
import { useCreateCandidacy, useProject, useWithdrawalReasons, type ProjectDetail } from '../../api/acquisitions';
import { DateText } from '../../components/DateText';
import { PlusIcon } from '../../components/Icons';
import { InfoList } from '../../components/InfoList';
import { ModalForm } from '../../components/ModalForm';
import { MoneyText } from '../../components/MoneyText';
import { notifySuccess } from '../../components/notify';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { SectionCard } from '../../components/SectionCard';
import { todayInBrussels } from '../../i18n/format';
import { formatRate } from '../journey/labels';
import { AcqErrorBanner } from './components/AcqForm';
import { ProjectStatusBadge } from './components/Badges';
import { CandidacyBoard, type CardAction } from './components/CandidacyBoard';
import { CandidacyDialog, type CandidacyDialogProps } from './components/CandidacyDialog';
import { CreateUnitModal, ProjectStatusModal } from './components/ProjectDialogs';
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
  const onAction = (action: CardAction) =>
    setOpen((previous) => ({ candidacyId: action.candidacy.id, name: action.candidacy.household.displayName, view: action.kind, serial: (previous?.serial ?? 0) + 1 }));
  const rules = project.currentRules;
  const yesNo = (v: boolean) => (v ? t('common.yes') : t('common.no'));

  return (
    <>
      <PageTitle
        title={project.name}
        after={<ProjectStatusBadge status={project.status} />}
        description={`${partnerName(project, t)} · ${t(`acquisitions.tenure.${project.tenure}`)}`}
        actions={
          <>
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
              {rules ? (
                <Stack gap="sm">
                  <InfoList
                    cols={1}
                    items={[
                      {
                        label: t('acquisitions.project.deferredPrice'),
                        value: rules.deferredPriceAllowed ? t('acquisitions.project.deferredUpTo', { max: formatPercent(rules.deferredPriceMaxPercent) ?? t('common.empty') }) : yesNo(false),
                      },
                      ...(rules.incomeCeiling
                        ? [{ label: t('acquisitions.project.incomeCeiling'), value: <IncomeCeiling amount={rules.incomeCeiling} perDependent={rules.incomeCeilingPerDependent} /> }]
                        : []),
                      ...(rules.occupancyYears !== null ? [{ label: t('acquisitions.project.occupancy'), value: t('acquisitions.project.years', { count: rules.occupancyYears }) }] : []),
                      ...(rules.cltResaleSharePercent
                        ? [{ label: t('acquisitions.project.cltResale'), value: t('acquisitions.project.cltResaleValue', { share: formatPercent(rules.cltResaleSharePercent) }) }]
                        : []),
                    ]}
                  />
                  <Text size="sm" c="dimmed">
                    {t('acquisitions.project.rulesFrom')} <DateText value={rules.from} />
                    {rules.note && ` — ${rules.note}`}
                  </Text>
                </Stack>
              ) : (
                <Text c="dimmed">{t('acquisitions.project.noRules')}</Text>
              )}
            </SectionCard>
          </Grid.Col>
        </Grid>

        <SectionCard title={t('acquisitions.units.title')} id="project-units">
          <Stack gap="sm">
            <UnitsGrid units={project.units} candidacies={project.candidacies} />
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
        </>
      )}
    </>
  );
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
