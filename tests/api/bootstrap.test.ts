import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../backend/src/db/knex.ts';
import { prepareDatabase } from '../../backend/src/db/bootstrap.ts';
import { createTestDatabase } from '../helpers/db.ts';

let db: Database | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const count = async (table: string) => Number(((await db!.knex(table).count({ n: '*' }).first()) as { n: number }).n);

describe('what npm start does to the database', () => {
  it('never loads demo data in production', async () => {
    db = await createTestDatabase();
    const result = await prepareDatabase(db, { env: 'production' });
    expect(result.demo).toBeNull();
    expect(await count('users')).toBe(0);
    expect(await count('households')).toBe(0);
  });

  it('loads demo data on a fresh embedded database only, and only once', async () => {
    db = await createTestDatabase();
    const first = await prepareDatabase(db, { env: 'development' });
    if (db.engine === 'embedded') {
      expect(first.demo?.some((l) => l.includes('coordination@demo.potcommun.be'))).toBe(true);
      expect(await count('households')).toBeGreaterThanOrEqual(28);
      const users = await count('users');
      expect((await prepareDatabase(db, { env: 'development' })).demo).toBeNull();
      expect(await count('users')).toBe(users);
    } else {
      // With DATABASE_URL, demo data comes only from npm run db:seed.
      expect(first.demo).toBeNull();
      expect(await count('users')).toBe(0);
    }
  }, 120_000);
});
