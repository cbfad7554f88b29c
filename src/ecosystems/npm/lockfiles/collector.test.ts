import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NPM_ECOSYSTEM } from '../index.js';
import { PackageCollector, isPackageName, npmPurl, splitNameAt } from './collector.js';
import { summary } from './tester/index.js';

describe('collector', () => {
  it('npmPurl is NPM_ECOSYSTEM.purl (kept apart only to avoid an import cycle)', () => {
    for (const [name, version] of [['lodash', '4.17.21'], ['@babel/core', '7.0.0-beta.1'], ['@types/node', '20.0.0+build.1'], ['a.b_c', '1.0.0-rc.1']] as const) {
      assert.equal(npmPurl(name, version), NPM_ECOSYSTEM.purl(name, version));
    }
    assert.equal(npmPurl('@babel/core', '7.0.0'), 'pkg:npm/%40babel/core@7.0.0');
  });

  it('splits name@rest with scopes', () => {
    assert.deepEqual(splitNameAt('@s/a@npm:b@1'), { name: '@s/a', rest: 'npm:b@1' });
    assert.deepEqual(splitNameAt('a@'), { name: 'a', rest: '' });
    assert.equal(splitNameAt('@s/a'), undefined);
    assert.equal(splitNameAt('@1.0.0'), undefined);
  });

  it('knows an npm package name from a path or URL', () => {
    for (const ok of ['a', '@s/a', 'A_b.c-d', '@types/node']) assert.equal(isPackageName(ok), true, ok);
    for (const bad of ['', 'a/b', '@s', '@s/a/b', 'https://x', 'a b', '../x', 'x'.repeat(215)]) assert.equal(isPackageName(bad), false, bad);
  });

  it('merges copies of a release: nearest the top, dev/optional only if all, direct if any', () => {
    const c = new PackageCollector('p', 'test');
    c.add({ name: 'a', version: '1', line: 9, column: 3, dev: true, optional: true });
    c.add({ name: 'a', version: '1', line: 4, column: 7, dev: true, direct: true });
    c.add({ name: 'b', version: '1', line: 5, column: 1, optional: true });
    c.add({ name: 'a', version: '2', line: 1, column: 1 });
    c.warn('w', 'second', 8, 1);
    c.warn('w', 'first', 2, 1);
    const inv = c.inventory();
    assert.deepEqual(summary(inv), ['a@2 L1:1', 'a@1 L4:7 dev direct', 'b@1 L5:1 optional']);
    assert.deepEqual(inv.warnings.map((w) => w.message), ['first', 'second']);
  });
});
