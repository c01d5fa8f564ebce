import { z } from 'zod';
import { today } from '../../lib/dates.ts';
import { LANGUAGES } from '../../lib/locale.ts';
import { moneyString } from '../../lib/money.ts';
import { schemas } from '../../lib/validate.ts';

export const memberSchema = z.strictObject({
  firstName: schemas.text(100),
  lastName: schemas.text(100),
  kind: z.enum(['adult', 'child'], { error: 'Must be adult or child' }),
  birthYear: z
    .number({ error: 'Must be a year such as 1985' })
    .int('Must be a year such as 1985')
    .min(1900, 'Must be 1900 or later')
    // This year is read per request, not once when the server starts (it may run past New Year).
    .refine((y) => y <= Number(today().slice(0, 4)), 'Must not be in the future')
    .nullable()
    .optional(),
});

// Belgian and international numbers as people write them: "+32 470 12 34 56", "0470/12.34.56".
const phone = z
  .string()
  .trim()
  .max(30, 'At most 30 characters')
  .refine((v) => v === '' || (/^\+?[0-9 ./()-]+$/.test(v) && /^\d{8,15}$/.test(v.replace(/\D/g, ''))), 'Must be a phone number such as +32 470 12 34 56')
  .nullable()
  .optional()
  .transform((v) => (v === '' ? null : v));

const email = z
  .union([z.literal(''), z.email({ error: 'Must be an e-mail address' }).max(320)])
  .nullable()
  .optional()
  .transform((v) => (v === undefined ? undefined : v === '' || v === null ? null : v.toLowerCase()));

const householdFields = {
  displayName: schemas.text(200),
  members: z.array(memberSchema).max(20, 'At most 20 members'),
  phone,
  email,
  preferredLanguage: z.enum(LANGUAGES, { error: 'Must be fr, nl or en' }),
  commune: schemas.optionalText(100),
  dependents: z.number({ error: 'Must be a whole number' }).int('Must be a whole number').min(0, 'Must not be negative').max(30, 'At most 30'),
  monthlyIncome: moneyString({ min: 'nonNegative' }).nullable(),
  referentId: schemas.uuid.nullable(),
  flags: z.strictObject({ singleParent: z.boolean().optional(), pasSolo: z.boolean().optional() }),
  notes: schemas.optionalText(5000),
};

export const createHouseholdBody = z.strictObject({
  ...householdFields,
  members: householdFields.members.default([]),
  preferredLanguage: householdFields.preferredLanguage.default('fr'),
  dependents: householdFields.dependents.default(0),
  monthlyIncome: householdFields.monthlyIncome.optional(),
  referentId: householdFields.referentId.optional(),
  flags: householdFields.flags.optional(),
});
export type CreateHouseholdInput = z.infer<typeof createHouseholdBody>;

export const updateHouseholdBody = z
  .strictObject({
    displayName: householdFields.displayName.optional(),
    members: householdFields.members.optional(),
    phone,
    email,
    preferredLanguage: householdFields.preferredLanguage.optional(),
    commune: householdFields.commune,
    dependents: householdFields.dependents.optional(),
    monthlyIncome: householdFields.monthlyIncome.optional(),
    referentId: householdFields.referentId.optional(),
    flags: householdFields.flags.optional(),
    notes: householdFields.notes,
  })
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field');
export type UpdateHouseholdInput = z.infer<typeof updateHouseholdBody>;

export const listHouseholdsQuery = z.strictObject({
  q: z.string().trim().max(100, 'At most 100 characters').optional(),
  referentId: schemas.uuid.optional(),
  singleParent: schemas.queryBoolean.optional(),
  pasSolo: schemas.queryBoolean.optional(),
  page: schemas.queryInt(1, 100000).default(1),
  pageSize: schemas.queryInt(1, 100).default(25),
});
export type ListHouseholdsQuery = z.infer<typeof listHouseholdsQuery>;

export const letterBody = z.strictObject({ code: z.string({ error: 'Required' }).trim().min(1, 'Required').max(40) });
