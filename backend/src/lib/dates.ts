/**
 * Calendar dates as 'YYYY-MM-DD' strings and months as 'YYYY-MM', the way the database returns them.
 * All arithmetic is on the calendar (UTC), never on local time, so a date never shifts by a day.
 */
import { z } from 'zod';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** Is this a real calendar date written 'YYYY-MM-DD' (no 2025-02-30)? */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) && Number(m[1]) >= 1900;
}

/** Today's date where the service works (Brussels). */
export function today(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** 'YYYY-MM' of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** First day of a month ('YYYY-MM' or a date in it). */
export function monthStart(month: string): string {
  return `${month.slice(0, 7)}-01`;
}

/** Last day of a month ('YYYY-MM' or a date in it). */
export function monthEnd(month: string): string {
  const [y, m] = month.slice(0, 7).split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month.slice(0, 7)}-${String(last).padStart(2, '0')}`;
}

/** The month n months after ('YYYY-MM'); n may be negative. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.slice(0, 7).split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The date n days after a date; n may be negative. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Months from a to b inclusive ('YYYY-MM'); empty when b is before a. */
export function monthsBetween(a: string, b: string): string[] {
  const out: string[] = [];
  for (let month = a.slice(0, 7); month <= b.slice(0, 7); month = addMonths(month, 1)) out.push(month);
  return out;
}

/** How many months from a to b inclusive ('YYYY-MM' or dates in them); 0 or less when b is before a. */
export function monthCount(a: string, b: string): number {
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7)) + 1;
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** zod: a 'YYYY-MM-DD' calendar date. */
export const isoDate = z
  .string({ error: (iss) => (iss.input === undefined ? 'Required' : 'Must be a date YYYY-MM-DD') })
  .refine(isIsoDate, 'Must be a real date written YYYY-MM-DD');

/** zod: a date that is not after today. */
export const pastOrTodayDate = isoDate.refine((v) => !isIsoDate(v) || v <= today(), 'Must not be in the future');

/** zod: a month 'YYYY-MM'. */
export const isoMonth = z
  .string({ error: (iss) => (iss.input === undefined ? 'Required' : 'Must be a month YYYY-MM') })
  .refine((v) => MONTH.test(v) && Number(v.slice(5, 7)) >= 1 && Number(v.slice(5, 7)) <= 12 && Number(v.slice(0, 4)) >= 1900, 'Must be a month written YYYY-MM');
