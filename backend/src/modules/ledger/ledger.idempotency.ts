/**
 * Idempotent money operations. The client sends an Idempotency-Key header; the key is claimed in the
 * operation's own transaction, so the answer is stored with the money it moved, or not at all.
 * - same key, same request: the first answer again, nothing posted;
 * - same key, another request: 409;
 * - two requests racing with one key: PostgreSQL's unique index makes the second wait for the first
 *   to commit, then it finds the stored answer.
 */
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Knex } from 'knex';
import { inTransaction, type Actor } from '../../db/tx.ts';
import { actorOf, authOf } from '../../lib/access.ts';
import { errors } from '../../lib/errors.ts';
import * as repo from './ledger.repository.ts';

/** The request header carrying the client's key of a money operation. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;

/** The request's idempotency key; money-moving routes require one. */
export function idempotencyKeyOf(req: Request): string {
  const key = req.get(IDEMPOTENCY_HEADER);
  if (key === undefined || key === '') {
    throw errors.validation([{ path: `headers.${IDEMPOTENCY_HEADER}`, message: 'Required: a unique key per operation, reused when retrying' }], 'Money operations need an Idempotency-Key header.');
  }
  if (!KEY_PATTERN.test(key)) {
    throw errors.validation([{ path: `headers.${IDEMPOTENCY_HEADER}`, message: 'Must be 8 to 200 visible ASCII characters' }]);
  }
  return key;
}

/** Canonical JSON (sorted keys) so that the same body always gives the same fingerprint. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** What makes two requests "the same": method, path and body. */
export function fingerprintOf(req: Request): string {
  return createHash('sha256').update(`${req.method} ${req.baseUrl}${req.path}\n${canonical(req.body ?? {})}`).digest('hex');
}

/** The answer of a money operation, and whether it was replayed from its key. */
export interface StoredAnswer<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/**
 * Runs a money operation once per key: in one transaction, claims the key, runs fn and stores its
 * answer. Errors roll everything back, key included, so a corrected retry may use the same key.
 */
export async function once<T>(
  knex: Knex,
  actor: Actor,
  organisationId: string,
  key: string,
  fingerprint: string,
  fn: (trx: Knex.Transaction) => Promise<{ status: number; body: T }>,
): Promise<StoredAnswer<T>> {
  return inTransaction(knex, actor, async (trx) => {
    if (!(await repo.claimKey(trx, organisationId, key, fingerprint))) {
      const stored = await repo.storedAnswer<T>(trx, organisationId, key);
      if (!stored || stored.fingerprint !== fingerprint || stored.status === null) {
        throw errors.conflict('idempotency_key_reused', 'This Idempotency-Key was already used for another request. Use a new key for a new operation.');
      }
      return { status: stored.status, body: stored.body as T, replayed: true };
    }
    const answer = await fn(trx);
    await repo.storeAnswer(trx, organisationId, key, answer.status, answer.body);
    return { ...answer, replayed: false };
  });
}

/** What a money operation runs with: its transaction, who, the organisation and the request's key. */
export interface MoneyContext {
  trx: Knex.Transaction;
  actor: Actor;
  organisationId: string;
  idempotencyKey: string | null;
}

/**
 * A money route's body: runs the operation once per Idempotency-Key (in one transaction) and answers
 * with its first result. The header X-Idempotent-Replay: true tells a client that nothing new was posted.
 */
export async function moneyOperation<T>(knex: Knex, req: Request, res: Response, status: number, fn: (op: MoneyContext) => Promise<T>): Promise<void> {
  const key = idempotencyKeyOf(req);
  const actor = actorOf(req, res);
  const organisationId = authOf(req).user.organisationId;
  const answer = await once(knex, actor, organisationId, key, fingerprintOf(req), async (trx) => ({
    status,
    body: await fn({ trx, actor, organisationId, idempotencyKey: key }),
  }));
  res.status(answer.status).set('X-Idempotent-Replay', String(answer.replayed)).json(answer.body);
}
