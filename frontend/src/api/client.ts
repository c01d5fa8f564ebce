/** Fetch wrapper for the Pot commun API: JSON in and out, CSRF header, problem+json errors. */

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

interface RequestOptions {
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

const UNSAFE = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

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
  const headers: Record<string, string> = { Accept: `${accept}, application/problem+json` };
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

/** The API client: every call resolves with the parsed JSON body or throws ApiError. */
export const api = {
  get: <T>(path: string, options?: RequestOptions) => json<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => json<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => json<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => json<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => json<T>('DELETE', path, options),
  /** POST that answers with a file (e.g. a PDF letter). */
  postForBlob: async (path: string, body: unknown, accept: string): Promise<Blob> => {
    const response = await send('POST', path, { body }, accept);
    return response.blob();
  },
};
