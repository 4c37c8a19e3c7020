import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { logger } from './logger.js';
import { requestContext } from './request-context.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Gives every request an id (kept from X-Request-Id when sane), echoes it, and logs one access line. */
export function requestLogging(req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const incoming = req.headers['x-request-id'];
  const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  reply.header('X-Request-Id', requestId);
  const started = process.hrtime.bigint();
  const store = { requestId };
  reply.raw.once('finish', () => {
    if (!req.url.startsWith('/api')) return;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    requestContext.run(store, () => logger.info('http', { method: req.method, path: req.url.split('?')[0], status: reply.statusCode, ms: Math.round(ms * 10) / 10 }));
  });
  requestContext.run(store, done);
}
