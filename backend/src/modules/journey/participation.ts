import { Money } from '../../lib/money.ts';

/** Invitations to and attendances at held sessions, and their ratio. */
export interface Participation {
  invitations: number;
  attendances: number;
  /** attendances ÷ invitations as a decimal string with four places ("0.8600"); null without invitations. */
  participationRate: string | null;
}

/**
 * A ratio of two counts as a decimal string with four places, rounded half-up with decimal.js (never
 * floating point): ratio(6, 7) = "0.8571". Null when the denominator is zero: "no invitation" is not
 * a participation of 0 %.
 */
export function ratio(numerator: number, denominator: number): string | null {
  if (denominator === 0) return null;
  return new Money(numerator).dividedBy(denominator).toFixed(4, Money.ROUND_HALF_UP);
}

/** Participation from counts of invitations and attendances at held sessions. */
export function participation(invitations: number, attendances: number): Participation {
  return { invitations, attendances, participationRate: ratio(attendances, invitations) };
}
