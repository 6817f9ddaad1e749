/**
 * The newsroom's JSON client: same-origin fetch with the session cookie and the CSRF
 * header on writes; every failure becomes an ApiError with the API's stable code and
 * message (SPEC §2), so the UI can show it next to the field it concerns.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface Api {
  get<T>(path: string): Promise<T>;
  send<T>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown, headers?: Record<string, string>): Promise<T>;
  /** POSTs a multipart form, reporting the share of bytes sent (0…1): XHR, as fetch cannot report upload progress. */
  upload<T>(path: string, form: FormData, onProgress: (sent: number) => void): { done: Promise<T>; abort: () => void };
}

/** True when the error is the API's optimistic-concurrency refusal (a colleague saved first). */
export const isConflict = (e: unknown): e is ApiError => e instanceof ApiError && e.status === 409 && e.code === 'version_conflict';

export const SIGNED_OUT_MESSAGE = 'Your session has ended. Sign in again — your draft is kept.';

/** `onSignedOut` runs when the session has ended (401), e.g. to offer a fresh sign-in. */
export function createApi(csrfToken: string, onSignedOut: () => void): Api {
  async function request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const h: Record<string, string> = { accept: 'application/json', ...headers };
    if (method !== 'GET') h['x-csrf-token'] = csrfToken;
    if (body !== undefined) h['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(path, { method, credentials: 'same-origin', headers: h, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    } catch {
      throw new ApiError(0, 'network_error', 'Could not reach the server. Check your connection; nothing was lost, try again.');
    }
    if (res.status === 204) return undefined as T;
    const json = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; field?: string } } | null;
    if (res.ok && json) return json as T;
    const err = json?.error;
    if (res.status === 401) {
      onSignedOut();
      // The API's words are for API clients ("send a valid API token…"); a journalist's session simply ended.
      throw new ApiError(401, err?.code ?? 'unauthenticated', SIGNED_OUT_MESSAGE);
    }
    throw new ApiError(res.status, err?.code ?? 'http_error', err?.message ?? `The server answered ${res.status}; try again.`, err?.field);
  }
  function upload<T>(path: string, form: FormData, onProgress: (sent: number) => void): { done: Promise<T>; abort: () => void } {
    const xhr = new XMLHttpRequest();
    const done = new Promise<T>((resolve, reject) => {
      xhr.open('POST', path);
      xhr.setRequestHeader('accept', 'application/json');
      xhr.setRequestHeader('x-csrf-token', csrfToken);
      xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
      xhr.onerror = () => reject(new ApiError(0, 'network_error', 'Could not reach the server. Check your connection and try again.'));
      xhr.onabort = () => reject(new ApiError(0, 'aborted', 'The upload was stopped.'));
      xhr.onload = () => {
        let json: { error?: { code?: string; message?: string; field?: string } } | null = null;
        try {
          json = JSON.parse(xhr.responseText);
        } catch {
          // Not JSON (a proxy's error page): the status says enough.
        }
        if (xhr.status >= 200 && xhr.status < 300 && json) return resolve(json as T);
        const err = json?.error;
        if (xhr.status === 401) {
          onSignedOut();
          return reject(new ApiError(401, err?.code ?? 'unauthenticated', SIGNED_OUT_MESSAGE));
        }
        reject(new ApiError(xhr.status, err?.code ?? 'http_error', err?.message ?? `The server answered ${xhr.status}; try again.`, err?.field));
      };
      xhr.send(form);
    });
    return { done, abort: () => xhr.abort() };
  }
  return {
    get: (path) => request('GET', path),
    send: (method, path, body, headers) => request(method, path, body, headers),
    upload,
  };
}

/** A message for anything thrown: the API's own words, else a generic one. */
export const messageOf = (e: unknown): string => (e instanceof Error && e.message ? e.message : 'Something went wrong; try again.');
