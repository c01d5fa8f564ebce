/**
 * Rental-deposit advances: the fund's contributions, the opening of an advance with its plan,
 * repayments, the release at the lease end, write-offs, reversals and month closings — each one
 * ledger entry in the caller's transaction, with the fund locked (lockFund) so that what is checked
 * (the fund's cash on every later date, what a tenant owes) stays true until commit. The database backs
 * every check: no account overdrawn at any date, balanced entries, nothing edited, closed months shut.
 */
import type { Knex } from 'knex';
import { monthEnd, monthsBetween, today } from '../../lib/dates.ts';
import { AppError, errors } from '../../lib/errors.ts';
import { Money, formatAmount, sum } from '../../lib/money.ts';
import { findHousehold } from '../households/households.repository.ts';
import { reserveCommunication } from '../households/households.service.ts';
import type { MoneyContext } from '../ledger/ledger.idempotency.ts';
import * as ledger from '../ledger/ledger.service.ts';
import { REDUCING, balanceAt, findFundAccount, fundAccount, receivableAccount, type FundAccountKind, type FundEntryKind } from './rental-deposits.accounts.ts';
import {
  findDeposit,
  findFund,
  insertDeposit,
  instalmentsOf,
  listDeposits,
  lockFund,
  markCancelled,
  markReleased,
  markReopened,
  updateFund,
  type DepositListRow,
  type FundRow,
} from './rental-deposits.repository.ts';
import { MAX_INSTALMENTS, allocateRelease, instalmentCount, schedulePlan, settle, type Instalment, type Plan, type ReleaseAllocation, type Settlement } from './plan.ts';
import { maxGuarantee } from './rules.ts';

/** The fund's name until a coordinator gives it another. */
export const DEFAULT_FUND_NAME = 'Fonds de garantie locative';

/** How the ledger calls the fund in its messages. */
const BOOK_NAME = 'fund';

/** The organisation's fund, locked for the operation (created on first use). */
export async function lockedFund(op: MoneyContext): Promise<FundRow> {
  return lockFund(op.trx, op.organisationId, DEFAULT_FUND_NAME);
}

/** Refuses a date in a closed month of the fund (the database refuses an entry there too). */
async function assertOpenDate(knex: Knex, fundId: string, date: string, field: string): Promise<void> {
  const closed = await ledger.closedThrough(knex, fundId);
  if (closed && date <= closed) {
    throw errors.conflict('month_closed', `The month of ${date} (${field}) is closed for the rental-deposit fund (closed through ${closed}). Date it in an open month.`);
  }
}

function insufficientFund(amount: Money, available: Money, date: string): AppError {
  return errors.conflict(
    'insufficient_fund',
    `The fund cannot place ${formatAmount(amount)} on ${date}: ${formatAmount(Money.max(available, 0))} is available on that date and every later one.`,
  );
}

/** What the fund may pay out on a date without going below zero on that date or any later one. */
async function availableFrom(knex: Knex, fundId: string, on: string): Promise<Money> {
  return ledger.lowestBalanceFrom(knex, await findFundAccount(knex, fundId, 'fund_cash'), 1, on);
}

// ——— Fund ———

export interface ContributionInput {
  amount: string;
  valueDate: string;
  note?: string | null;
}

/** Capital brought into the fund by the organisation or a donor. */
export async function contribute(op: MoneyContext, input: ContributionInput): Promise<ledger.PostedEntry> {
  const fund = await lockedFund(op);
  await assertOpenDate(op.trx, fund.id, input.valueDate, 'valueDate');
  const cash = await fundAccount(op.trx, op.organisationId, fund.id, 'fund_cash');
  const capital = await fundAccount(op.trx, op.organisationId, fund.id, 'fund_capital');
  return ledger.postOperation(op, { kind: 'fund_contribution', valueDate: input.valueDate, book: fund.id, memo: input.note ?? null, postings: ledger.transfer(cash, capital, new Money(input.amount)) });
}

/** Renames the fund or sets the IBAN tenants pay to. */
export async function changeFund(op: MoneyContext, values: { name?: string; iban?: string | null }): Promise<void> {
  const fund = await lockedFund(op);
  await updateFund(op.trx, fund.id, values);
}

