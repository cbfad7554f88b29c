import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OsvRecord } from '../osv.js';
import { AdvisoryDb } from './store.js';
import { DEFAULT_UPDATE_ECOSYSTEMS, checkAdvisoryUrl, updateFromOsv } from './update.js';
import { buildZip } from './tester/zip-writer.js';

type Mode = 'ok' | 'drop' | 'drop-chunked' | 'stall' | 'garbage' | 'missing';

interface Export {
  etag: string;
  lastModified: string;
  body: Buffer;
  mode: Mode;
}

interface Fixture {
  base: string;
  exports: Map<string, Export>;
  requests: { path: string; headers: IncomingHttpHeaders }[];
  server: Server;
}

function zipOf(ids: string[], ecosystem: string, name: string): Buffer {
  return buildZip(ids.map((id) => ({ name: `${id}.json`, data: JSON.stringify({ id, modified: '2026-01-01T00:00:00Z', affected: [{ package: { ecosystem, name } }] } satisfies OsvRecord) })));
}

/** osv.dev's bucket in miniature: ETag / Last-Modified validators, 304s, and the ways a real download goes wrong. */
async function startServer(): Promise<Fixture> {
  const exports = new Map<string, Export>();
  const requests: Fixture['requests'] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    const ex = exports.get(path);
    if (!ex || ex.mode === 'missing') {
      res.writeHead(404).end('not found');
      return;
    }
    if (req.headers['if-none-match'] === ex.etag) {
      res.writeHead(304, { etag: ex.etag }).end();
      return;
    }
    const headers = { 'content-type': 'application/zip', etag: ex.etag, 'last-modified': ex.lastModified };
    switch (ex.mode) {
      case 'ok':
        res.writeHead(200, { ...headers, 'content-length': ex.body.length }).end(ex.body);
        return;
      case 'garbage':
        res.writeHead(200, { ...headers, 'content-length': 5000 }).end(Buffer.alloc(5000, 0x41));
        return;
      case 'drop':
        // Announce the whole body, send part of it, then cut the connection: a network failure mid-download.
        res.writeHead(200, { ...headers, 'content-length': ex.body.length });
        res.write(ex.body.subarray(0, Math.floor(ex.body.length / 2)), () => setTimeout(() => req.socket.destroy(), 20));
        return;
      case 'drop-chunked':
        res.writeHead(200, headers);
        res.write(ex.body.subarray(0, Math.floor(ex.body.length / 2)), () => setTimeout(() => req.socket.destroy(), 20));
        return;
      case 'stall':
        res.writeHead(200, { ...headers, 'content-length': ex.body.length });
        res.write(ex.body.subarray(0, 100));
        return;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  test.after(() => {
    server.closeAllConnections();
    server.close();
  });
  return { base: `http://127.0.0.1:${port}`, exports, requests, server };
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'palisade-update-'));
  test.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('200 with an ETag imports; the next run sends the validators and a 304 re-imports nothing; a dropped connection keeps the old rows', async () => {
  const srv = await startServer();
  const dir = tempDir();
  const db = AdvisoryDb.open(join(dir, 'osv.sqlite'));
  srv.exports.set('/npm/all.zip', { etag: '"v1"', lastModified: 'Mon, 02 Nov 2026 10:00:00 GMT', body: zipOf(['GHSA-1', 'GHSA-2'], 'npm', 'lodash'), mode: 'ok' });
  const progress: number[] = [];
  const first = await updateFromOsv(db, { ecosystems: ['npm'], baseUrl: srv.base, now: new Date('2026-11-20T00:00:00Z'), cacheDir: dir, onProgress: (e) => progress.push(e.received) });
  assert.deepEqual(first.results.map((r) => [r.ecosystem, r.status, r.records]), [['npm', 'updated', 2]]);
  assert.equal(progress.at(-1), srv.exports.get('/npm/all.zip')!.body.length);
  const src = db.source('osv:npm')!;
  assert.deepEqual([src.kind, src.url, src.etag, src.lastModified, src.importedAt], ['osv', `${srv.base}/npm/all.zip`, '"v1"', 'Mon, 02 Nov 2026 10:00:00 GMT', '2026-11-20T00:00:00.000Z']);

  const second = await updateFromOsv(db, { ecosystems: ['npm'], baseUrl: srv.base, now: new Date('2026-11-21T00:00:00Z'), cacheDir: dir });
  assert.deepEqual(second.results.map((r) => [r.status, r.records]), [['unchanged', 2]]);
  assert.equal(srv.requests[1]!.headers['if-none-match'], '"v1"');
  assert.equal(srv.requests[1]!.headers['if-modified-since'], 'Mon, 02 Nov 2026 10:00:00 GMT');
  // Nothing was re-imported: the import time is still the first one.
  assert.equal(db.source('osv:npm')!.importedAt, '2026-11-20T00:00:00.000Z');

  srv.exports.set('/npm/all.zip', { etag: '"v2"', lastModified: 'Tue, 03 Nov 2026 10:00:00 GMT', body: zipOf(['GHSA-3'], 'npm', 'lodash'), mode: 'drop' });
  const third = await updateFromOsv(db, { ecosystems: ['npm'], baseUrl: srv.base, now: new Date('2026-11-22T00:00:00Z'), cacheDir: dir });
  assert.equal(third.results[0]!.status, 'error');
  assert.equal(third.results[0]!.message, 'terminated (other side closed)');
  assert.deepEqual(db.advisoriesFor('npm', 'lodash').map((r) => r.id), ['GHSA-1', 'GHSA-2']);
  assert.equal(db.source('osv:npm')!.etag, '"v1"');
  assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('.download-')), []);
  db.close();
});

