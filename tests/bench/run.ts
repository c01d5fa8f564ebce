/**
 * npm run bench [-- --households N --months M --samples S --out FILE]
 *
 * Seeds a throwaway database (the embedded PostgreSQL in a temporary folder, or a fresh database created on
 * the server named by DATABASE_URL and dropped at the end) with N households × M months of deposits,
 * then measures the savings ledger and writes bench-results.json: a list of
 * { name, value, unit, baseline, ratio }. What each figure means: docs/benchmarks.md.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Knex } from 'knex';
import PDFDocument from 'pdfkit';
import { PROJECT_ROOT } from '../../backend/src/config.ts';
import { openEmbedded, openPostgres, type Database } from '../../backend/src/db/knex.ts';
import { migrateDatabase } from '../../backend/src/db/migrate.ts';
import { inTransaction } from '../../backend/src/db/tx.ts';
import { addMonths, monthEnd, today } from '../../backend/src/lib/dates.ts';
import { defaultOrganisationId } from '../../backend/src/modules/users/users.service.ts';
import { once } from '../../backend/src/modules/ledger/ledger.idempotency.ts';
import { balancesAt as signedBalancesAt } from '../../backend/src/modules/ledger/ledger.service.ts';
import { createAdvance } from '../../backend/src/modules/gecs/advances.service.ts';
import { deposit, type OperationContext } from '../../backend/src/modules/gecs/operations.service.ts';
import { depositBody } from '../../backend/src/modules/gecs/gecs.schemas.ts';
import { groupPot, householdBalances, householdSavings } from '../../backend/src/modules/gecs/figures.service.ts';
import { householdStatementSource, issueHouseholdStatement as issueStatement } from '../../backend/src/modules/gecs/exports.service.ts';
import { loadStatementContent, verificationCodeOf } from '../../backend/src/modules/statements/statements.service.ts';
import { renderStatementPdf, type StatementData } from '../../backend/src/modules/statements/statement.pdf.ts';
import { dropDatabase } from '../helpers/databases.ts';
import { cpuSecondsSince, msSince, percentile, perSecond, sample, samplePair } from './measure.ts';
import { measureRental, seedRentalFund } from './rental.ts';
import { BENCH_ACTOR, insertGroup, insertHouseholds, insertMonthlyDeposits, type SeededGroup } from './seed.ts';

/** One line of bench-results.json. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
}

interface Row extends BenchResult {
  samples: number;
  /** Context for the printed table only: the median of the timed calls, in ms. */
  p50?: number;
  target: string;
  met: boolean | null;
}

const { values: args } = parseArgs({
  options: {
    households: { type: 'string', default: '1000' },
    months: { type: 'string', default: '120' },
    samples: { type: 'string', default: '400' },
    out: { type: 'string', default: path.join(PROJECT_ROOT, 'bench-results.json') },
  },
});