/** Closes a month of the fund: nothing may be dated in it or before it any more. */
export async function closeFundMonth(op: MoneyContext, month: string) {
  const fund = await lockedFund(op);
  return ledger.closeMonth(op.trx, op.actor, fund.id, month, BOOK_NAME);
}

// ——— Advances ———

export interface OpeningInput {
  householdId: string;
  landlord: { name: string; phone?: string | null; email?: string | null };
  address: string;
  monthlyRent: string;
  amount: string;
  openedOn: string;
  bank?: string | null;
  blockedAccountReference?: string | null;
  plan: { instalment: string } | { months: number };
  firstDueOn: string;
}

/** Checks an opening against the law and the plan's limits: 400s naming the fields. */
export function checkOpening(input: Pick<OpeningInput, 'monthlyRent' | 'amount' | 'openedOn' | 'plan'>): void {
  const amount = new Money(input.amount);
  const max = maxGuarantee(input.monthlyRent, input.openedOn);
  if (!max) throw errors.validation([{ path: 'openedOn', message: 'No rule on rental guarantees is known for this date' }]);
  if (amount.gt(max.amount)) {
    throw errors.validation(
      [{ path: 'amount', message: `At most ${formatAmount(max.amount)}: ${max.rule.maxMonthsOfRent} months of rent on a blocked account (${max.rule.source})` }],
      'The guarantee exceeds the legal maximum for a blocked account.',
    );
  }
  const count = instalmentCount(amount, input.plan);
  if ('months' in input.plan && amount.times(100).lt(count)) {
    throw errors.validation([{ path: 'plan.months', message: `At most ${amount.times(100).toFixed(0)} months for ${formatAmount(amount)}: every instalment is at least 0.01` }]);
  }
  if (count > MAX_INSTALMENTS) {
    const path = 'months' in input.plan ? 'plan.months' : 'plan.instalment';
    throw errors.validation([{ path, message: `The plan would have ${count} instalments; at most ${MAX_INSTALMENTS}` }]);
  }
}

/** Places a guarantee for a household: the advance, its plan, its own structured communication and the opening entry. */
export async function openDeposit(op: MoneyContext, input: OpeningInput): Promise<string> {
  const { trx, organisationId } = op;
  checkOpening(input);
  if (!(await findHousehold(trx, organisationId, input.householdId))) throw errors.validation([{ path: 'householdId', message: 'No such household' }]);
  const fund = await lockedFund(op);
  await assertOpenDate(trx, fund.id, input.openedOn, 'openedOn');
  const amount = new Money(input.amount);
  const available = await availableFrom(trx, fund.id, input.openedOn);
  if (amount.gt(available)) throw insufficientFund(amount, available, input.openedOn);
  const id = (await trx.raw('SELECT gen_random_uuid() AS id')).rows[0].id as string;
  const plan: Plan = input.plan;
  const schedule = schedulePlan(amount, plan, input.firstDueOn);
  await insertDeposit(
    trx,
    {
      id,
      organisation_id: organisationId,
      fund_id: fund.id,
      household_id: input.householdId,
      landlord_name: input.landlord.name,
      landlord_phone: input.landlord.phone ?? null,
      landlord_email: input.landlord.email ?? null,
      address: input.address,
      monthly_rent: formatAmount(input.monthlyRent),
      amount: formatAmount(amount),
      opened_on: input.openedOn,
      bank: input.bank ?? null,
      blocked_account_reference: input.blockedAccountReference ?? null,
      structured_communication: await reserveCommunication(trx, 'rental_deposit', id),
      plan_instalment: 'instalment' in input.plan ? formatAmount(input.plan.instalment) : null,
      plan_months: 'months' in input.plan ? input.plan.months : null,
      first_due_on: input.firstDueOn,
    },
    schedule,
  );
  const cash = await fundAccount(trx, organisationId, fund.id, 'fund_cash');
  const receivable = await receivableAccount(trx, organisationId, { id, fund_id: fund.id, household_id: input.householdId });
  await ledger.postOperation(
    op,
    // No personal data in the memo: posted entries are never edited, and the advance's row holds the address.
    { kind: 'deposit_opening', valueDate: input.openedOn, book: fund.id, owner: input.householdId, subject: id, postings: ledger.transfer(receivable, cash, amount) },
    () => insufficientFund(amount, available, input.openedOn),
  );
  return id;
}

