/**
 * The journey in Chromium: a referent moves a household on the board and finds it in the new column
 * and in the household's timeline; the figures and sessions views draw; the household sees its own
 * journey and nothing of another's. Every page is checked with axe at 1280 px and at 360 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.ts';
import { HOUSEHOLD_PASSWORD, makeActivatedHousehold, makeHousehold } from '../factories/index.ts';
import { systemActor } from '../../backend/src/db/tx.ts';
import { addDays, today } from '../../backend/src/lib/dates.ts';
import { addTransition } from '../../backend/src/modules/journey/journey.service.ts';
import { createSession, setAttendance } from '../../backend/src/modules/journey/sessions.service.ts';
import { createSessionBody } from '../../backend/src/modules/journey/journey.schemas.ts';
import { expectFitsPhone, expectNoAxeViolations, launchBrowser, newContext, PHONE, screenshot, watchErrors } from './browser.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const REFERENT = { email: 'nadia.referente@example.test', password: 'Glycine-Bleue-4827', name: 'Nadia Moreau' };
const MOVED = 'Famille Nkurunziza';
const OTHER = 'Famille Van den Broeck';
const DESKTOP = { width: 1280, height: 800 };

let server: Server;
let browser: Browser;
let referent: Page;
let household: Page;
let movedId = '';
let movedReference = '';
let otherId = '';
const pageErrors: string[] = [];

/** The board column (a region named by its heading) holding a phase's households. */
const column = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

