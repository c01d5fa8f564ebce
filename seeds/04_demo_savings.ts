import { createHash } from 'node:crypto';
import { runDemoSteps } from './support/steps.ts';
import type { Knex } from 'knex';
import { systemActor, type Actor } from '../backend/src/db/tx.ts';
import { addMonths, monthOf, monthsBetween, today } from '../backend/src/lib/dates.ts';
import { Money, formatAmount } from '../backend/src/lib/money.ts';
import { formatCommunication } from '../backend/src/lib/structured-communication.ts';
import { defaultOrganisationId } from '../backend/src/modules/users/users.service.ts';
import { createGroup, joinGroup, leaveGroup, setMonthlyAmount, setOfficer } from '../backend/src/modules/gecs/groups.service.ts';
import type { ExitPolicy, OfficerRole } from '../backend/src/modules/gecs/groups.repository.ts';
import { once } from '../backend/src/modules/ledger/ledger.idempotency.ts';
import { createAdvance } from '../backend/src/modules/gecs/advances.service.ts';
import { deposit, dividend, refund, reverseEntry, type OperationContext } from '../backend/src/modules/gecs/operations.service.ts';

// Two GECS groups with years of monthly deposits, so that the pot and savings charts tell a story:
// a change of the monthly amount, an advance approved and waiting for its compromis (the advances of
// signed compromis are linked to their candidacy by 06_demo_acquisitions, repaid at the deed or outstanding),
// a Crédal dividend shared pro rata, a mistaken deposit reversed, households in arrears, a household
// that left and was refunded, PEPS (individual) savings. Months are closed by 07_demo_month_closings, once
// 06 has booked the advances of 2025 (a closed month takes no new entry).
// Everything goes through the services, so every rule of the ledger holds: each operation of the story
// (advances, repayment, refund, dividends, reversal, the mistaken deposit) in once() with its own
// idempotency key, as its route runs it; the routine monthly deposits through deposit() too, a month's
// deposits in one transaction as a month's bank statement is booked (one transaction each would make
// the first start several times slower). Deterministic: no randomness; the same calendar story every
// time, with monthly deposits continued up to today.

const ACTOR: Actor = systemActor('seed');

interface DemoMember {
  /** A display name from 02_demo_households. */
  household: string;
  joinedOn?: string;
  officer?: OfficerRole;
  /** Months ('YYYY-MM') this household did not pay. */
  skips?: string[];
  /** Months in which it paid two months at once (catching up). */
  doubles?: string[];
  /** Stops paying from this month on (the household in arrears). */
  stopsFrom?: string;
  /** Pays this amount instead of the monthly amount from a month on. */
  partial?: { from: string; amount: string };
  /** Leaves the group on this date, and is refunded a few days later when the group's policy allows. */
  leaves?: { on: string; refundOn?: string; note: string };
}

interface DemoGroup {
  name: string;
  cohort: string;
  startsOn: string;
  endsOn: string;
  exitPolicy: ExitPolicy;
  amounts: Array<{ from: string; amount: string }>;
  members: DemoMember[];
}

// The members follow the demo journeys (03_demo_journey): the 2024-2025 action cohort saves in the
// Anderlecht group (its deeds of November–December 2025 repay the pot), the 2025-2026 action cohort and
// two households of the 2024-2025 preparation saved in the Molenbeek group, and Lukusa leaves it on the
// day its journey ends (loss of income).
export const DEMO_GROUPS: DemoGroup[] = [
  {
    name: 'GECS Molenbeek 2023',
    cohort: '2023-2026',
    startsOn: '2023-03-01',
    endsOn: '2026-12-31',
    exitPolicy: 'refund_now',
    amounts: [
      { from: '2023-03', amount: '100.00' },
      { from: '2025-01', amount: '120.00' },
    ],
    members: [
      { household: 'Famille Benali', officer: 'president' },
      { household: 'Famille Öztürk', officer: 'treasurer' },
      { household: 'Famille Al-Khatib', officer: 'secretary' },
      { household: 'Famille Al-Hassan' },
      // Skipped November 2025 and caught up in January; has paid nothing since September 2026.
      { household: 'Famille Demir', skips: ['2025-11', '2026-10', '2026-11'], doubles: ['2026-01'] },
      { household: 'Famille Sultani' },
      { household: 'Famille Abdi', joinedOn: '2023-09-01' },
      { household: 'Famille Aït Lahcen' },
      { household: 'Famille Mahmoud' },
      { household: 'Famille Camara', stopsFrom: '2026-07' },
      { household: 'Famille Kovalenko', joinedOn: '2024-01-01' },
      { household: 'Famille Lukusa', leaves: { on: '2025-03-10', refundOn: '2025-03-14', note: 'Départ du GECS : perte d’emploi, le projet d’achat est abandonné.' } },
    ],
  },
  {
    name: 'GECS Anderlecht 2024',
    cohort: '2024-2027',
    startsOn: '2024-09-01',
    endsOn: '2027-08-31',
    exitPolicy: 'refund_at_group_end',
    amounts: [{ from: '2024-09', amount: '75.00' }],
    members: [
      { household: 'Famille Mukendi', officer: 'president' },
      { household: 'Famille Kidane', officer: 'treasurer' },
      { household: 'Hélène Lambert', officer: 'secretary' },
      { household: 'Famille El Amrani' },
      { household: 'Famille Ilunga' },
      { household: "Aminata N'Diaye", partial: { from: '2026-08', amount: '50.00' } },
      { household: 'Famille Berhane', skips: ['2026-08', '2026-10'] },
      // Bought on the private market: it left, and this group refunds only when it ends.
      { household: 'Famille Peeters', leaves: { on: '2025-06-20', note: 'Achat sur le marché privé.' } },
    ],
  },
];

