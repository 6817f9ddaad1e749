/** The fastify application: plugins, error handling and routes, given an open store. */
import fastifyCookie from '@fastify/cookie';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { CommandContext } from '../commands/context.js';
import { createMediaService, type MediaServiceOptions } from '../media/service.js';
import { MemoryBus, type EventBus } from '../realtime/bus.js';
import { DESK_SIGNAL, DeskStreams, SITE_SIGNAL, SITE_SIGNAL_PAGE } from '../realtime/desk-streams.js';
import { GripPublisher } from '../realtime/grip.js';
import { LiveHub, type HubOptions } from '../realtime/hub.js';
import type { Store } from '../store/store.js';
import { fastifyTrustProxy, type Config } from './config.js';
import { currentBuildId } from './build-id.js';
import { assetRoutes, builtModules, builtScript, builtScriptFile, stylesheet, versioned } from './assets.js';
import { SERVER_TIMEOUTS, timedServer, type ServerTimeouts } from './http-server.js';
import { requestHooks } from './request-hooks.js';
import { errorResponder, installErrorHandlers } from './error-handler.js';
import { serveCachedPage } from './fast-path.js';
import { assignRequestId, debugEnabled, logFastPath, loggerOptions, requestIdOf, sendRequestId } from './logging.js';
import { IN_FLIGHT_GRACE_MS, stopAccepting, within } from './shutdown.js';
import type { NodeState } from './health.js';
import { healthRoutes } from './routes/health.js';
import { ReaderPages } from './reader-pages.js';
import { startReaderCounts } from './reader-counts.js';
import { startScheduler } from './scheduler.js';
import { accessControl, type RouteAccess } from './auth.js';
import { startJanitor } from './janitor.js';
import { startWebhookWorker, type WebhookWorkerOptions } from './webhook-worker.js';
import { configurePurgeHook, webhookOutbox } from '../commands/webhooks.js';
import { mediaImportOutbox } from '../commands/mediaImports.js';
import { startMediaImportWorker, type MediaImportOptions } from './media-import-worker.js';
import { securityHeaders } from './security-headers.js';
import { deskRoutes } from './routes/api/desk.js';
import { deskEventRoutes } from './routes/api/desk-events.js';
import { historyRoutes } from './routes/api/history.js';
import { snippetRoutes } from './routes/api/snippets.js';
import { embedRoutes } from './routes/embed.js';
import { embedApiRoutes, embedFrameRoutes } from './routes/embeds.js';
import { embedOutbox } from '../commands/embeds.js';
import { startEmbedWorker, type EmbedWorkerOptions } from './embed-worker.js';
import type { RegistryProvider } from '../net/oembed-registry.js';
import { pageRoutes } from './routes/api/pages.js';
import { peopleRoutes } from './routes/api/people.js';
import { postRoutes } from './routes/api/posts.js';
import { webhookRoutes } from './routes/api/webhooks.js';
import { brandRoutes } from './routes/api/brand.js';
import { mediaApiRoutes } from './routes/api/media.js';
import { feedRoutes } from './routes/feeds.js';
import { liveRoutes, serveLiveEvents } from './routes/live.js';
import { mediaRoutes } from './routes/media.js';
import { newsroomRoutes } from './routes/newsroom.js';
import { readerRoutes } from './routes/reader.js';
import { sitemapRoutes } from './routes/sitemap.js';
import { apiDocsRoutes } from './routes/api-docs.js';
import { collectRouteDocs } from './route-doc.js';
import type { AppServices } from './services.js';
import { appMetrics, metricsRoute } from './metrics.js';
import { PollAnswers } from './poll-answers.js';
import type { NodeMetrics } from '../metrics/registry.js';
import type { Scrape } from '../metrics/exposition.js';

/** Largest request body we accept: a long post with many blocks fits easily. */
export const BODY_LIMIT = 1024 * 1024;

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route's declared action (the access check's table; tests walk it). */
    routeAccess: RouteAccess[];
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** This process's SSE hub (its readers; tests look at what it holds). */
    hub: LiveHub;
    /** Whether this node is draining (readiness answers 503 once it is). */
    node: NodeState;
    /** This process's metrics (src/metrics/); serve exposes them, tests read them. */
    metrics: NodeMetrics;
  }
}