test('one ecosystem failing does not stop the others; each failure keeps its own previous rows', async () => {
  const srv = await startServer();
  const dir = tempDir();
  const db = AdvisoryDb.open(join(dir, 'osv.sqlite'));
  srv.exports.set('/PyPI/all.zip', { etag: '"p1"', lastModified: 'Mon, 02 Nov 2026 10:00:00 GMT', body: zipOf(['PYSEC-1'], 'PyPI', 'django'), mode: 'ok' });
  srv.exports.set('/Go/all.zip', { etag: '"g1"', lastModified: 'Mon, 02 Nov 2026 10:00:00 GMT', body: zipOf(['GO-1'], 'Go', 'example.com/m'), mode: 'ok' });
  await updateFromOsv(db, { ecosystems: ['PyPI', 'Go'], baseUrl: srv.base, now: new Date('2026-11-20T00:00:00Z'), cacheDir: dir });
  srv.exports.set('/PyPI/all.zip', { etag: '"p2"', lastModified: 'Tue, 03 Nov 2026 10:00:00 GMT', body: Buffer.alloc(0), mode: 'garbage' });
  srv.exports.set('/Go/all.zip', { etag: '"g2"', lastModified: 'Tue, 03 Nov 2026 10:00:00 GMT', body: zipOf(['GO-1', 'GO-2'], 'Go', 'example.com/m'), mode: 'drop-chunked' });
  srv.exports.set('/Rocky%20Linux/all.zip', { etag: '"r1"', lastModified: 'Tue, 03 Nov 2026 10:00:00 GMT', body: zipOf(['RLSA-1'], 'Rocky Linux:9', 'openssl'), mode: 'ok' });
  const res = await updateFromOsv(db, { ecosystems: ['PyPI', 'Go', 'Hex', 'Rocky Linux'], baseUrl: `${srv.base}/`, now: new Date('2026-11-21T00:00:00Z'), cacheDir: dir });
  assert.deepEqual(res.results.map((r) => [r.ecosystem, r.status]), [['PyPI', 'error'], ['Go', 'error'], ['Hex', 'error'], ['Rocky Linux', 'updated']]);
  assert.match(res.results[0]!.message!, /PyPI\/all\.zip: not a zip archive \(starts with 41414141\)/);
  assert.match(res.results[2]!.message!, /HTTP 404/);
  assert.equal(res.results[3]!.url, `${srv.base}/Rocky%20Linux/all.zip`);
  // A well-formed zip with no valid record is an error too: a broken export must not empty an ecosystem.
  srv.exports.set('/Go/all.zip', { etag: '"g3"', lastModified: 'Wed, 04 Nov 2026 10:00:00 GMT', body: buildZip([{ name: 'x.json', data: '{}' }]), mode: 'ok' });
  const empty = await updateFromOsv(db, { ecosystems: ['Go'], baseUrl: srv.base, now: new Date('2026-11-22T00:00:00Z'), cacheDir: dir });
  assert.equal(empty.results[0]!.status, 'error');
  assert.match(empty.results[0]!.message!, /no valid OSV records \(1 skipped\)/);
  assert.deepEqual(db.advisoriesFor('PyPI', 'Django').map((r) => r.id), ['PYSEC-1']);
  assert.deepEqual(db.advisoriesFor('Go', 'example.com/m').map((r) => r.id), ['GO-1']);
  assert.deepEqual(db.advisoriesFor('Rocky Linux:9', 'openssl').map((r) => r.id), ['RLSA-1']);
  db.close();
});

