import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { OsvRecord } from '../osv.js';
import { AdvisoryDb, SCHEMA_VERSION } from './store.js';

const NOW = new Date('2026-11-22T10:00:00Z');

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'palisade-store-'));
  test.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function rec(id: string, ecosystem: string, name: string, extra: Partial<OsvRecord> = {}): OsvRecord {
  return { id, modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem, name }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0' }] }] }], ...extra };
}

function load(db: AdvisoryDb, source: string, records: OsvRecord[], at = NOW): number {
  const w = db.beginSource({ name: source }, at);
  for (const r of records) w.put(r);
  return w.commit();
}

test('a record is found by ecosystem base and the ecosystem-normalised name, and decodes to what was stored', () => {
  const db = AdvisoryDb.open(join(tempDir(), 'osv.sqlite'));
  const r = rec('PYSEC-1', 'PyPI', 'Django_REST.framework', { aliases: ['CVE-2024-1'], details: 'ünïcode ✓' });
  load(db, 'osv:PyPI', [r, rec('DEB-1', 'Debian:12', 'openssl'), rec('GO-1', 'Go', 'github.com/A/B')]);
  assert.deepEqual(db.advisoriesFor('PyPI', 'django-rest-framework'), [r]);
  assert.deepEqual(db.advisoriesFor('PyPI', 'DJANGO.rest_framework').map((x) => x.id), ['PYSEC-1']);
  // The release after the colon is the matcher's business: any Debian release finds the record.
  assert.deepEqual(db.advisoriesFor('Debian:11', 'openssl').map((x) => x.id), ['DEB-1']);
  // Go names are case-sensitive; an unknown ecosystem uses the name as is.
  assert.deepEqual(db.advisoriesFor('Go', 'github.com/a/b'), []);
  assert.deepEqual(db.advisoriesFor('Go', 'github.com/A/B').map((x) => x.id), ['GO-1']);
  assert.deepEqual(db.advisoriesFor('npm', 'nothing'), []);
  assert.deepEqual(db.idsForAlias('CVE-2024-1'), ['PYSEC-1']);
  db.close();
});

test('decoded records are cached per open database: the same object comes back', () => {
  const db = AdvisoryDb.open(join(tempDir(), 'osv.sqlite'));
  load(db, 'x', [rec('A-1', 'npm', 'lodash')]);
  const [a] = db.advisoriesFor('npm', 'lodash');
  const [b] = db.advisoriesFor('npm', 'lodash');
  assert.ok(a !== undefined && a === b);
  db.close();
});

test('a GIT-only record (no package) is indexed under GIT by repository URL; a package record is not', () => {
  const db = AdvisoryDb.open(join(tempDir(), 'osv.sqlite'));
  const git: OsvRecord = { id: 'PSF-1', modified: '2024-01-01T00:00:00Z', affected: [{ ranges: [{ type: 'GIT', repo: 'https://github.com/python/cpython', events: [{ introduced: '0' }] }] }] };
  const both: OsvRecord = { id: 'OSV-1', modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'PyPI', name: 'x' }, ranges: [{ type: 'GIT', repo: 'https://github.com/x/x', events: [{ introduced: '0' }] }] }] };
  load(db, 'x', [git, both]);
  assert.deepEqual(db.advisoriesFor('GIT', 'https://github.com/python/cpython').map((r) => r.id), ['PSF-1']);
  assert.deepEqual(db.status().byEcosystem, { GIT: 1, PyPI: 1 });
  db.close();
});

test('re-importing a source replaces exactly its rows: a record dropped upstream disappears, other sources stay', () => {
  const db = AdvisoryDb.open(join(tempDir(), 'osv.sqlite'));
  load(db, 'osv:npm', [rec('GHSA-1', 'npm', 'a'), rec('GHSA-2', 'npm', 'b', { aliases: ['CVE-2'] })]);
  load(db, 'private:acme', [rec('ACME-1', 'npm', 'a')]);
  assert.equal(load(db, 'osv:npm', [rec('GHSA-1', 'npm', 'a')]), 1);
  assert.deepEqual(db.advisoriesFor('npm', 'a').map((r) => r.id), ['ACME-1', 'GHSA-1']);
  assert.deepEqual(db.advisoriesFor('npm', 'b'), []);
  assert.deepEqual(db.idsForAlias('CVE-2'), []);
  assert.equal(db.status().total, 2);
  db.close();
});

test('the same id from two sources: the last import wins, and its old index rows go with it', () => {
  const db = AdvisoryDb.open(join(tempDir(), 'osv.sqlite'));
  load(db, 'file:/a', [rec('GHSA-1', 'npm', 'old-name')]);
  load(db, 'file:/b', [rec('GHSA-1', 'npm', 'new-name')]);
  assert.deepEqual(db.advisoriesFor('npm', 'old-name'), []);
  assert.deepEqual(db.advisoriesFor('npm', 'new-name').map((r) => r.id), ['GHSA-1']);
  const s = db.status();
  assert.deepEqual(s.sources.map((x) => [x.name, x.records]), [['file:/a', 0], ['file:/b', 1]]);
  // Re-importing /a without the record leaves /b's copy alone.
  load(db, 'file:/a', []);
  assert.deepEqual(db.advisoriesFor('npm', 'new-name').map((r) => r.id), ['GHSA-1']);
  db.close();
});

