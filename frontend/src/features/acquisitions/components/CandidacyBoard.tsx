import { Anchor, Badge, Button, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FORWARD_STAGES, type ProjectCandidacy, type Unit } from '../../../api/acquisitions';
import { DateText } from '../../../components/DateText';
import { boardColumns } from '../board';

/** What a card's buttons open. */
export interface CardAction {
  kind: 'move' | 'money';
  candidacy: ProjectCandidacy;
}

/** Props of CandidacyBoard. */
export interface CandidacyBoardProps {
  candidacies: ProjectCandidacy[];
  units: Unit[];
  /** Coordinators also see the pot advance / repayment button from the compromis on. */
  canMoveMoney: boolean;
  onAction: (action: CardAction) => void;
}

const MONEY_FROM = FORWARD_STAGES.indexOf('compromis');

/**
 * The candidacies by current stage: one column per stage (four per row on wide screens, two on
 * tablets, stacked on phones), each a region named by its heading; withdrawn candidacies last. On
 * phones (below xs) the empty columns are not stacked: one compact line names their stages instead.
 */
export function CandidacyBoard({ candidacies, units, canMoveMoney, onAction }: CandidacyBoardProps) {
  const { t } = useTranslation();
  const labels = new Map(units.map((u) => [u.id, u.label]));
  const { columns, empty } = boardColumns(candidacies);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3, xl: 5 }} spacing="sm" verticalSpacing="md" role="group" aria-label={t('acquisitions.board.label')}>
      {columns.map(({ stage, cards }) => {
        const id = `stage-column-${stage}`;
        return (
          <Paper component="section" key={stage} aria-labelledby={id} p="xs" bg="gray.0" withBorder style={{ minWidth: 0 }} data-stage={stage} visibleFrom={cards.length === 0 ? 'xs' : undefined}>
            <Group justify="space-between" wrap="nowrap" mb="xs" gap="xs" px={4}>
              <Title order={3} size="h5" id={id} style={{ overflowWrap: 'anywhere' }}>
                {t(`acquisitions.stage.${stage}`)}
              </Title>
              <Badge variant="white" color="gray.8" radius="sm" style={{ flexShrink: 0 }}>
                <span aria-hidden="true">{cards.length}</span>
                <span className="visually-hidden">{t('acquisitions.board.count', { count: cards.length })}</span>
              </Badge>
            </Group>
            {cards.length === 0 ? (
              <Text size="sm" c="dimmed" px={4}>
                {t('acquisitions.board.empty')}
              </Text>
            ) : (
              <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
                {cards.map((c) => {
                  const closed = c.currentStage === 'withdrawn' || c.currentStage === 'moved_in';
                  const money = canMoveMoney && c.currentStage !== 'withdrawn' && FORWARD_STAGES.indexOf(c.currentStage as (typeof FORWARD_STAGES)[number]) >= MONEY_FROM;
                  return (
                    <Card component="li" key={c.id} withBorder padding={10} radius="md" data-candidacy={c.id}>
                      <Anchor component={Link} to={`/households/${c.householdId}?tab=purchase`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {c.household.displayName}
                      </Anchor>
                      <Text size="xs" className="mono" c="dimmed">
                        {c.household.reference}
                      </Text>
                      <Text size="sm">
                        {t('acquisitions.board.since')} <DateText value={c.since} />
                      </Text>
                      {c.unitId && <Text size="sm">{t('acquisitions.board.unit', { label: labels.get(c.unitId) ?? '' })}</Text>}
                      {!closed && (
                        <Button variant="light" size="compact-sm" mt="xs" fullWidth onClick={() => onAction({ kind: 'move', candidacy: c })} aria-label={t('acquisitions.board.moveLabel', { name: c.household.displayName })}>
                          {t('acquisitions.board.move')}
                        </Button>
                      )}
                      {money && (
                        <Button variant="default" size="compact-sm" mt={6} fullWidth onClick={() => onAction({ kind: 'money', candidacy: c })} aria-label={t('acquisitions.board.moneyLabel', { name: c.household.displayName })}>
                          {t('acquisitions.board.money')}
                        </Button>
                      )}
                    </Card>
                  );
                })}
              </Stack>
            )}
          </Paper>
        );
      })}
      {empty.length > 0 && (
        <Text size="sm" c="dimmed" px={4} hiddenFrom="xs" data-testid="empty-stages">
          {t('acquisitions.board.emptyStages', { stages: empty.map((stage) => t(`acquisitions.stage.${stage}`)).join(', ') })}
        </Text>
      )}
    </SimpleGrid>
  );
}
