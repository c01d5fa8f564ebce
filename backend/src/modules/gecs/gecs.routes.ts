/**
 * The GECS savings API. Money-moving routes are staff-only, need an Idempotency-Key and run in one
 * transaction; a household may read its own savings, movements and statements, never its group's.
 */
import { Router, type Request } from 'express';
import type { Knex } from 'knex';
import type { AppContext } from '../../context.ts';
import { access, actorOf, authOf } from '../../lib/access.ts';
import { monthCount, today } from '../../lib/dates.ts';
import { inTransaction } from '../../db/tx.ts';
import { errors } from '../../lib/errors.ts';
import { MAX_SERIES_MONTHS } from '../../lib/queries.ts';
import { handle, schemas } from '../../lib/validate.ts';
import { getHousehold } from '../households/households.service.ts';
import { moneyOperation } from '../ledger/ledger.idempotency.ts';
import { closingsOf, findEntry } from '../ledger/ledger.service.ts';
import type { CandidacyLinkReader } from './candidacies.ts';
import { groupAdvanceRows, householdAdvanceRows, type AdvanceRow } from './advances.repository.ts';
import { advanceOutstanding, cancelAdvance, createAdvance, getAdvanceRow, payAdvance, repayAdvance } from './advances.service.ts';
import { groupEntriesCsv, issueGroupStatements, issueHouseholdStatement } from './exports.service.ts';
import { checkGroup, defaultPeriod, groupEntries, groupMembersAt, groupPot, groupPotSeries, householdEntries, householdSavings } from './figures.service.ts';
import { getGroupRow, groupListFigures, listGroupRows, monthlyAmountRows } from './groups.repository.ts';
import { createGroup, joinGroup, leaveGroup, setMonthlyAmount, setOfficer, updateGroup } from './groups.service.ts';
import { closeMonth, deposit, dividend, refund, reverseEntry } from './operations.service.ts';
import {
  advanceBody,
  cancelAdvanceBody,
  closingBody,
  createGroupBody,
  depositBody,
  dividendBody,
  joinBody,
  leaveBody,
  memberParams,
  monthlyAmountBody,
  officerBody,
  onQuery,
  payAdvanceBody,
  periodQuery,
  refundBody,
  repaymentBody,
  reversalBody,
  exportQuery,
  updateGroupBody,
} from './gecs.schemas.ts';
import {
  presentAdvance,
  presentArrearsList,
  presentClosings,
  presentEntry,
  presentGroupListItem,
  presentGroupRow,
  presentMemberSummary,
  presentMonthlyAmounts,
  presentPot,
  presentSavings,
} from './gecs.presenter.ts';


/** An advance as every gecs route answers it: with its outstanding amount and its candidacy's deed date (read through `candidacies`). */
async function advanceView(knex: Knex, advance: AdvanceRow, candidacies: CandidacyLinkReader) {
  const outstanding = advance.status === 'paid' ? await advanceOutstanding(knex, advance.id) : null;
  const deedOn = advance.candidacy_id ? ((await candidacies.deedDatesOf(knex, [advance.candidacy_id])).get(advance.candidacy_id) ?? null) : null;
  return presentAdvance(advance, outstanding, deedOn);
}

/** Many advances at once: one query for their deed dates; outstanding amounts one after the other (knex may be a transaction). */
async function advanceViews(knex: Knex, advances: AdvanceRow[], candidacies: CandidacyLinkReader) {
  const deeds = await candidacies.deedDatesOf(knex, advances.flatMap((a) => (a.candidacy_id ? [a.candidacy_id] : [])));
  const out: Array<ReturnType<typeof presentAdvance>> = [];
  for (const a of advances) {
    out.push(presentAdvance(a, a.status === 'paid' ? await advanceOutstanding(knex, a.id) : null, a.candidacy_id ? (deeds.get(a.candidacy_id) ?? null) : null));
  }
  return out;
}

function isHousehold(req: Request): boolean {
  return authOf(req).user.role === 'household';
}

