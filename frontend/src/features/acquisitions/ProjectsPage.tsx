import { Anchor, Button, Card, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { STAGES, UNIT_STATUSES, useProjects, type ProjectSummary } from '../../api/acquisitions';
import { useSession } from '../../api/auth';
import { PlusIcon } from '../../components/Icons';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { CardList, WideTable } from '../../components/ResponsiveList';
import { ProjectStatusBadge } from './components/Badges';
import { CreateProjectModal } from './components/ProjectDialogs';
import { partnerName } from './labels';

/** The acquisition projects (staff): partner, tenure, status, candidacies by current stage, units by status. */
export function ProjectsPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const coordinator = session?.user.role === 'coordinator';
  const projects = useProjects();
  const [creating, create] = useDisclosure(false);
  return (
    <>
      <PageTitle
        title={t('acquisitions.projects.title')}
        description={t('acquisitions.projects.intro')}
        actions={
          coordinator && (
            <Button leftSection={<PlusIcon size={16} />} onClick={create.open}>
              {t('acquisitions.projects.create')}
            </Button>
          )
        }
      />
      <QueryState query={projects}>
        {(items) =>
          items.length === 0 ? (
            <Paper p="xl">
              <Text ta="center">{t('acquisitions.projects.empty')}</Text>
            </Paper>
          ) : (
            <>
              <ProjectTable items={items} />
              <ProjectCards items={items} />
            </>
          )
        }
      </QueryState>
      {coordinator && <CreateProjectModal opened={creating} onClose={create.close} />}
    </>
  );
}

/** "3 intéressés · 1 compromis": the current stages with at least one candidacy. */
function StageCounts({ project }: { project: ProjectSummary }) {
  const { t } = useTranslation();
  const parts = STAGES.filter((s) => (project.candidaciesByStage[s] ?? 0) > 0).map((s) => t(`acquisitions.stageCount.${s}`, { count: project.candidaciesByStage[s] ?? 0 }));
  return <>{parts.length > 0 ? parts.join(' · ') : t('acquisitions.projects.noCandidacy')}</>;
}

/** "12 disponibles · 24 vendus": the units by status. */
function UnitCounts({ project }: { project: ProjectSummary }) {
  const { t } = useTranslation();
  const parts = UNIT_STATUSES.filter((s) => (project.unitsByStatus[s] ?? 0) > 0).map((s) => t(`acquisitions.unitCount.${s}`, { count: project.unitsByStatus[s] ?? 0 }));
  return <>{parts.length > 0 ? parts.join(' · ') : t('acquisitions.projects.noUnit')}</>;
}

function ProjectTable({ items }: { items: ProjectSummary[] }) {
  const { t } = useTranslation();
  return (
    <WideTable
      caption={t('acquisitions.projects.tableCaption')}
      minWidth={880}
      highlightOnHover
      head={
        <Table.Tr>
          <Table.Th scope="col">{t('acquisitions.project.name')}</Table.Th>
          <Table.Th scope="col">{t('acquisitions.project.partner')}</Table.Th>
          <Table.Th scope="col">{t('acquisitions.project.commune')}</Table.Th>
          <Table.Th scope="col" ta="right">{t('acquisitions.project.homes')}</Table.Th>
          <Table.Th scope="col">{t('acquisitions.project.status')}</Table.Th>
          <Table.Th scope="col">{t('acquisitions.projects.candidacies')}</Table.Th>
          <Table.Th scope="col">{t('acquisitions.projects.units')}</Table.Th>
        </Table.Tr>
      }
    >
      {items.map((p) => (
        <Table.Tr key={p.id}>
          <Table.Td>
            <Anchor component={Link} to={`/projects/${p.id}`} fw={600}>
              {p.name}
            </Anchor>
            <Text size="xs" c="dimmed">
              {t(`acquisitions.tenure.${p.tenure}`)}
            </Text>
          </Table.Td>
          <Table.Td>{partnerName(p, t)}</Table.Td>
          <Table.Td>{p.commune ?? t('common.empty')}</Table.Td>
          <Table.Td ta="right">{p.homes}</Table.Td>
          <Table.Td>
            <ProjectStatusBadge status={p.status} />
          </Table.Td>
          <Table.Td>
            <Text size="sm">
              <StageCounts project={p} />
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">
              <UnitCounts project={p} />
            </Text>
          </Table.Td>
        </Table.Tr>
      ))}
    </WideTable>
  );
}

function ProjectCards({ items }: { items: ProjectSummary[] }) {
  const { t } = useTranslation();
  return (
    <CardList label={t('acquisitions.projects.tableCaption')}>
      {items.map((p) => (
        <Card component="li" key={p.id} withBorder padding="md" radius="md">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Anchor component={Link} to={`/projects/${p.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
              {p.name}
            </Anchor>
            <ProjectStatusBadge status={p.status} />
          </Group>
          <Stack gap={2} mt={4}>
            <Text size="sm">
              {partnerName(p, t)} · {p.commune ?? t('common.empty')} · {t('acquisitions.projects.homesCount', { count: p.homes })}
            </Text>
            <Text size="sm">
              <StageCounts project={p} />
            </Text>
            <Text size="sm" c="dimmed">
              <UnitCounts project={p} />
            </Text>
          </Stack>
        </Card>
      ))}
    </CardList>
  );
}
