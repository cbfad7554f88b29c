import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, it } from 'node:test';
import { createGzip, gzipSync } from 'node:zlib';
import { scanImage } from './index.js';
import type { ImageFileEntry, ImageScanResult } from './index.js';
import { LAYER_GZ, LAYER_TAR, LAYER_ZSTD, OCI_CONFIG, OCI_INDEX, OCI_MANIFEST, gz, oci, plain, putBlob, putImage, sha, tarOf, tmp, writeIndex, type E } from './test-image.js';
/** Pack a directory tree (files only) into a tar file. */
async function tarDir(dir: string, out: string): Promise<void> {
  const entries: E[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const ent of await readdir(d, { withFileTypes: true })) {
      const full = join(d, ent.name);
      if (ent.isDirectory()) await walk(full);
      else entries.push({ name: relative(dir, full), content: await readFile(full) });
    }
  };
  await walk(dir);
  await writeFile(out, await tarOf(entries));
}

interface Seen {
  entries: ImageFileEntry[];
  contents: Map<string, string>;
  result: ImageScanResult;
}

async function scan(source: string, opts?: Parameters<typeof scanImage>[2]): Promise<Seen> {
  const entries: ImageFileEntry[] = [];
  const contents = new Map<string, string>();
  const result = await scanImage(
    source,
    async (e) => {
      entries.push({ ...e, stream: undefined });
      if (e.stream) {
        const chunks: Buffer[] = [];
        for await (const c of e.stream) chunks.push(Buffer.from(c as Buffer));
        contents.set(`${e.layer}:${e.path}`, Buffer.concat(chunks).toString('utf8'));
      }
    },
    opts,
  );
  return { entries, contents, result };
}

const codes = (r: ImageScanResult, level?: 'error' | 'warning'): string[] => r.issues.filter((i) => !level || i.level === level).map((i) => i.code);

// The three-layer image of the brief.
const SECRET = 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
async function threeLayers(): Promise<Buffer[]> {
  return [
    await tarOf([
      { name: 'etc/', type: 'directory' },
      { name: 'etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\n' },
      { name: 'etc/hosts', content: '127.0.0.1 localhost\n' },
      { name: 'app/', type: 'directory' },
      { name: 'app/readme.txt', content: 'v1\n' },
    ]),
    await tarOf([
      { name: 'app/.env', content: `${SECRET}\n` },
      { name: 'app/bin/', type: 'directory' },
      { name: 'app/bin/tool', content: '#!/bin/sh\necho tool\n' },
      { name: 'app/bin/tool-link', type: 'symlink', linkname: 'tool' },
    ]),
    await tarOf([
      { name: 'app/.wh..env', content: '' },
      { name: 'etc/.wh..wh..opq', content: '' },
      { name: 'etc/hostname', content: 'box\n' },
      { name: 'app/readme.txt', content: 'v2\n' },
    ]),
  ];
}

const EXPECTED_ENTRIES = [
  '0:dir:etc',
  '0:file:etc/passwd',
  '0:file:etc/hosts',
  '0:dir:app',
  '0:file:app/readme.txt',
  '1:file:app/.env',
  '1:dir:app/bin',
  '1:file:app/bin/tool',
  '1:symlink:app/bin/tool-link',
  '2:file:etc/hostname',
  '2:file:app/readme.txt',
];
const EXPECTED_DELETED = [
  { path: 'app/.env', layer: 1, deletedInLayer: 2 },
  { path: 'app/readme.txt', layer: 0, deletedInLayer: 2 },
  { path: 'etc/hosts', layer: 0, deletedInLayer: 2 },
  { path: 'etc/passwd', layer: 0, deletedInLayer: 2 },
];
const sortDeleted = (d: ImageScanResult['deleted']): ImageScanResult['deleted'] => [...d].sort((a, b) => a.path.localeCompare(b.path));

