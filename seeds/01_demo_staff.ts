import type { Knex } from 'knex';
import { systemActor } from '../backend/src/db/tx.ts';
import { createStaffUser, defaultOrganisationId } from '../backend/src/modules/users/users.service.ts';

// Demo staff: one coordinator and two housing referents, all with the same demo password.
// Demo data only: runSeeds refuses NODE_ENV=production.

/** The password of every demo staff account. */
export const DEMO_STAFF_PASSWORD = 'Logement-solidaire-2026';

export const DEMO_COORDINATOR = { email: 'coordination@demo.potcommun.be', name: 'Nathalie Vandermeulen', role: 'coordinator' } as const;
export const DEMO_REFERENTS = [
  { email: 'referent1@demo.potcommun.be', name: 'Karima Bensaïd', role: 'referent' },
  { email: 'referent2@demo.potcommun.be', name: 'Thomas Claessens', role: 'referent' },
] as const;
export const DEMO_STAFF = [DEMO_COORDINATOR, ...DEMO_REFERENTS] as const;

/** Whether the demo coordinator already exists: the demo staff was seeded before. */
export async function demoStaffExists(knex: Knex): Promise<boolean> {
  return !!(await knex('users').whereRaw('lower(email) = ?', [DEMO_COORDINATOR.email]).first('id'));
}

export async function seed(knex: Knex): Promise<string[]> {
  if (await demoStaffExists(knex)) {
    return [`Demo staff already present (${DEMO_COORDINATOR.email}): skipped.`];
  }
  const organisationId = await defaultOrganisationId(knex);
  // All three or none: a failed run leaves nothing behind and can simply be run again.
  await knex.transaction(async (trx) => {
    for (const s of DEMO_STAFF) {
      await createStaffUser(trx, systemActor('seed'), { organisationId, email: s.email, name: s.name, role: s.role, password: DEMO_STAFF_PASSWORD });
    }
  });
  return DEMO_STAFF.map((s) => `Staff login (${s.role}, ${s.name}): ${s.email} / ${DEMO_STAFF_PASSWORD}`);
}
