import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Level, type Logger } from 'pino';
import { currentRequestId } from './request-context.js';

/**
 * Keys whose values never reach a log line: tokens and secrets, passwords, personal data (phone
 * numbers, ID numbers, WeChat openids), and the one-off codes of a WeChat login.
 */
const SECRET_KEYS = [
  'authorization',
  'cookie',
  'password',
  'newPassword',
  'oldPassword',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'qrToken',
  'secret',
  'session_key',
  'sessionKey',
  'phone',
  'phoneNumber',
  'purePhoneNumber',
  'contactPhone',
  'phoneCode',
  'idNumber',
  'openid',
  'unionid',
  'js_code',
];

/**
 * Where a log call may put them: at the top level, or in one of these objects (request headers,
 * bodies and queries, a person). Spelled out rather than `*.key`: pino checks explicit paths at
 * no measurable cost, while every wildcard path costs each line, request-bound or not, several µs.
 */
const HOLDERS = [
  ...['headers', 'req.headers', 'res.headers', 'body', 'req.body', 'query', 'req.query', 'params'],
  ...['user', 'volunteer', 'staff', 'applicant', 'contact', 'account', 'data', 'payload'],
];

/** pino `redact` paths; `code` only in a request body or query (elsewhere it is an error code, worth keeping). */
export const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...HOLDERS.flatMap((holder) => SECRET_KEYS.map((key) => `${holder}.${key}`)),
  'res.headers["set-cookie"]',
  'headers["set-cookie"]',
  'body.code',
  'query.code',
  'req.body.code',
  'req.query.code',
];

export const REDACTED = '[已隐去]';

/**
 * One JSON object per line through pino. Lines written by the application logger (not a
 * request's own child) inside a request carry that request's `requestId` too.
 */
export function createLogger(level: string = 'info', destination?: DestinationStream): Logger {
  const root: Logger = pino(
    {
      level,
      base: undefined, // no pid / hostname on every line
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) }, // "level":"warn", not 40
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      serializers: {
        // Fastify's own lines: the method and path only (a query string can carry a code)
        req: (req: { method?: string; url?: string }) => ({ method: req.method, path: req.url?.split('?')[0] }),
        res: (res: { statusCode?: number }) => ({ status: res.statusCode }),
        err: pino.stdSerializers.err,
      },
      mixin(_fields, _level, from) {
        if (from !== root) return {};
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    destination,
  );
  return root;
}

/** The application's logger; its level is set from LOG_LEVEL when the app is built. */
export const logger = createLogger();

/** Nest's own lines (start-up, its exception handler) written through pino. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    const context = contextOf(params);
    // Nest's start-up chatter (every module and route) is debug detail, not news.
    const chatter = context === 'RouterExplorer' || context === 'RoutesResolver' || context === 'InstanceLoader';
    this.write(chatter ? 'debug' : 'info', message, context);
  }
  error(message: unknown, ...params: unknown[]): void {
    // Nest calls error(message, stack?, context?); a lone string is a stack when it has several lines.
    let stack: string | undefined;
    let context: string | undefined;
    if (params.length > 1) [stack, context] = [String(params[0]), contextOf(params)];
    else if (typeof params[0] === 'string' && params[0].includes('\n')) stack = params[0];
    else context = contextOf(params);
    this.write('error', message, context, stack);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, contextOf(params));
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, contextOf(params));
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, contextOf(params));
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, contextOf(params));
  }

  private write(level: Level, message: unknown, context?: string, stack?: string): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    if (context) fields.context = context;
    if (stack) fields.stack = stack;
    if (message instanceof Error) this.pino[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.pino[level]({ ...fields, ...message });
    else this.pino[level](fields, String(message));
  }
}

function contextOf(params: unknown[]): string | undefined {
  const last = params.at(-1);
  return typeof last === 'string' ? last : undefined;
}
