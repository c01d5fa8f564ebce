import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane).
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (a const enum we cannot import under verbatimModuleSyntax) */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verified against when an account does not exist, so that the answer takes as long as for a real one.
let dummyHash: Promise<string> | undefined;

/** Checks a password against a stored hash; with no hash it still spends the same time and returns false. */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword('not-a-real-password-for-timing');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

export const PASSWORD_MIN_LENGTH = 10;
const PASSWORD_MAX_LENGTH = 200;

// The most common passwords of at least 10 characters in public breach lists, plus local favourites.
const COMMON = new Set(
  [
    '1234567890', '0123456789', '12345678910', '1234567891', '0987654321', '1111111111', '0000000000',
    'qwertyuiop', 'azertyuiop', 'password1', 'password12', 'password123', 'password1234', 'passw0rd123',
    'motdepasse', 'motdepasse1', 'motdepasse123', 'wachtwoord', 'wachtwoord1', 'wachtwoord123',
    'iloveyou12', 'iloveyou123', 'qwerty1234', 'qwerty12345', 'qwerty123456', 'azerty1234', 'azerty123456',
    '1q2w3e4r5t', '1qaz2wsx3edc', 'qazwsxedc123', 'abcdefghij', 'abcd123456', 'abc1234567', 'a123456789',
    'aaaaaaaaaa', 'bonjour123', 'bruxelles1', 'bruxelles123', 'brussel123', 'belgique123', 'belgie1234',
    'potcommun1', 'potcommun123', 'football123', 'princess123', 'sunshine123', 'welcome123', 'letmein123',
    'administrator', 'changeme123', 'superman123', 'starwars123', 'dragon1234', 'monkey1234', 'michael123',
    'soleil1234', 'loulou1234', 'chocolat123', 'marseille13', 'liverpool1', 'manchester', 'pakistan123',
    'maroc12345', 'marocain123', 'allahakbar', 'bismillah1', 'bismillah123', 'inshallah1', 'mohammed123',
  ].map((p) => p.toLowerCase()),
);

/** Why a new password is refused, or null when it is acceptable. Messages are stable English; the UI translates by code. */
export function passwordProblem(password: string, context: string[] = []): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `At most ${PASSWORD_MAX_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'Too common: choose another password';
  if (new Set(lower).size <= 2) return 'Too simple: use more different characters';
  // Whole values and their parts ("Marie Dupont" → "dupont", "a.b@x.org" → "a.b"), four letters or more.
  const parts = context.flatMap((c) => [c, ...c.split(/[\s@._'-]+/)]).map((c) => c.toLowerCase()).filter((c) => c.length >= 4);
  if (parts.some((c) => lower.includes(c))) return 'Must not contain your name, e-mail or reference';
  return null;
}
