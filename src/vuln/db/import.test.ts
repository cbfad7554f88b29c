import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { OsvRecord } from '../osv.js';
import { importPath } from './import.js';
import { AdvisoryDb } from './store.js';
import { buildZip } from './tester/zip-writer.js';
import { SHARED } from '../../ecosystems/_lib/tester/shared.js';

const OSV_DIR = `${SHARED}/data/osv`;
const NOW = new Date('2026-11-22T10:00:00Z');

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'palisade-import-'));
  test.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function rec(id: string, name = 'lodash'): OsvRecord {
  return { id, modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }] }] };
}

const jsonl = (records: unknown[]): string => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

test('all shared OSV files: counts per ecosystem equal counts.json, and a re-import changes nothing', async () => {
  const dir = tempDir();
  const db = AdvisoryDb.open(join(dir, 'osv.sqlite'));
  const counts = (JSON.parse(readFileSync(join(OSV_DIR, 'counts.json'), 'utf8')) as { ecosystems: Record<string, { file: string; records: number }> }).ecosystems;
  const files = readdirSync(OSV_DIR).filter((f) => f.endsWith('.jsonl.gz') && f !== 'provenance.jsonl.gz');
  assert.equal(files.length, Object.keys(counts).length);
  const importAll = async (): Promise<void> => {
    for (const f of files) {
      const eco = f.slice(0, -'.jsonl.gz'.length);
      const res = await importPath(db, join(OSV_DIR, f), { sourceName: `osv:${eco}`, now: NOW });
      assert.deepEqual([res.skipped, res.errors], [[], []], f);
      assert.equal(res.records, counts[eco]!.records, f);
    }
  };
  await importAll();
  const first = db.status();
  const expected = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v.records]));
  assert.deepEqual(first.byEcosystem, expected);
  const total = first.total;
  assert.equal(total, 23805);
  // Spot checks against the files: a withdrawn PyPI record, the Go zero-time quirk, a GHSA with several entries.
  const log4j = db.advisoriesFor('Maven', 'org.apache.logging.log4j:log4j-core').map((r) => r.id);
  assert.ok(log4j.includes('GHSA-jfh8-c2jp-5v3q'), log4j.join());
  assert.equal(db.advisory('GO-2020-0001')?.modified, '0001-01-01T00:00:00Z');
  await importAll();
  const again = db.status();
  assert.deepEqual([again.total, again.byEcosystem], [total, expected]);
  db.close();
});

test('provenance.jsonl.gz (not OSV records) is reported line by line, capped, and adds nothing', async () => {
  const db = AdvisoryDb.open(join(tempDir(), 'osv.sqlite'));
  const res = await importPath(db, join(OSV_DIR, 'provenance.jsonl.gz'), { now: NOW });
  assert.equal(res.records, 0);
  assert.deepEqual(res.errors, []);
  const lines = gunzipSync(readFileSync(join(OSV_DIR, 'provenance.jsonl.gz'))).toString('utf8').split('\n').filter((l) => l !== '').length;
  assert.equal(res.skipped.length, 1001);
  assert.deepEqual(res.skipped[0], { where: `${OSV_DIR}/provenance.jsonl.gz:1`, reason: 'GO-2020-0001: missing "modified"' });
  assert.equal(res.skipped[1000]!.reason, `${lines - 1000} more records skipped (only the first 1000 are listed)`);
  db.close();
});

