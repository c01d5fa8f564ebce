import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, contentDispositionFilename, setCsrfToken, setUnauthorizedHandler } from './client';

describe('contentDispositionFilename', () => {
  it('reads a quoted or bare filename', () => {
    expect(contentDispositionFilename('attachment; filename="releve-H-0042.pdf"')).toBe('releve-H-0042.pdf');
    expect(contentDispositionFilename('attachment; filename=ecritures.csv')).toBe('ecritures.csv');
    expect(contentDispositionFilename('inline;filename="a \\"quoted\\" name.pdf"')).toBe('a "quoted" name.pdf');
    expect(contentDispositionFilename('attachment; filename="a;b.pdf"; size=12')).toBe('a;b.pdf');
    expect(contentDispositionFilename('Attachment; FileName="upper.pdf"')).toBe('upper.pdf');
  });

  it("prefers filename* (RFC 8187), as Express writes it for names that are not ASCII", () => {
    const header = `attachment; filename="extrait-Zo?.pdf"; filename*=UTF-8''extrait-Zo%C3%AB%20%D0%90%D0%BD%D0%BD%D0%B0.pdf`;
    expect(contentDispositionFilename(header)).toBe('extrait-Zoë Анна.pdf');
    // filename* first, or with a language tag, or in another letter case.
    expect(contentDispositionFilename(`attachment; filename*=utf-8'fr'%E2%82%AC.csv; filename="EUR.csv"`)).toBe('€.csv');
    expect(contentDispositionFilename(`attachment; filename*=ISO-8859-1''caf%E9.pdf`)).toBe('café.pdf');
  });

  it('falls back to filename when filename* cannot be read', () => {
    expect(contentDispositionFilename(`attachment; filename="plain.pdf"; filename*=UTF-8''%E2%82.pdf`)).toBe('plain.pdf');
    expect(contentDispositionFilename(`attachment; filename="plain.pdf"; filename*=KOI8-R''%C1.pdf`)).toBe('plain.pdf');
  });

  it('never lets the server choose a folder, and says null when there is no name', () => {
    expect(contentDispositionFilename('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(contentDispositionFilename(`attachment; filename*=UTF-8''..%2F..%2Fx.pdf`)).toBe('x.pdf');
    expect(contentDispositionFilename('attachment; filename=".."')).toBeNull();
    expect(contentDispositionFilename('attachment')).toBeNull();
    expect(contentDispositionFilename('')).toBeNull();
    expect(contentDispositionFilename(null)).toBeNull();
  });
});

describe('api', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('csrf-1');
  });

  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
    setCsrfToken(null);
    setUnauthorizedHandler(null);
  });

  function sentHeaders(): Record<string, string> {
    const init = fetchMock.mock.calls[0]?.[1];
    return (init?.headers ?? {}) as Record<string, string>;
  }

  it('sends extra headers with the CSRF token, and cannot be made to replace the client\'s own', async () => {
    fetchMock.mockResolvedValue(Response.json({ entryId: 'e1' }, { status: 201 }));
    const result = await api.post<{ entryId: string }>('/api/x', { amount: '1.00' }, { headers: { 'Idempotency-Key': 'k-1', 'x-csrf-token': 'forged', accept: 'text/html' } });
    expect(result).toEqual({ entryId: 'e1' });
    expect(sentHeaders()).toEqual({
      'Idempotency-Key': 'k-1',
      Accept: 'application/json, application/problem+json',
      'Content-Type': 'application/json',
      'X-CSRF-Token': 'csrf-1',
    });
  });

  it('downloads a file with its name, asking for the given type', async () => {
    fetchMock.mockResolvedValue(
      new Response('%PDF-1.7', { headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="x.pdf"; filename*=UTF-8''%C3%A9.pdf` } }),
    );
    const { blob, filename } = await api.getBlob('/api/households/h1/statement.pdf', { query: { from: '2026-01-01', to: '', lang: undefined }, accept: 'application/pdf' });
    expect(await blob.text()).toBe('%PDF-1.7');
    expect(filename).toBe('é.pdf');
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/households/h1/statement.pdf?from=2026-01-01');
    expect(sentHeaders()).toEqual({ Accept: 'application/pdf, application/problem+json' });
  });

  it('posts for a file with the CSRF token and a JSON body; no Content-Disposition gives a null name', async () => {
    fetchMock.mockResolvedValue(new Response('%PDF', { headers: { 'Content-Type': 'application/pdf' } }));
    const { filename } = await api.postBlob('/api/households/h1/activation/letter', { code: 'ABCD' }, { accept: 'application/pdf' });
    expect(filename).toBeNull();
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"code":"ABCD"}');
    expect(sentHeaders()['X-CSRF-Token']).toBe('csrf-1');
  });

  it('turns a problem answered to a file request into an ApiError', async () => {
    fetchMock.mockResolvedValue(
      Response.json({ title: 'Invalid', status: 400, code: 'validation_failed', errors: [{ path: 'to', message: 'Must not be before from' }] }, { status: 400, headers: { 'Content-Type': 'application/problem+json' } }),
    );
    const error = await api.getBlob('/api/groups/g1/entries.csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', errors: [{ path: 'to' }] });
  });

  it('calls the expired-session handler on 401, for JSON calls with extra headers and for files', async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    const expired = () => Response.json({ status: 401, code: 'unauthenticated' }, { status: 401, headers: { 'Content-Type': 'application/problem+json' } });
    fetchMock.mockResolvedValueOnce(expired()).mockResolvedValueOnce(expired());
    await expect(api.post('/api/x', {}, { headers: { 'Idempotency-Key': 'k' } })).rejects.toMatchObject({ status: 401 });
    await expect(api.getBlob('/api/y')).rejects.toMatchObject({ status: 401 });
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('reports a network failure as ApiError status 0', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(api.getBlob('/api/z')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });
});