/** PEPS: individual monthly savings at Crédal (from the preparation phase on). */
const PEPS: Array<{ household: string; from: string; amount: string; day: number; everyOtherMonth?: boolean }> = [
  { household: 'Famille Al-Hassan', from: '2024-09', amount: '50.00', day: 15 },
  { household: 'Famille Diallo', from: '2024-10', amount: '40.00', day: 20, everyOtherMonth: true },
  { household: 'Famille Tesfamariam', from: '2025-03', amount: '60.00', day: 25 },
];

/** One step of the story, applied in date order (then in the order written). */
interface Step {
  on: string;
  order: number;
  label: string;
  run(ctx: SeedContext): Promise<void>;
  /**
   * A routine monthly deposit: posted by the deposit service like the others, but together with the
   * other routine deposits of its month in one transaction, as a month's bank statement is booked.
   */
  routine?: (op: OperationContext, ctx: SeedContext) => Promise<unknown>;
}

interface SeedContext {
  knex: Knex;
  organisationId: string;
  households: Map<string, { id: string; communication: string }>;
  groups: Map<string, string>;
  /** Entries and advances by name, for the steps that refer to an earlier one. */
  refs: Map<string, string>;
}

/** An ASCII key part from a name ("Famille Öztürk" → "famille-ozturk"). */
function slug(name: string): string {
  return name.normalize('NFD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
}

function household(ctx: SeedContext, name: string) {
  const h = ctx.households.get(name);
  if (!h) throw new Error(`demo household "${name}" not found: run 02_demo_households first`);
  return h;
}

/**
 * A money operation as its route runs it: one transaction that claims an idempotency key (named after
 * the step, so the demo is the same every time) with the fingerprint of the equivalent request.
 */
async function money<T>(ctx: SeedContext, key: string, request: string, body: object, fn: (op: OperationContext) => Promise<T>): Promise<T> {
  const fingerprint = createHash('sha256').update(`${request}\n${JSON.stringify(body)}`).digest('hex');
  const answer = await once(ctx.knex, ACTOR, ctx.organisationId, `demo-${key}`, fingerprint, async (trx) => ({
    status: 201,
    body: await fn({ trx, actor: ACTOR, organisationId: ctx.organisationId, idempotencyKey: `demo-${key}` }),
  }));
  return answer.body;
}

function depositStep(on: string, householdName: string, amount: string, target: 'group' | 'individual', key: string, extra: { note?: string; ref?: string; routine?: boolean } = {}): Step {
  const body = (ctx: SeedContext) => ({ target, amount, valueDate: on, bankReference: formatCommunication(household(ctx, householdName).communication), ...(extra.note ? { note: extra.note } : {}) });
  return {
    on,
    order: 2,
    label: `deposit ${key}`,
    run: async (ctx) => {
      const h = household(ctx, householdName);
      const result = await money(ctx, key, `POST /api/households/${h.id}/deposits`, body(ctx), (op) => deposit(op, h.id, body(ctx)));
      if (extra.ref) ctx.refs.set(extra.ref, result.entryId);
    },
    ...(extra.routine ? { routine: (op: OperationContext, ctx: SeedContext) => deposit({ ...op, idempotencyKey: `demo-${key}` }, household(ctx, householdName).id, body(ctx)) } : {}),
  };
}

/** Each household pays on its own day of the month, between the 2nd and the 10th. */
function payDay(memberIndex: number): string {
  return String(2 + ((memberIndex * 5) % 9)).padStart(2, '0');
}

/** The day Mahmoud's October 2026 deposit was booked (and booked again by mistake). */
const MAHMOUD_OCTOBER = `2026-10-${payDay(DEMO_GROUPS[0]!.members.findIndex((m) => m.household === 'Famille Mahmoud'))}`;

/** The monthly amount of a group for a month. */
function amountFor(group: DemoGroup, month: string): string {
  let amount = group.amounts[0]!.amount;
  for (const a of group.amounts) if (a.from <= month) amount = a.amount;
  return amount;
}

function groupSteps(group: DemoGroup, horizon: string): Step[] {
  const steps: Step[] = [];
  const gid = (ctx: SeedContext) => ctx.groups.get(group.name)!;
  for (const a of group.amounts.slice(1)) {
    steps.push({
      on: `${addMonths(a.from, -1)}-15`,
      order: 1,
      label: `${group.name} monthly amount ${a.amount} from ${a.from}`,
      run: (ctx) => setMonthlyAmount(ctx.knex, ACTOR, ctx.organisationId, gid(ctx), { amount: a.amount, from: a.from }),
    });
  }
  const lastDay = group.endsOn < horizon ? group.endsOn : horizon;
  group.members.forEach((m, index) => {
    const joinedOn = m.joinedOn ?? group.startsOn;
    steps.push({
      on: joinedOn,
      order: 0,
      label: `${m.household} joins ${group.name}`,
      run: async (ctx) => {
        await joinGroup(ctx.knex, ACTOR, ctx.organisationId, gid(ctx), { householdId: household(ctx, m.household).id, joinedOn });
        if (m.officer) await setOfficer(ctx.knex, ACTOR, ctx.organisationId, gid(ctx), household(ctx, m.household).id, m.officer);
      },
    });
    const day = payDay(index);
    const lastMonth = m.leaves ? monthOf(m.leaves.on) : monthOf(lastDay);
    for (const month of monthsBetween(monthOf(joinedOn), lastMonth)) {
      const on = `${month}-${day}`;
      if (on > lastDay || (m.stopsFrom && month >= m.stopsFrom) || m.skips?.includes(month)) continue;
      let amount = m.partial && month >= m.partial.from ? m.partial.amount : amountFor(group, month);
      if (m.doubles?.includes(month)) amount = formatAmount(new Money(amount).times(2));
      steps.push(depositStep(on, m.household, amount, 'group', `${group.cohort}-${slug(m.household)}-${month}`, { routine: true }));
    }
    if (m.leaves) {
      const leaves = m.leaves;
      steps.push({
        on: leaves.on,
        order: 3,
        label: `${m.household} leaves ${group.name}`,
        run: (ctx) => leaveGroup(ctx.knex, ACTOR, ctx.organisationId, gid(ctx), household(ctx, m.household).id, leaves.on),
      });
      const refundOn = leaves.refundOn;
      if (refundOn) {
        steps.push({
          on: refundOn,
          order: 3,
          label: `${m.household} refunded`,
          run: async (ctx) => {
            const h = household(ctx, m.household);
            const body = { valueDate: refundOn, note: leaves.note };
            await money(ctx, `refund-${slug(m.household)}`, `POST /api/households/${h.id}/refunds`, body, (op) => refund(op, h.id, body));
          },
        });
      }
    }
  });
  return steps;
}

/** The operations that make the story: advances, dividends, a reversal. */
function storySteps(): Step[] {
  const molenbeek = 'GECS Molenbeek 2023';
  const anderlecht = 'GECS Anderlecht 2024';
  const advance = (on: string, groupName: string, householdName: string, amount: string, status: 'approved' | 'paid', note: string, ref: string): Step => ({
    on,
    order: 4,
    label: `advance ${ref}`,
    run: async (ctx) => {
      const groupId = ctx.groups.get(groupName)!;
      const body = { householdId: household(ctx, householdName).id, amount, valueDate: on, status, note };
      const { advance: row } = await money(ctx, `advance-${ref}`, `POST /api/groups/${groupId}/advances`, body, (op) => createAdvance(op, groupId, body));
      ctx.refs.set(ref, row.id);
    },
  });
  const groupDividend = (on: string, groupName: string, amount: string): Step => ({
    on,
    order: 4,
    label: `dividend ${groupName}`,
    run: async (ctx) => {
      const groupId = ctx.groups.get(groupName)!;
      const body = { amount, valueDate: on, note: `Dividende Crédal ${Number(on.slice(0, 4)) - 1}` };
      await money(ctx, `dividend-${slug(groupName)}-${on}`, `POST /api/groups/${groupId}/dividends`, body, (op) => dividend(op, groupId, body));
    },
  });
  return [
    // The advances that belong to a compromis (Mukendi at Steyls, Kidane, Öztürk on the private market)
    // are made by 06_demo_acquisitions, linked to their candidacy and repaid at the deed.
    groupDividend('2026-03-31', molenbeek, '187.43'),
    groupDividend('2026-03-31', anderlecht, '38.90'),
    // Mahmoud's October deposit was entered twice from the same bank line: the second one is reversed.
    depositStep(MAHMOUD_OCTOBER, 'Famille Mahmoud', '120.00', 'group', 'mahmoud-duplicate', { note: 'Virement d’octobre', ref: 'mahmoud-duplicate' }),
    {
      on: '2026-10-12',
      order: 5,
      label: 'reversal of the duplicate deposit',
      run: async (ctx) => {
        const id = ctx.refs.get('mahmoud-duplicate')!;
        const body = { reason: 'Virement encodé deux fois : même ligne d’extrait bancaire que le dépôt d’octobre.' };
        await money(ctx, 'reversal-mahmoud', `POST /api/entries/${id}/reversal`, body, (op) => reverseEntry(op, id, body.reason));
      },
    },
    // Aït Lahcen: approved, waiting for the compromis — the amount is reserved in the pot.
    advance('2026-11-18', molenbeek, 'Famille Aït Lahcen', '9000.00', 'approved', 'Compromis prévu début décembre', 'ait-lahcen'),
  ];
}

function pepsSteps(horizon: string): Step[] {
  const steps: Step[] = [];
  for (const p of PEPS) {
    monthsBetween(p.from, monthOf(horizon)).forEach((month, i) => {
      const on = `${month}-${String(p.day).padStart(2, '0')}`;
      if (on > horizon || (p.everyOtherMonth && i % 2 === 1)) return;
      steps.push(depositStep(on, p.household, p.amount, 'individual', `peps-${slug(p.household)}-${month}`, { note: 'Épargne PEPS (Crédal)', routine: true }));
    });
  }
  return steps;
}

export async function seed(knex: Knex): Promise<string[]> {
  if (await knex('savings_groups').where({ name: DEMO_GROUPS[0]!.name }).first('id')) {
    return ['Demo savings groups already present: skipped.'];
  }
  const started = Date.now();
  const organisationId = await defaultOrganisationId(knex);
  const rows = (await knex('households').where({ organisation_id: organisationId }).select('id', 'display_name', 'structured_communication')) as Array<{ id: string; display_name: string; structured_communication: string }>;
  const ctx: SeedContext = {
    knex,
    organisationId,
    households: new Map(rows.map((r) => [r.display_name, { id: r.id, communication: r.structured_communication.trim() }])),
    groups: new Map(),
    refs: new Map(),
  };
  if (!ctx.households.has(DEMO_GROUPS[0]!.members[0]!.household)) return ['Demo households absent: demo savings skipped.'];

  const horizon = today();
  for (const g of DEMO_GROUPS) {
    const row = await createGroup(knex, ACTOR, organisationId, { name: g.name, cohort: g.cohort, startsOn: g.startsOn, endsOn: g.endsOn, monthlyAmount: g.amounts[0]!.amount, exitPolicy: g.exitPolicy });
    ctx.groups.set(g.name, row.id);
  }
  const steps = await runDemoSteps(knex, ACTOR, organisationId, 'demo savings', [...DEMO_GROUPS.flatMap((g) => groupSteps(g, horizon)), ...storySteps(), ...pepsSteps(horizon)], ctx, horizon);

  const deposits = steps.filter((s) => s.label.startsWith('deposit ')).length;
  return [
    `Demo savings: ${DEMO_GROUPS.map((g) => `"${g.name}" (${g.members.length} households)`).join(' and ')}, ${deposits} deposits, 1 advance, 2 dividends, 1 reversal (${((Date.now() - started) / 1000).toFixed(1)} s).`,
  ];
}
