import { maskPhone, type EmergencyContact } from '@jianghuai/shared';
import type { PiiCipher } from './pii-cipher.js';

/**
 * A volunteer's emergency contact as stored: the phone encrypted, with its keyed hash beside it,
 * like every other stored phone. Name and relation stay readable (they are not identifiers).
 */
export interface SealedContact {
  name: string;
  relation: string;
  phoneEnc: string;
  phoneHash: string;
}

/** How contacts were stored before their phones were sealed; still read until the row is upgraded. */
export interface PlainContact {
  name: string;
  relation: string;
  phone: string;
}

export type StoredContact = SealedContact | PlainContact;

export function isSealed(c: StoredContact): c is SealedContact {
  return typeof (c as SealedContact).phoneEnc === 'string';
}

export function sealContact(pii: PiiCipher, c: { name: string; relation: string; phone: string }): SealedContact {
  return { name: c.name, relation: c.relation, phoneEnc: pii.encrypt(c.phone), phoneHash: pii.hash('phone', c.phone) };
}

export function sealContacts(pii: PiiCipher, contacts: EmergencyContact[]): SealedContact[] {
  return contacts.map((c) => sealContact(pii, c));
}

/** Seals whatever is still plain; null when every contact was sealed already (nothing to write). */
export function upgradeContacts(pii: PiiCipher, stored: StoredContact[] | null): SealedContact[] | null {
  if (!stored?.length || stored.every(isSealed)) return null;
  return stored.map((c) => (isSealed(c) ? c : sealContact(pii, c)));
}

/** The full phone number: only for an audited reveal. */
export function contactPhone(pii: PiiCipher, c: StoredContact): string {
  return isSealed(c) ? pii.decrypt(c.phoneEnc) : c.phone;
}

/** As shown in every response: the phone masked (`138****5678`). */
export function maskedContacts(pii: PiiCipher, stored: StoredContact[] | null): EmergencyContact[] {
  return (stored ?? []).map((c) => ({
    name: c.name,
    relation: c.relation,
    phone: maskPhone(contactPhone(pii, c)) ?? '',
  }));
}
