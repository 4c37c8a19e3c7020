/** Masking of personal data for display (docs/product.md#personal-data): `340***********123X`, `138****5678`. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  if (id.length <= 7) return '*'.repeat(id.length);
  return id.slice(0, 3) + '*'.repeat(id.length - 7) + id.slice(-4);
}

export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/^\+?86/, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return digits.slice(0, 3) + '*'.repeat(digits.length - 7) + digits.slice(-4);
}

/** Chinese mobile numbers: 11 digits starting with 1. */
export function isMobilePhone(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone);
}

export function normalizePhone(phone: string): string {
  return phone.replace(/[\s-]/g, '').replace(/^\+?86/, '');
}

/** 张伟 → 张*, 欧阳娜娜 → 欧***: a person's name as staff see it until an audited reveal (a tip's submitter, a buyer). */
export function maskPersonName(name: string | null | undefined): string {
  const chars = [...(name ?? '').trim()];
  if (chars.length === 0) return '义警';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}
