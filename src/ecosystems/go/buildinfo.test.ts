import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { BUILDINFO_MAGIC, elfDataSegmentOffset, findBuildInfo, goBinaryPackages, parseBuildInfo, stdlibVersion } from './buildinfo.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`./fixtures/buildinfo/${name}`, import.meta.url));
const where = { path: 'img!/usr/local/bin/hello', startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };

const uvarint = (n: number): Buffer => {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return Buffer.from(out);
};
/** A Go ≥ 1.18 inline build info blob, sentinels included, as the linker writes it. */
function blob(goVersion: string, mod: string, flags = 2, ptrSize = 8): Buffer {
  const header = Buffer.alloc(32);
  Buffer.from(BUILDINFO_MAGIC).copy(header);
  header[14] = ptrSize;
  header[15] = flags;
  const wrapped = Buffer.concat([Buffer.alloc(16, 0x30), Buffer.from(mod), Buffer.alloc(16, 0xf9)]);
  return Buffer.concat([header, uvarint(goVersion.length), Buffer.from(goVersion), uvarint(wrapped.length), wrapped]);
}

test('the build info cut from a real go1.26 binary (go version -m agrees)', () => {
  const r = parseBuildInfo(fixture('hello-go1.26.bin'));
  assert.ok(r.ok, !r.ok ? r.error : '');
  assert.equal(r.value.goVersion, 'go1.26.8');
  assert.equal(r.value.path, 'example.com/hello');
  assert.deepEqual(r.value.main, { path: 'example.com/hello', version: '(devel)' });
  assert.deepEqual(r.value.deps, [{ path: 'golang.org/x/text', version: 'v0.14.0', sum: 'h1:ScX5w1eTa3QqT8oi6+ziP7dTV1S2+ALU0bI+0zXKWiQ=' }]);
  assert.equal(r.value.settings.GOOS, 'linux');
  assert.deepEqual(goBinaryPackages(r.value, where).map((p) => `${p.name}@${p.version} ${p.purl}`), ['golang.org/x/text@v0.14.0 pkg:golang/golang.org/x/text@v0.14.0', 'stdlib@1.26.8 pkg:golang/stdlib@1.26.8']);
});

test('replacements: a module replacement is what ships; a directory replacement keeps the required version', () => {
  const mod = 'path\tex.com/cmd/x\nmod\tex.com\tv1.2.3\th1:abc=\ndep\tgithub.com/a/b\tv1.0.0\th1:x=\n=>\tgithub.com/fork/b\tv1.0.1\th1:y=\ndep\tgithub.com/c/d\tv0.3.0\n=>\t../d\t\t\nbuild\tGOOS=linux\n';
  const r = parseBuildInfo(blob('go1.21rc2', mod));
  assert.ok(r.ok);
  assert.deepEqual(goBinaryPackages(r.value, where).map((p) => `${p.name}@${p.version}${p.direct ? ' direct' : ''}`), ['ex.com@v1.2.3 direct', 'github.com/fork/b@v1.0.1', 'github.com/c/d@v0.3.0', 'stdlib@1.21.0-rc2']);
});

test('pre-1.18 pointer format, truncated and hostile blobs are errors, not exceptions', () => {
  assert.match((parseBuildInfo(blob('go1.16', 'x', 0)) as { error: string }).error, /Go < 1.18/);
  const full = blob('go1.22.0', 'path\tx\n');
  assert.match((parseBuildInfo(full.subarray(0, full.length - 5)) as { error: string }).error, /truncated/);
  const huge = Buffer.concat([full.subarray(0, 32), Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])]);
  assert.equal(parseBuildInfo(huge).ok, false);
  assert.match((parseBuildInfo(blob('go1.22.0', 'x', 2, 3)) as { error: string }).error, /pointer size/);
  assert.equal(parseBuildInfo(Buffer.from('nothing here')).ok, false);
});

test('findBuildInfo only accepts 16-byte-aligned magic', () => {
  const b = Buffer.alloc(64);
  Buffer.from(BUILDINFO_MAGIC).copy(b, 8);
  assert.equal(findBuildInfo(b), -1);
  Buffer.from(BUILDINFO_MAGIC).copy(b, 32);
  assert.equal(findBuildInfo(b), 32);
  assert.equal(findBuildInfo(b.subarray(8), 8), 24);
});

test('elfDataSegmentOffset reads the first writable PT_LOAD of a 64-bit ELF', () => {
  const h = Buffer.alloc(64 + 2 * 56);
  h.write('\x7fELF', 0, 'latin1');
  h[4] = 2;
  h[5] = 1;
  h.writeBigUInt64LE(64n, 32);
  h.writeUInt16LE(56, 54);
  h.writeUInt16LE(2, 56);
  const ph = (i: number, flags: number, off: number): void => {
    h.writeUInt32LE(1, 64 + i * 56);
    h.writeUInt32LE(flags, 64 + i * 56 + 4);
    h.writeBigUInt64LE(BigInt(off), 64 + i * 56 + 8);
  };
  ph(0, 5, 0);
  ph(1, 6, 0x19a000);
  assert.equal(elfDataSegmentOffset(h), 0x19a000);
  assert.equal(elfDataSegmentOffset(Buffer.from('#!/bin/sh\n'.padEnd(80))), undefined);
});

test('stdlib versions in the form OSV uses', () => {
  assert.equal(stdlibVersion('go1.22.3'), '1.22.3');
  assert.equal(stdlibVersion('go1.20'), '1.20.0');
  assert.equal(stdlibVersion('go1.21rc2'), '1.21.0-rc2');
  assert.equal(stdlibVersion('go1.24.1 X:boringcrypto'), '1.24.1');
});
