/**
 * Money operations. Each runs inside the caller's transaction (see idempotency.ts `once`), locks the
 * group whose pot it touches, checks the rules, and posts one balanced journal entry. The database
 * backs every check: an overdrawn account at any date or a date in a closed month is refused there too.
 */
import type { Knex } from 'knex';
import type { Actor } from '../../db/tx.ts';
import { monthEnd, monthOf, today } from '../../lib/dates.ts';
import { errors } from '../../lib/errors.ts';
import { Money, allocate, formatAmount, sum } from '../../lib/money.ts';
import { assertOpenDate, closedThrough, latestMembership, lockGroup, type GroupRow, type MemberRow } from './groups.repository.ts';
import { NORMAL_SIGN, balanceAt, ensureAccount, lowestBalanceFrom, postEntry, signedBalancesAt, type PostedEntry } from './ledger.ts';
import type { AdvanceInput, DepositInput } from './savings.schemas.ts';

export interface OperationContext {
  trx: Knex.Transaction;
  actor: Actor;
  organisationId: string;
  idempotencyKey: string | null;
}

export interface AdvanceRow {
  id: string;
  group_id: string;
  household_id: string;
  amount: string;
  status: 'approved' | 'paid' | 'cancelled';
  approved_on: string;
  paid_on: string | null;
  cancelled_on: string | null;
  cancel_reason: string | null;
  note: string | null;
  created_at: string;
}

/** Turns the database's refusal of an overdrawn account into the operation's own 409. */
async function guarded<T>(fn: () => Promise<T>, code: string, detail: string): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const e = err as { code?: string; constraint?: string };
    if (e.code === '23514' && e.constraint === 'account_never_overdrawn') throw errors.conflict(code, detail);
    throw err;
  }
}

/** The household's membership of a group on a date (joined on or before, not left before, group not ended before), or null. */
async function membershipOn(trx: Knex, householdId: string, date: string, groupId?: string): Promise<MemberRow | null> {
  const q = trx('group_members as m')
    .join('households as h', 'h.id', 'm.household_id')
    .join('savings_groups as g', 'g.id', 'm.group_id')
    .where('m.household_id', householdId)
    .andWhere('m.joined_on', '<=', date)
    .andWhere((w) => w.whereNull('m.left_on').orWhere('m.left_on', '>=', date))
    .andWhere((w) => w.whereNull('g.ends_on').orWhere('g.ends_on', '>=', date));
  if (groupId) q.andWhere('m.group_id', groupId);
  const row = await q
    .orderBy('m.joined_on', 'desc')
    .first<MemberRow | undefined>('m.id', 'm.group_id', 'm.household_id', 'm.joined_on', 'm.left_on', 'm.officer_role', 'h.display_name', 'h.reference');
  return row ?? null;
}

/** Cash of a group's pot earmarked for approved, not yet paid advances. */
export async function reservedNow(trx: Knex, groupId: string, exceptAdvanceId?: string): Promise<Money> {
  const q = trx('advances').where({ group_id: groupId, status: 'approved' });
  if (exceptAdvanceId) q.whereNot({ id: exceptAdvanceId });
  const row = await q.sum<{ total: string | null }>('amount as total').first();
  return new Money(row?.total ?? 0);
}

/** What an operation dated `from` may take from the pot: the lowest cash from that day on, minus reservations. */
async function availableFrom(trx: Knex, organisationId: string, groupId: string, from: string, exceptAdvanceId?: string): Promise<Money> {
  const pot = await ensureAccount(trx, organisationId, { kind: 'pot_cash', groupId });
  const lowest = await lowestBalanceFrom(trx, pot, 'pot_cash', from);
  return lowest.minus(await reservedNow(trx, groupId, exceptAdvanceId));
}

function insufficientPot(amount: Money, available: Money, date: string) {
  return errors.conflict(
    'insufficient_pot',
    `The pot cannot advance ${formatAmount(amount)}: ${formatAmount(Money.max(available, 0))} is available from ${date} on (cash minus approved advances, on that date and every later one).`,
  );
}

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
async function assertHousehold(trx: Knex, organisationId: string, householdId: string): Promise<void> {
  const found = await trx('households').where({ id: householdId, organisation_id: organisationId }).first('id');
  if (!found) throw errors.notFound('household');
}

interface DepositTarget {
  group_id: string;
  closed_month: string | null;
  pot: string | null;
  savings: string | null;
}

/**
 * Everything a group deposit needs, in one round trip: the household's group on the date (locked),
 * the group's last closed month and the two accounts. Deposits are the most frequent operation.
 */
