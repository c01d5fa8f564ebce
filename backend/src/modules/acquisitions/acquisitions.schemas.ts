import { z } from 'zod';
import { isoDate, isoMonth } from '../../lib/dates.ts';
import { Money, moneyString } from '../../lib/money.ts';
import { schemas } from '../../lib/validate.ts';
import { addExitReasonBody, calendarDate, keySchema, pastDate, updateExitReasonBody } from '../journey/journey.schemas.ts';
import { ALL_STAGES, PROJECT_STATUSES } from './stages.ts';

export const PARTNERS = ['fonds_du_logement', 'cltb', 'citydev', 'private_market', 'other'] as const;
export type Partner = (typeof PARTNERS)[number];
export const TENURES = ['full_ownership', 'clt_ground_lease', 'citydev_conditions'] as const;
export type Tenure = (typeof TENURES)[number];
export const TAX_REGIMES = ['registration_duties', 'vat'] as const;
export type TaxRegime = (typeof TAX_REGIMES)[number];

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `Must be one of ${values.join(', ')}` });

/**
 * A rate or share as a decimal fraction string between 0 and 1 ("0.30" is 30 %), with at most `places`
 * decimals: never a JSON number, as for amounts.
 */
export function fraction(places: number, max = '1') {
  const pattern = new RegExp(`^(0|1)(\\.\\d{1,${places}})?$`);
  return z
    .string({ error: (iss) => (iss.input === undefined ? 'Required' : `Must be a decimal fraction such as "0.30" (30 %)`) })
    .regex(pattern, `Must be a decimal fraction between 0 and 1 with at most ${places} decimals, such as "0.30" (30 %)`)
    .refine((v) => !pattern.test(v) || new Money(v).lte(max), `At most ${max}`);
}

const amount = moneyString({ min: 'positive' });
const nonNegative = moneyString({ min: 'nonNegative' });
const wholeNumber = (min: number, max: number) =>
  z.number({ error: 'Must be a whole number' }).int('Must be a whole number').min(min, `At least ${min}`).max(max, `At most ${max}`);
const floorArea = z
  .string({ error: 'Must be a decimal string such as "82.50"' })
  .regex(/^\d{1,6}(\.\d{1,2})?$/, 'Must be a decimal string such as "82.50" (m²)')
  .refine((v) => !/^\d{1,6}(\.\d{1,2})?$/.test(v) || new Money(v).gt(0), 'Must be greater than zero');

// ——— Projects ———

const projectFields = {
  name: schemas.text(200),
  partner: oneOf(PARTNERS),
  partnerName: schemas.optionalText(200),
  tenure: oneOf(TENURES),
  commune: schemas.text(100),
  address: schemas.optionalText(300),
  homes: wholeNumber(0, 10000),
  notes: schemas.optionalText(5000),
};

const needsPartnerName = (v: { partner?: string; partnerName?: string | null }) => v.partner !== 'other' || !!v.partnerName;

export const createProjectBody = z
  .strictObject({
    ...projectFields,
    deferredPriceMaxPercent: fraction(4).optional(),
    status: oneOf(PROJECT_STATUSES).default('prospect'),
    statusOn: pastDate.optional(),
  })
  .refine(needsPartnerName, { path: ['partnerName'], message: 'Required when partner is other' });
export type CreateProjectInput = z.infer<typeof createProjectBody>;

export const updateProjectBody = z
  .strictObject({
    name: projectFields.name.optional(),
    partner: projectFields.partner.optional(),
    partnerName: projectFields.partnerName,
    tenure: projectFields.tenure.optional(),
    commune: projectFields.commune.optional(),
    address: projectFields.address,
    homes: projectFields.homes.optional(),
    notes: projectFields.notes,
  })
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field');
export type UpdateProjectInput = z.infer<typeof updateProjectBody>;

export const projectStatusBody = z.strictObject({ status: oneOf(PROJECT_STATUSES), on: pastDate, note: schemas.optionalText(2000) });
export type ProjectStatusInput = z.infer<typeof projectStatusBody>;

