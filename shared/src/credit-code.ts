/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters — registration
 * department (1), institution type (1), administrative division (6 digits), organisation code
 * (9), check character (1). The alphabet has 31 characters: digits and upper-case letters without
 * I, O, S, V, Z. The check character is chosen so that the weighted sum is 0 mod 31.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'format' | 'check_char';

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

export function normalizeCreditCode(raw: string): string {
  return raw.trim().toUpperCase();
}

export function validateCreditCode(
  raw: string,
): { ok: true; code: string } | { ok: false; problem: CreditCodeProblem } {
  const code = normalizeCreditCode(raw);
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return { ok: false, problem: 'format' };
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return { ok: false, problem: 'check_char' };
  return { ok: true, code };
}
