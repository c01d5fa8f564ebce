/** The middleware that makes a request's session known to every route (lib/access.ts policies read it). */
import type { RequestHandler } from 'express';
import type { Knex } from 'knex';
import { parse as parseCookies } from 'cookie';
import type { Config } from '../../config.ts';
import { sessionCookieName } from '../../lib/access.ts';
import { loadSession, touchSession } from './sessions.repository.ts';

/** Loads the session named by the cookie, if any, into req.auth. Never refuses: policies do. */
export function authenticate(knex: Knex, cfg: Config): RequestHandler {
  const cookieName = sessionCookieName(cfg);
  return async (req, _res, next) => {
    const token = parseCookies(req.headers.cookie ?? '')[cookieName];
    if (token && token.length <= 100) {
      const session = await loadSession(knex, token);
      if (session) {
        req.auth = { sessionId: session.id, csrfToken: session.csrfToken, user: session.user };
        if (Date.now() - new Date(session.lastSeenAt).getTime() > 60_000) await touchSession(knex, session.id, cfg.sessionIdleHours);
      }
    }
    next();
  };
}
