import { randomUUID } from 'node:crypto';
import type { Client } from './app.ts';

/** Posts a money operation with a fresh (or given) Idempotency-Key, as the web app does. */
export function moneyPost(client: Client, url: string, body: object, key: string = randomUUID()) {
  return client.post(url, body).set('Idempotency-Key', key);
}
