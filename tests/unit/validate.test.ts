import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, type FieldError } from '../../backend/src/lib/errors.ts';
import { moneyString } from '../../backend/src/lib/money.ts';
import { fieldErrors, parseInput, schemas, unstorableText, type RequestSchemas } from '../../backend/src/lib/validate.ts';

const ID = '2f1c4b1e-8a6d-4c1e-9a3f-5b7d2e9c0a41';

/** A stand-in for the parts of an Express request that parseInput reads. */
function request(parts: { params?: unknown; query?: unknown; body?: unknown }): Request {
  return { params: parts.params ?? {}, query: parts.query ?? {}, body: parts.body } as unknown as Request;
}

/** The field errors parseInput throws for this request (fails the test when it does not throw a validation error). */
function problems(routeSchemas: RequestSchemas, req: Request): FieldError[] {
  try {
    parseInput(routeSchemas, req);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.status).toBe(400);
    expect(appError.code).toBe('validation_failed');
    return appError.errors ?? [];
  }
  throw new Error('parseInput accepted the request');
}

const paths = (errs: FieldError[]): string[] => errs.map((e) => e.path).sort();

const household = z.strictObject({
  displayName: schemas.text(40),
  monthlyIncome: moneyString({ min: 'nonNegative' }).nullable(),
  members: z.array(z.strictObject({ firstName: schemas.text(40) })).optional(),
});

describe('parseInput', () => {
  it('reports two bad fields and one unknown key of a strict body, all three at once', () => {
    const errs = problems({ body: household }, request({ body: { displayName: '   ', monthlyIncome: 1250, nickname: 'x' } }));
    expect(paths(errs)).toEqual(['displayName', 'monthlyIncome', 'nickname']);
    expect(errs).toContainEqual({ path: 'displayName', message: 'Must not be empty' });
    expect(errs).toContainEqual({ path: 'monthlyIncome', message: 'Must be a decimal string such as "125.00"' });
    expect(errs).toContainEqual({ path: 'nickname', message: 'Unknown field' });
  });

  it('lists unknown keys one per key', () => {
    const errs = problems({ body: household }, request({ body: { displayName: 'Dupont', monthlyIncome: null, a: 1, b: 2, c: 3 } }));
    expect(errs).toEqual([
      { path: 'a', message: 'Unknown field' },
      { path: 'b', message: 'Unknown field' },
      { path: 'c', message: 'Unknown field' },
    ]);
  });

  it('gives nested fields and nested unknown keys dotted paths', () => {
    const errs = problems(
      { body: household },
      request({ body: { displayName: 'Dupont', monthlyIncome: '-1.00', members: [{ firstName: 'Marie' }, { firstName: '', age: 7 }] } }),
    );
    expect(paths(errs)).toEqual(['members.1.age', 'members.1.firstName', 'monthlyIncome']);
    expect(errs).toContainEqual({ path: 'monthlyIncome', message: 'Must not be negative' });
  });

  it('prefixes query and params paths, and reports them together with the body', () => {
    const errs = problems(
      {
        params: schemas.idParams,
        query: z.strictObject({ page: schemas.queryInt(1, 100), archived: schemas.queryBoolean.optional() }),
        body: household,
      },
      request({ params: { id: 'not-a-uuid' }, query: { page: '0', archived: 'yes', sort: 'name' }, body: { displayName: 'Dupont' } }),
    );
    expect(paths(errs)).toEqual(['monthlyIncome', 'params.id', 'query.archived', 'query.page', 'query.sort']);
    expect(errs).toContainEqual({ path: 'params.id', message: 'Must be an id (UUID)' });
    expect(errs).toContainEqual({ path: 'query.page', message: 'At least 1' });
    expect(errs).toContainEqual({ path: 'query.sort', message: 'Unknown field' });
  });

  it('treats a missing body as an empty object, so every required field is reported', () => {
    const errs = problems({ body: household }, request({}));
    expect(paths(errs)).toEqual(['displayName', 'monthlyIncome']);
    expect(errs).toContainEqual({ path: 'monthlyIncome', message: 'Required' });
  });

  it('names a wrong-shaped body "(body)" and a wrong-shaped query "query"', () => {
    expect(problems({ body: household }, request({ body: 'hello' })).map((e) => e.path)).toEqual(['(body)']);
    expect(problems({ query: z.strictObject({}) }, request({ query: 'x' })).map((e) => e.path)).toEqual(['query']);
  });

  it('returns the parsed, transformed input when everything is valid', () => {
    const input = parseInput(
      {
        params: schemas.idParams,
        query: z.strictObject({ page: schemas.queryInt(1, 100), archived: schemas.queryBoolean }),
        body: z.strictObject({ displayName: schemas.text(40), note: schemas.optionalText(100), amount: moneyString() }),
      },
      request({ params: { id: ID }, query: { page: '5', archived: 'true' }, body: { displayName: '  Dupont ', note: '  ', amount: '12.50' } }),
    );
    expect(input).toEqual({
      params: { id: ID },
      query: { page: 5, archived: true },
      body: { displayName: 'Dupont', note: null, amount: '12.50' },
    });
  });

  it('leaves out the parts a route has no schema for', () => {
    const input = parseInput({ params: schemas.idParams }, request({ params: { id: ID }, body: { anything: 1 } }));
    expect(input).toEqual({ params: { id: ID }, query: undefined, body: undefined });
  });

  it('reports an amount typed with a decimal comma ("1,50") as a field error, not an unexpected crash', () => {
    const errs = problems({ body: household }, request({ body: { displayName: 'Dupont', monthlyIncome: '1,50' } }));
    expect(paths(errs)).toEqual(['monthlyIncome']);
  });
});

