/**
 * Savings statements, the group's statements ZIP and the entries CSV, through the API.
 *
 * Group "GECS Statements" (from December 2024). In the period 1 January – 30 June 2025:
 *   A "Famille Œzdemir-Ñúñez" (fr): €100 saved before the period; deposits €100 (5 Jan, bank ref),
 *     €50 individual (10 Jan), €100 (5 Feb, reversed the same day: "Versement encodé deux fois"),
 *     €1,234.56 (6 Feb, note "=1+2"); advance €1,500 paid 1 March, €600 repaid 15 April; dividend share
 *     €24.81 (5 May).
 *   B "Семья Петренко" (nl): €100 a month December–February; dividend share €5.19.
 *   C joins in July 2025: not in the period's ZIP.
 * Dividend €30.00 on 5 May: A had €1,434.56 and B €300.00 → A 24.8114… B 5.1886… → 24.81 + 5.18,
 * the last cent to the larger remainder (B): A €24.81, B €5.19.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney, type Language } from '../../backend/src/lib/locale.ts';
import { groupEntriesCsv } from '../../backend/src/modules/gecs/exports.service.ts';
import { login, setupApp, type Client, type TestApp } from '../helpers/app.ts';
import { moneyPost } from '../helpers/money.ts';
import { HOUSEHOLD_PASSWORD, makeActivatedHousehold, makeHousehold, makeStaff, STAFF_PASSWORD } from '../factories/index.ts';

let t: TestApp;
let coordinator: Client;
let referent: Client;
let householdA: Client;
let dir: string;
let groupId: string;
const ids = { A: '', B: '', C: '' };
const refs = { A: '', B: '', C: '' };
const entry = { reversed: 0, reversal: 0, big: 0, dividend: 0 };
const FROM = '2025-01-01';
const TO = '2025-06-30';

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const download = (client: Client, url: string) => client.get(url).buffer(true).parse(binary);

let dumped = 0;
/** What a reader sees: pdftotext's layout (columns kept on their lines), or its reading order with `raw`. */
function pdfText(pdf: Buffer, mode: 'layout' | 'raw' = 'layout'): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  if (process.env.STATEMENT_DUMP) writeFileSync(path.join(process.env.STATEMENT_DUMP, `${++dumped}.pdf`), pdf);
  return execFileSync('pdftotext', mode === 'layout' ? ['-layout', file, '-'] : [file, '-'], { encoding: 'utf8' });
}
/** pdftotext keeps the narrow no-break space of fr-BE amounts; compare on plain spaces. */
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');
const money = (amount: string, lang: Language) => plain(formatMoney(amount, lang));
/** The line of the text that contains a needle. */
const lineWith = (text: string, needle: string) => plain(text).split('\n').find((l) => l.includes(needle)) ?? '';

async function post(url: string, body: object) {
  const res = await moneyPost(coordinator, url, body);
  expect(res.status, `${url} ${JSON.stringify(res.body)}`).toBe(201);
  return res.body;
}
const deposit = (who: keyof typeof ids, body: object) => post(`/api/households/${ids[who]}/deposits`, { target: 'group', ...body });

