import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseInstalledPackageJson } from './package-json.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/installed/${name}`, import.meta.url), 'utf8');

test('an installed scoped package, located at its top-level "version" line (not a nested key)', () => {
  const r = parseInstalledPackageJson(fixture('scoped-package.json'), 'node_modules/@babel/core/package.json');
  assert.ok(r.ok && r.value);
  assert.equal(r.value.name, '@babel/core');
  assert.equal(r.value.version, '7.23.9');
  assert.equal(r.value.purl, 'pkg:npm/%40babel/core@7.23.9');
  assert.equal(r.value.location.startLine, 8);
  assert.equal(r.value.foundBy, 'node_modules');
});

test('no name or version: no package; not JSON: an error; a BOM is fine', () => {
  assert.deepEqual(parseInstalledPackageJson('{"private": true, "name": "ws"}', 'p'), { ok: true, value: undefined });
  assert.deepEqual(parseInstalledPackageJson('[1,2]', 'p'), { ok: true, value: undefined });
  const bad = parseInstalledPackageJson('{"name": "x", ', 'node_modules/x/package.json');
  assert.ok(!bad.ok && bad.error.code === 'invalid-json');
  const bom = parseInstalledPackageJson('\ufeff{"name":"x","version":"1.0.0"}', 'p');
  assert.ok(bom.ok && bom.value?.version === '1.0.0');
});