function positiveInt(value: string | undefined, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1, got "${value}"`);
  return n;
}

const HOUSEHOLDS = positiveInt(args.households, 'households');
const MONTHS = positiveInt(args.months, 'months');
const SAMPLES = positiveInt(args.samples, 'samples');
const WARMUP = Math.max(20, Math.floor(SAMPLES / 10));
const MONTHLY_AMOUNT = '100.00';

const log = (line: string) => process.stderr.write(`${line}\n`);
const round = (n: number, digits = 3) => Number(n.toFixed(digits));

// ——— the throwaway database ———

async function openBenchDatabase(): Promise<{ db: Database; where: string; dispose(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    // A database of our own on that server: the one named by DATABASE_URL is never written to.
    const name = `pot_bench_${process.pid}`;
    const admin = openPostgres(url, 1);
    try {
      await admin.knex.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.knex.raw(`CREATE DATABASE ${name}`);
    } finally {
      await admin.close();
    }
    const u = new URL(url);
    u.pathname = `/${name}`;
    const db = openPostgres(u.toString(), 4);
    return {
      db,
      where: `PostgreSQL database ${name} on ${u.host} (dropped at the end)`,
      dispose: async () => {
        await db.close();
        await dropDatabase(url, name);
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pot-bench-'));
  // The real embedded engine, as npm start runs it (fsync and synchronous_commit on).
  const db = await openEmbedded(dir);
  return {
    db,
    where: `embedded PostgreSQL in ${dir} (deleted at the end)`,
    dispose: async () => {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function engineVersion(knex: Knex): Promise<string> {
  const r = (await knex.raw('SELECT version() AS v')) as { rows: Array<{ v: string }> };
  return r.rows[0]!.v;
}

// ——— seeding ———

interface World {
  organisationId: string;
  big: SeededGroup;
  long: SeededGroup;
  short: SeededGroup;
  lastMonth: string;
}

/** Seeds through knex (the app role on the embedded engine); VACUUM needs the tables' owner (ownerKnex). */
async function seedWorld(knex: Knex, ownerKnex: Knex): Promise<World> {
  const organisationId = await defaultOrganisationId(knex);
  const lastMonth = addMonths(today(), -1);
  let t = process.hrtime.bigint();
  const households = await insertHouseholds(knex, organisationId, HOUSEHOLDS + 2, 0);
  log(`  ${HOUSEHOLDS + 2} households in ${(msSince(t) / 1000).toFixed(1)} s`);

  t = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const big = await insertGroup(knex, organisationId, {
    name: `Banc d’essai ${HOUSEHOLDS} × ${MONTHS}`,
    firstMonth: addMonths(lastMonth, -(MONTHS - 1)),
    lastMonth,
    monthlyAmount: MONTHLY_AMOUNT,
    members: households.slice(0, HOUSEHOLDS),
  });
  let lastReport = 0;
  const written = await insertMonthlyDeposits(knex, organisationId, big, MONTHLY_AMOUNT, (done, total) => {
    if (done - lastReport >= total / 10 || done === total) {
      lastReport = done;
      log(`  deposits ${done}/${total} (${((done * 1000) / msSince(t)).toFixed(0)}/s, ${cpuSecondsSince(cpu).toFixed(0)} s of CPU)`);
    }
  });
  const seedSeconds = msSince(t) / 1000;
  log(`  ${written} deposits (${written * 2} postings) in ${seedSeconds.toFixed(1)} s (${cpuSecondsSince(cpu).toFixed(1)} s of CPU)`);

  // Two households alone in their groups: 240 and 12 months of history up to last month.
  t = process.hrtime.bigint();
  const long = await insertGroup(knex, organisationId, { name: 'Historique 240 mois', firstMonth: addMonths(lastMonth, -239), lastMonth, monthlyAmount: MONTHLY_AMOUNT, members: [households[HOUSEHOLDS]!] });
  await insertMonthlyDeposits(knex, organisationId, long, MONTHLY_AMOUNT);
  const short = await insertGroup(knex, organisationId, { name: 'Historique 12 mois', firstMonth: addMonths(lastMonth, -11), lastMonth, monthlyAmount: MONTHLY_AMOUNT, members: [households[HOUSEHOLDS + 1]!] });
  await insertMonthlyDeposits(knex, organisationId, short, MONTHLY_AMOUNT);
  log(`  history households (240 and 12 months) in ${(msSince(t) / 1000).toFixed(1)} s`);

  // A few advances through the service, so that the pot has outstanding and reserved amounts to add up.
  t = process.hrtime.bigint();
  const advances = Math.min(15, HOUSEHOLDS);
  for (let i = 0; i < advances; i++) {
    const member = big.members[Math.floor((i * HOUSEHOLDS) / advances)]!;
    const month = addMonths(lastMonth, -Math.floor(((i + 1) * (MONTHS - 1)) / (advances + 1)));
    await inTransaction(knex, BENCH_ACTOR, (trx) =>
      createAdvance({ trx, actor: BENCH_ACTOR, organisationId, idempotencyKey: null }, big.id, {
        householdId: member.id,
        amount: '1500.00',
        valueDate: monthEnd(month),
        status: i % 3 === 2 ? 'approved' : 'paid',
      }),
    );
  }
  log(`  ${advances} advances through the service in ${(msSince(t) / 1000).toFixed(1)} s`);
  // The bulk seed posts 2,000 deposits per transaction, so the group's pot account row is updated
  // 2,000 times before any version can be pruned: its index then points at over a thousand dead
  // versions, and every lookup of that account reads them all (2.5 ms instead of 0.1). A ledger that
  // has run for years has been vacuumed by autovacuum many times over; so is this one, once.
  t = process.hrtime.bigint();
  await ownerKnex.raw('VACUUM (ANALYZE)');
  log(`  vacuumed in ${(msSince(t) / 1000).toFixed(1)} s`);
  return { organisationId, big, long, short, lastMonth };
}

// ——— measures ———

function row(name: string, samples: number, value: number, unit: string, baseline: number | null, ratio: number | null, target: string, met: boolean | null): Row {
  return { name, value: round(value), unit, baseline: baseline === null ? null : round(baseline), ratio: ratio === null ? null : round(ratio), samples, target, met };
}

/** The month-ends of the last `n` months up to last month, cycled through by the lookups. */
function recentMonthEnds(lastMonth: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => monthEnd(addMonths(lastMonth, -i)));
}

async function measurePot(knex: Knex, w: World): Promise<Row> {
  const dates = recentMonthEnds(w.lastMonth, MONTHS);
  const s = await sample((i) => groupPot(knex, w.big.id, dates[i % dates.length]!), { warmup: WARMUP, samples: SAMPLES });
  return { ...row('pot-balance', s.length, percentile(s, 95), 'ms (p95)', null, null, 'none set (recorded)', null), p50: round(percentile(s, 50)) };
}

async function measureHistory(knex: Knex, w: World): Promise<Row[]> {
  const dates = recentMonthEnds(w.lastMonth, 12);
  const long = w.long.members[0]!.id;
  const short = w.short.members[0]!.id;
  const rows: Row[] = [];
  // A household's balance at a date: its group savings, individual savings and advance owed (householdBalances).
  {
    const { a, b } = await samplePair((i) => householdBalances(knex, long, dates[i % 12]!), (i) => householdBalances(knex, short, dates[i % 12]!), { warmup: WARMUP, samples: SAMPLES });
    const p240 = percentile(a, 95);
    const p12 = percentile(b, 95);
    rows.push({ ...row('balance-history', a.length, p240, 'ms (p95, 240 months)', p12, p240 / p12, '≤ 1.5', p240 / p12 <= 1.5), p50: round(percentile(a, 50)) });
  }
  // The whole GET /api/households/:id/savings (householdSavings): balances plus expected vs paid, which
  // lists one line per month of membership — 240 lines against 12 — so it grows with history by nature.
  {
    const { a, b } = await samplePair((i) => householdSavings(knex, long, dates[i % 12]!), (i) => householdSavings(knex, short, dates[i % 12]!), { warmup: WARMUP, samples: SAMPLES });
    const p240 = percentile(a, 95);
    const p12 = percentile(b, 95);
    rows.push({ ...row('savings-with-months', a.length, p240, 'ms (p95, 240 months)', p12, p240 / p12, 'none (lists every month)', null), p50: round(percentile(a, 50)) });
  }
  // The balance lookup alone (what the running balances promise): one account, one date.
  {
    const longAccount = w.long.savingsAccountIds[0]!;
    const shortAccount = w.short.savingsAccountIds[0]!;
    const { a, b } = await samplePair((i) => signedBalancesAt(knex, [longAccount], dates[i % 12]!), (i) => signedBalancesAt(knex, [shortAccount], dates[i % 12]!), { warmup: WARMUP, samples: SAMPLES });
    const p240 = percentile(a, 95);
    const p12 = percentile(b, 95);
    rows.push({ ...row('balance-history-lookup', a.length, p240, 'ms (p95, 240 months)', p12, p240 / p12, '≤ 1.5', p240 / p12 <= 1.5), p50: round(percentile(a, 50)) });
  }
  return rows;
}

const BODY_FONT = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');

/**
 * The baseline of a statement: bare pdfkit with the same embedded font drawing the same rows (every
 * movement of every account with its date, label, amount and balance, then the totals) from data
 * already in memory: no data access, no layout beyond one line per row.
 */
async function barePdf(data: StatementData): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', font: BODY_FONT });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(14).text(data.organisationName).fontSize(10).text(`${data.household.displayName} ${data.household.reference} ${data.from} – ${data.to} ${data.number}`);
  let y = doc.y + 10;
  for (const section of Object.values(data.sections)) {
    for (const m of section.movements) {
      if (y > 780) {
        doc.addPage();
        y = 50;
      }
      doc.text(m.valueDate, 57, y, { width: 70 });
      doc.text(m.memo ?? m.kind, 130, y, { width: 250 });
      doc.text(m.amount, 380, y, { width: 80, align: 'right' });
      doc.text(m.balance, 460, y, { width: 80, align: 'right' });
      y += 14;
    }
    doc.text(`${section.opening} ${section.totalIn} ${section.totalOut} ${section.closing}`, 57, y + 4);
    y += 24;
  }
  doc.text(data.verificationCode, 57, y);
  doc.end();
  return done;
}

async function measureStatements(knex: Knex, w: World): Promise<Row[] | string> {
  const to = monthEnd(w.lastMonth);
  const from = `${addMonths(w.lastMonth, -11)}-01`;
  const members = w.big.members;
  const organisationName = 'Pot commun — banc d’essai';
  const request = (i: number) => ({ organisationId: w.organisationId, organisationName, householdId: members[i % members.length]!.id, from, to, language: 'fr' as const, actor: BENCH_ACTOR });
  try {
    await issueStatement(knex, request(0));
  } catch (err) {
    return `statement-pdf skipped: issueStatement failed (${(err as Error).message})`;
  }
  // The same statements as plain data, read once beforehand: the baseline and the render-only figure time drawing alone.
  const data: StatementData[] = [];
  for (let i = 0; i < 20; i++) {
    const content = await loadStatementContent(knex, await householdStatementSource(knex, w.organisationId, members[i % members.length]!.id, from, to));
    data.push({
      language: 'fr',
      organisationName,
      number: `RE-2026-${String(i + 1).padStart(6, '0')}`,
      verificationCode: verificationCodeOf(content),
      generatedAt: new Date(),
      household: { displayName: content.household.displayName, reference: content.household.reference, structuredCommunication: content.household.structuredCommunication },
      groups: content.groups,
      from,
      to,
      accounts: content.scope.accounts,
      sections: content.sections,
    });
  }
  const samples = Math.max(50, Math.floor(SAMPLES / 4));
  const warmup = Math.max(10, Math.floor(samples / 10));
  const full = await samplePair((i) => issueStatement(knex, request(i)), (i) => barePdf(data[i % 20]!), { warmup, samples });
  const render = await samplePair((i) => renderStatementPdf(data[i % 20]!), (i) => barePdf(data[i % 20]!), { warmup, samples });
  const rows: Row[] = [];
  // ratio = baseline time ÷ our time = our rate ÷ baseline rate.
  for (const [name, s] of [['statement-pdf', full], ['statement-pdf-render', render]] as const) {
    const ours = perSecond(s.a);
    const bare = perSecond(s.b);
    rows.push(row(name, s.a.length, ours, 'statements/s (12 months)', bare, ours / bare, '≥ 0.5', ours / bare >= 0.5));
  }
  return rows;
}

function depositFingerprint(householdId: string, body: object): string {
  const canonical = JSON.stringify(Object.fromEntries(Object.entries(body).sort(([a], [b]) => a.localeCompare(b))));
  return createHash('sha256').update(`POST /api/households/${householdId}/deposits\n${canonical}`).digest('hex');
}

async function measurePosting(knex: Knex, w: World): Promise<Row> {
  const members = w.big.members;
  const valueDate = today();
  const amount = MONTHLY_AMOUNT;
  // Through the service: exactly what POST /api/households/:id/deposits does, minus HTTP.
  const service = async (i: number) => {
    const householdId = members[i % members.length]!.id;
    const body = { target: 'group' as const, amount, valueDate };
    const key = `bench-${randomUUID()}`;
    // The route validates the body and hands over to the operation, which itself refuses an unknown household.
    depositBody.parse(body);
    await once(knex, BENCH_ACTOR, w.organisationId, key, depositFingerprint(householdId, body), async (trx) => {
      const op: OperationContext = { trx, actor: BENCH_ACTOR, organisationId: w.organisationId, idempotencyKey: key };
      return { status: 201, body: await deposit(op, householdId, body) };
    });
  };
  // Raw: one transaction per deposit (declaring the actor, which the audit trigger requires), one
  // single-row INSERT for the entry and one per posting; no check, no idempotency key.
  const raw = async (i: number) => {
    const index = (i + members.length / 2) % members.length;
    const householdId = members[index]!.id;
    const entryId = randomUUID();
    await inTransaction(knex, BENCH_ACTOR, async (trx) => {
      await trx.raw(
        `INSERT INTO journal_entries (id, organisation_id, group_id, household_id, kind, value_date, created_by_label) VALUES (?, ?, ?, ?, 'deposit_group', ?, ?)`,
        [entryId, w.organisationId, w.big.id, householdId, valueDate, BENCH_ACTOR.label],
      );
      await trx.raw(`INSERT INTO ledger_postings (entry_id, account_id, value_date, amount) VALUES (?, ?, ?, ?)`, [entryId, w.big.potAccountId, valueDate, amount]);
      await trx.raw(`INSERT INTO ledger_postings (entry_id, account_id, value_date, amount) VALUES (?, ?, ?, ?)`, [entryId, w.big.savingsAccountIds[index]!, valueDate, `-${amount}`]);
    });
  };
  const { a, b } = await samplePair(service, raw, { warmup: WARMUP, samples: SAMPLES });
  const serviceRate = perSecond(a);
  const rawRate = perSecond(b);
  return row('posting', a.length, serviceRate, 'deposits/s', rawRate, serviceRate / rawRate, '≥ 0.5', serviceRate / rawRate >= 0.5);
}

// ——— report ———

function printTable(rows: Row[]): void {
  const header = ['name', 'value', 'unit', 'baseline', 'ratio', 'target', 'met', 'samples', 'p50 ms'];
  const cells = rows.map((r) => [r.name, String(r.value), r.unit, r.baseline === null ? '—' : String(r.baseline), r.ratio === null ? '—' : String(r.ratio), r.target, r.met === null ? '—' : r.met ? 'yes' : 'NO', String(r.samples), r.p50 === undefined ? '—' : String(r.p50)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join('  ');
  process.stdout.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${cells.map(line).join('\n')}\n`);
}

