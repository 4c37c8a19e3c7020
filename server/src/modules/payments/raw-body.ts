import type { FastifyRequest } from 'fastify';
import { PAY_ROUTES } from '@jianghuai/shared';

/**
 * The routes whose JSON body is also kept exactly as received (a signature covers the bytes, not the
 * parsed object): WeChat Pay's notifications. bootstrap.ts's JSON parser calls `keepRawBody`.
 */
const RAW_BODY_PATHS = new Set(Object.values(PAY_ROUTES).map((p) => `/api${p}`));
const RAW_BODY = Symbol('rawBody');

type WithRawBody = FastifyRequest & { [RAW_BODY]?: string };

export function keepRawBody(req: FastifyRequest, text: string): void {
  const path = (req.url ?? '').split('?')[0].replace(/\/+$/, '');
  if (RAW_BODY_PATHS.has(path)) (req as WithRawBody)[RAW_BODY] = text;
}

/** The body as received ('' when none was kept). */
export function rawBodyOf(req: FastifyRequest): string {
  return (req as WithRawBody)[RAW_BODY] ?? '';
}
