/**
 * The repayment letter and the statement of a rental advance, read back as text the way a family or a
 * lender reads them (pdftotext), in the three languages; a statement's number checks out afterwards.
 */
import { execFileSync } from 'node:child_process';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney, type Language } from '../../backend/src/lib/locale.ts';
import { login, setupApp, type Client, type TestApp } from '../helpers/app.ts';
import { moneyPost } from '../helpers/money.ts';
import { HOUSEHOLD_PASSWORD, makeActivatedHousehold, makeStaff, STAFF_PASSWORD } from '../factories/index.ts';

let t: TestApp;
let coordinator: Client;
let household: Client;
let other: Client;
let depositId: string;
let secondId: string;
let communication: string;

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const download = (client: Client, url: string) => client.get(url).buffer(true).parse(binary);
const text = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString().replace(/[\u202f\u00a0]/g, ' ');
const money = (amount: string, lang: Language) => formatMoney(amount, lang).replace(/[\u202f\u00a0]/g, ' ');

beforeAll(async () => {
  t = await setupApp();
  const staff = await makeStaff(t.db.knex, { role: 'coordinator' });
  coordinator = await login(t.app, { email: staff.email, password: STAFF_PASSWORD });
  const family = await makeActivatedHousehold(t.db.knex, { displayName: 'Famille Lettre', preferredLanguage: 'nl' });
  household = await login(t.app, { reference: family.reference, password: HOUSEHOLD_PASSWORD });
  const stranger = await makeActivatedHousehold(t.db.knex, { displayName: 'Famille Autre' });
  other = await login(t.app, { reference: stranger.reference, password: HOUSEHOLD_PASSWORD });
  expect((await moneyPost(coordinator, '/api/rental-deposit-fund/contributions', { amount: '5000.00', valueDate: '2024-01-02' })).status).toBe(201);
  const iban = await coordinator.patch('/api/rental-deposit-fund', { iban: 'BE68 5390 0754 7034' }).set('Idempotency-Key', 'fund-iban-0001');
  expect(iban.status, JSON.stringify(iban.body)).toBe(200);
  const open = (amount: string, months: number, address: string) =>
    moneyPost(coordinator, '/api/rental-deposits', {
      householdId: family.id,
      landlord: { name: 'Mme Peeters' },
      address,
      monthlyRent: '750.00',
      amount,
      openedOn: '2024-03-01',
      plan: { months },
      firstDueOn: '2024-04-05',
    });
  const first = await open('1500.00', 40, 'Rue Haute 200, 1000 Bruxelles');
  expect(first.status, JSON.stringify(first.body)).toBe(201);
  depositId = first.body.id;
  communication = first.body.structuredCommunication;
  const second = await open('700.00', 7, 'Rue Blaes 3, 1000 Bruxelles');
  secondId = second.body.id;
  expect((await moneyPost(coordinator, `/api/rental-deposits/${depositId}/repayments`, { amount: '37.50', valueDate: '2024-04-05', bankReference: 'BELFIUS-0001' })).status).toBe(201);
  expect((await moneyPost(coordinator, `/api/rental-deposits/${secondId}/repayments`, { amount: '100.00', valueDate: '2024-04-06' })).status).toBe(201);
});
afterAll(() => t.close());

const formatted = () => `+++${communication.slice(0, 3)}/${communication.slice(3, 7)}/${communication.slice(7)}+++`;

describe('the repayment letter', () => {
  it.each(['fr', 'nl', 'en'] as const)('in %s: the amount, the plan to its last date, the IBAN and the structured communication', async (lang) => {
    const res = await download(coordinator, `/api/rental-deposits/${depositId}/letter.pdf?lang=${lang}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const body = text(res.body as Buffer);
    expect(body).toContain(money('1500.00', lang));
    expect(body).toContain(money('37.50', lang));
    expect(body).toContain('BE68 5390 0754 7034');
    expect(body).toContain(formatted());
  });

  it("is in the household's language by default, and the household gets only its own", async () => {
    const own = await download(household, `/api/rental-deposits/${depositId}/letter.pdf`);
    expect(own.status).toBe(200);
    expect(text(own.body as Buffer)).toMatch(/waarborg/i);
    expect((await other.get(`/api/rental-deposits/${depositId}/letter.pdf`)).status).toBe(404);
    expect((await other.get(`/api/rental-deposits/${depositId}`)).status).toBe(404);
    expect((await request(t.app).get(`/api/rental-deposits/${depositId}/letter.pdf`)).status).toBe(401);
  });
});

describe('the statement of an advance', () => {
  it('shows only that advance, is numbered and checks out', async () => {
    const res = await download(coordinator, `/api/rental-deposits/${depositId}/statement.pdf?from=2024-03-01&to=2024-04-30&lang=fr`);
    expect(res.status).toBe(200);
    const body = text(res.body as Buffer);
    expect(body).toContain(money('1500.00', 'fr'));
    expect(body).toContain(money('1462.50', 'fr'));
    expect(body).toContain('BELFIUS-0001');
    expect(body).not.toContain(money('100.00', 'fr'));
    const number = /RE-\d{4}-\d{6}/.exec(body)![0];
    const code = /[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}/.exec(body)![0];
    const check = await coordinator.get(`/api/statements/${number}/verify?code=${code}`);
    expect(check.body).toMatchObject({ issued: true, kind: 'rental-deposit', subject: depositId, codeMatches: true, ledgerUnchanged: true });
    const again = text((await download(coordinator, `/api/rental-deposits/${depositId}/statement.pdf?from=2024-03-01&to=2024-04-30&lang=fr`)).body as Buffer);
    expect(/RE-\d{4}-\d{6}/.exec(again)![0]).toBe(number);
    const second = text((await download(coordinator, `/api/rental-deposits/${secondId}/statement.pdf?from=2024-03-01&to=2024-04-30&lang=fr`)).body as Buffer);
    expect(/RE-\d{4}-\d{6}/.exec(second)![0]).not.toBe(number);
    expect(second).toContain(money('600.00', 'fr'));
  });
});

describe('the statement in each language', () => {
  it.each([
    ['fr', 'Relevé d’avance de garantie locative', 'Ce que vous devez encore au fonds'],
    ['nl', 'Overzicht van de voorfinanciering van de huurwaarborg', 'Wat u nog aan het fonds verschuldigd bent'],
    ['en', 'Rental guarantee advance statement', 'What you still owe the fund'],
  ] as const)('%s: its title, the account and the amounts in the reader’s format', async (lang, title, account) => {
    const body = text((await download(household, `/api/rental-deposits/${depositId}/statement.pdf?from=2024-03-01&to=2024-04-30&lang=${lang}`)).body as Buffer);
    // A long title may wrap onto two lines.
    expect(body.replace(/\s+/g, ' ')).toContain(title);
    expect(body).toContain(account);
    expect(body).toContain(money('1462.50', lang));
    expect(body).toContain(formatted());
  });
});
