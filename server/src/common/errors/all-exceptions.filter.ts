import { ArgumentsHost, Catch, HttpException, HttpStatus, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ERRORS, type ApiError, type ErrorCode } from '@jianghuai/shared';
import { AppException } from './app-exception.js';

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
    const res = host.switchToHttp().getResponse<FastifyReply>();
    const req = host.switchToHttp().getRequest<FastifyRequest>();
    const { status, body } = toApiError(exception);
    body.requestId = req.id;
    if (status >= 500 && exception instanceof AppException) {
      // an expected outage (e.g. WeChat unreachable): worth a line, not a stack
      req.log.warn({ method: req.method, path: req.url.split('?')[0], code: body.code }, 'request failed');
    } else if (status >= 500) {
      req.log.error(
        {
          method: req.method,
          path: req.url.split('?')[0],
          err: exception instanceof Error ? exception : String(exception),
        },
        'request failed',
      );
    }
    res.status(status).send(body);
  }
}

export function toApiError(exception: unknown): { status: number; body: ApiError } {
  if (exception instanceof AppException) {
    const body: ApiError = { code: exception.code, message: exception.message };
    if (exception.details !== undefined) body.details = exception.details;
    return { status: exception.status, body };
  }
  // Errors from Nest or Fastify (a body too large, a broken multipart stream…) keep their own 4xx status;
  // the code and message are the table's closest
  const e = exception as { status?: number; statusCode?: number };
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = STATUS_CODES[status] ?? (status < 500 ? 'VALIDATION_FAILED' : 'INTERNAL_ERROR');
    return { status, body: { code, message: ERRORS[code].message } };
  }
  const given = e && typeof e === 'object' ? (e.status ?? e.statusCode) : undefined;
  const status = typeof given === 'number' && given >= 400 && given < 500 ? given : 500;
  const code: ErrorCode = status === 500 ? 'INTERNAL_ERROR' : (STATUS_CODES[status] ?? 'VALIDATION_FAILED');
  return { status, body: { code, message: ERRORS[code].message } };
}
