import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Inventory, ParseIssue } from '../../../core/package.js';
import type { Result } from '../../../core/result.js';
import { RUBYGEMS_ECOSYSTEM } from '../index.js';
import { gemfileLock } from './gemfile-lock.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/lockfiles');
const read = (f: string) => readFileSync(join(FIXTURES, f), 'utf8');

function value(r: Result<Inventory, ParseIssue[]>): Inventory {
  assert.ok(r.ok, `expected ok, got ${JSON.stringify(!r.ok && r.error)}`);
  return r.value;
}
const rows = (inv: Inventory) => inv.packages.map((p) => `${p.name}@${p.version}:${p.location.startLine}${p.direct === true ? ' direct' : p.direct === false ? '' : ' ?'}`);

test('matches Gemfile.lock and gems.locked', () => {
  assert.equal(gemfileLock.matches('Gemfile.lock'), true);
  assert.equal(gemfileLock.matches('gems.locked'), true);
  for (const f of ['Gemfile', 'gemfile.lock']) assert.equal(gemfileLock.matches(f), false, f);
});

test('GIT, PATH and GEM specs; platform variants are one version; DEPENDENCIES marks direct; CHECKSUMS and the rest ignored', () => {
  const inv = value(gemfileLock.parse(read('Gemfile.lock'), 'Gemfile.lock', {}));
  assert.deepEqual(rows(inv), [
    'lucide-rails@0.2.0:5 direct',
    'billing@0.1.0:11 direct',
    'nokogiri@1.15.0:17 direct',
    'racc@1.7.1:21',
    'rack@2.2.8:22',
    'rails@7.0.8:23 direct',
    'rake@13.0.6:25',
    'rspec-core@3.12.2.beta1:26 direct',
  ]);
  assert.deepEqual(inv.warnings, []);
  assert.deepEqual(inv.packages[2], {
    ecosystem: 'RubyGems',
    name: 'nokogiri',
    version: '1.15.0',
    purl: 'pkg:gem/nokogiri@1.15.0',
    location: { path: 'Gemfile.lock', startLine: 17, startColumn: 5, endLine: 17, endColumn: 35 },
    direct: true,
    foundBy: 'Gemfile.lock',
  });
  for (const p of inv.packages) assert.equal(p.purl, RUBYGEMS_ECOSYSTEM.purl(p.name, p.version));
});

test('without DEPENDENCIES direct is unknown; an unreadable spec line warns', () => {
  const inv = value(gemfileLock.parse(read('no-dependencies.Gemfile.lock'), 'Gemfile.lock', {}));
  assert.deepEqual(rows(inv), ['rake@13.0.6:4 ?']);
  assert.deepEqual(inv.warnings.map((w) => `${w.code}:${w.location.startLine}`), ['unparsable-spec:5']);
});

test('Windows line endings', () => {
  const inv = value(gemfileLock.parse('GEM\r\n  remote: https://rubygems.org/\r\n  specs:\r\n    rack (2.2.8)\r\n', 'Gemfile.lock', {}));
  assert.deepEqual(rows(inv), ['rack@2.2.8:4 ?']);
});

test('empty file warns; a Gemfile is not a Gemfile.lock', () => {
  assert.deepEqual(value(gemfileLock.parse('\n', 'Gemfile.lock', {})).warnings.map((w) => w.code), ['empty-file']);
  const not = gemfileLock.parse(read('not-gemfile-lock.txt'), 'Gemfile.lock', {});
  assert.ok(!not.ok);
  assert.equal(not.error[0]!.code, 'not-gemfile-lock');
});

test('hostile input: binary junk and a huge single line are errors, not crashes', () => {
  const junk = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  assert.equal(gemfileLock.parse(junk, 'Gemfile.lock', {}).ok, false);
  assert.equal(gemfileLock.parse('G'.repeat(5_000_000), 'Gemfile.lock', {}).ok, false);
  const hugeSpec = value(gemfileLock.parse(`GEM\n  specs:\n    ${'a'.repeat(5_000_000)} (\n`, 'Gemfile.lock', {}));
  assert.deepEqual(hugeSpec.warnings.map((w) => w.code), ['unparsable-spec']);
});