test('formats: one record, a pretty-printed record, a JSON array, JSON-lines with bad lines, gzip detected by content', async () => {
  const dir = tempDir();
  const db = AdvisoryDb.open(join(dir, 'osv.sqlite'));
  writeFileSync(join(dir, 'one.json'), JSON.stringify(rec('A-1')));
  writeFileSync(join(dir, 'pretty.json'), JSON.stringify(rec('A-2'), null, 2));
  writeFileSync(join(dir, 'array.json'), JSON.stringify([rec('A-3'), { id: 'no-modified' }, 42]));
  writeFileSync(join(dir, 'lines.jsonl'), `${JSON.stringify(rec('A-4'))}\r\n\n{"id": broken\n${JSON.stringify({ modified: 'x' })}\n${JSON.stringify(rec('A-5'))}`);
  // A gzip named .json: the magic bytes decide, not the extension.
  writeFileSync(join(dir, 'zipped.json'), gzipSync(jsonl([rec('A-6'), rec('A-7')])));
  const results = [];
  for (const f of ['one.json', 'pretty.json', 'array.json', 'lines.jsonl', 'zipped.json']) results.push(await importPath(db, join(dir, f), { now: NOW }));
  assert.deepEqual(results.map((r) => r.records), [1, 1, 1, 2, 2]);
  assert.deepEqual(results[2]!.skipped, [
    { where: `${dir}/array.json[1]`, reason: 'no-modified: missing "modified"' },
    { where: `${dir}/array.json[2]`, reason: 'not a JSON object' },
  ]);
  assert.deepEqual(results[3]!.skipped.map((s) => s.where), [`${dir}/lines.jsonl:3`, `${dir}/lines.jsonl:4`]);
  assert.match(results[3]!.skipped[0]!.reason, /^invalid JSON/);
  assert.equal(results[3]!.skipped[1]!.reason, 'missing "id"');
  assert.equal(results[0]!.source, `file:${dir}/one.json`);
  assert.equal(db.advisoriesFor('npm', 'lodash').length, 7);
  db.close();
});

test('a directory is imported recursively as one source; unrelated files are ignored; a symlinked directory is not followed', async () => {
  const dir = tempDir();
  const root = join(dir, 'advisories');
  mkdirSync(join(root, 'npm', 'deep'), { recursive: true });
  writeFileSync(join(root, 'npm', 'A-1.json'), JSON.stringify(rec('A-1')));
  writeFileSync(join(root, 'npm', 'deep', 'more.jsonl.gz'), gzipSync(jsonl([rec('A-2'), rec('A-3')])));
  writeFileSync(join(root, 'all.zip'), buildZip([{ name: 'A-4.json', data: JSON.stringify(rec('A-4')) }]));
  writeFileSync(join(root, 'README.md'), '# not an advisory');
  symlinkSync(root, join(root, 'loop'));
  const db = AdvisoryDb.open(join(dir, 'osv.sqlite'));
  const res = await importPath(db, root, { sourceName: 'private:acme', now: NOW });
  assert.deepEqual(res.errors, []);
  assert.deepEqual(res.skipped, [{ where: join(root, 'loop'), reason: 'symbolic link to a directory, not followed' }]);
  assert.equal(res.records, 4);
  assert.deepEqual(db.status().sources.map((s) => [s.name, s.kind, s.records, s.path]), [['private:acme', 'private', 4, root]]);
  db.close();
});

test('a zip with valid and invalid entries: the valid ones are imported, each invalid one is named', async () => {
  const dir = tempDir();
  const zip = join(dir, 'all.zip');
  writeFileSync(
    zip,
    buildZip([
      { name: 'GHSA-1.json', data: JSON.stringify(rec('GHSA-1')) },
      { name: 'broken.json', data: '{"id": "GHSA-2", ' },
      { name: 'dir/', data: '', method: 'store' },
      { name: 'GHSA-3.json', data: JSON.stringify(rec('GHSA-3')), method: 'store' },
      { name: 'nomod.json', data: JSON.stringify({ id: 'GHSA-4' }) },
    ]),
  );
  const db = AdvisoryDb.open(join(dir, 'osv.sqlite'));
  const res = await importPath(db, zip, { sourceName: 'osv:npm', now: NOW });
  assert.equal(res.records, 2);
  assert.deepEqual(res.errors, []);
  assert.deepEqual(res.skipped.map((s) => s.where), [`${zip}!broken.json`, `${zip}!nomod.json`]);
  assert.equal(res.skipped[1]!.reason, 'GHSA-4: missing "modified"');
  db.close();
});

