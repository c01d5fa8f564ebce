/**
 * GECS money operations other than advances: deposits, refunds, dividends, corrections and month
 * closings. Each runs inside the caller's transaction (see ledger.idempotency.ts `once`), locks the
 * group whose pot it touches, checks the rules, and posts one balanced entry through the ledger. The
 * database backs every check: an overdrawn account at any date or a date in a closed month is refused there too.
 */
import { monthEnd } from '../../lib/dates.ts';
import { errors } from '../../lib/errors.ts';
import { Money, allocate, formatAmount, sum } from '../../lib/money.ts';
import * as ledger from '../ledger/ledger.service.ts';
import { cancelOnPaymentReversal } from './advances.service.ts';
import { latestPaidAdvanceId } from './advances.repository.ts';
import { NORMAL_SIGN, balanceAt, ensureAccount } from './gecs.accounts.ts';
import type { DepositInput } from './gecs.schemas.ts';
import { assertOpenDate } from './groups.service.ts';
import { depositTarget, householdExists, latestMembership, lockGroup } from './groups.repository.ts';
import { availableFrom, type OperationContext } from './pot.service.ts';
import { postOperation, transfer } from '../ledger/ledger.service.ts';

export type { OperationContext } from './pot.service.ts';

// ——— deposits ———

export interface DepositResult {
  entryId: string;
  entryNumber: number;
  householdId: string;
  groupId: string | null;
  target: 'group' | 'individual';
  amount: string;
  valueDate: string;
}

/** Refuses a household that is not one of the organisation's (404). */
async function assertHousehold(op: OperationContext, householdId: string): Promise<void> {
  if (!(await householdExists(op.trx, op.organisationId, householdId))) throw errors.notFound('household');
}

/** A household's deposit: into its group's pot (its group savings) or kept individually at Crédal. */
export async function deposit(op: OperationContext, householdId: string, input: DepositInput): Promise<DepositResult> {
  const { trx, organisationId } = op;
  const amount = new Money(input.amount);
  let groupId: string | null = null;
  // Where the money goes (debit) and whose savings it is (credit).
  let held: string;
  let saved: string;
  if (input.target === 'group') {
    const target = await depositTarget(trx, organisationId, householdId, input.valueDate);
    if (!target) {
      await assertHousehold(op, householdId);
      throw errors.conflict('not_a_member', `This household is not a member of a savings group on ${input.valueDate}.`);
    }
    groupId = target.group_id;
    if (target.closed_month && input.valueDate <= monthEnd(target.closed_month)) await assertOpenDate(trx, groupId, input.valueDate);
    held = target.pot ?? (await ensureAccount(trx, organisationId, { kind: 'pot_cash', groupId }));
    saved = target.savings ?? (await ensureAccount(trx, organisationId, { kind: 'group_savings', groupId, householdId }));
  } else {
    await assertHousehold(op, householdId);
    held = await ensureAccount(trx, organisationId, { kind: 'individual_holdings', householdId });
    saved = await ensureAccount(trx, organisationId, { kind: 'individual_savings', householdId });
  }
  const entry = await postOperation(op, {
    kind: input.target === 'group' ? 'deposit_group' : 'deposit_individual',
    valueDate: input.valueDate,
    book: groupId,
    owner: householdId,
    memo: input.note,
    bankReference: input.bankReference,
    postings: transfer(held, saved, amount),
  });
  return { entryId: entry.id, entryNumber: entry.number, householdId, groupId, target: input.target, amount: formatAmount(amount), valueDate: input.valueDate };
}

// ——— refunds ———

export interface RefundResult {
  entryId: string;
  entryNumber: number;
  householdId: string;
  groupId: string;
  valueDate: string;
  savings: string;
  settledAdvance: string;
  costs: string;
  paidOut: string;
}

/** Pays a household's group savings back by the group's exit policy, settling its advance first. */
export async function refund(op: OperationContext, householdId: string, input: { valueDate: string; note?: string | null }): Promise<RefundResult> {
  const { trx, organisationId } = op;
  await assertHousehold(op, householdId);
  const found = await latestMembership(trx, householdId);
  if (!found) throw errors.conflict('not_a_member', 'This household has never saved in a group.');
  const group = await lockGroup(trx, organisationId, found.group_id);
  const member = (await latestMembership(trx, householdId))!;
  const d = input.valueDate;
  const groupEnded = group.ends_on !== null && group.ends_on <= d;
  const left = member.left_on !== null && member.left_on <= d;
  if (group.exit_policy === 'refund_at_group_end' && !groupEnded) {
    throw errors.conflict('refund_not_due', group.ends_on ? `This group refunds savings when it ends, on ${group.ends_on}.` : 'This group refunds savings when it ends, and no end date is set yet.');
  }
  if (!groupEnded && !left) {
    throw errors.conflict('refund_not_due', 'Savings are refunded when the household leaves the group (record the leaving date first) or when the group ends.');
  }
  await assertOpenDate(trx, group.id, d);
  const savingsAccount = await ensureAccount(trx, organisationId, { kind: 'group_savings', groupId: group.id, householdId });
  const savings = await balanceAt(trx, savingsAccount, 'group_savings', d);
  if (savings.lte(0)) throw errors.conflict('nothing_to_refund', `This household has no group savings on ${d}.`);
  const receivable = await ensureAccount(trx, organisationId, { kind: 'advance_receivable', groupId: group.id, householdId });
  const owed = await balanceAt(trx, receivable, 'advance_receivable', d);
  if (owed.gt(savings)) {
    throw errors.conflict('advance_outstanding', `This household still owes ${formatAmount(owed)} on its advance, more than its savings (${formatAmount(savings)}): the advance must be repaid first.`);
  }
  const costs = group.exit_policy === 'refund_minus_costs' && !groupEnded ? Money.min(new Money(group.exit_cost), savings.minus(owed)) : new Money(0);
  const paidOut = savings.minus(owed).minus(costs);
  const pot = await ensureAccount(trx, organisationId, { kind: 'pot_cash', groupId: group.id });
  const reserve = await ensureAccount(trx, organisationId, { kind: 'group_reserve', groupId: group.id });
  // Cash promised to a buyer who signed a compromis stays promised: a refund takes only the rest.
  const available = await availableFrom(trx, organisationId, group.id, d);
  if (paidOut.gt(available)) {
    throw errors.conflict(
      'insufficient_pot',
      `The pot cannot pay out ${formatAmount(paidOut)}: ${formatAmount(Money.max(available, 0))} is available from ${d} on once the approved advances are set aside.`,
    );
  }
  const openAdvance = owed.gt(0) ? await latestPaidAdvanceId(trx, householdId, group.id) : null;
  const entry = await postOperation(
    op,
    {
      kind: 'refund',
      valueDate: d,
      book: group.id,
      owner: householdId,
      subject: openAdvance,
      memo: input.note,
      postings: [
        { accountId: savingsAccount, amount: savings },
        { accountId: receivable, amount: owed.negated() },
        { accountId: reserve, amount: costs.negated() },
        { accountId: pot, amount: paidOut.negated() },
      ],
    },
    () => errors.conflict('insufficient_pot', `The refund would leave the pot or the household's savings below zero on ${d} or a later date.`),
  );
  return {
    entryId: entry.id,
    entryNumber: entry.number,
    householdId,
    groupId: group.id,
    valueDate: d,
    savings: formatAmount(savings),
    settledAdvance: formatAmount(owed),
    costs: formatAmount(costs),
    paidOut: formatAmount(paidOut),
  };
}