/** An advance of the organisation, or 404. */
export async function getDeposit(knex: Knex, organisationId: string, id: string): Promise<DepositListRow> {
  const row = await findDeposit(knex, organisationId, id);
  if (!row) throw errors.notFound('rental deposit');
  return row;
}

/** An advance read again under the fund's lock (it may have changed while the lock was awaited). */
async function lockedDeposit(op: MoneyContext, id: string): Promise<{ fund: FundRow; deposit: DepositListRow }> {
  await getDeposit(op.trx, op.organisationId, id);
  const fund = await lockedFund(op);
  return { fund, deposit: await getDeposit(op.trx, op.organisationId, id) };
}

function refuseCancelled(deposit: DepositListRow): void {
  if (deposit.status === 'cancelled') throw errors.conflict('deposit_cancelled', 'This advance was cancelled (its opening was reversed).');
}

function refuseBeforeOpening(deposit: DepositListRow, date: string, field: string): void {
  if (date < deposit.opened_on) throw errors.validation([{ path: field, message: `Must not be before the opening (${deposit.opened_on})` }]);
}

/** What the tenant owes now, on the latest date of any entry. */
async function owedNow(knex: Knex, deposit: DepositListRow): Promise<Money> {
  const account = await ledger.findAccount(knex, { kind: 'deposit_receivable', book: deposit.fund_id, owner: deposit.household_id, subject: deposit.id });
  return balanceAt(knex, account, 'deposit_receivable', '9999-12-31');
}

function moreThanOwed(amount: Money, owed: Money, what: string): AppError {
  return errors.conflict('more_than_owed', `${what} of ${formatAmount(amount)} is more than the ${formatAmount(owed)} still owed on this advance.`);
}

export interface RepaymentInput {
  amount: string;
  valueDate: string;
  bankReference?: string | null;
}

/** A repayment by the tenant: partial or early, never more than what is owed. */
export async function repay(op: MoneyContext, id: string, input: RepaymentInput): Promise<ledger.PostedEntry> {
  const { trx, organisationId } = op;
  const { fund, deposit } = await lockedDeposit(op, id);
  refuseCancelled(deposit);
  refuseBeforeOpening(deposit, input.valueDate, 'valueDate');
  await assertOpenDate(trx, fund.id, input.valueDate, 'valueDate');
  const amount = new Money(input.amount);
  const owed = await owedNow(trx, deposit);
  if (amount.gt(owed)) throw moreThanOwed(amount, owed, 'A repayment');
  const cash = await fundAccount(trx, organisationId, fund.id, 'fund_cash');
  const receivable = await receivableAccount(trx, organisationId, deposit);
  return ledger.postOperation(
    op,
    {
      kind: 'deposit_repayment',
      valueDate: input.valueDate,
      book: fund.id,
      owner: deposit.household_id,
      subject: deposit.id,
      bankReference: input.bankReference ?? null,
      postings: ledger.transfer(cash, receivable, amount),
    },
    () => errors.conflict('more_than_owed', `On ${input.valueDate} less than ${formatAmount(amount)} was owed on this advance.`),
  );
}

export interface ReleaseInput {
  releasedOn: string;
  landlordKept: string;
}

function checkRelease(deposit: DepositListRow, input: ReleaseInput): void {
  refuseCancelled(deposit);
  if (deposit.status === 'released') throw errors.conflict('already_released', `This guarantee was released on ${deposit.released_on}.`);
  refuseBeforeOpening(deposit, input.releasedOn, 'releasedOn');
  if (new Money(input.landlordKept).gt(deposit.amount)) {
    throw errors.validation([{ path: 'landlordKept', message: `Must not be more than the guarantee (${formatAmount(deposit.amount)})` }]);
  }
}

/** What a release would give the fund and the tenant, stored nowhere. */
export async function previewRelease(knex: Knex, organisationId: string, id: string, input: ReleaseInput): Promise<ReleaseAllocation> {
  const deposit = await getDeposit(knex, organisationId, id);
  checkRelease(deposit, input);
  return allocateRelease(deposit.amount, input.landlordKept, await owedNow(knex, deposit));
}

