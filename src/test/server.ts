/**
 * A real livepage server on a free port with a fresh store, three people (admin, editor,
 * contributor) and their tokens; tests talk to it over real HTTP.
 */
import type { Socket } from 'node:net';
import { embedOutbox } from '../commands/embeds.js';
import type { FastifyInstance } from 'fastify';
import { addUser } from '../commands/addUser.js';
import type { CommandContext } from '../commands/context.js';
import { createToken } from '../commands/tokens.js';
import type { Role } from '../domain/user.js';
import { buildApp, type AppOptions } from '../server/app.js';
import type { ServerTimeouts } from '../server/http-server.js';
import type { Config } from '../server/config.js';
import { openTestStore, type StoreKind, type TestStore } from './stores.js';
import { webhookOutbox } from '../commands/webhooks.js';
import { mediaImportOutbox } from '../commands/mediaImports.js';

export const PUBLIC_URL = 'http://livepage.test';

export interface TestServer {
  url: string;
  tokens: Record<Role, string>;
  app: FastifyInstance;
  test: TestStore;
  ctx: CommandContext;
  /**
   * Cuts every connection the server accepted, as a network drop would: live streams too,
   * which node:http's closeAllConnections no longer knows of (realtime/take-socket.ts).
   */
  cutConnections(): void;
  /** fetch against the server, with the role's token when given. */
  api(path: string, init?: RequestInit & { as?: Role; json?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Configuration to change, e.g. `trustProxy` or an https `publicUrl`. */
  config?: Partial<Config>;
  /** The HTTP server's timeouts (tests make them short). */
  timeouts?: Partial<ServerTimeouts>;
  /** A logger whose lines the test reads (default: none). */
  log?: AppOptions['loggerInstance'];
  /** The SSE hub's timings (e.g. a short drain timeout). */
  hub?: AppOptions['hub'];
  /** Media options: image work at once, which addresses the fetcher may reach. */
  media?: AppOptions['media'];
  /** The webhook worker's timings (e.g. a short request timeout). */
  webhooks?: AppOptions['webhooks'];
  /** Background image imports (quick retries). */
  mediaImports?: AppOptions['mediaImports'];
  /** Embeds: the provider registry (local servers) and quick retries. */
  embeds?: AppOptions['embeds'];
}

export async function startTestServer(kind: StoreKind, options: TestServerOptions = {}): Promise<TestServer> {
  const test = await openTestStore(kind);
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    dataDir: test.dataDir,
    databaseUrl: test.databaseUrl,
    publicUrl: PUBLIC_URL,
    logLevel: 'silent',
    ...options.config,
  };
  const ctx: CommandContext = { store: test.store, publicUrl: PUBLIC_URL, outbox: [webhookOutbox(PUBLIC_URL), mediaImportOutbox(PUBLIC_URL), embedOutbox], now: () => new Date() };
  const tokens = {} as Record<Role, string>;
  for (const role of ['admin', 'editor', 'contributor'] as const) {
    await addUser(ctx, { email: `${role}@example.test`, name: `${role[0]!.toUpperCase()}${role.slice(1)} Person`, role, password: 'correct horse battery' });
    tokens[role] = (await createToken(ctx, `${role}@example.test`)).token;
  }
  const logging = options.log ? { loggerInstance: options.log } : { logger: false };
  const app = await buildApp({ store: test.store, config, ...logging, readerCountsEveryMs: 200, hub: options.hub, ...(options.timeouts ? { timeouts: options.timeouts } : {}), ...(options.media ? { media: options.media } : {}), ...(options.webhooks ? { webhooks: options.webhooks } : {}), ...(options.mediaImports ? { mediaImports: options.mediaImports } : {}), ...(options.embeds ? { embeds: options.embeds } : {}) });
  const sockets = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    tokens,
    app,
    test,
    ctx,
    cutConnections() {
      for (const socket of sockets) socket.destroy();
    },
    api(path, init = {}) {
      const { as, json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (as) headers.set('authorization', `Bearer ${tokens[as]}`);
      if (json !== undefined) headers.set('content-type', 'application/json');
      return fetch(url + path, { ...rest, headers, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
    },
    async close() {
      await app.close();
      await test.dispose();
    },
  };
}
