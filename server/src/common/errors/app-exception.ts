import { ERRORS, type ErrorCode } from '@jianghuai/shared';

/**
 * A domain failure: a stable code from the shared error table, which also fixes its HTTP status
 * and its Chinese message. Services throw these; the global filter shapes them as
 * `{ code, message, details? }`. `message` replaces the table's text where a more precise one helps
 * (e.g. naming the field).
 */
export class AppException extends Error {
  public readonly status: number;

  constructor(
    public readonly code: ErrorCode,
    public readonly details?: unknown,
    message?: string,
  ) {
    super(message ?? ERRORS[code].message);
    this.status = ERRORS[code].status;
  }

  static notFound(details?: unknown): AppException {
    return new AppException('NOT_FOUND', details);
  }

  static unauthenticated(code: ErrorCode = 'UNAUTHENTICATED'): AppException {
    return new AppException(code);
  }

  static forbidden(): AppException {
    return new AppException('FORBIDDEN');
  }
}
