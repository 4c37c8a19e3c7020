import { PiiCipher } from './pii-cipher.js';
import {
  contactPhone,
  isSealed,
  maskedContacts,
  sealContacts,
  upgradeContacts,
  type StoredContact,
} from './sealed-contacts.js';

const key = (n: number) => Buffer.alloc(32, n);

describe('sealed contacts', () => {
  const pii = new PiiCipher({ keys: { k1: key(1) }, activeKeyId: 'k1', hashKey: key(3) });
  const contact = { name: '李秀英', relation: '配偶', phone: '13955501234' };

  it('stores the phone encrypted with its keyed hash and nothing of the number in the clear', () => {
    const [sut] = sealContacts(pii, [contact]);
    expect(JSON.stringify(sut)).not.toContain('55501234');
    expect(sut).toEqual({
      name: '李秀英',
      relation: '配偶',
      phoneEnc: expect.stringMatching(/^k1\./),
      phoneHash: pii.hash('phone', '13955501234'),
    });
    expect(contactPhone(pii, sut)).toBe('13955501234');
  });

  it('masks sealed and not-yet-sealed contacts alike', () => {
    const stored: StoredContact[] = [
      ...sealContacts(pii, [contact]),
      { name: '张小明', relation: '儿子', phone: '13655504321' },
    ];
    expect(maskedContacts(pii, stored)).toEqual([
      { name: '李秀英', relation: '配偶', phone: '139****1234' },
      { name: '张小明', relation: '儿子', phone: '136****4321' },
    ]);
    expect(maskedContacts(pii, null)).toEqual([]);
  });

  it('upgrades only what is still plain, and reports nothing to do otherwise', () => {
    const sealed = sealContacts(pii, [contact]);
    expect(upgradeContacts(pii, sealed)).toBeNull();
    expect(upgradeContacts(pii, [])).toBeNull();
    const sut = upgradeContacts(pii, [sealed[0], { name: '张小明', relation: '儿子', phone: '13655504321' }])!;
    expect(sut[0]).toBe(sealed[0]);
    expect(sut.every(isSealed)).toBe(true);
    expect(contactPhone(pii, sut[1])).toBe('13655504321');
  });
});
