import { Badge, Button, CopyButton, Grid, Group, Stack, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  useDownloadActivationLetter,
  useHousehold,
  useHouseholdHistory,
  useIssueActivationCode,
} from '../../api/households';
import type { Household } from '../../api/types';
import { useStaffUsers } from '../../api/users';
import { DateText } from '../../components/DateText';
import { ErrorBanner } from '../../components/ErrorBanner';
import { CheckIcon, CopyIcon, EditIcon, KeyIcon } from '../../components/Icons';
import { InfoList } from '../../components/InfoList';
import { LoadingState } from '../../components/LoadingState';
import { MoneyText } from '../../components/MoneyText';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { SectionCard } from '../../components/SectionCard';
import { HouseholdPurchaseSection } from '../acquisitions/HouseholdPurchaseSection';
import { HouseholdJourneySection } from '../journey/HouseholdJourneySection';
import { HouseholdRentalDepositsSection } from '../rentalDeposits/HouseholdRentalDepositsSection';
import { HouseholdSavingsSection } from '../savings/HouseholdSavingsSection';
import { AccountStatusBadge } from './components/AccountStatusBadge';
import { ActivationCodeModal } from './components/ActivationCodeModal';
import { FlagBadges } from './components/FlagBadges';
import { HistoryList } from './components/HistoryList';

const TABS = ['overview', 'journey', 'savings', 'rentalDeposit', 'purchase', 'history'] as const;
type Tab = (typeof TABS)[number];

/** The staff view of one household, in tabs (the tab is in the URL: ?tab=savings): file, journey, savings, rental deposit, purchase, history. */
export function HouseholdPage() {
  const { id = '' } = useParams();
  const household = useHousehold(id);
  return <QueryState query={household}>{(data) => <HouseholdDetails household={data} />}</QueryState>;
}