async function depositTarget(trx: Knex, organisationId: string, householdId: string, date: string): Promise<DepositTarget | null> {
  const result = (await trx.raw(
    `SELECT g.id AS group_id,
            (SELECT max(c.month) FROM month_closings c WHERE c.group_id = g.id) AS closed_month,
            (SELECT a.id FROM ledger_accounts a WHERE a.kind = 'pot_cash' AND a.group_id = g.id AND a.household_id IS NULL) AS pot,
            (SELECT a.id FROM ledger_accounts a WHERE a.kind = 'group_savings' AND a.group_id = g.id AND a.household_id = m.household_id) AS savings
       FROM group_members m
       JOIN savings_groups g ON g.id = m.group_id AND g.organisation_id = ?
      WHERE m.household_id = ? AND m.joined_on <= ?::date AND (m.left_on IS NULL OR m.left_on >= ?::date)
        AND (g.ends_on IS NULL OR g.ends_on >= ?::date)
      ORDER BY m.joined_on DESC
      LIMIT 1
      FOR UPDATE OF g`,
    [organisationId, householdId, date, date, date],
  )) as { rows: DepositTarget[] };
  return result.rows[0] ?? null;
}

export async function deposit(op: OperationContext, householdId: string, input: DepositInput): Promise<DepositResult> {
  const { trx, organisationId } = op;
  const amount = new Money(input.amount);
  let entry: PostedEntry;
  let groupId: string | null = null;
  if (input.target === 'group') {
    const target = await depositTarget(trx, organisationId, householdId, input.valueDate);
    if (!target) {
      await assertHousehold(trx, organisationId, householdId);
      throw errors.conflict('not_a_member', `This household is not a member of a savings group on ${input.valueDate}.`);
    }
    groupId = target.group_id;
    if (target.closed_month && input.valueDate <= monthEnd(target.closed_month)) await assertOpenDate(trx, groupId, input.valueDate);
    const pot = target.pot ?? (await ensureAccount(trx, organisationId, { kind: 'pot_cash', groupId }));
    const savings = target.savings ?? (await ensureAccount(trx, organisationId, { kind: 'group_savings', groupId, householdId }));
    entry = await postEntry(trx, {
      organisationId,
      kind: 'deposit_group',
      valueDate: input.valueDate,
      groupId,
      householdId,
      memo: input.note,
      bankReference: input.bankReference,
      idempotencyKey: op.idempotencyKey,
      actor: op.actor,
      postings: [
        { accountId: pot, amount },
        { accountId: savings, amount: amount.negated() },
      ],
    });
  } else {
    await assertHousehold(trx, organisationId, householdId);
    const holdings = await ensureAccount(trx, organisationId, { kind: 'individual_holdings', householdId });
    const savings = await ensureAccount(trx, organisationId, { kind: 'individual_savings', householdId });
    entry = await postEntry(trx, {
      organisationId,
      kind: 'deposit_individual',
      valueDate: input.valueDate,
      householdId,
      memo: input.note,
      bankReference: input.bankReference,
      idempotencyKey: op.idempotencyKey,
      actor: op.actor,
      postings: [
        { accountId: holdings, amount },
        { accountId: savings, amount: amount.negated() },
      ],
    });
  }
  return { entryId: entry.id, entryNumber: entry.number, householdId, groupId, target: input.target, amount: formatAmount(amount), valueDate: input.valueDate };
}

// ——— advances ———

export async function getAdvanceRow(trx: Knex, organisationId: string, id: string): Promise<AdvanceRow> {
  const row = await trx('advances').where({ id, organisation_id: organisationId }).first<AdvanceRow | undefined>();
  if (!row) throw errors.notFound('advance');
  return row;
}

/** What the household still owes on an advance: its payment minus repayments (net of reversals). */
export async function advanceOutstanding(trx: Knex, advanceId: string): Promise<Money> {
  const row = await trx('ledger_postings as p')
    .join('journal_entries as e', 'e.id', 'p.entry_id')
    .join('ledger_accounts as a', 'a.id', 'p.account_id')
    .where({ 'e.advance_id': advanceId, 'a.kind': 'advance_receivable' })
    .sum<{ total: string | null }>('p.amount as total')
    .first();
  return new Money(row?.total ?? 0);
}

