import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Entry } from '../../../api/savings';
import { DateText } from '../../../components/DateText';
import { ReverseIcon } from '../../../components/Icons';
import { MoneyText } from '../../../components/MoneyText';
import { negateAmount } from '../amounts';
import { savingsChange } from '../savingsSeries';

/** Props of EntryList. */
export interface EntryListProps {
  entries: Entry[];
  /** Names the list for assistive technology. */
  label: string;
  /** Whose view: a household's movements (its savings) or a group's entries (the pot). */
  view: 'household' | 'group';
  /** Household names by id (group view). */
  names?: Map<string, string>;
  /** Staff see the entry numbers and who recorded each entry. */
  staff?: boolean;
  /** Offered on entries that can still be reversed (coordinators, group view). */
  onReverse?: (entry: Entry) => void;
  /** Anchors are `${idPrefix}-${entryId}`, so a reversal can link to the entry it corrects. */
  idPrefix: string;
}

/** The amount a line shows: the household's savings change, or the pot's cash change in a group's list. */
function lineAmount(entry: Entry, view: 'household' | 'group'): string | null {
  if (view === 'group') return entry.effects.potCash ?? null;
  return savingsChange(entry);
}

/**
 * Movements, oldest last, as a list that reads the same on a phone and a desk: date, what it was
 * (reversals say what they correct, with their reason, and link to it), and the amount.
 */
export function EntryList({ entries, label, view, names, staff = false, onReverse, idPrefix }: EntryListProps) {
  const { t } = useTranslation();
  const ordered = [...entries].sort((a, b) => (a.valueDate === b.valueDate ? b.number - a.number : a.valueDate < b.valueDate ? 1 : -1));
  return (
    <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {ordered.map((entry) => {
        const amount = lineAmount(entry, view);
        const advance = view === 'household' ? entry.effects.advance : undefined;
        const household = entry.householdId ? names?.get(entry.householdId) : undefined;
        const details: ReactNode[] = [];
        if (household) details.push(household);
        if (entry.memo && entry.kind !== 'reversal') details.push(entry.memo);
        if (entry.bankReference) details.push(t('savings.entries.bankReference', { reference: entry.bankReference }));
        if (staff && entry.createdBy) details.push(t('savings.entries.recordedBy', { name: entry.createdBy }));
        return (
          <Group
            component="li"
            key={entry.id}
            id={`${idPrefix}-${entry.id}`}
            justify="space-between"
            align="flex-start"
            wrap="nowrap"
            gap="sm"
            py="xs"
            style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
          >
            <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
              <Group gap={6} wrap="wrap">
                <Text size="sm" c="dimmed" className="nowrap">
                  <DateText value={entry.valueDate} />
                </Text>
                {staff && (
                  <Text size="sm" c="dimmed">
                    {t('savings.entries.number', { number: entry.number })}
                  </Text>
                )}
                {entry.reversedBy && (
                  <Badge color="gray" variant="light" radius="sm" tt="none">
                    {t('savings.entries.reversed')}
                  </Badge>
                )}
              </Group>
              <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {t(`savings.entryKind.${entry.kind}`)}
              </Text>
              {entry.kind === 'reversal' && entry.reverses && (
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  <Anchor href={`#${idPrefix}-${entry.reverses.id}`} size="sm">
                    {t('savings.entries.corrects', {
                      kind: entry.reverses.kind ? t(`savings.entryKind.${entry.reverses.kind}`) : '',
                      number: entry.reverses.number ?? '',
                    })}
                  </Anchor>
                  {entry.reverses.valueDate && (
                    <>
                      {' '}
                      (<DateText value={entry.reverses.valueDate} />)
                    </>
                  )}
                  {entry.reason && ` — ${t('savings.entries.reason', { reason: entry.reason })}`}
                </Text>
              )}
              {entry.reversedBy && (
                <Text size="sm">
                  <Anchor href={`#${idPrefix}-${entry.reversedBy.id}`} size="sm">
                    {t('savings.entries.reversedBy', { number: entry.reversedBy.number ?? '' })}
                  </Anchor>
                </Text>
              )}
              {details.length > 0 && (
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {details.map((d, i) => (
                    <span key={i}>
                      {i > 0 && ' · '}
                      {d}
                    </span>
                  ))}
                </Text>
              )}
              {advance && (
                <Text size="sm">
                  {t('savings.entries.advanceOwed')}{' '}
                  <SignedMoney value={advance} />
                </Text>
              )}
              {onReverse && entry.kind !== 'reversal' && !entry.reversedBy && (
                <div>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    leftSection={<ReverseIcon size={16} />}
                    onClick={() => onReverse(entry)}
                    aria-label={t('savings.reversal.openLabel', { number: entry.number })}
                  >
                    {t('savings.reversal.open')}
                  </Button>
                </div>
              )}
            </Stack>
            {amount !== null && (
              <Text fw={650} size="sm" ta="right" c={amount.startsWith('-') ? 'red.9' : undefined}>
                <SignedMoney value={amount} />
              </Text>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}

/** An amount with its sign: "+100,00 €" or "−100,00 €". */
export function SignedMoney({ value }: { value: string }) {
  const negative = value.startsWith('-');
  return (
    <span className="nowrap">
      {negative ? '−' : '+'}
      <MoneyText value={negative ? negateAmount(value) : value} />
    </span>
  );
}
