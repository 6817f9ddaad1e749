/** The newsroom's API client: the API's codes kept, its words for API users replaced where a journalist reads them. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, createApi, SIGNED_OUT_MESSAGE } from './api.js';

const answer = (status: number, json: unknown) => vi.fn(async () => new Response(JSON.stringify(json), { status, headers: { 'content-type': 'application/json' } }));

describe('the newsroom API client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says in plain words that the session ended (401), keeps the code, and tells the app', async () => {
    vi.stubGlobal('fetch', answer(401, { error: { code: 'unauthenticated', message: 'Sign in or send a valid API token (Authorization: Bearer …).' } }));
    const signedOut = vi.fn();
    const err = await createApi('csrf', signedOut).send('POST', '/api/v1/pages/x/posts', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 401, code: 'unauthenticated', message: SIGNED_OUT_MESSAGE });
    expect(SIGNED_OUT_MESSAGE).toBe('Your session has ended. Sign in again — your draft is kept.');
    expect((err as Error).message).not.toMatch(/token|Bearer/);
    expect(signedOut).toHaveBeenCalledOnce();
  });

  it('keeps other refusals as the API worded them, with their field, and sends the CSRF and extra headers', async () => {
    const fetch = answer(400, { error: { code: 'invalid_input', message: 'Too long.', field: 'title' } });
    vi.stubGlobal('fetch', fetch);
    const err = await createApi('tok', () => undefined).send('POST', '/p', { a: 1 }, { 'idempotency-key': 'k-123456789' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 400, code: 'invalid_input', message: 'Too long.', field: 'title' });
    const headers = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1].headers as Record<string, string>;
    expect(headers).toMatchObject({ 'x-csrf-token': 'tok', 'idempotency-key': 'k-123456789', 'content-type': 'application/json' });
  });
});
