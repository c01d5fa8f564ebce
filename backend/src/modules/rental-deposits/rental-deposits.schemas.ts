import { z } from 'zod';
import { isoDate, isoMonth, pastOrTodayDate } from '../../lib/dates.ts';
import { compactIban, isValidIban } from '../../lib/iban.ts';
import { moneyString } from '../../lib/money.ts';
import { schemas } from '../../lib/validate.ts';
import { MAX_INSTALMENTS, sameDayMonthsLater } from './plan.ts';

export const DEPOSIT_STATUSES = ['open', 'released', 'closed', 'cancelled'] as const;

const positiveAmount = moneyString({ min: 'positive' });

export const contributionBody = z.strictObject({ amount: positiveAmount, valueDate: pastOrTodayDate, note: schemas.optionalText(500) });

export const fundBody = z
  .strictObject({
    name: schemas.text(120).optional(),
    iban: z
      .string()
      .trim()
      .refine((v) => v === '' || isValidIban(v), 'Must be a valid IBAN (for Belgium: BEkk BBBA AAAA AACC with valid check digits)')
      .transform((v) => (v === '' ? null : compactIban(v)))
      .nullable()
      .optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change');

const plan = z.union(
  [
    z.strictObject({ instalment: positiveAmount }),
    z.strictObject({ months: z.number({ error: 'Must be a whole number of months' }).int('Must be a whole number of months').min(1, 'At least 1').max(MAX_INSTALMENTS, `At most ${MAX_INSTALMENTS}`) }),
  ],
  { error: 'Must be { "instalment": "50.00" } or { "months": 24 }' },
);

export const openingBody = z.strictObject({
  householdId: schemas.uuid,
  landlord: z.strictObject({
    name: schemas.text(200),
    phone: schemas.optionalText(40),
    email: z.email({ error: 'Must be an e-mail address' }).max(200).nullable().optional().or(z.literal('').transform(() => null)),
  }),
  address: schemas.text(300),
  monthlyRent: positiveAmount,
  amount: positiveAmount,
  openedOn: pastOrTodayDate,
  bank: schemas.optionalText(100),
  blockedAccountReference: schemas.optionalText(100),
  plan,
  firstDueOn: isoDate,
})
  .refine((v) => v.firstDueOn >= v.openedOn, { path: ['firstDueOn'], message: 'Must not be before the opening date' })
  .refine((v) => v.firstDueOn <= sameDayMonthsLater(v.openedOn, 12), { path: ['firstDueOn'], message: 'Must be within twelve months of the opening date' });

export const repaymentBody = z.strictObject({ amount: positiveAmount, valueDate: pastOrTodayDate, bankReference: schemas.optionalText(100) });

export const releaseBody = z.strictObject({ releasedOn: pastOrTodayDate, landlordKept: moneyString({ min: 'nonNegative' }) });
export const releaseQuery = releaseBody;

export const writeOffBody = z.strictObject({ amount: positiveAmount, reason: schemas.text(500), valueDate: pastOrTodayDate.optional() });

export { closingBody, exportQuery, languageQuery, onQuery, periodQuery, reversalBody } from '../../lib/queries.ts';

export const listQuery = z.strictObject({
  on: isoDate.optional(),
  status: z.enum(DEPOSIT_STATUSES, { error: `Must be one of ${DEPOSIT_STATUSES.join(', ')}` }).optional(),
  householdId: schemas.uuid.optional(),
});

/** ?from&to as months ('YYYY-MM') or dates in them. */
const monthOrDate = z.union([isoMonth, isoDate], { error: 'Must be a month (YYYY-MM) or a date (YYYY-MM-DD)' }).transform((v) => v.slice(0, 7));
export const seriesQuery = z
  .strictObject({ from: monthOrDate, to: monthOrDate })
  .refine((v) => v.from <= v.to, { path: ['to'], message: 'Must not be before from' });