async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const { db, where, dispose } = await openBenchDatabase();
  try {
    log(`Benchmark: ${HOUSEHOLDS} households × ${MONTHS} months, ${SAMPLES} samples per measure (${WARMUP} warm-up), on ${where}`);
    log(`  engine: ${await engineVersion(db.knex)}`);
    let t = process.hrtime.bigint();
    await migrateDatabase(db);
    log(`  migrated in ${(msSince(t) / 1000).toFixed(1)} s`);
    t = process.hrtime.bigint();
    const world = await seedWorld(db.knex, db.ownerKnex);
    log(`Seeded in ${(msSince(t) / 1000).toFixed(1)} s (${cpuSecondsSince(cpu).toFixed(1)} s of CPU since the start). Measuring…`);
    const rows: Row[] = [];
    rows.push(await measurePot(db.knex, world));
    rows.push(...(await measureHistory(db.knex, world)));
    const statements = await measureStatements(db.knex, world);
    if (typeof statements === 'string') log(`  ${statements}`);
    else rows.push(...statements);
    rows.push(await measurePosting(db.knex, world));
    const rentalCount = Math.min(200, world.big.members.length);
    const rental = await seedRentalFund(db.knex, world.organisationId, world.big.members.slice(0, rentalCount).map((m) => m.id));
    log(`  rental-deposit fund: ${rentalCount} advances × 25 entries through the service in ${rental.seconds.toFixed(1)} s`);
    const r = await measureRental(db.knex, world.organisationId, rental, { warmup: WARMUP, samples: SAMPLES });
    rows.push({ ...row('rental-fund-state', r.fund.samples, r.fund.p95, `ms (p95, ${rentalCount} advances)`, null, null, '≤ 25', r.fund.p95 <= 25), p50: round(r.fund.p50) });
    rows.push({ ...row('rental-advance-read', r.advance.samples, r.advance.p95, 'ms (p95, 25 entries)', null, null, '≤ 15', r.advance.p95 <= 15), p50: round(r.advance.p50) });
    printTable(rows);
    const results: BenchResult[] = rows.map(({ name, value, unit, baseline, ratio }) => ({ name, value, unit, baseline, ratio }));
    fs.writeFileSync(args.out!, `${JSON.stringify(results, null, 2)}\n`);
    log(`Wrote ${args.out} — total ${(msSince(started) / 1000).toFixed(1)} s, ${cpuSecondsSince(cpu).toFixed(1)} s of CPU in this process, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    await dispose();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
