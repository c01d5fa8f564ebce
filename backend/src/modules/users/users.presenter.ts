import type { StaffUser } from './users.repository.ts';

/** A staff member as the API shows it (never the password hash). */
export function presentStaffUser(u: StaffUser) {
  return { id: u.id, name: u.name, email: u.email, role: u.role, active: u.active, createdAt: u.createdAt.toISOString() };
}