export interface AppOptions {
  store: Store;
  config: Config;
  /** How server processes tell each other "page P is at seq N"; one process: memory. */
  bus?: EventBus;
  /** How often reader counts are written for the desk (tests make it short). */
  readerCountsEveryMs?: number;
  /** Webhook delivery timings (tests make retries quick); defaults in webhook-worker.ts. */
  webhooks?: Partial<WebhookWorkerOptions>;
  /** Pass a pino logger config or false; defaults to the configured level. */
  logger?: boolean | { level: string };
  /** The HTTP server's timeouts; defaults SERVER_TIMEOUTS (tests make them short). */
  timeouts?: Partial<ServerTimeouts>;
  /** A pino logger to use instead (serve's, shared with the store and bus; tests that read logs). */
  loggerInstance?: FastifyBaseLogger;
  /** The SSE hub's timings (tests make a stuck reader's drop quick); defaults in realtime/hub.ts. */
  hub?: Partial<Omit<HubOptions, 'log'>>;
  /** The release's fingerprint in reader ETags; defaults to a hash of the templates and assets (tests stand in another release). */
  buildId?: string;
  /** Image work at once, and (tests) which addresses the fetcher may reach. */
  media?: Pick<MediaServiceOptions, 'concurrency' | 'isAllowedAddress'>;
  /** Background imports of external images (tests make retries quick); defaults in media-import-worker.ts. */
  mediaImports?: Partial<MediaImportOptions>;
  /** Embeds (issue 11): tests hand in a registry of local providers and quick retries. */
  embeds?: { registry?: RegistryProvider[]; timeoutMs?: number; worker?: Partial<EmbedWorkerOptions> };
  /**
   * What GET /metrics answers (with LIVEPAGE_METRICS_TOKEN): by default this process's
   * metrics; a cluster worker's serve asks the primary for the whole node's.
   */
  scrape?: (metrics: NodeMetrics) => Scrape;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { store, config } = opts;
  const cssHref = stylesheet('livepage.css');
  const scriptHref = builtScript('live.js');
  const security = securityHeaders();
  const embedCssHref = stylesheet('embed.css');
  const reader = new ReaderPages(store, { publicUrl: config.publicUrl, cssHref, embedCssHref, scriptHref, buildId: opts.buildId ?? currentBuildId(), securityHeaders: security, brandDefaults: config.brand, locale: config.locale });
  const respondWithError = errorResponder(cssHref);
  const timeouts = { ...SERVER_TIMEOUTS, ...opts.timeouts };
  const app = Fastify({
    frameworkErrors: respondWithError,
    // With a server factory fastify applies none of its timeout options (server/http-server.ts sets them).
    serverFactory: (handler) =>
      timedServer(timeouts, (req, res) => {
        const id = assignRequestId(req);
        // The fast paths log only at debug: a line per cached page would cost more than the page.
        // A cached page carries its id in its prepared headers; everything else gets it set here.
        if (serveCachedPage(reader, req, res, id)) return debugEnabled(app.log) && logFastPath(app.log, req, res, id, '/live/:slug (cached)');
        sendRequestId(res, id);
        if (serveLiveEvents(live, req, res, () => handler(req, res))) return debugEnabled(app.log) && logFastPath(app.log, req, res, id, '/live/:slug/events (stream)');
        handler(req, res);
      }),
    ...(opts.loggerInstance ? { loggerInstance: opts.loggerInstance } : { logger: opts.logger === false ? false : loggerOptions(typeof opts.logger === 'object' ? opts.logger.level : config.logLevel) }),
    genReqId: requestIdOf,
    bodyLimit: BODY_LIMIT,
    // req.ip is the peer unless LIVEPAGE_TRUST_PROXY names the proxies whose X-Forwarded-For to believe.
    trustProxy: fastifyTrustProxy(config.trustProxy),
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: true,
    // fastify's two lines per request are replaced by one (server/request-hooks.ts); cached pages
    // and streams, served before fastify, log only at debug (server/logging.ts).
    logController: new LogController({ disableRequestLogging: true }),
  });
  // Made after the app for its logger; the server above only reads `live` once requests come.
  const grip = config.grip ? new GripPublisher(config.grip, app.log) : undefined;
  const hub = new LiveHub(store.db, reader.posts, { ...opts.hub, grip, log: app.log, onFanOut: (ms) => metrics.fanOutSeconds.observe(ms / 1000) });
  const live = { store, hub, config };
  app.decorate('hub', hub);
  const polls = new PollAnswers();
  const metrics = appMetrics({ store, hub, tallies: { page: reader.tally, poll: polls.tally }, caches: () => [...reader.memory(), ...polls.memory(), { cache: 'live_events', ...hub.memory() }] });
  app.decorate('metrics', metrics);
  const node: NodeState = { draining: false };
  app.decorate('node', node);
  const commands: CommandContext = {
    store,
    publicUrl: config.publicUrl,
    now: () => new Date(),
    outbox: [webhookOutbox(config.publicUrl), mediaImportOutbox(config.publicUrl), embedOutbox],
    onEvent: (pageId, seq, events, committedAt) => {
      metrics.eventsPublished.inc(events);
      reader.changed(pageId); // this process's next reader sees the change at once
      desks.changed(pageId);
      bus.publish(pageId, seq, committedAt); // the commit time travels: fan-out latency is measured where readers are
      // Behind a GRIP proxy, the proxy writes to the readers: told once, by this process.
      if (grip) hub.publishProxy(pageId, seq, events).catch((err: unknown) => app.log.error({ err, pageId, seq }, 'grip: the event could not be published'));
      webhooks.wake(); // its deliveries are queued: send them now
      imports.wake(); // and any external image it named
      embeds.wake(); // and any address to resolve
    },
    onSiteChange: () => {
      reader.brand.changed();
      bus.publish(SITE_SIGNAL_PAGE, SITE_SIGNAL); // every other node drops its pages too
    },
    onDeskChange: (pageId) => {
      desks.changed(pageId);
      bus.publish(pageId, DESK_SIGNAL); // desks open on other processes
    },
  };
  const desks = new DeskStreams();
  await configurePurgeHook(commands, config.purgeUrl);
  const webhooks = startWebhookWorker(store, (err) => app.log.error({ err }, 'webhooks'), { ...opts.webhooks, onAttemptFailed: (n) => metrics.attemptFailures.inc({ queue: 'webhooks' }, n) });
  const bus: EventBus = opts.bus ?? new MemoryBus();
  bus.subscribe((pageId, seq, committedAt) => {
    desks.changed(pageId);
    if (seq === SITE_SIGNAL) return reader.brand.changed();
    if (seq === DESK_SIGNAL) return; // nothing for readers
    reader.changed(pageId);
    hub.notify(pageId, seq, committedAt);
    webhooks.wake(); // any process may send the deliveries another one queued
    imports.wake();
    embeds.wake();
  });
  bus.onReconnect?.(() => void hub.resync());
  const stopScheduler = startScheduler(commands, (err) => app.log.error({ err }, 'scheduler'));
  const stopCounts = startReaderCounts(store, hub, (err) => app.log.error({ err }, 'reader counts'), opts.readerCountsEveryMs);
  const stopJanitor = startJanitor(store, (err) => app.log.error({ err }, 'janitor'));
  // Graceful shutdown (docs/operations.md): not ready, no new connections, streams ended
  // spread over the drain window while they still get events, requests in flight finished.
  app.addHook('preClose', async () => {
    node.draining = true;
    const connectionsEnded = stopAccepting(app.server);
    stopScheduler();
    stopCounts();
    stopJanitor();
    await webhooks.stop(); // requests in flight are abandoned; their deliveries stay queued
    await imports.stop(); // imports in flight finish (bounded by the fetch deadline)
    await embeds.stop();
    await hub.drain(config.drainWindowMs ?? 0); // readers resume elsewhere by Last-Event-ID
    desks.close();
    app.server.closeIdleConnections(); // ended streams' keep-alive connections
    await within(connectionsEnded, IN_FLIGHT_GRACE_MS);
    await bus.close();
    grip?.close();
  });
  const media = createMediaService({ store, dataDir: config.dataDir, limits: config.media, ...opts.media, onError: (err) => app.log.error({ err }, 'media') });
  const imports = startMediaImportWorker(commands, media, (err) => app.log.error({ err }, 'media imports'), {
    ...opts.mediaImports,
    onAttemptFailed: () => metrics.attemptFailures.inc({ queue: 'imports' }),
  });
  const embedResolving = { commands, media, resolver: { registry: opts.embeds?.registry, metaToken: config.metaOembedToken, timeoutMs: opts.embeds?.timeoutMs } };
  const embeds = startEmbedWorker(embedResolving, (err) => app.log.error({ err }, 'embeds'), opts.embeds?.worker);
  const services: AppServices = { store, config, commands, cssHref, reader, hub, desks, media, polls, metrics };

