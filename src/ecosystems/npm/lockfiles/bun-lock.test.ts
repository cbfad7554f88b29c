import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NPM_ECOSYSTEM } from '../index.js';
import { BUN_LOCK, BUN_LOCKB, parseBunLock } from './bun-lock.js';
import { expectErr, expectOk, issues, summary } from './tester/index.js';

const dir = join(import.meta.dirname, '../fixtures/lockfiles/bun');
const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
const parse = (text: string) => parseBunLock(text, 'bun.lock');

describe('bun.lock', () => {
  it('bun.lock and bun.lockb each have their own parser', () => {
    assert.deepEqual(NPM_ECOSYSTEM.lockfiles.filter((p) => p.matches('bun.lock')), [BUN_LOCK]);
    assert.deepEqual(NPM_ECOSYSTEM.lockfiles.filter((p) => p.matches('bun.lockb')), [BUN_LOCKB]);
    assert.equal(BUN_LOCK.matches('bun.lock.json'), false);
  });

  it('reads registry releases with trailing commas; nested paths, aliases, workspaces, git and file sources', () => {
    const inv = expectOk(parse(read('bun.lock')));
    assert.deepEqual(summary(inv), [
      // the copy nested under the workspace that declares it
      'ms@2.0.0 L28:5 direct',
      'fsevents@2.3.3 L30:5 optional direct',
      'js-tokens@4.0.0 L32:5',
      'loose-envify@1.4.0 L34:5',
      // the hoisted ms and typescript/ms: one release, reached by nothing the workspaces declare
      'ms@2.1.3 L36:5',
      'react@18.2.0 L38:5 direct',
      // the alias key string-width-cjs holds string-width
      'string-width@4.2.3 L40:5 direct',
      'typescript@5.4.5 L46:5 dev direct',
    ]);
    assert.deepEqual(issues(inv.warnings), ['non-registry-version L44:5', 'invalid-entry L52:5']);
    const p = inv.packages[0]!;
    assert.deepEqual({ purl: p.purl, foundBy: p.foundBy, end: p.location.endColumn }, { purl: 'pkg:npm/ms@2.0.0', foundBy: 'bun.lock', end: 5 + '"@fixture/app/ms"'.length });
  });

  it('a lockfile without packages has none', () => {
    assert.deepEqual(expectOk(parse('{\n  "lockfileVersion": 1,\n  "workspaces": { "": { "name": "empty" } },\n}\n')), { packages: [], warnings: [] });
  });

  it('bun.lockb is refused with the way to get a text lockfile', () => {
    const e = expectErr(BUN_LOCKB.parse('\u0000\u0001binary', 'app/bun.lockb', {}));
    assert.deepEqual(issues(e), ['binary-lockfile L1:1']);
    assert.match(e[0]!.message, /binary.*bun install --save-text-lockfile/);
    assert.equal(e[0]!.location.path, 'app/bun.lockb');
  });

  describe('refuses what is not a bun.lock, saying where and why', () => {
    const cases: [string, string, string, RegExp][] = [
      ['an empty file', '', 'empty-file L1:1', /is empty/],
      ['a yarn.lock', '# yarn lockfile v1\n', 'invalid-json L1:1', /expected a value, found '#'/],
      ['an object without lockfileVersion', '{"packages": {}}', 'not-a-lockfile L1:1', /lockfileVersion/],
      ['a string lockfileVersion', '{\n  "lockfileVersion": "1",\n}', 'unsupported-lockfile-version L2:3', /non-negative integer/],
      ['packages that is not an object', '{"lockfileVersion": 1,\n "packages": []}', 'not-a-lockfile L2:2', /"packages" must be an object/],
      ['a truncated file', '{\n  "lockfileVersion": 1,\n  "packages": {\n    "ms": ["ms@2.1.3", "", {},', 'invalid-json L4:31', /the array opened at line 4, column 11 is not closed/],
      ['10 MB of [', '['.repeat(10 * 1024 * 1024), 'invalid-json L1:1001', /nested deeper than 1000 levels/],
    ];
    for (const [what, text, where, message] of cases) {
      it(what, () => {
        const e = expectErr(parse(text));
        assert.deepEqual(issues(e), [where]);
        assert.match(e[0]!.message, message);
      });
    }
  });
});
