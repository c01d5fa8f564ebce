/**
 * Statements (PDF) of any ledger owner, bundles of them (ZIP), a book's entries (CSV), and the
 * verification of a statement someone shows us.
 *
 * Which of the owner's accounts a statement shows, and what they and their movements are called, is a
 * StatementAccounts the caller gives (GECS savings: gecs/statement.kinds.ts; a rental-deposit advance:
 * rental-deposits/statement.kinds.ts); a statement may be restricted to one subject (one advance).
 *
 * A statement is issued, never just printed: each one gets a row in issued_statements (its number,
 * owner, period, language, verification code, who and when), so that a copy handed to a lender can be
 * checked later (statements.routes.ts). The verification code is derived from the content — owner
 * reference, period, opening and closing balances, every movement — so the same content always gives
 * the same code and any change of an amount, a date or a movement gives another.
 *
 * Issuing is idempotent on the content: asking again for the same owner, period and language while
 * nothing it shows has changed returns the statement already issued (same number, same code, no new
 * row), so reloading a statement does not mint numbers. A SHA-256 of everything the statement shows
 * is stored with it; a unique index on (owner, period, language, hash) settles concurrent twins.
 *
 * Data access per statement: three queries (owner, balances of its accounts on two dates, the
 * period's movements — the last two through the ledger's API) and one insert; the drawing is statement.pdf.ts. Who the owner is
 * (an OwnerDirectory) and what it belongs to (the GECS groups printed in the header) are given by the caller.
 */
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { inTransaction, type Actor } from '../../db/tx.ts';
import { csvAmount, csvBuffer, type CsvCell } from '../../lib/csv.ts';
import { addDays, today } from '../../lib/dates.ts';
import { errors } from '../../lib/errors.ts';
import { DOCUMENT_TIME_ZONE, isLanguage, type Language } from '../../lib/locale.ts';
import { Money, formatAmount } from '../../lib/money.ts';
import { createZip } from '../../lib/zip.ts';
import { balancesOfAt, bookPostings, movements, type AccountFilter, type BookPosting, type Movement } from '../ledger/ledger.service.ts';
import { renderStatementPdf, type StatementData, type StatementMovement, type StatementSection } from './statement.pdf.ts';
import { entriesCsvTexts, type EntryKind, type StatementAccounts } from './statement.texts.ts';
import { findIssued, registerStatement } from './statements.repository.ts';

/** How a statement names its owner. */
export interface StatementOwner {
  id: string;
  displayName: string;
  reference: string;
  structuredCommunication: string;
  /** A language code; an unknown one prints in French. */
  preferredLanguage: string;
}

/**
 * Finds owners by id, in one query (ids not of the organisation are left out). Given by the feature
 * whose owners they are (GECS hands over the registry's households): statements know no owner table.
 */
export type OwnerDirectory = (knex: Knex, organisationId: string, ownerIds: readonly string[]) => Promise<Map<string, StatementOwner>>;

/**
 * Whose statement, of which accounts, for which period, the books (groups, the fund) the owner belonged
 * to then, as printed, and where owners are found.
 */
export interface StatementSource {
  organisationId: string;
  ownerId: string;
  from: string;
  to: string;
  books: Array<{ name: string; cohort: string | null }>;
  owners: OwnerDirectory;
  /** The owner's accounts shown (their ledger kinds) and their words. */
  accounts: StatementAccounts;
  /** Only the accounts and entries about this subject (one rental-deposit advance); all the owner's when absent. */
  subject?: string;
  /** What the subject is, as printed in the header (the home's address); hashed with the content. */
  subjectLabel?: string;
  /** The structured communication printed instead of the owner's (the advance's own); hashed with the content. */
  structuredCommunication?: string;
}

/** A statement to issue. */
export interface StatementRequest extends StatementSource {
  organisationName: string;
  /** The owner's preferred language when absent. */
  language?: Language;
  actor: Actor;
}