/** The release at the lease end: the released money clears the debt first, the rest is the tenant's. */
export async function release(op: MoneyContext, id: string, input: ReleaseInput): Promise<{ allocation: ReleaseAllocation; entry: ledger.PostedEntry | null }> {
  const { trx, organisationId } = op;
  const { fund, deposit } = await lockedDeposit(op, id);
  checkRelease(deposit, input);
  await assertOpenDate(trx, fund.id, input.releasedOn, 'releasedOn');
  const allocation = allocateRelease(deposit.amount, input.landlordKept, await owedNow(trx, deposit));
  await markReleased(trx, deposit.id, input.releasedOn, formatAmount(input.landlordKept));
  let entry: ledger.PostedEntry | null = null;
  if (allocation.toFund.gt(0)) {
    const cash = await fundAccount(trx, organisationId, fund.id, 'fund_cash');
    const receivable = await receivableAccount(trx, organisationId, deposit);
    entry = await ledger.postOperation(op, {
      kind: 'deposit_release',
      valueDate: input.releasedOn,
      book: fund.id,
      owner: deposit.household_id,
      subject: deposit.id,
      // No memo: statements print memos as written, in every language; the advance's row holds the release.
      postings: ledger.transfer(cash, receivable, allocation.toFund),
    });
  }
  return { allocation, entry };
}

export interface WriteOffInput {
  amount: string;
  reason: string;
  valueDate?: string;
}

/** Gives up what remains owed after the release (all or part), with a reason shown on every statement. */
export async function writeOff(op: MoneyContext, id: string, input: WriteOffInput): Promise<ledger.PostedEntry> {
  const { trx, organisationId } = op;
  const { fund, deposit } = await lockedDeposit(op, id);
  refuseCancelled(deposit);
  if (deposit.status !== 'released') throw errors.conflict('not_released', 'Only what remains owed after the release of the guarantee can be written off.');
  const valueDate = input.valueDate ?? today();
  if (valueDate < deposit.released_on!) throw errors.validation([{ path: 'valueDate', message: `Must not be before the release (${deposit.released_on})` }]);
  await assertOpenDate(trx, fund.id, valueDate, 'valueDate');
  const amount = new Money(input.amount);
  const owed = await owedNow(trx, deposit);
  if (amount.gt(owed)) throw moreThanOwed(amount, owed, 'A write-off');
  const losses = await fundAccount(trx, organisationId, fund.id, 'fund_write_offs');
  const receivable = await receivableAccount(trx, organisationId, deposit);
  return ledger.postOperation(
    op,
    {
      kind: 'deposit_write_off',
      valueDate,
      book: fund.id,
      owner: deposit.household_id,
      subject: deposit.id,
      memo: input.reason,
      postings: ledger.transfer(losses, receivable, amount),
    },
    () => errors.conflict('more_than_owed', `On ${valueDate} less than ${formatAmount(amount)} was owed on this advance.`),
  );
}

function releaseInClosedMonth(releasedOn: string): AppError {
  return errors.conflict('release_in_closed_month', `The release of ${releasedOn} is in a closed month of the fund: it stays as closed. Record what happened since as new operations.`);
}

/** Reopens a released advance (the release is undone); refused while write-offs made after it stand. */
async function reopen(trx: Knex.Transaction, deposit: DepositListRow): Promise<void> {
  const figures = depositFigures(await subjectMovements(trx, deposit.id), '9999-12-31');
  if (figures.writtenOff.gt(0)) throw errors.conflict('written_off_after_release', 'Reverse the write-offs made after this release first.');
  await markReopened(trx, deposit.id);
}

/**
 * Undoes a release that moved no money (nothing was owed, or the landlord kept all): there is no entry
 * to reverse, so the advance's record is reopened (audited). A release that cleared a debt is undone by
 * reversing its entry instead. Either way, never in a closed month.
 */
export async function undoRelease(op: MoneyContext, id: string): Promise<void> {
  const { trx } = op;
  const { fund, deposit } = await lockedDeposit(op, id);
  if (deposit.status !== 'released') throw errors.conflict('not_released', 'This guarantee has not been released.');
  const closed = await ledger.closedThrough(trx, fund.id);
  if (closed && deposit.released_on! <= closed) throw releaseInClosedMonth(deposit.released_on!);
  const entries = await subjectMovements(trx, deposit.id);
  const standing = entries.find((e) => e.kind === 'deposit_release' && e.reversedByEntryId === null);
  if (standing) throw errors.conflict('reverse_release_entry', `This release cleared a debt: reverse its entry #${standing.number} instead (with a reason).`);
  await reopen(trx, deposit);
}

