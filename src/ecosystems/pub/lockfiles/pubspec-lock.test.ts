import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Package } from '../../../core/package.js';
import { PUB_ECOSYSTEM } from '../index.js';
import { lockfileParserFor } from '../../index.js';
import { PUBSPEC_LOCK } from './pubspec-lock.js';
import { SHARED } from '../../_lib/tester/shared.js';

const fixtures = fileURLToPath(new URL('../fixtures/lockfiles/', import.meta.url));
const parse = (name: string): ReturnType<typeof PUBSPEC_LOCK.parse> => PUBSPEC_LOCK.parse(readFileSync(join(fixtures, name), 'utf8'), name, {});
const triple = (p: Package): string => `${p.name}@${p.version}:${p.location.startLine}${p.direct ? ' direct' : ''}${p.dev ? ' dev' : ''}`;

test('registry', () => {
  assert.equal(lockfileParserFor('pubspec.lock')?.parser, PUBSPEC_LOCK);
  assert.equal(PUBSPEC_LOCK.matches('pubspec.yaml'), false);
});

test('pubspec.lock: sdk and path skipped, git kept, direct/dev from "dependency", versions as written', () => {
  const r = parse('pubspec.lock');
  assert.ok(r.ok);
  assert.deepEqual(r.value.packages.map(triple), [
    'args@2.4.2:4',
    'http@1.1.0:17 direct',
    'mocktail@1.0.0:32 direct dev',
    'meta@1.10.0:40 direct',
    // Unquoted `version: 1.10` stays "1.10", not the number 1.1.
    'quoted_name@1.10:48',
    'some_fork@0.4.0:55 direct',
  ]);
  assert.deepEqual(r.value.packages[1], {
    ecosystem: 'Pub',
    name: 'http',
    version: '1.1.0',
    purl: 'pkg:pub/http@1.1.0',
    location: { path: 'pubspec.lock', startLine: 17, startColumn: 3, endLine: 17, endColumn: 7 },
    direct: true,
    foundBy: 'pubspec.lock',
  });
  assert.equal(r.value.packages[4]!.location.startColumn, 4);
  for (const p of r.value.packages) assert.equal(p.purl, PUB_ECOSYSTEM.purl(p.name, p.version));
  assert.deepEqual(r.value.warnings.map((w) => [w.code, w.location.startLine]), [['missing-field', 64]]);
});

test('empty, duplicate keys, broken YAML, not-the-format', () => {
  assert.deepEqual(parse('empty.pubspec.lock'), { ok: true, value: { packages: [], warnings: [] } });
  assert.deepEqual(PUBSPEC_LOCK.parse('', 'x', {}), { ok: true, value: { packages: [], warnings: [] } });
  assert.deepEqual(PUBSPEC_LOCK.parse('packages:\n', 'x', {}), { ok: true, value: { packages: [], warnings: [] } });
  const dup = parse('duplicate-key.pubspec.lock');
  assert.equal(dup.ok, false);
  if (!dup.ok) assert.deepEqual(dup.error.map((e) => [e.code, e.location.startLine]), [['syntax-error', 5]]);
  const broken = parse('broken.pubspec.lock');
  assert.equal(broken.ok, false);
  if (!broken.ok) assert.equal(broken.error[0]!.code, 'syntax-error');
  for (const text of ['name: my_app\ndependencies:\n  http: ^1.0.0\n', '[1, 2]', 'packages: [a, b]', 'packages:\n  a: 1\n']) {
    assert.equal(PUBSPEC_LOCK.parse(text, 'x', {}).ok, false, text);
  }
});

test('an alias bomb is not expanded', () => {
  const levels = Array.from({ length: 9 }, (_, i) => `x${i + 1}: &x${i + 1} [${Array(10).fill(`*x${i}`).join(', ')}]`);
  const text = `x0: &x0 "lol"\n${levels.join('\n')}\npackages:\n  a:\n    version: "1.0.0"\n    description: *x9\n    source: hosted\n`;
  const t0 = performance.now();
  const r = PUBSPEC_LOCK.parse(text, 'x', {});
  assert.ok(performance.now() - t0 < 1000);
  assert.ok(r.ok);
  assert.deepEqual(r.value.packages.map(triple), ['a@1.0.0:12']);
});

const corpus = `${SHARED}/corpus/lockfiles/pub`;
test('corpus: every pubspec.lock parses; counts = entries minus sdk/path; hand-checked entries', () => {
  for (const d of readdirSync(corpus)) {
    const text = readFileSync(join(corpus, d, 'pubspec.lock'), 'utf8');
    const r = PUBSPEC_LOCK.parse(text, d, {});
    assert.ok(r.ok, d);
    assert.deepEqual(r.value.warnings, [], d);
    const entries = (text.match(/^ {4}source: /gm) ?? []).length;
    const skipped = (text.match(/^ {4}source: (sdk|path)$/gm) ?? []).length;
    assert.equal(r.value.packages.length, entries - skipped, d);
    for (const p of r.value.packages) assert.equal(text.split('\n')[p.location.startLine - 1], `  ${p.name}:`, `${d} ${p.name}`);
  }
  // By hand: localsend/pubspec.lock line 4 is `  _fe_analyzer_shared:` (transitive, "93.0.0"), line 12 `  analyzer:` ("10.0.1").
  const ls = PUBSPEC_LOCK.parse(readFileSync(join(corpus, 'localsend__localsend/pubspec.lock'), 'utf8'), 'l', {});
  assert.ok(ls.ok);
  assert.deepEqual(ls.value.packages.slice(0, 2).map(triple), ['_fe_analyzer_shared@93.0.0:4', 'analyzer@10.0.1:12']);
});