/** An issued statement: its file and what identifies it. */
export interface IssuedStatement {
  filename: string;
  pdf: Buffer;
  number: string;
  verificationCode: string;
}

/**
 * The kind of statement that existed before statements had kinds (GECS savings): its verification codes
 * and content hashes keep their first form, without kind or subject, so that the codes already printed
 * still verify and the same content still finds the statement already issued. Every other kind, and
 * any statement restricted to a subject, adds its kind and subject to both.
 */
const FIRST_KIND = 'savings';

/** Which accounts a statement covers: its kind, its subject, and the definition of its accounts. */
export interface StatementScope {
  accounts: StatementAccounts;
  subject: string | null;
  /** As printed; null when there is none. */
  subjectLabel: string | null;
}

/** What a statement says, before it is numbered: the content the verification code is derived from. */
export interface StatementContent {
  household: { id: string; displayName: string; reference: string; structuredCommunication: string; preferredLanguage: Language };
  groups: Array<{ name: string; cohort: string | null }>;
  from: string;
  to: string;
  scope: StatementScope;
  /** One per account of scope.accounts, by its name. */
  sections: Record<string, StatementSection>;
}

/** The kind and subject a code or hash adds, none for the first kind's own statements. */
function scopeKey(scope: StatementScope): [string, string | null] | null {
  return scope.accounts.id === FIRST_KIND && scope.subject === null && scope.subjectLabel === null ? null : [scope.accounts.id, scope.subject];
}

/** The ledger filter of a statement's accounts: the owner's accounts of the kinds shown, of one subject when given. */
function ledgerFilter(ownerId: string, scope: StatementScope): AccountFilter {
  const kinds = scope.accounts.accounts.map((a) => a.kind);
  return scope.subject === null ? { owner: ownerId, kinds } : { owner: ownerId, kinds, subject: scope.subject };
}

/**
 * Opening and closing balances per account and the movements between them, with running balances and
 * totals. Throws when the movements do not lead from the opening to the closing balance.
 */
export function buildSections(
  accounts: StatementAccounts,
  opening: Record<string, Money>,
  closing: Record<string, Money>,
  entries: readonly Movement[],
): Record<string, StatementSection> {
  const inPeriod = new Set(entries.map((e) => e.number));
  const names = accounts.accounts.map((a) => a.account);
  const running = Object.fromEntries(names.map((a) => [a, opening[a] ?? new Money(0)])) as Record<string, Money>;
  const totals = Object.fromEntries(names.map((a) => [a, { in: new Money(0), out: new Money(0) }])) as Record<string, { in: Money; out: Money }>;
  const movements = Object.fromEntries(names.map((a) => [a, [] as StatementMovement[]])) as Record<string, StatementMovement[]>;
  for (const entry of entries) {
    for (const { account, kind } of accounts.accounts) {
      const effect = entry.effects[kind];
      if (!effect || effect.isZero()) continue;
      running[account] = running[account]!.plus(effect);
      if (effect.isPositive()) totals[account]!.in = totals[account]!.in.plus(effect);
      else totals[account]!.out = totals[account]!.out.plus(effect);
      movements[account]!.push({
        entryNumber: entry.number,
        valueDate: entry.valueDate,
        kind: entry.kind,
        amount: formatAmount(effect),
        balance: formatAmount(running[account]),
        memo: entry.memo,
        bankReference: entry.bankReference,
        reason: entry.reason,
        reverses:
          entry.reversesEntryNumber !== null && entry.reversesEntryDate !== null
            ? { number: entry.reversesEntryNumber, valueDate: entry.reversesEntryDate, kind: entry.reversesEntryKind ?? '' }
            : null,
        reversedBy: entry.reversedByEntryNumber !== null && inPeriod.has(entry.reversedByEntryNumber) ? entry.reversedByEntryNumber : null,
      });
    }
  }
  const sections: Record<string, StatementSection> = {};
  for (const account of names) {
    const end = closing[account] ?? new Money(0);
    if (!running[account]!.equals(end)) {
      throw new StatementMismatch(account, formatAmount(running[account]!), formatAmount(end));
    }
    sections[account] = {
      opening: formatAmount(opening[account] ?? new Money(0)),
      closing: formatAmount(end),
      totalIn: formatAmount(totals[account]!.in),
      totalOut: formatAmount(totals[account]!.out),
      movements: movements[account]!,
    };
  }
  return sections;
}

