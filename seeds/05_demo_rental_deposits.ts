import { createHash } from 'node:crypto';
import { runDemoSteps } from './support/steps.ts';
import type { Knex } from 'knex';
import { inTransaction, systemActor, type Actor } from '../backend/src/db/tx.ts';
import { addMonths, monthOf, monthsBetween, today } from '../backend/src/lib/dates.ts';
import { formatAmount } from '../backend/src/lib/money.ts';
import { formatCommunication } from '../backend/src/lib/structured-communication.ts';
import { defaultOrganisationId } from '../backend/src/modules/users/users.service.ts';
import { once, type MoneyContext } from '../backend/src/modules/ledger/ledger.idempotency.ts';
import { schedulePlan } from '../backend/src/modules/rental-deposits/plan.ts';
import { findFund } from '../backend/src/modules/rental-deposits/rental-deposits.repository.ts';
import {
  DEFAULT_FUND_NAME,
  changeFund,
  closeFundMonth,
  contribute,
  getDeposit,
  openDeposit,
  release,
  repay,
  writeOff,
  type OpeningInput,
} from '../backend/src/modules/rental-deposits/rental-deposits.service.ts';

// The rental-deposit fund of the demo: capital from the organisation and a donor (2021–2025), and six
// advances that show every state of one. Two older ones still being repaid month after month; one
// whose tenant stopped paying a few months ago (in arrears on the day the demo is loaded, and on every
// later day); one fully repaid and released in 2024 with nothing kept; one released in 2025 where the
// landlord kept part of the guarantee, part of what the tenant still owed was written off with a
// reason and the tenant repaid the rest; and the one opening of 2025. The 2025 figures of the yearly
// report (1 opening, 1 release) are fixed dates, counted from these records, never typed in.
// Everything goes through the rental-deposit services, as seeds/04_demo_savings.ts does for the GECS:
// each operation of the story in once() with its own idempotency key, as its route runs it; the
// routine monthly repayments (each with its own key, and the advance's structured communication as
// bank reference) a month at a time in one transaction, as a month's bank statement is booked.
// Deterministic: no randomness; repayments continue up to today; months closed up to the month before last.

const ACTOR: Actor = systemActor('seed');

/** The fund's bank account: tenants pay their instalments to it. */
export const DEMO_FUND_IBAN = 'BE68539007547034';

/** Capital brought into the fund: the organisation's own money and a donor's. */
export const DEMO_CONTRIBUTIONS: Array<{ on: string; amount: string; note: string }> = [
  { on: '2021-03-01', amount: '12000.00', note: 'Capital de départ apporté par l’asbl (fonds propres)' },
  { on: '2022-11-15', amount: '5000.00', note: 'Don de la fondation « Un toit pour tous »' },
  { on: '2025-03-10', amount: '3000.00', note: 'Dotation annuelle de l’asbl' },
];

interface DemoDeposit {
  /** The advance's name in idempotency keys and refs. */
  key: string;
  /** A display name from 02_demo_households. */
  household: string;
  opening: Omit<OpeningInput, 'householdId'>;
  /** Pays each instalment on its due date, from the first one, while the month is before this one ('YYYY-MM'). */
  paysUntil?: (horizon: string) => string;
  release?: { on: string; landlordKept: string };
  writeOff?: { on: string; amount: string; reason: string };
  /** Payments after the release, on these dates (what remained owed and was not written off). */
  afterRelease?: Array<{ on: string; amount: string }>;
}

/** The plan's due dates and amounts, as openDeposit will store them. */
function scheduleOf(d: DemoDeposit) {
  return schedulePlan(d.opening.amount, d.opening.plan, d.opening.firstDueOn);
}

/** Shevchenko stops paying three months before this month (never later than three months before the plan's end, so arrears remain). */
function stopsThreeMonthsAgo(lastDueOn: string) {
  return (horizon: string) => {
    const a = addMonths(monthOf(horizon), -3);
    const b = addMonths(monthOf(lastDueOn), -3);
    return a < b ? a : b;
  };
}

const SHEVCHENKO_OPENING: DemoDeposit['opening'] = {
  landlord: { name: 'M. Vandenbroeck', phone: '02 640 18 22' },
  address: 'Rue Gray 87, 1050 Ixelles',
  monthlyRent: '720.00',
  amount: '1440.00',
  openedOn: '2024-06-03',
  bank: 'ING Belgique',
  blockedAccountReference: 'GL-2024-3318',
  plan: { instalment: '40.00' },
  firstDueOn: '2024-07-01',
};

