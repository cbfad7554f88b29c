import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareSemVer, parseSemVer } from './semver.js';

const cmp = (a: string, b: string): number => compareSemVer(parseSemVer(a)!, parseSemVer(b)!);

test('SemVer 2.0 §11 precedence example chain', () => {
  const chain = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '2.0.0', '2.1.0', '2.1.1'];
  for (let i = 0; i + 1 < chain.length; i++) assert.equal(cmp(chain[i]!, chain[i + 1]!), -1, `${chain[i]} < ${chain[i + 1]}`);
});

test('build metadata is ignored; numbers compare numerically, beyond 2^53 too', () => {
  assert.equal(cmp('1.0.0+a', '1.0.0+b'), 0);
  assert.equal(cmp('1.10.0', '1.9.0'), 1);
  assert.equal(cmp('1.0.0-99999999999999999999', '1.0.0-100000000000000000000'), -1);
  assert.equal(cmp('1.0.0-2', '1.0.0-10'), -1);
  assert.equal(cmp('1.0.0-a1', '1.0.0-1a'), 1);
});

test('coercions: leading v, missing minor/patch', () => {
  assert.equal(cmp('v1.2.3', '1.2.3'), 0);
  assert.equal(cmp('1.2', '1.2.0'), 0);
  assert.equal(cmp('1', '1.0.0'), 0);
});

test('not SemVer 2.0: rejected', () => {
  for (const v of ['', 'v', '01.2.3', '1.02.3', '1.2.3-01', '1.2.3.4', '1.2.3-', '1.2.3+', '1.2-rc.1', 'a.b.c', '1.2.3-a..b', '2023.03.20', '1.2.3 4']) {
    assert.equal(parseSemVer(v), undefined, v);
  }
});

test('property: the ordering is antisymmetric and transitive on generated versions', () => {
  const id = fc.oneof(fc.nat(30).map(String), fc.constantFrom('alpha', 'beta', 'rc', 'x-y', 'a1'));
  const ver = fc
    .tuple(fc.nat(3), fc.nat(3), fc.nat(3), fc.array(id, { maxLength: 3 }))
    .map(([a, b, c, pre]) => `${a}.${b}.${c}${pre.length > 0 ? `-${pre.join('.')}` : ''}`);
  fc.assert(
    fc.property(ver, ver, ver, (a, b, c) => {
      // `+ 0` folds -0 into 0: assert.equal is Object.is-strict, and equal versions give 0 one way and -0 the other.
      assert.equal(Math.sign(cmp(a, b)) + 0, -Math.sign(cmp(b, a)) + 0);
      if (cmp(a, b) <= 0 && cmp(b, c) <= 0) assert.ok(cmp(a, c) <= 0);
    }),
  );
});