/** Cancels one of the fund's entries with a reason; reversing an opening cancels the advance, reversing a release reopens it. */
export async function reverseFundEntry(op: MoneyContext, entryId: string, reason: string): Promise<ledger.Reversal> {
  const { trx, organisationId } = op;
  let fund: FundRow | null = null;
  return ledger.reverseEntry(trx, {
    organisationId,
    entryId,
    reason,
    actor: op.actor,
    idempotencyKey: op.idempotencyKey,
    lock: async (original) => {
      fund = await lockedFund(op);
      if (original.book !== fund.id) throw errors.notFound('entry');
    },
    beforePosting: async (original, valueDate) => {
      if (!original.subject) return;
      const deposit = await getDeposit(trx, organisationId, original.subject);
      if (original.kind === 'deposit_opening') {
        // A released advance cannot become cancelled (the table ties status 'released' to released_on):
        // without this the UPDATE broke that CHECK and the API answered 422 constraint_violation.
        if (deposit.status === 'released') throw errors.conflict('released_after_opening', 'This guarantee was released: reverse the release first, then the opening.');
        await markCancelled(trx, deposit.id, valueDate, reason);
      }
      if (original.kind === 'deposit_release') {
        // A closed month keeps its figures: the guarantee released then stays released then.
        if (valueDate !== original.valueDate) throw releaseInClosedMonth(original.valueDate);
        await reopen(trx, deposit);
      }
    },
    onOverdraft: (valueDate) =>
      errors.conflict(
        'reversal_overdraws',
        `Reversing this entry on ${valueDate} would leave the fund's cash or a tenant's debt below zero on some date (reverse the later entries first).`,
      ),
  });
}

// ——— Reading ———

/** The entries on an advance's receivable, oldest first. */
async function subjectMovements(knex: Knex, depositId: string): Promise<ledger.Movement[]> {
  return ledger.movements(knex, { subject: depositId, kinds: ['deposit_receivable'] }, '1900-01-01', '9999-12-31');
}

/** What an advance's entries say on a date: what was placed, repaid, released to the fund, written off, owed. */
export interface DepositFigures {
  opened: Money;
  paid: Money;
  releasedToFund: Money;
  writtenOff: Money;
  owed: Money;
}

export function depositFigures(entries: readonly ledger.Movement[], on: string): DepositFigures {
  const f = { opened: new Money(0), paid: new Money(0), releasedToFund: new Money(0), writtenOff: new Money(0) };
  for (const m of entries) {
    if (m.valueDate > on) continue;
    const effect = m.effects.deposit_receivable ?? new Money(0);
    const kind = (m.kind === ledger.REVERSAL ? m.reversesEntryKind : m.kind) as FundEntryKind | null;
    if (kind === 'deposit_opening') f.opened = f.opened.plus(effect);
    else if (kind && kind in REDUCING) {
      const figure = REDUCING[kind as keyof typeof REDUCING];
      f[figure] = f[figure].minus(effect);
    }
  }
  return { ...f, owed: f.opened.minus(f.paid).minus(f.releasedToFund).minus(f.writtenOff) };
}

export type DepositStatus = 'open' | 'released' | 'closed' | 'cancelled';

/**
 * Whether an advance is cancelled on a date: from the date of its opening's reversal on. That date is
 * the opening's own date, or today when the opening's month was closed — the closed months keep the
 * advance as the books show it there (placed, owed), like every other figure of a closed month.
 */
export function cancelledOn(row: Pick<DepositListRow, 'status' | 'cancelled_on'>, on: string): boolean {
  return row.status === 'cancelled' && (row.cancelled_on === null || row.cancelled_on <= on);
}

/** An advance's status on a date: open until released; released while something is owed; closed once nothing is. */
export function statusOn(row: DepositListRow, owed: Money, on: string): DepositStatus {
  if (cancelledOn(row, on)) return 'cancelled';
  if (row.released_on && row.released_on <= on) return owed.isZero() ? 'closed' : 'released';
  return 'open';
}

