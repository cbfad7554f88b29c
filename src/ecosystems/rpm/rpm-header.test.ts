import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { parseRpmHeader, parseSourceRpm, rpmPackage, rpmVersionString, type RpmHeaderInfo } from './rpm-header.js';
import { parseOsRelease } from '../_lib/os-release.js';
import { fileLocation } from '../../core/location.js';

const fixture = fileURLToPath(new URL('./fixtures/rpmdb/rpmdb.sqlite', import.meta.url));

function readBlobs(): { hnum: number; blob: Buffer }[] {
  const db = new Database(fixture, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT hnum, blob FROM Packages ORDER BY hnum').all() as { hnum: number; blob: Buffer }[];
  } finally {
    db.close();
  }
}

const alma = parseOsRelease('ID="almalinux"\nID_LIKE="rhel centos fedora"\nVERSION_ID="9.3"\nPRETTY_NAME="AlmaLinux 9.3 (Shamrock Pampas Cat)"\n')!;

test('reads every header of a real rpmdb.sqlite (see fixtures/rpmdb/README.md)', () => {
  const infos = readBlobs().map((r) => {
    const res = parseRpmHeader(r.blob);
    assert.ok(res.ok, res.ok ? '' : res.error);
    return res.value;
  });
  const byName = new Map(infos.map((i) => [i.name, i]));
  assert.equal(infos.length, 3);
  assert.deepEqual(byName.get('palisade-fixture'), { name: 'palisade-fixture', version: '1.2.3', release: '4.el9', arch: 'noarch', sourceRpm: 'palisade-fixture-1.2.3-4.el9.src.rpm' });
  assert.deepEqual(byName.get('palisade-fixture-epoch'), { name: 'palisade-fixture-epoch', version: '0.9', release: '1', epoch: 2, arch: 'noarch', sourceRpm: 'palisade-fixture-1.2.3-4.el9.src.rpm' });
  assert.equal(byName.get('palisade-fixture-zero')?.epoch, 0);
});

test('rpmPackage writes versions as OSV AlmaLinux does: epoch only when non-zero', () => {
  const loc = fileLocation('img!/var/lib/rpm/rpmdb.sqlite');
  const infos = readBlobs().map((r) => {
    const res = parseRpmHeader(r.blob);
    assert.ok(res.ok);
    return res.value;
  });
  const pkgs = new Map(infos.map((i) => [i.name, rpmPackage(i, loc, alma)]));
  assert.deepEqual(pkgs.get('palisade-fixture-epoch'), {
    ecosystem: 'AlmaLinux:9',
    name: 'palisade-fixture-epoch',
    version: '2:0.9-1',
    purl: 'pkg:rpm/almalinux/palisade-fixture-epoch@0.9-1?arch=noarch&distro=almalinux-9.3&epoch=2',
    location: loc,
    source: { name: 'palisade-fixture', version: '2:1.2.3-4.el9' },
    foundBy: 'rpmdb',
  });
  assert.equal(pkgs.get('palisade-fixture')!.version, '1.2.3-4.el9');
  assert.equal(pkgs.get('palisade-fixture-zero')!.version, '1.2.3-4.el9');
  assert.equal(pkgs.get('palisade-fixture-zero')!.purl, 'pkg:rpm/almalinux/palisade-fixture-zero@1.2.3-4.el9?arch=noarch&distro=almalinux-9.3');
  assert.deepEqual(pkgs.get('palisade-fixture')!.source, { name: 'palisade-fixture', version: '1.2.3-4.el9' });
});

test('rpmPackage without a distro OSV knows falls back to Red Hat and leaves the purl namespace out', () => {
  const p = rpmPackage({ name: 'bash', version: '5.1.8', release: '6.el9_1', arch: 'x86_64' }, fileLocation('x'), undefined);
  assert.equal(p.ecosystem, 'Red Hat');
  assert.equal(p.purl, 'pkg:rpm/bash@5.1.8-6.el9_1?arch=x86_64');
  assert.equal(p.source, undefined);
  const rocky = parseOsRelease('ID="rocky"\nVERSION_ID="8.9"\n')!;
  assert.equal(rpmPackage({ name: 'bash', version: '4.4.20', release: '4.el8' }, fileLocation('x'), rocky).ecosystem, 'Rocky Linux:8');
});

test('source rpm names split from the right', () => {
  assert.deepEqual(parseSourceRpm('glibc-2.34-100.el9_4.2.src.rpm'), { name: 'glibc', version: '2.34', release: '100.el9_4.2' });
  assert.deepEqual(parseSourceRpm('python3.11-pip-22.3.1-4.el9.nosrc.rpm'), { name: 'python3.11-pip', version: '22.3.1', release: '4.el9' });
  assert.equal(parseSourceRpm('not-a-source.rpm'), undefined);
  assert.equal(parseSourceRpm('(none)'), undefined);
  assert.equal(rpmVersionString(1, '2.4.37', '65.el8'), '1:2.4.37-65.el8');
});

// --- hand-built and corrupted blobs --------------------------------------------------------------------------------

interface Entry { tag: number; type: number; data: Uint8Array; count?: number; offset?: number }

function str(s: string): Uint8Array {
  return new TextEncoder().encode(s + '\0');
}
function int32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setInt32(0, n, false);
  return b;
}

