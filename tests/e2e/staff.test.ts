/**
 * What staff do, in Chromium: a coordinator creates a referent's account and deactivates it; a referent
 * edits a household (members, name, income) and prints its activation letter; the list's search box
 * follows the address bar. Every page and dialog opened is checked with axe; the team page and the
 * edit form also at 360 px.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.ts';
import { expectFitsPhone, expectNoAxeViolations, launchBrowser, newContext, PHONE, screenshot, watchErrors } from './browser.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const COORDINATOR = { email: 'marie.coordination@example.test', password: 'Tournesol-Rouge-5182', name: 'Marie Dubois' };
const REFERENT = { email: 'karim.referent@example.test', password: 'Platane-Ocre-2719', name: 'Karim El Idrissi' };
const NEW_REFERENT = { email: 'lies.peeters@example.test', password: 'Kastanje-Blauw-4821', name: 'Lies Peeters' };
const HOUSEHOLD_NAME = 'Famille Mukendi';
const RENAMED = 'Famille Mukendi Lusamba';
const DESKTOP = { width: 1280, height: 800 };
/** Narrow no-break space: how fr-BE groups thousands. */
const NNBSP = '\u202f';

let server: Server;
let browser: Browser;
let coordinator: Page;
let referent: Page;
let householdId = '';
let reference = '';
let downloads = '';

const pageErrors: string[] = [];

/** Logs a staff member in through the login form (the "Équipe" tab). */
async function fillStaffLogin(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
  await page.getByRole('tab', { name: 'Équipe' }).click();
  await page.getByLabel(/^Adresse e-mail/).fill(email);
  await page.getByLabel(/^Mot de passe/).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** A fresh browser context with its page, watched for uncaught errors. */
async function openPage(options: Parameters<typeof newContext>[1] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  watchErrors(page, pageErrors);
  return { context, page };
}

/** The hint shown for an input, found as a screen reader finds it: through aria-describedby. */
async function hintOf(input: Locator): Promise<string> {
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => input.page().locator(`[id="${id}"]`).textContent()));
  return texts.join(' | ');
}

/** Expects an input to be marked invalid, with `message` in its announced hint. */
async function expectFieldError(input: Locator, message: string): Promise<void> {
  await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
  expect(await hintOf(input)).toContain(message);
}

