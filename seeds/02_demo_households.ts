import type { Knex } from 'knex';
import { systemActor } from '../backend/src/db/tx.ts';
import { defaultOrganisationId } from '../backend/src/modules/users/users.service.ts';
import { createHousehold, issueActivationCode } from '../backend/src/modules/households/households.service.ts';
import { createHouseholdBody } from '../backend/src/modules/households/households.schemas.ts';
import { activate } from '../backend/src/modules/auth/auth.service.ts';
import { DEMO_REFERENTS } from './01_demo_staff.ts';

// About thirty fictitious households from the communities the service works with. A fixed list, so
// that every demo shows the same world (only references, communications and codes are generated).
// Everything goes through the services: real references, structured communications and audit trail.

/** The password of every activated demo household account. */
export const DEMO_HOUSEHOLD_PASSWORD = 'Maison-soleil-2026';

type Member = { firstName: string; lastName: string; kind: 'adult' | 'child'; birthYear: number };
const adult = (firstName: string, lastName: string, birthYear: number): Member => ({ firstName, lastName, kind: 'adult', birthYear });
const child = (firstName: string, lastName: string, birthYear: number): Member => ({ firstName, lastName, kind: 'child', birthYear });

interface DemoHousehold {
  displayName: string;
  members: Member[];
  preferredLanguage: 'fr' | 'nl' | 'en';
  commune: string;
  /** Index in DEMO_REFERENTS. */
  referent: 0 | 1;
  monthlyIncome: string;
  phone?: string;
  email?: string;
  /** Dependents besides the children (e.g. a grandparent living with the family). */
  otherDependents?: number;
  singleParent?: boolean;
  pasSolo?: boolean;
  notes?: string;
  /** 'active': the household has activated its account; 'code': a code was issued and not used yet. */
  account?: 'active' | 'code';
}