// The households are tenants who are not (or not yet) buying: none of them saves in a GECS, none has
// left the journey (Shevchenko's arrears must show on the board).
export const DEMO_DEPOSITS: DemoDeposit[] = [
  {
    key: 'haidari',
    household: 'Famille Haidari',
    opening: {
      landlord: { name: 'Mme Claes', phone: '0478 21 64 09' },
      address: 'Rue des Coteaux 112, 1030 Schaerbeek',
      monthlyRent: '700.00',
      amount: '1400.00',
      openedOn: '2022-02-01',
      bank: 'BNP Paribas Fortis',
      blockedAccountReference: 'GL-2022-0117',
      plan: { instalment: '50.00' },
      firstDueOn: '2022-03-05',
    },
    paysUntil: () => '9999-12',
    // Fully repaid in June 2024; the family moved to a larger flat and got the whole guarantee back.
    release: { on: '2024-08-30', landlordKept: '0.00' },
  },
  {
    key: 'farah',
    household: 'Famille Farah',
    opening: {
      landlord: { name: 'SPRL Immo Clemenceau', email: 'gestion@immo-clemenceau.example.org' },
      address: 'Avenue Clemenceau 41, 1070 Anderlecht',
      monthlyRent: '850.00',
      amount: '1700.00',
      openedOn: '2022-09-01',
      bank: 'Belfius',
      blockedAccountReference: 'GL-2022-0964',
      plan: { instalment: '25.00' },
      firstDueOn: '2022-10-05',
    },
    // 32 instalments paid (€800), €900 owed at the lease end.
    paysUntil: () => '2025-06',
    // The landlord keeps €1,300 (unpaid rent and the kitchen): €400 released, all of it to the fund, €500 still owed.
    release: { on: '2025-06-30', landlordKept: '1300.00' },
    writeOff: {
      on: '2025-07-15',
      amount: '300.00',
      reason:
        'Retenue du propriétaire en partie injustifiée : l’état des lieux d’entrée ne mentionnait pas les dégâts de la cuisine, antérieurs au bail. Décision de la coordination : 300,00 € abandonnés, le solde de 200,00 € reste dû.',
    },
    afterRelease: [
      { on: '2025-08-05', amount: '50.00' },
      { on: '2025-09-05', amount: '50.00' },
      { on: '2025-10-06', amount: '50.00' },
      { on: '2025-11-05', amount: '50.00' },
    ],
  },
  {
    key: 'mohamed',
    household: 'Sahra Mohamed',
    opening: {
      landlord: { name: 'M. Bouzid', phone: '0496 33 71 58' },
      address: 'Rue de Ribaucourt 23, 1080 Molenbeek-Saint-Jean',
      monthlyRent: '780.00',
      amount: '1560.00',
      openedOn: '2023-04-03',
      bank: 'BNP Paribas Fortis',
      blockedAccountReference: 'GL-2023-1402',
      plan: { instalment: '30.00' },
      firstDueOn: '2023-05-10',
    },
    paysUntil: () => '9999-12',
  },
  {
    key: 'bondarenko',
    household: 'Famille Bondarenko',
    opening: {
      landlord: { name: 'Foyer Everois (logement social)', email: 'locataires@foyer-everois.example.org' },
      address: 'Rue Jan Blockx 9, 1140 Evere',
      monthlyRent: '950.00',
      amount: '1900.00',
      openedOn: '2024-02-12',
      bank: 'KBC Brussels',
      blockedAccountReference: 'GL-2024-0233',
      // 59 instalments of €31.66 and a last one of €32.06 (the rounding remainder).
      plan: { months: 60 },
      firstDueOn: '2024-03-15',
    },
    paysUntil: () => '9999-12',
  },
  {
    key: 'shevchenko',
    household: 'Olena Shevchenko',
    opening: SHEVCHENKO_OPENING,
    // Lost her job: nothing paid for the last three months (and this one, once due).
    paysUntil: stopsThreeMonthsAgo(schedulePlan(SHEVCHENKO_OPENING.amount, SHEVCHENKO_OPENING.plan, SHEVCHENKO_OPENING.firstDueOn).at(-1)!.dueOn),
  },
  {
    // The opening of 2025.
    key: 'dethier',
    household: 'Famille Dethier',
    opening: {
      landlord: { name: 'Mme Lejeune', phone: '0472 90 13 46', email: 'c.lejeune@example.org' },
      address: 'Rue du Viaduc 58, 1050 Ixelles',
      monthlyRent: '1050.00',
      amount: '2100.00',
      openedOn: '2025-09-01',
      bank: 'Belfius',
      blockedAccountReference: 'GL-2025-0781',
      plan: { months: 48 },
      firstDueOn: '2025-10-01',
    },
    paysUntil: () => '9999-12',
  },
];

