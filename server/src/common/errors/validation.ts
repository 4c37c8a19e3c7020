import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import type { FieldErrorDetail } from '@jianghuai/shared';
import { AppException } from './app-exception.js';
import { findKey, findString, POISON_KEYS, unknownField } from './edge-errors.js';

/**
 * Characters refused in every string a client sends: NUL (cuts strings in C libraries and some
 * drivers) and the bidirectional overrides and isolates U+202A–U+202E, U+2066–U+2069, which make
 * text display differently from what it is (a name or a reason that reads backwards).
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this refuses
const FORBIDDEN_CHARACTERS = /[\u0000\u202A-\u202E\u2066-\u2069]/;
export const FORBIDDEN_CHARACTERS_MESSAGE = '不能包含空字符或文字方向控制符';

/**
 * Nest's ValidationPipe plus two checks on everything a client sends (body, query, path), before
 * class-transformer copies it onto a DTO: prototype keys are unknown fields, and free text may
 * not carry NUL or bidi-override characters (400 naming the field).
 */
class EdgeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const prefix = metadata.type === 'param' && metadata.data ? metadata.data : '';
      const poisoned = findKey(value, (key) => POISON_KEYS.has(key));
      if (poisoned) throw unknownField(join(prefix, poisoned));
      const bad = findString(value, (text) => FORBIDDEN_CHARACTERS.test(text));
      if (bad) {
        const field = join(prefix, bad === 'body' ? '' : bad) || metadata.data || 'body';
        throw new AppException(
          'VALIDATION_FAILED',
          [{ field, message: FORBIDDEN_CHARACTERS_MESSAGE }],
          `字段 ${field}：${FORBIDDEN_CHARACTERS_MESSAGE}`,
        );
      }
    }
    return super.transform(value, metadata);
  }
}

const join = (a: string, b: string) => (a && b ? `${a}.${b}` : a || b);

const CONSTRAINT_MESSAGES: Record<string, string> = {
  whitelistValidation: '不允许的字段',
  isString: '应为文本',
  isInt: '应为整数',
  isNotEmpty: '不能为空',
  isIn: '取值不在允许范围内',
  isEnum: '取值不在允许范围内',
  isArray: '应为列表',
  min: '数值太小',
  max: '数值太大',
  minLength: '长度太短',
  maxLength: '长度太长',
  arrayMinSize: '至少选择一项',
  matches: '格式不正确',
  isBoolean: '应为是或否',
  isIso8601: '日期或时间不对，请检查是否有这一天',
};

function flatten(errors: ValidationError[], parent = ''): FieldErrorDetail[] {
  const out: FieldErrorDetail[] = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    for (const [constraint, fallback] of Object.entries(e.constraints ?? {})) {
      out.push({ field, message: CONSTRAINT_MESSAGES[constraint] ?? fallback });
    }
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

/**
 * Edge validation: unknown fields (and prototype keys) are rejected, types are checked, NUL and
 * bidi-override characters are refused in every string, and the 400 names each field.
 * The message names the first field so a person reading only the toast knows what to fix.
 */
export function createValidationPipe(): ValidationPipe {
  return new EdgeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const unknown = details.filter((d) => d.message === CONSTRAINT_MESSAGES.whitelistValidation);
      const first = details[0];
      const code = unknown.length && unknown.length === details.length ? 'UNKNOWN_FIELD' : 'VALIDATION_FAILED';
      const message = first ? `字段 ${first.field}：${first.message}` : undefined;
      return new AppException(code, details, message);
    },
  });
}
