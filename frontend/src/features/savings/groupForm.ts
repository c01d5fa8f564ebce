/** Pure helpers between the edit-group dialog (strings, as typed) and PATCH /api/groups/:id. No fetching, no React. */
import type { GroupFacts, UpdateGroupBody } from '../../api/savings';
import type { Language } from '../../api/types';
import { formatAmountInput, normaliseAmount } from '../../i18n/format';

/** The fields of the edit-group dialog, as typed; `endsOn` is '' when the group has no end date. */
export interface EditGroupValues {
  name: string;
  cohort: string;
  endsOn: string;
  exitCost: string;
}

/** The fields the edit-group dialog shows next to an input (other field errors go to its banner). */
export const EDIT_GROUP_FIELDS = ['name', 'cohort', 'endsOn', 'exitCost'] as const;

/** The dialog's starting values; the exit cost is written as readers of `language` type it. */
export function groupToEditValues(group: GroupFacts, language: Language): EditGroupValues {
  return { name: group.name, cohort: group.cohort, endsOn: group.endsOn ?? '', exitCost: formatAmountInput(group.exitCost, language) };
}

/**
 * The body of PATCH /api/groups/:id: only what changed. Texts are trimmed, an emptied end date is
 * sent as null (the group has no end again), the exit cost as a decimal string and only under
 * refund_minus_costs. Anything unreadable is sent as typed so the API reports it on its field.
 */
export function editGroupBody(group: GroupFacts, values: EditGroupValues): UpdateGroupBody {
  const body: UpdateGroupBody = {};
  const name = values.name.trim();
  const cohort = values.cohort.trim();
  const endsOn = values.endsOn.trim() === '' ? null : values.endsOn.trim();
  if (name !== group.name) body.name = name;
  if (cohort !== group.cohort) body.cohort = cohort;
  if (endsOn !== group.endsOn) body.endsOn = endsOn;
  if (group.exitPolicy === 'refund_minus_costs') {
    const exitCost = normaliseAmount(values.exitCost);
    if (exitCost !== group.exitCost) body.exitCost = exitCost;
  }
  return body;
}
