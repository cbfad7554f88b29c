import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Inventory, ParseIssue } from '../../../core/package.js';
import type { Result } from '../../../core/result.js';
import { CARGO_ECOSYSTEM } from '../index.js';
import { cargoLock } from './cargo-lock.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/lockfiles');
const read = (f: string) => readFileSync(join(FIXTURES, f), 'utf8');

function value(r: Result<Inventory, ParseIssue[]>): Inventory {
  assert.ok(r.ok, `expected ok, got ${JSON.stringify(!r.ok && r.error)}`);
  return r.value;
}
const rows = (inv: Inventory) => inv.packages.map((p) => `${p.name}@${p.version}:${p.location.startLine}`);

test('matches Cargo.lock only', () => {
  assert.equal(cargoLock.matches('Cargo.lock'), true);
  for (const f of ['Cargo.toml', 'cargo.lock']) assert.equal(cargoLock.matches(f), false, f);
});

test('v1: [root] and [metadata] checksums are not packages', () => {
  const inv = value(cargoLock.parse(read('v1.Cargo.lock'), 'Cargo.lock', {}));
  assert.deepEqual(rows(inv), ['libc@0.2.40:9', 'smallvec@0.6.0:14']);
  assert.deepEqual(inv.warnings, []);
});

test('v3: the workspace crate (no source) is skipped', () => {
  const inv = value(cargoLock.parse(read('v3.Cargo.lock'), 'Cargo.lock', {}));
  assert.deepEqual(inv.packages, [
    {
      ecosystem: 'crates.io',
      name: 'serde',
      version: '1.0.188',
      purl: 'pkg:cargo/serde@1.0.188',
      location: { path: 'Cargo.lock', startLine: 13, startColumn: 1, endLine: 13, endColumn: 15 },
      foundBy: 'Cargo.lock',
    },
  ]);
});

test('v4: sparse registry and git sources kept, two versions of one crate kept, an exact duplicate reported once', () => {
  const inv = value(cargoLock.parse(read('v4.Cargo.lock'), 'Cargo.lock', {}));
  assert.deepEqual(rows(inv), ['regex@1.10.2:19', 'time@0.1.45:25', 'time@0.3.30:31', 'tokio@1.33.0:37']);
  for (const p of inv.packages) assert.equal(p.purl, CARGO_ECOSYSTEM.purl(p.name, p.version));
});

test('a newer lock version is read with a warning', () => {
  const inv = value(cargoLock.parse('version = 5\n\n[[package]]\nname = "a"\nversion = "1.0.0"\nsource = "registry+x"\n', 'Cargo.lock', {}));
  assert.deepEqual(rows(inv), ['a@1.0.0:4']);
  assert.deepEqual(inv.warnings.map((w) => w.code), ['unknown-lock-version']);
});

test('empty file warns; Cargo.toml content and broken TOML are errors', () => {
  assert.deepEqual(value(cargoLock.parse('', 'Cargo.lock', {})).warnings.map((w) => w.code), ['empty-file']);
  const not = cargoLock.parse(read('not-cargo.toml'), 'Cargo.lock', {});
  assert.ok(!not.ok);
  assert.equal(not.error[0]!.code, 'not-cargo-lock');
  const broken = cargoLock.parse('version = 3\n[[package]\nname = "a"\n', 'Cargo.lock', {});
  assert.ok(!broken.ok);
  assert.deepEqual([broken.error[0]!.code, broken.error[0]!.location.startLine], ['invalid-toml', 2]);
});

test('hostile input: binary junk and a huge single line are errors, not crashes', () => {
  const junk = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  assert.equal(cargoLock.parse(junk, 'Cargo.lock', {}).ok, false);
  assert.equal(cargoLock.parse('['.repeat(5_000_000), 'Cargo.lock', {}).ok, false);
});
