import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ageOn, idCardCheckChar, validateIdCard } from '../idcard.js';
import { maskIdNumber, maskPhone } from '../pii.js';
import { distanceMeters } from '../geo.js';

test('validateIdCard accepts a valid GB 11643 number and derives birth date and sex', () => {
  const first17 = '34050419900307123';
  const id = first17 + idCardCheckChar(first17);
  const r = validateIdCard(id);
  assert.equal(r.ok, true);
  if (r.ok) assert.deepEqual(r.info, { birthDate: '1990-03-07', sex: 'male' });
});

test('validateIdCard rejects a wrong check digit, a bad date and a bad format', () => {
  const first17 = '34050419900307113';
  const good = idCardCheckChar(first17);
  const bad = good === '0' ? '1' : '0';
  assert.deepEqual(validateIdCard(first17 + bad), { ok: false, problem: 'check_digit' });
  assert.deepEqual(validateIdCard('340504199002301231'), { ok: false, problem: 'birth_date' });
  assert.deepEqual(validateIdCard('34050419900307'), { ok: false, problem: 'format' });
});

test('validateIdCard accepts a lower-case x check character', () => {
  // 11010519491231002X is the standard published example
  assert.equal(validateIdCard('11010519491231002x').ok, true);
});

test('ageOn counts full years', () => {
  assert.equal(ageOn('2000-06-15', '2018-06-14'), 17);
  assert.equal(ageOn('2000-06-15', '2018-06-15'), 18);
});

test('masking follows docs/product.md#personal-data', () => {
  assert.equal(maskIdNumber('34050419900307123X'), '340***********123X');
  assert.equal(maskPhone('13812345678'), '138****5678');
  assert.equal(maskPhone(null), null);
});

test('distanceMeters is about 111 km per degree of latitude', () => {
  const d = distanceMeters({ lat: 31, lng: 118 }, { lat: 32, lng: 118 });
  assert.ok(Math.abs(d - 111_195) < 100, String(d));
});
