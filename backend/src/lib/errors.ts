import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';

/** One invalid field: a dotted path into the request ("members.0.firstName") and what is wrong. */
export interface FieldError {
  path: string;
  message: string;
}

/** An error the API answers as an RFC 9457 problem with a stable snake_case code. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? title);
  }
}

/** Shorthands for the errors every module raises. */
export const errors = {
  validation: (fieldErrors: FieldError[], detail = 'Some fields are invalid.') =>
    new AppError(400, 'validation_failed', 'Invalid request', detail, fieldErrors),
  badRequest: (code: string, detail: string) => new AppError(400, code, 'Bad request', detail),
  unauthenticated: () => new AppError(401, 'unauthenticated', 'Authentication required', 'Log in to continue.'),
  forbidden: (detail = 'You may not do this.') => new AppError(403, 'forbidden', 'Forbidden', detail),
  notFound: (what = 'resource') => new AppError(404, 'not_found', 'Not found', `No such ${what}.`),
  conflict: (code: string, detail: string) => new AppError(409, code, 'Conflict', detail),
};

// PostgreSQL error codes mapped in this one place (https://www.postgresql.org/docs/current/errcodes-appendix.html).
const PG_ERRORS: Record<string, { status: number; code: string; title: string; detail: string }> = {
  '23505': { status: 409, code: 'conflict', title: 'Conflict', detail: 'A record with the same unique value already exists.' },
  '23503': { status: 409, code: 'reference_conflict', title: 'Conflict', detail: 'The record refers to, or is referred to by, another record.' },
  '23514': { status: 422, code: 'constraint_violation', title: 'Unprocessable content', detail: 'A value breaks a rule of the data.' },
  '23502': { status: 422, code: 'constraint_violation', title: 'Unprocessable content', detail: 'A required value is missing.' },
  '22P02': { status: 400, code: 'invalid_value', title: 'Bad request', detail: 'A value has the wrong format.' },
  '22003': { status: 400, code: 'value_out_of_range', title: 'Bad request', detail: 'A number is out of range.' },
  '22001': { status: 400, code: 'value_too_long', title: 'Bad request', detail: 'A value is too long.' },
  '22007': { status: 400, code: 'invalid_value', title: 'Bad request', detail: 'A date has the wrong format.' },
  // Text the database cannot store (NUL in text, \u0000 in jsonb). lib/validate.ts refuses it in every
  // request first, naming the field; this is the safety net for text from anywhere else.
  '22021': { status: 400, code: 'invalid_text', title: 'Bad request', detail: 'A text contains a character that cannot be stored (such as NUL).' },
  '22P05': { status: 400, code: 'invalid_text', title: 'Bad request', detail: 'A text contains a character that cannot be stored (such as NUL).' },
  '22008': { status: 400, code: 'invalid_value', title: 'Bad request', detail: 'A date is out of range.' },
  PC001: { status: 409, code: 'month_closed', title: 'Conflict', detail: 'The month of this date is closed for the group.' },
  '40001': { status: 409, code: 'retry', title: 'Conflict', detail: 'A concurrent change interfered; try again.' },
};

interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  errors?: FieldError[];
  requestId?: string;
  instance?: string;
}

function problemFrom(err: unknown): { problem: Omit<Problem, 'requestId' | 'instance'>; headers?: Record<string, string>; unexpected: boolean } {
  if (err instanceof AppError) {
    return {
      problem: { type: `about:blank#${err.code}`, title: err.title, status: err.status, detail: err.detail, code: err.code, ...(err.errors ? { errors: err.errors } : {}) },
      headers: err.headers,
      unexpected: false,
    };
  }
  const e = err as { type?: string; status?: number; code?: string } | undefined;
  // body-parser errors
  if (e?.type === 'entity.parse.failed') return simple(400, 'invalid_json', 'Bad request', 'The body is not valid JSON.');
  if (e?.type === 'entity.too.large') return simple(413, 'payload_too_large', 'Content too large', 'The body is larger than 1 MB.');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') return simple(415, 'unsupported_encoding', 'Unsupported media type', 'Send UTF-8 JSON.');
  if (e?.type === 'request.aborted') return simple(400, 'request_aborted', 'Bad request', 'The request was aborted.');
  if (typeof e?.code === 'string' && PG_ERRORS[e.code]) {
    const m = PG_ERRORS[e.code]!;
    return simple(m.status, m.code, m.title, m.detail);
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return simple(e.status, 'bad_request', 'Bad request', 'The request could not be read.');
  }
  return { ...simple(500, 'internal_error', 'Internal server error', 'Something went wrong on our side. It has been logged.'), unexpected: true };
}

function simple(status: number, code: string, title: string, detail: string) {
  return { problem: { type: `about:blank#${code}`, title, status, detail, code }, unexpected: false };
}

/** The one error handler: every failure leaves as application/problem+json; internals are logged, never sent. */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const { problem, headers, unexpected } = problemFrom(err);
    const requestId = String(res.locals.requestId ?? '');
    if (unexpected) logger.error({ err, requestId, method: req.method, path: req.path }, 'unexpected error');
    if (res.headersSent) {
      res.end();
      return;
    }
    for (const [k, v] of Object.entries(headers ?? {})) res.setHeader(k, v);
    res.status(problem.status).type('application/problem+json').send(JSON.stringify({ ...problem, instance: req.originalUrl.split('?')[0], requestId }));
  };
}

/** Unknown /api routes answer 404 as a problem. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError(404, 'route_not_found', 'Not found', `No route ${req.method} ${req.originalUrl.split('?')[0]}.`));
};

/**
 * The name of the CHECK constraint a PostgreSQL error broke (code 23514), or null: lets a module turn
 * the database's refusal of one of its own rules into the domain error that names it, while every
 * other database error keeps the one mapping above.
 */
export function brokenCheck(err: unknown): string | null {
  const e = err as { code?: unknown; constraint?: unknown } | undefined;
  return e?.code === '23514' && typeof e.constraint === 'string' ? e.constraint : null;
}