/** Routes under /api/groups; linked candidacies are read through `candidacies` (app.ts). */
export function groupsRoutes(ctx: AppContext, candidacies: CandidacyLinkReader): Router {
  const router = Router();
  const { knex, config } = ctx;
  const org = (req: Request) => authOf(req).user.organisationId;
  /** A member of a group as it stands today, after a change to its membership. */
  const memberToday = async (groupId: string, householdId: string) =>
    presentMemberSummary((await groupMembersAt(knex, groupId, today())).find((m) => m.member.household_id === householdId)!);

  router.get(
    '/',
    access.staff(),
    handle({}, async (_input, req, res) => {
      const [groups, figures] = await Promise.all([listGroupRows(knex, org(req)), groupListFigures(knex, org(req), today())]);
      const byId = new Map(figures.map((f) => [f.id, f]));
      res.json({ items: groups.map((g) => presentGroupListItem(g, byId.get(g.id))) });
    }),
  );

  router.post(
    '/',
    access.coordinator(),
    handle({ body: createGroupBody }, async ({ body }, req, res) => {
      const group = await createGroup(knex, actorOf(req, res), org(req), body);
      res.status(201).location(`/api/groups/${group.id}`).json({ ...presentGroupRow(group), monthlyAmounts: presentMonthlyAmounts(await monthlyAmountRows(knex, group.id)) });
    }),
  );

  router.get(
    '/:id',
    access.staff(),
    handle({ params: schemas.idParams, query: onQuery }, async ({ params, query }, req, res) => {
      const group = await getGroupRow(knex, org(req), params.id);
      const on = query.on ?? today();
      const [amounts, members, pot, advances, closings] = await Promise.all([
        monthlyAmountRows(knex, group.id),
        groupMembersAt(knex, group.id, on),
        groupPot(knex, group.id, on),
        groupAdvanceRows(knex, group.id),
        closingsOf(knex, group.id),
      ]);
      const names = new Map(members.map((m) => [m.member.household_id, { displayName: m.member.display_name, reference: m.member.reference }]));
      res.json({
        ...presentGroupRow(group),
        on,
        monthlyAmounts: presentMonthlyAmounts(amounts),
        members: members.map(presentMemberSummary),
        pot: presentPot(pot),
        advances: (await advanceViews(knex, advances, candidacies)).map((a) => ({ ...a, household: names.get(a.householdId) ?? null })),
        ...presentClosings(closings),
      });
    }),
  );

  router.patch(
    '/:id',
    access.coordinator(),
    handle({ params: schemas.idParams, body: updateGroupBody }, async ({ params, body }, req, res) => {
      await updateGroup(knex, actorOf(req, res), org(req), params.id, body);
      res.json(presentGroupRow(await getGroupRow(knex, org(req), params.id)));
    }),
  );

  router.post(
    '/:id/monthly-amounts',
    access.coordinator(),
    handle({ params: schemas.idParams, body: monthlyAmountBody }, async ({ params, body }, req, res) => {
      await setMonthlyAmount(knex, actorOf(req, res), org(req), params.id, body);
      res.status(201).json({ monthlyAmounts: presentMonthlyAmounts(await monthlyAmountRows(knex, params.id)) });
    }),
  );

  router.post(
    '/:id/members',
    access.coordinator(),
    handle({ params: schemas.idParams, body: joinBody }, async ({ params, body }, req, res) => {
      await joinGroup(knex, actorOf(req, res), org(req), params.id, body);
      res.status(201).json(await memberToday(params.id, body.householdId));
    }),
  );

  router.post(
    '/:id/members/:householdId/leave',
    access.coordinator(),
    handle({ params: memberParams, body: leaveBody }, async ({ params, body }, req, res) => {
      await leaveGroup(knex, actorOf(req, res), org(req), params.id, params.householdId, body.leftOn);
      res.json(await memberToday(params.id, params.householdId));
    }),
  );

  router.put(
    '/:id/members/:householdId/officer',
    access.coordinator(),
    handle({ params: memberParams, body: officerBody }, async ({ params, body }, req, res) => {
      await setOfficer(knex, actorOf(req, res), org(req), params.id, params.householdId, body.officerRole);
      res.json(await memberToday(params.id, params.householdId));
    }),
  );

  router.post(
    '/:id/advances',
    access.coordinator(),
    handle({ params: schemas.idParams, body: advanceBody }, async ({ params, body }, req, res) => {
      await getGroupRow(knex, org(req), params.id);
      await moneyOperation(knex, req, res, 201, async (op) => {
        const { advance, entry } = await createAdvance(op, params.id, body, candidacies);
        return { ...(await advanceView(op.trx, advance, candidacies)), entryId: entry?.id ?? null, entryNumber: entry?.number ?? null };
      });
    }),
  );

  router.get(
    '/:id/advances',
    access.staff(),
    handle({ params: schemas.idParams }, async ({ params }, req, res) => {
      await getGroupRow(knex, org(req), params.id);
      const [advances, members] = await Promise.all([groupAdvanceRows(knex, params.id), groupMembersAt(knex, params.id, today())]);
      const names = new Map(members.map((m) => [m.member.household_id, { displayName: m.member.display_name, reference: m.member.reference }]));
      res.json({ items: (await advanceViews(knex, advances, candidacies)).map((a) => ({ ...a, household: names.get(a.householdId) ?? null })) });
    }),
  );

  router.post(
    '/:id/dividends',
    access.coordinator(),
    handle({ params: schemas.idParams, body: dividendBody }, async ({ params, body }, req, res) => {
      await getGroupRow(knex, org(req), params.id);
      await moneyOperation(knex, req, res, 201, (op) => dividend(op, params.id, body));
    }),
  );

  router.post(
    '/:id/closings',
    access.coordinator(),
    handle({ params: schemas.idParams, body: closingBody }, async ({ params, body }, req, res) => {
      await getGroupRow(knex, org(req), params.id);
      const actor = actorOf(req, res);
      const closing = await inTransaction(knex, actor, (trx) => closeMonth({ trx, actor, organisationId: org(req), idempotencyKey: null }, params.id, body.month));
      res.status(201).json(closing);
    }),
  );

  router.get(
    '/:id/pot',
    access.staff(),
    handle({ params: schemas.idParams, query: onQuery }, async ({ params, query }, req, res) => {
      await getGroupRow(knex, org(req), params.id);
      res.json(presentPot(await groupPot(knex, params.id, query.on ?? today())));
    }),
  );

  router.get(
    '/:id/pot/series',
    access.staff(),
    handle({ params: schemas.idParams, query: periodQuery }, async ({ params, query }, req, res) => {
      const group = await getGroupRow(knex, org(req), params.id);
      const from = query.from ?? group.starts_on;
      const to = query.to ?? today();
      if (monthCount(from, to) > MAX_SERIES_MONTHS) throw errors.validation([{ path: 'query.from', message: `At most ${MAX_SERIES_MONTHS} months per series` }]);
      res.json({ from, to, points: (await groupPotSeries(knex, params.id, from, to)).map(presentPot) });
    }),
  );

  router.get(
    '/:id/arrears',
    access.staff(),
    handle({ params: schemas.idParams, query: onQuery }, async ({ params, query }, req, res) => {
      await getGroupRow(knex, org(req), params.id);
      const on = query.on ?? today();
      res.json(presentArrearsList(on, await groupMembersAt(knex, params.id, on)));
    }),
  );

  router.get(
    '/:id/check',
    access.staff(),
    handle({ params: schemas.idParams }, async ({ params }, req, res) => {
      await getGroupRow(knex, org(req), params.id);
      res.json(await checkGroup(knex, params.id));
    }),
  );

  router.get(
    '/:id/entries',
    access.staff(),
    handle({ params: schemas.idParams, query: periodQuery }, async ({ params, query }, req, res) => {
      await getGroupRow(knex, org(req), params.id);
      const { from, to } = defaultPeriod(query.from, query.to);
      res.json({ from, to, items: (await groupEntries(knex, params.id, from, to)).map(presentEntry) });
    }),
  );

  router.get(
    '/:id/entries.csv',
    access.staff(),
    handle({ params: schemas.idParams, query: exportQuery }, async ({ params, query }, req, res) => {
      await getGroupRow(knex, org(req), params.id);
      const { from, to } = defaultPeriod(query.from, query.to);
      const language = query.lang ?? authOf(req).user.preferredLanguage ?? 'fr';
      const { filename, csv } = await groupEntriesCsv(knex, { organisationId: org(req), groupId: params.id, from, to, language });
      res.status(200).type('text/csv; charset=utf-8').attachment(filename).send(csv);
    }),
  );

  router.get(
    '/:id/statements.zip',
    access.staff(),
    handle({ params: schemas.idParams, query: periodQuery }, async ({ params, query }, req, res) => {
      await getGroupRow(knex, org(req), params.id);
      const { from, to } = defaultPeriod(query.from, query.to);
      const { filename, zip } = await issueGroupStatements(knex, { organisationId: org(req), organisationName: config.organisationName, groupId: params.id, from, to, actor: actorOf(req, res) });
      res.status(200).type('application/zip').attachment(filename).send(zip);
    }),
  );

  return router;
}

