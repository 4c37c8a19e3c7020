import { PasswordHasher } from './password-hasher.js';

describe(PasswordHasher.name, () => {
  const sut = new PasswordHasher(10);

  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await sut.hash('Jhyj@2026');
    expect(stored.startsWith('scrypt$10$')).toBe(true);
    expect(await sut.verify('Jhyj@2026', stored)).toBe(true);
    expect(await sut.verify('jhyj@2026', stored)).toBe(false);
  });

  it('rejects when there is no stored hash', async () => {
    expect(await sut.verify('anything', null)).toBe(false);
  });

  it('verifies hashes made with another cost', async () => {
    const stored = await new PasswordHasher(11).hash('pw');
    expect(await sut.verify('pw', stored)).toBe(true);
  });
});