function checkThreeLayers(s: Seen): void {
  assert.deepEqual(codes(s.result), [], JSON.stringify(s.result.issues));
  assert.deepEqual(
    s.entries.map((e) => `${e.layer}:${e.type}:${e.path}`),
    EXPECTED_ENTRIES,
  );
  assert.equal(s.contents.get('1:app/.env'), `${SECRET}\n`);
  assert.equal(s.contents.get('1:app/bin/tool'), '#!/bin/sh\necho tool\n');
  assert.equal(s.contents.get('2:app/readme.txt'), 'v2\n');
  assert.equal(s.entries.find((e) => e.path === 'app/bin/tool-link')?.linkTarget, 'tool');
  assert.ok(!s.entries.some((e) => e.path.includes('.wh.')), 'whiteouts are not passed to onFile');
  assert.deepEqual(sortDeleted(s.result.deleted), EXPECTED_DELETED);
  assert.equal(s.result.image.os, 'linux');
  assert.equal(s.result.image.architecture, 'amd64');
  assert.equal(s.result.image.layers.length, 3);
}

describe('scanImage: well-formed images', () => {
  it('reads an OCI layout directory layer by layer, with whiteouts, opaque dirs and replacements', async () => {
    const tars = await threeLayers();
    const { dir, manifest } = await oci(tars.map(gz));
    const s = await scan(dir);
    checkThreeLayers(s);
    assert.equal(s.result.image.digest, manifest.digest);
    assert.equal(s.result.image.layers[1]!.mediaType, LAYER_GZ);
    assert.equal(s.entries.find((e) => e.path === 'app/.env')!.layerDigest, s.result.image.layers[1]!.digest);
  });

  it('detects gzip by magic bytes, and reads uncompressed layers', async () => {
    const tars = await threeLayers();
    // layer 0 is gzip but labelled plain tar; layer 1 is plain.
    const { dir } = await oci([{ data: gzipSync(tars[0]!), mediaType: LAYER_TAR }, plain(tars[1]!), gz(tars[2]!)]);
    checkThreeLayers(await scan(dir));
  });

  it('reads the same image packed as a tar (OCI archive)', async () => {
    const { dir } = await oci((await threeLayers()).map(gz));
    const out = join(await tmp(), 'image.tar');
    await tarDir(dir, out);
    checkThreeLayers(await scan(out));
  });

  it('reads a docker save archive (manifest.json + <id>/layer.tar, duplicate layers linked)', async () => {
    const tars = await threeLayers();
    const config = { architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: tars.map(sha) } };
    const cfgBuf = Buffer.from(JSON.stringify(config));
    const cfgName = `${sha(cfgBuf).slice(7)}.json`;
    const ids = tars.map((_t, i) => createHash('sha256').update(`layer${i}`).digest('hex'));
    const entries: E[] = [
      { name: cfgName, content: cfgBuf },
      { name: 'manifest.json', content: JSON.stringify([{ Config: cfgName, RepoTags: ['demo:latest'], Layers: ids.map((id) => `${id}/layer.tar`) }]) },
      { name: 'repositories', content: '{}' },
    ];
    tars.forEach((t, i) => {
      entries.push({ name: `${ids[i]}/`, type: 'directory' }, { name: `${ids[i]}/VERSION`, content: '1.0' }, { name: `${ids[i]}/layer.tar`, content: t });
    });
    const out = join(await tmp(), 'save.tar');
    await writeFile(out, await tarOf(entries));
    const s = await scan(out);
    checkThreeLayers(s);
    assert.equal(s.result.image.layers[0]!.digest, sha(tars[0]!), 'docker save layers are identified by diff_id');

    // Older docker saves symlink a layer.tar that repeats an earlier one; a bad diff_id is caught.
    const linked = [...entries.filter((e) => e.name !== `${ids[2]}/layer.tar`), { name: `${ids[2]}/layer.tar`, type: 'symlink' as const, linkname: `../${ids[0]}/layer.tar` }];
    const out2 = join(await tmp(), 'save-linked.tar');
    await writeFile(out2, await tarOf(linked));
    const s2 = await scan(out2);
    assert.deepEqual(codes(s2.result), ['digest-mismatch']);
    assert.equal(s2.result.issues[0]!.layer, 2);
    assert.deepEqual(
      s2.entries.filter((e) => e.layer === 2).map((e) => e.path),
      ['etc', 'etc/passwd', 'etc/hosts', 'app', 'app/readme.txt'],
    );
  });

  it('follows a (nested) manifest list to linux/amd64 by default, or to the requested platform', async () => {
    const dir = await tmp();
    const amd = await putImage(dir, [gz(await tarOf([{ name: 'arch', content: 'amd64' }]))], 'amd64');
    const arm = await putImage(dir, [gz(await tarOf([{ name: 'arch', content: 'arm64' }]))], 'arm64');
    const list = { schemaVersion: 2, mediaType: OCI_INDEX, manifests: [{ ...arm, platform: { os: 'linux', architecture: 'arm64' } }, { ...amd, platform: { os: 'linux', architecture: 'amd64' } }] };
    const listDesc = await putBlob(dir, Buffer.from(JSON.stringify(list)), OCI_INDEX);
    await writeIndex(dir, [listDesc]);

    const def = await scan(dir);
    assert.deepEqual(codes(def.result), []);
    assert.equal(def.contents.get('0:arch'), 'amd64');
    assert.equal(def.result.image.digest, amd.digest);
    assert.equal(def.result.image.architecture, 'amd64');

    const a = await scan(dir, { platform: 'linux/arm64' });
    assert.equal(a.contents.get('0:arch'), 'arm64');
    assert.equal(a.result.image.architecture, 'arm64');

    const none = await scan(dir, { platform: 'linux/s390x' });
    assert.deepEqual(codes(none.result), ['platform-not-found']);
    assert.match(none.result.issues[0]!.message, /linux\/arm64, linux\/amd64/);
    assert.equal(none.entries.length, 0);
  });

  it('applies backpressure: the next entry waits for the callback', async () => {
    const { dir } = await oci((await threeLayers()).map(gz));
    let active = 0;
    let order = 0;
    const result = await scanImage(dir, async (e) => {
      assert.equal(active, 0, 'onFile is never re-entered');
      active++;
      order++;
      await new Promise((r) => setTimeout(r, 2));
      if (e.stream && order % 2 === 0) e.stream.resume(); // some drained, some ignored: both are fine
      active--;
    });
    assert.equal(order, EXPECTED_ENTRIES.length);
    assert.deepEqual(codes(result), []);
  });
});

