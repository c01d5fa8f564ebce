/**
 * The legal rules a rental advance is checked against, as dated data: a rule applies to a lease whose
 * guarantee is placed on or after its date, until the next rule. Change a rule by adding a dated row,
 * never by editing one: advances opened under the old rule were right under it.
 */
import { ruleOn } from '../../lib/dated.ts';
import { Money } from '../../lib/money.ts';

export interface BlockedAccountRule {
  /** The first opening date the rule applies to ('YYYY-MM-DD'). */
  from: string;
  /** The largest guarantee on a blocked account, in months of rent. */
  maxMonthsOfRent: number;
  source: string;
}

/** Brussels: at most two months' rent on a blocked account (three before the 2007 reform). */
export const BLOCKED_ACCOUNT_RULES: readonly BlockedAccountRule[] = [
  { from: '1991-02-28', maxMonthsOfRent: 3, source: 'Loi du 20 février 1991 sur les baux de résidence principale, art. 10 (version initiale)' },
  { from: '2007-06-18', maxMonthsOfRent: 2, source: 'Loi du 25 avril 2007 modifiant l’article 10 de la loi sur les baux de résidence principale' },
  { from: '2018-01-01', maxMonthsOfRent: 2, source: 'Code bruxellois du Logement, art. 248 §1 (ordonnance du 27 juillet 2017)' },
];

/** The rule in force on a date, or null before the first one. */
export function blockedAccountRuleOn(on: string, rules: readonly BlockedAccountRule[] = BLOCKED_ACCOUNT_RULES): BlockedAccountRule | null {
  return ruleOn(rules, on);
}

/** The largest guarantee allowed on a date for a monthly rent (null when no rule is known for that date). */
export function maxGuarantee(monthlyRent: Money | string, on: string): { amount: Money; rule: BlockedAccountRule } | null {
  const rule = blockedAccountRuleOn(on);
  return rule ? { amount: new Money(monthlyRent).times(rule.maxMonthsOfRent), rule } : null;
}