  requestHooks(app, { security, metrics, secureCookies: config.publicUrl.startsWith('https:') });
  await assetRoutes(app);
  installErrorHandlers(app, respondWithError, cssHref);
  await app.register(fastifyCookie);
  // After the cookie parser (the check reads the session cookie), before the API and newsroom
  // routes: each declares its action, checked before its body is read.
  app.decorate('routeAccess', accessControl(app, store));
  // Every route registered from here on that declares `config.doc` is in the OpenAPI document.
  const routeDocs = collectRouteDocs(app);
  await app.register(async (api) => {
    api.removeContentTypeParser('text/plain'); // the API speaks JSON only: anything else is a 415
    // An empty body sent as JSON (a bodiless DELETE from a fetch wrapper) is no body at all.
    const parseJson = api.getDefaultJsonParser('error', 'error');
    api.removeContentTypeParser('application/json');
    api.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) =>
      body === '' ? done(null, undefined) : parseJson(req, body as string, done),
    );
    await pageRoutes(api, services);
    await postRoutes(api, services);
    await deskRoutes(api, services);
    await deskEventRoutes(api, services);
    await historyRoutes(api, services);
    await snippetRoutes(api, services);
    await peopleRoutes(api, services);
    await webhookRoutes(api, services);
    await brandRoutes(api, services);
    await api.register(async (scope) => mediaApiRoutes(scope, services));
    await embedApiRoutes(api, { ...services, embeds: embedResolving });
  });
  await app.register(async (r) => apiDocsRoutes(r, { routes: routeDocs, publicUrl: config.publicUrl, initHref: versioned('api-docs.js'), cssHref: versioned('api-docs.css') }));
  await app.register(async (r) => healthRoutes(r, { store, bus, node }));
  // Made whatever the configuration: a cluster worker answers the primary's scrapes from here on.
  const scrape = opts.scrape?.(metrics) ?? (() => metrics.registry.metrics());
  const metricsToken = config.metrics?.token;
  if (metricsToken !== undefined) {
    await app.register(async (r) => metricsRoute(r, { token: metricsToken, scrape }));
  }
  await app.register(async (r) => readerRoutes(r, services));
  await app.register(async (r) => liveRoutes(r, services));
  await app.register(async (r) => embedFrameRoutes(r, services));
  await app.register(async (r) => embedRoutes(r, { ...services, hostScriptFile: builtScriptFile('embed.js') }));
  await app.register(async (r) => feedRoutes(r, services));
  await app.register(async (r) => sitemapRoutes(r, services));
  await app.register(async (r) => mediaRoutes(r, services));
  await app.register(async (r) =>
    newsroomRoutes(r, { ...services, newsroomCssHref: stylesheet('newsroom.css'), scriptHref: builtScript('newsroom.js'), modules: builtModules('newsroom') }),
  );
  return app;
}
