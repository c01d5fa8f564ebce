import type { SessionUser } from '../../lib/access.ts';

/** The signed-in user as the client sees it (login and /me). */
export function presentSessionUser(user: SessionUser) {
  return {
    id: user.id,
    name: user.name,
    role: user.role,
    ...(user.email ? { email: user.email } : {}),
    ...(user.householdId ? { householdId: user.householdId, reference: user.householdReference } : {}),
    ...(user.preferredLanguage ? { preferredLanguage: user.preferredLanguage } : {}),
  };
}
