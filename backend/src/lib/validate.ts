import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { errors, type FieldError } from './errors.ts';

/** The request schemas of one route; each part is optional. */
export interface RequestSchemas {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
}

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

/** The validated input a handler receives. */
export interface Input<S extends RequestSchemas> {
  params: Infer<S['params']>;
  query: Infer<S['query']>;
  body: Infer<S['body']>;
}

/** Turns zod issues into field errors with dotted paths; unknown keys are listed one by one. */
export function fieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: [...base, key].join('.'), message: 'Unknown field' });
    } else {
      out.push({ path: base.join('.') || prefix || '(body)', message: issue.message });
    }
  }
  return out;
}

/** Parses and validates params, query and body together, so that every problem is reported at once. */
export function parseInput<S extends RequestSchemas>(schemas: S, req: Request): Input<S> {
  const problems: FieldError[] = [];
  const result: Record<string, unknown> = { params: undefined, query: undefined, body: undefined };
  // Body paths are bare ("displayName") since forms map them to fields; query and params are prefixed.
  const parts: Array<[keyof RequestSchemas, unknown, string]> = [
    ['params', req.params, 'params'],
    ['query', req.query, 'query'],
    ['body', req.body, ''],
  ];
  for (const [key, value, prefix] of parts) {
    const schema = schemas[key];
    if (!schema) continue;
    const parsed = schema.safeParse(key === 'body' && value === undefined ? {} : value);
    if (parsed.success) result[key] = parsed.data;
    else problems.push(...fieldErrors(parsed.error, prefix));
  }
  if (problems.length > 0) throw errors.validation(problems);
  return result as unknown as Input<S>;
}

/** A route handler with validated, typed input. */
export function handle<S extends RequestSchemas>(
  schemas: S,
  fn: (input: Input<S>, req: Request, res: Response) => Promise<void> | void,
): RequestHandler {
  return async (req, res) => {
    const input = parseInput(schemas, req);
    await fn(input, req, res);
  };
}

/** Shared schema pieces. */
export const schemas = {
  uuid: z.uuid({ error: 'Must be an id (UUID)' }),
  idParams: z.strictObject({ id: z.uuid({ error: 'Must be an id (UUID)' }) }),
  /** Trimmed non-empty text up to max characters. */
  text: (max: number) => z.string().trim().min(1, 'Must not be empty').max(max, `At most ${max} characters`),
  /** Optional free text: empty becomes null. */
  optionalText: (max: number) =>
    z
      .string()
      .trim()
      .max(max, `At most ${max} characters`)
      .nullable()
      .optional()
      .transform((v) => (v === '' ? null : v)),
  /** "true"/"false" in a query string. */
  queryBoolean: z.enum(['true', 'false']).transform((v) => v === 'true'),
  queryInt: (min: number, max: number) =>
    z
      .string()
      .regex(/^\d{1,6}$/, 'Must be a whole number')
      .transform(Number)
      .pipe(z.number().int().min(min, `At least ${min}`).max(max, `At most ${max}`)),
};
