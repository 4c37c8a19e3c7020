import { ArgumentsHost, Catch, HttpException, HttpStatus, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ERROR_MESSAGES, type ApiError, type ErrorCode } from '@jianghuai/shared';
import { AppException } from './app-exception.js';
import { logger } from '../logging/logger.js';
import { currentRequestId } from '../logging/request-context.js';

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.NOT_FOUND]: 'ROUTE_NOT_FOUND',
  [HttpStatus.UNAUTHORIZED]: 'UNAUTHENTICATED',
  [HttpStatus.FORBIDDEN]: 'FORBIDDEN',
  [HttpStatus.TOO_MANY_REQUESTS]: 'RATE_LIMITED',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'PAYLOAD_TOO_LARGE',
};

/** The one place that turns any thrown value into `{ code, message, details?, requestId }`. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request>();
    const { status, body } = toApiError(exception);
    body.requestId = currentRequestId();
    if (status >= 500 && exception instanceof AppException) {
      // an expected outage (e.g. WeChat unreachable): worth a line, not a stack
      logger.warn('request failed', { method: req.method, path: req.originalUrl, code: body.code });
    } else if (status >= 500) {
      logger.error('request failed', {
        method: req.method,
        path: req.originalUrl,
        error: exception instanceof Error ? { name: exception.name, message: exception.message, stack: exception.stack } : String(exception),
      });
    }
    res.status(status).json(body);
  }
}

export function toApiError(exception: unknown): { status: number; body: ApiError } {
  if (exception instanceof AppException) {
    const body: ApiError = { code: exception.code, message: exception.message };
    if (exception.details !== undefined) body.details = exception.details;
    return { status: exception.status, body };
  }
  // body-parser errors (malformed JSON, too large) arrive as plain errors with a status/type
  const e = exception as { type?: string; status?: number; statusCode?: number };
  if (e && typeof e === 'object' && e.type === 'entity.parse.failed') {
    return { status: 400, body: { code: 'MALFORMED_JSON', message: ERROR_MESSAGES.MALFORMED_JSON } };
  }
  if (e && typeof e === 'object' && e.type === 'entity.too.large') {
    return { status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: ERROR_MESSAGES.PAYLOAD_TOO_LARGE } };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = STATUS_CODES[status] ?? (status < 500 ? 'VALIDATION_FAILED' : 'INTERNAL_ERROR');
    return { status, body: { code, message: ERROR_MESSAGES[code] } };
  }
  const status = typeof e?.status === 'number' && e.status >= 400 && e.status < 500 ? e.status : 500;
  const code: ErrorCode = status === 500 ? 'INTERNAL_ERROR' : (STATUS_CODES[status] ?? 'VALIDATION_FAILED');
  return { status, body: { code, message: ERROR_MESSAGES[code] } };
}
