import type { Knex } from 'knex';
import { systemActor, type Actor } from '../backend/src/db/tx.ts';
import { defaultOrganisationId } from '../backend/src/modules/users/users.service.ts';
import { addExit, addTransition } from '../backend/src/modules/journey/journey.service.ts';
import { addMember, createCohort } from '../backend/src/modules/journey/cohorts.service.ts';
import { cancelSession, createSession, markHeld, setAttendance } from '../backend/src/modules/journey/sessions.service.ts';
import { createSessionBody, type SessionKind } from '../backend/src/modules/journey/journey.schemas.ts';
import { DEMO_HOUSEHOLDS } from './02_demo_households.ts';

// The demo world's journeys, 2023 to November 2026: three cohorts, two years of information sessions
// (2025 as in the annual report: 11 planned, 7 held, 4 cancelled), workshops with attendance,
// households at every phase, exits and one re-entry. A fixed script: every run writes the same facts.
// Everything goes through the services (history checks, automatic information phase, audit trail);
// each entry is recorded in the name of the household's referent.

type Name = (typeof DEMO_HOUSEHOLDS)[number]['displayName'];

/** The demo cohorts; the savings seed may link the action cohorts to their GECS by name. */
export const DEMO_COHORTS = {
  preparation2425: { name: 'Préparation 2024-2025', kind: 'preparation', startsOn: '2024-09-01', endsOn: '2025-06-30' },
  action2425: { name: 'Action 2024-2025', kind: 'action', startsOn: '2024-09-01', endsOn: '2025-12-31' },
  action2526: { name: 'Action 2025-2026', kind: 'action', startsOn: '2025-09-01', endsOn: '2026-12-31' },
} as const;

/** Households of the 2024-2025 action cohort: five became owners (deeds November–December 2025). */
export const ACTION_2425: Name[] = [
  'Famille Mukendi', 'Famille El Amrani', 'Famille Kidane', 'Famille Ilunga', "Aminata N'Diaye",
  'Hélène Lambert', 'Famille Berhane', 'Famille Peeters',
];
/** The ten households selected for the 2025-2026 action cohort. */
export const ACTION_2526: Name[] = [
  'Famille Al-Hassan', 'Famille Öztürk', 'Famille Demir', 'Famille Al-Khatib', 'Famille Sultani',
  'Famille Abdi', 'Famille Benali', 'Famille Aït Lahcen', 'Famille Mahmoud', 'Famille Camara',
];
const PREPARATION_2425: Name[] = [...ACTION_2526, 'Famille Kovalenko', 'Famille Diallo', 'Famille Lukusa'];
const OWNERS: Array<[Name, string, string]> = [
  ['Famille Mukendi', '2025-11-20', 'Acte signé — Steyls (Laeken).'],
  ['Famille Kidane', '2025-11-27', 'Acte signé — Steyls (Laeken).'],
  ['Famille El Amrani', '2025-12-05', 'Acte signé — Vandenpeereboom (VDP).'],
  ['Famille Ilunga', '2025-12-12', 'Acte signé — Walrut (citydev).'],
  ["Aminata N'Diaye", '2025-12-18', 'Acte signé — VDP, cycle PAS-SOLO.'],
];

interface DemoSession {
  kind: SessionKind;
  title: string;
  /** Local Brussels time, e.g. '2025-03-11 18:30'. */
  at: string;
  place?: string;
  online?: boolean;
  cohort?: keyof typeof DEMO_COHORTS;
  project?: string;
  facilitator?: string;
  cancelled?: string;
  invited?: Name[];
  /** Invited households that did not come (the others came, with people = adults of the household, at most 2). */
  absent?: Name[];
  /** For planned (future) sessions: stays planned. */
  planned?: boolean;
}

const PLACE = 'Maison de quartier, rue de Ribaucourt 12, 1080 Molenbeek';
const info = (at: string, invited: Name[] = [], extra: Partial<DemoSession> = {}): DemoSession => ({
  kind: 'information', title: 'Séance d’information — devenir propriétaire', at, place: PLACE, facilitator: 'Karima Bensaïd', invited, ...extra,
});
// A deterministic ~86 % attendance: household i misses workshop j when (3i + j) % 7 = 0.
const absentees = (names: Name[], j: number) => names.filter((_, i) => (3 * i + j) % 7 === 0);

