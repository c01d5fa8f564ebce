/**
 * The one fetch wrapper of the Pot commun API: JSON in and out, files out, CSRF header, extra headers
 * (Idempotency-Key), problem+json errors as ApiError, and the expired-session handler.
 */

/** One invalid field reported by the API; `path` is dotted, e.g. `members.0.firstName`. */
export interface FieldError {
  path: string;
  message: string;
}

interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
  requestId?: string;
}

/** An error response of the API (RFC 9457), or a network failure (status 0, code `network_error`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[];
  readonly requestId: string | undefined;
  /** Seconds to wait, from the Retry-After header (429). */
  readonly retryAfter: number | undefined;

  constructor(status: number, problem: ProblemBody, retryAfter?: number) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? (status === 0 ? 'network_error' : 'http_error');
    this.title = problem.title ?? '';
    this.detail = problem.detail;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.requestId = problem.requestId;
    this.retryAfter = retryAfter;
  }
}

/** True when `error` is an ApiError, optionally with the given problem code. */
export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

/** Remembers the CSRF token from login or /api/auth/me (null after logout). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the session has expired (401 `unauthenticated`) so the app can go to /login. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

type QueryValue = string | number | boolean | null | undefined;

/** Options of a call. */
export interface RequestOptions {
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /**
   * Extra headers, e.g. `Idempotency-Key`. Accept, Content-Type and X-CSRF-Token are the client's own
   * and win over a header of the same name here.
   */
  headers?: Record<string, string>;
}

/** Options of a call that answers with a file. */
export interface FileRequestOptions extends Omit<RequestOptions, 'body'> {
  /** The media type asked for (e.g. `application/pdf`); problem+json is always accepted too. */
  accept?: string;
}

/** A file answered by the API, with the name the server gave it (Content-Disposition), if any. */
export interface FileResponse {
  blob: Blob;
  filename: string | null;
}

const UNSAFE = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const OWN_HEADERS = new Set(['accept', 'content-type', 'x-csrf-token']);

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function send(method: string, path: string, options: RequestOptions, accept: string): Promise<Response> {
  const headers: Record<string, string> = {};
  // Header names are case-insensitive: drop an extra header that would shadow one of the client's own.
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (!OWN_HEADERS.has(name.toLowerCase())) headers[name] = value;
  }
  headers.Accept = `${accept}, application/problem+json`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, { title: 'Network error' });
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

async function toApiError(response: Response): Promise<ApiError> {
  let problem: ProblemBody = {};
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      problem = (await response.json()) as ProblemBody;
    } catch {
      problem = {};
    }
  }
  const retry = Number(response.headers.get('Retry-After'));
  const error = new ApiError(response.status, problem, Number.isFinite(retry) && retry > 0 ? retry : undefined);
  if (error.status === 401 && error.code === 'unauthenticated') unauthorizedHandler?.();
  return error;
}

async function json<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options, 'application/json');
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function file(method: string, path: string, options: RequestOptions & { accept?: string }): Promise<FileResponse> {
  const response = await send(method, path, options, options.accept ?? '*/*');
  return { blob: await response.blob(), filename: contentDispositionFilename(response.headers.get('Content-Disposition')) };
}

/** The API client: every call resolves with the parsed JSON body (or the file) or throws ApiError. */
export const api = {
  get: <T>(path: string, options?: RequestOptions) => json<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => json<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => json<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => json<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => json<T>('DELETE', path, options),
  /** GET that answers with a file (a statement PDF, a ZIP, a CSV). */
  getBlob: (path: string, options: FileRequestOptions = {}) => file('GET', path, options),
  /** POST that answers with a file (e.g. an activation letter). */
  postBlob: (path: string, body?: unknown, options: FileRequestOptions = {}) => file('POST', path, { ...options, body }),
};

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const PARAMETER = /;\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/g;

/** Decodes an RFC 8187 ext-value (`UTF-8'lang'%E2%82%AC.pdf`); null when it cannot be read. */
function decodeExtValue(value: string): string | null {
  const match = /^([^']*)'[^']*'(.*)$/.exec(value);
  if (!match) return null;
  const charset = (match[1] ?? '').toLowerCase();
  const encoded = match[2] ?? '';
  try {
    if (charset === 'utf-8') return decodeURIComponent(encoded);
    if (charset === 'iso-8859-1') {
      // One byte per character: each %XX is a Latin-1 code point.
      return encoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    }
  } catch {
    return null;
  }
  return null;
}

/** Keeps the last path segment: a file name never chooses a folder. */
function baseName(name: string): string | null {
  const last = name.split(/[/\\]/).pop()?.trim() ?? '';
  return last === '' || last === '.' || last === '..' ? null : last;
}

/**
 * The file name of a Content-Disposition header (RFC 6266): `filename*` (RFC 8187, UTF-8 or
 * ISO-8859-1) wins over `filename` (a token or a quoted string); null when there is none.
 */
export function contentDispositionFilename(header: string | null | undefined): string | null {
  if (!header) return null;
  const type = header.split(';', 1)[0]?.trim() ?? '';
  if (!TOKEN.test(type)) return null;
  let plain: string | null = null;
  let extended: string | null = null;
  for (const match of header.slice(header.indexOf(type) + type.length).matchAll(PARAMETER)) {
    const name = (match[1] ?? '').toLowerCase();
    const value = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : (match[3] ?? '');
    if (name === 'filename*' && extended === null) extended = decodeExtValue(value);
    else if (name === 'filename' && plain === null) plain = value;
  }
  const chosen = extended ?? plain;
  return chosen === null ? null : baseName(chosen);
}

/** Hands a file to the browser as a download under the given name. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers read the URL after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