describe('the journey board in the browser', () => {
  beforeAll(async () => {
    server = await startTestServer();
    const { id: referentId } = await server.createStaff({ role: 'referent', ...REFERENT });
    const knex = server.db.knex;
    const moved = await makeActivatedHousehold(knex, { displayName: MOVED, referentId });
    const other = await makeHousehold(knex, { displayName: OTHER, referentId });
    movedId = moved.id;
    movedReference = moved.reference;
    otherId = other.id;
    const actor = { ...systemActor('test'), userId: referentId };
    await addTransition(knex, actor, moved.organisationId, moved.id, { phase: 'information', on: '2025-03-11', note: null });
    await addTransition(knex, actor, other.organisationId, other.id, { phase: 'action', on: '2025-09-01', note: 'Note interne sur les Van den Broeck' });
    const session = await createSession(knex, actor, moved.organisationId, createSessionBody.parse({
      kind: 'preparation_workshop', title: 'Atelier budget du ménage', startsAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
      place: 'Rue de Ribaucourt 12, Molenbeek',
    }));
    await setAttendance(knex, actor, moved.organisationId, session.id, { invited: [moved.id, other.id], attended: [] });

    browser = await launchBrowser();
    referent = await (await newContext(browser)).newPage();
    watchErrors(referent, pageErrors);
    household = await (await newContext(browser)).newPage();
    watchErrors(household, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the referent the households by phase, with no accessibility violations', async () => {
    await referent.goto(`${server.url}/login`);
    await referent.getByRole('tab', { name: 'Équipe' }).click();
    await referent.getByLabel(/^Adresse e-mail/).fill(REFERENT.email);
    await referent.getByLabel(/^Mot de passe/).fill(REFERENT.password);
    await referent.getByRole('button', { name: 'Se connecter' }).click();
    await referent.waitForURL(/\/households$/);

    await referent.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Tableau de suivi' }).click();
    await referent.getByRole('heading', { level: 1, name: 'Tableau de suivi' }).waitFor();
    await column(referent, 'Information').getByRole('link', { name: MOVED }).waitFor();
    await column(referent, 'Action').getByRole('link', { name: OTHER }).waitFor();
    expect(await column(referent, 'Préparation').getByRole('link', { name: MOVED }).count()).toBe(0);
    await column(referent, 'Information').getByText('Séance :').waitFor();
    await screenshot(referent, 'board');
    await expectNoAxeViolations(referent, 'board');
  });

  it('moves a household to another phase through a dialog asking the date and a note', async () => {
    await referent.getByRole('button', { name: `Changer la phase de ${MOVED}` }).click();
    const dialog = referent.getByRole('dialog', { name: `Changer la phase de ${MOVED}` });
    await dialog.waitFor();
    await dialog.getByLabel('Nouvelle phase').selectOption({ label: 'Préparation' });
    // A date in the future is refused by the API, and the dialog says why.
    // Tomorrow in Brussels (between 23:00 and 24:00 UTC, UTC's tomorrow is already Brussels' today).
    const tomorrow = addDays(today(), 1);
    await dialog.getByLabel(/^Date du changement/).fill(tomorrow);
    await dialog.getByRole('button', { name: 'Enregistrer le changement' }).click();
    await dialog.getByText('Entrez une date qui n\'est pas dans le futur.').waitFor();
    await screenshot(referent, 'board-move-dialog');
    await expectNoAxeViolations(referent, 'move dialog');

    await dialog.getByLabel(/^Date du changement/).fill('2025-09-15');
    await dialog.getByLabel(/^Note/).fill('Cohorte de préparation, épargne PEPS.');
    await dialog.getByRole('button', { name: 'Enregistrer le changement' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await column(referent, 'Préparation').getByRole('link', { name: MOVED }).waitFor();
    await expect.poll(() => column(referent, 'Information').getByRole('link', { name: MOVED }).count()).toBe(0);
  });

  it("shows the move in the household's timeline, with its note", async () => {
    await column(referent, 'Préparation').getByRole('link', { name: MOVED }).click();
    await referent.waitForURL(new RegExp(`/households/${movedId}\\?tab=journey$`));
    await referent.getByRole('heading', { level: 1, name: MOVED }).waitFor();
    const timeline = referent.getByRole('list', { name: /^Étapes du parcours/ });
    await timeline.getByText('Entrée en phase « Préparation »').waitFor();
    await timeline.getByText(/Cohorte de préparation, épargne PEPS\. — par Nadia Moreau/).waitFor();
    await timeline.getByText('Entrée en phase « Information »').waitFor();
    // French puts no-break spaces inside « »: compare the texts with plain spaces.
    const items = (await timeline.getByRole('listitem').allTextContents()).map((text) => text.replace(/\s+/g, ' '));
    const information = items.findIndex((text) => text.includes('« Information »'));
    expect(information).toBeGreaterThanOrEqual(0);
    expect(information).toBeLessThan(items.findIndex((text) => text.includes('« Préparation »')));
    await referent.getByRole('region', { name: 'Prochaine séance' }).getByText('Atelier budget du ménage').waitFor();
    await screenshot(referent, 'household-journey');
    await expectNoAxeViolations(referent, 'household journey tab');
  });

  it('draws the figures and the sessions with their table alternatives', async () => {
    await referent.goto(`${server.url}/board?view=figures&year=2025`);
    await referent.getByRole('heading', { name: 'Entrées par phase en 2025' }).waitFor();
    const funnel = referent.getByRole('table', { name: 'Entrées par phase en 2025' });
    await expect.poll(async () => (await funnel.getByRole('row').allTextContents()).join('|')).toContain('Information1');
    expect((await funnel.getByRole('row').allTextContents()).join('|')).toContain('Préparation1');
    await referent.getByRole('region', { name: 'Entrées par phase en 2025' }).getByText('Tableau', { exact: true }).click();
    await expect.poll(() => funnel.isVisible()).toBe(true);
    await screenshot(referent, 'board-figures');
    await expectNoAxeViolations(referent, 'figures');

    await referent.getByRole('tab', { name: 'Séances et ateliers' }).click();
    // The year chosen for the figures stays chosen: the workshop is planned ten days from now.
    await referent.getByRole('button', { name: 'Planifier une séance' }).waitFor();
    await expect.poll(() => referent.getByLabel('Année', { exact: true }).count()).toBe(1);
    await referent.getByLabel('Année', { exact: true }).selectOption(String(new Date(Date.now() + 10 * 86_400_000).getUTCFullYear()));
    const sessions = referent.getByRole('list', { name: /^Séances et ateliers de/ });
    await sessions.getByText('Atelier budget du ménage').waitFor();
    await expectNoAxeViolations(referent, 'sessions');
    await referent.getByRole('button', { name: 'Invitations et présences : Atelier budget du ménage' }).click();
    const attendance = referent.getByRole('dialog', { name: /^Invitations et présences — Atelier budget du ménage/ });
    await attendance.getByText(MOVED).waitFor();
    // Attendance waits until the session is held.
    expect(await attendance.getByRole('checkbox', { name: `Présent : ${MOVED}` }).isDisabled()).toBe(true);
    await expectNoAxeViolations(referent, 'attendance dialog');
    await attendance.getByRole('button', { name: 'Annuler' }).click();
    await referent.getByRole('button', { name: 'Planifier une séance' }).click();
    const plan = referent.getByRole('dialog', { name: 'Nouvelle séance ou atelier' });
    await plan.waitFor();
    await expectNoAxeViolations(referent, 'plan a session dialog');
    await plan.getByRole('button', { name: 'Annuler' }).click();
  });

  it('fits a 360 px phone: the columns stack, no sideways scrolling, no axe violations', async () => {
    await referent.setViewportSize(PHONE);
    await referent.goto(`${server.url}/board`);
    await column(referent, 'Préparation').getByRole('link', { name: MOVED }).waitFor();
    await expectFitsPhone(referent, 'board');
    const move = referent.getByRole('button', { name: `Changer la phase de ${OTHER}` });
    await move.scrollIntoViewIfNeeded();
    await expect.poll(() => move.isVisible()).toBe(true);
    await screenshot(referent, 'board');
    await expectNoAxeViolations(referent, 'board at 360 px');

    await referent.goto(`${server.url}/households/${movedId}?tab=journey`);
    await referent.getByText('Entrée en phase « Préparation »').waitFor();
    await expectFitsPhone(referent, 'household journey');
    await screenshot(referent, 'household-journey');
    await expectNoAxeViolations(referent, 'household journey at 360 px');
    await referent.setViewportSize(DESKTOP);
  });

  it('lets the household see its own journey in plain words, and nothing of another', async () => {
    await household.goto(`${server.url}/login`);
    await household.getByRole('tab', { name: 'Ménage' }).click();
    await household.getByLabel(/^Référence du ménage/).fill(movedReference);
    await household.getByLabel(/^Mot de passe/).fill(HOUSEHOLD_PASSWORD);
    await household.getByRole('button', { name: 'Se connecter' }).click();
    await household.waitForURL(/\/me$/);
    const journey = household.getByRole('region', { name: 'Votre parcours' });
    await journey.waitFor();
    expect((await household.getByTestId('my-phase').textContent())?.replace(/\s+/g, ' ')).toMatch(/^Vous êtes à l'étape « Préparation » depuis le 15 sept\. 2025/);
    await journey.getByText('Atelier budget du ménage').first().waitFor();
    const body = (await household.textContent('body')) ?? '';
    expect(body).not.toContain(OTHER);
    // Staff notes stay with staff.
    expect(body).not.toContain('épargne PEPS.');
    await screenshot(household, 'my-journey');
    await expectNoAxeViolations(household, 'my journey');

    expect((await household.request.get(`${server.url}/api/households/${otherId}/journey`)).status()).toBe(404);
    expect((await household.request.get(`${server.url}/api/board`)).status()).toBe(404);
    await household.goto(`${server.url}/board`);
    await household.waitForURL(/\/me$/);

    await household.setViewportSize(PHONE);
    await household.goto(`${server.url}/me`);
    await household.getByRole('region', { name: 'Votre parcours' }).waitFor();
    await expectFitsPhone(household, 'my journey');
    await screenshot(household, 'my-journey');
    await expectNoAxeViolations(household, 'my journey at 360 px');
  });

  it('raised no error in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
