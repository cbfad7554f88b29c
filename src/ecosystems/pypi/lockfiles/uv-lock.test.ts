import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Inventory, ParseIssue } from '../../../core/package.js';
import type { Result } from '../../../core/result.js';
import { uvLock } from './uv-lock.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/lockfiles/uv');
const read = (f: string) => readFileSync(join(FIXTURES, f), 'utf8');

function value(r: Result<Inventory, ParseIssue[]>): Inventory {
  assert.ok(r.ok, `expected ok, got ${JSON.stringify(!r.ok && r.error)}`);
  return r.value;
}

test('matches uv.lock only', () => {
  assert.equal(uvLock.matches('uv.lock'), true);
  assert.equal(uvLock.matches('uv.toml'), false);
});

test('registry and git packages; editable and virtual workspace members skipped; a dynamic version warns', () => {
  const inv = value(uvLock.parse(read('uv.lock'), 'uv.lock', {}));
  assert.deepEqual(inv.packages.map((p) => `${p.name}@${p.version}:${p.location.startLine}`), ['anyio@4.0.0:9', 'idna@3.4:36', 'mylib@1.2.0:41', 'pytest@7.4.0:46']);
  assert.deepEqual(inv.warnings.map((w) => `${w.code}:${w.location.startLine}`), ['no-version:51']);
  assert.equal(inv.packages[0]!.purl, 'pkg:pypi/anyio@4.0.0');
  assert.equal(inv.packages[0]!.foundBy, 'uv.lock');
});

test('empty file warns; TOML that is not a uv.lock is an error', () => {
  assert.deepEqual(value(uvLock.parse('', 'uv.lock', {})).warnings.map((w) => w.code), ['empty-file']);
  const not = uvLock.parse(read('not-uv.lock'), 'uv.lock', {});
  assert.ok(!not.ok);
  assert.equal(not.error[0]!.code, 'not-uv-lock');
});

test('hostile input: binary junk and a huge single line are errors, not crashes', () => {
  const junk = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  assert.equal(uvLock.parse(junk, 'uv.lock', {}).ok, false);
  assert.equal(uvLock.parse('"'.repeat(5_000_000), 'uv.lock', {}).ok, false);
});
