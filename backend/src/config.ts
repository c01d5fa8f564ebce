import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, resolved once: static files and fonts are found from here, not from import.meta of each file. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Every setting of the server, read from the environment in this one place. */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  /** The address the HTTP server binds; undefined: every interface (IPv6 and IPv4). */
  host: string | undefined;
  /** The embedded PostgreSQL's folder (cluster in dataDir/pg, password, owner lock); ignored when databaseUrl is set. */
  dataDir: string;
  /** An external PostgreSQL server (15+); when absent the embedded PostgreSQL in dataDir is used. */
  databaseUrl: string | undefined;
  /** Shown on letters and statements. */
  organisationName: string;
  /** Public origin (scheme://host[:port]) accepted in the Origin header of login and activation; the request's own host is always accepted. */
  publicOrigin: string | undefined;
  /** Send cookies with the Secure flag (default: in production). */
  secureCookies: boolean;
  /** Trust X-Forwarded-* from this many proxies (Express "trust proxy"). */
  trustProxy: number;
  /** A session ends after this many hours without a request. */
  sessionIdleHours: number;
  logLevel: string;
  webDistDir: string;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
  return n;
}

/** Reads the configuration from an environment (process.env by default). */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const env = source.NODE_ENV === 'production' ? 'production' : source.NODE_ENV === 'test' ? 'test' : 'development';
  return {
    env,
    port: intFrom(source.PORT, 3000, 'PORT'),
    host: source.HOST || undefined,
    dataDir: path.resolve(source.DATA_DIR ?? path.join(PROJECT_ROOT, 'data')),
    databaseUrl: source.DATABASE_URL || undefined,
    organisationName: source.ORGANISATION_NAME || 'Pot commun — Service logement',
    publicOrigin: source.PUBLIC_ORIGIN || undefined,
    secureCookies: source.SECURE_COOKIES ? source.SECURE_COOKIES === 'true' : env === 'production',
    trustProxy: intFrom(source.TRUST_PROXY, 0, 'TRUST_PROXY'),
    sessionIdleHours: intFrom(source.SESSION_IDLE_HOURS, 12, 'SESSION_IDLE_HOURS'),
    logLevel: source.LOG_LEVEL || (env === 'test' ? 'silent' : 'info'),
    webDistDir: path.resolve(source.WEB_DIST_DIR ?? path.join(PROJECT_ROOT, 'frontend', 'dist')),
  };
}