describe('fieldErrors', () => {
  it('joins the prefix and the issue path with dots', () => {
    const result = z.strictObject({ a: z.object({ b: z.string() }) }).safeParse({ a: { b: 1 }, z: 0 });
    expect(result.success).toBe(false);
    expect(paths(fieldErrors(result.error!, 'query'))).toEqual(['query.a.b', 'query.z']);
    expect(paths(fieldErrors(result.error!))).toEqual(['a.b', 'z']);
  });
});

describe('schemas', () => {
  it('queryInt accepts whole numbers within bounds and refuses others', () => {
    const page = schemas.queryInt(1, 100);
    expect(page.parse('42')).toBe(42);
    for (const bad of ['0', '101', '-1', '1.5', '1e2', '', ' 7', '1234567']) expect(page.safeParse(bad).success).toBe(false);
  });

  it('queryBoolean reads only "true" and "false"', () => {
    expect(schemas.queryBoolean.parse('true')).toBe(true);
    expect(schemas.queryBoolean.parse('false')).toBe(false);
    for (const bad of ['1', 'yes', 'TRUE', '']) expect(schemas.queryBoolean.safeParse(bad).success).toBe(false);
  });

  it('text trims and refuses empty or too long text', () => {
    const text = schemas.text(5);
    expect(text.parse('  abc  ')).toBe('abc');
    expect(text.safeParse('   ').error?.issues[0]?.message).toBe('Must not be empty');
    expect(text.safeParse('abcdef').error?.issues[0]?.message).toBe('At most 5 characters');
  });

  it('optionalText turns empty text into null and keeps missing text missing', () => {
    const note = schemas.optionalText(5);
    expect(note.parse('  ')).toBeNull();
    expect(note.parse(null)).toBeNull();
    expect(note.parse(undefined)).toBeUndefined();
    expect(note.parse(' hi ')).toBe('hi');
    expect(note.safeParse('abcdef').success).toBe(false);
  });

  it('uuid and idParams refuse anything but a UUID', () => {
    expect(schemas.uuid.safeParse(ID).success).toBe(true);
    expect(schemas.uuid.safeParse('123').error?.issues[0]?.message).toBe('Must be an id (UUID)');
    expect(schemas.idParams.safeParse({ id: ID, extra: 1 }).success).toBe(false);
  });
});

describe('text the database cannot store', () => {
  const body = z.strictObject({ name: z.string(), notes: z.array(z.string()).optional() });
  const NUL_MESSAGE = 'Must not contain a NUL character or broken Unicode (an unpaired surrogate)';

  it('names every NUL or unpaired surrogate in params, query and body, nested or in keys, once each', () => {
    const errs = problems(
      { params: schemas.idParams, body },
      request({ params: { id: 'a\u0000' }, query: { q: 'x\u0000' }, body: { name: 'a\ud800', notes: ['ok', '\udc00b'], ['k\u0000']: 1 } }),
    );
    expect(errs).toEqual([
      { path: 'params.id', message: NUL_MESSAGE },
      { path: 'query.q', message: NUL_MESSAGE },
      { path: 'name', message: NUL_MESSAGE },
      { path: 'notes.1', message: NUL_MESSAGE },
      { path: 'k\u0000', message: NUL_MESSAGE },
    ]);
  });

  it('accepts surrogate pairs (emoji) and every other character', () => {
    expect(unstorableText({ name: 'Famille 👨‍👩‍👧 Ünal\t\n' }, '')).toEqual([]);
  });

  it('walks a deeply nested body without overflowing the stack', () => {
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(unstorableText(deep, '')).toHaveLength(1);
  });
});
