import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  PASSWORD_MIN_LENGTH,
  passwordProblem,
  verifyPassword,
} from '../../backend/src/modules/auth/passwords.ts';

const GOOD = 'correct horse battery staple';

describe('hashPassword', () => {
  it('hashes with argon2id at the OWASP minimum cost (19 MiB, 2 passes, 1 lane)', async () => {
    const hash = await hashPassword(GOOD);
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(hash).toContain('m=19456,t=2,p=1');
    expect(hash).not.toContain(GOOD);
  });

  it('salts every hash, so the same password never gives the same hash twice', async () => {
    const [a, b] = await Promise.all([hashPassword(GOOD), hashPassword(GOOD)]);
    expect(a).not.toBe(b);
  });
});

describe('verifyPassword', () => {
  it('accepts the password that was hashed', async () => {
    expect(await verifyPassword(await hashPassword(GOOD), GOOD)).toBe(true);
  });

  it('accepts a non-ASCII password that was hashed', async () => {
    const password = 'Crème brûlée à 4,50 € — ٢٠٢٦';
    expect(await verifyPassword(await hashPassword(password), password)).toBe(true);
  });

  it('refuses a wrong password, including one differing only in case or by a trailing space', async () => {
    const hash = await hashPassword(GOOD);
    expect(await verifyPassword(hash, 'correct horse battery stapler')).toBe(false);
    expect(await verifyPassword(hash, GOOD.toUpperCase())).toBe(false);
    expect(await verifyPassword(hash, `${GOOD} `)).toBe(false);
    expect(await verifyPassword(hash, '')).toBe(false);
  });

  it.each(['not-a-hash', '$argon2id$garbage', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$', '$2b$10$abcdefghijklmnopqrstuv'])(
    'answers false, without throwing, for the garbage hash %j',
    async (garbage) => {
      await expect(verifyPassword(garbage, GOOD)).resolves.toBe(false);
    },
  );

  it.each([null, undefined, ''])('answers false when the account has no hash (%j)', async (missing) => {
    await expect(verifyPassword(missing, GOOD)).resolves.toBe(false);
  });

  it('spends about as long without a hash as with one, so timing does not reveal unknown accounts', async () => {
    const hash = await hashPassword(GOOD);
    await verifyPassword(null, GOOD); // warm up: builds the dummy hash once
    const time = async (fn: () => Promise<boolean>): Promise<number> => {
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        await fn();
        runs.push(performance.now() - start);
      }
      return runs.sort((x, y) => x - y)[1]!;
    };
    const withHash = await time(() => verifyPassword(hash, 'wrong password!'));
    const withoutHash = await time(() => verifyPassword(null, 'wrong password!'));
    expect(withoutHash).toBeGreaterThan(withHash * 0.3);
  });
});

describe('passwordProblem', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordProblem(GOOD)).toBeNull();
    expect(passwordProblem(GOOD, ['Marie Dupont', 'marie@example.be', 'GECS-0042'])).toBeNull();
  });

  it(`refuses fewer than ${PASSWORD_MIN_LENGTH} characters and accepts exactly ${PASSWORD_MIN_LENGTH}`, () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    expect(passwordProblem('Xk7#pq2!m')).toBe('Must be at least 10 characters');
    expect(passwordProblem('')).toBe('Must be at least 10 characters');
    expect(passwordProblem('Xk7#pq2!mZ')).toBeNull();
  });

  it('refuses more than 200 characters and accepts exactly 200', () => {
    const long = 'Xk7#pq2!mZ'.repeat(20);
    expect(passwordProblem(long)).toBeNull();
    expect(passwordProblem(`${long}a`)).toBe('At most 200 characters');
  });

  it.each(['1234567890', 'azertyuiop', 'motdepasse123', 'MotDePasse123', 'WACHTWOORD1', 'Bruxelles123', 'potcommun123'])(
    'refuses the common password %j, whatever its case',
    (password) => {
      expect(passwordProblem(password)).toBe('Too common: choose another password');
    },
  );

  it.each(['ababababab', 'zzzzzzzzzzzz', 'AbAbAbAbAbAb'])('refuses %j, made of two different characters or fewer', (password) => {
    expect(passwordProblem(password)).toBe('Too simple: use more different characters');
  });

  it('refuses a password containing the name, e-mail or reference, whatever the case', () => {
    const context = ['Marie Dupont', 'marie.dupont@example.be', 'GECS-0042'];
    const message = 'Must not contain your name, e-mail or reference';
    expect(passwordProblem('ilove-marie dupont!', context)).toBe(message);
    expect(passwordProblem('Marie.Dupont@Example.be#1', context)).toBe(message);
    expect(passwordProblem('my gecs-0042 savings', context)).toBe(message);
  });

  it('ignores context words shorter than four characters', () => {
    expect(passwordProblem('Li loves long walks', ['Li', 'Bo'])).toBeNull();
    expect(passwordProblem('Anna loves long walks', ['Anna'])).toBe('Must not contain your name, e-mail or reference');
  });

  it('ignores empty context entries', () => {
    expect(passwordProblem(GOOD, ['', ''])).toBeNull();
  });
});
