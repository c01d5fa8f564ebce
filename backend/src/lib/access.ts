import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Config } from '../config.ts';
import type { Actor } from '../db/tx.ts';
import { AppError, errors } from './errors.ts';
import type { Language } from './locale.ts';

/** The person behind a session, as every route sees it (loaded by modules/auth/auth.middleware.ts). */
export interface SessionUser {
  id: string;
  organisationId: string;
  role: 'coordinator' | 'referent' | 'household';
  name: string;
  email: string | null;
  householdId: string | null;
  householdReference: string | null;
  preferredLanguage: Language | null;
}

/** The authenticated caller of a request. */
export interface Auth {
  sessionId: string;
  csrfToken: string;
  user: SessionUser;
}

declare module 'express-serve-static-core' {
  interface Request {
    auth?: Auth;
  }
}

export type Role = SessionUser['role'];
const STAFF: Role[] = ['coordinator', 'referent'];

/** Name of the session cookie; the __Host- prefix (Secure, path /, no domain) when cookies are secure. */
export function sessionCookieName(cfg: Pick<Config, 'secureCookies'>): string {
  return cfg.secureCookies ? '__Host-pc_session' : 'pc_session';
}

/** What a policy declares; the route-walking test reads it. */
export interface PolicyInfo {
  name: string;
}

/** A middleware that enforces a route's access policy, tagged so a test can prove every route has one. */
export type Policy = RequestHandler & { policy: PolicyInfo };

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function checkCsrf(req: Request, auth: Auth): void {
  if (!UNSAFE.has(req.method)) return;
  const sent = req.get('x-csrf-token');
  if (!sent || !safeEqual(sent, auth.csrfToken)) {
    throw new AppError(403, 'csrf_failed', 'Forbidden', 'Missing or wrong X-CSRF-Token header. Reload the page and try again.');
  }
}

function tag(name: string, fn: RequestHandler): Policy {
  return Object.assign(fn, { policy: { name } });
}

/**
 * Routes open to anyone (health, login, activation). State-changing ones accept only requests whose
 * Origin header, when present, is the server's own or the configured public origin.
 */
export function publicAccess(cfg: Pick<Config, 'publicOrigin'>): Policy {
  return tag('public', (req, _res, next) => {
    const origin = req.get('origin');
    if (UNSAFE.has(req.method) && origin) {
      const own = `${req.protocol}://${req.get('host')}`;
      if (origin !== own && origin !== cfg.publicOrigin) {
        throw new AppError(403, 'origin_refused', 'Forbidden', 'This request comes from another site.');
      }
    }
    next();
  });
}

/**
 * Routes for signed-in callers of the given roles. A household caller is further limited to its own
 * household when householdParam names the route parameter holding a household id; anything a
 * household may not see answers 404, so that other households' records do not even seem to exist.
 */
export function allow(roles: Role[], opts: { householdParam?: string } = {}): Policy {
  const name = `roles:${roles.join(',')}${opts.householdParam ? `;own:${opts.householdParam}` : ''}`;
  return tag(name, (req, _res, next) => {
    const auth = req.auth;
    if (!auth) throw errors.unauthenticated();
    const { user } = auth;
    if (!roles.includes(user.role)) {
      if (user.role === 'household') throw errors.notFound();
      throw errors.forbidden();
    }
    if (user.role === 'household' && opts.householdParam && req.params[opts.householdParam] !== user.householdId) {
      throw errors.notFound('household');
    }
    checkCsrf(req, auth);
    next();
  });
}

/** The usual policies, by name. */
export const access = {
  authenticated: () => allow(['coordinator', 'referent', 'household']),
  staff: () => allow(STAFF),
  coordinator: () => allow(['coordinator']),
  /** Staff, or the household whose id is in the route parameter. */
  staffOrOwnHousehold: (param = 'id') => allow([...STAFF, 'household'], { householdParam: param }),
};

/** The signed-in caller; for use after a policy that requires one. */
export function authOf(req: Request): Auth {
  if (!req.auth) throw errors.unauthenticated();
  return req.auth;
}

/** The audit actor of a request: the signed-in user, with the request id for the trail. */
export function actorOf(req: Request, res: Response): Actor & { userId: string } {
  const { user } = authOf(req);
  const label = user.role === 'household' ? `household ${user.householdReference}` : (user.email ?? user.name);
  return { userId: user.id, label, requestId: typeof res.locals.requestId === 'string' ? res.locals.requestId : undefined };
}
