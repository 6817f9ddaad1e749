/**
 * Issue 15: the OpenAPI document cannot drift. The served document is validated as OpenAPI
 * 3.1 by an independent validator; then every documented route is called over HTTP, to
 * succeed and to fail, and every answer (status, described headers, JSON body, error code)
 * is checked against the document. A route the server has and the document lacks fails
 * here, as does an operation no request here exercised both ways.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPage, aPost } from '../test/fixtures.js';
import { startImageHost, type ImageHost } from '../test/image-host.js';
import { imageForm, smallImage } from '../test/images.js';
import { OpenApiChecker } from '../test/openapi-check.js';
import { listRoutes } from '../test/routes.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { signInAs } from '../test/sign-in.js';
import { describeEachStore } from '../test/stores.js';
import { openApiPath } from './openapi.js';
import type { Role } from '../domain/user.js';

/**
 * Routes that are not the JSON API (reader pages, feeds, streams, the newsroom's HTML, assets):
 * each is listed here on purpose, so that a new route must be documented or placed here.
 */
const NOT_IN_API = [
  'GET /',
  'GET /*', // the static assets under /assets/, as the router prints them
  'GET /brand-:hash.css',
  'GET /favicon.ico',
  'GET /docs/api',
  'GET /docs/api/:file',
  'GET /embed.js',
  'GET /embeds/:id',
  'GET /live/:slug',
  'GET /live/:slug/embed',
  'GET /live/:slug/posts/:postId',
  'GET /media/:hash/:file',
  'GET /newsroom',
  'GET /newsroom/*',
  'GET /robots.txt',
  'GET /sitemap.xml',
  'POST /newsroom/login',
  'POST /newsroom/logout',
];

const UNKNOWN_ID = '00000000-0000-7000-8000-000000000000';

interface Call {
  route: string;
  path: string;
  as?: Role | 'nobody';
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
  /** The status the call must get. */
  status: number;
}

