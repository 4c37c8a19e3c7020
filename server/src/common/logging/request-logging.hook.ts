import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LogController, type FastifyReply, type FastifyRequest, type HookHandlerDoneFunction } from 'fastify';
import type { Logger } from 'pino';
import { requestContext } from './request-context.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The request id: a client-sent `X-Request-Id` only when it is a UUID (anything else could forge
 * or pollute log lines and audit rows), otherwise a fresh one.
 */
export function requestIdFrom(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && UUID.test(incoming) ? incoming.toLowerCase() : randomUUID();
}

/**
 * Fastify's request log: one `http` line per /api request once it is answered (method, path
 * without the query string, status, ms), labelled with the request id; nothing when a request
 * comes in and no line for the H5's static files.
 */
export class AccessLog extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'requestId' });
  }
  override incomingRequest(): void {}
  override routeNotFound(): void {}
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (!request.url.startsWith('/api')) return;
    const line = {
      method: request.method,
      path: request.url.split('?')[0],
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) reply.log.error({ ...line, err: error }, 'http');
    else reply.log.info(line, 'http');
  }
}

/** Fastify server options: its logger is the application's pino logger, with the request id rule above. */
export function fastifyLogging(logger: Logger) {
  return {
    loggerInstance: logger,
    requestIdHeader: false as const,
    genReqId: (req: IncomingMessage) => requestIdFrom(req.headers['x-request-id']),
    logController: new AccessLog(),
  };
}

/**
 * Echoes Fastify's request id in `X-Request-Id` and makes it the current request id for the
 * rest of the request (audit rows, application log lines, error bodies).
 */
export function requestIdHook(req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  reply.header('X-Request-Id', req.id);
  requestContext.run({ requestId: req.id }, done);
}
