/**
 * The rental-deposit API (docs/rental-deposits.md). Money routes are for coordinators, need an
 * Idempotency-Key and run in one transaction; staff read; a household reads only its own advances
 * (anything else answers 404, as if it did not exist).
 */
import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../../context.ts';
import { access, actorOf, allow, authOf } from '../../lib/access.ts';
import { addMonths, monthCount, monthOf, today } from '../../lib/dates.ts';
import { inTransaction } from '../../db/tx.ts';
import { errors } from '../../lib/errors.ts';
import { MAX_SERIES_MONTHS } from '../../lib/queries.ts';
import { handle, schemas } from '../../lib/validate.ts';
import { isLanguage, type Language } from '../../lib/locale.ts';
import { householdIdentities } from '../households/households.repository.ts';
import { getHousehold } from '../households/households.service.ts';
import { issueStatement } from '../statements/statements.service.ts';
import { renderRepaymentLetterPdf } from './letter.pdf.ts';
import { RENTAL_ACCOUNTS } from './statement.kinds.ts';
import { moneyOperation } from '../ledger/ledger.idempotency.ts';
import { findEntry } from '../ledger/ledger.service.ts';
import { presentAllocation, presentDeposit, presentDepositSummary, presentFund, presentFundEntry } from './rental-deposits.presenter.ts';
import { findFund, instalmentsOf, type DepositListRow } from './rental-deposits.repository.ts';
import {
  closingBody,
  contributionBody,
  exportQuery,
  languageQuery,
  fundBody,
  listQuery,
  onQuery,
  openingBody,
  periodQuery,
  releaseBody,
  releaseQuery,
  repaymentBody,
  reversalBody,
  seriesQuery,
  writeOffBody,
} from './rental-deposits.schemas.ts';
import {
  DEFAULT_FUND_NAME,
  changeFund,
  checkFund,
  closeFundMonth,
  contribute,
  depositState,
  fundClosings,
  fundEntries,
  fundSeries,
  fundState,
  getDeposit,
  listDepositStates,
  openDeposit,
  previewRelease,
  release,
  repay,
  reverseFundEntry,
  undoRelease,
  writeOff,
} from './rental-deposits.service.ts';
import type { Knex } from 'knex';

const org = (req: Request) => authOf(req).user.organisationId;

/** Staff and households; a household is then held to its own records by the handler. */
const staffOrHousehold = () => allow(['coordinator', 'referent', 'household']);

/** An advance the caller may read: a household only its own (else 404). */
async function readableDeposit(knex: Knex, req: Request, id: string): Promise<DepositListRow> {
  const deposit = await getDeposit(knex, org(req), id);
  const { user } = authOf(req);
  if (user.role === 'household' && deposit.household_id !== user.householdId) throw errors.notFound('rental deposit');
  return deposit;
}

/** The language of a document: the one asked for, else the household's. */
function documentLanguage(asked: Language | undefined, row: DepositListRow): Language {
  return asked ?? (isLanguage(row.household_language) ? row.household_language : 'fr');
}

function sendPdf(res: Response, filename: string, pdf: Buffer): void {
  res.status(200).set('Cache-Control', 'no-store').type('application/pdf').attachment(filename).send(pdf);
}

async function depositView(knex: Knex, row: DepositListRow, on: string) {
  // One query after the other: knex may be the operation's transaction (one connection).
  const state = await depositState(knex, row, on);
  const fund = await findFund(knex, row.organisation_id);
  return presentDeposit(state, fund);
}

