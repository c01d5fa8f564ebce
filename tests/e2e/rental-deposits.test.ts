/**
 * Rental-deposit advances in Chromium: a coordinator names the fund and gives its IBAN, records a
 * contribution, opens an advance from the form (two months' rent suggested, more refused on the
 * amount field), records a repayment (owed before → after shown first) and downloads the advance's
 * statement; the household sees on its phone what it still owes, its small delay in kind words, how
 * to pay (IBAN and structured communication to copy) and downloads its letter; the coordinator then
 * previews the release (the server's split), confirms it, and writes off what stays owed. The fund
 * page, the advance page, the form and /me are checked with axe at 1280 and 360 px.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.ts';
import { expectFitsPhone, expectNoAxeViolations, launchBrowser, newContext, PHONE, screenshot, watchErrors } from './browser.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const COORDINATOR = { email: 'ines.coordination@example.test', password: 'Platane-Rouge-5173', name: 'Inès Mertens' };
const HOUSEHOLD_PASSWORD = 'Fenetre-Claire-2841';
const NAME = 'Famille Benali';
const FUND_NAME = 'Fonds de garanties locatives';
const IBAN = 'BE68 5390 0754 7034';
const DESKTOP = { width: 1280, height: 800 };

let server: Server;
let browser: Browser;
let coordinator: Page;
let householdContext: BrowserContext;
let household: Page;
let householdId = '';
let reference = '';
let depositId = '';

const pageErrors: string[] = [];

/** Today in Brussels, as the server counts it. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** 'YYYY-MM' n months before today's month. */
function monthsAgo(n: number): string {
  const total = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** The advance opens three months ago; its first instalment is due at the start of the next month (so three are due today). */
const OPENED_ON = `${monthsAgo(3)}-10`;

async function csrfOf(request: APIRequestContext): Promise<string> {
  const session = await request.get(`${server.url}/api/auth/me`);
  return ((await session.json()) as { csrfToken: string }).csrfToken;
}

async function apiPost(page: Page, path: string, data: unknown, headers: Record<string, string> = {}) {
  const response = await page.request.post(`${server.url}${path}`, { headers: { 'X-CSRF-Token': await csrfOf(page.request), ...headers }, data });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json() as Promise<Record<string, unknown>>;
}

/** Text as a person reads it: every run of spaces (no-break ones included) as one space. */
async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** One line of a dialog's effect preview: "1 600,00 € → devient 1 550,00 €" for its label. */
function effectLine(dialog: Locator, label: string): Promise<string> {
  return textOf(dialog.getByTestId('effect').locator('div').filter({ has: dialog.page().locator('dt', { hasText: label }) }).locator('dd'));
}

/** With SCREENSHOTS=1, saves what the screen shows (a dialog over the page), not the whole page. */
async function viewShot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  await page.screenshot({ path: `.tmp/screens/${name}-${page.viewportSize()?.width ?? 0}.png` });
}