describe('staff in the browser', () => {
  beforeAll(async () => {
    server = await startTestServer();
    await server.createStaff({ role: 'coordinator', ...COORDINATOR });
    await server.createStaff({ role: 'referent', ...REFERENT });
    browser = await launchBrowser();
    ({ page: coordinator } = await openPage());
    ({ page: referent } = await openPage());
    downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'pot-commun-e2e-'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (downloads) fs.rmSync(downloads, { recursive: true, force: true });
  });

  describe('a coordinator manages the team', () => {
    it('opens the team page from the navigation', async () => {
      await fillStaffLogin(coordinator, COORDINATOR.email, COORDINATOR.password);
      await coordinator.waitForURL(/\/households$/);
      await coordinator.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Équipe' }).click();
      await coordinator.waitForURL(/\/users$/);
      await coordinator.getByRole('heading', { level: 1, name: 'Équipe' }).waitFor();
      const rows = coordinator.getByRole('table', { name: "Comptes de l'équipe" }).getByRole('row');
      await rows.filter({ hasText: REFERENT.name }).waitFor();
      // Nobody can deactivate themselves: their own row says "Vous" instead of a button.
      expect(await rows.filter({ hasText: COORDINATOR.name }).textContent()).toContain('Vous');
      await screenshot(coordinator, 'users');
      await expectNoAxeViolations(coordinator, 'team page');
    });

    it('creates a referent, after an inline error for a too-short password', async () => {
      await coordinator.getByRole('main').getByRole('button', { name: 'Nouveau compte' }).click();
      const dialog = coordinator.getByRole('dialog', { name: "Nouveau compte de l'équipe" });
      await dialog.waitFor();
      await screenshot(coordinator, 'create-user');
      await expectNoAxeViolations(coordinator, 'create-user dialog');

      await dialog.getByLabel(/^Nom/).fill(NEW_REFERENT.name);
      await dialog.getByLabel(/^E-mail/).fill(NEW_REFERENT.email);
      expect(await dialog.getByLabel(/^Rôle/).inputValue()).toBe('referent');
      const password = dialog.getByLabel(/^Mot de passe provisoire/);
      await password.fill('Court-1');
      await dialog.getByRole('button', { name: 'Créer le compte' }).click();

      await expectFieldError(password, 'Au moins 10 caractères');
      await dialog.getByRole('alert').filter({ hasText: /./ }).first().waitFor();
      expect(await dialog.getByLabel(/^Nom/).getAttribute('aria-invalid')).not.toBe('true');
      await screenshot(coordinator, 'create-user-error');
      await expectNoAxeViolations(coordinator, 'create-user dialog with an error');

      await password.fill(NEW_REFERENT.password);
      await dialog.getByRole('button', { name: 'Créer le compte' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await coordinator.getByText(`Compte créé pour ${NEW_REFERENT.name}.`).waitFor();
      const row = coordinator.getByRole('row').filter({ hasText: NEW_REFERENT.name });
      await row.waitFor();
      const text = await row.textContent();
      expect(text).toContain(NEW_REFERENT.email);
      expect(text).toContain('Référent·e');
      expect(text).toContain('Actif');
    });

    it('deactivates the referent, who can then no longer log in', async () => {
      // The new account works before it is deactivated …
      const before = await openPage();
      await fillStaffLogin(before.page, NEW_REFERENT.email, NEW_REFERENT.password);
      await before.page.waitForURL(/\/households$/);
      await before.context.close();

      await coordinator.getByRole('button', { name: `Désactiver ${NEW_REFERENT.name}` }).click();
      await coordinator.getByText(`${NEW_REFERENT.name} ne peut plus se connecter.`).waitFor();
      const row = coordinator.getByRole('row').filter({ hasText: NEW_REFERENT.name });
      await expect.poll(() => row.textContent()).toContain('Désactivé');
      await row.getByRole('button', { name: `Réactiver ${NEW_REFERENT.name}` }).waitFor();

      // … and after it, the login form answers with the same message as for a wrong password.
      const after = await openPage();
      await fillStaffLogin(after.page, NEW_REFERENT.email, NEW_REFERENT.password);
      await after.page.getByRole('alert').filter({ hasText: 'Identifiant ou mot de passe incorrect.' }).waitFor();
      expect(after.page.url()).toMatch(/\/login$/);
      await after.context.close();
    });

    it('fits the team page and the new-account dialog on a 360 px phone', async () => {
      await coordinator.setViewportSize(PHONE);
      await coordinator.goto(`${server.url}/users`);
      await coordinator.getByRole('heading', { level: 1, name: 'Équipe' }).waitFor();
      const cards = coordinator.getByRole('list', { name: "Comptes de l'équipe" });
      await cards.getByText(NEW_REFERENT.name).waitFor();
      await expect.poll(() => cards.getByRole('button', { name: `Réactiver ${NEW_REFERENT.name}` }).isVisible()).toBe(true);
      await expectFitsPhone(coordinator, 'team page');
      await screenshot(coordinator, 'users');
      await expectNoAxeViolations(coordinator, 'team page at 360 px');

      await coordinator.getByRole('main').getByRole('button', { name: 'Nouveau compte' }).click();
      const dialog = coordinator.getByRole('dialog', { name: "Nouveau compte de l'équipe" });
      await dialog.waitFor();
      await expectFitsPhone(coordinator, 'new-account dialog');
      await expect.poll(() => dialog.getByRole('button', { name: 'Créer le compte' }).isVisible()).toBe(true);
      await screenshot(coordinator, 'create-user');
      await expectNoAxeViolations(coordinator, 'create-user dialog at 360 px');
      await dialog.getByRole('button', { name: 'Annuler' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await coordinator.setViewportSize(DESKTOP);
    });
  });

  describe('a referent edits a household', () => {
    it('shows the monthly income on the edit form as a French reader writes it', async () => {
      await fillStaffLogin(referent, REFERENT.email, REFERENT.password);
      await referent.waitForURL(/\/households$/);
      const session = await referent.request.get(`${server.url}/api/auth/me`);
      const { csrfToken } = (await session.json()) as { csrfToken: string };
      const created = await referent.request.post(`${server.url}/api/households`, {
        headers: { 'X-CSRF-Token': csrfToken },
        data: {
          displayName: HOUSEHOLD_NAME,
          members: [{ firstName: 'Grâce', lastName: 'Mukendi', kind: 'adult', birthYear: 1985 }],
          preferredLanguage: 'fr',
          monthlyIncome: '1850.50',
        },
      });
      expect(created.status()).toBe(201);
      ({ id: householdId, reference } = (await created.json()) as { id: string; reference: string });

      await referent.goto(`${server.url}/households/${householdId}`);
      await referent.getByRole('heading', { level: 1, name: HOUSEHOLD_NAME }).waitFor();
      await referent.getByRole('link', { name: 'Modifier' }).click();
      await referent.waitForURL(new RegExp(`/households/${householdId}/edit$`));
      await referent.getByRole('heading', { level: 1, name: `Modifier ${HOUSEHOLD_NAME}` }).waitFor();
      expect(await referent.getByLabel(/^Revenu net mensuel/).inputValue()).toBe(`1${NNBSP}850,50`);
      await screenshot(referent, 'household-edit');
      await expectNoAxeViolations(referent, 'household edit form');
    });

    it('shows the API error next to a cleared name, then saves members, name and income', async () => {
      await referent.getByRole('button', { name: 'Ajouter un membre' }).click();
      const member = referent.getByRole('group', { name: 'Membre 2' });
      await member.getByLabel(/^Prénom/).fill('Jonas');
      await member.getByLabel(/^Nom \*?$/).fill('Mukendi');
      await member.getByLabel(/^Adulte ou enfant/).selectOption('child');
      await member.getByLabel(/^Année de naissance/).fill('2016');
      // Typed the Belgian way, with a plain space.
      await referent.getByLabel(/^Revenu net mensuel/).fill('2 100,5');
      const name = referent.getByLabel(/^Nom du ménage/);
      await name.fill('');
      await referent.getByRole('button', { name: 'Enregistrer les modifications' }).click();

      // The browser's own checks are off: this message comes from the API, shown under the field.
      await expectFieldError(name, 'Indiquez le nom du ménage.');
      await expect.poll(() => name.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
      expect(referent.url()).toMatch(/\/edit$/);
      expect(await member.getByLabel(/^Prénom/).inputValue()).toBe('Jonas');
      await screenshot(referent, 'household-edit-error');
      await expectNoAxeViolations(referent, 'household edit form with an error');

      await name.fill(RENAMED);
      await referent.getByRole('button', { name: 'Enregistrer les modifications' }).click();
      await referent.waitForURL(new RegExp(`/households/${householdId}$`));
      await referent.getByRole('heading', { level: 1, name: RENAMED }).waitFor();
      await referent.getByRole('region', { name: /^Membre/ }).getByText('Jonas Mukendi').waitFor();
      await referent.getByRole('region', { name: 'Profil' }).getByText('2 100,50 €').waitFor();

      await referent.getByRole('tab', { name: 'Historique' }).click();
      const history = referent.getByRole('region', { name: 'Historique des modifications' });
      const entries = history.getByRole('listitem');
      const renamed = entries.filter({ hasText: 'Fiche du ménage' }).filter({ hasText: 'Modification' });
      await renamed.first().waitFor();
      const renamedText = await renamed.first().textContent();
      expect(renamedText).toContain(`« ${HOUSEHOLD_NAME} » → « ${RENAMED} »`);
      expect(renamedText).toContain(REFERENT.name);
      const added = entries.filter({ hasText: 'Membre du ménage' }).filter({ hasText: 'Création' }).filter({ hasText: 'Jonas' });
      await added.first().waitFor();
      expect(await added.first().textContent()).toContain(REFERENT.name);
      await screenshot(referent, 'household-edited');
      await expectNoAxeViolations(referent, 'household page after the edit');
    });

    it('fits the edit form on a 360 px phone', async () => {
      await referent.setViewportSize(PHONE);
      await referent.goto(`${server.url}/households/${householdId}/edit`);
      await referent.getByRole('heading', { level: 1, name: `Modifier ${RENAMED}` }).waitFor();
      await referent.getByRole('group', { name: 'Membre 2' }).waitFor();
      await expectFitsPhone(referent, 'household edit form');
      const save = referent.getByRole('button', { name: 'Enregistrer les modifications' });
      await save.scrollIntoViewIfNeeded();
      await expect.poll(() => save.isVisible()).toBe(true);
      await screenshot(referent, 'household-edit');
      await expectNoAxeViolations(referent, 'household edit form at 360 px');
      await referent.setViewportSize(DESKTOP);
    });
  });

  describe('a referent prints an activation letter', () => {
    it('downloads a letter that carries the code, the reference and the name', async () => {
      await referent.goto(`${server.url}/households/${householdId}`);
      await referent.getByRole('heading', { level: 1, name: RENAMED }).waitFor();
      await referent.getByRole('button', { name: "Remettre un code d'activation" }).click();
      const dialog = referent.getByRole('dialog', { name: "Code d'activation" });
      await dialog.getByTestId('activation-code').waitFor();
      const code = ((await dialog.getByTestId('activation-code').textContent()) ?? '').trim();
      expect(code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){2}$/);
      await expectNoAxeViolations(referent, 'activation dialog');

      const [download] = await Promise.all([
        referent.waitForEvent('download'),
        dialog.getByRole('button', { name: 'Télécharger la lettre (PDF)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`lettre-activation-${reference}.pdf`);
      const file = path.join(downloads, download.suggestedFilename());
      await download.saveAs(file);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      expect(text).toContain(code);
      expect(text).toContain(reference);
      expect(text).toContain(RENAMED);

      await dialog.getByRole('button', { name: 'Fermer' }).first().click();
      await dialog.waitFor({ state: 'hidden' });
    });
  });

  describe("the households list's search box", () => {
    it('follows the address bar when going back and forward', async () => {
      const searchbox = referent.getByRole('searchbox', { name: 'Rechercher' });
      const mainNav = referent.getByRole('navigation', { name: 'Navigation principale' });
      await mainNav.getByRole('link', { name: 'Ménages' }).click();
      await referent.waitForURL(/\/households$/);
      await searchbox.fill('Lusamba');
      await referent.waitForURL(/\?q=Lusamba$/);
      await referent.getByRole('link', { name: RENAMED }).waitFor();

      // The menu link opens the whole list: the box empties with the address bar.
      await mainNav.getByRole('link', { name: 'Ménages' }).click();
      await referent.waitForURL(/\/households$/);
      await expect.poll(() => searchbox.inputValue()).toBe('');
      await searchbox.fill('Introuvable');
      await referent.waitForURL(/\?q=Introuvable$/);
      await referent.getByText('Aucun ménage ne correspond à ces critères.').waitFor();

      await referent.goBack();
      await referent.waitForURL(/\?q=Lusamba$/);
      await expect.poll(() => searchbox.inputValue()).toBe('Lusamba');
      await referent.getByRole('link', { name: RENAMED }).waitFor();
      // The box showing the address bar's search must not write anything back to it.
      await referent.waitForTimeout(500);
      expect(referent.url()).toMatch(/\?q=Lusamba$/);

      await referent.goForward();
      await referent.waitForURL(/\?q=Introuvable$/);
      await expect.poll(() => searchbox.inputValue()).toBe('Introuvable');
    });
  });

  it('raised no error in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
