/**
 * Acquisitions in Chromium: a project with its homes and candidacies (set up through the API, as the
 * service would), the projects list and the project page; a referent moves a candidacy to the
 * compromis in the dated dialog, and the coordinator creates its pot advance from the same board
 * (effect previewed, posted once); the simulator answers in plain words; the charts have their
 * tables; the household page's Purchase tab and the household's own page tell the purchase. Every new
 * page and dialog is checked with axe at 1280 and 360 px.
 */
import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.ts';
import { expectFitsPhone, expectNoAxeViolations, launchBrowser, newContext, PHONE, screenshot, watchErrors } from './browser.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const COORDINATOR = { email: 'ines.coordination@example.test', password: 'Peuplier-Clair-5820', name: 'Inès Moreau' };
const REFERENT = { email: 'tom.referent@example.test', password: 'Bouleau-Vif-7314', name: 'Tom Peeters' };
const HOUSEHOLD_PASSWORD = 'Lumiere-Douce-4471';
const A_NAME = 'Famille Diallo';
const B_NAME = 'Famille Janssens';
const PROJECT = 'VDP';
const DESKTOP = { width: 1280, height: 800 };

let server: Server;
let browser: Browser;
let coordinatorContext: BrowserContext;
let coordinator: Page;
let referentContext: BrowserContext;
let referent: Page;
let projectId = '';
let aId = '';
let aReference = '';
let bId = '';
let bCandidacy = '';
let cId = '';
let aCandidacy = '';
let groupId = '';
const C_NAME = 'Famille Mertens';
const unitIds: string[] = [];
const pageErrors: string[] = [];

