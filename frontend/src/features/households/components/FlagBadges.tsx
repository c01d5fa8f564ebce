import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HouseholdFlags } from '../../../api/types';

/** The single-parent and PAS-SOLO flags as small badges (nothing when neither is set). */
export function FlagBadges({ flags }: { flags: HouseholdFlags }) {
  const { t } = useTranslation();
  if (!flags.singleParent && !flags.pasSolo) return null;
  return (
    <Group gap={4} wrap="wrap">
      {flags.singleParent && (
        <Badge color="grape" variant="light" radius="sm" tt="none" fw={600}>
          {t('households.flags.singleParent')}
        </Badge>
      )}
      {flags.pasSolo && (
        <Badge color="indigo" variant="light" radius="sm" tt="none" fw={600}>
          {t('households.flags.pasSolo')}
        </Badge>
      )}
    </Group>
  );
}