beforeAll(async () => {
  t = await setupApp({ organisationName: 'Service logement — Épargne solidaire' });
  dir = mkdtempSync(path.join(os.tmpdir(), 'statements-'));
  const c = await makeStaff(t.db.knex, { role: 'coordinator' });
  coordinator = await login(t.app, { email: c.email, password: STAFF_PASSWORD });
  const r = await makeStaff(t.db.knex, { role: 'referent' });
  referent = await login(t.app, { email: r.email, password: STAFF_PASSWORD });

  const a = await makeActivatedHousehold(t.db.knex, { displayName: 'Famille Œzdemir-Ñúñez', preferredLanguage: 'fr' });
  const b = await makeHousehold(t.db.knex, { displayName: 'Семья Петренко', preferredLanguage: 'nl' });
  const cc = await makeHousehold(t.db.knex, { displayName: 'Family Late Joiner', preferredLanguage: 'en' });
  Object.assign(ids, { A: a.id, B: b.id, C: cc.id });
  Object.assign(refs, { A: a.reference, B: b.reference, C: cc.reference });
  householdA = await login(t.app, { reference: a.reference, password: HOUSEHOLD_PASSWORD });

  const group = await coordinator.post('/api/groups', { name: 'GECS Statements Été', cohort: '2024-2025', startsOn: '2024-12-01', monthlyAmount: '100.00', exitPolicy: 'refund_now' });
  expect(group.status).toBe(201);
  groupId = group.body.id;
  for (const [who, joinedOn] of [['A', '2024-12-01'], ['B', '2024-12-01'], ['C', '2025-07-01']] as const) {
    expect((await coordinator.post(`/api/groups/${groupId}/members`, { householdId: ids[who], joinedOn })).status).toBe(201);
  }

  await deposit('A', { amount: '100.00', valueDate: '2024-12-05' });
  for (const d of ['2024-12-05', '2025-01-05', '2025-02-05']) await deposit('B', { amount: '100.00', valueDate: d });
  await deposit('A', { amount: '100.00', valueDate: '2025-01-05', bankReference: 'BANK-2025-0001' });
  await deposit('A', { target: 'individual', amount: '50.00', valueDate: '2025-01-10' });
  entry.reversed = (await deposit('A', { amount: '100.00', valueDate: '2025-02-05' })).entryNumber;
  const big = await deposit('A', { amount: '1234.56', valueDate: '2025-02-06', note: '=1+2' });
  entry.big = big.entryNumber;
  const advance = await post(`/api/groups/${groupId}/advances`, { householdId: ids.A, amount: '1500.00', valueDate: '2025-03-01', status: 'paid', note: 'Compromis rue Vandenpeereboom' });
  await post(`/api/advances/${advance.id}/repayments`, { amount: '600.00', valueDate: '2025-04-15' });
  const reversedId = (await t.db.knex('journal_entries').where({ number: entry.reversed }).first('id')).id;
  entry.reversal = (await post(`/api/entries/${reversedId}/reversal`, { reason: 'Versement encodé deux fois' })).entryNumber;
  const dividend = await post(`/api/groups/${groupId}/dividends`, { amount: '30.00', valueDate: '2025-05-05' });
  entry.dividend = dividend.entryNumber;
  expect(Object.fromEntries(dividend.allocations.map((x: { householdId: string; amount: string }) => [x.householdId, x.amount]))).toEqual({ [ids.A]: '24.81', [ids.B]: '5.19' });
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

describe('a household statement', () => {
  let first: { number: string; code: string; text: string };

  it('shows every figure of the period in French', async () => {
    const res = await download(coordinator, `/api/households/${ids.A}/statement.pdf?from=${FROM}&to=${TO}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`statement-${refs.A}-${FROM}-${TO}.pdf`);
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    const p = plain(text);

    expect(p).toContain('Service logement — Épargne solidaire');
    expect(p).toContain('Relevé d’épargne');
    expect(p).toContain('Famille Œzdemir-Ñúñez');
    expect(p).toContain(refs.A);
    const communication = (await t.db.knex('households').where({ id: ids.A }).first('structured_communication')).structured_communication as string;
    expect(p).toContain(`+++${communication.slice(0, 3)}/${communication.slice(3, 7)}/${communication.slice(7)}+++`);
    expect(p).toContain('GECS Statements Été, cohorte 2024-2025');
    expect(p).toContain('du 1 janvier 2025 au 30 juin 2025');

    const number = /RE-\d{4}-\d{6}/.exec(p)![0];
    const code = /[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}/.exec(p)![0];
    // Number, code and page on every page's foot.
    const footers = p.match(new RegExp(`Relevé n° ${number}\\s+·\\s+Code de vérification ${code}\\s+·\\s+page \\d / \\d`, 'g')) ?? [];
    expect(footers.length).toBeGreaterThanOrEqual(1);
    expect(footers.length).toBe(Number(/page \d \/ (\d)/.exec(footers[0]!)![1]));

    // Summary: group savings 100.00 → +1,459.37 / −100.00 → 1,459.37; individual 0 → 50; total 1,509.37.
    const groupLine = lineWith(text, 'Épargne de groupe (pot commun)');
    expect(groupLine).toContain(money('100.00', 'fr'));
    expect(groupLine).toContain(`+${money('1459.37', 'fr')}`);
    expect(groupLine).toContain(money('-100.00', 'fr'));
    expect(groupLine).toMatch(new RegExp(`${money('1459.37', 'fr')}\\s*$`));
    const individualLine = lineWith(text, 'Épargne individuelle (PEPS, Crédal)');
    expect(individualLine).toContain(`+${money('50.00', 'fr')}`);
    const totalLine = lineWith(text, 'Total de l’épargne');
    expect(totalLine).toContain(money('100.00', 'fr'));
    expect(totalLine).toMatch(new RegExp(`${money('1509.37', 'fr')}\\s*$`));
    expect(p).toContain(`Avance d’acompte restant due au 30 juin 2025 : ${money('900.00', 'fr')}`);
    // lib/locale.ts writes fr-BE amounts with a narrow no-break space; the embedded font prints it
    // (pdftotext reads it back as a space), where Helvetica would print garbage.
    expect(formatMoney('1459.37', 'fr')).toBe('1\u202f459,37\u00a0€');
    expect(money('1459.37', 'fr')).toBe('1 459,37 €');
    const file = path.join(dir, 'fonts.pdf');
    writeFileSync(file, pdf);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toContain('DejaVuSans');
    expect(fonts).not.toContain('Helvetica');

    // Group savings, movement by movement, with running balances.
    expect(lineWith(text, 'Solde au 31 décembre 2024')).toContain(money('100.00', 'fr'));
    expect(lineWith(text, '05/01/2025')).toMatch(/Versement à l’épargne de groupe\s+\+100,00 €\s+200,00 €/);
    expect(p).toContain('Réf. bancaire : BANK-2025-0001');
    expect(lineWith(text, `${entry.reversed} Versement`)).toMatch(/05\/02\/2025.*\+100,00 €\s+300,00 €/);
    expect(p).toContain(`Annulée par l’opération n° ${entry.reversal}.`);
    const reversal = lineWith(text, `Annulation de l’opération n° ${entry.reversed}`);
    expect(reversal).toMatch(/05\/02\/2025/);
    expect(reversal).toMatch(/-100,00 €\s+200,00 €/);
    expect(plain(pdfText(pdf, 'raw')).replace(/\s+/g, ' ')).toContain(`Annulation de l’opération n° ${entry.reversed} du 05/02/2025 (Versement à l’épargne de groupe) Motif : Versement encodé deux fois`);
    expect(p).toContain('Motif : Versement encodé deux fois');
    expect(lineWith(text, '06/02/2025')).toMatch(/\+1 234,56 €\s+1 434,56 €/);
    expect(p).toContain('=1+2');
    expect(lineWith(text, '05/05/2025')).toMatch(/Part de dividende \(Crédal\)\s+\+24,81 €\s+1 459,37 €/);
    expect(lineWith(text, 'Total des entrées')).toContain('+1 459,37 €');
    expect(lineWith(text, 'Total des sorties')).toContain('-100,00 €');
    expect(lineWith(text, 'Solde au 30 juin 2025')).toContain('1 459,37 €');

    // Individual savings and the advance, each with its own table.
    expect(lineWith(text, '10/01/2025')).toMatch(/Versement à l’épargne individuelle \(PEPS\)\s+\+50,00 €\s+50,00 €/);
    expect(lineWith(text, '01/03/2025')).toMatch(/Avance d’acompte versée\s+\+1 500,00 €\s+1 500,00 €/);
    expect(p).toContain('Compromis rue Vandenpeereboom');
    expect(lineWith(text, '15/04/2025')).toMatch(/Remboursement de l’avance\s+-600,00 €\s+900,00 €/);
    expect(lineWith(text, 'Total avancé')).toContain('+1 500,00 €');
    expect(lineWith(text, 'Total remboursé')).toContain('-600,00 €');

    first = { number, code, text };
  });

  it('gives the same statement again while nothing changed: same number, same code, one row', async () => {
    const again = pdfText((await download(coordinator, `/api/households/${ids.A}/statement.pdf?from=${FROM}&to=${TO}`)).body);
    const number = /RE-\d{4}-\d{6}/.exec(again)![0];
    expect(number).toBe(first.number);
    expect(again).toContain(first.code);
    const rows = await t.db.knex('issued_statements').where({ household_id: ids.A }).orderBy('number');
    expect(rows).toHaveLength(1);
    expect(rows.map((r) => r.verification_code)).toEqual([first.code]);
    expect(rows[0]).toMatchObject({ period_from: FROM, period_to: TO, language: 'fr' });
  });

  it('is written in Dutch and English with their own amount and date formats, with the same code', async () => {
    const nl = plain(pdfText((await download(coordinator, `/api/households/${ids.A}/statement.pdf?from=${FROM}&to=${TO}&lang=nl`)).body));
    expect(nl).toContain('Spaaroverzicht');
    expect(nl).toContain('van 1 januari 2025 tot 30 juni 2025');
    expect(money('1459.37', 'nl')).toBe('€ 1.459,37');
    expect(lineWith(nl, '€ 1.459,37')).toMatch(/€ 100,00\s+€ \+1\.459,37\s+€ -100,00\s+€ 1\.459,37\s*$/);
    expect(lineWith(nl, '06/02/2025')).toMatch(/€ \+1\.234,56\s+€ 1\.434,56/);
    expect(nl).toContain(`Annulering van verrichting nr. ${entry.reversed}`);
    expect(nl).toContain('Reden: Versement encodé deux fois');
    expect(nl).toContain(`Nog verschuldigde voorfinanciering op 30 juni 2025: ${money('900.00', 'nl')}`);
    expect(nl).toContain(first.code);

    const en = plain(pdfText((await download(coordinator, `/api/households/${ids.A}/statement.pdf?from=${FROM}&to=${TO}&lang=en`)).body));
    expect(en).toContain('Savings statement');
    expect(en).toContain('1 January 2025 to 30 June 2025');
    expect(lineWith(en, 'Group savings (common pot)')).toMatch(/€1,459\.37\s*$/);
    expect(lineWith(en, '06/02/2025')).toMatch(/\+€1,234\.56\s+€1,434\.56/);
    expect(en).toContain(`Reversal of transaction no. ${entry.reversed}`);
    expect(en).toContain('Reason: Versement encodé deux fois');
    expect(en).toContain('Down-payment advance still owed on 30 June 2025: €900.00');
    expect(en).toMatch(/Statement no\. RE-\d{4}-\d{6}\s+·\s+Verification code [0-9A-F-]{19}\s+·\s+page 1 \/ \d/);
    expect(en).toContain(first.code);
  });

  it('prints a Cyrillic name, in the household’s own language by default', async () => {
    const text = plain(pdfText((await download(coordinator, `/api/households/${ids.B}/statement.pdf?from=${FROM}&to=${TO}`)).body));
    expect(text).toContain('Семья Петренко');
    expect(text).toContain('Spaaroverzicht');
    expect(lineWith(text, 'Groepsspaargeld (gemeenschappelijke')).toMatch(/€ 100,00\s+€ \+205,19\s+€ 0,00\s+€ 305,19\s*$/);
    expect(text).toContain('Geen verschuldigde voorfinanciering op 30 juni 2025.');
  });

  it('changes the code when the content changes', async () => {
    await deposit('A', { amount: '100.00', valueDate: '2025-06-05' });
    const text = plain(pdfText((await download(coordinator, `/api/households/${ids.A}/statement.pdf?from=${FROM}&to=${TO}`)).body));
    const code = /[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}/.exec(text)![0];
    expect(code).not.toBe(first.code);
    expect(lineWith(text, 'Épargne de groupe (pot commun)')).toMatch(/1 559,37 €\s*$/);
    // A period the new deposit is not in keeps its code.
    const before = (p: string) => /[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}/.exec(plain(p))![0];
    const q1a = before(pdfText((await download(coordinator, `/api/households/${ids.A}/statement.pdf?from=2025-01-01&to=2025-03-31`)).body));
    const q1b = before(pdfText((await download(coordinator, `/api/households/${ids.A}/statement.pdf?from=2025-01-01&to=2025-03-31&lang=en`)).body));
    expect(q1a).toBe(q1b);
  });

  it('lets staff check a statement by its number and code', async () => {
    const ok = await referent.get(`/api/statements/${first.number}/verify?code=${first.code.toLowerCase()}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      number: first.number,
      issued: true,
      household: { id: ids.A, reference: refs.A, displayName: 'Famille Œzdemir-Ñúñez' },
      period: { from: FROM, to: TO },
      language: 'fr',
      codeMatches: true,
      // A deposit in the period was recorded after it was issued.
      ledgerUnchanged: false,
    });
    expect(new Date(ok.body.issuedAt).getTime()).toBeGreaterThan(Date.now() - 600_000);
    const wrong = await referent.get(`/api/statements/${first.number}/verify?code=0000-0000-0000-0000`);
    expect(wrong.body).toMatchObject({ issued: true, codeMatches: false });
    const bare = await referent.get(`/api/statements/${Number(first.number.slice(8))}/verify`);
    expect(bare.body).toMatchObject({ number: first.number, issued: true, codeMatches: null });
    const unknown = await referent.get('/api/statements/RE-2025-999999/verify');
    expect(unknown.body).toEqual({ number: 'RE-2025-999999', issued: false });
    const wrongYear = await referent.get(`/api/statements/RE-1999-${first.number.slice(8)}/verify`);
    expect(wrongYear.body).toMatchObject({ issued: false });
    expect((await referent.get('/api/statements/not-a-number/verify')).status).toBe(400);
    expect((await householdA.get(`/api/statements/${first.number}/verify`)).status).toBe(404);
  });

  it('keeps the content the same for unchanged periods (ledgerUnchanged)', async () => {
    const text = plain(pdfText((await download(coordinator, `/api/households/${ids.B}/statement.pdf?from=${FROM}&to=${TO}&lang=en`)).body));
    const number = /RE-\d{4}-\d{6}/.exec(text)![0];
    const res = await referent.get(`/api/statements/${number}/verify`);
    expect(res.body).toMatchObject({ issued: true, ledgerUnchanged: true, language: 'en' });
  });
});

describe('access to statements and exports', () => {
  it('lets a household download its own statement and no one else’s', async () => {
    const count = async () => Number((await t.db.knex('issued_statements').where({ household_id: ids.A }).count<Array<{ n: string }>>('* as n'))[0]!.n);
    const before = await count();
    const own = await download(householdA, `/api/households/${ids.A}/statement.pdf?from=${FROM}&to=${TO}`);
    expect(own.status).toBe(200);
    expect(plain(pdfText(own.body))).toContain('Famille Œzdemir-Ñúñez');
    // Staff issued this very statement already: the household gets it, and no new number.
    expect(await count()).toBe(before);
    const fresh = await download(householdA, `/api/households/${ids.A}/statement.pdf?from=2025-04-01&to=${TO}`);
    expect(fresh.status).toBe(200);
    expect(await count()).toBe(before + 1);
    const rows = await t.db.knex('issued_statements').where({ household_id: ids.A }).orderBy('number', 'desc').first();
    expect(rows.generated_by_label).toBe(`household ${refs.A}`);
    expect((await householdA.get(`/api/households/${ids.B}/statement.pdf?from=${FROM}&to=${TO}`)).status).toBe(404);
    expect((await householdA.get(`/api/groups/${groupId}/statements.zip?from=${FROM}&to=${TO}`)).status).toBe(404);
    expect((await householdA.get(`/api/groups/${groupId}/entries.csv?from=${FROM}&to=${TO}`)).status).toBe(404);
  });
});

describe('the group’s statements ZIP', () => {
  it('holds one valid PDF per household that was a member during the period', async () => {
    const res = await download(referent, `/api/groups/${groupId}/statements.zip?from=${FROM}&to=${TO}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain(`statements-gecs-statements-ete-${FROM}-${TO}.zip`);
    const zipFile = path.join(dir, 'group.zip');
    writeFileSync(zipFile, res.body);
    execFileSync('unzip', ['-tq', zipFile]);
    const names = [`statement-${refs.A}-${FROM}-${TO}.pdf`, `statement-${refs.B}-${FROM}-${TO}.pdf`].sort();
    const out = path.join(dir, 'unzipped');
    execFileSync('unzip', ['-q', zipFile, '-d', out]);
    expect(readdirSync(out).sort()).toEqual(names);
    const a = plain(pdfText(readFileSync(path.join(out, `statement-${refs.A}-${FROM}-${TO}.pdf`))));
    expect(a).toContain('Famille Œzdemir-Ñúñez');
    expect(a).toContain('Relevé d’épargne');
    const b = plain(pdfText(execFileSync('unzip', ['-p', zipFile, `statement-${refs.B}-${FROM}-${TO}.pdf`])));
    expect(b).toContain('Семья Петренко');
    expect(b).toContain('Spaaroverzicht');
    // Each is registered like a single statement.
    const numbers = [a, b].map((text) => /RE-\d{4}-\d{6}/.exec(text)![0]);
    for (const number of numbers) {
      expect((await referent.get(`/api/statements/${number}/verify`)).body).toMatchObject({ issued: true, ledgerUnchanged: true });
    }
  });
});

describe('the group’s entries CSV', () => {
  it('opens in Belgian Excel: BOM, semicolons, decimal commas, CRLF, and the period’s rows', async () => {
    const res = await download(referent, `/api/groups/${groupId}/entries.csv?from=${FROM}&to=${TO}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(`entries-gecs-statements-ete-${FROM}-${TO}.csv`);
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1).map((l) => l.split(';'));
    expect(lines[0]).toEqual([
      'N° d’opération', 'Date valeur', 'Type', 'Référence du ménage', 'Ménage', 'Épargne de groupe du ménage', 'Avance due par le ménage',
      'Caisse du pot', 'Annule l’opération n°', 'Motif', 'Référence bancaire', 'Note', 'Enregistré le', 'Enregistré par',
    ]);
    const rows = lines.slice(1);
    // Period entries: B ×2, A 5 Jan, A 5 Feb + its reversal, A 6 Feb, advance, repayment, dividend (2 rows), A 5 June.
    expect(rows).toHaveLength(11);
    const byNumber = (n: number) => rows.filter((r) => r[0] === String(n));

    const big = byNumber(entry.big);
    expect(big).toHaveLength(1);
    expect(big[0]!.slice(0, 8)).toEqual([String(entry.big), '2025-02-06', 'Versement à l’épargne de groupe', refs.A, 'Famille Œzdemir-Ñúñez', '1234,56', '', '1234,56']);
    // A note that a spreadsheet would run as a formula is neutralised.
    expect(big[0]![11]).toBe("'=1+2");
    expect(big[0]![12]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    const reversal = byNumber(entry.reversal);
    expect(reversal).toHaveLength(1);
    expect(reversal[0]!.slice(0, 10)).toEqual([String(entry.reversal), '2025-02-05', 'Annulation', refs.A, 'Famille Œzdemir-Ñúñez', '-100,00', '', '-100,00', String(entry.reversed), 'Versement encodé deux fois']);

    const dividend = byNumber(entry.dividend);
    // References grow with creation: A's row comes first and carries the pot's cash.
    expect(dividend.map((r) => [r[3], r[5], r[7]])).toEqual([
      [refs.A, '24,81', '30,00'],
      [refs.B, '5,19', ''],
    ]);

    const advance = rows.find((r) => r[2] === 'Avance d’acompte versée')!;
    expect([advance[3], advance[5], advance[6], advance[7]]).toEqual([refs.A, '', '1500,00', '-1500,00']);
    const repayment = rows.find((r) => r[2] === 'Remboursement d’avance')!;
    expect([repayment[6], repayment[7]]).toEqual(['-600,00', '600,00']);
    expect(rows.find((r) => r[10] === 'BANK-2025-0001')).toBeTruthy();

    // The pot's cash column adds up to the pot's movement over the period.
    const cents = rows.reduce((sum, r) => sum + (r[7] ? Math.round(Number(r[7].replace(',', '.')) * 100) : 0), 0);
    const potFrom = await coordinator.get(`/api/groups/${groupId}/pot?on=2024-12-31`);
    const potTo = await coordinator.get(`/api/groups/${groupId}/pot?on=${TO}`);
    expect(cents).toBe(Math.round(Number(potTo.body.cash) * 100) - Math.round(Number(potFrom.body.cash) * 100));
  });

  it('writes its headers and kinds in the language asked for', async () => {
    // Staff accounts have no preferred language yet, so the route writes French; the export itself knows all three.
    const organisationId = (await t.db.knex('savings_groups').where({ id: groupId }).first('organisation_id')).organisation_id;
    const nl = (await groupEntriesCsv(t.db.knex, { organisationId, groupId, from: FROM, to: TO, language: 'nl' })).csv.toString('utf8');
    expect(nl.split('\r\n')[0]).toBe('\uFEFFVerrichting nr.;Valutadatum;Soort;Referentie gezin;Gezin;Groepsspaargeld van het gezin;Voorfinanciering verschuldigd door het gezin;Kas van de pot;Annuleert verrichting nr.;Reden;Bankreferentie;Notitie;Geregistreerd op;Geregistreerd door');
    expect(nl).toContain(';Annulering;');
    const en = (await groupEntriesCsv(t.db.knex, { organisationId, groupId, from: FROM, to: TO, language: 'en' })).csv.toString('utf8');
    expect(en.split('\r\n')[0]).toMatch(/^\uFEFFTransaction no\.;Value date;Kind;/);
    expect(en).toContain(';Dividend;');
  });
});

// Last in the file: it records a deposit in B's first quarter.
describe('issuing a statement is idempotent on its content', () => {
  const Q1 = 'from=2025-01-01&to=2025-03-31';
  const numberAndCode = (pdf: Buffer) => {
    const text = plain(pdfText(pdf));
    return { number: /RE-\d{4}-\d{6}/.exec(text)![0], code: /[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}/.exec(text)![0] };
  };
  const rowsOf = (from: string, to: string) => t.db.knex('issued_statements').where({ household_id: ids.B, period_from: from, period_to: to });

  it('answers the same request twice with the same number and code, and one row', async () => {
    const first = numberAndCode((await download(coordinator, `/api/households/${ids.B}/statement.pdf?${Q1}`)).body);
    const second = numberAndCode((await download(referent, `/api/households/${ids.B}/statement.pdf?${Q1}`)).body);
    expect(second).toEqual(first);
    expect(await rowsOf('2025-01-01', '2025-03-31')).toHaveLength(1);
    // Another language is another statement (same code: the code leaves out the words).
    const en = numberAndCode((await download(coordinator, `/api/households/${ids.B}/statement.pdf?${Q1}&lang=en`)).body);
    expect(en.number).not.toBe(first.number);
    expect(en.code).toBe(first.code);
    expect(await rowsOf('2025-01-01', '2025-03-31')).toHaveLength(2);
  });

  it('registers one statement when two identical requests arrive at once', async () => {
    const [x, y] = await Promise.all([
      download(coordinator, `/api/households/${ids.B}/statement.pdf?from=2025-02-01&to=2025-02-28`),
      download(referent, `/api/households/${ids.B}/statement.pdf?from=2025-02-01&to=2025-02-28`),
    ]);
    expect(numberAndCode(x.body)).toEqual(numberAndCode(y.body));
    expect(await rowsOf('2025-02-01', '2025-02-28')).toHaveLength(1);
  });

  it('consumes no statement number when it answers with the statement already issued', async () => {
    // Asked again, the statement already issued is returned: the register's numbering must not move,
    // or reloading leaves gaps (RE-…-000001, then RE-…-000022 after 20 reloads).
    await download(coordinator, `/api/households/${ids.B}/statement.pdf?${Q1}`);
    for (let i = 0; i < 3; i++) await download(coordinator, `/api/households/${ids.B}/statement.pdf?${Q1}`);
    const highest = Number(((await t.db.knex('issued_statements').max({ n: 'number' }).first()) as { n: string }).n);
    const next = numberAndCode((await download(coordinator, `/api/households/${ids.B}/statement.pdf?from=2025-03-01&to=2025-03-31`)).body);
    expect(Number(next.number.slice(-6))).toBe(highest + 1);
  });

  it('consumes one statement number when identical requests arrive at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 4 }, (_, i) => download(i % 2 ? referent : coordinator, `/api/households/${ids.B}/statement.pdf?from=2025-04-01&to=2025-04-30`)),
    );
    expect(new Set(answers.map((a) => numberAndCode(a.body).number)).size).toBe(1);
    expect(await rowsOf('2025-04-01', '2025-04-30')).toHaveLength(1);
    const highest = Number(((await t.db.knex('issued_statements').max({ n: 'number' }).first()) as { n: string }).n);
    const next = numberAndCode((await download(coordinator, `/api/households/${ids.B}/statement.pdf?from=2025-05-01&to=2025-05-31`)).body);
    expect(Number(next.number.slice(-6))).toBe(highest + 1);
  });

  it('gives a new number once a deposit is recorded in the period', async () => {
    const before = numberAndCode((await download(coordinator, `/api/households/${ids.B}/statement.pdf?${Q1}`)).body);
    await deposit('B', { amount: '100.00', valueDate: '2025-03-05' });
    const after = numberAndCode((await download(coordinator, `/api/households/${ids.B}/statement.pdf?${Q1}`)).body);
    expect(after.number).not.toBe(before.number);
    expect(after.code).not.toBe(before.code);
    expect(await rowsOf('2025-01-01', '2025-03-31').where({ language: 'nl' })).toHaveLength(2);
    // The first one is still genuine, and says the ledger changed since.
    expect((await referent.get(`/api/statements/${before.number}/verify?code=${before.code}`)).body).toMatchObject({ issued: true, codeMatches: true, ledgerUnchanged: false });
  });
});
