/** How Belgian payment references are written for people: pure text handling, no fetching, no React. */

/** A structured communication's 12 digits as banks print it: +++123/4567/89012+++; anything else as it is. */
export function formatStructuredCommunication(digits: string): string {
  const compact = digits.replace(/\D/g, '');
  if (compact.length !== 12) return digits;
  return `+++${compact.slice(0, 3)}/${compact.slice(3, 7)}/${compact.slice(7)}+++`;
}

/** An IBAN in groups of four ("BE68 5390 0754 7034"), as printed on paper. */
export function formatIban(iban: string): string {
  return iban.replace(/\s+/g, '').toUpperCase().replace(/(.{4})(?=.)/g, '$1 ');
}

/** An IBAN without spaces, as banking apps accept it when pasted. */
export function compactIban(iban: string): string {
  return iban.replace(/\s+/g, '').toUpperCase();
}
