/**
 * The rental-deposit repayment letter, read as a family reads it: the text pdftotext extracts from the
 * real PDF in fr, nl and en — amounts and dates in the reader's conventions, the IBAN in groups of
 * four, the structured communication as banks print it, every due date of a 40-instalment schedule
 * across its pages, the last, larger instalment, and the letter without a known IBAN.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../backend/src/lib/dates.ts';
import { formatDate, formatMoney, type Language } from '../../backend/src/lib/locale.ts';
import { renderRepaymentLetterPdf, type RepaymentLetterData } from '../../backend/src/modules/rental-deposits/letter.pdf.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'repayment-letter-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** €1,600.10 in 40 instalments: 39 × €40.00 and a last one of €40.10, due on the 5th from February 2026. */
function letter(language: Language, overrides: Partial<RepaymentLetterData> = {}): RepaymentLetterData {
  const schedule = Array.from({ length: 40 }, (_, i) => ({ number: i + 1, dueOn: `${addMonths('2026-02', i)}-05`, amount: i === 39 ? '40.10' : '40.00' }));
  return {
    language,
    organisationName: 'Service logement — Fonds de garanties locatives',
    issuedOn: '2026-01-12',
    household: { displayName: 'Famille Œzdemir-Ñúñez', reference: 'H-0042' },
    address: 'Rue Vandenpeereboom 12, 1080 Molenbeek',
    landlordName: 'Immo Brabant SRL',
    openedOn: '2026-01-08',
    amount: '1600.10',
    monthlyRent: '820.05',
    schedule,
    fundIban: 'BE68539007547034',
    structuredCommunication: '010806817183',
    ...overrides,
  };
}

