/**
 * A CMS publishing to a livepage page: the complete integration, typed with the types the
 * package generates from the API's OpenAPI document (`livepage/api-types`; inside this
 * repository the same file is src/client/api-types.ts). It runs in a test against a real
 * server (src/client/cms-example.test.ts), so it stays true.
 *
 * What it shows:
 * - creating a post with an `Idempotency-Key` made once per story update, so a retry after a
 *   timeout or a dropped connection can never publish twice (a replay says
 *   `Idempotent-Replayed: true` and carries the first answer);
 * - editing with `If-Match: "{version}"`: a 409 `version_conflict` means a journalist changed
 *   the post meanwhile, so the CMS reads it again and reapplies only its own change;
 * - error answers read by their stable `code`, never their message.
 */
import type { components, paths } from '../../src/client/api-types.js';

export type Post = components['schemas']['Post'];
type CreateBody = paths['/api/v1/pages/{slug}/posts']['post']['requestBody']['content']['application/json'];
type PatchBody = NonNullable<paths['/api/v1/posts/{id}']['patch']['requestBody']>['content']['application/json'];
type ApiError = { error: { code: string; message: string; field?: string } };

export class LivepageError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(`${status} ${code}: ${message}`);
  }
}

export interface CmsClientOptions {
  /** The livepage site, e.g. https://live.example.org */
  baseUrl: string;
  /** An API token (`livepage token create --email …`). */
  token: string;
  /** How often to retry a request that got no answer or a 5xx (default 3). */
  retries?: number;
  fetch?: typeof fetch;
}

export function cmsClient({ baseUrl, token, retries = 3, fetch: send = fetch }: CmsClientOptions) {
  /** One request, retried on network errors and 5xx (safe: creates carry their Idempotency-Key). */
  async function request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ data: T; headers: Headers }> {
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await send(baseUrl + path, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch (err) {
        if (attempt < retries) continue; // no answer: the same request again (same key)
        throw err;
      }
      if (res.status >= 500 && attempt < retries) continue;
      const text = await res.text();
      const data = text ? JSON.parse(text) : undefined;
      if (!res.ok) {
        const { error } = data as ApiError;
        throw new LivepageError(res.status, error.code, error.message, error.field);
      }
      return { data: data as T, headers: res.headers };
    }
  }

  return {
    /**
     * Publishes a story update as a post. `updateId` is the CMS's own id for the update: the
     * Idempotency-Key derives from it, so sending the same update twice publishes it once.
     */
    async publish(slug: string, updateId: string, post: CreateBody): Promise<{ post: Post; replayed: boolean }> {
      const { data, headers } = await request<Post>('POST', `/api/v1/pages/${encodeURIComponent(slug)}/posts`, post, { 'idempotency-key': `cms-${updateId}` });
      return { post: data, replayed: headers.get('idempotent-replayed') === 'true' };
    },

    async read(id: string): Promise<Post> {
      return (await request<Post>('GET', `/api/v1/posts/${id}`)).data;
    },

    /**
     * Applies the CMS's change to a post it published, starting from the version it knows.
     * On a conflict (someone edited meanwhile) it reads the current version and applies the
     * change again on top of it: journalists' edits to other fields are kept.
     */
    async update(id: string, knownVersion: number, change: PatchBody, attempts = 3): Promise<Post> {
      let version = knownVersion;
      for (let i = 1; ; i++) {
        try {
          return (await request<Post>('PATCH', `/api/v1/posts/${id}`, change, { 'if-match': `"${version}"` })).data;
        } catch (err) {
          if (!(err instanceof LivepageError) || err.code !== 'version_conflict' || i >= attempts) throw err;
          version = (await this.read(id)).version;
        }
      }
    },
  };
}
