import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { logger } from './logger.js';
import { requestContext } from './request-context.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The request id: a client-sent `X-Request-Id` only when it is a UUID (anything else could forge
 * or pollute log lines and audit rows), otherwise a fresh one.
 */
export function requestIdFrom(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && UUID.test(incoming) ? incoming.toLowerCase() : randomUUID();
}

/** Gives every request an id (kept from X-Request-Id when it is a UUID), echoes it, and logs one access line. */
export function requestLogging(req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const requestId = requestIdFrom(req.headers['x-request-id']);
  reply.header('X-Request-Id', requestId);
  const started = process.hrtime.bigint();
  const store = { requestId };
  reply.raw.once('finish', () => {
    if (!req.url.startsWith('/api')) return;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    requestContext.run(store, () =>
      logger.info('http', {
        method: req.method,
        path: req.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(ms * 10) / 10,
      }),
    );
  });
  requestContext.run(store, done);
}
