/**
 * What the board and the timeline know of households' rental-deposit advances. Journey declares what
 * it reads and app.ts hands it the rental-deposits module's functions (as households gets its
 * PhaseReader): journey sits below the money features and imports none of them for this.
 */
import type { Knex } from 'knex';
import type { Money } from '../../lib/money.ts';

/** A household's arrears on its rental advances on a date: instalments not covered, the missing amount (euros, exact) and the oldest due date. */
export interface RentalArrears {
  instalments: number;
  amount: Money;
  oldestDueOn: string;
}

export type RentalMilestoneKind = 'opened' | 'released';

/** A landmark of a rental advance: the guarantee placed (amount), or released (what the landlord let go of, and how it was shared). Amounts are decimal strings. */
export interface RentalMilestone {
  on: string;
  milestone: RentalMilestoneKind;
  depositId: string;
  address: string;
  /** Opened: the guarantee placed. Released: the amount released (the guarantee minus what the landlord kept). */
  amount: string;
  landlordKept: string | null;
  toFund: string | null;
  toTenant: string | null;
}

/** Reads rental advances for journey (supplied by app.ts from modules/rental-deposits). */
export interface RentalAdvanceReader {
  /** Households (among the given ones) in arrears on a date, summed over their advances. */
  arrearsOf(knex: Knex, organisationId: string, householdIds: string[], on: string): Promise<Map<string, RentalArrears>>;
  /** A household's openings and releases, cancelled advances left out. */
  milestonesOf(knex: Knex, organisationId: string, householdId: string): Promise<RentalMilestone[]>;
}
