/**
 * GECS documents made by the statements module: a household's statement, a group's statements ZIP and
 * entries CSV. Their owners are the registry's households (householdIdentities).
 */
import type { Knex } from 'knex';
import type { Actor } from '../../db/tx.ts';
import type { Language } from '../../lib/locale.ts';
import { bookEntriesCsv, issueStatement, issueStatementsZip, type IssuedStatement, type StatementSource } from '../statements/statements.service.ts';
import { householdIdentities } from '../households/households.repository.ts';
import { getGroupRow, groupsOfHouseholdIn, membersIn } from './groups.repository.ts';
import { SAVINGS_ACCOUNTS } from './statement.kinds.ts';

/** What a household's statement for a period is made from: the household's accounts and the groups it was in. */
export async function householdStatementSource(knex: Knex, organisationId: string, householdId: string, from: string, to: string): Promise<StatementSource> {
  return { organisationId, ownerId: householdId, from, to, books: await groupsOfHouseholdIn(knex, householdId, from, to), owners: householdIdentities, accounts: SAVINGS_ACCOUNTS };
}

/** Issues (or finds, when nothing changed) a household's numbered statement for a period. */
export async function issueHouseholdStatement(
  knex: Knex,
  req: { organisationId: string; organisationName: string; householdId: string; from: string; to: string; language?: Language; actor: Actor },
): Promise<IssuedStatement> {
  const source = await householdStatementSource(knex, req.organisationId, req.householdId, req.from, req.to);
  return issueStatement(knex, { ...source, organisationName: req.organisationName, language: req.language, actor: req.actor });
}

/** One statement per household that was a member of the group during the period, in one ZIP. */
export async function issueGroupStatements(
  knex: Knex,
  req: { organisationId: string; organisationName: string; groupId: string; from: string; to: string; actor: Actor },
): Promise<{ filename: string; zip: Buffer }> {
  const group = await getGroupRow(knex, req.organisationId, req.groupId);
  const statements = [];
  for (const member of await membersIn(knex, req.organisationId, req.groupId, req.from, req.to)) {
    statements.push({ ownerId: member.household_id, books: await groupsOfHouseholdIn(knex, member.household_id, req.from, req.to) });
  }
  return issueStatementsZip(knex, { ...req, bookName: group.name, owners: householdIdentities, accounts: SAVINGS_ACCOUNTS, statements });
}

/** The group's journal entries of a period as a CSV for Excel in Belgium. */
export async function groupEntriesCsv(
  knex: Knex,
  req: { organisationId: string; groupId: string; from: string; to: string; language: Language },
): Promise<{ filename: string; csv: Buffer }> {
  const group = await getGroupRow(knex, req.organisationId, req.groupId);
  return bookEntriesCsv(knex, { ...req, book: req.groupId, bookName: group.name, owners: householdIdentities });
}