function workshops(kind: SessionKind, cohort: keyof typeof DEMO_COHORTS, titles: Array<[string, string]>, members: (at: string) => Name[]): DemoSession[] {
  return titles.map(([at, title], j) => {
    const invited = members(at);
    return { kind, title, at, place: PLACE, cohort, facilitator: 'Thomas Claessens', invited, absent: absentees(invited, j) };
  });
}

const SESSIONS: DemoSession[] = [
  info('2024-03-12 18:30', ['Famille Al-Hassan', 'Famille Öztürk', 'Famille Demir', 'Famille Al-Khatib', 'Famille Sultani', 'Famille Kovalenko']),
  info('2024-05-14 18:30', ['Famille Abdi', 'Famille Benali', 'Famille Aït Lahcen', 'Famille Mahmoud', 'Famille Camara', 'Famille Diallo', 'Famille Lukusa', 'Samir Haddad']),
  info('2024-10-08 18:30', ['Famille Tesfamariam', 'Famille Bondarenko'], { absent: ['Famille Tesfamariam', 'Famille Bondarenko'] }),
  // 2025: eleven planned, seven held, four cancelled.
  info('2025-01-14 18:30', ['Famille Tesfamariam']),
  info('2025-02-11 18:30', ['Ahmad Rahimi', 'Olena Shevchenko']),
  info('2025-03-11 18:30', ['Famille Farah']),
  info('2025-04-08 18:30', ['Famille Dethier']),
  info('2025-05-13 18:30', ['Sahra Mohamed']),
  info('2025-06-10 18:30', [], { cancelled: 'Le Fonds du Logement annonce l’arrêt de ses prêts hors projets propres : séance reportée.' }),
  info('2025-07-08 18:30', [], { cancelled: 'Attente des nouvelles règles du Fonds du Logement.' }),
  info('2025-09-09 18:30', ['Mireille Kalonji']),
  info('2025-10-14 18:30', ['Famille Bondarenko', 'Famille Haidari'], { absent: ['Famille Bondarenko', 'Famille Haidari'], online: true, place: undefined }),
  info('2025-11-12 18:30', [], { cancelled: 'Pas de candidats inscrits.' }),
  info('2025-12-09 18:30', [], { cancelled: 'Pas de candidats inscrits.' }),
  // 2026
  info('2026-02-10 18:30', ['Samir Haddad']),
  info('2026-05-12 18:30', ['Famille Haidari'], { absent: ['Famille Haidari'] }),
  info('2026-09-15 18:30', [], { cancelled: 'Salle indisponible (travaux).' }),
  info('2026-12-08 18:30', ['Famille Haidari', 'Famille Bondarenko'], { planned: true }),
  ...workshops('preparation_workshop', 'preparation2425', [
    ['2024-10-15 18:30', 'Atelier 1 — Le parcours vers la propriété'],
    ['2024-11-19 18:30', 'Atelier 2 — Budget du ménage'],
    ['2024-12-17 18:30', 'Atelier 3 — Épargner chez Crédal'],
    ['2025-01-21 18:30', 'Atelier 4 — Le crédit hypothécaire'],
    ['2025-02-18 18:30', 'Atelier 5 — Frais d’achat et droits d’enregistrement'],
    ['2025-03-18 18:30', 'Atelier 6 — Visiter un logement'],
    ['2025-04-22 18:30', 'Atelier 7 — Le compromis de vente'],
    ['2025-05-20 18:30', 'Atelier 8 — La copropriété'],
  ], (at) => PREPARATION_2425.filter((n) => n !== 'Famille Lukusa' || at < '2025-03-10')),
  ...workshops('action_workshop', 'action2425', [
    ['2024-10-03 18:30', 'Action — Lancement du GECS'],
    ['2024-12-05 18:30', 'Action — Candidatures VDP et Steyls'],
    ['2025-02-06 18:30', 'Action — Préparer sa demande au Fonds du Logement'],
    ['2025-04-03 18:30', 'Action — Signer un compromis'],
    ['2025-06-05 18:30', 'Action — Avant l’acte'],
  ], (at) => ACTION_2425.filter((n) => n !== 'Famille Peeters' || at < '2025-06-20')),
  ...workshops('action_workshop', 'action2526', [
    ['2025-10-09 18:30', 'Action — Lancement du GECS 2025-2026'],
    ['2025-12-11 18:30', 'Action — Projets disponibles'],
    ['2026-02-12 18:30', 'Action — Candidatures'],
    ['2026-04-16 18:30', 'Action — Le crédit'],
    ['2026-06-11 18:30', 'Action — Visites'],
    ['2026-10-08 18:30', 'Action — Compromis et avance du pot'],
  ], () => ACTION_2526),
  { ...workshops('action_workshop', 'action2526', [['2026-12-10 18:30', 'Action — Bilan de l’année']], () => ACTION_2526)[0]!, planned: true, absent: [] },
  { kind: 'group_meeting', title: 'Réunion du GECS 2024-2025', at: '2025-03-29 10:00', place: PLACE, cohort: 'action2425', invited: ACTION_2425, absent: ['Famille Berhane'] },
  { kind: 'group_meeting', title: 'Réunion du GECS 2025-2026', at: '2026-03-28 10:00', place: PLACE, cohort: 'action2526', invited: ACTION_2526, absent: ['Famille Camara', 'Famille Abdi'] },
  { kind: 'project_workshop', title: 'Atelier CLTB — Chaussée d’Anvers', at: '2025-10-21 18:00', project: 'CLTB Chaussée d’Anvers', place: 'CLTB, rue Philomène 41, Schaerbeek' },
  { kind: 'project_workshop', title: 'Atelier CLTB — Chaussée d’Anvers', at: '2025-11-18 18:00', project: 'CLTB Chaussée d’Anvers', place: 'CLTB, rue Philomène 41, Schaerbeek' },
];