async function payAdvanceEntry(op: OperationContext, group: GroupRow, advance: AdvanceRow, valueDate: string): Promise<PostedEntry> {
  const { trx, organisationId } = op;
  const amount = new Money(advance.amount);
  const pot = await ensureAccount(trx, organisationId, { kind: 'pot_cash', groupId: group.id });
  const receivable = await ensureAccount(trx, organisationId, { kind: 'advance_receivable', groupId: group.id, householdId: advance.household_id });
  const available = await availableFrom(trx, organisationId, group.id, valueDate, advance.id);
  if (amount.gt(available)) throw insufficientPot(amount, available, valueDate);
  return guarded(
    () =>
      postEntry(trx, {
        organisationId,
        kind: 'advance_payment',
        valueDate,
        groupId: group.id,
        householdId: advance.household_id,
        advanceId: advance.id,
        memo: advance.note,
        idempotencyKey: op.idempotencyKey,
        actor: op.actor,
        postings: [
          { accountId: receivable, amount },
          { accountId: pot, amount: amount.negated() },
        ],
      }),
    'insufficient_pot',
    `The pot cannot advance ${formatAmount(amount)} on ${valueDate} without going below zero on a later date.`,
  );
}

export async function createAdvance(op: OperationContext, groupId: string, input: AdvanceInput): Promise<{ advance: AdvanceRow; entry: PostedEntry | null }> {
  const { trx, organisationId } = op;
  const group = await lockGroup(trx, organisationId, groupId);
  const member = await membershipOn(trx, input.householdId, input.valueDate, groupId);
  if (!member) throw errors.conflict('not_a_member', `This household is not a member of this group on ${input.valueDate}.`);
  await assertOpenDate(trx, groupId, input.valueDate);
  const open = await trx('advances').where({ household_id: input.householdId, status: 'approved' }).first('id');
  if (open) throw errors.conflict('advance_open', 'This household already has an approved advance waiting to be paid.');
  const receivable = await ensureAccount(trx, organisationId, { kind: 'advance_receivable', groupId, householdId: input.householdId });
  if ((await balanceAt(trx, receivable, 'advance_receivable', '9999-12-31')).gt(0)) {
    throw errors.conflict('advance_outstanding', 'This household has not repaid its previous advance yet.');
  }
  const amount = new Money(input.amount);
  const available = await availableFrom(trx, organisationId, groupId, input.valueDate);
  if (amount.gt(available)) throw insufficientPot(amount, available, input.valueDate);
  const [created] = await trx('advances')
    .insert({
      organisation_id: organisationId,
      group_id: groupId,
      household_id: input.householdId,
      amount: formatAmount(amount),
      status: 'approved',
      approved_on: input.valueDate,
      note: input.note ?? null,
    })
    .returning<AdvanceRow[]>('*');
  let advance = created!;
  let entry: PostedEntry | null = null;
  if (input.status === 'paid') {
    entry = await payAdvanceEntry(op, group, advance, input.valueDate);
    [advance] = (await trx('advances').where({ id: advance.id }).update({ status: 'paid', paid_on: input.valueDate, updated_at: trx.fn.now() }).returning('*')) as AdvanceRow[] as [AdvanceRow];
  }
  return { advance, entry };
}

export async function payAdvance(op: OperationContext, advanceId: string, valueDate: string): Promise<{ advance: AdvanceRow; entry: PostedEntry }> {
  const { trx, organisationId } = op;
  const found = await getAdvanceRow(trx, organisationId, advanceId);
  const group = await lockGroup(trx, organisationId, found.group_id);
  const advance = await getAdvanceRow(trx, organisationId, advanceId);
  if (advance.status !== 'approved') throw errors.conflict('advance_not_approved', `This advance is ${advance.status}; only an approved advance can be paid.`);
  if (valueDate < advance.approved_on) throw errors.validation([{ path: 'valueDate', message: `Must not be before the approval (${advance.approved_on})` }]);
  // The household may have left (and been refunded) since the approval: the pot advances only to members.
  if (!(await membershipOn(trx, advance.household_id, valueDate, group.id))) {
    throw errors.conflict('not_a_member', `This household is not a member of this group on ${valueDate}: cancel the approved advance instead.`);
  }
  await assertOpenDate(trx, group.id, valueDate);
  const entry = await payAdvanceEntry(op, group, advance, valueDate);
  const [paid] = (await trx('advances').where({ id: advance.id }).update({ status: 'paid', paid_on: valueDate, updated_at: trx.fn.now() }).returning('*')) as AdvanceRow[];
  return { advance: paid!, entry };
}