test('a rolled-back source leaves the previous content, and the cache does not keep uncommitted records', () => {
  const db = AdvisoryDb.open(join(tempDir(), 'osv.sqlite'));
  load(db, 'osv:npm', [rec('GHSA-1', 'npm', 'a')]);
  const w = db.beginSource({ name: 'osv:npm' }, NOW);
  w.put(rec('GHSA-9', 'npm', 'a'));
  assert.deepEqual(db.advisoriesFor('npm', 'a').map((r) => r.id), ['GHSA-9']);
  w.rollback();
  assert.deepEqual(db.advisoriesFor('npm', 'a').map((r) => r.id), ['GHSA-1']);
  assert.throws(() => w.put(rec('X', 'npm', 'a')), /closed/);
  db.close();
});

test('status reports sources, counts per ecosystem, newest modified and last update', () => {
  const path = join(tempDir(), 'osv.sqlite');
  const db = AdvisoryDb.open(path);
  const w = db.beginSource({ name: 'osv:PyPI', url: 'https://example.test/PyPI/all.zip', etag: '"abc"', lastModified: 'Tue, 01 Oct 2024 00:00:00 GMT' }, new Date('2026-11-01T00:00:00Z'));
  w.put(rec('P-1', 'PyPI', 'a', { modified: '2026-01-02T00:00:00Z' }));
  w.put(rec('P-2', 'PyPI', 'b', { withdrawn: '2026-01-03T00:00:00Z', modified: '2026-01-03T00:00:00Z' }));
  w.commit();
  load(db, 'private:acme', [rec('A-1', 'Debian:12', 'x'), rec('A-2', 'Ubuntu:22.04', 'y')], new Date('2026-11-05T00:00:00Z'));
  const s = db.status();
  assert.equal(s.path, path);
  assert.equal(s.schemaVersion, SCHEMA_VERSION);
  assert.ok(s.sizeBytes > 0);
  assert.equal(s.total, 4);
  assert.deepEqual(s.byEcosystem, { Debian: 1, PyPI: 2, Ubuntu: 1 });
  assert.equal(s.newestModified, '2026-01-03T00:00:00Z');
  assert.equal(s.lastUpdate, '2026-11-05T00:00:00.000Z');
  assert.deepEqual(s.sources, [
    { name: 'osv:PyPI', kind: 'osv', records: 2, importedAt: '2026-11-01T00:00:00.000Z', url: 'https://example.test/PyPI/all.zip', etag: '"abc"', lastModified: 'Tue, 01 Oct 2024 00:00:00 GMT' },
    { name: 'private:acme', kind: 'private', records: 2, importedAt: '2026-11-05T00:00:00.000Z' },
  ]);
  // Withdrawn records are returned: the matcher decides what a withdrawal means.
  assert.equal(db.advisoriesFor('PyPI', 'b')[0]?.withdrawn, '2026-01-03T00:00:00Z');
  db.close();
});

test('a database written by a newer schema is refused with a clear message, read-only or not', () => {
  const path = join(tempDir(), 'osv.sqlite');
  AdvisoryDb.open(path).close();
  const raw = new Database(path);
  raw.prepare("UPDATE meta SET value = ? WHERE key = 'schema_version'").run(String(SCHEMA_VERSION + 1));
  raw.close();
  assert.throws(() => AdvisoryDb.open(path), /schema version 2, newer than this Palisade reads \(1\)/);
  assert.throws(() => AdvisoryDb.open(path, { readonly: true }), /newer than this Palisade reads/);
});

test('read-only: a missing file, a foreign SQLite file and a non-SQLite file are clear errors; writes are refused', () => {
  const dir = tempDir();
  assert.throws(() => AdvisoryDb.open(join(dir, 'missing.sqlite'), { readonly: true }), /no advisory database at .*missing\.sqlite/);
  const foreign = join(dir, 'foreign.sqlite');
  const raw = new Database(foreign);
  raw.exec('CREATE TABLE t (x)');
  raw.close();
  assert.throws(() => AdvisoryDb.open(foreign), /not a Palisade advisory database; refusing to write/);
  assert.throws(() => AdvisoryDb.open(foreign, { readonly: true }), /not a Palisade advisory database/);
  const text = join(dir, 'text.sqlite');
  writeFileSync(text, 'hello, this is not a database at all, not even close to one.'.repeat(20));
  assert.throws(() => AdvisoryDb.open(text), /advisory database|not a database/);
  const path = join(dir, 'osv.sqlite');
  AdvisoryDb.open(path).close();
  const ro = AdvisoryDb.open(path, { readonly: true });
  assert.throws(() => ro.beginSource({ name: 'x' }, NOW), /read-only/);
  ro.close();
});

test('a second writer on the same handle is refused while an import is open', () => {
  const db = AdvisoryDb.open(join(tempDir(), 'osv.sqlite'));
  const w = db.beginSource({ name: 'a' }, NOW);
  assert.throws(() => db.beginSource({ name: 'b' }, NOW), /already in progress/);
  w.commit();
  assert.equal(load(db, 'b', []), 0);
  db.close();
});

test('removeSource deletes the source and the advisories it owns', () => {
  const db = AdvisoryDb.open(join(tempDir(), 'osv.sqlite'));
  load(db, 'private:acme', [rec('A-1', 'npm', 'a'), rec('A-2', 'npm', 'b')]);
  load(db, 'osv:npm', [rec('G-1', 'npm', 'a')]);
  assert.equal(db.removeSource('private:acme'), 2);
  assert.deepEqual(db.advisoriesFor('npm', 'a').map((r) => r.id), ['G-1']);
  assert.deepEqual(db.status().sources.map((s) => s.name), ['osv:npm']);
  db.close();
});
