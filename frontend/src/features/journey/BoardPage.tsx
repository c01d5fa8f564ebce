import { NativeSelect, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SESSION_KINDS, useBoard, useCohorts, usePhases, type BoardCard, type BoardParams, type SessionKind } from '../../api/journey';
import { useStaffUsers } from '../../api/users';
import { withSearchChanges } from '../../app/searchParams';
import { ErrorBanner } from '../../components/ErrorBanner';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { BoardColumns } from './components/BoardColumns';
import { MoveDialog } from './components/MoveDialog';
import { FiguresPanel } from './FiguresPanel';
import { SessionsPanel } from './SessionsPanel';

const VIEWS = ['board', 'sessions', 'figures'] as const;
type View = (typeof VIEWS)[number];
const FLAGS = ['singleParent', 'pasSolo', 'warning'] as const;

/** The referent's board (households by current phase), the sessions, and the year's figures; the view and filters live in the address bar. */
export function BoardPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const view: View = VIEWS.find((v) => v === search.get('view')) ?? 'board';
  const thisYear = new Date().getUTCFullYear();
  const yearParam = Number.parseInt(search.get('year') ?? '', 10);
  const year = Number.isFinite(yearParam) && yearParam >= 2000 && yearParam <= thisYear + 1 ? yearParam : thisYear;
  const kind = SESSION_KINDS.find((k) => k === search.get('kind'));

  const update = (changes: Record<string, string | null>) => setSearch((previous) => withSearchChanges(previous, changes), { replace: true });

  return (
    <>
      <PageTitle title={t('journey.board.title')} description={t('journey.board.intro')} />
      <Tabs value={view} onChange={(value) => update({ view: value === 'board' ? null : value })} keepMounted={false}>
        <Tabs.List aria-label={t('journey.board.viewsLabel')} mb="lg">
          {VIEWS.map((v) => (
            <Tabs.Tab key={v} value={v}>
              {t(`journey.board.views.${v}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="board">
          <BoardView
            params={{
              referentId: search.get('referentId') ?? undefined,
              cohortId: search.get('cohortId') ?? undefined,
              flag: FLAGS.find((f) => f === search.get('flag')),
            }}
            onFilter={update}
          />
        </Tabs.Panel>
        <Tabs.Panel value="sessions">
          <SessionsPanel year={year} onYear={(y) => update({ year: String(y) })} />
        </Tabs.Panel>
        <Tabs.Panel value="figures">
          <FiguresPanel
            year={Math.min(year, thisYear)}
            kind={kind}
            onChange={(c) => update({ ...(c.year !== undefined ? { year: String(c.year) } : {}), ...(c.kind !== undefined ? { kind: c.kind satisfies SessionKind | null } : {}) })}
          />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function BoardView({ params, onFilter }: { params: BoardParams; onFilter: (changes: Record<string, string | null>) => void }) {
  const { t } = useTranslation();
  const board = useBoard(params);
  const phases = usePhases();
  const staff = useStaffUsers();
  const cohorts = useCohorts();
  const [moving, setMoving] = useState<BoardCard | null>(null);

  return (
    <Stack gap="md">
      <Paper p={{ base: 'md', sm: 'lg' }} component="section" aria-label={t('journey.board.filtersLabel')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <NativeSelect
            label={t('journey.board.filters.referent')}
            data={[{ value: '', label: t('journey.board.filters.allReferents') }, ...(staff.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))]}
            value={params.referentId ?? ''}
            onChange={(e) => onFilter({ referentId: e.currentTarget.value || null })}
          />
          <NativeSelect
            label={t('journey.board.filters.cohort')}
            data={[{ value: '', label: t('journey.board.filters.allCohorts') }, ...(cohorts.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
            value={params.cohortId ?? ''}
            onChange={(e) => onFilter({ cohortId: e.currentTarget.value || null })}
          />
          <NativeSelect
            label={t('journey.board.filters.flag')}
            data={[{ value: '', label: t('journey.board.filters.allFlags') }, ...FLAGS.map((f) => ({ value: f, label: t(`journey.board.filters.flags.${f}`) }))]}
            value={params.flag ?? ''}
            onChange={(e) => onFilter({ flag: e.currentTarget.value || null })}
          />
        </SimpleGrid>
      </Paper>
      {(board.isError || phases.isError) && <ErrorBanner error={board.error ?? phases.error} onRetry={() => void board.refetch()} />}
      {(board.isPending || phases.isPending) && <LoadingState />}
      {board.data && phases.data && (
        <>
          <Text size="sm" c="dimmed" role="status" aria-live="polite">
            {t('journey.board.summary', { count: board.data.columns.reduce((n, c) => n + c.cards.length, 0), exited: board.data.exited })}
          </Text>
          <BoardColumns board={board.data} phases={phases.data} onMove={setMoving} />
          <MoveDialog household={moving} phases={phases.data} onClose={() => setMoving(null)} />
        </>
      )}
    </Stack>
  );
}
