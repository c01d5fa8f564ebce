import { describe, expect, it } from 'vitest';
import { csvAmount, csvBuffer, csvCell, csvLine, toCsv } from '../../backend/src/lib/csv.ts';
import { Money } from '../../backend/src/lib/money.ts';

describe('csvAmount', () => {
  it('writes a decimal comma, two decimals and no thousands separator', () => {
    expect(csvCell(csvAmount('1234.5'))).toBe('1234,50');
    expect(csvCell(csvAmount('-1500.00'))).toBe('-1500,00');
    expect(csvCell(csvAmount('0'))).toBe('0,00');
    expect(csvCell(csvAmount('-0.00'))).toBe('0,00');
    expect(csvCell(csvAmount('0.005'))).toBe('0,01');
    expect(csvCell(csvAmount('-0.005'))).toBe('-0,01');
    expect(csvCell(csvAmount(new Money('999999999999.99')))).toBe('999999999999,99');
    expect(csvCell(csvAmount(new Money('1e21')))).toBe('1000000000000000000000,00');
  });

  it('keeps the minus sign of amounts we formatted', () => {
    expect(csvLine([csvAmount('-25.10'), '-25,10'])).toBe("-25,10;'-25,10");
  });
});

describe('csvCell', () => {
  it('neutralises text a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvCell(`${start}SUM(A1:A9)`).replace(/^"/, '').startsWith(`'${start}`)).toBe(true);
    }
    expect(csvCell('=HYPERLINK("http://evil.example";"click")')).toBe(`"'=HYPERLINK(""http://evil.example"";""click"")"`);
    expect(csvCell('Famille = Dupont')).toBe('Famille = Dupont');
  });

  it('quotes fields holding a separator, a quote or a line break, and nothing else', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell('Семья Петренко, Œ')).toBe('Семья Петренко, Œ');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(() => csvCell(1.5)).toThrow();
  });
});

describe('toCsv', () => {
  it('starts with a BOM, separates with semicolons and ends every line with CRLF', () => {
    const text = toCsv(['N°', 'Montant', 'Note'], [
      [1, csvAmount('125'), 'ok'],
      [2, csvAmount('-40.5'), 'deux\nlignes'],
    ]);
    expect(text).toBe('\uFEFFN°;Montant;Note\r\n1;125,00;ok\r\n2;-40,50;"deux\nlignes"\r\n');
    const bytes = csvBuffer(['a'], [['é']]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe('\uFEFFa\r\né\r\n');
  });
});