/** Whether the guarantee sits on the blocked account on a date (placed, not released, not cancelled). */
export function placedOn(row: Pick<DepositListRow, 'status' | 'cancelled_on' | 'opened_on' | 'released_on'>, on: string): boolean {
  return !cancelledOn(row, on) && row.opened_on <= on && (!row.released_on || row.released_on > on);
}

/**
 * The plan settled on a date by what reduced the debt (the amount minus what is owed). Before its
 * opening, or once cancelled (its opening reversed), an advance owes nothing and has covered nothing:
 * no instalment is paid, late or due, there are no arrears and nothing to pay next. (Settling
 * "amount − owed" there would show every instalment paid, or — with nothing covered — all late.)
 */
export function settlementOn(row: Pick<DepositListRow, 'status' | 'cancelled_on' | 'opened_on' | 'amount'>, schedule: readonly Instalment[], owed: Money, on: string): Settlement {
  if (cancelledOn(row, on) || on < row.opened_on) {
    return {
      schedule: schedule.map((i) => ({ ...i, covered: new Money(0), state: 'upcoming' as const })),
      arrears: { instalments: 0, amount: new Money(0), oldestDueOn: null, oldestAgeDays: null },
      nextInstalment: null,
    };
  }
  return settle(schedule, new Money(row.amount).minus(owed), on);
}

export interface DepositState {
  row: DepositListRow;
  on: string;
  figures: DepositFigures;
  status: DepositStatus;
  placed: boolean;
  settlement: Settlement;
  schedule: Instalment[];
  entries: ledger.Movement[];
}

/**
 * Everything about an advance on a date. (Reads here run one after the other: `knex` may be an
 * operation's transaction, one connection.)
 */
export async function depositState(knex: Knex, row: DepositListRow, on: string): Promise<DepositState> {
  const entries = await subjectMovements(knex, row.id);
  const schedules = await instalmentsOf(knex, [row.id]);
  const schedule = schedules.get(row.id)!;
  const figures = depositFigures(entries, on);
  return {
    row,
    on,
    figures,
    status: statusOn(row, figures.owed, on),
    placed: placedOn(row, on),
    settlement: settlementOn(row, schedule, figures.owed, on),
    schedule,
    entries: entries.filter((e) => e.valueDate <= on),
  };
}

export interface DepositSummaryState {
  row: DepositListRow;
  owed: Money;
  status: DepositStatus;
  settlement: Settlement;
}

/** Advances with what is owed and the arrears on a date: three queries, whatever the number of advances. */
export async function depositSummaries(knex: Knex, rows: readonly DepositListRow[], on: string): Promise<DepositSummaryState[]> {
  if (rows.length === 0) return [];
  const fundIds = [...new Set(rows.map((r) => r.fund_id))];
  const accounts: ledger.Account[] = [];
  for (const book of fundIds) accounts.push(...(await ledger.accountsOf(knex, { book, kinds: ['deposit_receivable'] })));
  const accountOf = new Map(accounts.map((a) => [a.subject, a.id]));
  const balances = await ledger.balancesAt(knex, accounts.map((a) => a.id), on);
  const schedules = await instalmentsOf(knex, rows.map((r) => r.id));
  return rows.map((row) => {
    const account = accountOf.get(row.id);
    const owed = account ? balances.get(account)! : new Money(0);
    return { row, owed, status: statusOn(row, owed, on), settlement: settlementOn(row, schedules.get(row.id)!, owed, on) };
  });
}

/** The organisation's advances, optionally of one household or in one status, on a date. */
export async function listDepositStates(knex: Knex, organisationId: string, filter: { householdId?: string; status?: DepositStatus }, on: string): Promise<DepositSummaryState[]> {
  const states = await depositSummaries(knex, await listDeposits(knex, organisationId, { householdId: filter.householdId }), on);
  return filter.status ? states.filter((s) => s.status === filter.status) : states;
}

export interface FundState {
  fund: FundRow | null;
  on: string;
  cash: Money;
  owedByTenants: Money;
  contributions: Money;
  writtenOff: Money;
  placed: Money;
  openCount: number;
  available: Money;
  closedThrough: string | null;
}

const FUND_KINDS: readonly FundAccountKind[] = ['fund_cash', 'deposit_receivable', 'fund_capital', 'fund_write_offs'];