// ——— dividends ———

export interface DividendResult {
  entryId: string;
  entryNumber: number;
  groupId: string;
  amount: string;
  valueDate: string;
  allocations: Array<{ householdId: string; amount: string }>;
  unallocated: string;
}

/** A dividend enters the pot and is shared among members pro rata to their group savings on its date, exactly (cents, largest remainder). */
export async function dividend(op: OperationContext, groupId: string, input: { amount: string; valueDate: string; note?: string | null }): Promise<DividendResult> {
  const { trx, organisationId } = op;
  await lockGroup(trx, organisationId, groupId);
  await assertOpenDate(trx, groupId, input.valueDate);
  const amount = new Money(input.amount);
  const accounts = await ledger.accountsOf(trx, { book: groupId, kinds: ['group_savings'] });
  const balances = await ledger.balancesAt(trx, accounts.map((a) => a.id), input.valueDate);
  const savers = accounts
    .map((a) => ({ id: a.id, householdId: a.owner!, savings: balances.get(a.id)!.times(NORMAL_SIGN.group_savings) }))
    .filter((a) => a.savings.gt(0))
    .sort((a, b) => a.householdId.localeCompare(b.householdId));
  const pot = await ensureAccount(trx, organisationId, { kind: 'pot_cash', groupId });
  const parts = savers.length > 0 ? allocate(amount, savers.map((s) => s.savings)) : [];
  const allocations = savers.map((s, i) => ({ householdId: s.householdId, accountId: s.id, amount: parts[i]! })).filter((a) => !a.amount.isZero());
  const unallocated = amount.minus(sum(allocations.map((a) => a.amount)));
  const postings = [{ accountId: pot, amount }, ...allocations.map((a) => ({ accountId: a.accountId, amount: a.amount.negated() }))];
  if (!unallocated.isZero()) postings.push({ accountId: await ensureAccount(trx, organisationId, { kind: 'group_reserve', groupId }), amount: unallocated.negated() });
  const entry = await postOperation(op, { kind: 'dividend', valueDate: input.valueDate, book: groupId, memo: input.note, postings });
  return {
    entryId: entry.id,
    entryNumber: entry.number,
    groupId,
    amount: formatAmount(amount),
    valueDate: input.valueDate,
    allocations: allocations.map((a) => ({ householdId: a.householdId, amount: formatAmount(a.amount) })),
    unallocated: formatAmount(unallocated),
  };
}

// ——— reversals ———

export type ReversalResult = ledger.Reversal;

/**
 * Cancels an entry through the ledger (its mirror image, with a reason; see ledger.reverseEntry for
 * its date), with the group locked; reversing an advance's payment cancels the advance.
 */
export async function reverseEntry(op: OperationContext, entryId: string, reason: string): Promise<ReversalResult> {
  const { trx, organisationId } = op;
  return ledger.reverseEntry(trx, {
    organisationId,
    entryId,
    reason,
    actor: op.actor,
    idempotencyKey: op.idempotencyKey,
    lock: async (original) => {
      if (original.book) await lockGroup(trx, organisationId, original.book);
    },
    beforePosting: async (original, valueDate) => {
      if (original.kind === 'advance_payment' && original.subject) await cancelOnPaymentReversal(op, original.subject, valueDate, reason);
    },
    onOverdraft: (valueDate) =>
      errors.conflict(
        'reversal_would_overdraw',
        `Reversing this entry on ${valueDate} would leave the pot or a household's savings below zero on that date or a later one (money was used since): correct the later operations first.`,
      ),
  });
}

// ——— month closing ———

/** Closes a month of a group: nothing may be dated in it any more. */
export async function closeMonth(op: OperationContext, groupId: string, month: string): Promise<{ groupId: string; month: string; closedAt: string; closedBy: string }> {
  await lockGroup(op.trx, op.organisationId, groupId);
  return { groupId, ...(await ledger.closeMonth(op.trx, op.actor, groupId, month, 'group')) };
}
