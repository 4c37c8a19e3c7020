import { createDecipheriv, createVerify } from 'node:crypto';

/**
 * The signature and encryption rules of WeChat Pay v3 that the library leaves to us: the platform's
 * signature over answers and notifications (`timestamp\nnonce\nbody\n`, RSA-SHA256, base64) and the
 * AES-256-GCM `resource` of a notification. The library's own `decipher_gcm` never checks the GCM tag
 * (it skips `final()`), so a tampered ciphertext would decrypt to garbage instead of being refused.
 */
export interface SignedMessage {
  timestamp: string;
  nonce: string;
  signature: string;
  serial: string;
  body: string;
}

export function platformSignatureValid(message: SignedMessage, publicKeyPem: string): boolean {
  try {
    const verify = createVerify('RSA-SHA256');
    verify.update(`${message.timestamp}\n${message.nonce}\n${message.body}\n`);
    return verify.verify(publicKeyPem, message.signature, 'base64');
  } catch {
    return false;
  }
}

export interface EncryptedResource {
  algorithm: string;
  ciphertext: string;
  associated_data?: string;
  nonce: string;
  original_type?: string;
}

/** Decrypts a notification's resource; throws when the tag, key or associated data does not match. */
export function decryptResource(resource: EncryptedResource, apiV3Key: string): string {
  if (resource.algorithm !== 'AEAD_AES_256_GCM') throw new Error(`unknown algorithm ${resource.algorithm}`);
  const data = Buffer.from(resource.ciphertext, 'base64');
  if (data.length < 17) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(resource.nonce, 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - 16));
  decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
}

/** A header of a Node/Fastify header record, case-insensitively, as one string. */
export function headerOf(headers: Record<string, string | string[] | undefined>, name: string): string {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  const v = key === undefined ? undefined : headers[key];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}
