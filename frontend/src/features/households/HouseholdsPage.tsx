import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useHouseholds } from '../../api/households';
import type { HouseholdListParams } from '../../api/queryKeys';
import type { HouseholdSummary } from '../../api/types';
import { useStaffUsers } from '../../api/users';
import { withSearchChanges } from '../../app/searchParams';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PlusIcon, SearchIcon } from '../../components/Icons';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { CardList, WideTable } from '../../components/ResponsiveList';
import { AccountStatusBadge } from './components/AccountStatusBadge';
import { FlagBadges } from './components/FlagBadges';
import { ListPagination } from './components/ListPagination';

const PAGE_SIZE = 25;

/** Reads the list filters from the address bar, so a filtered list can be shared and survives "back". */
function paramsFromUrl(search: URLSearchParams): HouseholdListParams {
  const page = Number.parseInt(search.get('page') ?? '1', 10);
  return {
    q: search.get('q') ?? undefined,
    referentId: search.get('referentId') ?? undefined,
    singleParent: search.get('singleParent') === 'true' || undefined,
    pasSolo: search.get('pasSolo') === 'true' || undefined,
    page: Number.isFinite(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

/** The staff's list of households: search, filters, a table (cards on phones), pages. */
export function HouseholdsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const params = paramsFromUrl(search);
  const urlQuery = params.q ?? '';
  const [query, setQuery] = useState(urlQuery);
  const [debouncedQuery] = useDebouncedValue(query.trim(), 300);
  // The box follows the address bar when the search there changes by navigation (back, forward, a
  // link), but not when it shows the text the box itself just wrote there (the person may type on).
  const [written, setWritten] = useState<string | null>(null);
  const [seenUrlQuery, setSeenUrlQuery] = useState(urlQuery);
  if (urlQuery !== seenUrlQuery) {
    setSeenUrlQuery(urlQuery);
    setWritten(null);
    if (urlQuery !== written) setQuery(urlQuery);
  }
  const households = useHouseholds(params);
  const staff = useStaffUsers();

  const update = (changes: Record<string, string | undefined>, resetPage = true) => {
    setSearch((previous) => withSearchChanges(previous, changes, resetPage ? ['page'] : []), { replace: true });
  };

  useEffect(() => {
    if (urlQuery !== debouncedQuery) {
      setWritten(debouncedQuery);
      update({ q: debouncedQuery || undefined });
    }
    // Only the debounced text triggers a new search (not every render of `params`).
  }, [debouncedQuery]);

  const referentOptions = [
    { value: '', label: t('households.list.allReferents') },
    ...(staff.data ?? [])
      .slice()
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((user) => ({ value: user.id, label: user.active ? user.name : t('users.inactiveName', { name: user.name }) })),
  ];

  const data = households.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const filtered = Boolean(params.q || params.referentId || params.singleParent || params.pasSolo);

  return (
    <>
      <PageTitle
        title={t('households.list.title')}
        actions={
          <Button component={Link} to="/households/new" leftSection={<PlusIcon size={16} />}>
            {t('households.list.create')}
          </Button>
        }
      />

      <Paper p="md" mb="lg" role="search" aria-label={t('households.list.filtersLabel')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" verticalSpacing="sm">
          <TextInput
            type="search"
            label={t('households.list.search')}
            placeholder={t('households.list.searchPlaceholder')}
            leftSection={<SearchIcon size={16} />}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
          />
          <NativeSelect
            label={t('households.fields.referent')}
            data={referentOptions}
            value={params.referentId ?? ''}
            onChange={(event) => update({ referentId: event.currentTarget.value || undefined })}
          />
          <Checkbox
            mt={{ base: 0, lg: 30 }}
            label={t('households.flags.singleParent')}
            checked={Boolean(params.singleParent)}
            onChange={(event) => update({ singleParent: event.currentTarget.checked ? 'true' : undefined })}
          />
          <Checkbox
            mt={{ base: 0, lg: 30 }}
            label={t('households.flags.pasSolo')}
            checked={Boolean(params.pasSolo)}
            onChange={(event) => update({ pasSolo: event.currentTarget.checked ? 'true' : undefined })}
          />
        </SimpleGrid>
      </Paper>

      {households.isError && <ErrorBanner error={households.error} onRetry={() => void households.refetch()} />}
      {households.isPending && <LoadingState />}

      {data && (
        <Stack gap="md">
          <Text size="sm" c="dimmed" role="status" aria-live="polite">
            {t('households.list.count', { count: data.total })}
          </Text>
          {data.items.length === 0 ? (
            <Paper p="xl">
              <Text ta="center">{filtered ? t('households.list.noMatch') : t('households.list.empty')}</Text>
            </Paper>
          ) : (
            <>
              <HouseholdTable items={data.items} />
              <HouseholdCards items={data.items} />
            </>
          )}
          <ListPagination
            page={data.page}
            pageCount={pageCount}
            onChange={(page) => update({ page: page > 1 ? String(page) : undefined }, false)}
          />
        </Stack>
      )}
    </>
  );
}

function HouseholdTable({ items }: { items: HouseholdSummary[] }) {
  const { t } = useTranslation();
  return (
    <WideTable
      caption={t('households.list.tableCaption')}
      minWidth={760}
      highlightOnHover
      head={
        <Table.Tr>
          <Table.Th scope="col">{t('households.fields.reference')}</Table.Th>
          <Table.Th scope="col">{t('households.fields.displayName')}</Table.Th>
          <Table.Th scope="col">{t('households.fields.commune')}</Table.Th>
          <Table.Th scope="col">{t('households.fields.referent')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('households.fields.membersCount')}
          </Table.Th>
          <Table.Th scope="col">{t('households.fields.account')}</Table.Th>
        </Table.Tr>
      }
    >
      {items.map((household) => (
        <Table.Tr key={household.id}>
          <Table.Td className="mono nowrap">{household.reference}</Table.Td>
          <Table.Td>
            <Stack gap={4}>
              <Anchor component={Link} to={`/households/${household.id}`} fw={600}>
                {household.displayName}
              </Anchor>
              <FlagBadges flags={household.flags} />
            </Stack>
          </Table.Td>
          <Table.Td>{household.commune ?? t('common.empty')}</Table.Td>
          <Table.Td>{household.referent?.name ?? t('households.noReferent')}</Table.Td>
          <Table.Td ta="right">{household.membersCount}</Table.Td>
          <Table.Td>
            <AccountStatusBadge status={household.account.status} />
          </Table.Td>
        </Table.Tr>
      ))}
    </WideTable>
  );
}

function HouseholdCards({ items }: { items: HouseholdSummary[] }) {
  const { t } = useTranslation();
  return (
    <CardList label={t('households.list.tableCaption')}>
      {items.map((household) => (
        <Card component="li" key={household.id} withBorder padding="md" radius="md">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Anchor
              component={Link}
              to={`/households/${household.id}`}
              fw={600}
              style={{ overflowWrap: 'anywhere' }}
            >
              {household.displayName}
            </Anchor>
            <Text size="sm" className="mono nowrap">
              {household.reference}
            </Text>
          </Group>
          <Text size="sm" mt={4}>
            {[household.commune, t('households.list.membersShort', { count: household.membersCount })]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          <Text size="sm" c="dimmed">
            {household.referent
              ? t('households.list.referentShort', { name: household.referent.name })
              : t('households.noReferent')}
          </Text>
          <Group gap={4} mt="xs" wrap="wrap">
            <AccountStatusBadge status={household.account.status} />
            <FlagBadges flags={household.flags} />
          </Group>
        </Card>
      ))}
    </CardList>
  );
}
