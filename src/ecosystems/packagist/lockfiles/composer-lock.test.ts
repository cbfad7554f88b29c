import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Inventory, ParseIssue } from '../../../core/package.js';
import type { Result } from '../../../core/result.js';
import { PACKAGIST_ECOSYSTEM } from '../index.js';
import { composerLock } from './composer-lock.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/lockfiles');
const read = (f: string) => readFileSync(join(FIXTURES, f), 'utf8');

function value(r: Result<Inventory, ParseIssue[]>): Inventory {
  assert.ok(r.ok, `expected ok, got ${JSON.stringify(!r.ok && r.error)}`);
  return r.value;
}

test('matches composer.lock only', () => {
  assert.equal(composerLock.matches('composer.lock'), true);
  for (const f of ['composer.json', 'Composer.lock']) assert.equal(composerLock.matches(f), false, f);
});

test('packages and packages-dev (dev); v-prefixed versions kept; branch versions and nameless entries warn', () => {
  const inv = value(composerLock.parse(read('composer.lock'), 'composer.lock', {}));
  assert.deepEqual(
    inv.packages.map((p) => `${p.name}@${p.version}:${p.location.startLine}${p.dev ? ' dev' : ''}`),
    // guzzle is listed again under packages-dev (line 40): reported once, not dev.
    ['guzzlehttp/guzzle@7.8.0:8', 'Symfony/Console@v6.3.4:18', 'phpunit/phpunit@10.3.2:35 dev'],
  );
  assert.deepEqual(inv.warnings.map((w) => `${w.code}:${w.location.startLine}:${w.location.startColumn}`), ['branch-version:23:13', 'branch-version:28:13', 'incomplete-entry:43:9']);
  assert.deepEqual(inv.packages[1], {
    ecosystem: 'Packagist',
    name: 'Symfony/Console',
    version: 'v6.3.4',
    purl: 'pkg:composer/symfony/console@v6.3.4',
    location: { path: 'composer.lock', startLine: 18, startColumn: 13, endLine: 18, endColumn: 38 },
    dev: false,
    foundBy: 'composer.lock',
  });
  for (const p of inv.packages) assert.equal(p.purl, PACKAGIST_ECOSYSTEM.purl(p.name, p.version));
});

test('empty file warns; composer.json and broken JSON are errors', () => {
  assert.deepEqual(value(composerLock.parse('', 'composer.lock', {})).warnings.map((w) => w.code), ['empty-file']);
  const manifest = composerLock.parse(read('composer.json'), 'composer.lock', {});
  assert.ok(!manifest.ok);
  assert.equal(manifest.error[0]!.code, 'not-composer-lock');
  const broken = composerLock.parse('{"packages": [', 'composer.lock', {});
  assert.ok(!broken.ok);
  assert.equal(broken.error[0]!.code, 'invalid-json');
});

test('hostile input: binary junk and a huge single line are errors, not crashes', () => {
  const junk = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  assert.equal(composerLock.parse(junk, 'composer.lock', {}).ok, false);
  assert.equal(composerLock.parse('['.repeat(1_000_000), 'composer.lock', {}).ok, false);
  const longName = `{"packages": [{"name": "${'a'.repeat(1_000_000)}", "version": "1.0.0"}]}`;
  assert.equal(value(composerLock.parse(longName, 'composer.lock', {})).packages.length, 1);
});