export async function cancelAdvance(op: OperationContext, advanceId: string, reason: string, on: string): Promise<AdvanceRow> {
  const { trx, organisationId } = op;
  const found = await getAdvanceRow(trx, organisationId, advanceId);
  await lockGroup(trx, organisationId, found.group_id);
  const advance = await getAdvanceRow(trx, organisationId, advanceId);
  if (advance.status !== 'approved') throw errors.conflict('advance_not_approved', `This advance is ${advance.status}; only an approved advance can be cancelled (reverse a paid one's entry instead).`);
  if (on < advance.approved_on) throw errors.validation([{ path: 'on', message: `Must not be before the approval (${advance.approved_on})` }]);
  const [row] = (await trx('advances')
    .where({ id: advanceId })
    .update({ status: 'cancelled', cancelled_on: on, cancel_reason: reason, updated_at: trx.fn.now() })
    .returning('*')) as AdvanceRow[];
  return row!;
}

export async function repayAdvance(op: OperationContext, advanceId: string, input: { amount: string; valueDate: string; note?: string | null }): Promise<{ advance: AdvanceRow; entry: PostedEntry; outstanding: Money }> {
  const { trx, organisationId } = op;
  const found = await getAdvanceRow(trx, organisationId, advanceId);
  const group = await lockGroup(trx, organisationId, found.group_id);
  const advance = await getAdvanceRow(trx, organisationId, advanceId);
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
  const entry = await guarded(
    () =>
      postEntry(trx, {
        organisationId,
        kind: 'advance_repayment',
        valueDate: input.valueDate,
        groupId: group.id,
        householdId: advance.household_id,
        advanceId,
        memo: input.note,
        idempotencyKey: op.idempotencyKey,
        actor: op.actor,
        postings: [
          { accountId: pot, amount },
          { accountId: receivable, amount: amount.negated() },
        ],
      }),
    'exceeds_outstanding',
    `On ${input.valueDate} less than ${formatAmount(amount)} was owed on this advance.`,
  );
  return { advance, entry, outstanding: outstanding.minus(amount) };
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

export async function refund(op: OperationContext, householdId: string, input: { valueDate: string; note?: string | null }): Promise<RefundResult> {
  const { trx, organisationId } = op;
  await assertHousehold(trx, organisationId, householdId);
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
  const openAdvance = owed.gt(0)
    ? await trx('advances').where({ household_id: householdId, group_id: group.id, status: 'paid' }).orderBy('paid_on', 'desc').first<{ id: string }>('id')
    : undefined;
  const entry = await guarded(
    () =>
      postEntry(trx, {
        organisationId,
        kind: 'refund',
        valueDate: d,
        groupId: group.id,
        householdId,
        advanceId: openAdvance?.id ?? null,
        memo: input.note,
        idempotencyKey: op.idempotencyKey,
        actor: op.actor,
        postings: [
          { accountId: savingsAccount, amount: savings },
          { accountId: receivable, amount: owed.negated() },
          { accountId: reserve, amount: costs.negated() },
          { accountId: pot, amount: paidOut.negated() },
        ],
      }),
    'insufficient_pot',
    `The refund would leave the pot or the household's savings below zero on ${d} or a later date.`,
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

/** A dividend enters the pot and is shared among members pro rata to their group savings on its date, exactly. */
export async function dividend(op: OperationContext, groupId: string, input: { amount: string; valueDate: string; note?: string | null }): Promise<DividendResult> {
  const { trx, organisationId } = op;
  await lockGroup(trx, organisationId, groupId);
  await assertOpenDate(trx, groupId, input.valueDate);
  const amount = new Money(input.amount);
  const accounts = await trx('ledger_accounts').where({ group_id: groupId, kind: 'group_savings' }).select<Array<{ id: string; household_id: string }>>('id', 'household_id');
  const balances = await signedBalancesAt(trx, accounts.map((a) => a.id), input.valueDate);
  const savers = accounts
    .map((a) => ({ ...a, savings: balances.get(a.id)!.times(NORMAL_SIGN.group_savings) }))
    .filter((a) => a.savings.gt(0))
    .sort((a, b) => a.household_id.localeCompare(b.household_id));
  const pot = await ensureAccount(trx, organisationId, { kind: 'pot_cash', groupId });
  const parts = savers.length > 0 ? allocate(amount, savers.map((s) => s.savings)) : [];
  const allocations = savers.map((s, i) => ({ householdId: s.household_id, accountId: s.id, amount: parts[i]! })).filter((a) => !a.amount.isZero());
  const unallocated = amount.minus(sum(allocations.map((a) => a.amount)));
  const postings = [{ accountId: pot, amount }, ...allocations.map((a) => ({ accountId: a.accountId, amount: a.amount.negated() }))];
  if (!unallocated.isZero()) postings.push({ accountId: await ensureAccount(trx, organisationId, { kind: 'group_reserve', groupId }), amount: unallocated.negated() });
  const entry = await postEntry(trx, {
    organisationId,
    kind: 'dividend',
    valueDate: input.valueDate,
    groupId,
    memo: input.note,
    idempotencyKey: op.idempotencyKey,
    actor: op.actor,
    postings,
  });
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

export interface ReversalResult {
  entryId: string;
  entryNumber: number;
  reversesEntryId: string;
  reversesEntryNumber: number;
  valueDate: string;
  reason: string;
}

/**
 * Cancels an entry by posting its mirror image, with a reason. The reversal keeps the original's date
 * while its month is open; once the month is closed it is dated today, in the open month, and its memo
 * says which entry of which date it corrects.
 */
export async function reverseEntry(op: OperationContext, entryId: string, reason: string): Promise<ReversalResult> {
  const { trx, organisationId } = op;
  const original = await trx('journal_entries').where({ id: entryId, organisation_id: organisationId }).first<
    { id: string; number: number; kind: string; value_date: string; group_id: string | null; household_id: string | null; advance_id: string | null } | undefined
  >('id', 'number', 'kind', 'value_date', 'group_id', 'household_id', 'advance_id');
  if (!original) throw errors.notFound('entry');
  if (original.kind === 'reversal') throw errors.conflict('cannot_reverse_reversal', 'A reversal cannot itself be reversed: post the operation again instead.');
  if (original.group_id) await lockGroup(trx, organisationId, original.group_id);
  const already = await trx('journal_entries').where({ reverses_entry_id: entryId }).first<{ number: number } | undefined>('number');
  if (already) throw errors.conflict('already_reversed', `This entry was already reversed by entry #${already.number}.`);
  const closed = original.group_id ? await closedThrough(trx, original.group_id) : null;
  const valueDate = closed && original.value_date <= closed ? today() : original.value_date;
  if (original.kind === 'advance_payment' && original.advance_id) {
    const advance = await getAdvanceRow(trx, organisationId, original.advance_id);
    if (!(await advanceOutstanding(trx, advance.id)).equals(advance.amount)) {
      throw errors.conflict('advance_has_repayments', 'Repayments were recorded on this advance: reverse them first.');
    }
    await trx('advances')
      .where({ id: advance.id })
      .update({ status: 'cancelled', cancelled_on: valueDate, cancel_reason: reason, updated_at: trx.fn.now() });
  }
  const postings = (await trx('ledger_postings').where({ entry_id: entryId }).select<Array<{ account_id: string; amount: string }>>('account_id', 'amount')).map(
    (p) => ({ accountId: p.account_id, amount: new Money(p.amount).negated() }),
  );
  const memo = `Correction of entry #${original.number} dated ${original.value_date}`;
  const entry = await guarded(
    () =>
      postEntry(trx, {
        organisationId,
        kind: 'reversal',
        valueDate,
        groupId: original.group_id,
        householdId: original.household_id,
        advanceId: original.advance_id,
        reversesEntryId: original.id,
        reason,
        memo,
        idempotencyKey: op.idempotencyKey,
        actor: op.actor,
        postings,
      }),
    'reversal_would_overdraw',
    `Reversing this entry on ${valueDate} would leave the pot or a household's savings below zero on that date or a later one (money was used since): correct the later operations first.`,
  );
  return { entryId: entry.id, entryNumber: entry.number, reversesEntryId: original.id, reversesEntryNumber: Number(original.number), valueDate, reason };
}

// ——— month closing ———

export async function closeMonth(op: OperationContext, groupId: string, month: string): Promise<{ groupId: string; month: string; closedAt: string; closedBy: string }> {
  const { trx, organisationId } = op;
  await lockGroup(trx, organisationId, groupId);
  if (monthEnd(month) >= today()) throw errors.conflict('month_not_ended', `${month} has not ended yet; a month can be closed from its next day on.`);
  const closed = await closedThrough(trx, groupId);
  if (closed && monthEnd(month) <= closed) throw errors.conflict('already_closed', `This group is closed through ${monthOf(closed)}.`);
  const [row] = await trx('month_closings')
    .insert({ group_id: groupId, month: `${month}-01`, closed_by: op.actor.userId, closed_by_label: op.actor.label })
    .returning<Array<{ closed_at: Date | string }>>('closed_at');
  return { groupId, month, closedAt: new Date(row!.closed_at).toISOString(), closedBy: op.actor.label };
}
