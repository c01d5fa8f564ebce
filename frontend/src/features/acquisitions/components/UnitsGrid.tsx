import { Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UNIT_STATUSES, type ProjectCandidacy, type Unit } from '../../../api/acquisitions';
import { EditIcon } from '../../../components/Icons';
import { MoneyText } from '../../../components/MoneyText';
import { currentLanguage } from '../../../i18n';
import { localeFor } from '../../../i18n/format';
import { UNIT_COLORS, UnitStatusBadge } from './Badges';

/** A floor area ("78.50") as the reader writes it ("78,5"); display only. */
function formatArea(area: string): string {
  return /^\d+(\.\d+)?$/.test(area) ? new Intl.NumberFormat(localeFor(currentLanguage()), { maximumFractionDigits: 2 }).format(area as `${number}`) : area;
}

/**
 * The project's homes as a grid of tiles coloured by status: each tile also writes its status, and a
 * legend with counts heads the grid (colour is never the only sign). With `onEdit` (coordinators), each
 * tile has an edit button named after its home.
 */
export function UnitsGrid({ units, candidacies, onEdit }: { units: Unit[]; candidacies: ProjectCandidacy[]; onEdit?: (unit: Unit) => void }) {
  const { t } = useTranslation();
  if (units.length === 0) return <Text c="dimmed">{t('acquisitions.units.empty')}</Text>;
  const holders = new Map(candidacies.map((c) => [c.id, c.household.displayName]));
  return (
    <Stack gap="sm">
      <Group component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('acquisitions.units.legend')}>
        {UNIT_STATUSES.map((status) => (
          <Group component="li" key={status} gap={6} wrap="nowrap">
            <span aria-hidden="true" style={{ width: 14, height: 14, borderRadius: 3, background: `var(--mantine-color-${UNIT_COLORS[status]}-6)` }} />
            <Text size="sm">{t(`acquisitions.unitCount.${status}`, { count: units.filter((u) => u.status === status).length })}</Text>
          </Group>
        ))}
      </Group>
      <SimpleGrid component="ul" cols={{ base: 2, xs: 3, sm: 4, lg: 6 }} spacing="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('acquisitions.units.title')}>
        {units.map((unit) => {
          const holder = unit.candidacyId ? holders.get(unit.candidacyId) : undefined;
          return (
            <Paper
              component="li"
              key={unit.id}
              p="xs"
              withBorder
              data-unit={unit.label}
              data-status={unit.status}
              style={{ borderLeft: `6px solid var(--mantine-color-${UNIT_COLORS[unit.status]}-6)`, background: `var(--mantine-color-${UNIT_COLORS[unit.status]}-0)`, minWidth: 0 }}
            >
              <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
                {unit.label}
              </Text>
              <UnitStatusBadge status={unit.status} />
              <Text size="xs" mt={4}>
                {unit.bedrooms !== null ? t('acquisitions.units.bedrooms', { count: unit.bedrooms }) : t('common.empty')}
                {unit.floorArea && ` · ${t('acquisitions.units.area', { area: formatArea(unit.floorArea) })}`}
              </Text>
              <Text size="xs">
                <MoneyText value={unit.price} />
                {unit.taxRegime === 'vat' && ` · ${t('acquisitions.units.withVat')}`}
              </Text>
              {holder && (
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {holder}
                </Text>
              )}
              {onEdit && (
                <Button variant="subtle" size="compact-xs" mt={4} leftSection={<EditIcon size={14} />} onClick={() => onEdit(unit)} aria-label={t('acquisitions.units.editLabel', { label: unit.label })}>
                  {t('acquisitions.units.edit')}
                </Button>
              )}
            </Paper>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
