/**
 * What journey (the timeline) and gecs (linked advances) read of candidacies. They declare the shapes
 * (journey/candidacies.ts, gecs/candidacies.ts) and app.ts passes these functions: acquisitions imports
 * both modules, so neither may import it.
 */
import type { Knex } from 'knex';
import type { CandidacyLinkReader } from '../gecs/candidacies.ts';
import type { CandidacyStageReader } from '../journey/candidacies.ts';
import { compromisOf, findCandidacy, listCandidacies, projectNames, stagesOf } from './acquisitions.repository.ts';
import { hasReached, isClosed } from './stages.ts';

/** For gecs: whether an advance may be linked to a candidacy, and the deed dates advances are expected back on. */
export const candidacyLinks: CandidacyLinkReader = {
  async linkOf(knex: Knex, organisationId: string, candidacyId: string) {
    const c = await findCandidacy(knex, organisationId, candidacyId);
    if (!c) return null;
    const stages = (await stagesOf(knex, [c.id])).get(c.id) ?? [];
    const h = stages.map((s) => ({ key: s.stage, on: s.on }));
    return {
      householdId: c.householdId,
      reachedCompromis: hasReached(h, 'compromis'),
      closed: isClosed(h),
      withdrawn: h.some((s) => s.key === 'withdrawn'),
      deedOn: stages.find((s) => s.stage === 'deed')?.on ?? null,
      downPayment: (await compromisOf(knex, [c.id])).get(c.id)?.downPayment ?? null,
    };
  },
  async deedDatesOf(knex: Knex, candidacyIds: string[]) {
    if (candidacyIds.length === 0) return new Map();
    const rows = (await knex('candidacy_stages').whereIn('candidacy_id', candidacyIds).andWhere({ stage: 'deed' }).select('candidacy_id', 'stage_on')) as Array<{ candidacy_id: string; stage_on: string }>;
    return new Map(rows.map((r) => [r.candidacy_id, r.stage_on]));
  },
};

/** For journey: a household's candidacy stages as timeline items. */
export const candidacyStages: CandidacyStageReader = {
  async stagesOf(knex: Knex, organisationId: string, householdId: string) {
    const candidacies = await listCandidacies(knex, organisationId, { householdId });
    const stages = await stagesOf(knex, candidacies.map((c) => c.id));
    const names = await projectNames(knex, [...new Set(candidacies.map((c) => c.projectId))]);
    return candidacies
      .flatMap((c) => (stages.get(c.id) ?? []).map((s) => ({
        on: s.on, candidacyId: c.id, projectId: c.projectId, projectName: names.get(c.projectId) ?? '', stage: s.stage, reasonKey: s.reasonKey,
      })))
      .sort((a, b) => a.on.localeCompare(b.on));
  },
};
