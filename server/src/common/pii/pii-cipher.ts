import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { PiiConfig } from '../../config/pii.config.js';

/**
 * Field encryption for personal data (ID numbers, phones): AES-256-GCM, stored as
 * `<keyId>.<iv>.<ciphertext+tag>` (base64url), so old rows stay readable after a key rotation.
 * Look-ups and uniqueness use a keyed hash (HMAC-SHA256), never the plaintext.
 */
export class PiiCipher {
  constructor(private readonly cfg: PiiConfig) {}

  encrypt(plain: string): string;
  encrypt(plain: string | null | undefined): string | null;
  encrypt(plain: string | null | undefined): string | null {
    if (plain === null || plain === undefined) return null;
    const key = this.cfg.keys[this.cfg.activeKeyId];
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(this.cfg.activeKeyId));
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${this.cfg.activeKeyId}.${iv.toString('base64url')}.${ct.toString('base64url')}`;
  }

  decrypt(stored: string): string;
  decrypt(stored: string | null | undefined): string | null;
  decrypt(stored: string | null | undefined): string | null {
    if (stored === null || stored === undefined) return null;
    const [keyId, ivB64, ctB64] = stored.split('.');
    const key = this.cfg.keys[keyId];
    if (!key || !ivB64 || !ctB64) throw new Error(`cannot decrypt personal data: unknown key id "${keyId}"`);
    const data = Buffer.from(ctB64, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivB64, 'base64url'));
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(data.subarray(data.length - 16));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
  }

  /** Keyed hash for equality look-ups; `kind` keeps phone and ID hashes apart. */
  hash(kind: 'phone' | 'id_number', value: string): string {
    return createHmac('sha256', this.cfg.hashKey).update(`${kind}:${value.trim().toUpperCase()}`).digest('hex');
  }

  /** True when the stored value was written with a key other than the active one. */
  needsRotation(stored: string): boolean {
    return !stored.startsWith(`${this.cfg.activeKeyId}.`);
  }
}
