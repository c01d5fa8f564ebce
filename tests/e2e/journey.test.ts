/**
 * What a person does, in Chromium: a referent registers a household and gives it an activation code;
 * the household activates its account, logs in and sees its own page and nothing else. Every page
 * visited is checked with axe, and again at 360 px (no sideways scrolling, main actions reachable).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.ts';
import { expectFitsPhone, expectNoAxeViolations, launchBrowser, newContext, PHONE, screenshot, watchErrors } from './browser.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const REFERENT = { email: 'samira.referente@example.test', password: 'Marelle-Verte-9173', name: 'Samira Benali' };
const HOUSEHOLD_PASSWORD = 'Soleil-Couchant-7342';
const HOUSEHOLD_NAME = 'Famille Nkurunziza';
const OTHER_NAME = 'Famille Van den Broeck';

let server: Server;
let browser: Browser;
let staff: BrowserContext;
let staffPage: Page;
let householdContext: BrowserContext;
let householdPage: Page;
let householdId = '';
let reference = '';
let otherId = '';
let activationCode = '';

const pageErrors: string[] = [];

describe('household journey in the browser', () => {
  beforeAll(async () => {
    server = await startTestServer();
    await server.createStaff({ role: 'referent', ...REFERENT });
    browser = await launchBrowser();
    staff = await newContext(browser);
    staffPage = await staff.newPage();
    watchErrors(staffPage, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends a visitor to the login page, which has no accessibility violations', async () => {
    await staffPage.goto(`${server.url}/households`);
    await staffPage.waitForURL(/\/login$/);
    await expect.poll(() => staffPage.getByRole('heading', { level: 1 }).textContent()).toBe('Connexion');
    expect(await staffPage.getAttribute('html', 'lang')).toBe('fr');
    await screenshot(staffPage, 'login');
    await expectNoAxeViolations(staffPage, 'login page');
  });

  it('lets a referent log in with email and password', async () => {
    await staffPage.getByRole('tab', { name: 'Équipe' }).click();
    await staffPage.getByLabel(/^Adresse e-mail/).fill(REFERENT.email);
    await staffPage.getByLabel(/^Mot de passe/).fill(REFERENT.password);
    // Submitting with the Enter key, as a keyboard user would.
    await staffPage.getByLabel(/^Mot de passe/).press('Enter');
    await staffPage.waitForURL(/\/households$/);
    await staffPage.getByRole('heading', { level: 1, name: 'Ménages' }).waitFor();
    await expect.poll(() => staffPage.getByRole('status').filter({ hasText: 'ménage' }).textContent()).toBe('0 ménage');
  });

  it('creates a household with one member and lands on its page', async () => {
    await staffPage.getByRole('main').getByRole('link', { name: 'Nouveau ménage' }).click();
    await staffPage.getByRole('heading', { level: 1, name: 'Nouveau ménage' }).waitFor();
    await staffPage.getByLabel(/^Nom du ménage/).fill(HOUSEHOLD_NAME);
    await staffPage.getByLabel(/^Prénom/).fill('Aline');
    await staffPage.getByLabel(/^Nom \*?$/).fill('Nkurunziza');
    await staffPage.getByLabel(/^Année de naissance/).fill('1987');
    await staffPage.getByLabel(/^Téléphone/).fill('0470 12 34 56');
    await staffPage.getByLabel(/^Revenu net mensuel/).fill('1 650,5');
    await staffPage.getByLabel(/^Famille monoparentale/).check();
    await staffPage.getByRole('button', { name: 'Inscrire le ménage' }).click();

    await staffPage.waitForURL(/\/households\/(?!new$)[^/]+$/);
    householdId = staffPage.url().split('/').pop() ?? '';
    await staffPage.getByRole('heading', { level: 1, name: HOUSEHOLD_NAME }).waitFor();
    reference = (await staffPage.getByRole('main').getByText(/^H-\d+$/).first().textContent()) ?? '';
    expect(reference).toMatch(/^H-\d{4,}$/);
    // The amount was typed the Belgian way and is shown formatted for fr-BE.
    await staffPage.getByRole('region', { name: 'Profil' }).getByText('1 650,50 €').waitFor();
    await staffPage.getByRole('region', { name: /^Membre/ }).getByText('Aline Nkurunziza').waitFor();
  });

  it('finds the household in the list by searching its name', async () => {
    // A second household the referent can see, which the first household must never see.
    const session = await staffPage.request.get(`${server.url}/api/auth/me`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const other = await staffPage.request.post(`${server.url}/api/households`, {
      headers: { 'X-CSRF-Token': csrfToken },
      data: { displayName: OTHER_NAME, members: [{ firstName: 'Pieter', lastName: 'Van den Broeck', kind: 'adult' }], preferredLanguage: 'nl' },
    });
    expect(other.status()).toBe(201);
    otherId = ((await other.json()) as { id: string }).id;

    await staffPage.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Ménages' }).click();
    await staffPage.waitForURL(/\/households$/);
    await staffPage.getByRole('link', { name: OTHER_NAME }).waitFor();
    await staffPage.getByRole('searchbox', { name: 'Rechercher' }).fill('Nkurunz');
    await staffPage.waitForURL(/q=Nkurunz/);
    await expect.poll(() => staffPage.getByRole('status').filter({ hasText: 'ménage' }).textContent()).toBe('1 ménage');
    await expect.poll(() => staffPage.getByRole('link', { name: OTHER_NAME }).count()).toBe(0);
    const row = staffPage.getByRole('row').filter({ hasText: HOUSEHOLD_NAME });
    expect(await row.textContent()).toContain(reference);
    expect(await row.textContent()).toContain('Pas de compte');

    await screenshot(staffPage, 'households');
    await expectNoAxeViolations(staffPage, 'households list');
  });

  it('opens the household and issues an activation code shown in a dialog', async () => {
    await staffPage.getByRole('link', { name: HOUSEHOLD_NAME }).click();
    await staffPage.waitForURL(new RegExp(`/households/${householdId}$`));
    await staffPage.getByRole('heading', { level: 1, name: HOUSEHOLD_NAME }).waitFor();
    // The file opens on its first tab; the history has its own.
    await staffPage.getByRole('tab', { name: 'Historique' }).click();
    await staffPage.getByRole('heading', { name: 'Historique des modifications' }).waitFor();
    await staffPage.getByText('Création').first().waitFor();
    await expectNoAxeViolations(staffPage, 'household history tab');
    await staffPage.getByRole('tab', { name: 'Dossier' }).click();
    await staffPage.getByRole('heading', { name: 'Profil' }).waitFor();
    await screenshot(staffPage, 'household');
    await expectNoAxeViolations(staffPage, 'household page');

    await staffPage.getByRole('button', { name: "Remettre un code d'activation" }).click();
    const dialog = staffPage.getByRole('dialog', { name: "Code d'activation" });
    await dialog.waitFor();
    activationCode = ((await dialog.getByTestId('activation-code').textContent()) ?? '').trim();
    expect(activationCode).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){2}$/);
    await dialog.getByText(/^Valable jusqu'au/).waitFor();
    await dialog.getByRole('button', { name: 'Télécharger la lettre (PDF)' }).waitFor();
    await screenshot(staffPage, 'activation-dialog');
    await expectNoAxeViolations(staffPage, 'activation dialog');

    await dialog.getByRole('button', { name: 'Fermer' }).first().click();
    await dialog.waitFor({ state: 'hidden' });
    await staffPage.getByText('Code envoyé').first().waitFor();
  });

  it('lets the household activate its account with the code, then log in with its reference', async () => {
    householdContext = await newContext(browser);
    householdPage = await householdContext.newPage();
    watchErrors(householdPage, pageErrors);

    await householdPage.goto(`${server.url}/login`);
    // As the letter says: open the address, press « Première fois ? Activer mon compte » (on whichever tab is open).
    await householdPage.getByRole('link', { name: 'Première fois ? Activer mon compte' }).click();
    await householdPage.waitForURL(/\/activate$/);
    await householdPage.getByLabel(/^Code d'activation/).fill(activationCode.toLowerCase());
    await householdPage.getByLabel(/^Nouveau mot de passe/).fill(HOUSEHOLD_PASSWORD);
    await householdPage.getByLabel(/^Répétez le mot de passe/).fill(HOUSEHOLD_PASSWORD);
    await householdPage.getByRole('button', { name: 'Activer mon compte' }).click();

    await householdPage.getByRole('heading', { level: 1, name: 'Votre compte est prêt' }).waitFor();
    expect(await householdPage.getByTestId('activated-reference').textContent()).toBe(reference);
    await screenshot(householdPage, 'activated');
    await expectNoAxeViolations(householdPage, 'activation done');

    await householdPage.getByRole('link', { name: 'Se connecter' }).click();
    await householdPage.waitForURL(/\/login\?reference=/);
    expect(await householdPage.getByLabel(/^Référence du ménage/).inputValue()).toBe(reference);
    await householdPage.getByLabel(/^Mot de passe/).fill(HOUSEHOLD_PASSWORD);
    await householdPage.getByRole('button', { name: 'Se connecter' }).click();

    await householdPage.waitForURL(/\/me$/);
    await householdPage.getByRole('heading', { level: 1, name: `Bonjour, ${HOUSEHOLD_NAME}` }).waitFor();
    expect(await householdPage.getByTestId('my-reference').textContent()).toBe(reference);
    await householdPage.getByText('Aline Nkurunziza').waitFor();
    await screenshot(householdPage, 'my-household');
    await expectNoAxeViolations(householdPage, 'my household page');
  });

  it('shows the household nothing of anyone else', async () => {
    const nav = householdPage.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Mon ménage']);

    await householdPage.goto(`${server.url}/households`);
    await householdPage.waitForURL(/\/me$/);
    await householdPage.getByRole('heading', { level: 1, name: `Bonjour, ${HOUSEHOLD_NAME}` }).waitFor();
    expect(await householdPage.textContent('body')).not.toContain(OTHER_NAME);

    await householdPage.goto(`${server.url}/households/${otherId}`);
    await householdPage.waitForURL(/\/me$/);
    await householdPage.getByRole('heading', { level: 1, name: `Bonjour, ${HOUSEHOLD_NAME}` }).waitFor();
    expect(await householdPage.textContent('body')).not.toContain(OTHER_NAME);
    expect(await householdPage.textContent('body')).not.toContain('Notes internes');

    const otherRecord = await householdPage.request.get(`${server.url}/api/households/${otherId}`);
    expect(otherRecord.status()).toBe(404);
    expect(await otherRecord.text()).not.toContain(OTHER_NAME);
    const list = await householdPage.request.get(`${server.url}/api/households`);
    expect(list.status()).toBeGreaterThanOrEqual(400);
    expect(await list.text()).not.toContain(OTHER_NAME);
    const own = await householdPage.request.get(`${server.url}/api/households/${householdId}`);
    expect(own.status()).toBe(200);
    expect(await own.json()).not.toHaveProperty('notes');
  });

  it('switches language, sets <html lang> and remembers the choice', async () => {
    await householdPage.getByRole('button', { name: /^Langue : Français/ }).click();
    await householdPage.getByRole('menuitem', { name: 'Nederlands' }).click();
    await householdPage.getByRole('heading', { level: 1, name: `Hallo, ${HOUSEHOLD_NAME}` }).waitFor();
    expect(await householdPage.getAttribute('html', 'lang')).toBe('nl');
    await householdPage.reload();
    await householdPage.getByRole('heading', { level: 1, name: `Hallo, ${HOUSEHOLD_NAME}` }).waitFor();
    expect(await householdPage.getAttribute('html', 'lang')).toBe('nl');
    await householdPage.getByRole('button', { name: /^Taal: Nederlands/ }).click();
    await householdPage.getByRole('menuitem', { name: 'Français' }).click();
    await householdPage.getByRole('heading', { level: 1, name: `Bonjour, ${HOUSEHOLD_NAME}` }).waitFor();
  });

  it('fits a 360 px phone: no sideways scrolling, main actions reachable, no axe violations', async () => {
    const visitor = await newContext(browser, { viewport: PHONE, isMobile: true, hasTouch: true });
    const login = await visitor.newPage();
    watchErrors(login, pageErrors);
    await login.goto(`${server.url}/login`);
    await login.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    await expectFitsPhone(login, 'login page');
    await expect.poll(() => login.getByRole('button', { name: 'Se connecter' }).isVisible()).toBe(true);
    await screenshot(login, 'login');
    await expectNoAxeViolations(login, 'login page at 360 px');
    await visitor.close();

    await staffPage.setViewportSize(PHONE);
    await staffPage.goto(`${server.url}/households`);
    await staffPage.getByRole('heading', { level: 1, name: 'Ménages' }).waitFor();
    await staffPage.getByRole('link', { name: HOUSEHOLD_NAME }).waitFor();
    await expectFitsPhone(staffPage, 'households list');
    await expect.poll(() => staffPage.getByRole('main').getByRole('link', { name: 'Nouveau ménage' }).isVisible()).toBe(true);
    await screenshot(staffPage, 'households');
    await expectNoAxeViolations(staffPage, 'households list at 360 px');

    // The navigation folds into a burger that opens it.
    const burger = staffPage.getByRole('button', { name: 'Ouvrir le menu' });
    await burger.click();
    const navLink = staffPage.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Ménages' });
    await expect.poll(() => navLink.isVisible()).toBe(true);
    await screenshot(staffPage, 'navigation-open');
    await staffPage.getByRole('button', { name: 'Fermer le menu' }).click();

    await staffPage.getByRole('link', { name: HOUSEHOLD_NAME }).click();
    await staffPage.getByRole('heading', { level: 1, name: HOUSEHOLD_NAME }).waitFor();
    await staffPage.getByRole('heading', { name: 'Profil' }).waitFor();
    await expectFitsPhone(staffPage, 'household page');
    const issue = staffPage.getByRole('button', { name: "Remettre un code d'activation" });
    await issue.scrollIntoViewIfNeeded();
    await expect.poll(() => issue.isVisible()).toBe(true);
    await expect.poll(() => staffPage.getByRole('link', { name: 'Modifier' }).isVisible()).toBe(true);
    await screenshot(staffPage, 'household');
    await expectNoAxeViolations(staffPage, 'household page at 360 px');

    await householdPage.setViewportSize(PHONE);
    await householdPage.goto(`${server.url}/me`);
    await householdPage.getByRole('heading', { level: 1, name: `Bonjour, ${HOUSEHOLD_NAME}` }).waitFor();
    await expectFitsPhone(householdPage, 'my household page');
    await screenshot(householdPage, 'my-household');
    await expectNoAxeViolations(householdPage, 'my household page at 360 px');
  });

  it('logs the household out from the user menu', async () => {
    await householdPage.setViewportSize({ width: 1280, height: 800 });
    await householdPage.getByRole('button', { name: `Menu de ${HOUSEHOLD_NAME}` }).click();
    await householdPage.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await householdPage.waitForURL(/\/login$/);
    await householdPage.goto(`${server.url}/me`);
    await householdPage.waitForURL(/\/login$/);
    expect((await householdPage.request.get(`${server.url}/api/households/${householdId}`)).status()).toBe(401);
  });

  it('raised no error in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
