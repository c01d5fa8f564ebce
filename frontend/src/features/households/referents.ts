/** Pure helper: which staff can be chosen as referent. */
import type { StaffUser } from '../../api/types';

/** Active staff sorted by name, plus the current referent even if deactivated since. */
export function referentChoices(users: StaffUser[] | undefined, currentId?: string | null): StaffUser[] {
  return (users ?? [])
    .filter((user) => user.active || user.id === currentId)
    .sort((a, b) => a.name.localeCompare(b.name));
}
