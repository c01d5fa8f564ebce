import { Router } from 'express';
import type { AppContext } from '../../context.ts';
import { access, actorOf, authOf } from '../../lib/access.ts';
import { handle, schemas } from '../../lib/validate.ts';
import {
  attendanceBody,
  cancelSessionBody,
  createSessionBody,
  heldSessionBody,
  listSessionsQuery,
  statsQuery,
  updateSessionBody,
} from './journey.schemas.ts';
import { cancelSession, createSession, markHeld, sessionDetail, sessionStats, setAttendance, updateSession } from './sessions.service.ts';
import { listSessions } from './sessions.repository.ts';
import { presentInvitation, presentSession } from './journey.presenter.ts';

/** Information sessions, workshops and group meetings, with invitations and attendance (staff). */
export function sessionsRoutes(ctx: AppContext): Router {
  const router = Router();
  const { knex } = ctx;
  const detail = async (organisationId: string, id: string) => {
    const { session, invitations } = await sessionDetail(knex, organisationId, id);
    return { ...presentSession(session), households: invitations.map(presentInvitation) };
  };

  router.get(
    '/',
    access.staff(),
    handle({ query: listSessionsQuery }, async ({ query }, req, res) => {
      res.json({ items: (await listSessions(knex, authOf(req).user.organisationId, query)).map(presentSession) });
    }),
  );

  // Before '/:id', which would not match "stats" anyway (ids are UUIDs).
  router.get(
    '/stats',
    access.staff(),
    handle({ query: statsQuery }, async ({ query }, req, res) => {
      res.json(await sessionStats(knex, authOf(req).user.organisationId, query));
    }),
  );

  router.post(
    '/',
    access.staff(),
    handle({ body: createSessionBody }, async ({ body }, req, res) => {
      const session = await createSession(knex, actorOf(req, res), authOf(req).user.organisationId, body);
      res.status(201).location(`/api/sessions/${session.id}`).json(presentSession(session));
    }),
  );

  router.get(
    '/:id',
    access.staff(),
    handle({ params: schemas.idParams }, async ({ params }, req, res) => {
      res.json(await detail(authOf(req).user.organisationId, params.id));
    }),
  );

  router.patch(
    '/:id',
    access.staff(),
    handle({ params: schemas.idParams, body: updateSessionBody }, async ({ params, body }, req, res) => {
      res.json(presentSession(await updateSession(knex, actorOf(req, res), authOf(req).user.organisationId, params.id, body)));
    }),
  );

  router.post(
    '/:id/cancel',
    access.staff(),
    handle({ params: schemas.idParams, body: cancelSessionBody }, async ({ params, body }, req, res) => {
      res.json(presentSession(await cancelSession(knex, actorOf(req, res), authOf(req).user.organisationId, params.id, body.reason)));
    }),
  );

  router.post(
    '/:id/held',
    access.staff(),
    handle({ params: schemas.idParams, body: heldSessionBody }, async ({ params }, req, res) => {
      res.json(presentSession(await markHeld(knex, actorOf(req, res), authOf(req).user.organisationId, params.id)));
    }),
  );

  router.put(
    '/:id/attendance',
    access.staff(),
    handle({ params: schemas.idParams, body: attendanceBody }, async ({ params, body }, req, res) => {
      const { organisationId } = authOf(req).user;
      await setAttendance(knex, actorOf(req, res), organisationId, params.id, body);
      res.json(await detail(organisationId, params.id));
    }),
  );

  return router;
}
