import { formatOptionalAmount } from '../../lib/money.ts';
import { formatCommunication } from '../../lib/structured-communication.ts';
import type { AuditRow, Household } from './households.repository.ts';

/** Key of the journey phase the household is in, derived from its history; null before any and after an exit. */
interface WithPhase {
  currentPhase: string | null;
}

type Viewer = 'staff' | 'household';

/** A household as the API shows it; staff-only fields (notes) never reach the household itself. */
export function presentHousehold(h: Household & WithPhase, viewer: Viewer) {
  return {
    id: h.id,
    reference: h.reference,
    structuredCommunication: formatCommunication(h.structuredCommunication),
    displayName: h.displayName,
    members: h.members.map((m) => ({ id: m.id, firstName: m.firstName, lastName: m.lastName, kind: m.kind, birthYear: m.birthYear })),
    phone: h.phone,
    email: h.email,
    preferredLanguage: h.preferredLanguage,
    commune: h.commune,
    dependents: h.dependents,
    monthlyIncome: formatOptionalAmount(h.monthlyIncome),
    referentId: h.referent?.id ?? null,
    referent: h.referent,
    flags: { singleParent: h.singleParent, pasSolo: h.pasSolo },
    ...(viewer === 'staff' ? { notes: h.notes } : {}),
    account: { status: h.account.status, codeExpiresAt: h.account.codeExpiresAt?.toISOString() ?? null },
    currentPhase: h.currentPhase,
    createdAt: h.createdAt.toISOString(),
    updatedAt: h.updatedAt.toISOString(),
  };
}

/** A line of the households list. */
export function presentHouseholdSummary(h: Household & WithPhase & { membersCount: number }) {
  return {
    id: h.id,
    reference: h.reference,
    displayName: h.displayName,
    commune: h.commune,
    preferredLanguage: h.preferredLanguage,
    referent: h.referent,
    flags: { singleParent: h.singleParent, pasSolo: h.pasSolo },
    membersCount: h.membersCount,
    account: { status: h.account.status },
    currentPhase: h.currentPhase,
  };
}

// Columns that say nothing to a reader of the history.
const HIDDEN = new Set(['id', 'organisation_id', 'household_id', 'position', 'created_at', 'updated_at', 'issued_at', 'issued_by']);
const camel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** A stored value as a person reads it: structured communications as banks print them. */
function readable(column: string, value: unknown): unknown {
  if (column === 'structured_communication' && typeof value === 'string') return formatCommunication(value);
  return value ?? null;
}

/** One audit row as a list of field changes (camelCase field names, raw before/after values). */
export function presentAuditRow(r: AuditRow) {
  const keys = new Set([...Object.keys(r.before ?? {}), ...Object.keys(r.after ?? {})]);
  const changes = [...keys]
    .filter((k) => !HIDDEN.has(k))
    .filter((k) => JSON.stringify(r.before?.[k] ?? null) !== JSON.stringify(r.after?.[k] ?? null))
    .map((k) => ({ field: camel(k), before: readable(k, r.before?.[k]), after: readable(k, r.after?.[k]) }));
  return {
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actorUserId ? { id: r.actorUserId, name: r.actorName ?? r.actorLabel } : null,
    actorLabel: r.actorLabel,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    changes,
  };
}