test('zip bomb: an entry that declares a tiny size but inflates past the cap is refused, and nothing is written', async () => {
  const dir = tempDir();
  const db = AdvisoryDb.open(join(dir, 'osv.sqlite'));
  await importPath(db, (writeFileSync(join(dir, 'ok.json'), JSON.stringify(rec('OLD-1'))), join(dir, 'ok.json')), { sourceName: 'osv:npm', now: NOW });
  const bomb = join(dir, 'bomb.zip');
  writeFileSync(bomb, buildZip([{ name: 'fine.json', data: JSON.stringify(rec('NEW-1')) }, { name: 'bomb.json', data: Buffer.alloc(65 * 1024 * 1024, 0x20), declaredSize: 120 }]));
  const res = await importPath(db, bomb, { sourceName: 'osv:npm', now: NOW });
  assert.equal(res.records, 0);
  assert.equal(res.errors.length, 1);
  assert.equal(res.errors[0]!.where, bomb);
  assert.match(res.errors[0]!.reason, /^entry bomb\.json: .*(too many bytes|limit)/);
  assert.deepEqual(db.advisoriesFor('npm', 'lodash').map((r) => r.id), ['OLD-1']);
  // An entry that honestly declares more than the per-entry cap is refused before it is inflated.
  const big = join(dir, 'big.zip');
  writeFileSync(big, buildZip([{ name: 'big.json', data: Buffer.alloc(2048, 0x20) }]));
  const r2 = await importPath(db, big, { now: NOW, limits: { maxEntryBytes: 1024 } });
  assert.match(r2.errors[0]!.reason, /entry big\.json declares 2048 bytes, over the per-entry limit of 1024/);
  db.close();
});

test('zip bomb: 10,000 entries declaring 1 MiB each are refused on the declared total, before inflating; an entry cap applies too', async () => {
  const dir = tempDir();
  const mib = Buffer.alloc(1024 * 1024, 0x20);
  const zip = join(dir, 'many.zip');
  writeFileSync(zip, buildZip(Array.from({ length: 10_000 }, (_, i) => ({ name: `e${i}.json`, data: mib }))));
  const db = AdvisoryDb.open(join(dir, 'osv.sqlite'));
  const started = performance.now();
  const res = await importPath(db, zip, { now: NOW });
  assert.equal(res.records, 0);
  assert.match(res.errors[0]!.reason, /entries declare more than 8589934592 bytes in total/);
  // Refused from the directory alone: inflating 8 GiB would take far longer than this.
  assert.ok(performance.now() - started < 20_000);
  const capped = await importPath(db, zip, { now: NOW, limits: { maxEntries: 5000 } });
  assert.match(capped.errors[0]!.reason, /has 10000 entries, over the limit of 5000/);
  db.close();
});

test('a truncated gzip is an error naming the file, and the previous rows of the source survive', async () => {
  const dir = tempDir();
  const db = AdvisoryDb.open(join(dir, 'osv.sqlite'));
  const good = join(dir, 'npm.jsonl.gz');
  writeFileSync(good, gzipSync(jsonl([rec('OLD-1'), rec('OLD-2')])));
  assert.equal((await importPath(db, good, { sourceName: 'osv:npm', now: NOW })).records, 2);
  const full = gzipSync(jsonl(Array.from({ length: 5000 }, (_, i) => rec(`NEW-${i}`, `pkg-${i}`))));
  const cut = join(dir, 'cut.jsonl.gz');
  writeFileSync(cut, full.subarray(0, Math.floor(full.length * 0.6)));
  const res = await importPath(db, cut, { sourceName: 'osv:npm', now: NOW });
  assert.deepEqual(res.errors, [{ where: cut, reason: 'truncated gzip data (unexpected end of file)' }]);
  assert.equal(res.records, 0);
  assert.deepEqual(db.advisoriesFor('npm', 'lodash').map((r) => r.id), ['OLD-1', 'OLD-2']);
  assert.deepEqual(db.advisoriesFor('npm', 'pkg-1'), []);
  assert.equal(db.status().total, 2);
  db.close();
});

