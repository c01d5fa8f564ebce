import { Badge, Group, List, Paper, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { FLAG_FIELDS, HOUSEHOLD_FIELDS, MEMBER_FIELDS, type HistoryChange, type HistoryEntry } from '../../../api/types';
import { DateText } from '../../../components/DateText';
import { currentLanguage, isLanguage } from '../../../i18n';
import { formatDate, formatMoney } from '../../../i18n/format';

const ENTITY_TYPES = [
  'households', 'household_members', 'activation_codes', 'users', 'household_accounts',
  'group_members', 'advances', 'journal_entries', 'journey_transitions', 'journey_exits', 'cohort_members', 'session_invitations',
] as const;
type EntityType = (typeof ENTITY_TYPES)[number];

const FIELD_LABELS = [
  ...HOUSEHOLD_FIELDS,
  ...MEMBER_FIELDS,
  ...FLAG_FIELDS,
  'reference',
  'structuredCommunication',
  'expiresAt',
  'usedAt',
  'name',
  'role',
  'active',
  'passwordChangedAt',
] as const;
type FieldLabel = (typeof FIELD_LABELS)[number];

const isEntityType = (value: string): value is EntityType => (ENTITY_TYPES as readonly string[]).includes(value);
const isFieldLabel = (value: string): value is FieldLabel => (FIELD_LABELS as readonly string[]).includes(value);

/** Audit fields may come as database columns (display_name) or JSON names (displayName). */
function fieldKey(field: string): string {
  return field.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()).replace(/^flags\./, '');
}

function fieldLabel(field: string, t: TFunction): string {
  const key = fieldKey(field);
  return isFieldLabel(key) ? t(`households.history.fields.${key}`) : field;
}

/** Internal columns that mean nothing to a reader (ordering of members). */
const HIDDEN_FIELDS = new Set(['position', 'passwordHash', 'codeHash']);

/** Names of staff members by id, to show a referent by name rather than by id. */
export type StaffNames = Record<string, string>;

function valueText(field: string, value: unknown, t: TFunction, staffNames: StaffNames): string {
  if (value === null || value === undefined || value === '') return t('common.empty');
  const language = currentLanguage();
  if (field === 'kind' && (value === 'adult' || value === 'child')) return t(`households.memberKind.${value}`);
  if (field === 'role' && (value === 'household' || value === 'referent' || value === 'coordinator')) return t(`roles.${value}`);
  if (field === 'preferredLanguage' && isLanguage(value)) return t(`language.names.${value}`);
  if (field === 'referentId' && typeof value === 'string') return staffNames[value] ?? t('households.history.otherStaff');
  if (field === 'monthlyIncome' && typeof value === 'string') return formatMoney(value, language) ?? value;
  if (/At$/.test(field) && typeof value === 'string') return formatDate(value, language, true) ?? value;
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string') return value.length > 120 ? `${value.slice(0, 117)}…` : value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

function Change({ change, action, staffNames }: { change: HistoryChange; action: HistoryEntry['action']; staffNames: StaffNames }) {
  const { t } = useTranslation();
  const field = fieldKey(change.field);
  const before = valueText(field, change.before, t, staffNames);
  const after = valueText(field, change.after, t, staffNames);
  return (
    <List.Item>
      <Text span size="sm" fw={600}>
        {fieldLabel(change.field, t)}
        {t('households.history.colon')}
      </Text>
      <Text span size="sm">
        {action === 'create' ? after : action === 'delete' ? before : t('households.history.change', { before, after })}
      </Text>
    </List.Item>
  );
}

function visibleChanges(entry: HistoryEntry): HistoryChange[] {
  return entry.changes.filter((change) => !HIDDEN_FIELDS.has(fieldKey(change.field)));
}

const ACTION_COLORS = { create: 'green', update: 'blue', delete: 'red' } as const;

/** The audit trail of a household: who changed what, when, with values before and after. */
export function HistoryList({ entries, staffNames = {} }: { entries: HistoryEntry[]; staffNames?: StaffNames }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <Text c="dimmed">{t('households.history.empty')}</Text>;
  return (
    <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {entries.map((entry) => (
        <Paper component="li" key={entry.id} p="sm" withBorder radius="md">
          <Group justify="space-between" gap="xs" wrap="wrap" mb={visibleChanges(entry).length > 0 ? 'xs' : 0}>
            <Group gap="xs" wrap="wrap">
              <Badge color={ACTION_COLORS[entry.action]} variant="light" radius="sm" tt="none" fw={600}>
                {t(`households.history.action.${entry.action}`)}
              </Badge>
              <Text size="sm" fw={600}>
                {isEntityType(entry.entityType)
                  ? t(`households.history.entity.${entry.entityType}`)
                  : entry.entityType}
              </Text>
            </Group>
            <Text size="sm" c="dimmed">
              <DateText value={entry.at} withTime />
              {' · '}
              {entry.actor?.name ?? entry.actorLabel}
            </Text>
          </Group>
          {visibleChanges(entry).length > 0 && (
            <List size="sm" spacing={2} withPadding={false} listStyleType="none">
              {visibleChanges(entry).map((change) => (
                <Change key={change.field} change={change} action={entry.action} staffNames={staffNames} />
              ))}
            </List>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