/** The movements of a period do not lead from its opening to its closing balance. */
class StatementMismatch extends Error {
  constructor(account: string, computed: string, stored: string) {
    super(`statement ${account}: movements lead to ${computed} but the balance is ${stored}`);
  }
}

/**
 * The verification code: the first 64 bits of SHA-256 over a canonical serialisation of the content
 * (household reference, period, opening and closing balances, every movement with its number, date,
 * kind, amount, what it reverses and why), and the statement's kind and subject (but for the first kind,
 * see FIRST_KIND), as 16 hexadecimal digits in groups of four: 8F3A-91C2-0B7D-44E1.
 * Names, language and layout are not part of it: the same figures give the same code in fr, nl and en.
 */
export function verificationCodeOf(content: Pick<StatementContent, 'household' | 'from' | 'to' | 'scope' | 'sections'>): string {
  const scope = scopeKey(content.scope);
  const canonical = JSON.stringify([
    scope === null ? 'pot-commun/statement/1' : 'pot-commun/statement/2',
    ...(scope === null ? [] : [scope]),
    content.household.reference,
    content.from,
    content.to,
    content.scope.accounts.accounts.map(({ account }) => {
      const s = content.sections[account]!;
      return [account, s.opening, s.closing, s.movements.map((m) => [m.entryNumber, m.valueDate, m.kind, m.amount, m.reverses?.number ?? null, m.reason])];
    }),
  ]);
  const hex = createHash('sha256').update(canonical, 'utf8').digest('hex').slice(0, 16).toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

/** Normalises a code as typed by a person ("8f3a 91c2-0b7d44e1") for comparison. */
function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

/** "RE-2026-000123": the year the statement was issued (Brussels) and its number. */
export function formatStatementNumber(number: number, issuedAt: Date): string {
  return `RE-${today(issuedAt).slice(0, 4)}-${String(number).padStart(6, '0')}`;
}

/** Reads "RE-2026-000123" (any case) or a bare number; null when it is neither. */
export function parseStatementNumber(text: string): { number: number; year: string | null } | null {
  const m = /^(?:RE-(\d{4})-)?(\d{1,15})$/i.exec(text.trim());
  if (!m) return null;
  const number = Number(m[2]);
  if (!Number.isSafeInteger(number) || number < 1) return null;
  return { number, year: m[1] ?? null };
}

/** Balances (normal direction, euros) of the owner's statement accounts at the end of two dates, in one query. */
async function balancesOn(knex: Knex, ownerId: string, scope: StatementScope, first: string, second: string): Promise<[Record<string, Money>, Record<string, Money>]> {
  const accountOf = new Map(scope.accounts.accounts.map(({ account, kind }) => [kind, account]));
  const zero = () => Object.fromEntries(scope.accounts.accounts.map(({ account }) => [account, new Money(0)])) as Record<string, Money>;
  const a = zero();
  const b = zero();
  for (const row of await balancesOfAt(knex, ledgerFilter(ownerId, scope), [first, second])) {
    const account = accountOf.get(row.account.kind)!;
    const totals = row.on === first ? a : b;
    totals[account] = totals[account]!.plus(row.balance);
  }
  return [a, b];
}

/**
 * Loads what a statement says (three queries). Balances and movements are read by separate queries:
 * should a posting in the period commit between them, the movements would not lead to the closing
 * balance, and the content is read again.
 */
export async function loadStatementContent(knex: Knex, source: StatementSource): Promise<StatementContent> {
  const { organisationId, ownerId, from, to } = source;
  const scope: StatementScope = { accounts: source.accounts, subject: source.subject ?? null, subjectLabel: source.subjectLabel ?? null };
  for (let attempt = 1; ; attempt++) {
    const [owner, [opening, closing], entries] = await Promise.all([
      source.owners(knex, organisationId, [ownerId]).then((found) => found.get(ownerId)),
      balancesOn(knex, ownerId, scope, addDays(from, -1), to),
      movements(knex, ledgerFilter(ownerId, scope), from, to),
    ]);
    if (!owner) throw errors.notFound('household');
    try {
      return {
        household: {
          id: owner.id,
          displayName: owner.displayName,
          reference: owner.reference,
          structuredCommunication: source.structuredCommunication ?? owner.structuredCommunication,
          preferredLanguage: isLanguage(owner.preferredLanguage) ? owner.preferredLanguage : 'fr',
        },
        groups: source.books.map((g) => ({ name: g.name, cohort: g.cohort?.trim() ? g.cohort : null })),
        from,
        to,
        scope,
        sections: buildSections(source.accounts, opening, closing, entries),
      };
    } catch (err) {
      if (!(err instanceof StatementMismatch) || attempt >= 3) throw err;
    }
  }
}

/**
 * The hash of everything a statement shows but its number and date (owner, books, period, kind and
 * subject, every figure and movement): two requests with the same hash, owner, period and language are
 * one statement. Two statements of one household and period about two advances, or a savings statement
 * and an advance's, have two hashes (FIRST_KIND's own keep their first form).
 */
export function contentHashOf(content: StatementContent): string {
  const { household, groups, from, to, scope, sections } = content;
  const key = scopeKey(scope);
  const canonical = JSON.stringify([
    key === null ? 'pot-commun/statement-content/1' : 'pot-commun/statement-content/2',
    ...(key === null ? [] : [[...key, scope.subjectLabel]]),
    [household.reference, household.displayName, household.structuredCommunication],
    groups.map((g) => [g.name, g.cohort]),
    from,
    to,
    scope.accounts.accounts.map(({ account }) => [account, sections[account]]),
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** The statement's file name: statement-H-0042-2025-01-01-2025-12-31.pdf (rental-deposit-statement-… for another kind). */
function statementFilename(scope: StatementScope, reference: string, from: string, to: string): string {
  const prefix = scope.accounts.id === FIRST_KIND ? 'statement' : `${slug(scope.accounts.id)}-statement`;
  return `${prefix}-${reference}-${from}-${to}.pdf`;
}

/**
 * Loads, registers (numbers) and draws one owner's statement of the accounts `req.accounts` (only
 * those about `req.subject` when given). The same owner, period, language and content (kind and subject
 * included) give the statement already issued: same number, same code, same date, no new row.
 */
export async function issueStatement(knex: Knex, req: StatementRequest): Promise<IssuedStatement> {
  const content = await loadStatementContent(knex, req);
  const language = req.language ?? content.household.preferredLanguage;
  const issued = await inTransaction(knex, req.actor, (trx) =>
    registerStatement(
      trx,
      {
        organisationId: req.organisationId,
        ownerId: req.ownerId,
        from: req.from,
        to: req.to,
        language,
        contentHash: contentHashOf(content),
        kind: req.accounts.id,
        subject: req.subject ?? null,
      },
      verificationCodeOf(content),
      req.actor,
    ),
  );
  const number = formatStatementNumber(issued.number, issued.generatedAt);
  const data: StatementData = {
    language,
    organisationName: req.organisationName,
    number,
    verificationCode: issued.verificationCode,
    generatedAt: issued.generatedAt,
    household: { displayName: content.household.displayName, reference: content.household.reference, structuredCommunication: content.household.structuredCommunication },
    groups: content.groups,
    subject: content.scope.subjectLabel,
    from: req.from,
    to: req.to,
    accounts: content.scope.accounts,
    sections: content.sections,
  };
  return { filename: statementFilename(content.scope, content.household.reference, req.from, req.to), pdf: await renderStatementPdf(data), number, verificationCode: issued.verificationCode };
}

/** A file-name-safe form of a group's name: "GECS Molenbeek 2024" → "gecs-molenbeek-2024". */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return s || 'group';
}

/** Statements of several owners of one book for one period, in one ZIP; each is issued like a single statement. */
export async function issueStatementsZip(
  knex: Knex,
  req: {
    organisationId: string;
    organisationName: string;
    bookName: string;
    from: string;
    to: string;
    actor: Actor;
    owners: OwnerDirectory;
    accounts: StatementAccounts;
    statements: Array<{ ownerId: string; books: StatementSource['books'] }>;
  },
): Promise<{ filename: string; zip: Buffer }> {
  const files = [];
  for (const one of req.statements) {
    const statement = await issueStatement(knex, { ...req, ...one });
    files.push({ name: statement.filename, data: statement.pdf });
  }
  return { filename: `statements-${slug(req.bookName)}-${req.from}-${req.to}.zip`, zip: createZip(files) };
}

/** "2026-11-27 10:15:04" in Brussels time: a timestamp spreadsheets read as one. */
function brusselsTimestamp(value: Date | string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: DOCUMENT_TIME_ZONE, dateStyle: 'short', timeStyle: 'medium', hourCycle: 'h23' }).format(new Date(value));
}

/**
 * A book's journal entries of a period as a CSV for Excel in Belgium (see lib/csv.ts): one row per
 * entry and owner it touches, with the effect on that owner's group savings and advance; the effect
 * on the pot's cash is given once per entry, on its first row, so that the column adds up. An entry
 * touching no owner (a dividend nobody could share) has one row without owner.
 */
export async function bookEntriesCsv(
  knex: Knex,
  req: { organisationId: string; book: string; bookName: string; from: string; to: string; language: Language; owners: OwnerDirectory },
): Promise<{ filename: string; csv: Buffer }> {
  const postings = await bookPostings(knex, req.organisationId, req.book, req.from, req.to);
  const names = await req.owners(knex, req.organisationId, [...new Set(postings.flatMap((p) => (p.owner ? [p.owner] : [])))]);

  interface EntryGroup {
    first: BookPosting;
    pot: Money;
    households: Map<string, { reference: string; name: string; savings: Money | null; advance: Money | null }>;
  }
  const entries = new Map<string, EntryGroup>();
  for (const p of postings) {
    let entry = entries.get(p.entryId);
    if (!entry) {
      entry = { first: p, pot: new Money(0), households: new Map() };
      entries.set(p.entryId, entry);
    }
    if (p.accountKind === 'pot_cash') entry.pot = entry.pot.plus(p.effect);
    if (p.owner && (p.accountKind === 'group_savings' || p.accountKind === 'advance_receivable')) {
      const named = names.get(p.owner);
      const h = entry.households.get(p.owner) ?? { reference: named?.reference ?? '', name: named?.displayName ?? '', savings: null, advance: null };
      if (p.accountKind === 'group_savings') h.savings = (h.savings ?? new Money(0)).plus(p.effect);
      else h.advance = (h.advance ?? new Money(0)).plus(p.effect);
      entry.households.set(p.owner, h);
    }
  }

  const t = entriesCsvTexts[req.language];
  const header = [
    t.header.number, t.header.valueDate, t.header.kind, t.header.householdReference, t.header.householdName, t.header.householdSavings,
    t.header.householdAdvance, t.header.potCash, t.header.reverses, t.header.reason, t.header.bankReference, t.header.note, t.header.recordedAt, t.header.recordedBy,
  ];
  const lines: CsvCell[][] = [];
  for (const { first: e, pot, households } of entries.values()) {
    // An entry's households by reference (code-point order, like the references' digits).
    const people = households.size > 0 ? [...households.values()].sort((x, y) => (x.reference < y.reference ? -1 : x.reference > y.reference ? 1 : 0)) : [null];
    people.forEach((h, index) => {
      lines.push([
        e.entryNumber,
        e.valueDate,
        t.kinds[e.kind as EntryKind] ?? e.kind,
        h?.reference ?? null,
        h?.name ?? null,
        h?.savings ? csvAmount(h.savings) : null,
        h?.advance ? csvAmount(h.advance) : null,
        index === 0 ? csvAmount(pot) : null,
        e.reversesEntryNumber,
        e.reason,
        e.bankReference,
        e.memo,
        brusselsTimestamp(e.createdAt),
        e.createdBy,
      ]);
    });
  }
  return { filename: `entries-${slug(req.bookName)}-${req.from}-${req.to}.csv`, csv: csvBuffer(header, lines) };
}

/** What the register and the ledger say about a statement number. */
export interface StatementVerification {
  number: string;
  issued: boolean;
  household?: { id: string; reference: string; displayName: string };
  period?: { from: string; to: string };
  language?: string;
  issuedAt?: string;
  issuedBy?: string;
  /** The statement's kind ('savings', 'rental-deposit') and the subject it is about (an advance), if any. */
  kind?: string;
  subject?: string | null;
  /** Whether the code given matches the one printed on that statement; null when no code was given. */
  codeMatches?: boolean | null;
  /** Whether the ledger still says the same for that household and period today (false after a back-dated entry). */
  ledgerUnchanged?: boolean;
}

/**
 * What the register says about a statement number, and whether a code matches it. Whether the ledger
 * changed is recomputed as the same statement: of the kind and subject the register kept with the
 * number, found among `kinds` (a kind the caller does not know reads as not issued).
 */
export async function verifyStatement(
  knex: Knex,
  owners: OwnerDirectory,
  kinds: readonly StatementAccounts[],
  organisationId: string,
  numberText: string,
  code?: string,
): Promise<StatementVerification> {
  const parsed = parseStatementNumber(numberText);
  if (!parsed) return { number: numberText, issued: false };
  const row = await findIssued(knex, organisationId, parsed.number);
  const accounts = row ? kinds.find((k) => k.id === row.statement_kind) : undefined;
  const owner = row && accounts ? (await owners(knex, organisationId, [row.household_id])).get(row.household_id) : undefined;
  const issuedAt = row ? new Date(row.generated_at) : null;
  const number = formatStatementNumber(parsed.number, issuedAt ?? new Date());
  if (!row || !accounts || !owner || !issuedAt || (parsed.year !== null && parsed.year !== number.slice(3, 7))) {
    return { number: parsed.year === null ? String(parsed.number) : numberText.trim().toUpperCase(), issued: false };
  }
  // The code leaves out names and books: the current figures alone tell whether the ledger changed.
  const current = await loadStatementContent(knex, {
    organisationId,
    ownerId: row.household_id,
    from: row.period_from,
    to: row.period_to,
    books: [],
    owners,
    accounts,
    ...(row.subject_id ? { subject: row.subject_id } : {}),
  });
  return {
    number,
    issued: true,
    household: { id: row.household_id, reference: owner.reference, displayName: owner.displayName },
    kind: row.statement_kind,
    subject: row.subject_id,
    period: { from: row.period_from, to: row.period_to },
    language: row.language,
    issuedAt: issuedAt.toISOString(),
    issuedBy: row.generated_by_label,
    codeMatches: code === undefined ? null : normaliseCode(code) === normaliseCode(row.verification_code),
    ledgerUnchanged: verificationCodeOf(current) === row.verification_code,
  };
}