/** Routes under /api/rental-deposit-fund. */
export function rentalDepositFundRoutes(ctx: AppContext): Router {
  const router = Router();
  const { knex } = ctx;
  const fundView = async (organisationId: string, on = today()) => presentFund(await fundState(knex, organisationId, on), DEFAULT_FUND_NAME);

  router.get(
    '/',
    access.staff(),
    handle({ query: onQuery }, async ({ query }, req, res) => {
      res.json(await fundView(org(req), query.on ?? today()));
    }),
  );

  router.patch(
    '/',
    access.coordinator(),
    handle({ body: fundBody }, async ({ body }, req, res) => {
      // Not money: no Idempotency-Key, one audited transaction (as for a group's details).
      const actor = actorOf(req, res);
      await inTransaction(knex, actor, (trx) => changeFund({ trx, actor, organisationId: org(req), idempotencyKey: null }, body));
      res.json(await fundView(org(req)));
    }),
  );

  router.post(
    '/contributions',
    access.coordinator(),
    handle({ body: contributionBody }, async ({ body }, req, res) => {
      await moneyOperation(knex, req, res, 201, async (op) => {
        const entry = await contribute(op, body);
        return { entryId: entry.id, entryNumber: entry.number, fund: presentFund(await fundState(op.trx, op.organisationId, today()), DEFAULT_FUND_NAME) };
      });
    }),
  );

  router.get(
    '/series',
    access.staff(),
    handle({ query: seriesQuery }, async ({ query }, req, res) => {
      if (monthCount(query.from, query.to) > MAX_SERIES_MONTHS) throw errors.validation([{ path: 'query.from', message: `At most ${MAX_SERIES_MONTHS} months per series` }]);
      const items = await fundSeries(knex, org(req), query.from, query.to);
      res.json({
        from: query.from,
        to: query.to,
        items: items.map((p) => ({ ...p, cash: p.cash.toFixed(2), owedByTenants: p.owedByTenants.toFixed(2), placed: p.placed.toFixed(2) })),
      });
    }),
  );

  router.get(
    '/entries',
    access.staff(),
    handle({ query: periodQuery }, async ({ query }, req, res) => {
      const to = query.to ?? today();
      const from = query.from ?? `${addMonths(monthOf(to), -11)}-01`;
      res.json({ from, to, items: (await fundEntries(knex, org(req), from, to)).map(presentFundEntry) });
    }),
  );

  router.post(
    '/entries/:id/reversal',
    access.coordinator(),
    handle({ params: schemas.idParams, body: reversalBody }, async ({ params, body }, req, res) => {
      if (!(await findEntry(knex, org(req), params.id))) throw errors.notFound('entry');
      await moneyOperation(knex, req, res, 201, (op) => reverseFundEntry(op, params.id, body.reason));
    }),
  );

  router.get(
    '/closings',
    access.staff(),
    handle({}, async (_input, req, res) => {
      res.json({ items: (await fundClosings(knex, org(req))).map((c) => ({ month: c.month.slice(0, 7), closedAt: c.closedAt.toISOString(), closedBy: c.closedBy })) });
    }),
  );

  router.post(
    '/closings',
    access.coordinator(),
    handle({ body: closingBody }, async ({ body }, req, res) => {
      // A closing moves no money and cannot be done twice: no Idempotency-Key (as for a group's months).
      const actor = actorOf(req, res);
      const closing = await inTransaction(knex, actor, (trx) => closeFundMonth({ trx, actor, organisationId: org(req), idempotencyKey: null }, body.month));
      res.status(201).json(closing);
    }),
  );

  router.get(
    '/check',
    access.staff(),
    handle({}, async (_input, req, res) => {
      const c = await checkFund(knex, org(req));
      res.json({ ...c, cash: c.cash.toFixed(2), owedByTenants: c.owedByTenants.toFixed(2), contributions: c.contributions.toFixed(2), writtenOff: c.writtenOff.toFixed(2) });
    }),
  );

  return router;
}

