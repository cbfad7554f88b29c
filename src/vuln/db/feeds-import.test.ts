import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { debianListKind, importAlpineSecdb, importDebianTracker } from './feeds-import.js';
import { AdvisoryDb } from './store.js';
import { SHARED } from '../../ecosystems/_lib/tester/shared.js';

const TRACKER = `${SHARED}/data/osv/non-osv/debian-security-tracker`;
const SECDB = `${SHARED}/data/osv/non-osv/alpine-secdb`;
const NOW = new Date('2026-11-22T10:00:00Z');

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'palisade-feeds-'));
  test.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('the three Debian tracker lists import as one source, found by package and CVE', async () => {
  const db = AdvisoryDb.open(join(tempDir(), 'osv.sqlite'));
  const res = await importDebianTracker(db, ['DSA', 'DLA', 'DTSA'].map((k) => `${TRACKER}/${k}.list`), { now: NOW });
  assert.deepEqual(res.errors, []);
  assert.equal(res.source, 'debian-tracker');
  assert.equal(res.records, 5406 + 3534 + 208);
  assert.equal(res.skipped.length, 4); // woody, sarge, etch in DSA; etch in DTSA
  assert.ok(res.skipped.every((s) => /\.list:\d+$/.test(s.where)));
  assert.ok(db.advisoriesFor('Debian:11', 'xorg-server').some((r) => r.id === 'DSA-5380-1'));
  assert.ok(db.idsForAlias('CVE-2023-1393').includes('DSA-5380-1'));
  const s = db.status();
  assert.deepEqual(s.sources.map((x) => [x.name, x.kind, x.records]), [['debian-tracker', 'debian-tracker', 9148]]);
  assert.deepEqual(Object.keys(s.byEcosystem), ['Debian']);
  db.close();
});

test('Alpine secdb directories import as one merged source; a re-import replaces it', async () => {
  const db = AdvisoryDb.open(join(tempDir(), 'osv.sqlite'));
  const res = await importAlpineSecdb(db, SECDB, { now: NOW });
  assert.deepEqual(res.errors, []);
  assert.equal(res.records, 2431);
  assert.ok(res.skipped.length > 0 && res.skipped.every((s) => /\/v3\.\d+\/(main|community)\.yaml:\d+$/.test(s.where)));
  const ansible = db.advisoriesFor('Alpine:v3.10', 'ansible').find((r) => r.id === 'ALPINE-CVE-2019-10206')!;
  assert.equal(ansible.affected!.length, 5);
  assert.deepEqual(db.idsForAlias('CVE-2019-10206'), ['ALPINE-CVE-2019-10206']);
  const again = await importAlpineSecdb(db, [`${SECDB}/v3.10`], { now: NOW });
  // v3.10 main (1095 CVEs) and community; every other release's entries are gone with the old source rows.
  assert.ok(again.records > 1095 && again.records < 2431, String(again.records));
  assert.equal(db.status().total, again.records);
  assert.deepEqual(db.advisoriesFor('Alpine:v3.10', 'ansible').find((r) => r.id === 'ALPINE-CVE-2019-10206')?.affected?.map((a) => a.package?.ecosystem), ['Alpine:v3.10']);
  db.close();
});

test('an unreadable feed file fails the import and keeps the previous rows', async () => {
  const dir = tempDir();
  const db = AdvisoryDb.open(join(dir, 'osv.sqlite'));
  await importDebianTracker(db, [`${TRACKER}/DTSA.list`], { now: NOW });
  const res = await importDebianTracker(db, [`${TRACKER}/DSA.list`, join(dir, 'missing.list')], { now: NOW });
  assert.equal(res.records, 0);
  assert.equal(res.errors.length, 1);
  assert.match(res.errors[0]!.reason, /ENOENT/);
  assert.equal(db.status().total, 208);
  writeFileSync(join(dir, 'notes.txt'), 'nothing to see\n');
  const notList = await importDebianTracker(db, [join(dir, 'notes.txt')], { now: NOW });
  assert.match(notList.errors[0]!.reason, /not a Debian security tracker list/);
  mkdirSync(join(dir, 'empty'));
  const none = await importAlpineSecdb(db, join(dir, 'empty'), { now: NOW });
  assert.match(none.errors[0]!.reason, /no secdb files/);
  assert.equal(db.status().total, 208);
  db.close();
});

test('the list kind comes from the tracker layout, the file name or the first id', () => {
  assert.equal(debianListKind('/t/data/DSA/list', ''), 'DSA');
  assert.equal(debianListKind('/t/DLA.list', ''), 'DLA');
  assert.equal(debianListKind('/t/whatever', '[August 26th, 2005] DTSA-1-1 kismet - various\n'), 'DTSA');
  assert.equal(debianListKind('/t/whatever', 'hello'), undefined);
});
