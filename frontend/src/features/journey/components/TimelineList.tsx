import { Badge, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExitReason, Phase, SessionOutcome, TimelineItem } from '../../../api/journey';
import { DateText } from '../../../components/DateText';
import { CalendarIcon, LogoutIcon, UsersIcon, BoardIcon, SavingsIcon, KeyIcon } from '../../../components/Icons';
import { currentLanguage } from '../../../i18n';
import { formatMoney } from '../../../i18n/format';
import { exitReasonName, phaseFullName } from '../labels';

const OUTCOME_COLORS: Record<SessionOutcome, string> = { upcoming: 'blue', invited: 'gray', attended: 'green', missed: 'orange', cancelled: 'gray' };

/** Props of TimelineList. */
export interface TimelineListProps {
  items: TimelineItem[];
  phases: Phase[];
  exitReasons: ExitReason[];
  /** Staff see notes and who recorded each move. */
  showNotes?: boolean;
}

/**
 * A household's journey in one chronological list. Each kind of entry is drawn by its own case below:
 * a new kind (e.g. savings milestones) gets a member in TimelineItem and a case here.
 */
export function TimelineList({ items, phases, exitReasons, showNotes = false }: TimelineListProps) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text c="dimmed">{t('journey.timeline.empty')}</Text>;

  const entry = (item: TimelineItem): { icon: ReactNode; color: string; title: ReactNode; detail?: ReactNode } => {
    switch (item.kind) {
      case 'transition':
        return {
          icon: <BoardIcon size={14} />,
          color: 'pot',
          title: t(item.reEntry ? 'journey.timeline.reEntry' : 'journey.timeline.entered', { phase: phaseFullName(phases, item.phase) }),
          detail: showNotes && (item.note || item.author) ? [item.note, item.author && t('journey.timeline.by', { name: item.author.name })].filter(Boolean).join(' — ') : undefined,
        };
      case 'exit':
        return {
          icon: <LogoutIcon size={14} />,
          color: 'red',
          title: t('journey.timeline.exit', { reason: exitReasonName(exitReasons, item.reason) }),
          detail: showNotes && (item.note || item.author) ? [item.note, item.author && t('journey.timeline.by', { name: item.author.name })].filter(Boolean).join(' — ') : undefined,
        };
      case 'cohort':
        return { icon: <UsersIcon size={14} />, color: 'indigo', title: t('journey.timeline.cohort', { name: item.name }) };
      case 'session':
        return {
          icon: <CalendarIcon size={14} />,
          color: OUTCOME_COLORS[item.outcome],
          title: (
            <Group gap="xs" wrap="wrap" component="span">
              <span>{t(`journey.sessionKinds.${item.sessionKind}`)} — {item.title}</span>
              <Badge component="span" color={OUTCOME_COLORS[item.outcome]} variant="light" radius="sm" tt="none">
                {item.outcome === 'attended' && item.people ? t('journey.outcome.attendedPeople', { count: item.people }) : t(`journey.outcome.${item.outcome}`)}
              </Badge>
            </Group>
          ),
          detail: item.outcome === 'cancelled' && item.cancelReason ? t('journey.timeline.cancelReason', { reason: item.cancelReason }) : undefined,
        };
      case 'savings':
        return {
          icon: <SavingsIcon size={14} />,
          color: 'teal',
          title: t(`journey.timeline.savings.${item.milestone}`, {
            group: item.groupName,
            amount: item.amount ? (formatMoney(item.amount, currentLanguage()) ?? item.amount) : '',
          }),
        };
      case 'rental_deposit': {
        const money = (v: string | null) => (v ? (formatMoney(v, currentLanguage()) ?? v) : '');
        return {
          icon: <KeyIcon size={14} />,
          color: 'grape',
          title: t(`journey.timeline.rentalDeposit.${item.milestone}`, {
            amount: money(item.amount),
            address: item.address,
            kept: money(item.landlordKept),
            toFund: money(item.toFund),
            toTenant: money(item.toTenant),
          }),
        };
      }
      case 'candidacy_stage':
        return {
          icon: <KeyIcon size={14} />,
          color: item.stage === 'withdrawn' ? 'gray' : 'orange',
          title: t(`journey.timeline.candidacyStage.${item.stage}`, { project: item.projectName }),
        };
    }
  };

  return (
    <Stack component="ol" gap={0} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('journey.timeline.label')}>
      {items.map((item, index) => {
        const e = entry(item);
        return (
          <Group component="li" key={`${item.kind}-${index}`} align="flex-start" wrap="nowrap" gap="sm" py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
            <ThemeIcon color={e.color} variant="light" radius="xl" size={28} aria-hidden="true">
              {e.icon}
            </ThemeIcon>
            <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
              <Text size="sm" c="dimmed">
                {item.kind === 'session' ? <DateText value={item.at} withTime /> : <DateText value={item.on} />}
              </Text>
              <Text fw={500} style={{ overflowWrap: 'anywhere' }} component="div">
                {e.title}
              </Text>
              {e.detail && (
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                  {e.detail}
                </Text>
              )}
            </Stack>
          </Group>
        );
      })}
    </Stack>
  );
}
