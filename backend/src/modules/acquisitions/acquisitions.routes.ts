/**
 * The acquisitions API (docs/acquisitions.md). Coordinators manage projects, their rules and units and
 * the withdrawal reasons; staff (referents and coordinators) move candidacies; a household reads only its
 * own candidacies and simulates its own purchase (anything else answers 404). Money stays in gecs.
 */
import { Router, type Request } from 'express';
import type { AppContext } from '../../context.ts';
import { access, actorOf, allow, authOf } from '../../lib/access.ts';
import { addMonths, monthCount, monthOf, today } from '../../lib/dates.ts';
import { errors } from '../../lib/errors.ts';
import { MAX_SERIES_MONTHS } from '../../lib/queries.ts';
import { handle, schemas } from '../../lib/validate.ts';
import { acquisitionDistribution, deedSeries } from './acquisitions.figures.ts';
import {
  presentCandidacy,
  presentProjectDetail,
  presentProjectSummary,
  presentReason,
  presentSimulation,
  presentUnit,
} from './acquisitions.presenter.ts';
import {
  addReasonBody,
  createCandidacyBody,
  createProjectBody,
  createUnitBody,
  distributionQuery,
  keyParams,
  projectRuleBody,
  projectStatusBody,
  seriesQuery,
  simulationBody,
  stageBody,
  updateProjectBody,
  updateReasonBody,
  updateUnitBody,
} from './acquisitions.schemas.ts';
import {
  addProjectRule,
  addProjectStatus,
  addUnit,
  addWithdrawalReason,
  candidacyView,
  changeUnit,
  changeWithdrawalReason,
  createCandidacy,
  createProject,
  householdCandidacies,
  listProjectSummaries,
  projectDetail,
  projectFunnel,
  recordStage,
  simulatePurchase,
  updateProject,
  withdrawalReasons,
} from './acquisitions.service.ts';

const org = (req: Request) => authOf(req).user.organisationId;
const viewerOf = (req: Request) => (authOf(req).user.role === 'household' ? 'household' : 'staff');
/** Staff and households; a household is then held to its own records by the handler. */
const staffOrHousehold = () => allow(['coordinator', 'referent', 'household']);

/** Routes under /api/projects. */
export function projectsRoutes(ctx: AppContext): Router {
  const router = Router();
  const { knex } = ctx;
  const detail = async (req: Request, id: string) => presentProjectDetail(await projectDetail(knex, org(req), id));

  router.get(
    '/',
    access.staff(),
    handle({}, async (_input, req, res) => {
      res.json({ items: (await listProjectSummaries(knex, org(req))).map(presentProjectSummary) });
    }),
  );

  router.post(
    '/',
    access.coordinator(),
    handle({ body: createProjectBody }, async ({ body }, req, res) => {
      const project = await createProject(knex, actorOf(req, res), org(req), body);
      res.status(201).location(`/api/projects/${project.id}`).json(await detail(req, project.id));
    }),
  );

  router.get(
    '/:id',
    access.staff(),
    handle({ params: schemas.idParams }, async ({ params }, req, res) => {
      res.json(await detail(req, params.id));
    }),
  );

  router.patch(
    '/:id',
    access.coordinator(),
    handle({ params: schemas.idParams, body: updateProjectBody }, async ({ params, body }, req, res) => {
      await updateProject(knex, actorOf(req, res), org(req), params.id, body);
      res.json(await detail(req, params.id));
    }),
  );

  router.post(
    '/:id/statuses',
    access.coordinator(),
    handle({ params: schemas.idParams, body: projectStatusBody }, async ({ params, body }, req, res) => {
      await addProjectStatus(knex, actorOf(req, res), org(req), params.id, body);
      res.status(201).json(await detail(req, params.id));
    }),
  );

  router.post(
    '/:id/rules',
    access.coordinator(),
    handle({ params: schemas.idParams, body: projectRuleBody }, async ({ params, body }, req, res) => {
      await addProjectRule(knex, actorOf(req, res), org(req), params.id, body);
      res.status(201).json(await detail(req, params.id));
    }),
  );

  router.post(
    '/:id/units',
    access.coordinator(),
    handle({ params: schemas.idParams, body: createUnitBody }, async ({ params, body }, req, res) => {
      const unit = await addUnit(knex, actorOf(req, res), org(req), params.id, body);
      res.status(201).json(presentUnit(unit, 'available', null));
    }),
  );

  router.post(
    '/:id/candidacies',
    access.staff(),
    handle({ params: schemas.idParams, body: createCandidacyBody }, async ({ params, body }, req, res) => {
      const id = await createCandidacy(knex, actorOf(req, res), org(req), params.id, body);
      res.status(201).location(`/api/candidacies/${id}`).json(presentCandidacy(await candidacyView(knex, org(req), id), 'staff'));
    }),
  );

  router.get(
    '/:id/funnel',
    access.staff(),
    handle({ params: schemas.idParams }, async ({ params }, req, res) => {
      res.json(await projectFunnel(knex, org(req), params.id));
    }),
  );

  return router;
}

