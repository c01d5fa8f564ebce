/**
 * Routes under /api/statements: checking a savings statement someone shows us (a lender, a notary, the
 * family itself). Staff only: the answer names the household.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { access, authOf } from '../../lib/access.ts';
import { handle } from '../../lib/validate.ts';
import type { StatementAccounts } from './statement.texts.ts';
import { verifyStatement, type OwnerDirectory } from './statements.service.ts';

const verifyParams = z.strictObject({
  number: z.string().trim().regex(/^(?:RE-\d{4}-)?\d{1,15}$/i, 'Must be a statement number such as RE-2026-000123'),
});
const verifyQuery = z.strictObject({
  code: z.string().trim().regex(/^[0-9A-Fa-f]{4}(?:[\s-]?[0-9A-Fa-f]{4}){3}$/, 'Must be a verification code such as 8F3A-91C2-0B7D-44E1').optional(),
});

/**
 * Routes under /api/statements; `owners` finds the households statements are issued to (app.ts hands
 * over the registry's), `kinds` the kinds of statement a number may be of (GECS savings, rental advances).
 */
export function statementsRoutes(ctx: AppContext, owners: OwnerDirectory, kinds: readonly StatementAccounts[]): Router {
  const router = Router();
  const { knex } = ctx;

  /**
   * GET /api/statements/:number/verify?code=8F3A-91C2-0B7D-44E1 → whether that number was issued, for
   * which household and period, when and by whom, whether the code matches the one printed on it, and
   * whether the ledger still says the same today.
   */
  router.get(
    '/:number/verify',
    access.staff(),
    handle({ params: verifyParams, query: verifyQuery }, async ({ params, query }, req, res) => {
      res.json(await verifyStatement(knex, owners, kinds, authOf(req).user.organisationId, params.number, query.code));
    }),
  );

  return router;
}
