import { test } from 'node:test';
import assert from 'node:assert/strict';
import { creditCodeCheckChar, validateCreditCode } from '../credit-code.js';
import { starLevelForMinutes } from '../applications.js';
import { apiPath } from '../api-path.js';

test('validateCreditCode accepts a published GB 32100-2015 example', () => {
  assert.deepEqual(validateCreditCode('91350100M000100Y43'), { ok: true, code: '91350100M000100Y43' });
  assert.equal(validateCreditCode(' 91350100m000100y43 ').ok, true);
});

test('validateCreditCode rejects a wrong check character', () => {
  assert.deepEqual(validateCreditCode('91350100M000100Y44'), { ok: false, problem: 'check_char' });
});

test('validateCreditCode rejects wrong length and letters outside the alphabet (I, O, S, V, Z)', () => {
  assert.deepEqual(validateCreditCode('91350100M000100Y4'), { ok: false, problem: 'format' });
  assert.deepEqual(validateCreditCode('91350100M00O100Y43'), { ok: false, problem: 'format' });
  assert.deepEqual(validateCreditCode('9135AB00M000100Y43'), { ok: false, problem: 'format' });
});

test('creditCodeCheckChar maps a weighted sum of 0 mod 31 to "0"', () => {
  assert.equal(creditCodeCheckChar('00000000000000000'), '0');
});

test('starLevelForMinutes grades by confirmed hours 50/100/300/600/1000', () => {
  assert.equal(starLevelForMinutes(0), 0);
  assert.equal(starLevelForMinutes(49 * 60 + 59), 0);
  assert.equal(starLevelForMinutes(50 * 60), 1);
  assert.equal(starLevelForMinutes(300 * 60), 3);
  assert.equal(starLevelForMinutes(5000 * 60), 5);
});

test('apiPath fills every named segment, encodes it, and throws when one is missing', () => {
  assert.equal(apiPath('/admin/companies/:id/sites/:siteId', { id: 3, siteId: 9 }), '/admin/companies/3/sites/9');
  assert.equal(apiPath('/admin/jobs/:name/run', { name: 'a b/c' }), '/admin/jobs/a%20b%2Fc/run');
  assert.equal(apiPath('/health'), '/health');
  const loose: string = '/activities/:id/sign-up';
  assert.throws(() => apiPath(loose, {}), /needs :id/);
  assert.throws(() => apiPath(loose, { id: '' }), /needs :id/);
});