/** Explicit moves (information phases from 2023, before sessions were recorded, and every later step). */
const TRANSITIONS: Array<[Name, string, string, string?]> = [
  ...ACTION_2425.flatMap((n, i): Array<[Name, string, string, string?]> => [
    [n, 'information', i < 5 ? '2023-03-14' : '2023-10-10', 'Séance d’information (antérieure à Pot commun).'],
    [n, 'preparation', i < 5 ? '2023-09-12' : '2023-11-07'],
    [n, 'action', '2024-09-01', 'Sélectionné pour le GECS 2024-2025.'],
  ]),
  ...OWNERS.map(([n, on, note]): [Name, string, string, string?] => [n, 'owner', on, note]),
  ...PREPARATION_2425.map((n): [Name, string, string, string?] => [n, 'preparation', '2024-09-15', 'Cohorte de préparation 2024-2025, épargne PEPS chez Crédal.']),
  ...ACTION_2526.map((n): [Name, string, string, string?] => [n, 'action', '2025-09-01', 'Sélectionné pour le GECS 2025-2026.']),
  ['Samir Haddad', 'information', '2026-02-10', 'Revient après la séance de février : projet de reprise abandonné.'],
];

const EXITS: Array<[Name, string, string, string]> = [
  ['Samir Haddad', '2024-11-05', 'other', 'Projet de reprise d’un commerce : met le projet logement en pause.'],
  ['Famille Lukusa', '2025-03-10', 'income', 'Perte d’emploi, revenus insuffisants pour un crédit.'],
  ['Ahmad Rahimi', '2025-05-20', 'withdrew', 'Ne souhaite pas s’engager dans une épargne de plusieurs années.'],
  ['Famille Peeters', '2025-06-20', 'bought_elsewhere', 'Achat sur le marché privé avec l’aide de la famille.'],
];

/** Converts a Brussels local time to an ISO timestamp with its offset (summer time from the last Sunday of March to the last Sunday of October). */
function brussels(local: string): string {
  const [date, time] = local.split(' ') as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const lastSunday = (month: number) => {
    const last = new Date(Date.UTC(y, month, 0));
    return last.getUTCDate() - last.getUTCDay();
  };
  const summer = (m > 3 && m < 10) || (m === 3 && d >= lastSunday(3)) || (m === 10 && d < lastSunday(10));
  return `${date}T${time}:00${summer ? '+02:00' : '+01:00'}`;
}

