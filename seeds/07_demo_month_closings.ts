import type { Knex } from 'knex';
import { inTransaction, systemActor, type Actor } from '../backend/src/db/tx.ts';
import { addMonths, monthOf, monthsBetween, today } from '../backend/src/lib/dates.ts';
import { defaultOrganisationId } from '../backend/src/modules/users/users.service.ts';
import { closedThrough } from '../backend/src/modules/ledger/ledger.service.ts';
import { closeMonth } from '../backend/src/modules/gecs/operations.service.ts';
import { DEMO_GROUPS } from './04_demo_savings.ts';

// The demo GECS months are closed up to the month before last (last month and this one stay open for
// late entries), as the treasurer does. Last of the demo seeds that book GECS money: 04 (deposits,
// dividends, a reversal) and 06 (the advances linked to their compromis, repaid at the deed) both book
// entries dated in months that a closing would lock. Closes only the months not closed yet, so a
// second run changes nothing.

const ACTOR: Actor = systemActor('seed');

export async function seed(knex: Knex): Promise<string[]> {
  const organisationId = await defaultOrganisationId(knex);
  const groups = (await knex('savings_groups').where({ organisation_id: organisationId }).whereIn('name', DEMO_GROUPS.map((g) => g.name)).select('id', 'name')) as Array<{ id: string; name: string }>;
  if (groups.length === 0) return [];
  const closeThrough = addMonths(monthOf(today()), -2);
  let closings = 0;
  for (const spec of DEMO_GROUPS) {
    const group = groups.find((g) => g.name === spec.name);
    if (!group) continue;
    const closed = await closedThrough(knex, group.id);
    for (const month of monthsBetween(monthOf(spec.startsOn), closeThrough)) {
      if (closed && month <= monthOf(closed)) continue;
      await inTransaction(knex, ACTOR, (trx) => closeMonth({ trx, actor: ACTOR, organisationId, idempotencyKey: null }, group.id, month));
      closings++;
    }
  }
  return closings === 0 ? ['Demo GECS months already closed: skipped.'] : [`Demo GECS months: ${closings} months closed through ${closeThrough}.`];
}
