import { defineConfig, isProduction, secret } from './config-area.js';

/** The development fallbacks are published in this repository: production refuses them. */
export const DEV_PII_KEYS = `dev1:${Buffer.alloc(32, 7).toString('base64')}`;
export const DEV_PII_HASH_KEY = Buffer.alloc(32, 9).toString('base64');

export interface PiiConfig {
  keys: Record<string, Buffer>;
  activeKeyId: string;
  hashKey: Buffer;
}

/**
 * Personal-data keys. PII_KEYS = "k1:<base64 32 bytes>,k2:<base64 32 bytes>": the active one
 * (PII_ACTIVE_KEY, default the last) encrypts, all decrypt. PII_HASH_KEY keys the lookup hashes.
 */
export const piiConfig = defineConfig('pii', (env, problems): PiiConfig => {
  const keys: Record<string, Buffer> = {};
  const rawKeys = secret(env, problems, 'PII_KEYS', DEV_PII_KEYS);
  for (const part of rawKeys
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [id, b64] = part.split(':');
    const key = Buffer.from(b64 ?? '', 'base64');
    if (!id || !/^[A-Za-z0-9_-]{1,16}$/.test(id) || key.length !== 32) {
      problems.push('PII_KEYS entries must look like "<keyId>:<base64 of 32 bytes>"');
      continue;
    }
    keys[id] = key;
  }
  const activeKeyId = env.PII_ACTIVE_KEY ?? Object.keys(keys).at(-1) ?? '';
  if (!keys[activeKeyId]) problems.push(`PII_ACTIVE_KEY "${activeKeyId}" is not among PII_KEYS`);
  const hashKey = Buffer.from(secret(env, problems, 'PII_HASH_KEY', DEV_PII_HASH_KEY), 'base64');
  if (hashKey.length < 16) problems.push('PII_HASH_KEY must be base64 of at least 16 bytes');
  if (isProduction(env)) {
    // The development keys are in this repository: data encrypted or hashed with them is readable by anyone.
    const devKeys = new Set([...DEV_PII_KEYS.split(',').map((k) => k.split(':')[1]), DEV_PII_HASH_KEY]);
    if (Object.values(keys).some((k) => devKeys.has(k.toString('base64'))))
      problems.push('PII_KEYS must not contain the published development key in production');
    if (devKeys.has(hashKey.toString('base64')))
      problems.push('PII_HASH_KEY must not be the published development key in production');
  }
  return { keys, activeKeyId, hashKey };
});
