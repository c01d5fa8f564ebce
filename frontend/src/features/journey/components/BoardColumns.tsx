import { Anchor, Badge, Button, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Board, BoardCard, Phase } from '../../../api/journey';
import { DateText } from '../../../components/DateText';
import { currentLanguage } from '../../../i18n';
import { formatDate, formatMoney } from '../../../i18n/format';
import { FlagBadges } from '../../households/components/FlagBadges';
import { phaseName } from '../labels';

/** Props of BoardColumns. */
export interface BoardColumnsProps {
  board: Board;
  phases: Phase[];
  onMove: (card: BoardCard) => void;
}

/**
 * The households by current phase: one column per phase side by side on wide screens, two per row on
 * tablets, stacked on phones (nothing scrolls sideways). Each column is a region named by its heading.
 */
export function BoardColumns({ board, phases, onMove }: BoardColumnsProps) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: board.columns.length }} spacing="sm" verticalSpacing="md" aria-label={t('journey.board.columnsLabel')} component="div" role="group">
      {board.columns.map((column) => {
        const id = `board-column-${column.phase ?? 'none'}`;
        return (
          <Paper component="section" key={column.phase ?? 'none'} aria-labelledby={id} p="xs" bg="gray.0" withBorder style={{ minWidth: 0 }} data-phase={column.phase ?? 'none'}>
            <Group justify="space-between" wrap="nowrap" mb="xs" gap="xs" px={4}>
              <Title order={2} size="h5" id={id} style={{ overflowWrap: 'anywhere' }}>
                {column.phase ? phaseName(phases, column.phase) : t('journey.phase.none')}
              </Title>
              <Badge variant="white" color="gray.8" radius="sm" style={{ flexShrink: 0 }}>
                <span aria-hidden="true">{column.cards.length}</span>
                <span className="visually-hidden">{t('journey.board.count', { count: column.cards.length })}</span>
              </Badge>
            </Group>
            {column.cards.length === 0 ? (
              <Text size="sm" c="dimmed" px={4}>
                {t('journey.board.emptyColumn')}
              </Text>
            ) : (
              <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
                {column.cards.map((card) => (
                  <BoardCardItem key={card.id} card={card} phases={phases} onMove={() => onMove(card)} />
                ))}
              </Stack>
            )}
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}

function BoardCardItem({ card, phases, onMove }: { card: BoardCard; phases: Phase[]; onMove: () => void }) {
  const { t } = useTranslation();
  const subStep = card.phase && phases.find((p) => p.key === card.phase)?.parentKey ? phaseName(phases, card.phase) : null;
  return (
    <Card component="li" withBorder padding={10} radius="md" data-household={card.id}>
      <Anchor component={Link} to={`/households/${card.id}?tab=journey`} fw={600} style={{ overflowWrap: 'anywhere' }}>
        {card.displayName}
      </Anchor>
      <Text size="xs" className="mono" c="dimmed">
        {card.reference}
      </Text>
      {subStep && (
        <Text size="sm" fw={500}>
          {subStep}
        </Text>
      )}
      {card.daysInPhase !== null && <Text size="sm">{t('journey.board.daysInPhase', { count: card.daysInPhase })}</Text>}
      <Text size="xs" c="dimmed">
        {card.referent ? card.referent.name : t('households.noReferent')}
      </Text>
      {card.nextSession && (
        <Text size="xs" c="dimmed">
          {t('journey.board.nextSession')} <DateText value={card.nextSession.startsAt} />
        </Text>
      )}
      {(card.warnings.length > 0 || card.flags.singleParent || card.flags.pasSolo) && (
        <Group gap={4} mt={6} wrap="wrap">
          {card.warnings.includes('no_contact') && (
            <Badge color="red" variant="light" radius="sm" tt="none" h="auto" py={2} styles={{ label: { whiteSpace: 'normal' } }}>
              {t('journey.board.warning.noContact')}
            </Badge>
          )}
          {card.arrears && (
            <Badge color="orange" variant="light" radius="sm" tt="none" h="auto" py={2} styles={{ label: { whiteSpace: 'normal' } }}>
              {t('journey.board.warning.arrears', { count: card.arrears.months, amount: formatMoney(card.arrears.amount, currentLanguage()) ?? card.arrears.amount })}
            </Badge>
          )}
          {card.rentalArrears && (
            <Badge color="orange" variant="light" radius="sm" tt="none" h="auto" py={2} styles={{ label: { whiteSpace: 'normal' } }}>
              {t('journey.board.warning.rentalArrears', {
                count: card.rentalArrears.instalments,
                amount: formatMoney(card.rentalArrears.amount, currentLanguage()) ?? card.rentalArrears.amount,
                since: formatDate(card.rentalArrears.oldestDueOn, currentLanguage()) ?? card.rentalArrears.oldestDueOn,
              })}
            </Badge>
          )}
          <FlagBadges flags={card.flags} />
        </Group>
      )}
      <Button variant="light" size="compact-sm" mt="xs" fullWidth onClick={onMove} aria-label={t('journey.board.moveLabel', { name: card.displayName })}>
        {t('journey.board.move')}
      </Button>
    </Card>
  );
}
