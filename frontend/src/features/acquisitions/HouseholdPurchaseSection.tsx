import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHouseholdCandidacies, useWithdrawalReasons, type CandidacyDetail } from '../../api/acquisitions';
import { DateText } from '../../components/DateText';
import { MoneyText } from '../../components/MoneyText';
import { QueryState } from '../../components/QueryState';
import { SectionCard } from '../../components/SectionCard';
import { AcquisitionFacts } from './components/AcquisitionFacts';
import { StageBadge } from './components/Badges';
import { AdvanceFacts } from './components/CandidacyDialog';
import { reasonName } from './labels';

/** The Purchase tab of the staff household page: each candidacy with its stages, compromis, deed figures and linked advance. */
export function HouseholdPurchaseSection({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const candidacies = useHouseholdCandidacies(householdId);
  return (
    <QueryState query={candidacies}>
      {(items) =>
        items.length === 0 ? (
          <SectionCard title={t('acquisitions.purchase.title')} id="purchase-title">
            <Text c="dimmed">{t('acquisitions.purchase.none')}</Text>
            <Anchor component={Link} to="/projects" size="sm">
              {t('acquisitions.purchase.toProjects')}
            </Anchor>
          </SectionCard>
        ) : (
          <Stack gap="lg">
            {items.map((c) => (
              <CandidacyCard key={c.id} candidacy={c} />
            ))}
          </Stack>
        )
      }
    </QueryState>
  );
}

function CandidacyCard({ candidacy }: { candidacy: CandidacyDetail }) {
  const { t } = useTranslation();
  const reasons = useWithdrawalReasons();
  const id = `candidacy-${candidacy.id}`;
  return (
    <SectionCard title={t('acquisitions.purchase.candidacyTitle', { project: candidacy.project.name })} id={id}>
      <Stack gap="md">
        <Group gap="xs" wrap="wrap">
          <StageBadge stage={candidacy.currentStage} />
          <Text size="sm">
            {t('acquisitions.board.since')} <DateText value={candidacy.since} />
          </Text>
          {candidacy.unit && <Text size="sm">· {t('acquisitions.board.unit', { label: candidacy.unit.label })}</Text>}
          <Anchor component={Link} to={`/projects/${candidacy.projectId}`} size="sm">
            {t('acquisitions.purchase.openProject')}
          </Anchor>
        </Group>
        <div>
          <Title order={3} size="h5" mb="xs">
            {t('acquisitions.purchase.stages')}
          </Title>
          <Stack component="ol" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
            {candidacy.stages.map((s) => (
              <Group component="li" key={`${s.stage}-${s.on}`} gap="xs" wrap="wrap" align="baseline">
                <Text size="sm" fw={600} className="nowrap">
                  <DateText value={s.on} />
                </Text>
                <Text size="sm">{t(`acquisitions.stage.${s.stage}`)}</Text>
                {s.reasonKey && <Text size="sm">— {reasonName(reasons.data, s.reasonKey)}</Text>}
                {s.note && (
                  <Text size="sm" c="dimmed">
                    « {s.note} »
                  </Text>
                )}
                {s.author && (
                  <Text size="xs" c="dimmed">
                    {s.author.name}
                  </Text>
                )}
              </Group>
            ))}
          </Stack>
        </div>
        {candidacy.compromis && (
          <div>
            <Title order={3} size="h5" mb={4}>
              {t('acquisitions.purchase.compromis')}
            </Title>
            <Text size="sm">
              <DateText value={candidacy.compromis.on} /> · {t('acquisitions.dialog.price')} <MoneyText value={candidacy.compromis.price} /> · {t('acquisitions.dialog.downPayment')}{' '}
              <MoneyText value={candidacy.compromis.downPayment} />
            </Text>
          </div>
        )}
        {candidacy.acquisition && (
          <div>
            <Title order={3} size="h5" mb="xs">
              {t('acquisitions.purchase.deed')}
            </Title>
            <AcquisitionFacts acquisition={candidacy.acquisition} />
          </div>
        )}
        <div>
          <Title order={3} size="h5" mb={4}>
            {t('acquisitions.purchase.advance')}
          </Title>
          <AdvanceFacts candidacy={candidacy} />
        </div>
      </Stack>
    </SectionCard>
  );
}
