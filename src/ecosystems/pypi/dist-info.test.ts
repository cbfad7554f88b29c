import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parsePythonMetadata } from './dist-info.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/dist-info/${name}`, import.meta.url), 'utf8');

test('METADATA: Name and Version from the headers only; purl normalised, name as written', () => {
  const r = parsePythonMetadata(fixture('METADATA'), 'site-packages/Flask_SQLAlchemy-3.1.1.dist-info/METADATA', 'python-dist-info');
  assert.ok(r.ok);
  assert.equal(r.value.name, 'Flask_SQLAlchemy');
  assert.equal(r.value.version, '3.1.1');
  assert.equal(r.value.purl, 'pkg:pypi/flask-sqlalchemy@3.1.1');
  assert.equal(r.value.location.startLine, 2);
});

test('PKG-INFO with CRLF; headers without a Version are an error', () => {
  const r = parsePythonMetadata('Metadata-Version: 1.0\r\nName: six\r\nVersion: 1.16.0\r\n', 'six.egg-info/PKG-INFO', 'python-egg-info');
  assert.ok(r.ok && r.value.version === '1.16.0' && r.value.foundBy === 'python-egg-info');
  const bad = parsePythonMetadata('Name: six\n\nVersion: 1.0\n', 'x', 'python-egg-info');
  assert.ok(!bad.ok && /without Version/.test(bad.error.message));
});
