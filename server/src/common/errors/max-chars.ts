import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * At most `max` characters as MariaDB's utf8mb4 `varchar(max)` counts them: one per code point. class-validator's
 * `MaxLength` counts an emoji with its variation selector (❤️ = U+2764 U+FE0F) as one character where the database
 * stores two, so a text it lets through could overflow the column (a 500). Refused as `maxLength` (长度太长).
 */
export function MaxChars(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxLength',
      constraints: [max],
      validator: {
        validate: (value: unknown) => typeof value === 'string' && [...value].length <= max,
        defaultMessage: () => `at most ${max} characters`,
      },
    },
    options,
  );
}

/** Spaces around a text are dropped before its length is checked: a text of blanks is refused, never stored empty. */
export const Trimmed = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
