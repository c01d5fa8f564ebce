/**
 * Savings in Chromium: a coordinator creates a GECS group, adds two households, records a deposit
 * (double-clicked, posted once), sees the pot figures and chart, pays an advance through the
 * confirmation dialog (its effect shown first), is refused a too-large advance in French, and reverses
 * an entry with a reason, cancels an approved advance at a chosen date, sets the group's end date and
 * exit cost in the edit dialog (on a phone, with an inline error first); the household sees its own savings on a phone and downloads its statement,
 * and cannot open another household's. Pages and dialogs are checked with axe at 1280 and 360 px.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.ts';
import { expectFitsPhone, expectNoAxeViolations, launchBrowser, newContext, PHONE, screenshot, watchErrors } from './browser.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const COORDINATOR = { email: 'nadia.coordination@example.test', password: 'Tilleul-Argent-6402', name: 'Nadia Lambert' };
const HOUSEHOLD_PASSWORD = 'Colline-Douce-3918';
const GROUP_NAME = 'GECS Anderlecht 2026';
const A_NAME = 'Famille Haddad';
const B_NAME = 'Famille Verbeke';
const DESKTOP = { width: 1280, height: 800 };

let server: Server;
let browser: Browser;
let coordinator: Page;
let householdContext: BrowserContext;
let household: Page;
let groupId = '';
let aId = '';
let bId = '';
let aReference = '';

const pageErrors: string[] = [];

/** Today in Brussels, as the server counts it. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** 'YYYY-MM' n months before today's month. */
function monthsAgo(n: number): string {
  const total = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

const START = `${monthsAgo(3)}-01`;
/** The group's end, set in the edit dialog: 30 June of next year. */
const END = `${Number(today.slice(0, 4)) + 1}-06-30`;

async function csrfOf(request: APIRequestContext): Promise<string> {
  const session = await request.get(`${server.url}/api/auth/me`);
  return ((await session.json()) as { csrfToken: string }).csrfToken;
}

async function apiPost(page: Page, path: string, data: unknown, headers: Record<string, string> = {}) {
  const response = await page.request.post(`${server.url}${path}`, { headers: { 'X-CSRF-Token': await csrfOf(page.request), ...headers }, data });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json() as Promise<Record<string, unknown>>;
}

async function fillStaffLogin(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
  await page.getByRole('tab', { name: 'Équipe' }).click();
  await page.getByLabel(/^Adresse e-mail/).fill(email);
  await page.getByLabel(/^Mot de passe/).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** With SCREENSHOTS=1, also saves a tall page in 1 200 px slices that people can look at one by one. */
async function slices(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  await screenshot(page, name);
  const width = page.viewportSize()?.width ?? 0;
  const height = Number(await page.evaluate('document.documentElement.scrollHeight'));
  for (let y = 0, part = 1; y < height; y += 1200, part += 1) {
    await page.screenshot({ path: `.tmp/screens/${name}-${width}-part${part}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(1200, height - y) } });
  }
}

/** With SCREENSHOTS=1, saves what the screen shows (a dialog over the page), not the whole page. */
async function viewShot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  await page.screenshot({ path: `.tmp/screens/${name}-${page.viewportSize()?.width ?? 0}.png` });
}

/** Text as a person reads it: every run of spaces (no-break ones included) as one space. */
async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** A pot figure on the group page, as read. */
function potFigure(page: Page, key: string): Promise<string> {
  return textOf(page.getByTestId(`pot-${key}`));
}

/** One line of a dialog's effect preview: "600,00 € → devient 700,00 €" for its label. */
function effectLine(dialog: Locator, label: string): Promise<string> {
  return textOf(dialog.getByTestId('effect').locator('div').filter({ has: dialog.page().locator('dt', { hasText: label }) }).locator('dd'));
}

describe('savings in the browser', () => {
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

  it('lets a coordinator create a group from the groups page', async () => {
    await fillStaffLogin(coordinator, COORDINATOR.email, COORDINATOR.password);
    await coordinator.waitForURL(/\/households$/);
    for (const [name, first] of [
      [A_NAME, 'Samir'],
      [B_NAME, 'Els'],
    ] as const) {
      const created = await apiPost(coordinator, '/api/households', { displayName: name, members: [{ firstName: first, lastName: name.split(' ')[1], kind: 'adult' }], preferredLanguage: 'fr' });
      if (name === A_NAME) {
        aId = String(created.id);
        aReference = String(created.reference);
      } else bId = String(created.id);
    }

    await coordinator.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Groupes GECS' }).click();
    await coordinator.waitForURL(/\/groups$/);
    await coordinator.getByRole('heading', { level: 1, name: 'Groupes GECS' }).waitFor();
    await coordinator.getByText('Aucun groupe pour l\'instant. Commencez par en créer un.').waitFor();
    await expectNoAxeViolations(coordinator, 'groups list (empty)');

    await coordinator.getByRole('main').getByRole('button', { name: 'Nouveau groupe' }).click();
    const dialog = coordinator.getByRole('dialog', { name: 'Nouveau groupe GECS' });
    await dialog.waitFor();
    await dialog.getByLabel(/^Nom du groupe/).fill(GROUP_NAME);
    await dialog.getByLabel(/^Cohorte/).fill('2025-2026');
    await dialog.getByLabel(/^Montant mensuel/).fill('100,00');
    await dialog.getByLabel(/^Début/).fill(START);
    await dialog.getByRole('radio', { name: 'Remboursement au départ, moins des frais' }).check();
    await dialog.getByLabel(/^Frais de sortie/).fill('50');
    await viewShot(coordinator, 'savings-create-group');
    await expectNoAxeViolations(coordinator, 'new-group dialog');
    await dialog.getByRole('button', { name: 'Créer le groupe' }).click();

    await coordinator.waitForURL(/\/groups\/[0-9a-f-]{36}$/);
    groupId = coordinator.url().split('/').pop() ?? '';
    await coordinator.getByRole('heading', { level: 1, name: GROUP_NAME }).waitFor();
    await coordinator.getByTestId('group-check').getByText('Comptes équilibrés').waitFor();
  });

  it('adds two households through the add-member dialog', async () => {
    for (const name of [A_NAME, B_NAME]) {
      await coordinator.getByRole('button', { name: 'Ajouter un membre' }).click();
      const dialog = coordinator.getByRole('dialog', { name: 'Ajouter un membre' });
      await dialog.waitFor();
      await dialog.getByLabel(/^Rechercher un ménage/).fill(name);
      await expect.poll(() => dialog.getByLabel(/^Ménage/).locator('option').allTextContents()).toEqual([expect.stringContaining(name)]);
      await dialog.getByLabel(/^Date d'entrée/).fill(START);
      await dialog.getByTestId('effect').getByText(`${name} entre dans le groupe et versera 100,00 € chaque mois`, { exact: false }).waitFor();
      if (name === A_NAME) await expectNoAxeViolations(coordinator, 'add-member dialog');
      await dialog.getByRole('button', { name: "Confirmer l'ajout" }).click();
      await dialog.waitFor({ state: 'hidden' });
      await coordinator.getByRole('table', { name: 'Membres du groupe' }).getByRole('link', { name }).waitFor();
    }
  });

  it('records a deposit once, even when the confirm button is double-clicked', async () => {
    // Three months of deposits for both households, through the API (as the bank import will).
    for (const id of [aId, bId]) {
      for (const n of [3, 2, 1]) {
        await apiPost(coordinator, `/api/households/${id}/deposits`, { target: 'group', amount: '100.00', valueDate: `${monthsAgo(n)}-05` }, { 'Idempotency-Key': randomUUID() });
      }
    }
    await coordinator.reload();
    await expect.poll(() => potFigure(coordinator, 'cash')).toBe('600,00 €');

    await coordinator.getByRole('button', { name: 'Actions pour Famille Haddad' }).click();
    await coordinator.getByRole('menuitem', { name: 'Enregistrer un versement' }).click();
    const dialog = coordinator.getByRole('dialog', { name: 'Enregistrer un versement' });
    await dialog.waitFor();
    await dialog.getByLabel(/^Montant/).fill('100');
    await dialog.getByLabel(/^Référence bancaire/).fill('VIR-0001');
    const effect = dialog.getByTestId('effect');
    await effect.locator('dt', { hasText: 'Caisse du pot' }).waitFor();
    expect(await effectLine(dialog, 'Caisse du pot')).toBe('600,00 € → devient 700,00 €');
    expect(await effectLine(dialog, `Épargne de ${A_NAME} dans le groupe`)).toBe('300,00 € → devient 400,00 €');
    await viewShot(coordinator, 'savings-deposit-dialog');
    await expectNoAxeViolations(coordinator, 'deposit dialog');
    await dialog.getByRole('button', { name: 'Confirmer le versement' }).dblclick();
    await dialog.waitFor({ state: 'hidden' });
    await coordinator.getByText(`Versement de 100,00 € enregistré pour ${A_NAME}.`).first().waitFor();
    await expect.poll(() => potFigure(coordinator, 'cash')).toBe('700,00 €');

    const entries = await coordinator.request.get(`${server.url}/api/households/${aId}/entries?from=2000-01-01`);
    const items = ((await entries.json()) as { items: Array<{ bankReference: string | null }> }).items;
    expect(items.filter((e) => e.bankReference === 'VIR-0001')).toHaveLength(1);
  });

  it('shows the pot figures, the pot chart with its table, and the members', async () => {
    expect(await potFigure(coordinator, 'available')).toBe('700,00 €');
    expect(await potFigure(coordinator, 'membersSavings')).toBe('700,00 €');
    const chart = coordinator.getByRole('img', { name: 'Évolution du pot commun' });
    await chart.waitFor();
    await expect.poll(() => chart.locator('.recharts-area').count()).toBe(3);
    const row = coordinator.getByRole('table', { name: 'Membres du groupe' }).getByRole('row').filter({ hasText: A_NAME });
    expect(await textOf(row)).toContain('400,00 €');
    expect(await textOf(row)).toContain('À jour');
    await slices(coordinator, 'savings-group');
    await expectNoAxeViolations(coordinator, 'group page');

    const figure = coordinator.getByRole('figure', { name: 'Évolution du pot commun' });
    await figure.getByText('Tableau', { exact: true }).click();
    const table = coordinator.getByRole('table', { name: 'Évolution du pot commun' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe(5); // header + 4 months
    expect(await textOf(table.getByRole('row').last())).toContain('700,00 €');
    await figure.getByText('Graphique', { exact: true }).click();
    await coordinator.getByRole('img', { name: 'Évolution du pot commun' }).waitFor();
  });

  it('pays an advance through the confirmation dialog, which shows its effect first', async () => {
    await coordinator.getByRole('button', { name: "Avance d'acompte" }).click();
    const dialog = coordinator.getByRole('dialog', { name: "Avance d'acompte" });
    await dialog.waitFor();
    await dialog.getByLabel(/^Ménage/).selectOption({ label: A_NAME });
    await dialog.getByLabel(/^Montant/).fill('500,00');
    const effect = dialog.getByTestId('effect');
    await effect.locator('dt', { hasText: 'Disponible' }).waitFor();
    expect(await effectLine(dialog, 'Caisse du pot')).toBe('700,00 € → devient 200,00 €');
    expect(await effectLine(dialog, 'Disponible')).toBe('700,00 € → devient 200,00 €');
    expect(await effectLine(dialog, 'Avances en cours')).toBe('0,00 € → devient 500,00 €');
    await viewShot(coordinator, 'savings-advance-dialog');
    await expectNoAxeViolations(coordinator, 'advance dialog');
    await dialog.getByRole('button', { name: "Confirmer et verser l'avance" }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => potFigure(coordinator, 'cash')).toBe('200,00 €');
    expect(await potFigure(coordinator, 'outstandingAdvances')).toBe('500,00 €');
    await coordinator.getByRole('list', { name: "Avances d'acompte" }).getByText('Versée', { exact: true }).waitFor();
  });

  it('shows the refusal of a too-large advance in French, inside the dialog', async () => {
    await coordinator.getByRole('button', { name: "Avance d'acompte" }).click();
    const dialog = coordinator.getByRole('dialog', { name: "Avance d'acompte" });
    await dialog.waitFor();
    await dialog.getByLabel(/^Ménage/).selectOption({ label: B_NAME });
    await dialog.getByLabel(/^Montant/).fill('900');
    await dialog.getByText('C\'est plus que ce que le pot a de disponible (200,00 €).', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: "Confirmer et verser l'avance" }).click();
    await dialog.getByRole('alert').getByText("Le pot n'a pas assez d'argent disponible pour ce montant", { exact: false }).waitFor();
    await viewShot(coordinator, 'savings-advance-refused');
    await expectNoAxeViolations(coordinator, 'advance dialog with a refusal');
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await potFigure(coordinator, 'cash')).toBe('200,00 €');
  });

  it('reverses an entry, but only with a reason', async () => {
    const list = coordinator.getByRole('list', { name: 'Écritures du groupe' });
    const line = list.getByRole('listitem').filter({ hasText: 'VIR-0001' });
    await line.getByRole('button', { name: /^Corriger l'écriture/ }).click();
    const dialog = coordinator.getByRole('dialog', { name: /^Corriger l'écriture n° \d+$/ });
    await dialog.waitFor();
    expect(await effectLine(dialog, 'Caisse du pot')).toBe('200,00 € → devient 100,00 €');
    await dialog.getByRole('button', { name: 'Confirmer la correction' }).click();
    const reason = dialog.getByLabel(/^Raison/);
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    await viewShot(coordinator, 'savings-reversal-dialog');
    await expectNoAxeViolations(coordinator, 'reversal dialog with a missing reason');
    await reason.fill('Versement enregistré deux fois');
    await dialog.getByRole('button', { name: 'Confirmer la correction' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => potFigure(coordinator, 'cash')).toBe('100,00 €');
    const correction = list.getByRole('listitem').filter({ hasText: 'Raison : Versement enregistré deux fois' });
    await correction.waitFor();
    expect(await textOf(correction)).toContain('Annule : Versement – épargne du groupe');
    await list.getByRole('listitem').filter({ hasText: 'VIR-0001' }).getByText('Corrigée', { exact: true }).waitFor();
    await coordinator.getByTestId('group-check').getByText('Comptes équilibrés').waitFor();
  });

  it('cancels an approved advance at the date chosen in the dialog, freeing its reservation', async () => {
    const approvedOn = `${monthsAgo(1)}-10`;
    const cancelledOn = `${monthsAgo(1)}-20`;
    await apiPost(coordinator, `/api/groups/${groupId}/advances`, { householdId: bId, amount: '50.00', valueDate: approvedOn, status: 'approved' }, { 'Idempotency-Key': randomUUID() });
    await coordinator.reload();
    await expect.poll(() => potFigure(coordinator, 'reserved')).toBe('50,00 €');
    expect(await potFigure(coordinator, 'available')).toBe('50,00 €');

    await coordinator.getByRole('button', { name: `Annuler l'avance de ${B_NAME}` }).click();
    const dialog = coordinator.getByRole('dialog', { name: `Annuler l'avance de ${B_NAME}` });
    await dialog.waitFor();
    const on = dialog.getByLabel(/^Date de l'annulation/);
    expect(await on.inputValue()).toBe(today);
    expect(await on.getAttribute('min')).toBe(approvedOn);
    expect(await effectLine(dialog, 'Réservé')).toBe('50,00 € → devient 0,00 €');
    await dialog.getByLabel(/^Raison/).fill('Compromis annulé');
    // Before the approval: refused by the API, shown on the date field.
    await on.fill(`${monthsAgo(1)}-05`);
    await dialog.getByRole('button', { name: "Confirmer l'annulation" }).click();
    await expect.poll(() => on.getAttribute('aria-invalid')).toBe('true');
    await dialog.getByText("Indiquez une date valable, pas dans le futur ni avant l'approbation.").waitFor();
    await expectNoAxeViolations(coordinator, 'cancel-advance dialog with an invalid date');
    await on.fill(cancelledOn);
    await dialog.getByRole('button', { name: "Confirmer l'annulation" }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => potFigure(coordinator, 'reserved')).toBe('0,00 €');
    const card = coordinator.getByRole('list', { name: "Avances d'acompte" }).getByRole('listitem').filter({ hasText: B_NAME });
    await card.getByText('Annulée', { exact: true }).waitFor();
    await card.locator(`time[datetime="${cancelledOn}"]`).waitFor();
    expect(await textOf(card)).toContain('Compromis annulé');
  });

  it('exports the group\'s entries (CSV) and its members\' statements (ZIP) for the chosen period', async () => {
    const exports = coordinator.getByRole('region', { name: 'Exports' });
    /** The name the server gives a file (Content-Disposition), which the saved file must keep. */
    const serverName = async (url: string) => {
      const header = (await coordinator.request.get(url)).headers()['content-disposition'] ?? '';
      return /filename="?([^";]+)"?/.exec(header)?.[1] ?? header;
    };
    const [csv, csvFile] = await Promise.all([
      coordinator.waitForResponse((r) => r.url().includes(`/api/groups/${groupId}/entries.csv`)),
      coordinator.waitForEvent('download'),
      exports.getByRole('button', { name: 'Écritures (CSV)' }).click(),
    ]);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const csvName = await serverName(csv.url());
    expect(csvName).toMatch(/\.csv$/);
    expect(csvFile.suggestedFilename()).toBe(csvName);
    const [zip, zipFile] = await Promise.all([
      coordinator.waitForResponse((r) => r.url().includes(`/api/groups/${groupId}/statements.zip`)),
      coordinator.waitForEvent('download'),
      exports.getByRole('button', { name: 'Extraits des membres (ZIP)' }).click(),
    ]);
    expect(zip.status()).toBe(200);
    expect(zip.headers()['content-type']).toContain('application/zip');
    const zipName = await serverName(zip.url());
    expect(zipName).toMatch(/\.zip$/);
    expect(zipFile.suggestedFilename()).toBe(zipName);
    expect(await exports.getByRole('alert').count()).toBe(0);
  });

  it('fits the groups list and the group page on a 360 px phone', async () => {
    await coordinator.setViewportSize(PHONE);
    await coordinator.goto(`${server.url}/groups`);
    const card = coordinator.getByRole('list', { name: 'Liste des groupes GECS' }).getByRole('listitem').filter({ hasText: GROUP_NAME });
    await card.getByRole('link', { name: GROUP_NAME }).waitFor();
    expect(await textOf(card)).toContain('Montant mensuel 100,00 €');
    await expectFitsPhone(coordinator, 'groups list');
    await screenshot(coordinator, 'savings-groups');
    await expectNoAxeViolations(coordinator, 'groups list at 360 px');
    await coordinator.setViewportSize(DESKTOP);
    const table = coordinator.getByRole('table', { name: 'Liste des groupes GECS' });
    expect(await table.getByRole('columnheader').allTextContents()).toContain('Montant mensuel');
    expect(await textOf(table.getByRole('row').filter({ hasText: GROUP_NAME }))).toContain('100,00 €');
    await screenshot(coordinator, 'savings-groups');
    await expectNoAxeViolations(coordinator, 'groups list');
    await coordinator.setViewportSize(PHONE);

    await coordinator.getByRole('link', { name: GROUP_NAME }).click();
    await coordinator.getByRole('heading', { level: 1, name: GROUP_NAME }).waitFor();
    await coordinator.getByRole('img', { name: 'Évolution du pot commun' }).waitFor();
    await coordinator.getByRole('list', { name: 'Membres du groupe' }).getByText(A_NAME).waitFor();
    await expectFitsPhone(coordinator, 'group page');
    await slices(coordinator, 'savings-group');
    await expectNoAxeViolations(coordinator, 'group page at 360 px');

    await coordinator.getByRole('button', { name: "Avance d'acompte" }).click();
    const dialog = coordinator.getByRole('dialog', { name: "Avance d'acompte" });
    await dialog.getByLabel(/^Montant/).fill('50');
    await dialog.getByTestId('effect').waitFor();
    await expectFitsPhone(coordinator, 'advance dialog');
    await viewShot(coordinator, 'savings-advance-dialog');
    await expectNoAxeViolations(coordinator, 'advance dialog at 360 px');
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('sets the end date and the exit cost in the edit-group dialog, on a phone, with field errors inline', async () => {
    // Still on the group page at 360 px.
    const header = coordinator.getByTestId('group-period');
    expect(await textOf(header)).toContain('pas de date de fin');
    await coordinator.getByRole('button', { name: 'Modifier le groupe' }).click();
    const dialog = coordinator.getByRole('dialog', { name: 'Modifier le groupe' });
    await dialog.waitFor();
    await viewShot(coordinator, 'savings-edit-group-open');
    expect(await dialog.getByLabel(/^Nom du groupe/).inputValue()).toBe(GROUP_NAME);
    expect(await dialog.getByLabel(/^Cohorte/).inputValue()).toBe('2025-2026');
    await dialog.getByText("Rien n'a changé pour l'instant.").waitFor();

    // An end before the start: the API refuses it, the field says why.
    const endsOn = dialog.getByLabel(/^Fin/);
    await endsOn.fill(`${monthsAgo(6)}-01`);
    await dialog.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await expect.poll(() => endsOn.getAttribute('aria-invalid')).toBe('true');
    await dialog.getByText('La fin ne peut pas précéder le début.').waitFor();
    await expectNoAxeViolations(coordinator, 'edit-group dialog with an error at 360 px');

    await endsOn.fill(END);
    // The field's error goes once the field is changed.
    await dialog.getByText('La fin ne peut pas précéder le début.').waitFor({ state: 'hidden' });
    await dialog.getByLabel(/^Frais de sortie/).fill('75');
    await dialog.getByTestId('effect').getByText('Fin : pas de date de fin →', { exact: false }).waitFor();
    expect(await effectLine(dialog, 'Frais de sortie')).toBe('50,00 € → devient 75,00 €');
    await expectFitsPhone(coordinator, 'edit-group dialog');
    await viewShot(coordinator, 'savings-edit-group-dialog');
    await expectNoAxeViolations(coordinator, 'edit-group dialog at 360 px');
    await dialog.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await coordinator.getByText(`Groupe « ${GROUP_NAME} » mis à jour.`).first().waitFor();

    await header.locator(`time[datetime="${END}"]`).waitFor();
    expect(await textOf(header)).not.toContain('pas de date de fin');
    const facts = coordinator.getByRole('region', { name: 'Le groupe' });
    await facts.locator(`time[datetime="${END}"]`).waitFor();
    expect(await textOf(facts)).toContain('75,00 €');
    const saved = (await (await coordinator.request.get(`${server.url}/api/groups/${groupId}`)).json()) as { endsOn: string; exitCost: string };
    expect(saved).toMatchObject({ endsOn: END, exitCost: '75.00' });
  });

  it("shows a household's savings tab to staff: balances, curve, months, movements", async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      await coordinator.setViewportSize(viewport);
      await coordinator.goto(`${server.url}/households/${aId}?tab=savings`);
      await coordinator.getByRole('heading', { level: 1, name: A_NAME }).waitFor();
      await expect.poll(() => textOf(coordinator.getByTestId('balance-groupSavings'))).toBe('300,00 €');
      expect(await textOf(coordinator.getByTestId('balance-outstandingAdvance'))).toBe('500,00 €');
      await coordinator.getByRole('img', { name: 'Épargne à la fin de chaque mois' }).waitFor();
      const months = coordinator.getByRole('table', { name: 'Versements dus et payés' });
      expect(await months.getByRole('row').filter({ hasText: 'En cours' }).count()).toBe(1);
      expect(await months.getByRole('row').filter({ hasText: 'Payé' }).count()).toBeGreaterThanOrEqual(3);
      const movements = coordinator.getByRole('list', { name: 'Mouvements' });
      await movements.getByText('Raison : Versement enregistré deux fois').waitFor();
      expect(await coordinator.getByLabel(/^Langue de l'extrait/).inputValue()).toBe('fr');
      if (viewport === PHONE) await expectFitsPhone(coordinator, 'savings tab');
      await slices(coordinator, 'savings-tab');
      await expectNoAxeViolations(coordinator, `savings tab at ${viewport.width} px`);
    }
    await coordinator.setViewportSize(DESKTOP);
  });

  it('shows the household its own savings on a phone, and its statement downloads as a PDF', async () => {
    const { code } = (await apiPost(coordinator, `/api/households/${aId}/activation`, undefined)) as { code: string };
    householdContext = await newContext(browser, { viewport: PHONE, isMobile: true, hasTouch: true });
    household = await householdContext.newPage();
    watchErrors(household, pageErrors);
    const activated = await household.request.post(`${server.url}/api/auth/activate`, { headers: { Origin: server.url }, data: { code, password: HOUSEHOLD_PASSWORD } });
    expect(activated.status()).toBeLessThan(300);

    await household.goto(`${server.url}/login`);
    await household.getByRole('tab', { name: 'Ménage' }).click();
    await household.getByLabel(/^Référence du ménage/).fill(aReference);
    await household.getByLabel(/^Mot de passe/).fill(HOUSEHOLD_PASSWORD);
    await household.getByRole('button', { name: 'Se connecter' }).click();
    await household.waitForURL(/\/me$/);
    const summary = household.getByTestId('my-savings-summary');
    await summary.waitFor();
    expect(await textOf(summary)).toBe('Vous avez épargné 300,00 € dans votre groupe et 0,00 € chez Crédal.');
    await household.getByText('Il vous reste 500,00 € à rembourser.', { exact: false }).waitFor();
    await household.getByRole('img', { name: 'Votre épargne, mois par mois' }).waitFor();
    await expectFitsPhone(household, 'my page with savings');
    await slices(household, 'savings-me');
    await expectNoAxeViolations(household, 'my page at 360 px');
    expect(await household.textContent('body')).not.toContain(B_NAME);
    expect(await household.textContent('body')).not.toContain(COORDINATOR.name);

    const [response] = await Promise.all([
      household.waitForResponse((r) => r.url().includes(`/api/households/${aId}/statement.pdf`)),
      household.getByRole('button', { name: 'Télécharger mon extrait (12 derniers mois)' }).click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    expect(response.url()).toContain('lang=fr');
    const again = await household.request.get(response.url());
    const pdf = await again.body();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString().replace(/\s+/g, ' ');
    expect(text).toContain(A_NAME);
    expect(text).toContain('300,00');
  });

  it("keeps another household's savings out of reach", async () => {
    for (const path of [`/api/households/${bId}/savings`, `/api/households/${bId}/entries`, `/api/households/${bId}/statement.pdf`, `/api/groups/${groupId}`]) {
      const response = await household.request.get(`${server.url}${path}`);
      expect(response.status(), path).toBeGreaterThanOrEqual(400);
      expect(await response.text()).not.toContain(B_NAME);
    }
    await household.goto(`${server.url}/households/${bId}?tab=savings`);
    await expect.poll(() => new URL(household.url()).pathname, { timeout: 15_000 }).toBe('/me');
    await household.getByTestId('my-savings-summary').waitFor();
    expect(await household.textContent('body')).not.toContain(B_NAME);
    await household.goto(`${server.url}/groups/${groupId}`);
    await expect.poll(() => new URL(household.url()).pathname, { timeout: 15_000 }).toBe('/me');
    // Its own page may name its group (its journey says when it joined); never the group page's figures.
    await household.getByTestId('my-savings-summary').waitFor();
    expect(await household.getByTestId('group-check').count()).toBe(0);
    expect(await household.getByTestId('pot-cash').count()).toBe(0);
    expect(await household.textContent('body')).not.toContain(B_NAME);
  });

  it('had no uncaught error in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