/** Routes under /api/households for savings; linked candidacies are read through `candidacies` (app.ts). */
export function householdSavingsRoutes(ctx: AppContext, candidacies: CandidacyLinkReader): Router {
  const router = Router();
  const { knex, config } = ctx;
  const org = (req: Request) => authOf(req).user.organisationId;

  router.post(
    '/:id/deposits',
    access.staff(),
    handle({ params: schemas.idParams, body: depositBody }, async ({ params, body }, req, res) => {
      // The operation itself answers 404 for a household that is not the organisation's.
      await moneyOperation(knex, req, res, 201, (op) => deposit(op, params.id, body));
    }),
  );

  router.post(
    '/:id/refunds',
    access.coordinator(),
    handle({ params: schemas.idParams, body: refundBody }, async ({ params, body }, req, res) => {
      await moneyOperation(knex, req, res, 201, (op) => refund(op, params.id, body));
    }),
  );

  router.get(
    '/:id/savings',
    access.staffOrOwnHousehold('id'),
    handle({ params: schemas.idParams, query: onQuery }, async ({ params, query }, req, res) => {
      await getHousehold(knex, org(req), params.id);
      res.json(presentSavings(await householdSavings(knex, params.id, query.on ?? today())));
    }),
  );

  router.get(
    '/:id/entries',
    access.staffOrOwnHousehold('id'),
    handle({ params: schemas.idParams, query: periodQuery }, async ({ params, query }, req, res) => {
      await getHousehold(knex, org(req), params.id);
      const { from, to } = defaultPeriod(query.from, query.to);
      const items = (await householdEntries(knex, params.id, from, to)).map(presentEntry);
      // Staff names stay with staff.
      res.json({ from, to, items: isHousehold(req) ? items.map(({ createdBy: _createdBy, ...rest }) => rest) : items });
    }),
  );

  router.get(
    '/:id/advances',
    access.staffOrOwnHousehold('id'),
    handle({ params: schemas.idParams }, async ({ params }, req, res) => {
      await getHousehold(knex, org(req), params.id);
      const advances = await householdAdvanceRows(knex, params.id);
      res.json({ items: await advanceViews(knex, advances, candidacies) });
    }),
  );

  router.get(
    '/:id/statement.pdf',
    access.staffOrOwnHousehold('id'),
    handle({ params: schemas.idParams, query: exportQuery }, async ({ params, query }, req, res) => {
      await getHousehold(knex, org(req), params.id);
      const { from, to } = defaultPeriod(query.from, query.to);
      const statement = await issueHouseholdStatement(knex, {
        organisationId: org(req),
        organisationName: config.organisationName,
        householdId: params.id,
        from,
        to,
        language: query.lang,
        actor: actorOf(req, res),
      });
      res.status(200).set('Cache-Control', 'no-store').type('application/pdf').attachment(statement.filename).send(statement.pdf);
    }),
  );

  return router;
}

