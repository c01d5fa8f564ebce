import { z } from 'zod';
import { schemas } from '../../lib/validate.ts';

const staffRole = z.enum(['coordinator', 'referent'], { error: 'Must be coordinator or referent' });

export const createUserBody = z.strictObject({
  email: z.email({ error: 'Must be an e-mail address' }).max(320).transform((v) => v.toLowerCase()),
  name: schemas.text(200),
  role: staffRole,
  password: z.string({ error: 'Required' }).max(200, 'At most 200 characters'),
});

export const updateUserBody = z
  .strictObject({ name: schemas.text(200).optional(), role: staffRole.optional(), active: z.boolean().optional() })
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field');

export const listUsersQuery = z.strictObject({ role: staffRole.optional(), active: schemas.queryBoolean.optional() });