function HouseholdDetails({ household }: { household: Household }) {
  const { t } = useTranslation();
  const [activationOpened, activation] = useDisclosure(false);
  const issue = useIssueActivationCode(household.id);
  const letter = useDownloadActivationLetter(household.id);
  const history = useHouseholdHistory(household.id);
  const staff = useStaffUsers();
  const staffNames = Object.fromEntries((staff.data ?? []).map((user) => [user.id, user.name]));
  if (household.referent) staffNames[household.referent.id] = household.referent.name;
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('tab');
  const tab: Tab = TABS.find((name) => name === requested) ?? 'overview';
  const chooseTab = (value: string | null) => {
    const next = TABS.find((name) => name === value) ?? 'overview';
    setSearchParams(next === 'overview' ? {} : { tab: next }, { replace: true });
  };

  const startActivation = () => {
    issue.reset();
    letter.reset();
    activation.open();
    if (household.account.status === 'none') issue.mutate();
  };

  const closeActivation = () => {
    activation.close();
    issue.reset();
    letter.reset();
  };

  return (
    <>
      <PageTitle
        title={household.displayName}
        after={
          <Badge variant="outline" color="gray.8" radius="sm" size="lg" tt="none" className="mono">
            {household.reference}
          </Badge>
        }
        description={<FlagBadges flags={household.flags} />}
        actions={
          <Button
            component={Link}
            to={`/households/${household.id}/edit`}
            variant="default"
            leftSection={<EditIcon size={16} />}
          >
            {t('households.detail.edit')}
          </Button>
        }
      />

      <Tabs value={tab} onChange={chooseTab} keepMounted={false}>
        <Tabs.List aria-label={t('households.tabs.label')} mb="lg">
          {TABS.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`households.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>

        <Tabs.Panel value="overview">
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 8 }}>
              <Stack gap="lg">
                <SectionCard title={t('households.detail.profile')} id="profile-title">
                  <InfoList
                    items={[
                      { label: t('households.fields.phone'), value: household.phone ?? t('common.empty') },
                      { label: t('households.fields.email'), value: household.email ?? t('common.empty') },
                      {
                        label: t('households.fields.preferredLanguage'),
                        value: t(`language.names.${household.preferredLanguage}`),
                      },
                      { label: t('households.fields.commune'), value: household.commune ?? t('common.empty') },
                      {
                        label: t('households.fields.dependents'),
                        value: household.dependents,
                      },
                      {
                        label: t('households.fields.monthlyIncome'),
                        value: <MoneyText value={household.monthlyIncome} />,
                      },
                      {
                        label: t('households.fields.referent'),
                        value: household.referent?.name ?? t('households.noReferent'),
                      },
                      { label: t('households.fields.singleParent'), value: yesNo(household.flags.singleParent) },
                      { label: t('households.fields.pasSolo'), value: yesNo(household.flags.pasSolo) },
                      { label: t('households.fields.createdAt'), value: <DateText value={household.createdAt} /> },
                    ]}
                  />
                </SectionCard>

                <SectionCard title={t('households.detail.members', { count: household.members.length })} id="members-title">
                  {household.members.length === 0 ? (
                    <Text c="dimmed">{t('households.detail.noMembers')}</Text>
                  ) : (
                    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
                      {household.members.map((member) => (
                        <Group
                          component="li"
                          key={member.id}
                          justify="space-between"
                          wrap="wrap"
                          gap="xs"
                          py={6}
                          style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
                        >
                          <Text fw={600}>
                            {member.firstName} {member.lastName}
                          </Text>
                          <Text size="sm" c="dimmed">
                            {t(`households.memberKind.${member.kind}`)}
                            {member.birthYear !== null && ` · ${t('households.detail.bornIn', { year: member.birthYear })}`}
                          </Text>
                        </Group>
                      ))}
                    </Stack>
                  )}
                </SectionCard>

                <SectionCard title={t('households.fields.notes')} id="notes-title">
                  <Text style={{ whiteSpace: 'pre-wrap' }} c={household.notes ? undefined : 'dimmed'}>
                    {household.notes || t('households.detail.noNotes')}
                  </Text>
                </SectionCard>
              </Stack>
            </Grid.Col>

            <Grid.Col span={{ base: 12, md: 4 }}>
              <Stack gap="lg">
                <SectionCard title={t('households.detail.account')} id="account-title">
                  <Stack gap="sm">
                    <Group gap="xs">
                      <AccountStatusBadge status={household.account.status} />
                    </Group>
                    <Text size="sm">{t(`households.account.explain.${household.account.status}`)}</Text>
                    {household.account.status === 'code_issued' && household.account.codeExpiresAt && (
                      <Text size="sm">
                        {t('households.activation.validUntil')} <DateText value={household.account.codeExpiresAt} />
                      </Text>
                    )}
                    <Button leftSection={<KeyIcon size={16} />} onClick={startActivation} fullWidth>
                      {t('households.activation.issue')}
                    </Button>
                  </Stack>
                </SectionCard>

                <SectionCard title={t('households.detail.payments')} id="payments-title">
                  <Stack gap="sm">
                    <Text size="sm">{t('households.detail.communicationHelp')}</Text>
                    <Group gap="xs" wrap="wrap">
                      <Text fw={700} className="mono" data-testid="structured-communication">
                        {household.structuredCommunication}
                      </Text>
                      <CopyButton value={household.structuredCommunication}>
                        {({ copied, copy }) => (
                          <Button
                            variant="subtle"
                            size="compact-sm"
                            onClick={copy}
                            leftSection={copied ? <CheckIcon size={14} /> : <CopyIcon size={14} />}
                            aria-label={t('households.detail.copyCommunication')}
                          >
                            {copied ? t('common.copied') : t('common.copy')}
                          </Button>
                        )}
                      </CopyButton>
                    </Group>
                  </Stack>
                </SectionCard>
              </Stack>
            </Grid.Col>

          </Grid>
        </Tabs.Panel>

        <Tabs.Panel value="journey">
          <HouseholdJourneySection householdId={household.id} />
        </Tabs.Panel>

        <Tabs.Panel value="savings">
          <HouseholdSavingsSection householdId={household.id} />
        </Tabs.Panel>

        <Tabs.Panel value="rentalDeposit">
          <HouseholdRentalDepositsSection householdId={household.id} />
        </Tabs.Panel>

        <Tabs.Panel value="purchase">
          <HouseholdPurchaseSection householdId={household.id} />
        </Tabs.Panel>

        <Tabs.Panel value="history">
          <SectionCard title={t('households.history.title')} id="history-title">
            {history.isPending && <LoadingState />}
            {history.isError && <ErrorBanner error={history.error} onRetry={() => void history.refetch()} />}
            {history.data && <HistoryList entries={history.data} staffNames={staffNames} />}
          </SectionCard>
        </Tabs.Panel>
      </Tabs>

      <ActivationCodeModal
        opened={activationOpened}
        status={household.account.status}
        issued={issue.data}
        issuing={issue.isPending}
        issueError={issue.error}
        downloading={letter.isPending}
        downloadError={letter.error}
        onIssue={() => issue.mutate()}
        onDownload={(code) =>
          letter.mutate({ code, fileName: t('households.activation.fileName', { reference: household.reference }) })
        }
        onClose={closeActivation}
      />
    </>
  );
}
