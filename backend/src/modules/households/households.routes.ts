import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { access, actorOf, authOf } from '../../lib/access.ts';
import { AppError } from '../../lib/errors.ts';
import { handle, schemas } from '../../lib/validate.ts';
import { activationCodeHash } from '../auth/auth.service.ts';
import { createHouseholdBody, letterBody, listHouseholdsQuery, updateHouseholdBody } from './households.schemas.ts';
import { householdAudit, isLiveActivationCode, listHouseholds, type Household } from './households.repository.ts';
import { createHousehold, getHousehold, issueActivationCode, updateHousehold } from './households.service.ts';
import { presentAuditRow, presentHousehold, presentHouseholdSummary } from './households.presenter.ts';
import { renderActivationLetter } from './activation.letter.ts';

const historyQuery = z.strictObject({
  limit: schemas.queryInt(1, 500).default(200),
  before: schemas.queryInt(1, 2 ** 31).optional(),
});

/**
 * The current journey phase key (or null) of each household. The journey module knows phases and sits
 * above the registry: app.ts hands its reader in, so the registry imports no feature module.
 */
export type PhaseReader = (knex: Knex, householdIds: string[]) => Promise<Map<string, string | null>>;

/** The household registry: staff manage it; a household reads its own record. */
export function householdsRoutes(ctx: AppContext, phasesOf: PhaseReader): Router {
  const router = Router();
  const { knex, config } = ctx;
  const withPhase = async <H extends Household>(household: H): Promise<H & { currentPhase: string | null }> => ({
    ...household,
    currentPhase: (await phasesOf(knex, [household.id])).get(household.id) ?? null,
  });

  router.get(
    '/',
    access.staff(),
    handle({ query: listHouseholdsQuery }, async ({ query }, req, res) => {
      const { items, total } = await listHouseholds(knex, authOf(req).user.organisationId, query);
      const phases = await phasesOf(knex, items.map((h) => h.id));
      res.json({ items: items.map((h) => presentHouseholdSummary({ ...h, currentPhase: phases.get(h.id) ?? null })), total, page: query.page, pageSize: query.pageSize });
    }),
  );

  router.post(
    '/',
    access.staff(),
    handle({ body: createHouseholdBody }, async ({ body }, req, res) => {
      const household = await createHousehold(knex, actorOf(req, res), authOf(req).user.organisationId, body);
      res.status(201).location(`/api/households/${household.id}`).json(presentHousehold(await withPhase(household), 'staff'));
    }),
  );

  router.get(
    '/:id',
    access.staffOrOwnHousehold('id'),
    handle({ params: schemas.idParams }, async ({ params }, req, res) => {
      const { user } = authOf(req);
      const household = await getHousehold(knex, user.organisationId, params.id);
      res.json(presentHousehold(await withPhase(household), user.role === 'household' ? 'household' : 'staff'));
    }),
  );

  router.patch(
    '/:id',
    access.staff(),
    handle({ params: schemas.idParams, body: updateHouseholdBody }, async ({ params, body }, req, res) => {
      const household = await updateHousehold(knex, actorOf(req, res), authOf(req).user.organisationId, params.id, body);
      res.json(presentHousehold(await withPhase(household), 'staff'));
    }),
  );

  router.get(
    '/:id/history',
    access.staff(),
    handle({ params: schemas.idParams, query: historyQuery }, async ({ params, query }, req, res) => {
      await getHousehold(knex, authOf(req).user.organisationId, params.id);
      const rows = await householdAudit(knex, params.id, { limit: query.limit, beforeId: query.before });
      res.json({ items: rows.map(presentAuditRow), nextBefore: rows.length === query.limit ? rows.at(-1)!.id : null });
    }),
  );

  router.post(
    '/:id/activation',
    access.staff(),
    handle({ params: schemas.idParams }, async ({ params }, req, res) => {
      const { code, expiresAt } = await issueActivationCode(knex, actorOf(req, res), authOf(req).user.organisationId, params.id);
      res.status(201).set('Cache-Control', 'no-store').json({ code, expiresAt: expiresAt.toISOString() });
    }),
  );

  router.post(
    '/:id/activation/letter',
    access.staff(),
    handle({ params: schemas.idParams, body: letterBody }, async ({ params, body }, req, res) => {
      const household = await getHousehold(knex, authOf(req).user.organisationId, params.id);
      // The code is never stored: the letter is printed from the code the staff member just received.
      const expiresAt = await isLiveActivationCode(knex, params.id, activationCodeHash(body.code));
      if (!expiresAt) throw new AppError(400, 'invalid_activation_code', 'Invalid code', 'This is not the live activation code of this household.');
      const origin = config.publicOrigin ?? `${req.protocol}://${req.get('host')}`;
      const pdf = await renderActivationLetter({
        organisationName: config.organisationName,
        household: { displayName: household.displayName, reference: household.reference, preferredLanguage: household.preferredLanguage },
        code: body.code.toUpperCase(),
        expiresAt,
        loginUrl: `${origin}/login`,
      });
      res
        .status(200)
        .set('Cache-Control', 'no-store')
        .type('application/pdf')
        .attachment(`activation-${household.reference}.pdf`)
        .send(pdf);
    }),
  );

  return router;
}
