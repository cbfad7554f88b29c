import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Inventory, ParseIssue } from '../../../core/package.js';
import type { Result } from '../../../core/result.js';
import { pipfileLock } from './pipfile-lock.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/lockfiles/pipfile');
const read = (f: string) => readFileSync(join(FIXTURES, f), 'utf8');

function value(r: Result<Inventory, ParseIssue[]>): Inventory {
  assert.ok(r.ok, `expected ok, got ${JSON.stringify(!r.ok && r.error)}`);
  return r.value;
}

test('matches Pipfile.lock only', () => {
  assert.equal(pipfileLock.matches('Pipfile.lock'), true);
  for (const f of ['Pipfile', 'pipfile.lock']) assert.equal(pipfileLock.matches(f), false, f);
});

test('default and develop (dev); a package in both is not dev; git entries warn', () => {
  const inv = value(pipfileLock.parse(read('Pipfile.lock'), 'Pipfile.lock', {}));
  assert.deepEqual(
    inv.packages.map((p) => `${p.name}@${p.version}:${p.location.startLine}:${p.location.startColumn}${p.dev ? ' dev' : ''}`),
    ['requests@2.31.0:19:9', 'Django@4.2.1:27:9', 'pytest@7.4.0:36:9 dev'],
  );
  assert.deepEqual(inv.warnings.map((w) => `${w.code}:${w.location.startLine}`), ['not-pinned:30']);
  assert.match(inv.warnings[0]!.message, /mylib is a VCS, path or file dependency/);
  assert.equal(inv.packages[1]!.purl, 'pkg:pypi/django@4.2.1');
});

test('empty file: no packages, one warning; JSON that is not a Pipfile.lock, and truncated JSON, are errors', () => {
  assert.deepEqual(value(pipfileLock.parse('', 'Pipfile.lock', {})).warnings.map((w) => w.code), ['empty-file']);
  const not = pipfileLock.parse(read('not-pipfile.json'), 'Pipfile.lock', {});
  assert.ok(!not.ok);
  assert.equal(not.error[0]!.code, 'not-pipfile-lock');
  const truncated = pipfileLock.parse(read('truncated.json'), 'Pipfile.lock', {});
  assert.ok(!truncated.ok);
  assert.equal(truncated.error[0]!.code, 'invalid-json');
  assert.equal(pipfileLock.parse('[1, 2]', 'Pipfile.lock', {}).ok, false);
});

test('hostile input: binary junk, a huge single line and deep nesting are errors, not crashes', () => {
  const junk = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  assert.equal(pipfileLock.parse(junk, 'Pipfile.lock', {}).ok, false);
  assert.equal(pipfileLock.parse('{'.repeat(1_000_000), 'Pipfile.lock', {}).ok, false);
  // Whether V8's JSON.parse accepts 200,000 levels depends on its stack; either way the answer is a result, not a throw.
  const deep = pipfileLock.parse(`{"default": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`, 'Pipfile.lock', {});
  assert.equal(typeof deep.ok, 'boolean');
  const nested = value(pipfileLock.parse(`{"_meta": {}, "default": ${'['.repeat(5_000)}${']'.repeat(5_000)}}`, 'Pipfile.lock', {}));
  assert.deepEqual(nested.warnings.map((w) => `${w.code}:${w.location.startLine}:${w.location.startColumn}`), ['invalid-group:1:15']);
});
