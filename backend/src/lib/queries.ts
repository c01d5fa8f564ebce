/** Request schemas shared by every feature: a date, a period, a month, a reason, a document's language. */
import { z } from 'zod';
import { isoDate, isoMonth } from './dates.ts';
import { schemas } from './validate.ts';

/** ?on=YYYY-MM-DD, today when absent. */
export const onQuery = z.strictObject({ on: isoDate.optional() });

/** ?from&to, both optional dates; to must not be before from. */
export const periodQuery = z
  .strictObject({ from: isoDate.optional(), to: isoDate.optional() })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'Must not be before from', path: ['to'] });

/** ?from&to&lang of a statement or an export; lang defaults to the owner's (statements) or the reader's. */
export const exportQuery = z
  .strictObject({ from: isoDate.optional(), to: isoDate.optional(), lang: z.enum(['fr', 'nl', 'en']).optional() })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'Must not be before from', path: ['to'] });

/** ?lang of a document; the owner's language when absent. */
export const languageQuery = z.strictObject({ lang: z.enum(['fr', 'nl', 'en'], { error: 'Must be fr, nl or en' }).optional() });

/** { month: 'YYYY-MM' } of a month closing. */
export const closingBody = z.strictObject({ month: isoMonth });

/** { reason } of a reversal: why posted money is corrected, printed on statements. */
export const reversalBody = z.strictObject({ reason: schemas.text(500) });

/** At most this many months in a chart series. */
export const MAX_SERIES_MONTHS = 360;