interface SeedContext {
  knex: Knex;
  organisationId: string;
  households: Map<string, string>;
  /** Advances by key: id and structured communication. */
  deposits: Map<string, { id: string; communication: string }>;
}

/** One step of the story, applied in date order (then in the order written). */
interface Step {
  on: string;
  order: number;
  label: string;
  run?: (ctx: SeedContext) => Promise<void>;
  /** A routine monthly repayment, booked with the other repayments of its month in one transaction. */
  routine?: (op: MoneyContext, ctx: SeedContext) => Promise<unknown>;
}

function household(ctx: SeedContext, name: string): string {
  const id = ctx.households.get(name);
  if (!id) throw new Error(`demo household "${name}" not found: run 02_demo_households first`);
  return id;
}

function deposit(ctx: SeedContext, key: string) {
  const d = ctx.deposits.get(key);
  if (!d) throw new Error(`demo advance "${key}" not opened yet`);
  return d;
}

/**
 * A money operation as its route runs it: one transaction that claims an idempotency key (named after
 * the step, so the demo is the same every time) with the fingerprint of the equivalent request.
 */
async function money<T>(ctx: SeedContext, key: string, request: string, body: object, fn: (op: MoneyContext) => Promise<T>): Promise<T> {
  const fingerprint = createHash('sha256').update(`${request}\n${JSON.stringify(body)}`).digest('hex');
  const answer = await once(ctx.knex, ACTOR, ctx.organisationId, `demo-rd-${key}`, fingerprint, async (trx) => ({
    status: 201,
    body: await fn({ trx, actor: ACTOR, organisationId: ctx.organisationId, idempotencyKey: `demo-rd-${key}` }),
  }));
  return answer.body;
}

function repaymentBody(ctx: SeedContext, key: string, on: string, amount: string) {
  return { amount, valueDate: on, bankReference: formatCommunication(deposit(ctx, key).communication) };
}

function depositSteps(d: DemoDeposit, horizon: string): Step[] {
  const steps: Step[] = [
    {
      on: d.opening.openedOn,
      order: 1,
      label: `opening ${d.key}`,
      run: async (ctx) => {
        const body = { ...d.opening, householdId: household(ctx, d.household) };
        const opened = await money(ctx, `opening-${d.key}`, 'POST /api/rental-deposits', body, async (op) => {
          const id = await openDeposit(op, body);
          return { id, structuredCommunication: (await getDeposit(op.trx, op.organisationId, id)).structured_communication.trim() };
        });
        ctx.deposits.set(d.key, { id: opened.id, communication: opened.structuredCommunication });
      },
    },
  ];
  const until = d.paysUntil?.(horizon);
  if (until) {
    for (const inst of scheduleOf(d)) {
      if (monthOf(inst.dueOn) >= until) break;
      const amount = formatAmount(inst.amount);
      const key = `repayment-${d.key}-${monthOf(inst.dueOn)}`;
      steps.push({
        on: inst.dueOn,
        order: 2,
        label: key,
        routine: (op, ctx) => repay({ ...op, idempotencyKey: `demo-rd-${key}` }, deposit(ctx, d.key).id, repaymentBody(ctx, d.key, inst.dueOn, amount)),
      });
    }
  }
  const rel = d.release;
  if (rel) {
    steps.push({
      on: rel.on,
      order: 3,
      label: `release ${d.key}`,
      run: async (ctx) => {
        const { id } = deposit(ctx, d.key);
        const body = { releasedOn: rel.on, landlordKept: rel.landlordKept };
        await money(ctx, `release-${d.key}`, `POST /api/rental-deposits/${id}/release`, body, async (op) => {
          const { allocation } = await release(op, id, body);
          return { toFund: formatAmount(allocation.toFund), toTenant: formatAmount(allocation.toTenant), remainingOwed: formatAmount(allocation.remainingOwed) };
        });
      },
    });
  }
  const off = d.writeOff;
  if (off) {
    steps.push({
      on: off.on,
      order: 4,
      label: `write-off ${d.key}`,
      run: async (ctx) => {
        const { id } = deposit(ctx, d.key);
        const body = { amount: off.amount, reason: off.reason, valueDate: off.on };
        await money(ctx, `write-off-${d.key}`, `POST /api/rental-deposits/${id}/write-off`, body, async (op) => ({ entryId: (await writeOff(op, id, body)).id }));
      },
    });
  }
  for (const p of d.afterRelease ?? []) {
    steps.push({
      on: p.on,
      order: 5,
      label: `repayment ${d.key} ${p.on}`,
      run: async (ctx) => {
        const { id } = deposit(ctx, d.key);
        const body = repaymentBody(ctx, d.key, p.on, p.amount);
        await money(ctx, `repayment-${d.key}-${p.on}`, `POST /api/rental-deposits/${id}/repayments`, body, async (op) => ({ entryId: (await repay(op, id, body)).id }));
      },
    });
  }
  return steps;
}

