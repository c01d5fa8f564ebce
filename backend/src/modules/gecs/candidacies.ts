/**
 * What gecs reads of acquisition candidacies: whether an advance may be linked to one (same household,
 * compromis reached, not withdrawn) and the deed date at which a linked advance is expected back. Gecs
 * declares it and app.ts hands it the acquisitions module's functions (acquisitions/acquisitions.readers.ts):
 * acquisitions imports gecs (it cancels an advance when a candidacy is withdrawn), so gecs never imports it.
 */
import type { Knex } from 'knex';

/** A candidacy as an advance sees it. */
export interface CandidacyLink {
  householdId: string;
  /** The compromis stage (or a later one) is recorded. */
  reachedCompromis: boolean;
  /** Withdrawn or moved in: nothing more happens on it. */
  closed: boolean;
  withdrawn: boolean;
  /** The deed's date, once recorded. */
  deedOn: string | null;
  /** The compromis's down payment (acompte), euros as a decimal string: the most the pot may advance for it. */
  downPayment: string | null;
}

/** Reads candidacies for gecs (supplied by app.ts from modules/acquisitions). */
export interface CandidacyLinkReader {
  /** A candidacy of the organisation, or null. */
  linkOf(knex: Knex, organisationId: string, candidacyId: string): Promise<CandidacyLink | null>;
  /** The deed dates of candidacies that have one. */
  deedDatesOf(knex: Knex, candidacyIds: string[]): Promise<Map<string, string>>;
}

/** A reader that knows no candidacy (for callers without acquisitions, e.g. benches). */
export const NO_CANDIDACIES: CandidacyLinkReader = {
  linkOf: async () => null,
  deedDatesOf: async () => new Map(),
};
