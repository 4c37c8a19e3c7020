/**
 * What a message may hold: the in-app title and body fit their columns, and each field of a WeChat subscribe
 * template fits its kind's limit. Every cut is by character (code point), as MariaDB counts, never inside an
 * emoji's surrogate pair: a lone half is not valid UTF-8, and WeChat refuses the whole message for it.
 */
export const TITLE_MAX_CHARS = 64;
export const BODY_MAX_CHARS = 500;

/** WeChat's limits per template field kind (the field key is the kind plus a number: `thing1`, `phrase3`). */
const FIELD_LIMITS: Record<string, number> = {
  thing: 20,
  phrase: 5,
  name: 10,
  character_string: 32,
  number: 32,
  letter: 32,
  symbol: 5,
  car_number: 8,
  phone_number: 17,
};

export function cutChars(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}

export function fitTemplateData(data: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => {
      const limit = FIELD_LIMITS[key.replace(/\d+$/, '')];
      return [key, limit === undefined ? value : cutChars(value, limit)];
    }),
  );
}
