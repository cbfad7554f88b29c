import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Package } from '../../../core/package.js';
import { NUGET_ECOSYSTEM } from '../index.js';
import { lockfileParserFor } from '../../index.js';
import { PACKAGES_LOCK_JSON } from './packages-lock-json.js';
import { SHARED } from '../../_lib/tester/shared.js';

const fixtures = fileURLToPath(new URL('../fixtures/lockfiles/', import.meta.url));
const parse = (name: string): ReturnType<typeof PACKAGES_LOCK_JSON.parse> => PACKAGES_LOCK_JSON.parse(readFileSync(join(fixtures, name), 'utf8'), name, {});
const triple = (p: Package): string => `${p.name}@${p.version}:${p.location.startLine}${p.direct ? ' direct' : ''}`;

test('registry', () => {
  assert.equal(lockfileParserFor('packages.lock.json')?.parser, PACKAGES_LOCK_JSON);
  assert.equal(PACKAGES_LOCK_JSON.matches('package-lock.json'), false);
});

test('v1, several target frameworks and a RID: Project skipped, deduplicated case-insensitively, direct if direct anywhere', () => {
  const r = parse('v1-multi-target.json');
  assert.ok(r.ok);
  assert.deepEqual(r.value.packages.map(triple), [
    'Newtonsoft.Json@13.0.1:5 direct',
    'System.Text.Encodings.Web@4.7.1:11',
    'System.Text.Encodings.Web@8.0.0:29',
    'runtime.linux-x64.Microsoft.NETCore.DotNetAppHost@8.0.1:39',
  ]);
  assert.deepEqual(r.value.packages[0], {
    ecosystem: 'NuGet',
    name: 'Newtonsoft.Json',
    version: '13.0.1',
    purl: 'pkg:nuget/Newtonsoft.Json@13.0.1',
    location: { path: 'v1-multi-target.json', startLine: 5, startColumn: 7, endLine: 5, endColumn: 24 },
    direct: true,
    foundBy: 'packages.lock.json',
  });
  for (const p of r.value.packages) assert.equal(p.purl, NUGET_ECOSYSTEM.purl(p.name, p.version));
  assert.deepEqual(r.value.warnings, []);
});

test('v2: CentralTransitive kept (transitive), an entry without "resolved" is a warning', () => {
  const r = parse('v2-central.json');
  assert.ok(r.ok);
  assert.deepEqual(r.value.packages.map(triple), ['Serilog@3.1.1:5 direct', 'System.Security.Cryptography.Xml@8.0.1:11']);
  assert.deepEqual(r.value.warnings.map((w) => [w.code, w.location.startLine]), [['missing-field', 17]]);
});

test('empty, truncated, not-the-format, unknown version', () => {
  assert.deepEqual(parse('empty.json'), { ok: true, value: { packages: [], warnings: [] } });
  const t = parse('truncated.json');
  assert.equal(t.ok, false);
  if (!t.ok) assert.deepEqual(t.error.map((e) => [e.code, e.location.startLine]), [['syntax-error', 8]]);
  const n = parse('not-a-lockfile.json');
  assert.equal(n.ok, false);
  if (!n.ok) assert.equal(n.error[0]!.code, 'not-the-format');
  for (const text of ['', '[]', 'null', '{"version": "1", "dependencies": {}}', 'version: 1']) assert.equal(PACKAGES_LOCK_JSON.parse(text, 'x', {}).ok, false, text);
  const v3 = PACKAGES_LOCK_JSON.parse('{"version": 3, "dependencies": {"net9.0": {"A": {"type": "Direct", "resolved": "1.0.0"}}}}', 'x', {});
  assert.ok(v3.ok);
  assert.deepEqual(v3.value.warnings.map((w) => w.code), ['unknown-format-version']);
  assert.equal(v3.value.packages.length, 1);
  const badFramework = PACKAGES_LOCK_JSON.parse('{"version": 1,\n"dependencies": {"net8.0": []}}', 'x', {});
  assert.equal(badFramework.ok, false);
  if (!badFramework.ok) assert.deepEqual([badFramework.error[0]!.code, badFramework.error[0]!.location.startLine], ['syntax-error', 2]);
});

const corpus = `${SHARED}/corpus/lockfiles/nuget`;
test('corpus: every packages.lock.json parses; counts match Direct + Transitive entries; hand-checked entries', () => {
  for (const d of readdirSync(corpus)) {
    const text = readFileSync(join(corpus, d, 'packages.lock.json'), 'utf8');
    const r = PACKAGES_LOCK_JSON.parse(text, d, {});
    assert.ok(r.ok, d);
    assert.deepEqual(r.value.warnings, [], d);
    // One target framework per file in this corpus, so nothing deduplicates across frameworks.
    const entries = (text.match(/"type": "(Direct|Transitive|CentralTransitive)"/g) ?? []).length;
    assert.equal(r.value.packages.length, entries, d);
    assert.equal(r.value.packages.filter((p) => p.direct).length, (text.match(/"type": "Direct"/g) ?? []).length, d);
  }
  // By hand: Icons/packages.lock.json line 5 is `"AngleSharp": {` with `"type": "Direct"` and `"resolved": "1.5.2"`.
  const icons = PACKAGES_LOCK_JSON.parse(readFileSync(join(corpus, 'bitwarden__server__src__Icons/packages.lock.json'), 'utf8'), 'i', {});
  assert.ok(icons.ok);
  assert.equal(triple(icons.value.packages[0]!), 'AngleSharp@1.5.2:5 direct');
  assert.equal(icons.value.packages[0]!.location.startColumn, 7);
});
