import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CandidacyStage, ProjectStatus, UnitStatus } from '../../../api/acquisitions';

/** The colour of each unit status; the status is always written too (never colour alone). */
export const UNIT_COLORS: Record<UnitStatus, string> = { available: 'green', reserved: 'yellow', allocated: 'indigo', sold: 'gray' };

const STAGE_COLORS: Record<CandidacyStage, string> = {
  interested: 'gray',
  candidate: 'gray',
  selected: 'cyan',
  unit_allocated: 'cyan',
  compromis: 'indigo',
  credit_approved: 'indigo',
  deed: 'green',
  moved_in: 'green',
  withdrawn: 'red',
};

/** A candidacy's stage as a badge. */
export function StageBadge({ stage }: { stage: CandidacyStage }) {
  const { t } = useTranslation();
  return (
    <Badge color={STAGE_COLORS[stage]} variant="light" radius="sm" tt="none" h="auto" py={2} styles={{ label: { whiteSpace: 'normal' } }}>
      {t(`acquisitions.stage.${stage}`)}
    </Badge>
  );
}

/** A unit's status as a badge. */
export function UnitStatusBadge({ status }: { status: UnitStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={UNIT_COLORS[status]} variant="light" radius="sm" tt="none">
      {t(`acquisitions.unitStatus.${status}`)}
    </Badge>
  );
}

/** A project's status as a badge. */
export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'closed' ? 'gray' : status === 'delivered' ? 'green' : 'pot'} variant="outline" radius="sm" tt="none">
      {t(`acquisitions.projectStatus.${status}`)}
    </Badge>
  );
}