/** What a reader sees, page by page (pdftotext's layout), with the narrow no-break spaces of amounts made plain. */
async function read(data: RepaymentLetterData): Promise<{ pages: string[]; text: string; info: string }> {
  const file = path.join(dir, `${data.language}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, await renderRepaymentLetterPdf(data));
  const raw = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pages = plain(raw).split('\f').filter((p) => p.trim() !== '');
  return { pages, text: pages.join('\n'), info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }) };
}
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');
const money = (amount: string, lang: Language) => plain(formatMoney(amount, lang));
/** Collapses runs of spaces, so that a sentence laid out in columns can be matched. */
const squeeze = (s: string) => s.replace(/[ \t]+/g, ' ');

const cases: Array<{ lang: Language; amounts: [string, string, string]; sentences: string[]; noIban: string; title: string }> = [
  {
    lang: 'fr',
    amounts: ['1 600,10 €', '40,00 €', '40,10 €'],
    sentences: ['nous avons placé votre garantie locative de 1 600,10 €', 'Vous ne pouvez pas payer un mois ?', 'sert d’abord à payer ce que vous devez encore au fonds'],
    noIban: 'Le numéro de compte (IBAN) vous sera donné par votre coordinateur.',
    title: 'Remboursement de votre garantie locative',
  },
  {
    lang: 'nl',
    amounts: ['€ 1.600,10', '€ 40,00', '€ 40,10'],
    sentences: ['hebben wij uw huurwaarborg van € 1.600,10 gestort', 'Kunt u een maand niet betalen?', 'eerst om te betalen wat u nog aan het fonds verschuldigd bent'],
    noIban: 'Uw coördinator geeft u het rekeningnummer (IBAN).',
    title: 'Terugbetaling van uw huurwaarborg',
  },
  {
    lang: 'en',
    amounts: ['€1,600.10', '€40.00', '€40.10'],
    sentences: ['we placed your rental guarantee of €1,600.10', 'Cannot pay one month?', 'It first pays what you still owe the fund'],
    noIban: 'Your coordinator will give you the account number (IBAN).',
    title: 'Repaying your rental guarantee',
  },
];

describe('the rental-deposit repayment letter', () => {
  for (const c of cases) {
    describe(`in ${c.lang}`, () => {
      it('states the guarantee, the plan and how to pay in the reader’s conventions', async () => {
        const { text, info } = await read(letter(c.lang));
        const flat = squeeze(text);
        expect(info).toContain(c.title);
        const [amount, instalment, last] = c.amounts;
        expect([money('1600.10', c.lang), money('40.00', c.lang), money('40.10', c.lang)]).toEqual([amount, instalment, last]);
        // The plan in one sentence: 40 months of €40.00, and €40.10 in the last one.
        expect(flat).toMatch(new RegExp(`${escape(amount)}.*\\b40\\b.*${escape(instalment)}.*${escape(last)}`));
        expect(flat).toContain(formatDate('2026-01-08', c.lang));
        expect(flat).toContain(`${plain(formatMoney('820.05', c.lang))}`);
        for (const sentence of c.sentences) expect(squeeze(text.replace(/\n\s*/g, ' '))).toContain(sentence);
        expect(flat).toContain('BE68 5390 0754 7034');
        expect(flat).toContain('+++010/8068/17183+++');
        expect(flat).toContain('Rue Vandenpeereboom 12, 1080 Molenbeek');
        expect(flat).toContain('Immo Brabant SRL');
      });

      it('lists every due date of a 40-month schedule, across pages, each page with the table header, the last instalment larger', async () => {
        const { pages } = await read(letter(c.lang));
        expect(pages.length).toBeGreaterThanOrEqual(2);
        const rows = pages.flatMap((page) =>
          page
            .split('\n')
            // "  12   5 janvier 2027      40,00 €      1 120,10 €": number, long date, amount, what is left.
            .map((line) => /^\s*(\d{1,2})\s+(\d{1,2} \S+ \d{4})\s{2,}(\S.*?)\s{2,}(\S.*?)\s*$/.exec(line))
            .filter((m): m is RegExpExecArray => m !== null),
        );
        expect(rows.map((m) => Number(m[1]))).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
        expect(rows.map((m) => m[2]!.trim())).toEqual(Array.from({ length: 40 }, (_, i) => formatDate(`${addMonths('2026-02', i)}-05`, c.lang)));
        expect(rows.slice(0, 39).every((m) => m[3]!.trim() === c.amounts[1])).toBe(true);
        expect(rows[39]![3]!.trim()).toBe(c.amounts[2]);
        // What is left to repay after the last payment: nothing.
        expect(rows[39]![4]!.trim()).toBe(money('0.00', c.lang));
        // Every page that holds schedule rows starts its table with the header.
        const header = { fr: 'À payer le', nl: 'Te betalen op', en: 'Pay by' }[c.lang];
        const pagesWithRows = pages.filter((page) => rows.some((m) => page.includes(m[0])));
        expect(pagesWithRows.length).toBeGreaterThanOrEqual(2);
        for (const page of pagesWithRows) expect(page).toContain(header);
        // Every page ends with the reference, the communication and its number.
        pages.forEach((page, i) => {
          expect(page).toContain('+++010/8068/17183+++');
          expect(page).toMatch(new RegExp(`\\b${i + 1} / ${pages.length}\\b`));
        });
      });

      it('says the coordinator will give the IBAN when the fund has none recorded', async () => {
        const { text } = await read(letter(c.lang, { fundIban: null }));
        expect(squeeze(text.replace(/\n\s*/g, ' '))).toContain(c.noIban);
        expect(text).not.toContain('BE68');
        expect(text).toContain('+++010/8068/17183+++');
      });
    });
  }

  it('words a plan of equal instalments without a "last one"', async () => {
    const schedule = Array.from({ length: 12 }, (_, i) => ({ number: i + 1, dueOn: `${addMonths('2026-02', i)}-05`, amount: '100.00' }));
    const { text } = await read(letter('en', { amount: '1200.00', schedule }));
    const flat = squeeze(text.replace(/\n\s*/g, ' '));
    expect(flat).toContain('You repay €1,200.00 over 12 months: €100.00 a month.');
    expect(flat).not.toContain('in the last month');
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
