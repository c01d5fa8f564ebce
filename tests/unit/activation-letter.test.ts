import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../backend/src/lib/locale.ts';
import {
  renderActivationLetter,
  type ActivationLetterInput,
} from '../../backend/src/modules/households/activation.letter.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'activation-letter-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function letterInput(lang: Language, displayName: string): ActivationLetterInput {
  return {
    organisationName: 'Fonds du Logement — Épargne collective',
    household: { displayName, reference: 'HH-2026-0042', preferredLanguage: lang },
    code: 'K7QM-3XPA-R9TW',
    // 22:59 UTC is 23:59 in Brussels: the letter must show Brussels time.
    expiresAt: new Date('2026-12-11T22:59:00Z'),
    loginUrl: 'https://potcommun.example.brussels/login',
    now: new Date('2026-11-27T09:00:00Z'),
  };
}

/** Renders the letter and returns what a reader sees (pdftotext) and pdfinfo's report. */
async function readLetter(input: ActivationLetterInput): Promise<{ text: string; info: string; fonts: string }> {
  const file = path.join(dir, `${input.household.preferredLanguage}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, await renderActivationLetter(input));
  return {
    text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
    info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
    fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }),
  };
}

const cases: {
  lang: Language;
  name: string;
  expiry: string;
  date: string;
  button: string;
  password: string;
  referent: string;
}[] = [
  {
    lang: 'fr',
    name: "Famille N'Diaye-Éloïse",
    expiry: '11 décembre 2026 à 23:59',
    date: '27 novembre 2026',
    button: 'Première fois ? Activer mon compte',
    password: 'au moins 10 caractères',
    referent: 'référent logement',
  },
  {
    lang: 'nl',
    name: 'Олена Коваленко',
    expiry: '11 december 2026 om 23:59',
    date: '27 november 2026',
    button: 'Eerste keer? Mijn account activeren',
    password: 'minstens 10 tekens',
    referent: 'woonbegeleider',
  },
  {
    lang: 'en',
    name: 'Famille Öztürk-Łukasik',
    expiry: '11 December 2026 at 23:59',
    date: '27 November 2026',
    button: 'First time? Activate my account',
    password: 'at least 10 characters',
    referent: 'housing referent',
  },
];

describe('renderActivationLetter', () => {
  it.each(cases)('writes a one-page letter in $lang with everything the household needs', async (c) => {
    const { text, info, fonts } = await readLetter(letterInput(c.lang, c.name));

    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(text).toContain(c.name);
    expect(text).toContain('https://potcommun.example.brussels/login');
    expect(text).toContain(c.button);
    expect(text).toContain('K7QM-3XPA-R9TW');
    expect(text).toContain('HH-2026-0042');
    expect(text).toContain(c.expiry);
    expect(text).toContain(c.date);
    expect(text).toContain(c.referent);
    expect(text).toContain(c.password);
    // Only the embedded DejaVu fonts: standard Helvetica garbles Cyrillic.
    expect(fonts).toContain('DejaVuSans');
    expect(fonts).not.toContain('Helvetica');
  });

  it('prints a Cyrillic name in the French letter too', async () => {
    const { text } = await readLetter(letterInput('fr', 'Олена Коваленко'));
    expect(text).toContain('Bonjour Олена Коваленко,');
  });

  it('warns in every language that the password is never to be given to staff', async () => {
    const warnings: Record<Language, string> = {
      fr: 'même pas à notre personnel',
      nl: 'ook niet aan ons personeel',
      en: 'not even to our staff',
    };
    for (const [lang, warning] of Object.entries(warnings) as [Language, string][]) {
      const { text } = await readLetter(letterInput(lang, 'Famille Test'));
      expect(text.replace(/\s+/g, ' ')).toContain(warning);
    }
  });

  it('stays on one page with very long names and addresses', async () => {
    const long = (word: string, n: number) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');
    const input = letterInput('fr', long('Famille-Van-den-', 8));
    input.organisationName = long('Organisation', 14);
    input.loginUrl = `https://potcommun.example.brussels/${'x'.repeat(90)}`;
    const { info, text } = await readLetter(input);
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(text).toContain('K7QM-3XPA-R9TW');
  });

  it('is reproducible for a given date', async () => {
    const input = letterInput('en', 'Famille Test');
    expect((await renderActivationLetter(input)).equals(await renderActivationLetter(input))).toBe(true);
  });
});

describe('activation letter codes', () => {
  it('prints any random code and reference so that they read back exactly', async () => {
    const { newActivationCode } = await import('../../backend/src/modules/households/households.service.ts');
    for (let i = 0; i < 15; i++) {
      const code = newActivationCode();
      const reference = `H-${String(1000 + i * 397).padStart(4, '0')}`;
      const input = { ...letterInput('fr', 'Famille Test'), code, household: { displayName: 'Famille Test', reference, preferredLanguage: 'fr' as const } };
      const { text } = await readLetter(input);
      expect(text).toContain(code);
      expect(text).toContain(reference);
    }
  }, 60_000);
});