export const projectRuleBody = z
  .strictObject({
    from: calendarDate,
    deferredPriceAllowed: z.boolean({ error: 'Must be true or false' }),
    deferredPriceMaxPercent: fraction(4).nullable().optional(),
    incomeCeiling: nonNegative.nullable().optional(),
    incomeCeilingPerDependent: nonNegative.nullable().optional(),
    occupancyYears: wholeNumber(0, 99).nullable().optional(),
    cltResaleSharePercent: fraction(4).nullable().optional(),
    note: schemas.optionalText(2000),
  })
  .refine((v) => v.deferredPriceAllowed || !v.deferredPriceMaxPercent, { path: ['deferredPriceMaxPercent'], message: 'Only when deferredPriceAllowed is true' });
export type ProjectRuleInput = z.infer<typeof projectRuleBody>;

// ——— Units ———

const unitFields = {
  label: schemas.text(60),
  floor: wholeNumber(-5, 200).nullable(),
  bedrooms: wholeNumber(0, 20),
  floorArea: floorArea.nullable(),
  price: amount,
  taxRegime: oneOf(TAX_REGIMES),
  vatRate: fraction(4).nullable(),
  landShare: nonNegative.nullable(),
};

export const createUnitBody = z
  .strictObject({
    ...unitFields,
    floor: unitFields.floor.optional(),
    floorArea: unitFields.floorArea.optional(),
    taxRegime: unitFields.taxRegime.default('registration_duties'),
    vatRate: unitFields.vatRate.optional(),
    landShare: unitFields.landShare.optional(),
  })
  .superRefine((v, ctx) => checkVatFields(v, ctx));
export type CreateUnitInput = z.infer<typeof createUnitBody>;

export const updateUnitBody = z
  .strictObject({
    label: unitFields.label.optional(),
    floor: unitFields.floor.optional(),
    bedrooms: unitFields.bedrooms.optional(),
    floorArea: unitFields.floorArea.optional(),
    price: unitFields.price.optional(),
    taxRegime: unitFields.taxRegime.optional(),
    vatRate: unitFields.vatRate.optional(),
    landShare: unitFields.landShare.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field');
export type UpdateUnitInput = z.infer<typeof updateUnitBody>;

/** A VAT unit has a VAT rate and a land share (at most the price); a unit under duties has neither. */
export function checkVatFields(
  v: { taxRegime?: string; vatRate?: string | null; landShare?: string | null; price?: string },
  ctx: { addIssue: (issue: { code: 'custom'; path: string[]; message: string }) => void },
): void {
  if (v.taxRegime === 'vat') {
    if (!v.vatRate) ctx.addIssue({ code: 'custom', path: ['vatRate'], message: 'Required with taxRegime vat' });
    if (!v.landShare) ctx.addIssue({ code: 'custom', path: ['landShare'], message: 'Required with taxRegime vat' });
  } else if (v.taxRegime === 'registration_duties') {
    if (v.vatRate) ctx.addIssue({ code: 'custom', path: ['vatRate'], message: 'Only with taxRegime vat' });
    if (v.landShare) ctx.addIssue({ code: 'custom', path: ['landShare'], message: 'Only with taxRegime vat' });
  }
  const wellFormed = (s: string | null | undefined): s is string => typeof s === 'string' && /^-?\d{1,12}(\.\d{1,2})?$/.test(s);
  if (wellFormed(v.landShare) && wellFormed(v.price) && new Money(v.landShare).gt(v.price)) {
    ctx.addIssue({ code: 'custom', path: ['landShare'], message: 'Must not be more than the price' });
  }
}

// ——— Candidacies ———

export const createCandidacyBody = z.strictObject({ householdId: schemas.uuid, on: pastDate, note: schemas.optionalText(2000) });
export type CreateCandidacyInput = z.infer<typeof createCandidacyBody>;

const loanBody = z.strictObject({
  lender: schemas.text(200),
  amount: nonNegative.optional(),
  annualRate: fraction(6, '0.25'),
  years: wholeNumber(1, 50),
  monthlyPayment: nonNegative.optional(),
});

export const deedBody = z.strictObject({
  notary: schemas.text(200),
  onlyHome: z.boolean({ error: 'Must be true or false' }).default(true),
  price: amount.optional(),
  deferredPercent: fraction(4).optional(),
  deferredAmount: nonNegative.optional(),
  registrationDuties: nonNegative.optional(),
  notaryFees: nonNegative.optional(),
  vat: nonNegative.optional(),
  ownFunds: nonNegative.optional(),
  loan: loanBody.optional(),
});
export type DeedInput = z.infer<typeof deedBody>;

export const stageBody = z
  .strictObject({
    stage: oneOf(ALL_STAGES as unknown as readonly [string, ...string[]]),
    on: pastDate,
    note: schemas.optionalText(2000),
    unitId: schemas.uuid.optional(),
    compromis: z.strictObject({ price: amount.optional(), downPayment: amount }).optional(),
    deed: deedBody.optional(),
    withdrawal: z.strictObject({ reasonKey: keySchema, confirmCancelAdvance: z.boolean({ error: 'Must be true or false' }).default(false) }).optional(),
  })
  .superRefine((v, ctx) => {
    const only = (field: 'compromis' | 'deed' | 'withdrawal', stage: string) => {
      if (v.stage === stage && v[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `Required with stage ${stage}` });
      if (v.stage !== stage && v[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: `Only with stage ${stage}` });
    };
    only('compromis', 'compromis');
    only('deed', 'deed');
    only('withdrawal', 'withdrawn');
    if (v.unitId !== undefined && ['interested', 'candidate', 'moved_in', 'withdrawn'].includes(v.stage)) {
      ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'A unit is given from stage selected up to the deed' });
    }
    const c = v.compromis;
    if (c?.price && /^\d{1,12}(\.\d{1,2})?$/.test(c.price) && /^\d{1,12}(\.\d{1,2})?$/.test(c.downPayment) && new Money(c.downPayment).gt(c.price)) {
      ctx.addIssue({ code: 'custom', path: ['compromis', 'downPayment'], message: 'Must not be more than the price' });
    }
  });
