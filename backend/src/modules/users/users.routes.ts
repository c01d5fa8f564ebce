import { Router } from 'express';
import type { AppContext } from '../../context.ts';
import { access, actorOf, authOf } from '../../lib/access.ts';
import { handle, schemas } from '../../lib/validate.ts';
import { createUserBody, listUsersQuery, updateUserBody } from './users.schemas.ts';
import { listStaff } from './users.repository.ts';
import { createStaffUser, updateStaffUser } from './users.service.ts';
import { presentStaffUser } from './users.presenter.ts';

/** Staff users: every staff member can list them (to pick a referent); coordinators manage them. */
export function usersRoutes(ctx: AppContext): Router {
  const router = Router();
  const { knex } = ctx;

  router.get(
    '/',
    access.staff(),
    handle({ query: listUsersQuery }, async ({ query }, req, res) => {
      const users = await listStaff(knex, authOf(req).user.organisationId, query);
      res.json({ items: users.map(presentStaffUser) });
    }),
  );

  router.post(
    '/',
    access.coordinator(),
    handle({ body: createUserBody }, async ({ body }, req, res) => {
      const user = await createStaffUser(knex, actorOf(req, res), { ...body, organisationId: authOf(req).user.organisationId });
      res.status(201).location(`/api/users/${user.id}`).json(presentStaffUser(user));
    }),
  );

  router.patch(
    '/:id',
    access.coordinator(),
    handle({ params: schemas.idParams, body: updateUserBody }, async ({ params, body }, req, res) => {
      const auth = authOf(req);
      const user = await updateStaffUser(knex, actorOf(req, res), auth.user.organisationId, params.id, body);
      res.json(presentStaffUser(user));
    }),
  );

  return router;
}
