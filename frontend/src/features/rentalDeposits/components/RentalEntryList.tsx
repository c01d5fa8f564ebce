import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RENTAL_ENTRY_KINDS, type RentalEntryKind } from '../../../api/rentalDeposits';
import type { DecimalString } from '../../../api/types';
import { DateText } from '../../../components/DateText';
import { ReverseIcon } from '../../../components/Icons';
import { SignedMoney } from '../../savings/components/EntryList';

/** One line of a rental-deposit entry list, from a fund entry or an advance's entry. */
export interface RentalEntryLine {
  id: string;
  number: number;
  kind: string;
  valueDate: string;
  /** The signed amount the list shows (the fund's cash, or what the tenant owes). */
  amount: DecimalString | null;
  memo: string | null;
  bankReference: string | null;
  reason: string | null;
  reversesEntryNumber: number | null;
  reversesEntryKind?: string | null;
  reversedByEntryNumber: number | null;
  createdBy: string | null;
  /** The household and advance it concerns (fund view), with a link to the advance. */
  household?: { name: string; depositId: string | null } | null;
}

/** The kind's label key; an unknown kind reads as a plain "entry". */
function kindKey(kind: string): RentalEntryKind | 'other' {
  return (RENTAL_ENTRY_KINDS as readonly string[]).includes(kind) ? (kind as RentalEntryKind) : 'other';
}

/** Props of RentalEntryList. */
export interface RentalEntryListProps {
  lines: RentalEntryLine[];
  label: string;
  idPrefix: string;
  /** Offered on entries that can still be reversed (coordinators). */
  onReverse?: (line: RentalEntryLine) => void;
  /** Show only the newest this many at first, with a button for the rest (a long history stays one click away). */
  initialCount?: number;
}

/**
 * Entries, newest first, as a list that reads the same on a phone and a desk: date and number, what it
 * was (a correction says which entry it corrects, with its reason), details, and the signed amount.
 */
export function RentalEntryList({ lines, label, idPrefix, onReverse, initialCount }: RentalEntryListProps) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const sorted = [...lines].sort((a, b) => (a.valueDate === b.valueDate ? b.number - a.number : a.valueDate < b.valueDate ? 1 : -1));
  const limited = initialCount !== undefined && sorted.length > initialCount;
  const ordered = limited && !all ? sorted.slice(0, initialCount) : sorted;
  const byNumber = new Map(lines.map((line) => [line.number, line.id]));
  const anchor = (number: number, text: string) => {
    const id = byNumber.get(number);
    return id ? (
      <Anchor href={`#${idPrefix}-${id}`} size="sm">
        {text}
      </Anchor>
    ) : (
      text
    );
  };
  return (
    <>
      <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
        {ordered.map((line) => {
          const details: ReactNode[] = [];
          if (line.household) {
            details.push(
              line.household.depositId ? (
                <Anchor component={Link} to={`/rental-deposits/${line.household.depositId}`} size="sm" underline="always">
                  {line.household.name}
                </Anchor>
              ) : (
                line.household.name
              ),
            );
          }
          // A write-off keeps its reason as the entry's memo.
          const writeOffReason = line.kind === 'deposit_write_off' && !line.reason ? line.memo : null;
          if (line.memo && line.reversesEntryNumber === null && !writeOffReason) details.push(line.memo);
          if (line.bankReference) details.push(t('rentalDeposits.entries.bankReference', { reference: line.bankReference }));
          if (line.createdBy) details.push(t('rentalDeposits.entries.recordedBy', { name: line.createdBy }));
          const reversal = line.reversesEntryNumber !== null;
          return (
            <Group
              component="li"
              key={line.id}
              id={`${idPrefix}-${line.id}`}
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
                    <DateText value={line.valueDate} />
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('rentalDeposits.entries.number', { number: line.number })}
                  </Text>
                  {line.reversedByEntryNumber !== null && (
                    <Badge color="gray" variant="light" radius="sm" tt="none">
                      {t('rentalDeposits.entries.reversed')}
                    </Badge>
                  )}
                </Group>
                <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {reversal ? t('rentalDeposits.entryKind.reversal') : t(`rentalDeposits.entryKind.${kindKey(line.kind)}`)}
                </Text>
                {reversal && line.reversesEntryNumber !== null && (
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {anchor(
                      line.reversesEntryNumber,
                      line.reversesEntryKind
                        ? t('rentalDeposits.entries.correctsKind', { kind: t(`rentalDeposits.entryKind.${kindKey(line.reversesEntryKind)}`), number: line.reversesEntryNumber })
                        : t('rentalDeposits.entries.corrects', { number: line.reversesEntryNumber }),
                    )}
                    {line.reason && ` — ${t('rentalDeposits.entries.reason', { reason: line.reason })}`}
                  </Text>
                )}
                {line.reversedByEntryNumber !== null && (
                  <Text size="sm">{anchor(line.reversedByEntryNumber, t('rentalDeposits.entries.reversedBy', { number: line.reversedByEntryNumber }))}</Text>
                )}
                {!reversal && (line.reason ?? writeOffReason) && <Text size="sm">{t('rentalDeposits.entries.reason', { reason: line.reason ?? writeOffReason })}</Text>}
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
                {onReverse && !reversal && line.reversedByEntryNumber === null && (
                  <div>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      leftSection={<ReverseIcon size={16} />}
                      onClick={() => onReverse(line)}
                      aria-label={t('rentalDeposits.reversal.openLabel', { number: line.number })}
                    >
                      {t('rentalDeposits.reversal.open')}
                    </Button>
                  </div>
                )}
              </Stack>
              {line.amount !== null && (
                <Text fw={650} size="sm" ta="right" c={line.amount.startsWith('-') ? 'red.9' : undefined}>
                  <SignedMoney value={line.amount} />
                </Text>
              )}
            </Group>
          );
        })}
      </Stack>
      {limited && (
        <Button variant="subtle" size="compact-sm" mt="xs" onClick={() => setAll((v) => !v)} aria-expanded={all}>
          {all ? t('rentalDeposits.entries.showFewer', { count: initialCount }) : t('rentalDeposits.entries.showAll', { count: sorted.length })}
        </Button>
      )}
    </>
  );
}