export type StageInput = z.infer<typeof stageBody>;

// ——— Withdrawal reasons (the same shape as exit reasons) ———

export const addReasonBody = addExitReasonBody;
export const updateReasonBody = updateExitReasonBody;
export { keyParams } from '../journey/journey.schemas.ts';

// ——— Simulator ———

export const simulationBody = z
  .strictObject({
    price: amount,
    compromisOn: calendarDate,
    onlyHome: z.boolean({ error: 'Must be true or false' }),
    vat: z.strictObject({ rate: fraction(4), landShare: nonNegative }).nullable().optional(),
    deferredPercent: fraction(4).nullable().optional(),
    ownFunds: nonNegative,
    loan: z.strictObject({ annualRate: fraction(6, '0.25'), years: wholeNumber(1, 50) }),
    householdId: schemas.uuid.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.vat && /^\d{1,12}(\.\d{1,2})?$/.test(v.vat.landShare) && /^\d{1,12}(\.\d{1,2})?$/.test(v.price) && new Money(v.vat.landShare).gt(v.price)) {
      ctx.addIssue({ code: 'custom', path: ['vat', 'landShare'], message: 'Must not be more than the price' });
    }
  });
export type SimulationInput = z.infer<typeof simulationBody>;

// ——— Charts ———

const monthOrDate = z.union([isoMonth, isoDate], { error: 'Must be a month (YYYY-MM) or a date (YYYY-MM-DD)' }).transform((v) => v.slice(0, 7));
export const seriesQuery = z
  .strictObject({ from: monthOrDate.optional(), to: monthOrDate.optional() })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: 'Must not be before from' });

export const distributionQuery = z.strictObject({
  year: z
    .string({ error: 'Required: a year such as 2025' })
    .regex(/^\d{4}$/, 'Must be a year such as 2025')
    .transform(Number)
    .pipe(z.number().int().min(1990, 'At least 1990').max(2200, 'At most 2200')),
});