test('a download that stalls is abandoned after the idle timeout', async () => {
  const srv = await startServer();
  const dir = tempDir();
  const db = AdvisoryDb.open(join(dir, 'osv.sqlite'));
  srv.exports.set('/npm/all.zip', { etag: '"s"', lastModified: 'Mon, 02 Nov 2026 10:00:00 GMT', body: zipOf(['GHSA-1'], 'npm', 'x'), mode: 'stall' });
  const res = await updateFromOsv(db, { ecosystems: ['npm'], baseUrl: srv.base, now: new Date(), cacheDir: dir, idleTimeoutMs: 300 });
  assert.equal(res.results[0]!.status, 'error');
  assert.match(res.results[0]!.message!, /stalled: no data for 300 ms/);
  assert.equal(db.status().total, 0);
  db.close();
});

test('plain http is refused for anything but loopback, before any request', async () => {
  const dir = tempDir();
  const db = AdvisoryDb.open(join(dir, 'osv.sqlite'));
  let called = false;
  const fetchImpl = (async () => {
    called = true;
    throw new Error('should not be called');
  }) as unknown as typeof fetch;
  await assert.rejects(updateFromOsv(db, { ecosystems: ['npm'], baseUrl: 'http://mirror.example.com/osv', now: new Date(), cacheDir: dir, fetchImpl }), /refusing to download advisories from http:\/\/mirror\.example\.com: use https/);
  await assert.rejects(updateFromOsv(db, { ecosystems: ['npm'], baseUrl: 'ftp://127.0.0.1/', now: new Date(), cacheDir: dir, fetchImpl }), /refusing/);
  assert.equal(called, false);
  assert.equal(checkAdvisoryUrl('https://osv-vulnerabilities.storage.googleapis.com').hostname, 'osv-vulnerabilities.storage.googleapis.com');
  assert.equal(checkAdvisoryUrl('http://localhost:8080/x').port, '8080');
  db.close();
});

test('the default ecosystem list is the registry’s OSV names, and each becomes a URL-encoded path', () => {
  for (const e of ['npm', 'PyPI', 'Go', 'crates.io', 'RubyGems', 'Maven', 'NuGet', 'Packagist', 'Hex', 'Pub', 'Debian', 'Ubuntu', 'Alpine', 'Wolfi', 'Chainguard', 'AlmaLinux', 'Rocky Linux']) {
    assert.ok(DEFAULT_UPDATE_ECOSYSTEMS.includes(e), e);
  }
  assert.equal(new Set(DEFAULT_UPDATE_ECOSYSTEMS).size, DEFAULT_UPDATE_ECOSYSTEMS.length);
});
