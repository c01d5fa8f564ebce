import { Router } from 'express';
import type { AppContext } from '../../context.ts';
import { access, actorOf, authOf } from '../../lib/access.ts';
import { handle, schemas } from '../../lib/validate.ts';
import { assembleBoard, journeyFunnel } from './board.service.ts';
import {
  addExitReasonBody,
  addStepBody,
  boardQuery,
  exitBody,
  funnelQuery,
  keyParams,
  renamePhaseBody,
  transitionBody,
  updateExitReasonBody,
} from './journey.schemas.ts';
import {
  addExit,
  addExitReason,
  addStep,
  addTransition,
  changeExitReason,
  exitReasons,
  householdJourney,
  listPhases,
  renamePhaseByKey,
} from './journey.service.ts';
import { presentBoard, presentExitReason, presentJourney, presentPhase } from './journey.presenter.ts';
import type { RentalAdvanceReader } from './rental-advances.ts';
import type { CandidacyStageReader } from './candidacies.ts';

/** Phases and their sub-steps: staff read them, coordinators rename them and add sub-steps. */
export function phasesRoutes(ctx: AppContext): Router {
  const router = Router();
  const { knex } = ctx;

  router.get(
    '/',
    access.staff(),
    handle({}, async (_input, _req, res) => {
      res.json({ items: (await listPhases(knex)).map(presentPhase) });
    }),
  );

  router.patch(
    '/:key',
    access.coordinator(),
    handle({ params: keyParams, body: renamePhaseBody }, async ({ params, body }, req, res) => {
      res.json(presentPhase(await renamePhaseByKey(knex, actorOf(req, res), params.key, body.names)));
    }),
  );

  router.post(
    '/:key/steps',
    access.coordinator(),
    handle({ params: keyParams, body: addStepBody }, async ({ params, body }, req, res) => {
      res.status(201).json(presentPhase(await addStep(knex, actorOf(req, res), params.key, body.key, body.names)));
    }),
  );

  return router;
}

/** The configurable list of exit reasons: staff read it, coordinators manage it. */
export function exitReasonsRoutes(ctx: AppContext): Router {
  const router = Router();
  const { knex } = ctx;

  router.get(
    '/',
    access.staff(),
    handle({}, async (_input, _req, res) => {
      res.json({ items: (await exitReasons(knex)).map(presentExitReason) });
    }),
  );

  router.post(
    '/',
    access.coordinator(),
    handle({ body: addExitReasonBody }, async ({ body }, req, res) => {
      res.status(201).json(presentExitReason(await addExitReason(knex, actorOf(req, res), body.key, body.names)));
    }),
  );

  router.patch(
    '/:key',
    access.coordinator(),
    handle({ params: keyParams, body: updateExitReasonBody }, async ({ params, body }, req, res) => {
      res.json(presentExitReason(await changeExitReason(knex, actorOf(req, res), params.key, body)));
    }),
  );

  return router;
}

/**
 * A household's journey, mounted on /households beside the registry: staff move households and
 * record exits; a household reads its own journey. Its rental advances come through `rental`, its
 * candidacy stages through `candidacies` (app.ts).
 */
export function householdJourneyRoutes(ctx: AppContext, rental: RentalAdvanceReader, candidacies: CandidacyStageReader): Router {
  const router = Router();
  const { knex } = ctx;

  router.get(
    '/:id/journey',
    access.staffOrOwnHousehold('id'),
    handle({ params: schemas.idParams }, async ({ params }, req, res) => {
      const { user } = authOf(req);
      const journey = await householdJourney(knex, user.organisationId, params.id, rental, candidacies);
      res.json(presentJourney(journey, user.role === 'household' ? 'household' : 'staff'));
    }),
  );

  router.post(
    '/:id/transitions',
    access.staff(),
    handle({ params: schemas.idParams, body: transitionBody }, async ({ params, body }, req, res) => {
      const { organisationId } = authOf(req).user;
      await addTransition(knex, actorOf(req, res), organisationId, params.id, body);
      res.status(201).json(presentJourney(await householdJourney(knex, organisationId, params.id, rental, candidacies), 'staff'));
    }),
  );

  router.post(
    '/:id/exits',
    access.staff(),
    handle({ params: schemas.idParams, body: exitBody }, async ({ params, body }, req, res) => {
      const { organisationId } = authOf(req).user;
      await addExit(knex, actorOf(req, res), organisationId, params.id, body);
      res.status(201).json(presentJourney(await householdJourney(knex, organisationId, params.id, rental, candidacies), 'staff'));
    }),
  );

  return router;
}

/** The referent's board (households by current phase) and the year's funnel; rental arrears come through `rental` (app.ts). */
export function boardRoutes(ctx: AppContext, rental: RentalAdvanceReader): Router {
  const router = Router();
  const { knex } = ctx;

  router.get(
    '/',
    access.staff(),
    handle({ query: boardQuery }, async ({ query }, req, res) => {
      res.json(presentBoard(await assembleBoard(knex, authOf(req).user.organisationId, query, rental)));
    }),
  );

  router.get(
    '/funnel',
    access.staff(),
    handle({ query: funnelQuery }, async ({ query }, req, res) => {
      res.json(await journeyFunnel(knex, authOf(req).user.organisationId, query.year));
    }),
  );

  return router;
}
