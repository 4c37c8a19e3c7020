/** Query-string booleans for `@Transform`: `true`/`false`/`1`/`0`; anything else stays a string and fails validation. */
export const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