/** Routes under /api/advances; linked candidacies are read through `candidacies` (app.ts). */
export function advancesRoutes(ctx: AppContext, candidacies: CandidacyLinkReader): Router {
  const router = Router();
  const { knex } = ctx;
  const org = (req: Request) => authOf(req).user.organisationId;

  router.get(
    '/:id',
    access.staff(),
    handle({ params: schemas.idParams }, async ({ params }, req, res) => {
      res.json(await advanceView(knex, await getAdvanceRow(knex, org(req), params.id), candidacies));
    }),
  );

  router.post(
    '/:id/pay',
    access.coordinator(),
    handle({ params: schemas.idParams, body: payAdvanceBody }, async ({ params, body }, req, res) => {
      await getAdvanceRow(knex, org(req), params.id);
      await moneyOperation(knex, req, res, 200, async (op) => {
        const { advance, entry } = await payAdvance(op, params.id, body.valueDate);
        return { ...(await advanceView(op.trx, advance, candidacies)), entryId: entry.id, entryNumber: entry.number };
      });
    }),
  );

  router.post(
    '/:id/cancel',
    access.coordinator(),
    handle({ params: schemas.idParams, body: cancelAdvanceBody }, async ({ params, body }, req, res) => {
      await getAdvanceRow(knex, org(req), params.id);
      await moneyOperation(knex, req, res, 200, async (op) => advanceView(op.trx, await cancelAdvance(op, params.id, body.reason, body.on ?? today()), candidacies));
    }),
  );

  router.post(
    '/:id/repayments',
    access.coordinator(),
    handle({ params: schemas.idParams, body: repaymentBody }, async ({ params, body }, req, res) => {
      await getAdvanceRow(knex, org(req), params.id);
      await moneyOperation(knex, req, res, 201, async (op) => {
        const { advance, entry } = await repayAdvance(op, params.id, body);
        return { ...(await advanceView(op.trx, advance, candidacies)), entryId: entry.id, entryNumber: entry.number };
      });
    }),
  );

  return router;
}

/** Routes under /api/entries. */
export function entriesRoutes(ctx: AppContext): Router {
  const router = Router();
  const { knex } = ctx;
  const org = (req: Request) => authOf(req).user.organisationId;

  router.post(
    '/:id/reversal',
    access.coordinator(),
    handle({ params: schemas.idParams, body: reversalBody }, async ({ params, body }, req, res) => {
      if (!(await findEntry(knex, org(req), params.id))) throw errors.notFound('entry');
      await moneyOperation(knex, req, res, 201, (op) => reverseEntry(op, params.id, body.reason));
    }),
  );

  return router;
}