function contributionSteps(): Step[] {
  return DEMO_CONTRIBUTIONS.map((c) => ({
    on: c.on,
    order: 0,
    label: `contribution ${c.on}`,
    run: async (ctx) => {
      const body = { amount: c.amount, valueDate: c.on, note: c.note };
      await money(ctx, `contribution-${c.on}`, 'POST /api/rental-deposit-fund/contributions', body, async (op) => ({ entryId: (await contribute(op, body)).id }));
    },
  }));
}

export async function seed(knex: Knex): Promise<string[]> {
  const organisationId = await defaultOrganisationId(knex);
  // The fund exists from its first operation on: then it is the demo's, or real money not to mix with it.
  if (await findFund(knex, organisationId)) return ['Demo rental-deposit fund already present: skipped.'];
  const started = Date.now();
  const rows = (await knex('households').where({ organisation_id: organisationId }).select('id', 'display_name')) as Array<{ id: string; display_name: string }>;
  const ctx: SeedContext = { knex, organisationId, households: new Map(rows.map((r) => [r.display_name, r.id])), deposits: new Map() };
  if (!ctx.households.has(DEMO_DEPOSITS[0]!.household)) return ['Demo households absent: demo rental deposits skipped.'];

  const horizon = today();
  const fundBody = { name: DEFAULT_FUND_NAME, iban: DEMO_FUND_IBAN };
  await money(ctx, 'fund', 'PATCH /api/rental-deposit-fund', fundBody, async (op) => {
    await changeFund(op, fundBody);
    return fundBody;
  });

  const steps = await runDemoSteps(knex, ACTOR, organisationId, 'demo rental deposits', [...contributionSteps(), ...DEMO_DEPOSITS.flatMap((d) => depositSteps(d, horizon))], ctx, horizon);

  // Months are closed up to the month before last: last month and this one stay open for late entries.
  const closeThrough = addMonths(monthOf(horizon), -2);
  const months = monthsBetween(monthOf(DEMO_CONTRIBUTIONS[0]!.on), closeThrough);
  for (const month of months) {
    await inTransaction(knex, ACTOR, (trx) => closeFundMonth({ trx, actor: ACTOR, organisationId, idempotencyKey: null }, month));
  }
  const repayments = steps.filter((s) => s.label.startsWith('repayment')).length;
  const opened = steps.filter((s) => s.label.startsWith('opening ')).length;
  return [
    `Demo rental deposits: "${DEFAULT_FUND_NAME}" with ${DEMO_CONTRIBUTIONS.length} contributions, ${opened} advances, ${repayments} repayments, ${DEMO_DEPOSITS.filter((d) => d.release && d.release.on <= horizon).length} releases, ${DEMO_DEPOSITS.filter((d) => d.writeOff && d.writeOff.on <= horizon).length} write-off, ${months.length} months closed through ${closeThrough} (${((Date.now() - started) / 1000).toFixed(1)} s).`,
  ];
}
