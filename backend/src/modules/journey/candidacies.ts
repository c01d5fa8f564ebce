/**
 * What the journey timeline knows of a household's acquisition candidacies: each dated stage. Journey
 * declares what it reads and app.ts hands it the acquisitions module's function
 * (acquisitions/acquisitions.readers.ts): acquisitions imports journey (the deed moves the household
 * to `owner`), so journey never imports it.
 */
import type { Knex } from 'knex';

/** One recorded stage of a candidacy, as the timeline shows it. */
export interface CandidacyStageMilestone {
  on: string;
  candidacyId: string;
  projectId: string;
  projectName: string;
  /** interested, candidate, selected, unit_allocated, compromis, credit_approved, deed, moved_in or withdrawn. */
  stage: string;
  /** The withdrawal reason's key, for a withdrawal. */
  reasonKey: string | null;
}

/** Reads candidacies for journey (supplied by app.ts from modules/acquisitions). */
export interface CandidacyStageReader {
  /** A household's candidacy stages, by date. */
  stagesOf(knex: Knex, organisationId: string, householdId: string): Promise<CandidacyStageMilestone[]>;
}

/** A reader that knows no candidacy. */
export const NO_CANDIDACY_STAGES: CandidacyStageReader = { stagesOf: async () => [] };
