import { randomInt } from 'node:crypto';

/** Check digits of a Belgian structured communication: the first ten digits mod 97, 97 when 0. */
export function communicationCheck(tenDigits: string): string {
  const r = Number(BigInt(tenDigits) % 97n);
  return String(r === 0 ? 97 : r).padStart(2, '0');
}

/** True when the 12 digits (any punctuation, "+++" or "***" ignored) form a valid structured communication. */
export function isValidCommunication(value: string): boolean {
  const digits = value.replace(/[+*/\s]/g, '');
  if (!/^\d{12}$/.test(digits)) return false;
  return communicationCheck(digits.slice(0, 10)) === digits.slice(10);
}

/** Displays 12 digits the way Belgian banks print them: +++010/8068/17183+++. */
export function formatCommunication(digits: string): string {
  return `+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7, 12)}+++`;
}

/** A new random structured communication (12 digits); uniqueness is enforced by the database. */
export function randomCommunication(): string {
  const base = String(randomInt(0, 1_000_000_000)).padStart(9, '0');
  // A leading 1 keeps the ten-digit base from starting with zeros that some banking apps drop.
  const ten = `1${base}`;
  return ten + communicationCheck(ten);
}