export async function seed(knex: Knex): Promise<string[]> {
  const organisationId = await defaultOrganisationId(knex);
  if (await knex('cohorts').where({ organisation_id: organisationId, name: DEMO_COHORTS.preparation2425.name }).first('id')) {
    return ['Demo journeys already present: skipped.'];
  }
  const rows = (await knex('households')
    .where({ organisation_id: organisationId })
    .whereIn('display_name', DEMO_HOUSEHOLDS.map((h) => h.displayName))
    .select('id', 'display_name', 'referent_id')) as Array<{ id: string; display_name: string; referent_id: string | null }>;
  if (rows.length !== DEMO_HOUSEHOLDS.length) return ['Demo households not found: demo journeys skipped.'];
  const byName = new Map(rows.map((r) => [r.display_name, r]));
  const household = (name: Name) => {
    const found = byName.get(name);
    if (!found) throw new Error(`demo journey names an unknown household: ${name}`);
    return found;
  };
  const adults = new Map(DEMO_HOUSEHOLDS.map((h) => [h.displayName, h.members.filter((m) => m.kind === 'adult').length]));
  const referentIds = [...new Set(rows.map((r) => r.referent_id).filter((id): id is string => id !== null))].sort();
  const staffActor = (userId: string | null | undefined): Actor => ({ ...systemActor('seed'), userId: userId ?? null });
  const desk = staffActor(referentIds[0]);

  return knex.transaction(async (trx) => {
    const cohortIds = {} as Record<keyof typeof DEMO_COHORTS, string>;
    for (const [key, c] of Object.entries(DEMO_COHORTS) as Array<[keyof typeof DEMO_COHORTS, (typeof DEMO_COHORTS)[keyof typeof DEMO_COHORTS]]>) {
      cohortIds[key] = (await createCohort(trx, desk, organisationId, { ...c, savingsGroupId: null })).id;
    }
    // Households that came to an information session with no phase yet enter `information` then.
    for (const s of SESSIONS) {
      const session = await createSession(trx, desk, organisationId, createSessionBody.parse({
        kind: s.kind, title: s.title, startsAt: brussels(s.at), place: s.online ? null : (s.place ?? null), online: s.online ?? false,
        cohortId: s.cohort ? cohortIds[s.cohort] : null, project: s.project ?? null, facilitator: s.facilitator ?? null,
      }));
      if (s.cancelled) {
        await cancelSession(trx, desk, organisationId, session.id, s.cancelled);
        continue;
      }
      if (!s.planned) await markHeld(trx, desk, organisationId, session.id);
      const invited = (s.invited ?? []).map(household);
      const came = s.planned ? [] : (s.invited ?? []).filter((n) => !(s.absent ?? []).includes(n));
      await setAttendance(trx, desk, organisationId, session.id, {
        invited: invited.map((h) => h.id),
        attended: came.map((n) => ({ householdId: household(n).id, people: Math.min(2, adults.get(n) ?? 1) })),
      });
    }
    // Moves and exits in date order, as a referent would have recorded them (a re-entry follows its exit).
    const script = [
      ...TRANSITIONS.map(([name, phase, on, note]) => ({ on, name, move: { phase, on, note: note ?? null } })),
      ...EXITS.map(([name, on, reason, note]) => ({ on, name, exit: { on, reason, note } })),
    ].sort((a, b) => a.on.localeCompare(b.on));
    for (const step of script) {
      const h = household(step.name);
      if ('move' in step) await addTransition(trx, staffActor(h.referent_id), organisationId, h.id, step.move);
      else await addExit(trx, staffActor(h.referent_id), organisationId, h.id, step.exit);
    }
    const join = async (cohort: keyof typeof DEMO_COHORTS, names: Name[], on: string) => {
      for (const n of names) await addMember(trx, desk, organisationId, cohortIds[cohort], household(n).id, on);
    };
    await join('preparation2425', PREPARATION_2425, '2024-09-15');
    await join('action2425', ACTION_2425, '2024-09-01');
    await join('action2526', ACTION_2526, '2025-09-01');
    return [`Demo journeys: ${Object.keys(DEMO_COHORTS).length} cohorts, ${SESSIONS.length} sessions and workshops, ${TRANSITIONS.length} moves, ${EXITS.length} exits.`];
  });
}
