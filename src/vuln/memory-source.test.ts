import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryAdvisorySource } from './memory-source.js';
import type { OsvRecord } from './osv.js';

test('indexes by ecosystem base and normalised name, once per record', () => {
  const r: OsvRecord = {
    id: 'PYSEC-1', modified: '',
    affected: [{ package: { ecosystem: 'PyPI', name: 'Foo_Bar' } }, { package: { ecosystem: 'PyPI', name: 'foo-bar' } }, { package: { ecosystem: 'Debian:12', name: 'foo' } }],
  };
  const s = new MemoryAdvisorySource([r]);
  assert.deepEqual(s.advisoriesFor('PyPI', 'foo.bar').map((x) => x.id), ['PYSEC-1']);
  assert.deepEqual(s.advisoriesFor('Debian:11', 'foo').map((x) => x.id), ['PYSEC-1']); // release is the matcher's business
  assert.deepEqual(s.advisoriesFor('npm', 'foo-bar'), []);
  assert.deepEqual(s.advisoriesFor('Debian', 'Foo'), []); // Debian names are not case-folded
});