test('an import that dies mid-way (the caller throws from onProgress) leaves the previous content intact', async () => {
  const dir = tempDir();
  const db = AdvisoryDb.open(join(dir, 'osv.sqlite'));
  const file = join(dir, 'big.jsonl');
  writeFileSync(file, jsonl([rec('OLD-1')]));
  await importPath(db, file, { sourceName: 'osv:npm', now: NOW });
  writeFileSync(file, jsonl(Array.from({ length: 3000 }, (_, i) => rec(`NEW-${i}`))));
  await assert.rejects(
    importPath(db, file, {
      sourceName: 'osv:npm',
      now: NOW,
      onProgress: (n) => {
        if (n >= 2000) throw new Error('killed');
      },
    }),
    /killed/,
  );
  assert.deepEqual(db.advisoriesFor('npm', 'lodash').map((r) => r.id), ['OLD-1']);
  // The handle is usable again afterwards.
  assert.equal((await importPath(db, file, { sourceName: 'osv:npm', now: NOW })).records, 3000);
  db.close();
});

test('an interrupted import leaves the file on disk as it was for another reader', async () => {
  const dir = tempDir();
  const path = join(dir, 'osv.sqlite');
  const db = AdvisoryDb.open(path);
  const file = join(dir, 'a.jsonl');
  writeFileSync(file, jsonl([rec('OLD-1')]));
  await importPath(db, file, { sourceName: 'osv:npm', now: NOW });
  writeFileSync(file, jsonl(Array.from({ length: 1500 }, (_, i) => rec(`NEW-${i}`))));
  let seenByReader: string[] = [];
  await assert.rejects(
    importPath(db, file, {
      sourceName: 'osv:npm',
      now: NOW,
      onProgress: () => {
        // A scan in another process opens the file while the import is half done: it sees the old data.
        const reader = AdvisoryDb.open(path, { readonly: true });
        seenByReader = reader.advisoriesFor('npm', 'lodash').map((r) => r.id);
        reader.close();
        throw new Error('interrupted');
      },
    }),
    /interrupted/,
  );
  assert.deepEqual(seenByReader, ['OLD-1']);
  db.close();
  const reopened = AdvisoryDb.open(path, { readonly: true });
  assert.deepEqual(reopened.advisoriesFor('npm', 'lodash').map((r) => r.id), ['OLD-1']);
  reopened.close();
});

test('a missing path and a non-JSON file are reported, not thrown', async () => {
  const dir = tempDir();
  const db = AdvisoryDb.open(join(dir, 'osv.sqlite'));
  const missing = await importPath(db, join(dir, 'nope.json'), { now: NOW });
  assert.equal(missing.errors.length, 1);
  assert.match(missing.errors[0]!.reason, /ENOENT/);
  writeFileSync(join(dir, 'notes.json'), 'hello world');
  const notJson = await importPath(db, join(dir, 'notes.json'), { now: NOW });
  assert.deepEqual(notJson.errors, []);
  assert.equal(notJson.skipped.length, 1);
  assert.match(notJson.skipped[0]!.reason, /^invalid JSON/);
  db.close();
});

test('round trip: a record comes back byte-identical to the compact JSON it was imported from', async () => {
  const dir = tempDir();
  const line = gunzipSync(readFileSync(join(OSV_DIR, 'crates.io.jsonl.gz'))).toString('utf8').split('\n')[0]!;
  writeFileSync(join(dir, 'one.jsonl'), line + '\n');
  const db = AdvisoryDb.open(join(dir, 'osv.sqlite'));
  await importPath(db, join(dir, 'one.jsonl'), { now: NOW });
  const id = (JSON.parse(line) as OsvRecord).id;
  assert.equal(JSON.stringify(db.advisory(id)), line);
  db.close();
});
