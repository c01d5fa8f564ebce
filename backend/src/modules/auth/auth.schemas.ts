import { z } from 'zod';

const password = z.string({ error: 'Required' }).min(1, 'Required').max(200, 'At most 200 characters');

/** Staff log in with { email, password }; households with { reference, password }. */
export const loginBody = z
  .strictObject({
    email: z.string().trim().min(1, 'Required').max(320).optional(),
    reference: z.string().trim().min(1, 'Required').max(40).optional(),
    password,
  })
  .refine((v) => (v.email === undefined) !== (v.reference === undefined), {
    path: ['email'],
    message: 'Send either email (staff) or reference (household)',
    // Checked even when other fields are invalid, so that every problem is reported at once.
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  });

export const activateBody = z.strictObject({
  code: z.string({ error: 'Required' }).trim().min(1, 'Required').max(40),
  password: z.string({ error: 'Required' }).max(200, 'At most 200 characters'),
});

export const changePasswordBody = z.strictObject({
  currentPassword: password,
  newPassword: z.string({ error: 'Required' }).max(200, 'At most 200 characters'),
});
