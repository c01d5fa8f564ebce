import type { Knex } from 'knex';
import { systemActor } from '../../backend/src/db/tx.ts';
import { createStaffUser, defaultOrganisationId } from '../../backend/src/modules/users/users.service.ts';
import { createHousehold, issueActivationCode } from '../../backend/src/modules/households/households.service.ts';
import { activate } from '../../backend/src/modules/auth/auth.service.ts';
import { createHouseholdBody, type CreateHouseholdInput } from '../../backend/src/modules/households/households.schemas.ts';

let counter = 0;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const STAFF_PASSWORD = 'correct-horse-battery-9';
export const HOUSEHOLD_PASSWORD = 'maison-soleil-2026!';

/** A staff member with a known password (STAFF_PASSWORD unless given). */
export async function makeStaff(knex: Knex, overrides: { role?: 'coordinator' | 'referent'; email?: string; name?: string; password?: string } = {}) {
  const role = overrides.role ?? 'referent';
  const email = overrides.email ?? `${role}-${next()}@example.org`;
  const user = await createStaffUser(knex, systemActor('test'), {
    organisationId: await defaultOrganisationId(knex),
    email,
    name: overrides.name ?? `Test ${role} ${counter}`,
    role,
    password: overrides.password ?? STAFF_PASSWORD,
  });
  return { ...user, password: overrides.password ?? STAFF_PASSWORD };
}

/** A valid household; any field can be overridden. */
export async function makeHousehold(knex: Knex, overrides: Partial<Record<keyof CreateHouseholdInput, unknown>> = {}) {
  const input = createHouseholdBody.parse({
    displayName: `Famille Test ${next()}`,
    members: [{ firstName: 'Amina', lastName: 'Test', kind: 'adult', birthYear: 1985 }],
    preferredLanguage: 'fr',
    monthlyIncome: '1850.00',
    ...overrides,
  });
  return createHousehold(knex, systemActor('test'), await defaultOrganisationId(knex), input);
}

/** A household that has activated its account with HOUSEHOLD_PASSWORD. */
export async function makeActivatedHousehold(knex: Knex, overrides: Partial<Record<keyof CreateHouseholdInput, unknown>> = {}) {
  const household = await makeHousehold(knex, overrides);
  const issuer = await makeStaff(knex);
  const { code } = await issueActivationCode(knex, { ...systemActor('test'), userId: issuer.id }, household.organisationId, household.id);
  await activate(knex, { code, password: HOUSEHOLD_PASSWORD }, { ip: 'factory' });
  return { ...household, password: HOUSEHOLD_PASSWORD };
}
