import { z } from 'zod';
import { isIsoDate, isoDate, today } from '../../lib/dates.ts';
import { schemas } from '../../lib/validate.ts';

/** The kinds of sessions the service runs. */
export const SESSION_KINDS = ['information', 'preparation_workshop', 'action_workshop', 'project_workshop', 'group_meeting'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
export const SESSION_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export const COHORT_KINDS = ['preparation', 'action'] as const;
export type CohortKind = (typeof COHORT_KINDS)[number];

/** A real calendar date written YYYY-MM-DD (lib/dates isoDate), from 1990 (households bring years of history) to 2200. */
export const calendarDate = isoDate.refine((v) => !isIsoDate(v) || (v >= '1990-01-01' && v <= '2200-12-31'), 'Must be between 1990 and 2200');

/** A calendar date that is not after today in Brussels: journey events are facts, never plans. */
export const pastDate = calendarDate.refine((v) => !isIsoDate(v) || v <= today(), 'Must not be in the future');

/** A stable key such as "information" or "bought_elsewhere". */
export const keySchema = z.string({ error: 'Must be a key such as "compromis_signed"' }).regex(/^[a-z][a-z0-9_]{1,39}$/, 'Must be a key such as "compromis_signed"');
export const keyParams = z.strictObject({ key: keySchema });

const namesSchema = z.strictObject({ fr: schemas.text(100), nl: schemas.text(100), en: schemas.text(100) });

export const renamePhaseBody = z.strictObject({ names: namesSchema.partial().refine((v) => Object.keys(v).length > 0, 'Send at least one name') });
export const addStepBody = z.strictObject({ key: keySchema, names: namesSchema });
export const addExitReasonBody = z.strictObject({ key: keySchema, names: namesSchema });
export const updateExitReasonBody = z
  .strictObject({ names: namesSchema.partial().optional(), active: z.boolean({ error: 'Must be true or false' }).optional() })
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field');

export const transitionBody = z.strictObject({ phase: keySchema, on: pastDate, note: schemas.optionalText(2000) });
export type TransitionInput = z.infer<typeof transitionBody>;
export const exitBody = z.strictObject({ on: pastDate, reason: keySchema, note: schemas.optionalText(2000) });
export type ExitInput = z.infer<typeof exitBody>;

const year = z
  .string()
  .regex(/^\d{4}$/, 'Must be a year such as 2025')
  .transform(Number)
  .pipe(z.number().int().min(1990, 'At least 1990').max(2200, 'At most 2200'));

export const createCohortBody = z
  .strictObject({
    name: schemas.text(100),
    kind: z.enum(COHORT_KINDS, { error: 'Must be preparation or action' }),
    startsOn: calendarDate,
    endsOn: calendarDate,
    savingsGroupId: schemas.uuid.nullable().optional(),
  })
  .refine((v) => v.endsOn >= v.startsOn, { path: ['endsOn'], message: 'Must not be before startsOn' });
export type CreateCohortInput = z.infer<typeof createCohortBody>;
export const updateCohortBody = z
  .strictObject({
    name: schemas.text(100).optional(),
    startsOn: calendarDate.optional(),
    endsOn: calendarDate.optional(),
    savingsGroupId: schemas.uuid.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field');
export type UpdateCohortInput = z.infer<typeof updateCohortBody>;
export const listCohortsQuery = z.strictObject({ kind: z.enum(COHORT_KINDS, { error: 'Must be preparation or action' }).optional() });
export const addMemberBody = z.strictObject({ householdId: schemas.uuid, joinedOn: pastDate });
export const memberParams = z.strictObject({ id: schemas.uuid, householdId: schemas.uuid });

const sessionFields = {
  kind: z.enum(SESSION_KINDS, { error: `Must be one of ${SESSION_KINDS.join(', ')}` }),
  title: schemas.text(200),
  startsAt: z.iso.datetime({ offset: true, error: 'Must be a date and time such as 2025-03-14T18:30:00+01:00' }),
  place: schemas.optionalText(200),
  online: z.boolean({ error: 'Must be true or false' }),
  cohortId: schemas.uuid.nullable(),
  savingsGroupId: schemas.uuid.nullable(),
  project: schemas.optionalText(200),
  /** The acquisition project the session is about (e.g. a CLTB project workshop): its figures count it. */
  projectId: schemas.uuid.nullable(),
  facilitator: schemas.optionalText(200),
  notes: schemas.optionalText(5000),
};
export const createSessionBody = z.strictObject({
  ...sessionFields,
  online: sessionFields.online.default(false),
  cohortId: sessionFields.cohortId.optional(),
  savingsGroupId: sessionFields.savingsGroupId.optional(),
  projectId: sessionFields.projectId.optional(),
});
export type CreateSessionInput = z.infer<typeof createSessionBody>;
export const updateSessionBody = z
  .strictObject({
    kind: sessionFields.kind.optional(),
    title: sessionFields.title.optional(),
    startsAt: sessionFields.startsAt.optional(),
    place: sessionFields.place,
    online: sessionFields.online.optional(),
    cohortId: sessionFields.cohortId.optional(),
    savingsGroupId: sessionFields.savingsGroupId.optional(),
    project: sessionFields.project,
    projectId: sessionFields.projectId.optional(),
    facilitator: sessionFields.facilitator,
    notes: sessionFields.notes,
  })
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field');
export type UpdateSessionInput = z.infer<typeof updateSessionBody>;
export const cancelSessionBody = z.strictObject({ reason: schemas.text(500) });
export const heldSessionBody = z.strictObject({});

const MAX_INVITED = 500;
export const attendanceBody = z
  .strictObject({
    invited: z.array(schemas.uuid).max(MAX_INVITED, `At most ${MAX_INVITED} households`),
    attended: z
      .array(
        z.strictObject({
          householdId: schemas.uuid,
          people: z.number({ error: 'Must be a whole number' }).int('Must be a whole number').min(1, 'At least 1').max(30, 'At most 30').default(1),
        }),
      )
      .max(MAX_INVITED, `At most ${MAX_INVITED} households`)
      .default([]),
  })
  .superRefine((v, ctx) => {
    const invited = new Set<string>();
    v.invited.forEach((id, i) => {
      if (invited.has(id)) ctx.addIssue({ code: 'custom', path: ['invited', i], message: 'Listed twice' });
      invited.add(id);
    });
    const attended = new Set<string>();
    v.attended.forEach((a, i) => {
      if (attended.has(a.householdId)) ctx.addIssue({ code: 'custom', path: ['attended', i, 'householdId'], message: 'Listed twice' });
      else if (!invited.has(a.householdId)) ctx.addIssue({ code: 'custom', path: ['attended', i, 'householdId'], message: 'Must also be invited' });
      attended.add(a.householdId);
    });
  });
export type AttendanceInput = z.infer<typeof attendanceBody>;

export const listSessionsQuery = z
  .strictObject({
    from: calendarDate.optional(),
    to: calendarDate.optional(),
    kind: z.enum(SESSION_KINDS, { error: `Must be one of ${SESSION_KINDS.join(', ')}` }).optional(),
    status: z.enum(SESSION_STATUSES, { error: 'Must be planned, held or cancelled' }).optional(),
    cohortId: schemas.uuid.optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: 'Must not be before from' });
export type ListSessionsQuery = z.infer<typeof listSessionsQuery>;

export const statsQuery = z.strictObject({
  year,
  kind: z.enum(SESSION_KINDS, { error: `Must be one of ${SESSION_KINDS.join(', ')}` }).optional(),
  cohortId: schemas.uuid.optional(),
});
export type StatsQuery = z.infer<typeof statsQuery>;
export const funnelQuery = z.strictObject({ year });

export const BOARD_FLAGS = ['singleParent', 'pasSolo', 'warning'] as const;
export const boardQuery = z.strictObject({
  referentId: schemas.uuid.optional(),
  cohortId: schemas.uuid.optional(),
  flag: z.enum(BOARD_FLAGS, { error: 'Must be singleParent, pasSolo or warning' }).optional(),
});
export type BoardQuery = z.infer<typeof boardQuery>;
