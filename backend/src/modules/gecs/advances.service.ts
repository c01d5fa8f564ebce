/**
 * Down-payment advances: approved (reserving pot cash) at the compromis, paid, repaid at the deed, or
 * cancelled. Each operation runs in the caller's transaction with the group locked (lockedAdvance), so
 * that checks of the pot stay true until commit; the database backs them (no account overdrawn).
 */
import type { Knex } from 'knex';
import { errors } from '../../lib/errors.ts';
import { Money, formatAmount } from '../../lib/money.ts';
import { postOperation, postedOnSubject, transfer, type PostedEntry } from '../ledger/ledger.service.ts';
import { findAdvance, hasApprovedAdvance, insertAdvance, markCancelled, markPaid, type AdvanceRow } from './advances.repository.ts';
import { balanceAt, ensureAccount } from './gecs.accounts.ts';
import type { AdvanceInput } from './gecs.schemas.ts';
import { NO_CANDIDACIES, type CandidacyLinkReader } from './candidacies.ts';
import { assertOpenDate } from './groups.service.ts';
import { lockGroup, membershipOn, type GroupRow } from './groups.repository.ts';
import { availableFrom, insufficientPot, type OperationContext } from './pot.service.ts';

/** An advance of the organisation, or 404. */
export async function getAdvanceRow(knex: Knex, organisationId: string, id: string): Promise<AdvanceRow> {
  const row = await findAdvance(knex, organisationId, id);
  if (!row) throw errors.notFound('advance');
  return row;
}

/**
 * An advance read again under its group's lock, with the locked group: what every operation on an
 * existing advance starts with (the advance may have changed while the lock was awaited).
 */
export async function lockedAdvance(op: OperationContext, id: string): Promise<{ group: GroupRow; advance: AdvanceRow }> {
  const found = await getAdvanceRow(op.trx, op.organisationId, id);
  const group = await lockGroup(op.trx, op.organisationId, found.group_id);
  return { group, advance: await getAdvanceRow(op.trx, op.organisationId, id) };
}

/** What the household still owes on an advance, in euros: its payment minus repayments (net of reversals). */
export async function advanceOutstanding(knex: Knex, advanceId: string): Promise<Money> {
  return postedOnSubject(knex, advanceId, 'advance_receivable');
}

async function payAdvanceEntry(op: OperationContext, group: GroupRow, advance: AdvanceRow, valueDate: string): Promise<PostedEntry> {
  const { trx, organisationId } = op;
  const amount = new Money(advance.amount);
  const pot = await ensureAccount(trx, organisationId, { kind: 'pot_cash', groupId: group.id });
  const receivable = await ensureAccount(trx, organisationId, { kind: 'advance_receivable', groupId: group.id, householdId: advance.household_id });
  const available = await availableFrom(trx, organisationId, group.id, valueDate, advance.id);
  if (amount.gt(available)) throw insufficientPot(amount, available, valueDate);
  return postOperation(
    op,
    { kind: 'advance_payment', valueDate, book: group.id, owner: advance.household_id, subject: advance.id, memo: advance.note, postings: transfer(receivable, pot, amount) },
    () => errors.conflict('insufficient_pot', `The pot cannot advance ${formatAmount(amount)} on ${valueDate} without going below zero on a later date.`),
  );
}

/**
 * Approves an advance for a member (and pays it at once when asked), within the pot's available cash.
 * A linked candidacy (input.candidacyId, read through `candidacies`) must be the household's and have
 * reached its compromis.
 */
export async function createAdvance(
  op: OperationContext,
  groupId: string,
  input: AdvanceInput,
  candidacies: CandidacyLinkReader = NO_CANDIDACIES,
): Promise<{ advance: AdvanceRow; entry: PostedEntry | null }> {
  const { trx, organisationId } = op;
  const group = await lockGroup(trx, organisationId, groupId);
  if (input.candidacyId) {
    const link = await candidacies.linkOf(trx, organisationId, input.candidacyId);
    if (!link) throw errors.validation([{ path: 'candidacyId', message: 'No such candidacy' }]);
    if (link.householdId !== input.householdId) throw errors.validation([{ path: 'candidacyId', message: "Must be a candidacy of this advance's household" }]);
    if (link.withdrawn) throw errors.conflict('candidacy_closed', 'This candidacy was withdrawn: no advance can be linked to it.');
    if (!link.reachedCompromis) throw errors.conflict('candidacy_before_compromis', 'The pot advances the down payment from the compromis on: record the compromis stage first.');
    // The pot advances the acompte, never more (domain: "only the acompte, never notary costs").
    if (link.downPayment !== null && new Money(input.amount).gt(link.downPayment)) {
      throw errors.validation([{ path: 'amount', message: `Must not be more than the compromis down payment (${formatAmount(link.downPayment)})` }]);
    }
  }
  const member = await membershipOn(trx, input.householdId, input.valueDate, groupId);
  if (!member) throw errors.conflict('not_a_member', `This household is not a member of this group on ${input.valueDate}.`);
  await assertOpenDate(trx, groupId, input.valueDate);
  if (await hasApprovedAdvance(trx, input.householdId)) throw errors.conflict('advance_open', 'This household already has an approved advance waiting to be paid.');
  const receivable = await ensureAccount(trx, organisationId, { kind: 'advance_receivable', groupId, householdId: input.householdId });
  if ((await balanceAt(trx, receivable, 'advance_receivable', '9999-12-31')).gt(0)) {
    throw errors.conflict('advance_outstanding', 'This household has not repaid its previous advance yet.');
  }
  const amount = new Money(input.amount);
  const available = await availableFrom(trx, organisationId, groupId, input.valueDate);
  if (amount.gt(available)) throw insufficientPot(amount, available, input.valueDate);
  let advance = await insertAdvance(trx, { organisationId, groupId, householdId: input.householdId, amount: formatAmount(amount), approvedOn: input.valueDate, note: input.note ?? null, candidacyId: input.candidacyId ?? null });
  let entry: PostedEntry | null = null;
  if (input.status === 'paid') {
    entry = await payAdvanceEntry(op, group, advance, input.valueDate);
    advance = await markPaid(trx, advance.id, input.valueDate);
  }
  return { advance, entry };
}

