import { Router } from 'express';
import type { AppContext } from '../../context.ts';
import { access, actorOf, authOf } from '../../lib/access.ts';
import { handle, schemas } from '../../lib/validate.ts';
import { addMemberBody, createCohortBody, listCohortsQuery, memberParams, updateCohortBody } from './journey.schemas.ts';
import { addMember, cohortDetail, createCohort, removeMember, updateCohort } from './cohorts.service.ts';
import { listCohorts } from './cohorts.repository.ts';
import { presentCohort, presentCohortDetail } from './journey.presenter.ts';

/** Preparatory and action cohorts and their households (staff). */
export function cohortsRoutes(ctx: AppContext): Router {
  const router = Router();
  const { knex } = ctx;

  router.get(
    '/',
    access.staff(),
    handle({ query: listCohortsQuery }, async ({ query }, req, res) => {
      res.json({ items: (await listCohorts(knex, authOf(req).user.organisationId, query.kind)).map(presentCohort) });
    }),
  );

  router.post(
    '/',
    access.staff(),
    handle({ body: createCohortBody }, async ({ body }, req, res) => {
      const cohort = await createCohort(knex, actorOf(req, res), authOf(req).user.organisationId, body);
      res.status(201).location(`/api/cohorts/${cohort.id}`).json(presentCohort(cohort));
    }),
  );

  router.get(
    '/:id',
    access.staff(),
    handle({ params: schemas.idParams }, async ({ params }, req, res) => {
      res.json(presentCohortDetail(await cohortDetail(knex, authOf(req).user.organisationId, params.id)));
    }),
  );

  router.patch(
    '/:id',
    access.staff(),
    handle({ params: schemas.idParams, body: updateCohortBody }, async ({ params, body }, req, res) => {
      res.json(presentCohort(await updateCohort(knex, actorOf(req, res), authOf(req).user.organisationId, params.id, body)));
    }),
  );

  router.post(
    '/:id/members',
    access.staff(),
    handle({ params: schemas.idParams, body: addMemberBody }, async ({ params, body }, req, res) => {
      const { organisationId } = authOf(req).user;
      await addMember(knex, actorOf(req, res), organisationId, params.id, body.householdId, body.joinedOn);
      res.status(201).json(presentCohortDetail(await cohortDetail(knex, organisationId, params.id)));
    }),
  );

  router.delete(
    '/:id/members/:householdId',
    access.staff(),
    handle({ params: memberParams }, async ({ params }, req, res) => {
      await removeMember(knex, actorOf(req, res), authOf(req).user.organisationId, params.id, params.householdId);
      res.status(204).end();
    }),
  );

  return router;
}
