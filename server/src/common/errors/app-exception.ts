import { HttpStatus } from '@nestjs/common';
import { ERROR_MESSAGES, type ErrorCode } from '@jianghuai/shared';

/**
 * A domain failure: a stable code from the shared closed list, its Chinese message and an HTTP
 * status. Services throw these; the global filter shapes them as `{ code, message, details? }`.
 */
export class AppException extends Error {
  constructor(
    public readonly code: ErrorCode,
    public readonly status: number = HttpStatus.BAD_REQUEST,
    public readonly details?: unknown,
    message?: string,
  ) {
    super(message ?? ERROR_MESSAGES[code]);
  }

  static notFound(details?: unknown): AppException {
    return new AppException('NOT_FOUND', HttpStatus.NOT_FOUND, details);
  }

  static unauthenticated(code: ErrorCode = 'UNAUTHENTICATED'): AppException {
    return new AppException(code, HttpStatus.UNAUTHORIZED);
  }

  static forbidden(): AppException {
    return new AppException('FORBIDDEN', HttpStatus.FORBIDDEN);
  }

  static conflict(code: ErrorCode, details?: unknown): AppException {
    return new AppException(code, HttpStatus.CONFLICT, details);
  }
}