/** Builds a blob the way rpm lays one out; `offset`/`count` overrides make corrupt ones. */
function blob(entries: Entry[], opts: { il?: number; dl?: number; trim?: number } = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  const offsets: number[] = [];
  let dl = 0;
  for (const e of entries) {
    while (e.type === 4 && dl % 4 !== 0) {
      chunks.push(new Uint8Array(1));
      dl++;
    }
    offsets.push(dl);
    chunks.push(e.data);
    dl += e.data.length;
  }
  const il = entries.length;
  const out = new Uint8Array(8 + il * 16 + dl);
  const v = new DataView(out.buffer);
  v.setInt32(0, opts.il ?? il, false);
  v.setInt32(4, opts.dl ?? dl, false);
  entries.forEach((e, i) => {
    v.setInt32(8 + i * 16, e.tag, false);
    v.setUint32(12 + i * 16, e.type, false);
    v.setInt32(16 + i * 16, e.offset ?? offsets[i]!, false);
    v.setUint32(20 + i * 16, e.count ?? 1, false);
  });
  let at = 8 + il * 16;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return opts.trim ? out.subarray(0, out.length - opts.trim) : out;
}

const good: Entry[] = [
  { tag: 1000, type: 6, data: str('openssl-libs') },
  { tag: 1001, type: 6, data: str('3.0.7') },
  { tag: 1002, type: 6, data: str('27.el9') },
  { tag: 1003, type: 4, data: int32(1) },
  { tag: 1022, type: 6, data: str('x86_64') },
  { tag: 1044, type: 6, data: str('openssl-3.0.7-27.el9.src.rpm') },
];

test('a hand-built blob reads back', () => {
  const r = parseRpmHeader(blob(good));
  assert.deepEqual(r, { ok: true, value: { name: 'openssl-libs', version: '3.0.7', release: '27.el9', epoch: 1, arch: 'x86_64', sourceRpm: 'openssl-3.0.7-27.el9.src.rpm' } satisfies RpmHeaderInfo });
});

const corrupt: [string, Uint8Array, RegExp][] = [
  ['empty', new Uint8Array(0), /shorter than/],
  ['preamble only', new Uint8Array(7), /shorter than/],
  ['zero entries', new Uint8Array(8), /index count 0/],
  ['huge index count', blob(good, { il: 0x7fffffff }), /index count/],
  ['negative data size', blob(good, { dl: -1 }), /data size/],
  ['truncated data', blob(good, { trim: 3 }), /need \d+ bytes, blob has/],
  ['data size larger than blob', blob(good, { dl: 1 << 20 }), /need \d+ bytes/],
  ['offset past end', blob([{ ...good[0]!, offset: 4096 }, ...good.slice(1)]), /outside the \d+-byte data store/],
  ['negative offset', blob([{ ...good[0]!, offset: -8 }, ...good.slice(1)]), /outside/],
  ['string without NUL', blob([...good.slice(1), { tag: 1000, type: 6, data: new TextEncoder().encode('noterminator') }]), /not NUL-terminated/],
  ['epoch past end', blob([...good.slice(0, 3), { tag: 1003, type: 4, data: new Uint8Array([0, 0]) }]), /EPOCH at offset \d+ runs past/],
  ['epoch with wrong type', blob([...good.slice(0, 3), { tag: 1003, type: 6, data: str('1') }]), /EPOCH has type 6/],
  ['name as INT32', blob([{ tag: 1000, type: 4, data: int32(7) }, ...good.slice(1)]), /expected a string/],
  ['no name', blob(good.slice(1)), /no NAME/],
  ['no release', blob(good.filter((e) => e.tag !== 1002)), /no RELEASE/],
  ['count 0 string', blob([{ ...good[0]!, count: 0 }, ...good.slice(1)]), /count 0/],
];

for (const [name, b, want] of corrupt) {
  test(`corrupt blob → err: ${name}`, () => {
    const r = parseRpmHeader(b);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.error, want);
  });
}

test('a blob that is a view into a larger buffer is read within its own bounds', () => {
  const inner = blob(good);
  const big = new Uint8Array(inner.length + 32);
  big.set(inner, 16);
  const r = parseRpmHeader(big.subarray(16, 16 + inner.length));
  assert.ok(r.ok);
  // The NUL search must stop at the view's end, not the underlying buffer's.
  const noNul = blob([...good.slice(1), { tag: 1000, type: 6, data: new TextEncoder().encode('x') }]);
  const padded = new Uint8Array(noNul.length + 8);
  padded.set(noNul, 0);
  assert.equal(parseRpmHeader(padded.subarray(0, noNul.length)).ok, false);
});

test('random bytes and random corruptions of real blobs never throw', () => {
  const real = readBlobs().map((r) => new Uint8Array(r.blob));
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
      parseRpmHeader(bytes);
    }),
    { numRuns: 2000 },
  );
  fc.assert(
    fc.property(fc.integer({ min: 0, max: real.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.nat(), (which, edits, cut) => {
      const b = new Uint8Array(real[which]!);
      for (const [at, v] of edits) b[at % b.length] = v;
      const r = parseRpmHeader(b.subarray(0, b.length - (cut % 4 === 0 ? cut % b.length : 0)));
      if (r.ok) assert.equal(typeof r.value.name, 'string');
    }),
    { numRuns: 3000 },
  );
});
