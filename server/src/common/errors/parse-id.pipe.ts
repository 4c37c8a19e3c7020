import { ParseIntPipe } from '@nestjs/common';
import { AppException } from './app-exception.js';

/** `@Param('id', ParseIdPipe())`: a positive integer id, else a 400 that names the parameter. */
export function ParseIdPipe(field = 'id'): ParseIntPipe {
  return new ParseIntPipe({
    exceptionFactory: () =>
      new AppException('VALIDATION_FAILED', [{ field, message: '应为整数' }], `字段 ${field}：应为整数`),
  });
}
