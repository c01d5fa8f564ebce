import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../../context.ts';
import { access, actorOf, authOf, publicAccess, sessionCookieName } from '../../lib/access.ts';
import { handle } from '../../lib/validate.ts';
import { activateBody, changePasswordBody, loginBody } from './auth.schemas.ts';
import { activate, changePassword, login } from './auth.service.ts';
import { deleteSession, loadSession } from './sessions.repository.ts';
import { presentSessionUser } from './auth.presenter.ts';
import { errors } from '../../lib/errors.ts';

/** Login, logout, the current user, household activation and password change. */
export function authRoutes(ctx: AppContext): Router {
  const router = Router();
  const { knex, config } = ctx;
  const cookieName = sessionCookieName(config);
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies, path: '/' };
  const ipOf = (req: Request) => req.ip ?? 'unknown';

  router.post(
    '/login',
    publicAccess(config),
    handle({ body: loginBody }, async ({ body }, req, res: Response) => {
      const { token } = await login(knex, body, { ip: ipOf(req), userAgent: req.get('user-agent'), idleHours: config.sessionIdleHours });
      const session = await loadSession(knex, token);
      if (!session) throw errors.unauthenticated();
      res.cookie(cookieName, token, cookieOptions);
      res.json({ user: presentSessionUser(session.user), csrfToken: session.csrfToken });
    }),
  );

  router.get(
    '/me',
    access.authenticated(),
    handle({}, (_input, req, res) => {
      const auth = authOf(req);
      res.json({ user: presentSessionUser(auth.user), csrfToken: auth.csrfToken });
    }),
  );

  router.post(
    '/logout',
    access.authenticated(),
    handle({}, async (_input, req, res) => {
      await deleteSession(knex, authOf(req).sessionId);
      res.clearCookie(cookieName, cookieOptions);
      res.status(204).end();
    }),
  );

  router.post(
    '/activate',
    publicAccess(config),
    handle({ body: activateBody }, async ({ body }, req, res) => {
      res.json(await activate(knex, body, { ip: ipOf(req) }));
    }),
  );

  router.post(
    '/password',
    access.authenticated(),
    handle({ body: changePasswordBody }, async ({ body }, req, res) => {
      const auth = authOf(req);
      const context = [auth.user.name, auth.user.email, auth.user.householdReference].filter((x): x is string => !!x);
      await changePassword(knex, actorOf(req, res), auth.sessionId, body, context);
      res.status(204).end();
    }),
  );

  return router;
}
