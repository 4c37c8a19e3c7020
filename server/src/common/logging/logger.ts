import type { LoggerService } from '@nestjs/common';
import { currentRequestId } from './request-context.js';

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** One JSON object per line, with the request id of the request being served (if any). */
class JsonLogger implements LoggerService {
  level: Level = 'info';

  write(level: Level, msg: string, fields?: unknown): void {
    if (ORDER[level] < ORDER[this.level]) return;
    // Nest calls error(message, stack, context) with strings; only plain objects become fields.
    const extra =
      fields && typeof fields === 'object' ? fields : fields === undefined ? {} : { detail: String(fields) };
    const line = JSON.stringify({
      time: new Date().toISOString(),
      level,
      requestId: currentRequestId(),
      msg,
      ...extra,
    });
    (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(line + '\n');
  }

  debug(msg: string, fields?: Record<string, unknown>): void {
    this.write('debug', msg, fields);
  }
  info(msg: string, fields?: Record<string, unknown>): void {
    this.write('info', msg, fields);
  }
  warn(msg: string, fields?: unknown): void {
    this.write('warn', msg, fields);
  }
  error(msg: unknown, fields?: unknown, context?: string): void {
    const extra = typeof fields === 'string' ? { stack: fields, context } : fields;
    this.write('error', msg instanceof Error ? msg.message : String(msg), extra);
  }

  // LoggerService, used by Nest itself
  log(message: unknown, context?: string): void {
    // Nest's start-up chatter (every module and route) is debug detail, not news.
    const chatter = context === 'RouterExplorer' || context === 'RoutesResolver' || context === 'InstanceLoader';
    this.write(chatter ? 'debug' : 'info', String(message), context ? { context } : undefined);
  }
  verbose(message: unknown, context?: string): void {
    this.write('debug', String(message), context ? { context } : undefined);
  }
  fatal(message: unknown, context?: string): void {
    this.write('error', String(message), context ? { context } : undefined);
  }
}

export const logger = new JsonLogger();
