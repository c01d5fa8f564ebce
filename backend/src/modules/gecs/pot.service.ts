/** What every GECS money operation shares: its context and what the pot may give. */
import type { Knex } from 'knex';
import { errors } from '../../lib/errors.ts';
import { Money, formatAmount } from '../../lib/money.ts';
import type { MoneyContext } from '../ledger/ledger.idempotency.ts';
import { reservedNow } from './advances.repository.ts';
import { ensureAccount, lowestBalanceFrom } from './gecs.accounts.ts';

/** A money operation's transaction (see ledger.idempotency.ts `once`), who runs it and its idempotency key. */
export type OperationContext = MoneyContext;

/** What an operation dated `from` may take from the pot, in euros: the lowest cash from that day on, minus reservations. */
export async function availableFrom(trx: Knex, organisationId: string, groupId: string, from: string, exceptAdvanceId?: string): Promise<Money> {
  const pot = await ensureAccount(trx, organisationId, { kind: 'pot_cash', groupId });
  const lowest = await lowestBalanceFrom(trx, pot, 'pot_cash', from);
  return lowest.minus(await reservedNow(trx, groupId, exceptAdvanceId));
}

/** The 409 of an advance larger than what the pot has available. */
export function insufficientPot(amount: Money, available: Money, date: string) {
  return errors.conflict(
    'insufficient_pot',
    `The pot cannot advance ${formatAmount(amount)}: ${formatAmount(Money.max(available, 0))} is available from ${date} on (cash minus approved advances, on that date and every later one).`,
  );
}
