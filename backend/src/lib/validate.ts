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

// PostgreSQL refuses NUL in text (22021) and in jsonb (22P05), and the drivers silently turn an unpaired
// UTF-16 surrogate (which JSON's "\ud800" escape can produce) into U+FFFD, changing what was sent.
// Neither is text a person types, so both are refused before any schema or query sees them.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);
export const UNSTORABLE_TEXT_MESSAGE = 'Must not contain a NUL character or broken Unicode (an unpaired surrogate)';

/** A path into a request, linked to its parent so that walking never copies it (see unstorableText). */
interface PathNode {
  parent: PathNode | null;
  key: string;
}

function pathText(node: PathNode | null): string {
  const keys: string[] = [];
  for (let n = node; n; n = n.parent) keys.push(n.key);
  return keys.reverse().join('.');
}

/**
 * Lists every string (value or key) anywhere in a request part that the database could not store
 * as sent. Iterative with linked paths, so that a deeply nested 1 MB body can neither overflow the
 * stack nor cost more than one visit per value.
 */
export function unstorableText(value: unknown, prefix: string): FieldError[] {
  const out: FieldError[] = [];
  // Each entry: a value, its path, and whether its own key is already bad (then it is named once, as the key).
  const stack: Array<[unknown, PathNode | null, boolean]> = [[value, prefix ? { parent: null, key: prefix } : null, false]];
  while (stack.length > 0) {
    const [current, node, badKey] = stack.pop()!;
    if (badKey) out.push({ path: pathText(node), message: UNSTORABLE_TEXT_MESSAGE });
    if (typeof current === 'string') {
      if (!badKey && unstorable(current)) out.push({ path: pathText(node) || '(body)', message: UNSTORABLE_TEXT_MESSAGE });
    } else if (current !== null && typeof current === 'object') {
      // Reversed onto the stack, so that problems come out in the order of the fields.
      for (const [key, child] of Object.entries(current).reverse()) {
        stack.push([child, { parent: node, key }, unstorable(key)]);
      }
    }
  }
  return out;
}

/** Parses and validates params, query and body together, so that every problem is reported at once. */
export function parseInput<S extends RequestSchemas>(schemas: S, req: Request): Input<S> {
  // Every part is checked, even one the route declares no schema for: no route lets such text through.
  const problems: FieldError[] = [
    ...unstorableText(req.params, 'params'),
    ...unstorableText(req.query, 'query'),
    ...unstorableText(req.body, ''),
  ];
  const refused = new Set(problems.map((p) => p.path));
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
    // A field already refused for its characters is named once, with that reason.
    else problems.push(...fieldErrors(parsed.error, prefix).filter((p) => !refused.has(p.path)));
  }
  if (problems.length > 0) throw errors.validation(problems);
  return result as unknown as Input<S>;
}

/** A route handler with validated, typed input. */
export function handle<S extends RequestSchemas>(
  schemas: S,
  fn: (input: Input<S>, req: Request, res: Response) => Promise<void> | void,
): RequestHandler {
  const handler: RequestHandler = async (req, res) => {
    const input = parseInput(schemas, req);
    await fn(input, req, res);
  };
  // Tagged like policies, so that a test can build requests from each route's own field names.
  return Object.assign(handler, { schemas });
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
