import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ERRORS, type ApiError, type ErrorCode } from '@jianghuai/shared';
import { AppException } from './app-exception.js';

/**
 * Failures that happen below Nest, before any hook or filter runs, answered in the one error
 * shape `{ code, message, requestId }` instead of Fastify's or Node's own bodies, with the status
 * the shared error table gives each code:
 *
 * - `frameworkErrors`: Fastify's router refused the URL (bad percent-encoding → 400, a path
 *   parameter longer than `maxParamLength` → 414);
 * - `clientErrorHandler`: Node's HTTP parser refused the request itself (raw non-ASCII bytes in
 *   the URL, a broken request line → 400; headers too large → 431; a request timeout → 408
 *   REQUEST_TIMEOUT).
 */
export function frameworkErrors(error: { code?: string }, req: FastifyRequest, reply: FastifyReply): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const requestId = req.id; // Fastify's, from X-Request-Id when that is a UUID (common/logging)
  const code: ErrorCode = tooLong ? 'URL_TOO_LONG' : 'MALFORMED_REQUEST';
  void reply
    .code(ERRORS[code].status)
    .header('X-Request-Id', requestId)
    .header('X-Content-Type-Options', 'nosniff') // before any hook: helmet has not run
    .header('Content-Type', 'application/json; charset=utf-8')
    .send(JSON.stringify(shaped(code, requestId)));
}

export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? 'HEADERS_TOO_LARGE'
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'REQUEST_TIMEOUT'
        : 'MALFORMED_REQUEST';
  const status = ERRORS[code].status;
  const requestId = randomUUID();
  const body = JSON.stringify(shaped(code, requestId));
  const reason = STATUS_CODES[status] ?? 'Bad Request';
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${requestId}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

function shaped(code: ErrorCode, requestId: string): ApiError {
  return { code, message: ERRORS[code].message, requestId };
}

/** Deepest nesting of objects and arrays a JSON body may have; real bodies here stay under 6. */
export const MAX_JSON_DEPTH = 32;
/** Keys that would reach an object's prototype once the body is copied onto a DTO. */
export const POISON_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The JSON body parser: an object or an array (never a bare value), at most `MAX_JSON_DEPTH`
 * levels deep (checked on the text, before parsing, without recursion), and no `__proto__` /
 * `constructor` / `prototype` keys at any level (400 UNKNOWN_FIELD naming the field).
 */
export function parseJsonBody(text: string): unknown {
  if (text === '') return undefined;
  if (nestingDepth(text) > MAX_JSON_DEPTH) throw new AppException('MALFORMED_JSON', { maxDepth: MAX_JSON_DEPTH });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppException('MALFORMED_JSON');
  }
  if (typeof value !== 'object' || value === null) throw new AppException('MALFORMED_JSON');
  const poisoned = findKey(value, (key) => POISON_KEYS.has(key));
  if (poisoned) throw unknownField(poisoned);
  return value;
}

export function unknownField(field: string): AppException {
  return new AppException('UNKNOWN_FIELD', [{ field, message: '不允许的字段' }], `字段 ${field}：不允许的字段`);
}

/** Bracket depth of a JSON text, ignoring brackets inside strings. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) max = depth;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/**
 * Walks a parsed value without recursion and returns the dotted path of the first key matching
 * `test` (array positions as numbers), or null.
 */
export function findKey(value: unknown, test: (key: string) => boolean): string | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    for (const key of Object.keys(v)) {
      const at = path ? `${path}.${key}` : key;
      if (test(key)) return at;
      stack.push([(v as Record<string, unknown>)[key], at]);
    }
  }
  return null;
}

/**
 * Walks a value without recursion and returns the path of the first string matching `test`
 * (strings that are object keys count too), or null.
 */
export function findString(value: unknown, test: (s: string) => boolean): string | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (test(v)) return path || 'body';
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (v instanceof Date || Buffer.isBuffer(v)) continue;
    for (const key of Object.keys(v)) {
      const at = path ? `${path}.${key}` : key;
      if (test(key)) return at;
      stack.push([(v as Record<string, unknown>)[key], at]);
    }
  }
  return null;
}
