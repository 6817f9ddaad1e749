/**
 * One error handler: AppErrors, the framework's own 4xx (bad JSON, too large, wrong
 * content type, malformed URLs) and database errors a request caused become the API's
 * JSON error shape, or a friendly HTML page for readers. Anything else is logged and
 * answered with a generic 500 that leaks nothing.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, invalidJson, notFound, payloadTooLarge, tooManyRequests, unsupportedMediaType } from '../domain/errors.js';
import { renderErrorPage } from '../render/error-page.js';
import { storeErrorToAppError } from '../store/errors.js';

export type ErrorResponder = (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => void;

/** Answers any error; also given to fastify as `frameworkErrors` (bad URLs, long params). */
export function errorResponder(cssHref: string): ErrorResponder {
  return (err, req, reply) => {
    const appError = knownError(err);
    if (!appError) req.log.error({ err }, 'unhandled error');
    send(req, reply, appError ?? new AppError(500, 'internal_error', 'Something went wrong on our side.'), cssHref);
  };
}

export function installErrorHandlers(app: FastifyInstance, respond: ErrorResponder, cssHref: string): void {
  app.setErrorHandler(respond);
  app.setNotFoundHandler((req, reply) => send(req, reply, notFound('route', 'There is nothing at this address.'), cssHref));
}

function knownError(err: FastifyError): AppError | undefined {
  if (err instanceof AppError) return err;
  const fromStore = storeErrorToAppError(err);
  if (fromStore) return fromStore;
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return payloadTooLarge();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return unsupportedMediaType();
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return invalidJson();
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return notFound('route', 'There is nothing at this address.');
  }
  if (err instanceof SyntaxError || (err.statusCode === 400 && /JSON|proto/i.test(err.message))) return invalidJson();
  if (err.statusCode === 429) return tooManyRequests();
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    return new AppError(err.statusCode, 'bad_request', 'The request could not be understood.');
  return undefined;
}

function send(req: FastifyRequest, reply: FastifyReply, e: AppError, cssHref: string): void {
  reply.status(e.status).header('cache-control', 'no-store');
  if (e.status === 503) reply.header('retry-after', '1');
  if (req.url.startsWith('/api/')) {
    void reply.send(e.toJSON());
    return;
  }
  const title = e.status === 404 ? 'Page not found' : e.status >= 500 ? 'Something went wrong' : 'That did not work';
  const message = e.status === 404 ? 'We could not find what you were looking for.' : e.message;
  void reply.type('text/html; charset=utf-8').send(renderErrorPage({ status: e.status, title, message, cssHref }));
}