/** Balances of the fund's accounts per kind at the end of each date (one query). */
async function fundBalances(knex: Knex, fundId: string, dates: readonly string[]): Promise<Map<string, Record<FundAccountKind, Money>>> {
  const out = new Map<string, Record<FundAccountKind, Money>>(
    dates.map((d) => [d, Object.fromEntries(FUND_KINDS.map((k) => [k, new Money(0)])) as Record<FundAccountKind, Money>]),
  );
  for (const r of await ledger.balancesOfAt(knex, { book: fundId, kinds: FUND_KINDS }, dates)) {
    const day = out.get(r.on)!;
    const kind = r.account.kind as FundAccountKind;
    day[kind] = day[kind].plus(r.balance);
  }
  return out;
}

/** The fund on a date: its cash, what tenants owe, the guarantees placed, what may be placed. */
export async function fundState(knex: Knex, organisationId: string, on: string): Promise<FundState> {
  const fund = await findFund(knex, organisationId);
  if (!fund) {
    const zero = new Money(0);
    return { fund: null, on, cash: zero, owedByTenants: zero, contributions: zero, writtenOff: zero, placed: zero, openCount: 0, available: zero, closedThrough: null };
  }
  const balances = await fundBalances(knex, fund.id, [on]);
  const deposits = await listDeposits(knex, organisationId);
  const available = await availableFrom(knex, fund.id, on);
  const closedThrough = await ledger.closedThrough(knex, fund.id);
  const b = balances.get(on)!;
  const placed = deposits.filter((d) => placedOn(d, on));
  return {
    fund,
    on,
    cash: b.fund_cash,
    owedByTenants: b.deposit_receivable,
    contributions: b.fund_capital,
    writtenOff: b.fund_write_offs,
    placed: sum(placed.map((d) => d.amount)),
    openCount: placed.length,
    available,
    closedThrough,
  };
}

/** Month-end values of the fund over a period of months ('YYYY-MM'). */
export async function fundSeries(knex: Knex, organisationId: string, from: string, to: string) {
  const months = monthsBetween(from, to);
  const dates = months.map((m) => monthEnd(m));
  const fund = await findFund(knex, organisationId);
  const balances = fund ? await fundBalances(knex, fund.id, dates) : null;
  const deposits = fund ? await listDeposits(knex, organisationId) : [];
  return months.map((month, i) => {
    const on = dates[i]!;
    const b = balances?.get(on);
    const placed = deposits.filter((d) => placedOn(d, on));
    return {
      month,
      on,
      cash: b?.fund_cash ?? new Money(0),
      owedByTenants: b?.deposit_receivable ?? new Money(0),
      placed: sum(placed.map((d) => d.amount)),
      openCount: placed.length,
    };
  });
}

/** The fund's invariant recomputed from the postings alone: cash + owed by tenants = contributions − write-offs. */
export async function checkFund(knex: Knex, organisationId: string) {
  const fund = await findFund(knex, organisationId);
  const audit = fund ? await ledger.auditBook(knex, fund.id) : { postedByKind: {}, runningBalancesMatch: true };
  const of = (kind: FundAccountKind) => audit.postedByKind[kind] ?? new Money(0);
  const cash = of('fund_cash');
  const owedByTenants = of('deposit_receivable');
  const contributions = of('fund_capital');
  const writtenOff = of('fund_write_offs');
  const invariantHolds = cash.plus(owedByTenants).equals(contributions.minus(writtenOff));
  return { ok: invariantHolds && audit.runningBalancesMatch, cash, owedByTenants, contributions, writtenOff, invariantHolds, runningBalancesMatch: audit.runningBalancesMatch };
}

/** The fund's entries in a period, with their effect on each of its accounts. */
export async function fundEntries(knex: Knex, organisationId: string, from: string, to: string): Promise<ledger.Movement[]> {
  const fund = await findFund(knex, organisationId);
  return fund ? ledger.movements(knex, { book: fund.id }, from, to) : [];
}

/** The fund's closed months, latest first. */
export async function fundClosings(knex: Knex, organisationId: string) {
  const fund = await findFund(knex, organisationId);
  return fund ? ledger.closingsOf(knex, fund.id) : [];
}
