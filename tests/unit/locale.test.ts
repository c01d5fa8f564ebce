import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatMoney, LANGUAGES, localeOf } from '../../backend/src/lib/locale.ts';

const NNBSP = '\u202f'; // narrow no-break space: fr-BE groups thousands with it
const NBSP = '\u00a0';

describe('localeOf', () => {
  it('maps every language to its Belgian locale', () => {
    expect(LANGUAGES.map(localeOf)).toEqual(['fr-BE', 'nl-BE', 'en-BE']);
  });
});

describe('formatDate', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it.each(['UTC', 'Europe/Brussels', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Los_Angeles'])(
    'prints a YYYY-MM-DD calendar date as that very day when the server runs in %s',
    (tz) => {
      process.env.TZ = tz;
      expect(formatDate('2026-12-11', 'fr')).toBe('11 décembre 2026');
      expect(formatDate('2026-12-11', 'nl')).toBe('11 december 2026');
      expect(formatDate('2026-12-11', 'en')).toBe('11 December 2026');
      expect(formatDate('2027-01-01', 'fr')).toBe('1 janvier 2027');
      expect(formatDate('2026-12-31', 'en')).toBe('31 December 2026');
    },
  );

  it('shows an instant as the day in Brussels, across winter and summer time', () => {
    process.env.TZ = 'UTC';
    // 23:30 UTC is already the next day in Brussels (UTC+1 in winter, UTC+2 in summer).
    expect(formatDate(new Date('2026-03-28T23:30:00Z'), 'fr')).toBe('29 mars 2026');
    expect(formatDate('2026-06-30T22:30:00Z', 'nl')).toBe('1 juli 2026');
    expect(formatDate('2026-06-30T21:30:00Z', 'nl')).toBe('30 juni 2026');
  });

  it('adds the Brussels time on request', () => {
    process.env.TZ = 'Asia/Tokyo';
    const expiresAt = new Date('2026-12-11T22:59:00Z');
    expect(formatDate(expiresAt, 'fr', { withTime: true })).toBe('11 décembre 2026 à 23:59');
    expect(formatDate(expiresAt, 'nl', { withTime: true })).toBe('11 december 2026 om 23:59');
    expect(formatDate(expiresAt, 'en', { withTime: true })).toBe('11 December 2026 at 23:59');
  });

  it('refuses impossible and unreadable dates', () => {
    expect(() => formatDate('2026-02-30', 'fr')).toThrow(RangeError);
    expect(() => formatDate('next tuesday', 'fr')).toThrow(RangeError);
    expect(() => formatDate(new Date(Number.NaN), 'en')).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it('prints euros the way Intl does for each Belgian locale', () => {
    const intl = (locale: string) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
    expect(formatMoney('1234.50', 'fr')).toBe(intl('fr-BE').format(1234.5));
    expect(formatMoney('1234.50', 'fr')).toBe(`1${NNBSP}234,50${NBSP}€`);
    expect(formatMoney('1234.50', 'nl')).toBe(intl('nl-BE').format(1234.5));
    expect(formatMoney('1234.50', 'nl')).toBe(`€${NBSP}1.234,50`);
    expect(formatMoney('1234.50', 'en')).toBe('€1,234.50');
  });

  it('prints negative amounts with a minus sign', () => {
    expect(formatMoney('-1234.50', 'fr')).toBe(`-1${NNBSP}234,50${NBSP}€`);
    expect(formatMoney('-1234.50', 'nl')).toBe(`€${NBSP}-1.234,50`);
    expect(formatMoney('-0.05', 'en')).toBe('-€0.05');
  });

  it('prints zero without a sign, even when written "-0.00"', () => {
    expect(formatMoney('0.00', 'fr')).toBe(`0,00${NBSP}€`);
    expect(formatMoney('-0.00', 'fr')).toBe(`0,00${NBSP}€`);
    expect(formatMoney('0', 'en')).toBe('€0.00');
  });

  it('keeps every digit of the largest NUMERIC(14,2) amount and beyond', () => {
    expect(formatMoney('999999999999.99', 'fr')).toBe(`999${NNBSP}999${NNBSP}999${NNBSP}999,99${NBSP}€`);
    expect(formatMoney('999999999999.99', 'nl')).toBe(`€${NBSP}999.999.999.999,99`);
    expect(formatMoney('-999999999999.99', 'en')).toBe('-€999,999,999,999.99');
    // Through a JavaScript number this would print …568,00 €.
    expect(formatMoney('12345678901234567.89', 'en')).toBe('€12,345,678,901,234,567.89');
  });

  it('pads to cents', () => {
    expect(formatMoney('7.5', 'fr')).toBe(`7,50${NBSP}€`);
    expect(formatMoney('12', 'nl')).toBe(`€${NBSP}12,00`);
  });

  it('refuses anything that is not a decimal string', () => {
    for (const bad of ['', '1,5', '1e3', ' 12.00', 'NaN', '12.', '.5', '€12']) {
      expect(() => formatMoney(bad, 'fr')).toThrow(TypeError);
    }
  });
});