describe('rental-deposit advances in the browser', () => {
  beforeAll(async () => {
    server = await startTestServer();
    await server.createStaff({ role: 'coordinator', ...COORDINATOR });
    browser = await launchBrowser();
    const context = await newContext(browser);
    coordinator = await context.newPage();
    watchErrors(coordinator, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets a coordinator name the fund, give its IBAN and record a contribution', async () => {
    await coordinator.goto(`${server.url}/login`);
    await coordinator.getByRole('tab', { name: 'Équipe' }).click();
    await coordinator.getByLabel(/^Adresse e-mail/).fill(COORDINATOR.email);
    await coordinator.getByLabel(/^Mot de passe/).fill(COORDINATOR.password);
    await coordinator.getByRole('button', { name: 'Se connecter' }).click();
    await coordinator.waitForURL(/\/households$/);
    const created = await apiPost(coordinator, '/api/households', { displayName: NAME, members: [{ firstName: 'Yasmina', lastName: 'Benali', kind: 'adult' }], preferredLanguage: 'fr' });
    householdId = String(created.id);
    reference = String(created.reference);

    await coordinator.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Garanties locatives' }).click();
    await coordinator.waitForURL(/\/rental-deposits$/);
    await coordinator.getByRole('heading', { level: 1 }).waitFor();
    await coordinator.getByTestId('fund-check').getByText('Comptes équilibrés').waitFor();

    await coordinator.getByRole('button', { name: 'Modifier le fonds' }).click();
    const edit = coordinator.getByRole('dialog', { name: 'Modifier le fonds' });
    await edit.getByLabel(/^Nom du fonds/).fill(FUND_NAME);
    await edit.getByLabel(/^IBAN du fonds/).fill(IBAN);
    await edit.getByText(`IBAN :`, { exact: false }).waitFor();
    await expectNoAxeViolations(coordinator, 'edit-fund dialog');
    await edit.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await edit.waitFor({ state: 'hidden' });
    await coordinator.getByRole('heading', { level: 1, name: FUND_NAME }).waitFor();
    await coordinator.getByText(IBAN, { exact: true }).first().waitFor();

    await coordinator.getByRole('button', { name: 'Enregistrer un apport' }).click();
    const dialog = coordinator.getByRole('dialog', { name: 'Enregistrer un apport' });
    await dialog.getByLabel(/^Montant/).fill('5 000,00');
    await dialog.getByLabel(/^Date de valeur/).fill(`${monthsAgo(4)}-01`);
    await dialog.getByTestId('effect').locator('dt', { hasText: 'Caisse du fonds' }).waitFor();
    expect(await effectLine(dialog, 'Caisse du fonds')).toBe('0,00 € → devient 5 000,00 €');
    await viewShot(coordinator, 'rental-contribution-dialog');
    await expectNoAxeViolations(coordinator, 'contribution dialog');
    await dialog.getByRole('button', { name: "Confirmer l'apport" }).dblclick();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => textOf(coordinator.getByTestId('fund-cash'))).toBe('5 000,00 €');
    expect(await textOf(coordinator.getByTestId('fund-available'))).toBe('5 000,00 €');
    // The entries list shows the last three months: the contribution is older.
    await coordinator.getByRole('region', { name: 'Écritures du fonds' }).getByLabel(/^Du/).fill(`${monthsAgo(6)}-01`);
    const entries = coordinator.getByRole('list', { name: 'Écritures du fonds' });
    await expect.poll(() => entries.getByRole('listitem').filter({ hasText: 'Apport au fonds' }).count()).toBe(1);
  });

  it('opens an advance from the form, with two months of rent suggested', async () => {
    await coordinator.getByRole('link', { name: 'Nouvelle avance' }).click();
    await coordinator.waitForURL(/\/rental-deposits\/new$/);
    await coordinator.getByRole('heading', { level: 1, name: 'Nouvelle avance de garantie locative' }).waitFor();
    await coordinator.setViewportSize(PHONE);
    await expectFitsPhone(coordinator, 'new-advance form');
    await screenshot(coordinator, 'rental-new');
    await expectNoAxeViolations(coordinator, 'new-advance form at 360 px');
    await coordinator.setViewportSize(DESKTOP);
    await coordinator.getByLabel(/^Rechercher un ménage/).fill(NAME);
    const picker = coordinator.getByLabel(/^Ménage/);
    await expect.poll(() => picker.locator('option').allTextContents()).toEqual([`${NAME} (${reference})`]);
    await coordinator.getByLabel(/^Nom du propriétaire/).fill('Marc Janssens');
    await coordinator.getByLabel(/^Téléphone du propriétaire/).fill('+32 2 123 45 67');
    await coordinator.getByLabel(/^Adresse du logement/).fill('Rue de la Senne 12, 1000 Bruxelles');
    await coordinator.getByLabel(/^Loyer mensuel/).fill('800');
    const amount = coordinator.getByLabel(/^Montant de la garantie/);
    await expect.poll(() => amount.inputValue()).toBe('1\u202f600,00');
    await coordinator.getByText('Maximum légal à Bruxelles : 1 600,00 €', { exact: false }).waitFor();
    await coordinator.getByLabel(/^Date d'ouverture/).fill(OPENED_ON);
    await coordinator.getByLabel(/^Banque du compte bloqué/).fill('Belfius');
    await coordinator.getByLabel(/^Référence du compte bloqué/).fill('GL-2026-0042');
    await coordinator.getByLabel(/^Mensualité/).fill('50');
    expect(await coordinator.getByLabel(/^Première mensualité le/).inputValue()).toBe(`${monthsAgo(2)}-01`);
    const effect = coordinator.getByTestId('effect');
    expect(await textOf(effect.locator('dd'))).toBe('5 000,00 € → devient 3 400,00 €');
    await screenshot(coordinator, 'rental-new');
    await expectNoAxeViolations(coordinator, 'new-advance form');

    // More than two months' rent: warned first, then refused by the API on the amount field.
    await amount.fill('2 000,00');
    await coordinator.getByText("C'est plus que 2 mois de loyer (1 600,00 €), le maximum légal.").waitFor();
    await coordinator.getByRole('button', { name: "Ouvrir l'avance" }).click();
    await expect.poll(() => amount.getAttribute('aria-invalid')).toBe('true');
    await coordinator.getByText('Indiquez un montant positif, au plus 2 mois de loyer (le maximum légal).').waitFor();
    await coordinator.getByRole('main').getByRole('alert').first().waitFor();
    await expectNoAxeViolations(coordinator, 'new-advance form with a refusal');
    await amount.fill('1 600,00');

    await coordinator.getByRole('button', { name: "Ouvrir l'avance" }).click();
    await coordinator.waitForURL(/\/rental-deposits\/[0-9a-f-]{36}$/);
    depositId = coordinator.url().split('/').pop() ?? '';
    await coordinator.getByRole('heading', { level: 1, name: `Garantie locative — ${NAME}` }).waitFor();
    await expect.poll(() => textOf(coordinator.getByTestId('deposit-owed'))).toBe('1 600,00 €');
    expect(await textOf(coordinator.getByTestId('deposit-communication'))).toMatch(/^\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+$/);
    const facts = coordinator.getByRole('region', { name: "L'avance", exact: true });
    expect(await textOf(facts)).toContain('Marc Janssens');
    expect(await textOf(facts)).toContain('GL-2026-0042');
    expect(await textOf(facts)).toContain(IBAN);
    const schedule = coordinator.getByRole('table', { name: 'Plan de remboursement' });
    expect(await schedule.getByRole('row').count()).toBe(33); // header + 32 instalments of 50,00 €
    expect(await schedule.getByRole('row').filter({ hasText: 'En retard' }).count()).toBeGreaterThanOrEqual(2);
  });

  it('records a repayment after showing what stays owed', async () => {
    await coordinator.getByRole('button', { name: 'Enregistrer un remboursement' }).click();
    const dialog = coordinator.getByRole('dialog', { name: 'Enregistrer un remboursement' });
    await dialog.waitFor();
    expect(await dialog.getByLabel(/^Montant/).inputValue()).toBe('50,00');
    await dialog.getByLabel(/^Date de valeur/).fill(`${monthsAgo(2)}-03`);
    await dialog.getByLabel(/^Référence bancaire/).fill('VIR-GL-001');
    expect(await effectLine(dialog, 'Reste dû')).toBe('1 600,00 € → devient 1 550,00 €');
    await viewShot(coordinator, 'rental-repayment-dialog');
    await expectNoAxeViolations(coordinator, 'repayment dialog');
    await dialog.getByRole('button', { name: 'Confirmer le remboursement' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => textOf(coordinator.getByTestId('deposit-owed'))).toBe('1 550,00 €');
    expect(await textOf(coordinator.getByTestId('deposit-paid'))).toBe('50,00 €');
    await coordinator.getByRole('list', { name: "Écritures de l'avance" }).getByText('Réf. banque VIR-GL-001', { exact: false }).waitFor();
    expect(await textOf(coordinator.getByTestId('deposit-arrears'))).toContain('2 mensualités ne sont pas entièrement payées : il manque 100,00 €.');
  });

  it("downloads the advance's statement in the household's language, with the repayment on it", async () => {
    const documents = coordinator.getByRole('region', { name: 'Documents' });
    expect(await documents.getByLabel(/^Langue des documents/).inputValue()).toBe('fr');
    const [response, file] = await Promise.all([
      coordinator.waitForResponse((r) => r.url().includes(`/api/rental-deposits/${depositId}/statement.pdf`)),
      coordinator.waitForEvent('download'),
      documents.getByRole('button', { name: 'Extrait (PDF)' }).click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    expect(response.url()).toContain(`from=${OPENED_ON}`);
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: await (await coordinator.request.get(response.url())).body() }).toString().replace(/\s+/g, ' ');
    expect(text).toContain(NAME);
    expect(text).toContain('VIR-GL-001');
    expect(await documents.getByRole('alert').count()).toBe(0);
  });

  it('passes axe on the fund page and the advance page at 1280 and 360 px', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      await coordinator.setViewportSize(viewport);
      await coordinator.goto(`${server.url}/rental-deposits`);
      await coordinator.getByRole('heading', { level: 1, name: FUND_NAME }).waitFor();
      await expect.poll(() => textOf(coordinator.getByTestId('fund-owedByTenants'))).toBe('1 550,00 €');
      expect(await textOf(coordinator.getByTestId('fund-placed'))).toBe('1 600,00 €');
      expect(await textOf(coordinator.getByTestId('fund-openCount'))).toBe('1');
      await coordinator.getByRole('img', { name: 'Caisse, garanties placées et dû par les locataires' }).waitFor();
      await coordinator.getByRole('link', { name: NAME }).first().waitFor();
      if (viewport === PHONE) await expectFitsPhone(coordinator, 'fund page');
      await screenshot(coordinator, 'rental-fund');
      await expectNoAxeViolations(coordinator, `fund page at ${viewport.width} px`);

      const figure = coordinator.getByRole('figure', { name: 'Caisse, garanties placées et dû par les locataires' });
      await figure.getByText('Tableau', { exact: true }).click();
      const table = coordinator.getByRole('table', { name: 'Caisse, garanties placées et dû par les locataires' });
      expect(await textOf(table.getByRole('row').last())).toContain('1 550,00 €');
      await expectNoAxeViolations(coordinator, `fund chart table at ${viewport.width} px`);

      await coordinator.goto(`${server.url}/rental-deposits/${depositId}`);
      await coordinator.getByRole('heading', { level: 1, name: `Garantie locative — ${NAME}` }).waitFor();
      await coordinator.getByRole('table', { name: 'Plan de remboursement' }).waitFor();
      if (viewport === PHONE) await expectFitsPhone(coordinator, 'advance page');
      await screenshot(coordinator, 'rental-deposit');
      await expectNoAxeViolations(coordinator, `advance page at ${viewport.width} px`);
    }
    await coordinator.setViewportSize(DESKTOP);

    await coordinator.goto(`${server.url}/households/${householdId}?tab=rentalDeposit`);
    const tab = coordinator.getByRole('region', { name: 'Garantie locative' });
    await tab.getByRole('table', { name: 'Avances de ce ménage' }).getByRole('link', { name: 'Rue de la Senne 12, 1000 Bruxelles' }).waitFor();
    await screenshot(coordinator, 'rental-household-tab');
    await expectNoAxeViolations(coordinator, 'household rental-deposit tab');
  });

  it('shows the household on its phone what it owes, its delay kindly, and how to pay', async () => {
    const { code } = (await apiPost(coordinator, `/api/households/${householdId}/activation`, undefined)) as { code: string };
    householdContext = await newContext(browser, { viewport: PHONE, isMobile: true, hasTouch: true });
    household = await householdContext.newPage();
    watchErrors(household, pageErrors);
    const activated = await household.request.post(`${server.url}/api/auth/activate`, { headers: { Origin: server.url }, data: { code, password: HOUSEHOLD_PASSWORD } });
    expect(activated.status()).toBeLessThan(300);
    await household.goto(`${server.url}/login`);
    await household.getByRole('tab', { name: 'Ménage' }).click();
    await household.getByLabel(/^Référence du ménage/).fill(reference);
    await household.getByLabel(/^Mot de passe/).fill(HOUSEHOLD_PASSWORD);
    await household.getByRole('button', { name: 'Se connecter' }).click();
    await household.waitForURL(/\/me$/);

    const section = household.getByRole('region', { name: 'Votre garantie locative' });
    await section.waitFor();
    expect(await textOf(section.getByTestId('my-deposit-owed'))).toBe('Il vous reste 1 550,00 € à rembourser.');
    expect(await textOf(section.getByTestId('my-deposit-next'))).toMatch(/^Prochain versement : 50,00 € pour le /);
    expect(await textOf(section.getByTestId('my-deposit-arrears'))).toContain('parlez-en à votre référent·e');
    expect(await textOf(section.getByTestId('my-deposit-iban'))).toBe(IBAN);
    expect(await textOf(section.getByTestId('my-deposit-communication'))).toMatch(/^\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+$/);
    await section.getByRole('button', { name: "Copier l'IBAN" }).waitFor();
    await section.getByRole('button', { name: 'Copier la communication structurée' }).waitFor();
    // The page's other sections have settled too (axe reads the whole page); the savings section is
    // checked at the end of this test.
    const savings = household.getByRole('region', { name: 'Ce que vous avez épargné' });
    await savings.getByTestId('my-savings-empty').or(savings.getByRole('alert')).waitFor({ timeout: 20_000 });
    await expectFitsPhone(household, 'my page with a rental deposit');
    await screenshot(household, 'rental-me');
    await expectNoAxeViolations(household, 'my page at 360 px');

    const [response] = await Promise.all([
      household.waitForResponse((r) => r.url().includes(`/api/rental-deposits/${depositId}/letter.pdf`)),
      household.waitForEvent('download'),
      section.getByRole('button', { name: 'Télécharger ma lettre de remboursement' }).click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    expect(response.url()).toContain('lang=fr');
    const letter = execFileSync('pdftotext', ['-layout', '-', '-'], { input: await (await household.request.get(response.url())).body() }).toString().replace(/\s+/g, ' ');
    expect(letter).toContain(NAME);
    expect(letter).toContain(IBAN);
    expect(letter).toContain('50,00');

    await household.setViewportSize(DESKTOP);
    await section.waitFor();
    await screenshot(household, 'rental-me');
    await expectNoAxeViolations(household, 'my page at 1280 px');

    // A household with an advance still sees its savings section (GET /api/households/:id/savings).
    expect(await savings.getByRole('alert').count(), 'the savings section of /me shows an error for a household with a rental-deposit advance').toBe(0);
  });

  it("tells the household the same in Dutch", async () => {
    await household.getByRole('button', { name: /^Langue : Français/ }).click();
    await household.getByRole('menuitem', { name: 'Nederlands' }).click();
    const nl = household.getByRole('region', { name: 'Uw huurwaarborg' });
    await nl.waitFor();
    expect(await textOf(nl.getByTestId('my-deposit-owed'))).toMatch(/^U moet nog .*1\.550,00.* terugbetalen\.$/);
    await nl.getByRole('button', { name: 'IBAN kopiëren' }).waitFor();
    // Whatever the language change refetches has settled before axe reads the page.
    await expect.poll(() => household.locator('.mantine-Loader-root').count(), { timeout: 20_000 }).toBe(0);
    await screenshot(household, 'rental-me-nl');
    await expectNoAxeViolations(household, 'my page in Dutch');
  });

  it('previews the release with the server, confirms it, and writes off what stays owed', async () => {
    await coordinator.goto(`${server.url}/rental-deposits/${depositId}`);
    await coordinator.getByRole('button', { name: 'Déblocage de la garantie' }).click();
    const dialog = coordinator.getByRole('dialog', { name: 'Déblocage de la garantie' });
    await dialog.waitFor();
    await dialog.getByLabel(/^Retenu par le propriétaire/).fill('400');
    const preview = dialog.getByTestId('release-preview');
    await expect.poll(() => textOf(preview.getByTestId('release-released').locator('dd'))).toBe('1 200,00 €');
    expect(await textOf(preview.getByTestId('release-toFund').locator('dd'))).toBe('1 200,00 €');
    expect(await textOf(preview.getByTestId('release-toTenant').locator('dd'))).toBe('0,00 €');
    expect(await textOf(preview.getByTestId('release-remainingOwed').locator('dd'))).toBe('350,00 €');
    await viewShot(coordinator, 'rental-release-dialog');
    await expectNoAxeViolations(coordinator, 'release dialog');
    await dialog.getByRole('button', { name: 'Confirmer le déblocage' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => textOf(coordinator.getByTestId('deposit-owed'))).toBe('350,00 €');
    await coordinator.getByRole('heading', { level: 1 }).locator('..').getByText('Débloquée, reste dû').waitFor();
    expect(await textOf(coordinator.getByTestId('deposit-releasedToFund'))).toBe('1 200,00 €');

    await coordinator.getByRole('button', { name: 'Abandonner une créance' }).click();
    const writeOff = coordinator.getByRole('dialog', { name: 'Abandonner une créance' });
    expect(await effectLine(writeOff, 'Reste dû')).toBe('350,00 € → devient 0,00 €');
    await writeOff.getByLabel(/^Raison/).fill('Locataire sans revenus, décision du comité');
    await writeOff.getByRole('button', { name: "Confirmer l'abandon" }).click();
    await writeOff.waitFor({ state: 'hidden' });
    await expect.poll(() => textOf(coordinator.getByTestId('deposit-owed'))).toBe('0,00 €');
    await coordinator.getByRole('heading', { level: 1 }).locator('..').getByText('Clôturée').waitFor();
    await coordinator.getByRole('list', { name: "Écritures de l'avance" }).getByText('Raison : Locataire sans revenus, décision du comité').waitFor();
    await screenshot(coordinator, 'rental-deposit-closed');

    await coordinator.goto(`${server.url}/rental-deposits`);
    await expect.poll(() => textOf(coordinator.getByTestId('fund-cash'))).toBe('4 650,00 €');
    expect(await textOf(coordinator.getByTestId('fund-writtenOff'))).toBe('350,00 €');
    await coordinator.getByTestId('fund-check').getByText('Comptes équilibrés').waitFor();
  });

  it('reverses the write-off with a reason, and the advance owes again', async () => {
    await coordinator.goto(`${server.url}/rental-deposits/${depositId}`);
    const entries = coordinator.getByRole('list', { name: "Écritures de l'avance" });
    await entries.getByRole('listitem').filter({ hasText: 'Créance abandonnée' }).getByRole('button', { name: /^Corriger l'écriture n° \d+$/ }).click();
    const dialog = coordinator.getByRole('dialog', { name: /^Corriger l'écriture n° \d+$/ });
    await dialog.waitFor();
    expect(await effectLine(dialog, 'Reste dû')).toBe('0,00 € → devient 350,00 €');
    await dialog.getByRole('button', { name: 'Confirmer la correction' }).click();
    const reason = dialog.getByLabel(/^Raison/);
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(coordinator, 'reversal dialog with a missing reason');
    await reason.fill('Le comité revoit sa décision');
    await dialog.getByRole('button', { name: 'Confirmer la correction' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => textOf(coordinator.getByTestId('deposit-owed'))).toBe('350,00 €');
    await coordinator.getByRole('heading', { level: 1 }).locator('..').getByText('Débloquée, reste dû').waitFor();
    const correction = entries.getByRole('listitem').filter({ hasText: 'Raison : Le comité revoit sa décision' });
    expect(await textOf(correction)).toContain('Corrige : Créance abandonnée n°');
    await entries.getByRole('listitem').filter({ hasText: 'Locataire sans revenus' }).getByText('Corrigée', { exact: true }).waitFor();
  });

  it('undoes a release that moved no money (the landlord kept everything)', async () => {
    const other = await apiPost(coordinator, '/api/households', { displayName: 'Famille Dubois', members: [{ firstName: 'Léa', lastName: 'Dubois', kind: 'adult' }], preferredLanguage: 'fr' });
    const advance = await apiPost(
      coordinator,
      '/api/rental-deposits',
      { householdId: other.id, landlord: { name: 'Sophie Lemaire' }, address: 'Avenue Louise 200, 1050 Ixelles', monthlyRent: '700.00', amount: '1400.00', openedOn: OPENED_ON, plan: { months: 28 }, firstDueOn: `${monthsAgo(2)}-01` },
      { 'Idempotency-Key': randomUUID() },
    );
    await coordinator.goto(`${server.url}/rental-deposits/${String(advance.id)}`);
    await coordinator.getByRole('button', { name: 'Déblocage de la garantie' }).click();
    const release = coordinator.getByRole('dialog', { name: 'Déblocage de la garantie' });
    await release.getByLabel(/^Retenu par le propriétaire/).fill('1 400,00');
    await expect.poll(() => textOf(release.getByTestId('release-toFund').locator('dd'))).toBe('0,00 €');
    expect(await textOf(release.getByTestId('release-remainingOwed').locator('dd'))).toBe('1 400,00 €');
    await release.getByRole('button', { name: 'Confirmer le déblocage' }).click();
    await release.waitFor({ state: 'hidden' });
    await coordinator.getByRole('heading', { level: 1 }).locator('..').getByText('Débloquée, reste dû').waitFor();

    await coordinator.getByRole('button', { name: 'Annuler le déblocage' }).click();
    const undo = coordinator.getByRole('dialog', { name: 'Annuler le déblocage' });
    await undo.getByTestId('effect').getByText("l'avance redevient en cours", { exact: false }).waitFor();
    await expectNoAxeViolations(coordinator, 'undo-release dialog');
    await undo.getByRole('button', { name: "Confirmer l'annulation" }).click();
    await undo.waitFor({ state: 'hidden' });
    await coordinator.getByRole('heading', { level: 1 }).locator('..').getByText('En cours').waitFor();
    expect(await coordinator.getByRole('region', { name: 'Déblocage', exact: true }).count()).toBe(0);
  });

  it('shows a referent the fund and the advance without any money operation', async () => {
    await server.createStaff({ role: 'referent', email: 'theo.referent@example.test', password: 'Marronnier-Vert-6240', name: 'Théo Claes' });
    const context = await newContext(browser);
    const referent = await context.newPage();
    watchErrors(referent, pageErrors);
    await referent.goto(`${server.url}/login`);
    await referent.getByRole('tab', { name: 'Équipe' }).click();
    await referent.getByLabel(/^Adresse e-mail/).fill('theo.referent@example.test');
    await referent.getByLabel(/^Mot de passe/).fill('Marronnier-Vert-6240');
    await referent.getByRole('button', { name: 'Se connecter' }).click();
    await referent.waitForURL(/\/households$/);
    await referent.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Garanties locatives' }).click();
    await referent.getByRole('heading', { level: 1, name: FUND_NAME }).waitFor();
    await referent.getByRole('link', { name: NAME }).first().waitFor();
    for (const name of ['Enregistrer un apport', 'Clôturer un mois', 'Modifier le fonds', 'Corriger']) expect(await referent.getByRole('button', { name }).count(), name).toBe(0);
    expect(await referent.getByRole('link', { name: 'Nouvelle avance' }).count()).toBe(0);
    await referent.goto(`${server.url}/rental-deposits/${depositId}`);
    await referent.getByRole('heading', { level: 1, name: `Garantie locative — ${NAME}` }).waitFor();
    expect(await referent.getByRole('region', { name: 'Opérations' }).count()).toBe(0);
    await referent.goto(`${server.url}/rental-deposits/new`);
    await expect.poll(() => new URL(referent.url()).pathname).toBe('/households');
    await context.close();
    expect(pageErrors).toEqual([]);
  });
});
