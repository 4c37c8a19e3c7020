import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** scrypt with a cost that is part of the stored string, so it can be raised later without breaking old hashes. */
export class PasswordHasher {
  constructor(private readonly cost: number) {}

  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const N = 2 ** this.cost;
    const key = await scrypt(password, salt, 32, { N, r: 8, p: 1, maxmem: 256 * N * 8 });
    return `scrypt$${this.cost}$${salt.toString('base64')}$${key.toString('base64')}`;
  }

  async verify(password: string, stored: string | null): Promise<boolean> {
    // Without a stored hash still spend the time, so response time does not reveal unknown usernames.
    const [scheme, costStr, saltB64, keyB64] = (stored ?? `scrypt$${this.cost}$AAAAAAAAAAAAAAAAAAAAAA==$`).split('$');
    if (scheme !== 'scrypt') return false;
    const N = 2 ** Number(costStr);
    const expected = Buffer.from(keyB64 ?? '', 'base64');
    const key = await scrypt(password, Buffer.from(saltB64, 'base64'), 32, { N, r: 8, p: 1, maxmem: 256 * N * 8 });
    return stored !== null && expected.length === key.length && timingSafeEqual(expected, key);
  }
}
