import { z } from 'zod';
import { isoDate, isoMonth, pastOrTodayDate } from '../../lib/dates.ts';
import { moneyString } from '../../lib/money.ts';
import { schemas } from '../../lib/validate.ts';

export const EXIT_POLICIES = ['refund_now', 'refund_at_group_end', 'refund_minus_costs'] as const;
export const OFFICER_ROLES = ['president', 'treasurer', 'secretary'] as const;

const positiveAmount = moneyString({ min: 'positive' });
const note = schemas.optionalText(500);
/** A month's first day, given as 'YYYY-MM' or 'YYYY-MM-01'. */
const monthFrom = z.union([isoMonth, isoDate]).refine((v) => v.length === 7 || v.endsWith('-01'), 'Must be a month (YYYY-MM) or its first day');

export const createGroupBody = z.strictObject({
  name: schemas.text(120),
  cohort: schemas.text(40),
  startsOn: isoDate,
  endsOn: isoDate.nullable().optional(),
  monthlyAmount: positiveAmount,
  exitPolicy: z.enum(EXIT_POLICIES, { error: `Must be one of ${EXIT_POLICIES.join(', ')}` }),
  exitCost: moneyString({ min: 'nonNegative' }).optional(),
});
export type CreateGroupInput = z.infer<typeof createGroupBody>;

export const updateGroupBody = z
  .strictObject({
    name: schemas.text(120).optional(),
    cohort: schemas.text(40).optional(),
    endsOn: isoDate.nullable().optional(),
    exitCost: moneyString({ min: 'nonNegative' }).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change');
export type UpdateGroupInput = z.infer<typeof updateGroupBody>;

export const monthlyAmountBody = z.strictObject({ amount: positiveAmount, from: monthFrom });

export const joinBody = z.strictObject({ householdId: schemas.uuid, joinedOn: isoDate });
export const leaveBody = z.strictObject({ leftOn: isoDate });
export const memberParams = z.strictObject({ id: schemas.uuid, householdId: schemas.uuid });
export const officerBody = z.strictObject({
  officerRole: z.enum(OFFICER_ROLES, { error: `Must be one of ${OFFICER_ROLES.join(', ')}` }).nullable(),
});

export const depositBody = z.strictObject({
  target: z.enum(['group', 'individual'], { error: 'Must be "group" or "individual"' }),
  amount: positiveAmount,
  valueDate: pastOrTodayDate,
  bankReference: schemas.optionalText(100),
  note,
});
/** What a deposit needs; the optional texts may be left out by callers other than the route (seeds, bench, tests). */
export type DepositInput = Omit<z.infer<typeof depositBody>, 'bankReference' | 'note'> & { bankReference?: string | null; note?: string | null };

export const advanceBody = z.strictObject({
  householdId: schemas.uuid,
  amount: positiveAmount,
  valueDate: pastOrTodayDate,
  status: z.enum(['approved', 'paid'], { error: 'Must be "approved" or "paid"' }),
  note,
  /** The acquisition candidacy (at compromis or later) whose down payment this advance is. */
  candidacyId: schemas.uuid.optional(),
});
export type AdvanceInput = Omit<z.infer<typeof advanceBody>, 'note' | 'candidacyId'> & { note?: string | null; candidacyId?: string | null };

export const payAdvanceBody = z.strictObject({ valueDate: pastOrTodayDate });
export const cancelAdvanceBody = z.strictObject({ reason: schemas.text(500), on: pastOrTodayDate.optional() });
export const repaymentBody = z.strictObject({ amount: positiveAmount, valueDate: pastOrTodayDate, note });
export const refundBody = z.strictObject({ valueDate: pastOrTodayDate, note });
export const dividendBody = z.strictObject({ amount: positiveAmount, valueDate: pastOrTodayDate, note });
export { closingBody, exportQuery, onQuery, periodQuery, reversalBody } from '../../lib/queries.ts';
