import { HttpStatus, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldErrorDetail } from '@jianghuai/shared';
import { AppException } from './app-exception.js';

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
 * Edge validation: unknown fields are rejected, types are checked, and the 400 names each field.
 * The message names the first field so a person reading only the toast knows what to fix.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
      return new AppException(code, HttpStatus.BAD_REQUEST, details, message);
    },
  });
}
