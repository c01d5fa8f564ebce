import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Phase } from '../../../api/journey';
import { phaseFullName, topPhaseKey } from '../labels';

const COLORS: Record<string, string> = { information: 'cyan', preparation: 'indigo', action: 'orange', owner: 'teal' };

/** The phase a household is in, as a coloured badge (grey when it has none). */
export function PhaseBadge({ phases, phase, exited = false }: { phases: Phase[] | undefined; phase: string | null; exited?: boolean }) {
  const { t } = useTranslation();
  const label = phase ? phaseFullName(phases, phase) : exited ? t('journey.phase.exited') : t('journey.phase.none');
  const color = phase ? (COLORS[topPhaseKey(phases, phase)] ?? 'gray') : 'gray';
  return (
    <Badge color={color} variant="light" radius="sm" tt="none" fw={600} size="lg">
      {label}
    </Badge>
  );
}