/** Routes under /api/units. */
export function unitsRoutes(ctx: AppContext): Router {
  const router = Router();
  const { knex } = ctx;

  router.patch(
    '/:id',
    access.coordinator(),
    handle({ params: schemas.idParams, body: updateUnitBody }, async ({ params, body }, req, res) => {
      const unit = await changeUnit(knex, actorOf(req, res), org(req), params.id, body);
      const project = await projectDetail(knex, org(req), unit.projectId);
      const view = project.units.find((u) => u.unit.id === unit.id)!;
      res.json(presentUnit(view.unit, view.status, view.candidacyId));
    }),
  );

  return router;
}

/** Routes under /api/candidacies. */
export function candidaciesRoutes(ctx: AppContext): Router {
  const router = Router();
  const { knex } = ctx;

  router.get(
    '/:id',
    staffOrHousehold(),
    handle({ params: schemas.idParams }, async ({ params }, req, res) => {
      const view = await candidacyView(knex, org(req), params.id);
      const { user } = authOf(req);
      if (user.role === 'household' && view.candidacy.householdId !== user.householdId) throw errors.notFound('candidacy');
      res.json(presentCandidacy(view, viewerOf(req)));
    }),
  );

  router.post(
    '/:id/stages',
    access.staff(),
    handle({ params: schemas.idParams, body: stageBody }, async ({ params, body }, req, res) => {
      await recordStage(knex, actorOf(req, res), org(req), params.id, body);
      res.status(201).json(presentCandidacy(await candidacyView(knex, org(req), params.id), 'staff'));
    }),
  );

  return router;
}

/** Routes under /api/households for candidacies: staff, or the household itself. */
export function householdCandidaciesRoutes(ctx: AppContext): Router {
  const router = Router();
  const { knex } = ctx;

  router.get(
    '/:id/candidacies',
    access.staffOrOwnHousehold('id'),
    handle({ params: schemas.idParams }, async ({ params }, req, res) => {
      const viewer = viewerOf(req);
      res.json({ items: (await householdCandidacies(knex, org(req), params.id)).map((v) => presentCandidacy(v, viewer)) });
    }),
  );

  return router;
}

/** The configurable list of withdrawal reasons: staff read it, coordinators manage it (as exit reasons). */
export function withdrawalReasonsRoutes(ctx: AppContext): Router {
  const router = Router();
  const { knex } = ctx;

  router.get(
    '/',
    access.staff(),
    handle({}, async (_input, _req, res) => {
      res.json({ items: (await withdrawalReasons(knex)).map(presentReason) });
    }),
  );

  router.post(
    '/',
    access.coordinator(),
    handle({ body: addReasonBody }, async ({ body }, req, res) => {
      res.status(201).json(presentReason(await addWithdrawalReason(knex, actorOf(req, res), body.key, body.names)));
    }),
  );

  router.patch(
    '/:key',
    access.coordinator(),
    handle({ params: keyParams, body: updateReasonBody }, async ({ params, body }, req, res) => {
      res.json(presentReason(await changeWithdrawalReason(knex, actorOf(req, res), params.key, body)));
    }),
  );

  return router;
}

/** Routes under /api/simulations: the purchase-cost simulator, for staff and for a household about itself. Stores nothing. */
export function simulationsRoutes(ctx: AppContext): Router {
  const router = Router();
  const { knex } = ctx;

  router.post(
    '/purchase',
    staffOrHousehold(),
    handle({ body: simulationBody }, async ({ body }, req, res) => {
      const { user } = authOf(req);
      let householdId = body.householdId;
      if (user.role === 'household') {
        if (householdId !== undefined && householdId !== user.householdId) throw errors.notFound('household');
        householdId = user.householdId ?? undefined;
      }
      const { costs, monthlyIncome, affordability } = await simulatePurchase(knex, org(req), { ...body, householdId });
      res.json(presentSimulation(costs, monthlyIncome, affordability));
    }),
  );

  return router;
}

/** Routes under /api/acquisitions: the charts' data (staff). */
export function acquisitionChartsRoutes(ctx: AppContext): Router {
  const router = Router();
  const { knex } = ctx;

  router.get(
    '/series',
    access.staff(),
    handle({ query: seriesQuery }, async ({ query }, req, res) => {
      const to = query.to ?? monthOf(today());
      const from = query.from ?? addMonths(to, -11);
      if (from > to) throw errors.validation([{ path: 'query.from', message: 'Must not be after to' }]);
      if (monthCount(from, to) > MAX_SERIES_MONTHS) throw errors.validation([{ path: 'query.from', message: `At most ${MAX_SERIES_MONTHS} months per series` }]);
      res.json(await deedSeries(knex, org(req), from, to));
    }),
  );

  router.get(
    '/distribution',
    access.staff(),
    handle({ query: distributionQuery }, async ({ query }, req, res) => {
      res.json(await acquisitionDistribution(knex, org(req), query.year));
    }),
  );

  return router;
}


