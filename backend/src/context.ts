import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Engine } from './db/knex.ts';

/** What every module's routes are built with: no globals, so tests and several instances stay independent. */
export interface AppContext {
  knex: Knex;
  engine: Engine;
  config: Config;
  logger: Logger;
  version: string;
}
