import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  isIsoDate,
  isoDate,
  isoMonth,
  monthEnd,
  monthOf,
  monthStart,
  monthsBetween,
  pastOrTodayDate,
  today,
} from '../../backend/src/lib/dates.ts';

describe('calendar dates', () => {
  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2025-02-28')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-00-10')).toBe(false);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate('2025-01-01T00:00:00Z')).toBe(false);
    expect(isIsoDate(' 2025-01-01')).toBe(false);
    expect(isIsoDate('1899-12-31')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });

  it("gives today's date in Brussels, not in UTC", () => {
    // 23:30 UTC on 31 December is already 1 January in Brussels (UTC+1 in winter).
    expect(today(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    // 22:30 UTC on 30 June is 00:30 on 1 July in Brussels (UTC+2 in summer).
    expect(today(new Date('2025-06-30T22:30:00Z'))).toBe('2025-07-01');
    expect(today(new Date('2025-06-30T21:59:00Z'))).toBe('2025-06-30');
    expect(today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('takes months and their first and last days', () => {
    expect(monthOf('2025-03-17')).toBe('2025-03');
    expect(monthStart('2025-03')).toBe('2025-03-01');
    expect(monthStart('2025-03-17')).toBe('2025-03-01');
    expect(monthEnd('2025-01')).toBe('2025-01-31');
    expect(monthEnd('2025-02-10')).toBe('2025-02-28');
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2100-02')).toBe('2100-02-28');
    expect(monthEnd('2000-02')).toBe('2000-02-29');
    expect(monthEnd('2025-04')).toBe('2025-04-30');
    expect(monthEnd('2025-12')).toBe('2025-12-31');
  });

  it('adds months across years, backwards too', () => {
    expect(addMonths('2025-01', 1)).toBe('2025-02');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2025-03-31', -11)).toBe('2024-04');
    expect(addMonths('2025-06', 0)).toBe('2025-06');
    expect(addMonths('2025-06', 240)).toBe('2045-06');
    expect(addMonths('2025-06', -25)).toBe('2023-05');
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31'); // daylight saving change in Brussels: no shift
    expect(addDays('2025-10-26', 1)).toBe('2025-10-27');
    expect(addDays('2025-05-15', 0)).toBe('2025-05-15');
    expect(addDays('2025-05-15', 365)).toBe('2026-05-15');
  });

  it('lists months between two dates, both included', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2025-03', '2025-03')).toEqual(['2025-03']);
    expect(monthsBetween('2025-04-01', '2025-03-31')).toEqual([]);
  });

  it('counts whole days between dates, whatever the time zone of the process', () => {
    expect(daysBetween('2025-01-31', '2025-03-01')).toBe(29);
    expect(daysBetween('2024-01-31', '2024-03-01')).toBe(30);
    expect(daysBetween('2025-03-01', '2025-01-31')).toBe(-29);
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2025-06-30', '2025-06-30')).toBe(0);
  });

  it('validates dates and months with messages a person can act on', () => {
    expect(isoDate.safeParse('2025-02-28').success).toBe(true);
    const bad = isoDate.safeParse('2025-02-30');
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toBe('Must be a real date written YYYY-MM-DD');
    expect(isoDate.safeParse(20250228).error!.issues[0]!.message).toBe('Must be a date YYYY-MM-DD');
    expect(isoDate.safeParse(undefined).error!.issues[0]!.message).toBe('Required');

    expect(isoMonth.safeParse('2025-12').success).toBe(true);
    for (const v of ['2025-13', '2025-00', '2025-1', '25-01', '2025-01-01', '1899-12']) expect(isoMonth.safeParse(v).success, v).toBe(false);
  });

  it('refuses a date in the future where only the past or today makes sense', () => {
    expect(pastOrTodayDate.safeParse(today()).success).toBe(true);
    expect(pastOrTodayDate.safeParse('2020-01-01').success).toBe(true);
    const tomorrow = addDays(today(), 1);
    const res = pastOrTodayDate.safeParse(tomorrow);
    expect(res.success).toBe(false);
    expect(res.error!.issues.map((i) => i.message)).toEqual(['Must not be in the future']);
  });
});
