/** Resident ID numbers, GB 11643-1999: 17 digits + ISO 7064 MOD 11-2 check character. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdCardProblem = 'format' | 'birth_date' | 'check_digit';

export interface IdCardInfo {
  birthDate: string; // YYYY-MM-DD
  sex: 'male' | 'female';
}

export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export function validateIdCard(raw: string): { ok: true; info: IdCardInfo } | { ok: false; problem: IdCardProblem } {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: 'format' };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, problem: 'birth_date' };
  }
  if (idCardCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, problem: 'check_digit' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const sex = Number(id[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, info: { birthDate, sex } };
}

/** Full years of age on `today` (YYYY-MM-DD, Asia/Shanghai calendar date). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age--;
  return age;
}

/** Applicant age bounds when the deployment sets none (docs/product.md#applications-and-review, 18–65); `GET /client-config` serves the ones in force. */
export const DEFAULT_APPLICANT_AGE: Readonly<{ min: number; max: number }> = { min: 18, max: 65 };

/** Whether someone born on `birthDate` may apply on `today` within `bounds` (the server's rule). */
export function applicantAgeProblem(
  birthDate: string,
  today: string,
  bounds: { min: number; max: number },
): { problem: 'too_young' | 'too_old'; age: number } | null {
  const age = ageOn(birthDate, today);
  if (age < bounds.min) return { problem: 'too_young', age };
  if (age > bounds.max) return { problem: 'too_old', age };
  return null;
}
