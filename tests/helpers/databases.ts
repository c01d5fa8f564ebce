import { openPostgres } from '../../backend/src/db/knex.ts';

/** Drops a throwaway database (a test file's or the benchmark's), through the server's admin URL; closes whoever is still connected. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = openPostgres(adminUrl, 1);
  try {
    await admin.knex.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.close();
  }
}
