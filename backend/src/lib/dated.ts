/** Rules kept as dated data: each applies from its date until the next one. */

/** The rule in force on a date ('YYYY-MM-DD') among dated rules, or null before the first one. */
export function ruleOn<T extends { from: string }>(rules: readonly T[], on: string): T | null {
  let found: T | null = null;
  for (const rule of rules) if (rule.from <= on && (!found || rule.from >= found.from)) found = rule;
  return found;
}
