import { Button, CopyButton, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/auth';
import { useHousehold } from '../../api/households';
import type { Household } from '../../api/types';
import { CheckIcon, CopyIcon } from '../../components/Icons';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { SectionCard } from '../../components/SectionCard';
import { MyPurchaseSection } from '../acquisitions/MyPurchaseSection';
import { MyJourneySection } from '../journey/MyJourneySection';
import { MyRentalDepositsSection } from '../rentalDeposits/MyRentalDepositsSection';
import { MySavingsSection } from '../savings/MySavingsSection';

/** What a household sees: its own file, in plain words. */
export function MyHouseholdPage() {
  const { data: session } = useSession();
  const household = useHousehold(session?.user.householdId);
  return <QueryState query={household}>{(data) => <MyHousehold household={data} />}</QueryState>;
}

function MyHousehold({ household }: { household: Household }) {
  const { t } = useTranslation();
  const contact = [
    household.phone && t('me.contact.phone', { phone: household.phone }),
    household.email && t('me.contact.email', { email: household.email }),
    household.commune && t('me.contact.commune', { commune: household.commune }),
    t('me.contact.language', { language: t(`language.names.${household.preferredLanguage}`) }),
  ].filter((line): line is string => Boolean(line));

  return (
    <Stack gap="lg" maw={720}>
      <PageTitle title={t('me.title', { name: household.displayName })} description={t('me.intro')} />

      <SectionCard title={t('me.reference.title')} id="me-reference" titleSize="h3" titleGap="sm">
        <Text fz={28} fw={700} className="mono" data-testid="my-reference">
          {household.reference}
        </Text>
        <Text mt="xs">{t('me.reference.body')}</Text>
      </SectionCard>

      <MyJourneySection householdId={household.id} />

      <MySavingsSection householdId={household.id} />

      <MyRentalDepositsSection householdId={household.id} />

      <MyPurchaseSection householdId={household.id} />

      <SectionCard title={t('me.savings.title')} id="me-savings" titleSize="h3" titleGap="sm">
        <Text>{t('me.savings.body')}</Text>
        <Group gap="sm" mt="sm" wrap="wrap">
          <Text fz={{ base: 20, sm: 24 }} fw={700} className="mono" style={{ overflowWrap: 'anywhere' }}>
            {household.structuredCommunication}
          </Text>
          <CopyButton value={household.structuredCommunication}>
            {({ copied, copy }) => (
              <Button
                variant="light"
                onClick={copy}
                leftSection={copied ? <CheckIcon size={16} /> : <CopyIcon size={16} />}
              >
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </SectionCard>

      <SectionCard title={t('me.family.title')} id="me-family" titleSize="h3" titleGap="sm">
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {household.members.map((member) => (
            <li key={member.id}>
              <Text fw={600} span>
                {member.firstName} {member.lastName}
              </Text>
              <Text span c="dimmed">
                {' — '}
                {member.birthYear !== null
                  ? t(`me.family.${member.kind}Born`, { year: member.birthYear })
                  : t(`me.family.${member.kind}`)}
              </Text>
            </li>
          ))}
        </Stack>
      </SectionCard>

      <SectionCard title={t('me.contact.title')} id="me-contact" titleSize="h3" titleGap="sm">
        <Stack gap={4}>
          {contact.map((line) => (
            <Text key={line}>{line}</Text>
          ))}
        </Stack>
      </SectionCard>

      <Paper p={{ base: 'md', sm: 'lg' }} bg="pot.0" withBorder={false}>
        <Text>
          {household.referent
            ? t('me.help.withReferent', { name: household.referent.name })
            : t('me.help.withoutReferent')}
        </Text>
      </Paper>
    </Stack>
  );
}
