import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every stored phone and ID number gets its keyed hash, and emergency-contact phones are no longer
 * kept in the clear. Schema part generated; the data part is hand-written and self-contained (a
 * migration is a snapshot: it must not change when the live code does): it reads the personal-data
 * keys from the environment exactly as the server's config does (PII_KEYS, PII_ACTIVE_KEY,
 * PII_HASH_KEY, development defaults outside production) and does the AES-256-GCM / HMAC-SHA256
 * itself, in the format of the server's PiiCipher (`<keyId>.<iv>.<ciphertext+tag>`, AAD = key id).
 */
export class PiiKeyedHashes1795999090842 implements MigrationInterface {
  name = 'PiiKeyedHashes1795999090842';

  async up(queryRunner: QueryRunner): Promise<void> {
    const keys = piiKeysFromEnv(process.env);
    // Wrong keys must stop the upgrade before anything changes, not after the columns exist.
    for (const c of HASHED) {
      const [row] = (await queryRunner.query(`SELECT \`${c.enc}\` AS enc FROM \`${c.table}\` WHERE \`${c.enc}\` IS NOT NULL LIMIT 1`)) as { enc: string }[];
      if (row) decrypt(keys, row.enc, `${c.table}.${c.enc}`);
    }

    await queryRunner.query(`ALTER TABLE \`volunteers\` ADD \`phoneHash\` varchar(64) NULL`);
    await queryRunner.query(`ALTER TABLE \`companies\` ADD \`contactPhoneHash\` varchar(64) NULL`);
    await queryRunner.query(`ALTER TABLE \`applications\` ADD \`phoneHash\` varchar(64) NULL`);
    await queryRunner.query(`CREATE INDEX \`IDX_d90bb0db327c97d10dbea541f3\` ON \`volunteers\` (\`phoneHash\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_2466a2b57ac8b2f9124a343d8c\` ON \`companies\` (\`contactPhoneHash\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_0b4b76c6fc7699857749c676fe\` ON \`applications\` (\`phoneHash\`)`);

    for (const c of HASHED) await fillHashes(queryRunner, keys, c);
    await sealContacts(queryRunner, keys);
  }

