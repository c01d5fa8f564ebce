import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { loadConfig } from '../config.ts';
import { openDatabaseOrExit } from '../db/knex.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { systemActor } from '../db/tx.ts';
import { AppError } from '../lib/errors.ts';
import { createStaffUser, defaultOrganisationId } from '../modules/users/users.service.ts';

const USAGE = `usage: npm run admin -- create-user --email <email> --role coordinator|referent --name "<name>"
The password is read from POT_COMMUN_PASSWORD, or asked for when run in a terminal.`;

async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('Set POT_COMMUN_PASSWORD (no terminal to ask the password in).');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide what is typed.
  const rlWithOutput = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  let asking = true;
  rlWithOutput._writeToOutput = (s: string) => {
    if (!asking || s.includes('Password')) rlWithOutput.output.write(s);
  };
  const password = await rl.question('Password (at least 10 characters): ');
  asking = false;
  rl.close();
  process.stdout.write('\n');
  return password;
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
  });
  if (positionals[0] !== 'create-user' || !values.email || !values.name || (values.role !== 'coordinator' && values.role !== 'referent')) {
    console.error(USAGE);
    return 2;
  }
  const password = process.env.POT_COMMUN_PASSWORD ?? (await askPassword());
  const config = loadConfig();
  // Attaches to the running server's embedded cluster, or starts one for the duration of the command.
  const db = await openDatabaseOrExit(config, 'cli');
  try {
    await migrateDatabase(db);
    const organisationId = await defaultOrganisationId(db.knex);
    const user = await createStaffUser(db.knex, systemActor('admin-cli'), {
      organisationId,
      email: values.email,
      name: values.name,
      role: values.role,
      password,
    });
    console.log(`Created ${user.role} ${user.name} <${user.email}>.`);
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      console.error(`Refused: ${err.detail ?? err.title}${err.errors ? ` (${err.errors.map((e) => `${e.path}: ${e.message}`).join('; ')})` : ''}`);
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}

process.exitCode = await main();
