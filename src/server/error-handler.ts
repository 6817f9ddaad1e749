/**
 * One error handler: AppErrors and the framework's own 4xx (bad JSON, too large, wrong
 * content type) become the API's JSON error shape, or a friendly HTML page for readers.
 * Anything else is logged and answered with a generic 500 that leaks nothing.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, invalidJson, notFound, payloadTooLarge, unsupportedMediaType } from '../domain/errors.js';
import { renderErrorPage } from '../render/error-page.js';

export function installErrorHandlers(app: FastifyInstance, cssHref: string): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const appError = toAppError(err);
    if (!appError) req.log.error({ err }, 'unhandled error');
    send(req, reply, appError ?? new AppError(500, 'internal_error', 'Something went wrong on our side.'), cssHref);
  });
  app.setNotFoundHandler((req, reply) => {
    send(req, reply, notFound('route', 'There is nothing at this address.'), cssHref);
  });
}

function toAppError(err: FastifyError): AppError | undefined {
  if (err instanceof AppError) return err;
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return payloadTooLarge();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return unsupportedMediaType();
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return invalidJson();
  }
  if (err instanceof SyntaxError || (err.statusCode === 400 && /JSON|proto/i.test(err.message))) return invalidJson();
  if (err.statusCode === 429) return new AppError(429, 'rate_limited', 'Too many requests; try again shortly.');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    return new AppError(err.statusCode, 'bad_request', 'The request could not be understood.');
  return undefined;
}

function send(req: FastifyRequest, reply: FastifyReply, e: AppError, cssHref: string): void {
  reply.status(e.status).header('cache-control', 'no-store');
  if (req.url.startsWith('/api/')) {
    void reply.send(e.toJSON());
    return;
  }
  const title = e.status === 404 ? 'Page not found' : e.status >= 500 ? 'Something went wrong' : 'That did not work';
  const message = e.status === 404 ? 'We could not find what you were looking for.' : e.message;
  void reply.type('text/html; charset=utf-8').send(renderErrorPage({ status: e.status, title, message, cssHref }));
}