/** Pays an approved advance out of the pot on a date. */
export async function payAdvance(op: OperationContext, advanceId: string, valueDate: string): Promise<{ advance: AdvanceRow; entry: PostedEntry }> {
  const { group, advance } = await lockedAdvance(op, advanceId);
  if (advance.status !== 'approved') throw errors.conflict('advance_not_approved', `This advance is ${advance.status}; only an approved advance can be paid.`);
  if (valueDate < advance.approved_on) throw errors.validation([{ path: 'valueDate', message: `Must not be before the approval (${advance.approved_on})` }]);
  // The household may have left (and been refunded) since the approval: the pot advances only to members.
  if (!(await membershipOn(op.trx, advance.household_id, valueDate, group.id))) {
    throw errors.conflict('not_a_member', `This household is not a member of this group on ${valueDate}: cancel the approved advance instead.`);
  }
  await assertOpenDate(op.trx, group.id, valueDate);
  const entry = await payAdvanceEntry(op, group, advance, valueDate);
  return { advance: await markPaid(op.trx, advance.id, valueDate), entry };
}

/** Cancels an approved advance on a date, with a reason: its cash is no longer reserved. */
export async function cancelAdvance(op: OperationContext, advanceId: string, reason: string, on: string): Promise<AdvanceRow> {
  const { advance } = await lockedAdvance(op, advanceId);
  if (advance.status !== 'approved') throw errors.conflict('advance_not_approved', `This advance is ${advance.status}; only an approved advance can be cancelled (reverse a paid one's entry instead).`);
  if (on < advance.approved_on) throw errors.validation([{ path: 'on', message: `Must not be before the approval (${advance.approved_on})` }]);
  return markCancelled(op.trx, advanceId, on, reason);
}

/** Records a repayment of a paid advance into the pot (at most what is still owed). */
export async function repayAdvance(op: OperationContext, advanceId: string, input: { amount: string; valueDate: string; note?: string | null }): Promise<{ advance: AdvanceRow; entry: PostedEntry; outstanding: Money }> {
  const { trx, organisationId } = op;
  const { group, advance } = await lockedAdvance(op, advanceId);
  if (advance.status !== 'paid') throw errors.conflict('advance_not_paid', `This advance is ${advance.status}; only a paid advance can be repaid.`);
  if (input.valueDate < advance.paid_on!) throw errors.validation([{ path: 'valueDate', message: `Must not be before the advance was paid (${advance.paid_on})` }]);
  await assertOpenDate(trx, group.id, input.valueDate);
  const amount = new Money(input.amount);
  const outstanding = await advanceOutstanding(trx, advanceId);
  if (amount.gt(outstanding)) {
    throw errors.conflict('exceeds_outstanding', `Only ${formatAmount(outstanding)} is still owed on this advance.`);
  }
  const pot = await ensureAccount(trx, organisationId, { kind: 'pot_cash', groupId: group.id });
  const receivable = await ensureAccount(trx, organisationId, { kind: 'advance_receivable', groupId: group.id, householdId: advance.household_id });
  const entry = await postOperation(
    op,
    { kind: 'advance_repayment', valueDate: input.valueDate, book: group.id, owner: advance.household_id, subject: advanceId, memo: input.note, postings: transfer(pot, receivable, amount) },
    () => errors.conflict('exceeds_outstanding', `On ${input.valueDate} less than ${formatAmount(amount)} was owed on this advance.`),
  );
  return { advance, entry, outstanding: outstanding.minus(amount) };
}

/**
 * When the payment of an advance is reversed, the advance is cancelled on the reversal's date — only
 * while nothing was repaid on it (repayments are reversed first).
 */
export async function cancelOnPaymentReversal(op: OperationContext, advanceId: string, valueDate: string, reason: string): Promise<void> {
  const advance = await getAdvanceRow(op.trx, op.organisationId, advanceId);
  if (!(await advanceOutstanding(op.trx, advance.id)).equals(advance.amount)) {
    throw errors.conflict('advance_has_repayments', 'Repayments were recorded on this advance: reverse them first.');
  }
  await markCancelled(op.trx, advance.id, valueDate, reason);
}