export const DEMO_HOUSEHOLDS: DemoHousehold[] = [
  {
    displayName: 'Famille Al-Hassan', preferredLanguage: 'fr', commune: 'Molenbeek-Saint-Jean', referent: 0, monthlyIncome: '2450.00',
    phone: '+32 486 21 43 65', account: 'active',
    members: [adult('Omar', 'Al-Hassan', 1982), adult('Rasha', 'Al-Hassan', 1986), child('Yara', 'Al-Hassan', 2011), child('Karim', 'Al-Hassan', 2014), child('Lina', 'Al-Hassan', 2019)],
    notes: 'Épargne PEPS régulière chez Crédal. Intéressée par le prochain GECS.',
  },
  {
    displayName: 'Famille Haidari', preferredLanguage: 'en', commune: 'Schaerbeek', referent: 1, monthlyIncome: '2180.50',
    phone: '0471/58.32.90', email: 'haidari.family@example.org', account: 'code',
    members: [adult('Mohammad', 'Haidari', 1979), adult('Zahra', 'Haidari', 1984), child('Ali', 'Haidari', 2009), child('Fatima', 'Haidari', 2012), child('Hamid', 'Haidari', 2016), child('Maryam', 'Haidari', 2021)],
  },
  {
    displayName: 'Famille Tesfamariam', preferredLanguage: 'en', commune: 'Anderlecht', referent: 0, monthlyIncome: '1890.00',
    members: [adult('Yonas', 'Tesfamariam', 1988), adult('Selam', 'Ghebremedhin', 1992), child('Abel', 'Yonas', 2018), child('Ruth', 'Yonas', 2021)],
  },
  {
    displayName: 'Famille Mukendi', preferredLanguage: 'fr', commune: 'Bruxelles (Laeken)', referent: 1, monthlyIncome: '2760.00',
    phone: '+32 488 12 09 77', email: 'j.mukendi@example.org', account: 'active',
    members: [adult('Jean-Pierre', 'Mukendi', 1975), adult('Odette', 'Kabongo', 1980), adult('Grâce', 'Mukendi', 2005), child('Daniel', 'Mukendi', 2009), child('Esther', 'Mukendi', 2013), child('Joël', 'Mukendi', 2017)],
    notes: 'Candidature Steyls (Laeken) à discuter en entretien.',
  },
  {
    displayName: 'Hélène Lambert', preferredLanguage: 'fr', commune: 'Forest', referent: 0, monthlyIncome: '1720.00',
    phone: '0485 33 21 09', singleParent: true, pasSolo: true, account: 'active',
    members: [adult('Hélène', 'Lambert', 1987), child('Lucas', 'Lambert', 2012), child('Chloé', 'Lambert', 2016)],
  },
  {
    displayName: 'Famille El Amrani', preferredLanguage: 'fr', commune: 'Molenbeek-Saint-Jean', referent: 1, monthlyIncome: '2950.00',
    phone: '02 411 45 67',
    members: [adult('Youssef', 'El Amrani', 1978), adult('Naïma', 'Bouzid', 1981), adult('Salma', 'El Amrani', 2004), child('Ilyas', 'El Amrani', 2009), child('Adam', 'El Amrani', 2012), child('Nour', 'El Amrani', 2018)],
    notes: 'Locataires du Fonds du Logement : prioritaires pour VDP.',
  },
  {
    displayName: 'Famille Diallo', preferredLanguage: 'fr', commune: 'Anderlecht', referent: 0, monthlyIncome: '1650.00',
    phone: '+32 465 78 12 34',
    members: [adult('Mamadou', 'Diallo', 1990), adult('Aïssatou', 'Bah', 1994), child('Ibrahima', 'Diallo', 2019), child('Mariama', 'Diallo', 2022)],
  },
  {
    displayName: "Aminata N'Diaye", preferredLanguage: 'fr', commune: 'Schaerbeek', referent: 1, monthlyIncome: '1480.00',
    phone: '0466 90 12 48', singleParent: true, pasSolo: true, account: 'code',
    members: [adult('Aminata', "N'Diaye", 1985), child('Moussa', "N'Diaye", 2010), child('Fanta', "N'Diaye", 2014)],
    notes: 'Cycle PAS-SOLO. Cherche un deux-chambres proche de l’école des enfants.',
  },
  {
    displayName: 'Famille Kovalenko', preferredLanguage: 'en', commune: 'Etterbeek', referent: 0, monthlyIncome: '2320.00',
    phone: '+32 470 44 90 12', email: 'o.kovalenko@example.org', account: 'active',
    members: [adult('Oleksandr', 'Kovalenko', 1983), adult('Iryna', 'Kovalenko', 1986), child('Sofiia', 'Kovalenko', 2013), child('Maksym', 'Kovalenko', 2017)],
  },
  {
    displayName: 'Olena Shevchenko', preferredLanguage: 'en', commune: 'Ixelles', referent: 1, monthlyIncome: '1560.00',
    phone: '0493/27.81.55', singleParent: true,
    members: [adult('Olena', 'Shevchenko', 1990), child('Daryna', 'Shevchenko', 2015)],
  },
  {
    displayName: 'Famille Öztürk', preferredLanguage: 'nl', commune: 'Schaerbeek', referent: 0, monthlyIncome: '3150.00',
    phone: '+32 2 216 38 74', email: 'ozturk.ailesi@example.org', account: 'active',
    members: [adult('Mehmet', 'Öztürk', 1976), adult('Ayşe', 'Öztürk', 1979), adult('Emre', 'Öztürk', 2003), child('Zeynep', 'Öztürk', 2010), child('Elif', 'Öztürk', 2013)],
    notes: 'Préfère les rendez-vous le samedi matin.',
  },
  {
    displayName: 'Famille Abdi', preferredLanguage: 'en', commune: 'Anderlecht', referent: 1, monthlyIncome: '1980.00',
    phone: '0487 65 43 21',
    members: [adult('Abdirahman', 'Abdi', 1984), adult('Hodan', 'Warsame', 1989), child('Ayaan', 'Abdi', 2010), child('Hamza', 'Abdi', 2013), child('Sagal', 'Abdi', 2016), child('Liban', 'Abdi', 2020), child('Nasra', 'Abdi', 2023)],
  },
  {
    displayName: 'Famille Peeters', preferredLanguage: 'nl', commune: 'Jette', referent: 0, monthlyIncome: '2890.00',
    email: 'peeters.verhoeven@example.org',
    members: [adult('Koen', 'Peeters', 1980), adult('Sarah', 'Verhoeven', 1983), child('Lotte', 'Peeters', 2014), child('Wout', 'Peeters', 2018)],
  },
  {
    displayName: 'Famille Mahmoud', preferredLanguage: 'fr', commune: 'Saint-Gilles', referent: 1, monthlyIncome: '2040.00',
    phone: '+32 484 56 78 01',
    members: [adult('Khaled', 'Mahmoud', 1980), adult('Hiba', 'Saleh', 1985), child('Tarek', 'Mahmoud', 2009), child('Jana', 'Mahmoud', 2015)],
  },
  {
    displayName: 'Ahmad Rahimi', preferredLanguage: 'fr', commune: 'Evere', referent: 0, monthlyIncome: '1350.00',
    phone: '0489 11 27 63',
    members: [adult('Ahmad', 'Rahimi', 1996)],
    notes: 'Apprenti électricien : hausse de revenu attendue après le contrat.',
  },
  {
    displayName: 'Famille Berhane', preferredLanguage: 'en', commune: 'Molenbeek-Saint-Jean', referent: 1, monthlyIncome: '1760.00',
    phone: '+32 467 30 52 18', account: 'code',
    members: [adult('Samuel', 'Berhane', 1987), adult('Helen', 'Tekle', 1991), child('Naod', 'Samuel', 2017), child('Lidya', 'Samuel', 2020)],
  },
  {
    displayName: 'Famille Lukusa', preferredLanguage: 'fr', commune: 'Forest', referent: 0, monthlyIncome: '2230.00',
    email: 'chantal.mbuyi@example.org',
    members: [adult('Patrick', 'Lukusa', 1981), adult('Chantal', 'Mbuyi', 1983), child('Divine', 'Lukusa', 2008), child('Merveille', 'Lukusa', 2011), child('Exaucé', 'Lukusa', 2015)],
  },
  {
    displayName: 'Mireille Kalonji', preferredLanguage: 'fr', commune: 'Evere', referent: 1, monthlyIncome: '1620.00',
    phone: '0475 82 36 14', singleParent: true, pasSolo: true,
    members: [adult('Mireille', 'Kalonji', 1984), child('Prince', 'Kalonji', 2008), child('Gloria', 'Kalonji', 2011), child('Bénédicte', 'Kalonji', 2015), child('Samuel', 'Kalonji', 2019)],
    notes: 'PAS-SOLO : compromis signé pour un appartement VDP, acte attendu avant la fin de l’année.',
  },
  {
    displayName: 'Famille Benali', preferredLanguage: 'nl', commune: 'Anderlecht', referent: 0, monthlyIncome: '2680.00',
    phone: '0472 19 84 36',
    members: [adult('Rachid', 'Benali', 1977), adult('Fatima Zahra', 'Ouali', 1982), adult('Soufiane', 'Benali', 2005), child('Hajar', 'Benali', 2009), child('Amine', 'Benali', 2014)],
  },
  {
    displayName: 'Famille Aït Lahcen', preferredLanguage: 'fr', commune: 'Saint-Gilles', referent: 1, monthlyIncome: '2380.00',
    phone: '02 538 71 29', otherDependents: 1,
    members: [adult('Hassan', 'Aït Lahcen', 1974), adult('Khadija', 'Aït Lahcen', 1978), adult('Mina', 'Tazi', 1948), child('Ayoub', 'Aït Lahcen', 2008), child('Imane', 'Aït Lahcen', 2010)],
    notes: 'La grand-mère vit avec la famille et est à charge : prévoir un rez-de-chaussée ou un ascenseur.',
  },
  {
    displayName: 'Famille Camara', preferredLanguage: 'fr', commune: 'Schaerbeek', referent: 0, monthlyIncome: '1940.00',
    members: [adult('Sékou', 'Camara', 1986), adult('Kadiatou', 'Sow', 1990), child('Alpha', 'Camara', 2016), child('Hawa', 'Camara', 2018), child('Mohamed', 'Camara', 2021)],
  },
  {
    displayName: 'Famille Demir', preferredLanguage: 'nl', commune: 'Evere', referent: 1, monthlyIncome: '2590.00',
    phone: '+32 479 03 66 25',
    members: [adult('Hakan', 'Demir', 1981), adult('Gül', 'Demir', 1985), child('Deniz', 'Demir', 2012), child('Kerem', 'Demir', 2016)],
  },
  {
    displayName: 'Sahra Mohamed', preferredLanguage: 'en', commune: 'Molenbeek-Saint-Jean', referent: 0, monthlyIncome: '1390.00',
    phone: '0468 24 57 90', singleParent: true,
    members: [adult('Sahra', 'Mohamed', 1992), child('Yusuf', 'Ahmed', 2014), child('Hibaaq', 'Ahmed', 2017), child('Khadar', 'Ahmed', 2021)],
  },
  {
    displayName: 'Samir Haddad', preferredLanguage: 'fr', commune: 'Jette', referent: 1, monthlyIncome: '1840.00',
    phone: '0494 61 08 72', singleParent: true,
    members: [adult('Samir', 'Haddad', 1979), child('Rami', 'Haddad', 2010), child('Dana', 'Haddad', 2013)],
  },
  {
    displayName: 'Famille Dethier', preferredLanguage: 'fr', commune: 'Ixelles', referent: 0, monthlyIncome: '2470.00',
    email: 'julien.dethier@example.org',
    members: [adult('Julien', 'Dethier', 1988), adult('Marie-Ève', 'Collignon', 1990), child('Louise', 'Dethier', 2020)],
  },
  {
    displayName: 'Famille Sultani', preferredLanguage: 'fr', commune: 'Anderlecht', referent: 1, monthlyIncome: '2110.00',
    phone: '+32 465 12 98 73',
    members: [adult('Jawad', 'Sultani', 1985), adult('Parwana', 'Sultani', 1990), child('Sana', 'Sultani', 2014), child('Omid', 'Sultani', 2018), child('Farid', 'Sultani', 2022)],
  },
  {
    displayName: 'Famille Kidane', preferredLanguage: 'fr', commune: 'Bruxelles (Laeken)', referent: 0, monthlyIncome: '1930.00',
    phone: '0483 77 41 05',
    members: [adult('Daniel', 'Kidane', 1983), adult('Mebrat', 'Haile', 1987), child('Elsa', 'Daniel', 2012), child('Mikael', 'Daniel', 2016)],
    notes: 'Dossier Steyls : fiches de paie du trimestre reçues.',
  },
  {
    displayName: 'Famille Ilunga', preferredLanguage: 'fr', commune: 'Jette', referent: 1, monthlyIncome: '2840.00',
    members: [adult('Serge', 'Ilunga', 1972), adult('Béatrice', 'Ngalula', 1976), adult('Joëlle', 'Ilunga', 2001), child('Cédric', 'Ilunga', 2009)],
  },
  {
    displayName: 'Famille Bondarenko', preferredLanguage: 'nl', commune: 'Evere', referent: 0, monthlyIncome: '2060.00',
    phone: '+32 470 98 15 36', otherDependents: 1,
    members: [adult('Andrii', 'Bondarenko', 1979), adult('Nataliia', 'Bondarenko', 1982), adult('Vira', 'Bondarenko', 1953), child('Taras', 'Bondarenko', 2010)],
  },
  {
    displayName: 'Famille Al-Khatib', preferredLanguage: 'fr', commune: 'Etterbeek', referent: 1, monthlyIncome: '3050.00',
    email: 'alkhatib.famille@example.org',
    members: [adult('Mahmoud', 'Al-Khatib', 1975), adult('Nisrine', 'Al-Khatib', 1980), adult('Lamis', 'Al-Khatib', 2004), child('Adnan', 'Al-Khatib', 2008), child('Tala', 'Al-Khatib', 2012)],
    notes: 'Ingénieur en reconversion ; revenu stable depuis 2025.',
  },
  {
    displayName: 'Famille Farah', preferredLanguage: 'en', commune: 'Anderlecht', referent: 0, monthlyIncome: '1710.00',
    phone: '0486 35 70 92',
    members: [adult('Abdullahi', 'Farah', 1988), adult('Ifrah', 'Hussein', 1993), child('Mustafe', 'Farah', 2020)],
  },
];