  /** Contact phones stay encrypted: putting personal data back in the clear is not offered. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_0b4b76c6fc7699857749c676fe\` ON \`applications\``);
    await queryRunner.query(`DROP INDEX \`IDX_2466a2b57ac8b2f9124a343d8c\` ON \`companies\``);
    await queryRunner.query(`DROP INDEX \`IDX_d90bb0db327c97d10dbea541f3\` ON \`volunteers\``);
    await queryRunner.query(`ALTER TABLE \`applications\` DROP COLUMN \`phoneHash\``);
    await queryRunner.query(`ALTER TABLE \`companies\` DROP COLUMN \`contactPhoneHash\``);
    await queryRunner.query(`ALTER TABLE \`volunteers\` DROP COLUMN \`phoneHash\``);
  }
}

/** Encrypted phone / ID columns and their keyed-hash columns, as of this migration. */
const HASHED = [
  { table: 'users', enc: 'phoneEnc', hash: 'phoneHash', kind: 'phone' },
  { table: 'volunteers', enc: 'phoneEnc', hash: 'phoneHash', kind: 'phone' },
  { table: 'volunteers', enc: 'idEnc', hash: 'idHash', kind: 'id_number' },
  { table: 'applications', enc: 'phoneEnc', hash: 'phoneHash', kind: 'phone' },
  { table: 'applications', enc: 'idEnc', hash: 'idHash', kind: 'id_number' },
  { table: 'roster_guards', enc: 'idEnc', hash: 'idHash', kind: 'id_number' },
  { table: 'companies', enc: 'contactPhoneEnc', hash: 'contactPhoneHash', kind: 'phone' },
] as const;

const BATCH = 500;

interface PiiKeys {
  keys: Record<string, Buffer>;
  activeKeyId: string;
  hashKey: Buffer;
}

function piiKeysFromEnv(env: NodeJS.ProcessEnv): PiiKeys {
  const prod = env.NODE_ENV === 'production';
  const secret = (name: string, dev: string): string => {
    if (env[name]) return env[name]!;
    if (prod) throw new Error(`${name} is required in production to migrate personal data`);
    return dev;
  };
  const keys: Record<string, Buffer> = {};
  for (const part of secret('PII_KEYS', `dev1:${Buffer.alloc(32, 7).toString('base64')}`).split(',').map((s) => s.trim()).filter(Boolean)) {
    const [id, b64] = part.split(':');
    const key = Buffer.from(b64 ?? '', 'base64');
    if (!id || key.length !== 32) throw new Error('PII_KEYS entries must look like "<keyId>:<base64 of 32 bytes>"');
    keys[id] = key;
  }
  const activeKeyId = env.PII_ACTIVE_KEY ?? Object.keys(keys).at(-1) ?? '';
  if (!keys[activeKeyId]) throw new Error(`PII_ACTIVE_KEY "${activeKeyId}" is not among PII_KEYS`);
  const hashKey = Buffer.from(secret('PII_HASH_KEY', Buffer.alloc(32, 9).toString('base64')), 'base64');
  if (hashKey.length < 16) throw new Error('PII_HASH_KEY must be base64 of at least 16 bytes');
  return { keys, activeKeyId, hashKey };
}

function encrypt(k: PiiKeys, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', k.keys[k.activeKeyId], iv);
  cipher.setAAD(Buffer.from(k.activeKeyId));
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${k.activeKeyId}.${iv.toString('base64url')}.${ct.toString('base64url')}`;
}

function decrypt(k: PiiKeys, stored: string, where: string): string {
  const [keyId, ivB64, ctB64] = stored.split('.');
  const key = k.keys[keyId];
  if (!key || !ivB64 || !ctB64) throw new Error(`${where}: personal data under key id "${keyId}", which is not in PII_KEYS`);
  try {
    const data = Buffer.from(ctB64, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivB64, 'base64url'));
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(data.subarray(data.length - 16));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    throw new Error(`${where}: personal data does not decrypt with PII_KEYS "${keyId}" (set the keys the server uses)`);
  }
}

function hash(k: PiiKeys, kind: 'phone' | 'id_number', value: string): string {
  return createHmac('sha256', k.hashKey).update(`${kind}:${value.trim().toUpperCase()}`).digest('hex');
}

async function fillHashes(q: QueryRunner, k: PiiKeys, c: (typeof HASHED)[number]): Promise<void> {
  for (let after = 0; ; ) {
    const rows = (await q.query(
      `SELECT id, \`${c.enc}\` AS enc FROM \`${c.table}\` WHERE id > ? AND \`${c.hash}\` IS NULL AND \`${c.enc}\` IS NOT NULL ORDER BY id LIMIT ${BATCH}`,
      [after],
    )) as { id: number; enc: string }[];
    if (!rows.length) return;
    after = Number(rows[rows.length - 1].id);
    const hashed: [number, string][] = [];
    for (const r of rows) {
      try {
        hashed.push([r.id, hash(k, c.kind, decrypt(k, r.enc, `${c.table}.${c.enc} id ${r.id}`))]);
      } catch (err) {
        // the keys were checked above; a single unreadable row is reported and keeps an empty hash
        process.stderr.write(`${(err as Error).message}: keyed hash left empty\n`);
      }
    }
    if (!hashed.length) continue;
    const cases = hashed.map(() => 'WHEN ? THEN ?').join(' ');
    await q.query(`UPDATE \`${c.table}\` SET \`${c.hash}\` = CASE id ${cases} END WHERE id IN (${hashed.map(() => '?').join(',')})`, [...hashed.flat(), ...hashed.map(([id]) => id)]);
  }
}

/** `[{name, relation, phone}]` → `[{name, relation, phoneEnc, phoneHash}]` (the entity's JSON text). */
async function sealContacts(q: QueryRunner, k: PiiKeys): Promise<void> {
  for (let after = 0; ; ) {
    const rows = (await q.query(`SELECT id, contacts FROM volunteers WHERE id > ? AND contacts LIKE '%"phone":%' ORDER BY id LIMIT ${BATCH}`, [after])) as { id: number; contacts: string }[];
    if (!rows.length) return;
    after = Number(rows[rows.length - 1].id);
    for (const row of rows) {
      const contacts = JSON.parse(row.contacts) as Record<string, unknown>[];
      if (!Array.isArray(contacts)) continue;
      const sealed = contacts.map((c) => {
        if (typeof c.phone !== 'string') return c;
        const { phone, ...rest } = c;
        return { ...rest, phoneEnc: encrypt(k, phone), phoneHash: hash(k, 'phone', phone) };
      });
      await q.query('UPDATE volunteers SET contacts = ? WHERE id = ?', [JSON.stringify(sealed), row.id]);
    }
  }
}