/** Today in Brussels, as the server counts it. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** 'YYYY-MM-DD': the 5th of the month n months before today's. */
function monthsAgo(n: number): string {
  const total = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-05`;
}

async function csrfOf(request: APIRequestContext): Promise<string> {
  const session = await request.get(`${server.url}/api/auth/me`);
  return ((await session.json()) as { csrfToken: string }).csrfToken;
}

async function apiPost(page: Page, path: string, data: unknown, headers: Record<string, string> = {}) {
  const response = await page.request.post(`${server.url}${path}`, { headers: { 'X-CSRF-Token': await csrfOf(page.request), ...headers }, data });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json() as Promise<Record<string, unknown>>;
}

async function apiGet(page: Page, path: string) {
  const response = await page.request.get(`${server.url}${path}`);
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return response.json() as Promise<Record<string, unknown>>;
}

async function staffLogin(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
  await page.getByRole('tab', { name: 'Équipe' }).click();
  await page.getByLabel(/^Adresse e-mail/).fill(email);
  await page.getByLabel(/^Mot de passe/).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/\/households$/);
}

/** Text as a person reads it: every run of spaces (no-break ones included) as one space. */
async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** The cells of a table row, as read. */
async function cellsOf(row: Locator): Promise<string[]> {
  return (await row.locator('th, td').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
}

/** With SCREENSHOTS=1, saves what the screen shows (a dialog over the page). */
async function viewShot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  await page.screenshot({ path: `.tmp/screens/${name}-${page.viewportSize()?.width ?? 0}.png` });
}

/** Checks a page with axe and that it fits a phone, at 1280 and 360 px; back to 1280 at the end. */
async function checkBothWidths(page: Page, label: string, name: string, ready: () => Promise<void>): Promise<void> {
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    await ready();
    if (viewport === PHONE) await expectFitsPhone(page, label);
    await screenshot(page, name);
    await expectNoAxeViolations(page, `${label} at ${viewport.width} px`);
  }
  await page.setViewportSize(DESKTOP);
}

describe('acquisitions in the browser', () => {
  beforeAll(async () => {
    server = await startTestServer();
    await server.createStaff({ role: 'coordinator', ...COORDINATOR });
    await server.createStaff({ role: 'referent', ...REFERENT });
    browser = await launchBrowser();
    coordinatorContext = await newContext(browser);
    coordinator = await coordinatorContext.newPage();
    watchErrors(coordinator, pageErrors);
    referentContext = await newContext(browser);
    referent = await referentContext.newPage();
    watchErrors(referent, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sets up a project with homes, two saving households and their candidacies through the API', async () => {
    await staffLogin(coordinator, COORDINATOR.email, COORDINATOR.password);
    for (const [name, first] of [
      [A_NAME, 'Aminata'],
      [B_NAME, 'Sofie'],
    ] as const) {
      const created = await apiPost(coordinator, '/api/households', {
        displayName: name,
        members: [{ firstName: first, lastName: name.split(' ')[1], kind: 'adult' }],
        preferredLanguage: 'fr',
        monthlyIncome: '2600.00',
      });
      if (name === A_NAME) {
        aId = String(created.id);
        aReference = String(created.reference);
      } else bId = String(created.id);
    }
    const group = await apiPost(coordinator, '/api/groups', { name: 'GECS Molenbeek 2026', cohort: '2025-2026', startsOn: monthsAgo(4).slice(0, 8) + '01', monthlyAmount: '100.00', exitPolicy: 'refund_now' });
    groupId = String(group.id);
    for (const id of [aId, bId]) {
      await apiPost(coordinator, `/api/groups/${String(group.id)}/members`, { householdId: id, joinedOn: monthsAgo(4).slice(0, 8) + '01' });
      await apiPost(coordinator, `/api/households/${id}/deposits`, { target: 'group', amount: '15000.00', valueDate: monthsAgo(3) }, { 'Idempotency-Key': randomUUID() });
    }

    const project = await apiPost(coordinator, '/api/projects', {
      name: PROJECT,
      partner: 'fonds_du_logement',
      tenure: 'full_ownership',
      commune: 'Molenbeek-Saint-Jean',
      address: 'Rue Vandenpeereboom',
      homes: 36,
      deferredPriceMaxPercent: '0.30',
      status: 'allocating',
      statusOn: monthsAgo(6),
    });
    projectId = String(project.id);
    for (const [label, bedrooms] of [
      ['A.1', 2],
      ['A.2', 3],
      ['B.1', 1],
      ['B.2', 2],
    ] as const) {
      const unit = await apiPost(coordinator, `/api/projects/${projectId}/units`, { label, price: '250000.00', bedrooms, floorArea: '78.50', taxRegime: 'vat', vatRate: '0.06', landShare: '40000.00' });
      unitIds.push(String(unit.id));
    }
    const a = await apiPost(coordinator, `/api/projects/${projectId}/candidacies`, { householdId: aId, on: monthsAgo(5) });
    aCandidacy = String(a.id);
    await apiPost(coordinator, `/api/candidacies/${aCandidacy}/stages`, { stage: 'candidate', on: monthsAgo(4) });
    await apiPost(coordinator, `/api/candidacies/${aCandidacy}/stages`, { stage: 'unit_allocated', on: monthsAgo(2), unitId: unitIds[1] });
    const b = await apiPost(coordinator, `/api/projects/${projectId}/candidacies`, { householdId: bId, on: monthsAgo(3) });
    bCandidacy = String(b.id);
    await apiPost(coordinator, `/api/candidacies/${bCandidacy}/stages`, { stage: 'selected', on: monthsAgo(1), unitId: unitIds[3] });
  });

  it('lets the coordinator create a project and add a home to it from the pages', async () => {
    await coordinator.goto(`${server.url}/projects`);
    await coordinator.getByRole('main').getByRole('button', { name: 'Nouveau projet' }).click();
    const dialog = coordinator.getByRole('dialog', { name: "Nouveau projet d'achat" });
    await dialog.waitFor();
    await dialog.getByLabel(/^Projet/).fill('Walrut');
    await dialog.getByLabel(/^Partenaire/).selectOption('citydev');
    await dialog.getByLabel(/^Type de propriété/).selectOption('citydev_conditions');
    await dialog.getByLabel(/^Commune/).fill('Anderlecht');
    await dialog.getByLabel(/^Logements prévus/).fill('12');
    await expectNoAxeViolations(coordinator, 'new-project dialog');
    await dialog.getByRole('button', { name: 'Créer le projet' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Walrut' }).waitFor();
    await coordinator.getByRole('button', { name: 'Ajouter un logement' }).click();
    const unit = coordinator.getByRole('dialog', { name: 'Nouveau logement' });
    await unit.getByLabel(/^Nom du logement/).fill('W.1');
    await unit.getByLabel(/^Prix/).fill('210 000');
    await unit.getByLabel(/^Chambres/).fill('2');
    await unit.getByLabel(/^Surface/).fill('74,5');
    await unit.getByRole('button', { name: 'Ajouter le logement' }).click();
    await unit.waitFor({ state: 'hidden' });
    const tile = coordinator.getByRole('list', { name: 'Les logements' }).locator('[data-unit="W.1"]');
    expect(await textOf(tile)).toContain('Disponible');
    expect(await textOf(tile)).toContain('74,5 m²');
  });

  it("lets the coordinator rename a project, change a home's price and add a dated rule, every dialog clean with axe at 1280 and 360 px", async () => {
    const checkDialog = async (label: string) => {
      for (const viewport of [DESKTOP, PHONE]) {
        await coordinator.setViewportSize(viewport);
        await viewShot(coordinator, label);
        await expectNoAxeViolations(coordinator, `${label} at ${viewport.width} px`);
      }
      await coordinator.setViewportSize(DESKTOP);
    };
    await coordinator.getByRole('heading', { level: 1, name: 'Walrut' }).waitFor();
    const walrutId = /\/projects\/([^/?#]+)/.exec(coordinator.url())?.[1] ?? '';

    // The project, renamed: the dialog opens filled with the project as it is.
    await coordinator.getByRole('button', { name: 'Modifier le projet' }).click();
    const edit = coordinator.getByRole('dialog', { name: 'Modifier le projet' });
    await edit.waitFor();
    expect(await edit.getByLabel(/^Projet/).inputValue()).toBe('Walrut');
    expect(await edit.getByLabel(/^Logements prévus/).inputValue()).toBe('12');
    await edit.getByLabel(/^Projet/).fill('Walrut Nord');
    await checkDialog('acq-edit-project-dialog');
    await edit.getByRole('button', { name: 'Enregistrer le projet' }).click();
    await edit.waitFor({ state: 'hidden' });
    await coordinator.getByRole('heading', { level: 1, name: 'Walrut Nord' }).waitFor();

    // A home's price, changed from its tile; the other figures stay as typed.
    await coordinator.getByRole('list', { name: 'Les logements' }).getByRole('button', { name: 'Modifier le logement W.1' }).click();
    const unit = coordinator.getByRole('dialog', { name: 'Modifier le logement W.1' });
    await unit.waitFor();
    expect(await unit.getByLabel(/^Prix/).inputValue()).toBe('210\u202f000,00');
    expect(await unit.getByLabel(/^Surface/).inputValue()).toBe('74,5');
    await unit.getByLabel(/^Prix/).fill('215 000');
    await checkDialog('acq-edit-unit-dialog');
    await unit.getByRole('button', { name: 'Enregistrer le logement' }).click();
    await unit.waitFor({ state: 'hidden' });
    const tile = coordinator.getByRole('list', { name: 'Les logements' }).locator('[data-unit="W.1"]');
    await expect.poll(() => textOf(tile)).toContain('215 000,00 €');

    // A dated rule: 30 % typed, "0.3" sent; it heads the dated list.
    await coordinator.getByRole('button', { name: 'Ajouter une règle' }).click();
    const rule = coordinator.getByRole('dialog', { name: 'Nouvelle règle du projet' });
    await rule.waitFor();
    expect(await rule.getByLabel(/^En vigueur à partir du/).inputValue()).toBe(today);
    await rule.getByLabel('Prix différé permis').check();
    await rule.getByLabel(/^Prix différé maximum/).fill('30');
    await rule.getByLabel(/^Années d'occupation/).fill('20');
    await checkDialog('acq-rule-dialog');
    await rule.getByRole('button', { name: 'Enregistrer la règle' }).click();
    await rule.waitFor({ state: 'hidden' });
    const history = coordinator.getByRole('list', { name: 'Historique des règles' });
    await expect.poll(() => textOf(history)).toContain("jusqu'à 30 % du prix");
    expect(await textOf(history)).toContain('20 ans');

    const saved = (await apiGet(coordinator, `/api/projects/${walrutId}`)) as { name: string; units: Array<{ label: string; price: string; floorArea: string }>; rules: Array<Record<string, unknown>> };
    expect(saved.name).toBe('Walrut Nord');
    expect(saved.units.find((u) => u.label === 'W.1')).toMatchObject({ price: '215000.00' });
    expect(saved.rules).toHaveLength(1);
    expect(saved.rules[0]).toMatchObject({ from: today, deferredPriceAllowed: true, occupancyYears: 20 });
    expect(Number(saved.rules[0]?.deferredPriceMaxPercent)).toBe(0.3);

    // No candidacy yet: on a phone the nine empty stages fold into one line; on a desktop each keeps its column.
    expect(await coordinator.getByRole('region', { name: 'Intéressé' }).count()).toBe(1);
    await coordinator.setViewportSize(PHONE);
    const folded = coordinator.getByTestId('empty-stages');
    await folded.waitFor();
    expect(await textOf(folded)).toContain('Aucune candidature : Intéressé, Candidat, Sélectionné');
    expect(await coordinator.getByRole('region', { name: 'Intéressé' }).count()).toBe(0);
    await coordinator.setViewportSize(DESKTOP);
  });

  it('lists the project with its candidacies by stage and its homes by status', async () => {
    await staffLogin(referent, REFERENT.email, REFERENT.password);
    await referent.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: "Projets d'achat" }).click();
    await referent.waitForURL(/\/projects$/);
    await referent.getByRole('heading', { level: 1, name: "Projets d'achat" }).waitFor();
    const row = referent.getByRole('row').filter({ has: referent.getByRole('link', { name: PROJECT, exact: true }) });
    expect(await textOf(row)).toContain('1 sélectionné · 1 logement attribué');
    expect(await textOf(row)).toContain('2 disponibles · 1 réservé · 1 attribué');
    await checkBothWidths(referent, 'projects list', 'acq-projects', () => referent.getByRole('link', { name: PROJECT }).first().waitFor());
  });

  it('lets a referent move a candidacy to the compromis in the dated dialog', async () => {
    await referent.getByRole('link', { name: PROJECT }).first().click();
    await referent.waitForURL(new RegExp(`/projects/${projectId}$`));
    await referent.getByRole('heading', { level: 1, name: PROJECT }).waitFor();
    // The homes grid writes each status, and its legend counts them.
    const units = referent.getByRole('list', { name: 'Les logements' });
    expect(await textOf(units.locator('[data-unit="A.2"]'))).toContain('Attribué');
    expect(await textOf(units.locator('[data-unit="A.1"]'))).toContain('Disponible');
    await checkBothWidths(referent, 'project page', 'acq-project', () => referent.getByRole('region', { name: 'Logement attribué' }).waitFor());

    const column = referent.getByRole('region', { name: 'Logement attribué' });
    await column.getByRole('button', { name: `Changer l'étape de ${A_NAME}` }).click();
    const dialog = referent.getByRole('dialog', { name: `Étape de ${A_NAME}` });
    await dialog.waitFor();
    expect(await dialog.getByLabel(/^Nouvelle étape/).inputValue()).toBe('compromis');
    expect(await dialog.getByLabel(/^Date/).inputValue()).toBe(today);
    // The price comes from the home held; the down payment is typed the Belgian way.
    expect(await dialog.getByLabel(/^Prix/).inputValue()).toBe('250\u202f000,00');
    // A refusal first: no down payment.
    await dialog.getByRole('button', { name: "Enregistrer l'étape" }).click();
    await dialog.getByRole('alert').waitFor();
    await expect.poll(() => dialog.getByLabel(/^Acompte/).getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel(/^Acompte/).fill('25 000');
    await dialog.getByLabel(/^Note/).fill('Signé chez Me Dupont');
    for (const viewport of [DESKTOP, PHONE]) {
      await referent.setViewportSize(viewport);
      await viewShot(referent, 'acq-stage-dialog');
      await expectNoAxeViolations(referent, `stage dialog at ${viewport.width} px`);
    }
    await referent.setViewportSize(DESKTOP);
    await dialog.getByRole('button', { name: "Enregistrer l'étape" }).click();
    // A referent moves no money: the dialog closes and the card is in the compromis column.
    await dialog.waitFor({ state: 'hidden' });
    await referent.getByRole('region', { name: 'Compromis signé' }).getByRole('link', { name: A_NAME }).waitFor();
    expect(await referent.getByRole('button', { name: `Avance du pot pour ${A_NAME}` }).count()).toBe(0);
    const candidacy = (await apiGet(referent, `/api/candidacies/${aCandidacy}`)) as { currentStage: string; compromis: { on: string; price: string; downPayment: string } };
    expect(candidacy.currentStage).toBe('compromis');
    expect(candidacy.compromis).toEqual({ on: today, price: '250000.00', downPayment: '25000.00' });
  });

  it('lets the coordinator create the pot advance of that compromis from the project page, posted once', async () => {
    await coordinator.goto(`${server.url}/projects/${projectId}`);
    await coordinator.getByRole('heading', { level: 1, name: PROJECT }).waitFor();
    await coordinator.getByRole('region', { name: 'Compromis signé' }).getByRole('button', { name: `Avance du pot pour ${A_NAME}` }).click();
    const dialog = coordinator.getByRole('dialog', { name: `Avance du pot pour ${A_NAME}` });
    await dialog.waitFor();
    expect(await dialog.getByLabel(/^Montant de l'avance/).inputValue()).toBe('25\u202f000,00');
    // The effect on the pot, from the figures on screen: 30 000 in cash, 25 000 leave.
    const effect = dialog.getByTestId('effect');
    await effect.waitFor();
    expect(await textOf(effect)).toContain('30 000,00 € → devient 5 000,00 €');
    for (const viewport of [DESKTOP, PHONE]) {
      await coordinator.setViewportSize(viewport);
      await viewShot(coordinator, 'acq-advance-dialog');
      await expectNoAxeViolations(coordinator, `advance dialog at ${viewport.width} px`);
    }
    await coordinator.setViewportSize(DESKTOP);
    await dialog.getByRole('button', { name: "Verser l'avance" }).dblclick();
    await dialog.waitFor({ state: 'hidden' });
    await coordinator.getByText(`Avance de 25 000,00 € versée pour ${A_NAME}.`, { exact: false }).waitFor();

    const candidacy = (await apiGet(coordinator, `/api/candidacies/${aCandidacy}`)) as { advance: { amount: string; status: string; paidOn: string } };
    expect(candidacy.advance).toMatchObject({ amount: '25000.00', status: 'paid', paidOn: today });
    const advances = (await apiGet(coordinator, `/api/households/${aId}/advances`)) as { items: unknown[] };
    expect(advances.items).toHaveLength(1);

    // Opened again, the dialog tells the advance instead of offering a second one.
    await coordinator.getByRole('region', { name: 'Compromis signé' }).getByRole('button', { name: `Avance du pot pour ${A_NAME}` }).click();
    const again = coordinator.getByRole('dialog', { name: `Avance du pot pour ${A_NAME}` });
    await again.getByTestId('linked-advance').getByText('Avance de 25 000,00 € versée le', { exact: false }).waitFor();
    await again.getByRole('button', { name: 'Fermer' }).last().click();
    await again.waitFor({ state: 'hidden' });
  });

  it('records a deed with the figures pre-filled by the simulator, then posts the advance repayment from the same dialog', async () => {
    // A third household signed its compromis two months ago, and the pot advanced its down payment then.
    const created = await apiPost(coordinator, '/api/households', { displayName: C_NAME, members: [{ firstName: 'Lotte', lastName: 'Mertens', kind: 'adult' }], preferredLanguage: 'fr', monthlyIncome: '3100.00' });
    cId = String(created.id);
    await apiPost(coordinator, `/api/groups/${groupId}/members`, { householdId: cId, joinedOn: monthsAgo(4).slice(0, 8) + '01' });
    await apiPost(coordinator, `/api/households/${cId}/deposits`, { target: 'group', amount: '15000.00', valueDate: monthsAgo(3) }, { 'Idempotency-Key': randomUUID() });
    const c = await apiPost(coordinator, `/api/projects/${projectId}/candidacies`, { householdId: cId, on: monthsAgo(5) });
    const cCandidacy = String(c.id);
    await apiPost(coordinator, `/api/candidacies/${cCandidacy}/stages`, { stage: 'compromis', on: monthsAgo(2), unitId: unitIds[0], compromis: { downPayment: '20000.00' } });
    await apiPost(coordinator, `/api/groups/${groupId}/advances`, { householdId: cId, candidacyId: cCandidacy, amount: '20000.00', valueDate: monthsAgo(2), status: 'paid' }, { 'Idempotency-Key': randomUUID() });

    await coordinator.reload();
    await coordinator.getByRole('region', { name: 'Compromis signé' }).getByRole('button', { name: `Changer l'étape de ${C_NAME}` }).click();
    const dialog = coordinator.getByRole('dialog', { name: `Étape de ${C_NAME}` });
    await dialog.waitFor();
    await dialog.getByLabel(/^Nouvelle étape/).selectOption('deed');
    // The simulator fills the deed's figures: VAT on the building of unit A.1 (6 % of 210 000).
    await expect.poll(() => dialog.getByLabel(/^TVA$/).inputValue()).toBe('12\u202f600,00');
    expect(await dialog.getByLabel(/^Mensualité/).inputValue()).not.toBe('');
    await dialog.getByLabel(/^Notaire/).fill('Me Dupont');
    await dialog.getByLabel(/^Prêteur/).fill('Fonds du Logement');
    await viewShot(coordinator, 'acq-deed-dialog');
    await expectNoAxeViolations(coordinator, 'deed dialog');
    await dialog.getByRole('button', { name: "Enregistrer l'étape" }).click();

    // The deed is recorded; the coordinator goes on to the repayment the deed makes due.
    const repayment = coordinator.getByRole('dialog', { name: `Rembourser l'avance de ${C_NAME}` });
    await repayment.waitFor();
    expect(await repayment.getByLabel(/^Montant/).inputValue()).toBe('20\u202f000,00');
    expect(await repayment.getByLabel(/^Date de valeur/).inputValue()).toBe(today);
    await repayment.getByTestId('effect').waitFor();
    await viewShot(coordinator, 'acq-repayment-dialog');
    await expectNoAxeViolations(coordinator, 'repayment dialog');
    await repayment.getByRole('button', { name: 'Confirmer le remboursement' }).click();
    await repayment.waitFor({ state: 'hidden' });
    await coordinator.getByText('Remboursement de 20 000,00 € enregistré.').waitFor();

    const after = (await apiGet(coordinator, `/api/candidacies/${cCandidacy}`)) as { currentStage: string; acquisition: { notary: string; vat: string; loan: { lender: string } }; advance: { outstanding: string } };
    expect(after.currentStage).toBe('deed');
    expect(after.acquisition).toMatchObject({ notary: 'Me Dupont', vat: '12600.00', loan: { lender: 'Fonds du Logement' } });
    expect(after.advance.outstanding).toBe('0.00');
    const journey = (await apiGet(coordinator, `/api/households/${cId}/journey`)) as { currentPhase: string };
    expect(journey.currentPhase).toBe('owner');
    await coordinator.getByRole('region', { name: 'Acte signé' }).getByRole('link', { name: C_NAME }).waitFor();
  });

  it('takes the coordinator from a compromis straight to its advance, approved only', async () => {
    await coordinator.reload();
    await coordinator.getByRole('region', { name: 'Sélectionné' }).getByRole('button', { name: `Changer l'étape de ${B_NAME}` }).click();
    const dialog = coordinator.getByRole('dialog', { name: `Étape de ${B_NAME}` });
    await dialog.waitFor();
    await dialog.getByLabel(/^Nouvelle étape/).selectOption('compromis');
    await dialog.getByLabel(/^Acompte/).fill('10 000');
    await dialog.getByRole('button', { name: "Enregistrer l'étape" }).click();
    const advance = coordinator.getByRole('dialog', { name: `Créer l'avance du pot pour ${B_NAME}` });
    await advance.waitFor();
    expect(await advance.getByLabel(/^Montant de l'avance/).inputValue()).toBe('10\u202f000,00');
    await advance.getByRole('radio', { name: 'Approuver seulement' }).check();
    await advance.getByRole('button', { name: "Approuver l'avance" }).click();
    await advance.waitFor({ state: 'hidden' });
    await coordinator.getByText(`Avance de 10 000,00 € approuvée pour ${B_NAME}.`).waitFor();
    const after = (await apiGet(coordinator, `/api/candidacies/${bCandidacy}`)) as { currentStage: string; advance: { status: string; amount: string } };
    expect(after).toMatchObject({ currentStage: 'compromis', advance: { status: 'approved', amount: '10000.00' } });
  });

  it('withdraws a candidacy only once the cancellation of its approved advance is confirmed', async () => {
    await coordinator.reload();
    await coordinator.getByRole('region', { name: 'Compromis signé' }).getByRole('button', { name: `Changer l'étape de ${B_NAME}` }).click();
    const dialog = coordinator.getByRole('dialog', { name: `Étape de ${B_NAME}` });
    await dialog.waitFor();
    await dialog.getByLabel(/^Nouvelle étape/).selectOption('withdrawn');
    await dialog.getByLabel(/^Raison du retrait/).selectOption('credit_refused');
    const confirm = dialog.getByRole('checkbox', { name: "Annuler aussi l'avance approuvée de 10 000,00 € (pas encore versée)" });
    await confirm.waitFor();
    await expectNoAxeViolations(coordinator, 'withdrawal dialog');
    // Without the confirmation the API refuses, and says why in French.
    await dialog.getByRole('button', { name: "Enregistrer l'étape" }).click();
    await dialog.getByRole('alert').getByText('Une avance du pot est approuvée pour cet achat', { exact: false }).waitFor();
    await confirm.check();
    await viewShot(coordinator, 'acq-withdrawal-dialog');
    await dialog.getByRole('button', { name: "Enregistrer l'étape" }).click();
    await dialog.waitFor({ state: 'hidden' });
    await coordinator.getByRole('region', { name: 'Retiré' }).getByRole('link', { name: B_NAME }).waitFor();
    const after = (await apiGet(coordinator, `/api/candidacies/${bCandidacy}`)) as { currentStage: string; advance: { status: string }; unit: unknown };
    expect(after.currentStage).toBe('withdrawn');
    expect(after.advance.status).toBe('cancelled');
    // The home is free again.
    expect(await textOf(coordinator.getByRole('list', { name: 'Les logements' }).locator('[data-unit="B.2"]'))).toContain('Disponible');
  });

  it('shows the project figures and the household Purchase tab', async () => {
    await coordinator.reload();
    await coordinator.getByRole('heading', { level: 1, name: PROJECT }).waitFor();
    expect(await textOf(coordinator.getByTestId('figure-interested'))).toBe('3');
    expect(await textOf(coordinator.getByTestId('figure-compromis'))).toBe('3');
    expect(await textOf(coordinator.getByTestId('figure-deeds'))).toBe('1');
    expect(await textOf(coordinator.getByTestId('figure-withdrawn'))).toBe('1');

    await coordinator.goto(`${server.url}/households/${aId}?tab=purchase`);
    const card = coordinator.getByRole('region', { name: `Projet ${PROJECT}` });
    await card.waitFor();
    expect(await textOf(card)).toContain('Compromis signé');
    expect(await textOf(card.getByTestId('linked-advance'))).toContain('Avance de 25 000,00 € versée le');
    await checkBothWidths(coordinator, 'household purchase tab', 'acq-household-tab', () => card.waitFor());

    // After the deed, the tab shows the acquisition's figures and the repaid advance.
    await coordinator.goto(`${server.url}/households/${cId}?tab=purchase`);
    const deed = coordinator.getByRole('region', { name: `Projet ${PROJECT}` }).getByTestId('acquisition');
    await deed.waitFor();
    expect(await textOf(deed)).toContain('Me Dupont');
    expect(await textOf(deed)).toContain('Fonds du Logement');
    await checkBothWidths(coordinator, 'household purchase tab after the deed', 'acq-household-deed', () => deed.waitFor());

    // The group's advances list names the deed of each linked advance.
    await coordinator.goto(`${server.url}/groups/${groupId}`);
    await coordinator.getByRole('list', { name: "Avances d'acompte" }).getByText('Achat : acte signé le', { exact: false }).waitFor();
  });

  it('computes a purchase in the simulator and explains every line', async () => {
    await coordinator.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: "Simulateur d'achat" }).click();
    await coordinator.waitForURL(/\/simulator$/);
    const result = coordinator.getByTestId('simulation');
    await result.waitFor();
    // €250,000, an only home with duties: 12.5 % on the part above €200,000.
    expect(await textOf(result.locator('[data-line="registrationDuties"] dd[data-amount]'))).toBe('6 250,00 €');
    await coordinator.getByRole('radio', { name: 'Logement neuf vendu avec TVA' }).check();
    await coordinator.getByLabel(/^Part du terrain/).fill('40 000');
    await coordinator.getByLabel(/^Prix différé/).fill('30');
    await coordinator.getByRole('button', { name: 'Calculer' }).click();
    await expect.poll(() => textOf(result.locator('[data-line="deferredAmount"] dd[data-amount]'))).toBe('75 000,00 €');
    expect(await textOf(result.locator('[data-line="vat"] dd[data-amount]'))).toBe('12 600,00 €');
    // For a chosen household, the monthly payment is compared with its income (2 600,00 €).
    await coordinator.getByRole('combobox', { name: /^Pour quel ménage/ }).fill('Diallo');
    await coordinator.getByRole('option', { name: `${A_NAME} (${aReference})` }).click();
    await coordinator.getByRole('button', { name: 'Calculer' }).click();
    await expect.poll(() => textOf(result.getByTestId('affordability'))).toMatch(/^Cela fait \d+ % du revenu mensuel du ménage \(2 600,00 €\)\./);
    await checkBothWidths(coordinator, 'simulator', 'acq-simulator', () => result.waitFor());
  });

  it('draws the acquisitions charts, each with its table', async () => {
    await coordinator.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Achats en chiffres' }).click();
    await coordinator.waitForURL(/\/acquisitions$/);
    await coordinator.getByRole('heading', { level: 1, name: 'Achats en chiffres' }).waitFor();
    await coordinator.getByLabel(/^Projet$/).selectOption({ label: PROJECT });
    const funnel = coordinator.getByRole('figure', { name: `Candidatures de ${PROJECT} par étape atteinte` });
    await funnel.locator('label', { hasText: 'Tableau' }).click();
    expect(await cellsOf(funnel.getByRole('row').filter({ hasText: 'Compromis signé' }))).toEqual(['Compromis signé', '3', '100 %']);
    expect(await cellsOf(funnel.getByRole('row').filter({ hasText: 'Acte signé' }))).toEqual(['Acte signé', '1', '33 %']);
    // This month's deed, in the deeds chart's table and in this year's distribution.
    const deeds = coordinator.getByRole('figure', { name: 'Actes signés par mois et par projet' });
    await deeds.locator('label', { hasText: 'Tableau' }).click();
    const month = new Intl.DateTimeFormat('fr-BE', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${today.slice(0, 7)}-15T12:00:00Z`));
    expect(await cellsOf(deeds.getByRole('row').filter({ hasText: month }))).toEqual([month, '1', '1']);
    await coordinator.getByLabel(/^Année/).selectOption(today.slice(0, 4));
    await coordinator.getByText(`1 acte signé en ${today.slice(0, 4)}.`).waitFor();
    await checkBothWidths(coordinator, 'acquisitions charts', 'acq-charts', () => funnel.waitFor());
  });

  it('tells the household its purchase in plain words on its phone', async () => {
    const { code } = (await apiPost(coordinator, `/api/households/${aId}/activation`, undefined)) as { code: string };
    const householdContext = await newContext(browser, { viewport: PHONE, isMobile: true, hasTouch: true });
    const household = await householdContext.newPage();
    watchErrors(household, pageErrors);
    const activated = await household.request.post(`${server.url}/api/auth/activate`, { headers: { Origin: server.url }, data: { code, password: HOUSEHOLD_PASSWORD } });
    expect(activated.status()).toBeLessThan(300);
    await household.goto(`${server.url}/login`);
    await household.getByRole('tab', { name: 'Ménage' }).click();
    await household.getByLabel(/^Référence du ménage/).fill(aReference);
    await household.getByLabel(/^Mot de passe/).fill(HOUSEHOLD_PASSWORD);
    await household.getByRole('button', { name: 'Se connecter' }).click();
    await household.waitForURL(/\/me$/);
    const purchase = household.getByTestId('my-purchase');
    await purchase.waitFor();
    expect(await textOf(purchase)).toContain(`Projet ${PROJECT} : vous avez signé le compromis le`);
    // What it would pay each month, with its own income.
    await household.getByTestId('affordability').waitFor();
    await expectFitsPhone(household, 'my page with purchase');
    await screenshot(household, 'acq-me');
    await expectNoAxeViolations(household, 'my page with purchase at 360 px');
    expect(await household.textContent('body')).not.toContain(B_NAME);

    // The same in Dutch.
    await household.getByRole('button', { name: /^Langue : Français/ }).click();
    await household.getByRole('menuitem', { name: 'Nederlands' }).click();
    await household.getByRole('heading', { name: 'Uw aankoop' }).waitFor();
    expect(await textOf(household.getByTestId('my-purchase'))).toContain(`Project ${PROJECT}: u hebt het compromis getekend op`);
    await expect.poll(() => household.locator('.mantine-Loader-root').count(), { timeout: 20_000 }).toBe(0);
    await expectFitsPhone(household, 'my page in Dutch');
    await screenshot(household, 'acq-me-nl');
    await expectNoAxeViolations(household, 'my page in Dutch');
    await householdContext.close();
  });

  it('fits the project page on a phone in English too', async () => {
    await coordinator.goto(`${server.url}/projects/${projectId}`);
    await coordinator.getByRole('button', { name: /^Langue : Français/ }).click();
    await coordinator.getByRole('menuitem', { name: 'English' }).click();
    await coordinator.getByRole('heading', { name: 'Candidacies by stage' }).waitFor();
    await checkBothWidths(coordinator, 'project page in English', 'acq-project-en', () => coordinator.getByRole('region', { name: 'Compromis signed' }).waitFor());
  });

  it('had no uncaught error in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
