import { Router } from 'express';
import type { AppContext } from '../../context.ts';
import { publicAccess } from '../../lib/access.ts';
import { AppError } from '../../lib/errors.ts';
import { handle } from '../../lib/validate.ts';

/** Liveness and database reachability, for load balancers and the README's first check. */
export function healthRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get(
    '/',
    publicAccess(ctx.config),
    handle({}, async (_input, _req, res) => {
      try {
        await ctx.knex.raw('SELECT 1');
      } catch {
        throw new AppError(503, 'database_unavailable', 'Service unavailable', 'The database does not answer.');
      }
      res.set('Cache-Control', 'no-store').json({ status: 'ok', database: ctx.engine, version: ctx.version });
    }),
  );
  return router;
}
