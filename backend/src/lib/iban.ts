/**
 * IBANs (ISO 13616): written with or without spaces, stored as compact upper-case text. A Belgian IBAN
 * (BEkk BBBA AAAA AACC, 16 characters) must also pass the national check: the first ten digits of the
 * account number mod 97 (0 → 97) are its last two.
 */

/** The compact upper-case form: spaces removed. */
export function compactIban(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

function iso7064Mod97(text: string): number {
  let rest = 0;
  for (const ch of text) {
    const digits = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest;
}

/** Whether an IBAN (spaces allowed) passes the ISO check and, for Belgium, the national one. */
export function isValidIban(value: string): boolean {
  const iban = compactIban(value);
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  if (iso7064Mod97(iban.slice(4) + iban.slice(0, 4)) !== 1) return false;
  if (iban.startsWith('BE')) {
    if (!/^BE[0-9]{14}$/.test(iban)) return false;
    const r = Number(BigInt(iban.slice(4, 14)) % 97n);
    return String(r === 0 ? 97 : r).padStart(2, '0') === iban.slice(14, 16);
  }
  return true;
}

/** Groups of four, the way an IBAN is printed: BE68 5390 0754 7034. */
export function formatIban(value: string): string {
  return compactIban(value).replace(/(.{4})(?=.)/g, '$1 ');
}