/** Routes under /api/rental-deposits. */
export function rentalDepositsRoutes(ctx: AppContext): Router {
  const router = Router();
  const { knex } = ctx;

  router.get(
    '/',
    access.staff(),
    handle({ query: listQuery }, async ({ query }, req, res) => {
      const items = await listDepositStates(knex, org(req), { householdId: query.householdId, status: query.status }, query.on ?? today());
      res.json({ items: items.map(presentDepositSummary) });
    }),
  );

  router.post(
    '/',
    access.coordinator(),
    handle({ body: openingBody }, async ({ body }, req, res) => {
      await moneyOperation(knex, req, res, 201, async (op) => {
        const id = await openDeposit(op, body);
        return depositView(op.trx, await getDeposit(op.trx, op.organisationId, id), today());
      });
    }),
  );

  router.get(
    '/:id',
    staffOrHousehold(),
    handle({ params: schemas.idParams, query: onQuery }, async ({ params, query }, req, res) => {
      const view = await depositView(knex, await readableDeposit(knex, req, params.id), query.on ?? today());
      // Staff names stay with staff (as on the household's savings entries).
      res.json(authOf(req).user.role === 'household' ? { ...view, entries: view.entries.map(({ createdBy: _createdBy, ...rest }) => rest) } : view);
    }),
  );

  router.get(
    '/:id/letter.pdf',
    staffOrHousehold(),
    handle({ params: schemas.idParams, query: languageQuery }, async ({ params, query }, req, res) => {
      const row = await readableDeposit(knex, req, params.id);
      const fund = await findFund(knex, row.organisation_id);
      const schedules = await instalmentsOf(knex, [row.id]);
      const pdf = await renderRepaymentLetterPdf({
        language: documentLanguage(query.lang, row),
        organisationName: ctx.config.organisationName,
        issuedOn: today(),
        household: { displayName: row.household_name, reference: row.household_reference },
        address: row.address,
        landlordName: row.landlord_name,
        openedOn: row.opened_on,
        amount: row.amount,
        monthlyRent: row.monthly_rent,
        schedule: schedules.get(row.id)!.map((i) => ({ number: i.number, dueOn: i.dueOn, amount: i.amount.toFixed(2) })),
        fundIban: fund?.iban ?? null,
        structuredCommunication: row.structured_communication,
      });
      sendPdf(res, `rental-deposit-letter-${row.household_reference}-${row.opened_on}.pdf`, pdf);
    }),
  );

  router.get(
    '/:id/statement.pdf',
    staffOrHousehold(),
    handle({ params: schemas.idParams, query: exportQuery }, async ({ params, query }, req, res) => {
      const row = await readableDeposit(knex, req, params.id);
      const fund = await findFund(knex, row.organisation_id);
      const statement = await issueStatement(knex, {
        organisationId: row.organisation_id,
        organisationName: ctx.config.organisationName,
        ownerId: row.household_id,
        subject: row.id,
        subjectLabel: row.address,
        structuredCommunication: row.structured_communication,
        from: query.from ?? row.opened_on,
        to: query.to ?? today(),
        books: [{ name: fund?.name ?? DEFAULT_FUND_NAME, cohort: null }],
        owners: householdIdentities,
        accounts: RENTAL_ACCOUNTS,
        language: documentLanguage(query.lang, row),
        actor: actorOf(req, res),
      });
      sendPdf(res, statement.filename, statement.pdf);
    }),
  );

  router.post(
    '/:id/repayments',
    access.coordinator(),
    handle({ params: schemas.idParams, body: repaymentBody }, async ({ params, body }, req, res) => {
      await getDeposit(knex, org(req), params.id);
      await moneyOperation(knex, req, res, 201, async (op) => {
        const entry = await repay(op, params.id, body);
        return { ...(await depositView(op.trx, await getDeposit(op.trx, op.organisationId, params.id), today())), entryId: entry.id, entryNumber: entry.number };
      });
    }),
  );

  router.get(
    '/:id/release-preview',
    access.staff(),
    handle({ params: schemas.idParams, query: releaseQuery }, async ({ params, query }, req, res) => {
      res.json(presentAllocation(await previewRelease(knex, org(req), params.id, query)));
    }),
  );

  router.post(
    '/:id/release',
    access.coordinator(),
    handle({ params: schemas.idParams, body: releaseBody }, async ({ params, body }, req, res) => {
      await getDeposit(knex, org(req), params.id);
      await moneyOperation(knex, req, res, 200, async (op) => {
        const { allocation, entry } = await release(op, params.id, body);
        const deposit = await depositView(op.trx, await getDeposit(op.trx, op.organisationId, params.id), today());
        const { toFund, toTenant, remainingOwed } = presentAllocation(allocation);
        return { toFund, toTenant, remainingOwed, entryId: entry?.id ?? null, entryNumber: entry?.number ?? null, deposit };
      });
    }),
  );

  router.post(
    '/:id/release/undo',
    access.coordinator(),
    handle({ params: schemas.idParams }, async ({ params }, req, res) => {
      await getDeposit(knex, org(req), params.id);
      // No money moves (a release that cleared a debt is undone by reversing its entry): no key, one audited transaction.
      const actor = actorOf(req, res);
      await inTransaction(knex, actor, (trx) => undoRelease({ trx, actor, organisationId: org(req), idempotencyKey: null }, params.id));
      res.json(await depositView(knex, await getDeposit(knex, org(req), params.id), today()));
    }),
  );

  router.post(
    '/:id/write-off',
    access.coordinator(),
    handle({ params: schemas.idParams, body: writeOffBody }, async ({ params, body }, req, res) => {
      await getDeposit(knex, org(req), params.id);
      await moneyOperation(knex, req, res, 201, async (op) => {
        const entry = await writeOff(op, params.id, body);
        return { ...(await depositView(op.trx, await getDeposit(op.trx, op.organisationId, params.id), today())), entryId: entry.id, entryNumber: entry.number };
      });
    }),
  );

  return router;
}

/** GET /api/households/:id/rental-deposits: a household's advances (staff, or that household). */
export function householdRentalDepositsRoutes(ctx: AppContext): Router {
  const router = Router();
  const { knex } = ctx;
  router.get(
    '/:id/rental-deposits',
    access.staffOrOwnHousehold('id'),
    handle({ params: schemas.idParams, query: onQuery }, async ({ params, query }, req, res) => {
      await getHousehold(knex, org(req), params.id);
      const items = await listDepositStates(knex, org(req), { householdId: params.id }, query.on ?? today());
      res.json({ items: items.map(presentDepositSummary) });
    }),
  );
  return router;
}