/** The demo referents' ids, in DEMO_REFERENTS order; they are created by 01_demo_staff. */
async function demoReferentIds(knex: Knex): Promise<string[]> {
  const ids: string[] = [];
  for (const r of DEMO_REFERENTS) {
    const row = (await knex('users').whereRaw('lower(email) = ?', [r.email]).whereNot('role', 'household').first('id')) as { id: string } | undefined;
    if (!row) throw new Error(`Demo referent ${r.email} not found: run 01_demo_staff first.`);
    ids.push(row.id);
  }
  return ids;
}

export async function seed(knex: Knex): Promise<string[]> {
  const referentIds = await demoReferentIds(knex);
  if (await knex('households').whereIn('referent_id', referentIds).first('id')) {
    return ['Demo households already present: skipped.'];
  }
  const organisationId = await defaultOrganisationId(knex);
  const actor = systemActor('seed');

  // One transaction for the whole world: a failed run leaves no half-seeded households behind.
  return knex.transaction(async (trx) => {
    const logins: string[] = [];
    const codes: string[] = [];
    for (const h of DEMO_HOUSEHOLDS) {
      const referentId = referentIds[h.referent]!;
      const input = createHouseholdBody.parse({
        displayName: h.displayName,
        members: h.members,
        phone: h.phone ?? null,
        email: h.email ?? null,
        preferredLanguage: h.preferredLanguage,
        commune: h.commune,
        dependents: h.members.filter((m) => m.kind === 'child').length + (h.otherDependents ?? 0),
        monthlyIncome: h.monthlyIncome,
        referentId,
        flags: { singleParent: h.singleParent ?? false, pasSolo: h.pasSolo ?? false },
        notes: h.notes ?? null,
      });
      const household = await createHousehold(trx, actor, organisationId, input);
      if (!h.account) continue;
      // A code is issued in the referent's name (the activation_codes row records who issued it).
      const { code, expiresAt } = await issueActivationCode(trx, { ...actor, userId: referentId }, organisationId, household.id);
      if (h.account === 'active') {
        await activate(trx, { code, password: DEMO_HOUSEHOLD_PASSWORD }, { ip: 'seed' });
        logins.push(`Household login (${h.displayName}): ${household.reference} / ${DEMO_HOUSEHOLD_PASSWORD}`);
      } else {
        codes.push(`Household activation code (${h.displayName}): ${household.reference} → ${code}, valid until ${expiresAt.toISOString().slice(0, 10)}`);
      }
    }
    return [`${DEMO_HOUSEHOLDS.length} demo households created.`, ...logins, ...codes];
  });
}