describe('scanImage: hostile input', () => {
  it('rejects path traversal, normalises absolute paths, reports escaping links without following them', async () => {
    const t = await tarOf([
      { name: '../../etc/passwd', content: 'evil' },
      { name: 'a/../../x', content: 'evil' },
      { name: '/etc/shadow', content: 'root:*:1::::::' },
      { name: './usr//lib/./x.so', content: 'elf' },
      { name: 'app/link', type: 'symlink', linkname: '../../../../etc/passwd' },
      { name: 'app/abs', type: 'symlink', linkname: '/etc/passwd' },
      { name: 'app/hard', type: 'link', linkname: '../../../etc/passwd' },
      { name: 'app/ok', content: 'fine' },
    ]);
    const { dir } = await oci([gz(t)]);
    const s = await scan(dir);
    assert.deepEqual(codes(s.result, 'warning'), ['path-traversal', 'path-traversal', 'symlink-escape', 'path-traversal']);
    assert.deepEqual(codes(s.result, 'error'), []);
    assert.equal(s.result.issues[0]!.path, '../../etc/passwd');
    assert.equal(s.result.issues[0]!.layer, 0);
    assert.deepEqual(
      s.entries.map((e) => `${e.type}:${e.path}`),
      ['file:etc/shadow', 'file:usr/lib/x.so', 'symlink:app/link', 'symlink:app/abs', 'file:app/ok'],
    );
    const link = s.entries.find((e) => e.path === 'app/link')!;
    assert.equal(link.stream, undefined);
    assert.equal(link.linkTarget, '../../../../etc/passwd');
    assert.equal(s.contents.get('0:app/ok'), 'fine');
  });

  it('stops a gzip bomb at maxLayerBytes with bounded memory', async () => {
    const dir = await tmp();
    const size = 200 * 1024 * 1024;
    // One tar entry of 200 MB of zeros, gzip-streamed to disk (~200 KB).
    const header = Buffer.alloc(512);
    header.write('zeros.bin', 0);
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
    header.write('00000000000\0', 136);
    header.write('0', 156);
    header.write('ustar\x0000', 257);
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    const zeros = Buffer.alloc(1 << 20);
    async function* body(): AsyncGenerator<Buffer> {
      yield header;
      for (let i = 0; i < size / zeros.length; i++) yield zeros;
      yield Buffer.alloc(1024);
    }
    const bombPath = join(dir, 'bomb.gz');
    await pipeline(Readable.from(body()), createGzip({ level: 9 }), createWriteStream(bombPath));
    const hash = createHash('sha256');
    for await (const c of createReadStream(bombPath)) hash.update(c as Buffer);
    const digest = `sha256:${hash.digest('hex')}`;
    const bombSize = (await stat(bombPath)).size;
    assert.ok(bombSize < 1024 * 1024, `bomb is small (${bombSize} bytes)`);
    await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true });
    await writeFile(join(dir, 'blobs', 'sha256', digest.slice(7)), await readFile(bombPath));
    const cfg = await putBlob(dir, Buffer.from(JSON.stringify({ os: 'linux', architecture: 'amd64' })), OCI_CONFIG);
    const m = await putBlob(dir, Buffer.from(JSON.stringify({ schemaVersion: 2, config: cfg, layers: [{ mediaType: LAYER_GZ, digest, size: bombSize }] })), OCI_MANIFEST);
    await writeIndex(dir, [m]);

    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    let streamed = 0;
    let sawFile = false;
    let result: ImageScanResult;
    try {
      result = await scanImage(
        dir,
        async (e) => {
          sawFile = true;
          if (e.stream) for await (const c of e.stream) streamed += (c as Buffer).length;
        },
        { maxLayerBytes: 50 * 1024 * 1024 },
      );
    } finally {
      clearInterval(timer);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    assert.ok(sawFile);
    assert.deepEqual(codes(result), ['layer-too-large']);
    assert.equal(result.issues[0]!.layer, 0);
    assert.match(result.issues[0]!.message, /decompression bomb/);
    assert.ok(streamed <= 50 * 1024 * 1024, `streamed ${streamed}`);
    assert.ok(peak - before < 200 * 1024 * 1024, `rss grew ${Math.round((peak - before) / 1e6)} MB`);
  });

  it('reports a truncated gzip layer with its index and goes on to the next layer', async () => {
    const t0 = await tarOf([{ name: 'a.txt', content: 'x'.repeat(20000) + Math.random() }]);
    const whole = gzipSync(t0);
    const cut = whole.subarray(0, Math.floor(whole.length / 2));
    const { dir } = await oci([gz(await tarOf([{ name: 'first', content: '1' }])), { data: cut, mediaType: LAYER_GZ }, gz(await tarOf([{ name: 'last', content: '3' }]))]);
    const s = await scan(dir);
    assert.deepEqual(codes(s.result), ['corrupt-layer']);
    assert.equal(s.result.issues[0]!.layer, 1);
    assert.match(s.result.issues[0]!.message, /^layer 1: /);
    assert.ok(s.entries.some((e) => e.path === 'last' && e.layer === 2));
  });

  it('reports a corrupt tar header with the layer index', async () => {
    const t = await tarOf([
      { name: 'a.txt', content: 'a' },
      { name: 'b.txt', content: 'b' },
    ]);
    t[1027] = t[1027]! ^ 0xff; // b.txt's header
    const { dir } = await oci([plain(t)]);
    const s = await scan(dir);
    assert.deepEqual(codes(s.result), ['corrupt-layer']);
    assert.match(s.result.issues[0]!.message, /checksum/);
    assert.deepEqual(
      s.entries.map((e) => e.path),
      ['a.txt'],
    );

    const junk = await oci([{ data: Buffer.from('this is not a tar archive at all'.repeat(40)), mediaType: LAYER_TAR }]);
    const j = await scan(junk.dir);
    assert.deepEqual(codes(j.result), ['corrupt-layer']);
  });

  it('reports a missing blob, a digest mismatch, and a non-JSON index.json', async () => {
    const t = await tarOf([{ name: 'a.txt', content: 'hello' }]);
    const missing = await oci([plain(t), gz(await tarOf([{ name: 'b.txt', content: 'b' }]))]);
    await unlink(join(missing.dir, 'blobs', 'sha256', sha(t).slice(7)));
    const m = await scan(missing.dir);
    assert.deepEqual(codes(m.result), ['missing-blob']);
    assert.equal(m.result.issues[0]!.layer, 0);
    assert.deepEqual(
      m.entries.map((e) => e.path),
      ['b.txt'],
    );

    const tampered = await oci([plain(t)]);
    const blob = join(tampered.dir, 'blobs', 'sha256', sha(t).slice(7));
    const buf = await readFile(blob);
    buf[512] = 'j'.charCodeAt(0); // "hello" -> "jello": the tar still parses
    await writeFile(blob, buf);
    const d = await scan(tampered.dir);
    assert.deepEqual(codes(d.result), ['digest-mismatch']);
    assert.equal(d.result.issues[0]!.layer, 0);
    assert.equal(d.contents.get('0:a.txt'), 'jello');

    const badIndex = await oci([plain(t)]);
    await writeFile(join(badIndex.dir, 'index.json'), '{"manifests": [');
    const b = await scan(badIndex.dir);
    assert.deepEqual(codes(b.result), ['invalid-json']);
    assert.match(b.result.issues[0]!.message, /index\.json .*not valid JSON/);

    const badDigest = await oci([plain(t)]);
    await writeFile(join(badDigest.dir, 'index.json'), JSON.stringify({ manifests: [{ digest: 'sha256:../../../etc/passwd', size: 1 }] }));
    assert.deepEqual(codes((await scan(badDigest.dir)).result), ['invalid-digest']);
  });

  it('skips paths deeper than maxPathDepth and does not stream files over maxFileBytes', async () => {
    const deep = `${Array.from({ length: 300 }, () => 'd').join('/')}/f.txt`;
    const t = await tarOf([
      { name: deep, content: 'deep' },
      { name: 'big.bin', content: 'x'.repeat(100) },
      { name: 'small.txt', content: 'ok' },
    ]);
    const { dir } = await oci([gz(t)]);
    const s = await scan(dir, { maxFileBytes: 10 });
    assert.deepEqual(codes(s.result, 'warning'), ['path-too-deep', 'file-too-large']);
    assert.deepEqual(
      s.entries.map((e) => `${e.path}:${e.size}`),
      ['big.bin:100', 'small.txt:2'],
    );
    assert.equal(s.contents.get('0:big.bin'), undefined);
    assert.equal(s.contents.get('0:small.txt'), 'ok');
  });

  it('reports zstd layers as unsupported, and stops at maxEntries', async () => {
    const zstd = Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), Buffer.alloc(64)]);
    const many = await tarOf(Array.from({ length: 10 }, (_v, i) => ({ name: `f${i}`, content: `${i}` })));
    const { dir } = await oci([{ data: zstd, mediaType: LAYER_ZSTD }, gz(many)]);
    const s = await scan(dir, { maxEntries: 3 });
    assert.deepEqual(codes(s.result), ['unsupported-compression', 'too-many-entries']);
    assert.deepEqual(
      s.result.issues.map((i) => i.layer),
      [0, 1],
    );
    assert.equal(s.entries.length, 3);
  });

  it('refuses docker save manifest paths that leave the archive', async () => {
    const out = join(await tmp(), 'evil-save.tar');
    await writeFile(
      out,
      await tarOf([
        { name: 'c.json', content: '{"os":"linux","architecture":"amd64"}' },
        { name: 'manifest.json', content: JSON.stringify([{ Config: 'c.json', Layers: ['../../../../etc/passwd'] }]) },
      ]),
    );
    const s = await scan(out);
    assert.deepEqual(codes(s.result), ['path-traversal']);
    assert.equal(s.entries.length, 0);
  });

  it("rethrows the callback's own errors", async () => {
    const { dir } = await oci([gz(await tarOf([{ name: 'a', content: 'a' }]))]);
    await assert.rejects(
      scanImage(dir, async () => {
        throw new Error('consumer bug');
      }),
      /consumer bug/,
    );
  });

  it('refuses a gzip-compressed archive and an unknown source', async () => {
    const d = await tmp();
    const f = join(d, 'image.tar.gz');
    await writeFile(f, gzipSync(await tarOf([{ name: 'index.json', content: '{}' }])));
    assert.deepEqual(codes((await scan(f)).result), ['unsupported-compression']);
    assert.deepEqual(codes((await scan(join(d, 'nope'))).result), ['missing-source']);
    assert.deepEqual(codes((await scan(d)).result), ['unknown-format']);
  });
});
