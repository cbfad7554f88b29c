import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Inventory, ParseIssue } from '../../../core/package.js';
import type { Result } from '../../../core/result.js';
import { PYPI_ECOSYSTEM } from '../index.js';
import { poetryLock } from './poetry-lock.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/lockfiles/poetry');
const read = (f: string) => readFileSync(join(FIXTURES, f), 'utf8');

function value(r: Result<Inventory, ParseIssue[]>): Inventory {
  assert.ok(r.ok, `expected ok, got ${JSON.stringify(!r.ok && r.error)}`);
  return r.value;
}
const rows = (inv: Inventory) => inv.packages.map((p) => `${p.name}@${p.version}:${p.location.startLine}${p.dev ? ' dev' : ''}${p.optional ? ' optional' : ''}`);

test('matches poetry.lock only', () => {
  assert.equal(poetryLock.matches('poetry.lock'), true);
  for (const f of ['Poetry.lock', 'pyproject.toml', 'poetry.lock.bak']) assert.equal(poetryLock.matches(f), false, f);
});

test('lock-version 1.1: category "dev" is dev, optional = true is optional; sub-tables do not move the location', () => {
  const inv = value(poetryLock.parse(read('v1.1.lock'), 'poetry.lock', {}));
  assert.deepEqual(rows(inv), ['certifi@2023.7.22:2', 'pytest@7.4.0:10 dev', 'PySocks@1.7.1:24 optional']);
  assert.deepEqual(inv.warnings, []);
  assert.deepEqual(inv.packages[2], {
    ecosystem: 'PyPI',
    name: 'PySocks',
    version: '1.7.1',
    purl: 'pkg:pypi/pysocks@1.7.1',
    location: { path: 'poetry.lock', startLine: 24, startColumn: 1, endLine: 24, endColumn: 17 },
    dev: false,
    optional: true,
    foundBy: 'poetry.lock',
  });
  for (const p of inv.packages) assert.equal(p.purl, PYPI_ECOSYSTEM.purl(p.name, p.version));
});

test('lock-version 2.x: dev when "main" is not among the groups; git sources kept; a duplicate entry reported once', () => {
  const inv = value(poetryLock.parse(read('v2.lock'), 'poetry.lock', {}));
  assert.deepEqual(rows(inv), ['black@23.7.0:4 dev', 'click@8.1.6:15', 'my-fork@0.1.0:24']);
});

test('empty file: no packages, one warning', () => {
  const inv = value(poetryLock.parse('\n  \n', 'poetry.lock', {}));
  assert.deepEqual(inv.packages, []);
  assert.deepEqual(inv.warnings.map((w) => w.code), ['empty-file']);
});

test('TOML that is not a lock file, and broken TOML, are errors with a location', () => {
  const not = poetryLock.parse(read('not-poetry.lock'), 'poetry.lock', {});
  assert.ok(!not.ok);
  assert.equal(not.error[0]!.code, 'not-poetry-lock');
  const broken = poetryLock.parse(read('invalid.lock'), 'poetry.lock', {});
  assert.ok(!broken.ok);
  assert.equal(broken.error[0]!.code, 'invalid-toml');
  assert.equal(broken.error[0]!.location.startLine, 3);
  const json = poetryLock.parse('{"package": []}', 'poetry.lock', {});
  assert.ok(!json.ok);
});

test('hostile input: binary junk and a huge single line are errors, not crashes', () => {
  const junk = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  assert.equal(poetryLock.parse(junk, 'poetry.lock', {}).ok, false);
  assert.equal(poetryLock.parse('x'.repeat(5_000_000), 'poetry.lock', {}).ok, false);
  assert.equal(poetryLock.parse(`a = ${'['.repeat(100_000)}`, 'poetry.lock', {}).ok, false);
});
