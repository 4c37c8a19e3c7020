import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalDiskStorage } from './file-storage.js';

describe(LocalDiskStorage.name, () => {
  let dir: string;
  let sut: LocalDiskStorage;
  const key = 'ab'.repeat(16);

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'jh-storage-'));
    sut = new LocalDiskStorage(path.join(dir, 'uploads'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps bytes under their key in a private folder (0700) as private files (0600)', async () => {
    await sut.put(key, Buffer.from('bytes'));
    expect((await sut.get(key))?.toString()).toBe('bytes');
    expect(await sut.exists(key)).toBe(true);
    expect(statSync(path.join(dir, 'uploads')).mode & 0o777).toBe(0o700);
    expect(statSync(sut.pathOf(key)).mode & 0o777).toBe(0o600);
    const chunks: Buffer[] = [];
    for await (const c of (await sut.stream(key))!) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('bytes');
    await sut.delete(key);
    expect(await sut.exists(key)).toBe(false);
    expect(await sut.get(key)).toBeNull();
    expect(await sut.stream(key)).toBeNull();
    await sut.delete(key); // a missing key is no error
  });

  it('refuses every key that is not server-made, so no path can leave the folder', async () => {
    for (const bad of [
      '../x',
      `../${key}`,
      '/etc/passwd',
      `${key}/../../x`,
      'AB'.repeat(16),
      '',
      `${key}.`,
      `${key}.thumb/..`,
    ])
      expect(() => sut.pathOf(bad)).toThrow();
    await expect(sut.put('../../escape', Buffer.from('x'))).rejects.toThrow();
    expect(sut.pathOf(`${key}.thumb`)).toBe(path.join(dir, 'uploads', `${key}.thumb`));
  });
});