describeEachStore('the OpenAPI document against real answers', (kind) => {
  let s: TestServer;
  let images: ImageHost;
  let checker: OpenApiChecker;
  let doc: Record<string, any>;
  beforeAll(async () => {
    const png = await smallImage('png', 40, 30);
    images = await startImageHost({ '/a.png': () => ({ headers: { 'content-type': 'image/png' }, body: png }), '/bad.png': () => ({ headers: { 'content-type': 'image/png' }, body: 'not an image' }),
      '/article': () => ({ headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<!doctype html><title>A story</title><meta property="og:title" content="A story"><meta property="og:description" content="What happened.">' }),
      '/empty': () => ({ headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<!doctype html><p>nothing</p>' }),
    });
    s = await startTestServer(kind, { media: { isAllowedAddress: (a) => a === '127.0.0.1' } });
    const res = await fetch(`${s.url}/api/v1/openapi.json`);
    doc = await res.json();
    checker = await OpenApiChecker.create(doc);
  });
  afterAll(async () => {
    await s?.close();
    await images?.close();
  });

  async function send(c: Call): Promise<{ status: number; body: any; headers: Headers }> {
    const headers = new Headers(c.headers);
    const as = c.as ?? 'admin';
    if (as !== 'nobody' && !headers.has('authorization') && !headers.has('cookie')) headers.set('authorization', `Bearer ${s.tokens[as]}`);
    let body = c.body;
    if (c.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(c.json);
    }
    const method = c.route.split(' ')[0]!;
    const abort = new AbortController();
    const res = await fetch(s.url + c.path, { method, headers, body, signal: abort.signal });
    const checked = await checker.check(c.route, res, abort);
    expect(checked.status, `${c.route} ${c.path} ${JSON.stringify(checked.body)?.slice(0, 300)}`).toBe(c.status);
    return checked;
  }

  it('is a valid OpenAPI 3.1 document with bearer, cookie and CSRF security and the webhook bodies', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearerAuth', 'csrfToken', 'sessionCookie']);
    expect(Object.keys(doc.webhooks).sort()).toEqual(['page.continued', 'page.ended', 'page.updated', 'post.published', 'post.unpublished', 'post.updated']);
    // Request bodies are the schemas the routes parse with: the post's limits are there.
    const create = doc.paths['/api/v1/pages/{slug}/posts'].post.requestBody.content['application/json'].schema;
    expect(create.properties.title).toMatchObject({ type: 'string', maxLength: 200 });
    expect(create.additionalProperties).toBe(false);
  });

  it('documents every API route, and every other route is named as not part of the API', () => {
    const documented = new Set(checker.operations());
    const routes = listRoutes(s.app);
    const undocumented = routes.filter((r) => !documented.has(`${r.split(' ')[0]} ${openApiPath(r.split(' ')[1]!)}`) && !NOT_IN_API.includes(r));
    expect(undocumented, 'add `doc` to these routes (docs/ARCHITECTURE.md, "A route")').toEqual([]);
    expect(routes.filter((r) => r.split(' ')[1]!.startsWith('/api/') && NOT_IN_API.includes(r))).toEqual([]);
    expect(NOT_IN_API.filter((r) => !routes.includes(r)), `stale entries; the server has ${routes.filter((r) => !r.includes('/api/')).join(', ')}`).toEqual([]);
  });

  it('answers every route as the document says, succeeding and failing', async () => {
    const json = async (path: string, body: unknown, as: Role = 'admin') => (await send({ route: 'POST ' + routeOf(path), path, json: body, as, status: 201 })).body;
    // Fixtures, each made through the API (and so checked too).
    const page = (await json('/api/v1/pages', aPage('contract'))).slug;
    await json('/api/v1/pages', aPage('contract-end'));
    await json('/api/v1/pages', aPage('contract-from'));
    const post = await json(`/api/v1/pages/${page}/posts`, aPost('Read me'));
    const edited = await json(`/api/v1/pages/${page}/posts`, aPost('Edit me'));
    const removed = await json(`/api/v1/pages/${page}/posts`, aPost('Take me down'));
    const person = (await json('/api/v1/users', { email: 'contract@example.test', name: 'Contract Person', role: 'contributor' })).user;
    const made = await json('/api/v1/tokens', { name: 'contract' });
    expect(made.token).toMatch(/\S{20,}/);
    const token = (await send({ route: 'GET /api/v1/tokens', path: '/api/v1/tokens', status: 200 })).body.tokens.find((t: { name: string }) => t.name === 'contract');
    const hook = await json('/api/v1/webhooks', { url: 'https://hooks.example.test/a', events: ['page.ended'], secret: 'a secret' });
    const hook2 = await json('/api/v1/webhooks', { url: 'https://hooks.example.test/b', events: ['post.published'], secret: 'a secret' });
    const snippet = await json('/api/v1/snippets', { name: 'Kept', body: [{ type: 'paragraph', text: 'x' }] });
    const snippet2 = await json('/api/v1/snippets', { name: 'Gone', body: [{ type: 'paragraph', text: 'x' }] });
    await json('/api/v1/media', { url: `${images.url}/a.png`, page });
    const upload = new FormData();
    for (const [k, v] of imageForm(await smallImage('jpeg', 64, 48)).entries()) upload.append(k, v);
    const { cookie, csrf } = await signInAs(s.url, 'editor@example.test');

    const ok: Call[] = [
      { route: 'GET /api/v1/openapi.json', path: '/api/v1/openapi.json', as: 'nobody', status: 200 },
      // Monitoring's calls: no credentials, and a token is not even read.
      { route: 'GET /healthz', path: '/healthz', as: 'nobody', status: 200 },
      { route: 'GET /readyz', path: '/readyz', as: 'nobody', status: 200 },
      { route: 'GET /readyz', path: '/readyz', headers: { authorization: 'Bearer not-a-token' }, status: 200 },
      { route: 'GET /api/v1/me', path: '/api/v1/me', status: 200 },
      { route: 'GET /api/v1/brand', path: '/api/v1/brand', status: 200 },
      { route: 'GET /live/:slug/updates', path: `/live/${page}/updates?since=0`, as: 'nobody', status: 200 },
      { route: 'GET /live/:slug/events', path: `/live/${page}/events?since=0`, as: 'nobody', status: 200 },
      { route: 'GET /live/:slug/feed.atom', path: `/live/${page}/feed.atom`, as: 'nobody', status: 200 },
      { route: 'GET /live/:slug/feed.rss', path: `/live/${page}/feed.rss`, as: 'nobody', status: 200 },
      { route: 'GET /live/:slug/feed.json', path: `/live/${page}/feed.json`, as: 'nobody', status: 200 },
      { route: 'PATCH /api/v1/brand', path: '/api/v1/brand', json: { siteName: 'Contract News', accent: '#0b5394' }, status: 200 },
      { route: 'POST /api/v1/embeds/preview', path: '/api/v1/embeds/preview', json: { url: `${images.url}/article` }, status: 200 },
      { route: 'GET /api/v1/me', path: '/api/v1/me', headers: { cookie }, status: 200 },
      { route: 'GET /api/v1/pages', path: '/api/v1/pages', status: 200 },
      { route: 'GET /api/v1/pages/:slug', path: `/api/v1/pages/${page}`, as: 'nobody', status: 200 },
      { route: 'PATCH /api/v1/pages/:slug', path: `/api/v1/pages/${page}`, json: { summary: ['Changed'] }, status: 200 },
      { route: 'PATCH /api/v1/pages/:slug', path: `/api/v1/pages/${page}`, json: { title: 'By cookie' }, headers: { cookie, 'x-csrf-token': csrf }, status: 200 },
      { route: 'POST /api/v1/pages/:slug/continue', path: '/api/v1/pages/contract-from/continue', json: { to: { slug: 'contract-next', title: 'Next' } }, status: 200 },
      { route: 'POST /api/v1/pages/:slug/end', path: '/api/v1/pages/contract-end/end', status: 200 },
      { route: 'GET /api/v1/pages/:slug/activity', path: `/api/v1/pages/${page}/activity`, status: 200 },
      { route: 'GET /api/v1/pages/:slug/posts', path: `/api/v1/pages/${page}/posts`, as: 'nobody', status: 200 },
      { route: 'GET /api/v1/pages/:slug/posts', path: `/api/v1/pages/${page}/posts?status=draft&page=1`, status: 200 },
      { route: 'POST /api/v1/pages/:slug/posts', path: `/api/v1/pages/${page}/posts`, json: aPost('Submitted'), as: 'contributor', status: 201 },
      { route: 'POST /api/v1/pages/:slug/posts', path: `/api/v1/pages/${page}/posts`, json: aPost('Once'), headers: { 'idempotency-key': 'k1' }, status: 201 },
      { route: 'POST /api/v1/pages/:slug/posts', path: `/api/v1/pages/${page}/posts`, json: aPost('Once'), headers: { 'idempotency-key': 'k1' }, status: 201 },
      { route: 'GET /api/v1/posts/:id', path: `/api/v1/posts/${post.id}`, as: 'nobody', status: 200 },
      { route: 'PATCH /api/v1/posts/:id', path: `/api/v1/posts/${edited.id}`, json: { title: 'Edited' }, headers: { 'if-match': '"1"' }, status: 200 },
      { route: 'DELETE /api/v1/posts/:id', path: `/api/v1/posts/${removed.id}`, status: 200 },
      { route: 'PUT /api/v1/posts/:id/presence', path: `/api/v1/posts/${post.id}/presence`, json: { editing: true }, status: 204 },
      { route: 'POST /api/v1/preview', path: `/api/v1/preview?page=${page}`, json: aPost('Preview'), status: 200 },
      { route: 'GET /api/v1/contributors', path: '/api/v1/contributors', status: 200 },
      { route: 'GET /api/v1/pages/:slug/desk', path: `/api/v1/pages/${page}/desk?shown=published:2`, status: 200 },
      { route: 'GET /api/v1/pages/:slug/desk/events', path: `/api/v1/pages/${page}/desk/events`, status: 200 },
      { route: 'GET /api/v1/pages/:slug/audit', path: `/api/v1/pages/${page}/audit`, status: 200 },
      { route: 'GET /api/v1/posts/:id/history', path: `/api/v1/posts/${edited.id}/history`, status: 200 },
      { route: 'POST /api/v1/posts/:id/restore', path: `/api/v1/posts/${edited.id}/restore`, json: { version: 1 }, headers: { 'if-match': '"2"' }, status: 200 },
      { route: 'GET /api/v1/bylines', path: '/api/v1/bylines', status: 200 },
      { route: 'PATCH /api/v1/users/:id/byline', path: `/api/v1/users/${person.id}/byline`, json: { role: 'Reporter' }, status: 200 },
      { route: 'GET /api/v1/snippets', path: `/api/v1/snippets?page=${page}`, status: 200 },
      { route: 'PATCH /api/v1/snippets/:id', path: `/api/v1/snippets/${snippet.id}`, json: { name: 'Renamed' }, status: 200 },
      { route: 'DELETE /api/v1/snippets/:id', path: `/api/v1/snippets/${snippet2.id}`, status: 204 },
      { route: 'GET /api/v1/users', path: '/api/v1/users', status: 200 },
      { route: 'PATCH /api/v1/users/:id', path: `/api/v1/users/${person.id}`, json: { name: 'Renamed' }, status: 200 },
      { route: 'DELETE /api/v1/tokens/:id', path: `/api/v1/tokens/${token.id}`, status: 200 },
      { route: 'GET /api/v1/webhooks', path: '/api/v1/webhooks', status: 200 },
      { route: 'PATCH /api/v1/webhooks/:id', path: `/api/v1/webhooks/${hook.id}`, json: { active: false }, status: 200 },
      { route: 'DELETE /api/v1/webhooks/:id', path: `/api/v1/webhooks/${hook2.id}`, status: 200 },
      { route: 'GET /api/v1/webhooks/:id/deliveries', path: `/api/v1/webhooks/${hook.id}/deliveries?limit=5`, status: 200 },
      { route: 'POST /api/v1/media', path: `/api/v1/media?page=${page}&alt=A%20photo`, body: upload, status: 201 },
      { route: 'GET /api/v1/media', path: `/api/v1/media?page=${page}`, status: 200 },
      { route: 'GET /api/v1/pages/:slug/media-imports', path: `/api/v1/pages/${page}/media-imports`, status: 200 },
    ];
    for (const c of ok) await send(c);

    const bad: Call[] = [
      // Credentials and roles.
      { route: 'GET /api/v1/me', path: '/api/v1/me', as: 'nobody', status: 401 },
      { route: 'POST /api/v1/pages', path: '/api/v1/pages', json: aPage('nope'), as: 'contributor', status: 403 },
      { route: 'PATCH /api/v1/pages/:slug', path: `/api/v1/pages/${page}`, json: { title: 'No token' }, headers: { cookie }, status: 403 },
      // Input.
      { route: 'POST /api/v1/pages', path: '/api/v1/pages', json: aPage('contract'), status: 409 },
      { route: 'POST /api/v1/pages', path: '/api/v1/pages', body: 'slug=x', headers: { 'content-type': 'text/plain' }, status: 415 },
      { route: 'POST /api/v1/pages', path: '/api/v1/pages', body: '{"slug":', headers: { 'content-type': 'application/json' }, status: 400 },
      { route: 'POST /api/v1/pages/:slug/posts', path: `/api/v1/pages/${page}/posts`, json: { ...aPost(), title: '' }, status: 400 },
      { route: 'POST /api/v1/pages/:slug/posts', path: '/api/v1/pages/contract-end/posts', json: aPost(), status: 409 },
      { route: 'POST /api/v1/pages/:slug/posts', path: `/api/v1/pages/${page}/posts`, json: aPost('Other'), headers: { 'idempotency-key': 'k1' }, status: 422 },
      { route: 'PATCH /api/v1/posts/:id', path: `/api/v1/posts/${edited.id}`, json: { title: 'No If-Match' }, status: 428 },
      { route: 'PATCH /api/v1/posts/:id', path: `/api/v1/posts/${edited.id}`, json: { title: 'Stale' }, headers: { 'if-match': '"1"' }, status: 409 },
      { route: 'POST /api/v1/posts/:id/restore', path: `/api/v1/posts/${edited.id}/restore`, json: { version: 99 }, headers: { 'if-match': '"3"' }, status: 404 },
      { route: 'POST /api/v1/pages/:slug/end', path: '/api/v1/pages/contract-end/end', status: 409 },
      { route: 'POST /api/v1/pages/:slug/continue', path: `/api/v1/pages/${page}/continue`, json: { to: 'no-such-page' }, status: 400 },
      { route: 'GET /api/v1/pages/:slug/posts', path: `/api/v1/pages/${page}/posts?page=0`, status: 400 },
      { route: 'GET /api/v1/media', path: '/api/v1/media', status: 400 },
      { route: 'POST /api/v1/media', path: '/api/v1/media', json: { url: `${images.url}/bad.png` }, status: 415 },
      { route: 'POST /api/v1/users', path: '/api/v1/users', json: { email: 'contract@example.test', name: 'Again', role: 'editor' }, status: 409 },
      { route: 'GET /api/v1/pages/:slug/desk', path: `/api/v1/pages/${page}/desk?shown=nonsense`, status: 400 },
      { route: 'GET /api/v1/webhooks/:id/deliveries', path: `/api/v1/webhooks/${hook.id}/deliveries?limit=0`, status: 400 },
      { route: 'POST /api/v1/webhooks', path: '/api/v1/webhooks', json: { url: 'ftp://hooks.example.test/', events: ['page.ended'], secret: 'a secret' }, status: 400 },
      { route: 'POST /api/v1/snippets', path: '/api/v1/snippets', json: { name: 'Mine', body: [{ type: 'paragraph', text: 'x' }] }, as: 'contributor', status: 403 },
      { route: 'GET /api/v1/tokens', path: '/api/v1/tokens', as: 'nobody', status: 401 },
      { route: 'GET /api/v1/brand', path: '/api/v1/brand', as: 'editor', status: 403 },
      { route: 'GET /live/:slug/updates', path: `/live/${page}/updates`, as: 'nobody', status: 400 },
      { route: 'GET /live/:slug/events', path: '/live/no-such-page/events', as: 'nobody', status: 404 },
      { route: 'GET /live/:slug/feed.atom', path: '/live/no-such-page/feed.atom', as: 'nobody', status: 404 },
      { route: 'GET /live/:slug/feed.rss', path: '/live/no-such-page/feed.rss', as: 'nobody', status: 404 },
      { route: 'GET /live/:slug/feed.json', path: '/live/no-such-page/feed.json', as: 'nobody', status: 404 },
      { route: 'PATCH /api/v1/brand', path: '/api/v1/brand', json: { accent: '#ffff00' }, status: 422 },
      { route: 'POST /api/v1/embeds/preview', path: '/api/v1/embeds/preview', json: { url: `${images.url}/empty` }, status: 422 },
      { route: 'POST /api/v1/tokens', path: '/api/v1/tokens', json: { name: '' }, status: 400 },
    ];
    for (const c of bad) await send(c);
    // A draining node is not ready: the 503 is the document's too.
    s.app.node.draining = true;
    try {
      await send({ route: 'GET /readyz', path: '/readyz', as: 'nobody', status: 503 });
    } finally {
      s.app.node.draining = false;
    }

    // For every operation: a bad bearer token (401; readers' URLs take no credentials at all), and a
    // malformed body or an unknown id (4xx, whichever the route checks first).
    for (const c of ok) {
      if (c.route.split(' ')[1]!.startsWith('/api/'))
        await send({ ...c, as: 'nobody', headers: { authorization: 'Bearer not-a-token' }, body: c.json === undefined ? c.body : undefined, status: 401 });
      if (c.json !== undefined) await send({ ...c, json: { notAField: 1 }, status: 400 });
      const unknown = c.path.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, UNKNOWN_ID).replace(`/${page}`, '/no-such-page');
      const { 'idempotency-key': _key, ...headers } = c.headers ?? {};
      if (unknown !== c.path && c.route.includes(':')) await send({ ...c, path: unknown, headers, status: 404 });
    }
    expect(checker.missingCoverage()).toEqual([]);
  }, 180_000); // some 250 requests, on a machine shared with other suites
});

/** `/api/v1/pages/x/posts` → `/api/v1/pages/:slug/posts`, for the fixtures' POSTs. */
function routeOf(path: string): string {
  return path
    .replace(/^\/api\/v1\/pages\/[^/]+\/posts$/, '/api/v1/pages/:slug/posts')
    .replace(/\?.*$/, '');
}
