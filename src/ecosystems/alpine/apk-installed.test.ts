import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseApkInstalled } from './apk-installed.js';
import { parseOsRelease } from '../_lib/os-release.js';

const installed = readFileSync(fileURLToPath(new URL('./fixtures/apk/installed', import.meta.url)), 'utf8');
const alpine = parseOsRelease('NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.19.1\nPRETTY_NAME="Alpine Linux v3.19"\n')!;

test('installed db: name, version, arch, origin and the line of P:', () => {
  const r = parseApkInstalled(installed, 'lib/apk/db/installed', alpine);
  assert.ok(r.ok);
  assert.deepEqual(r.value.packages.map((p) => `${p.name}@${p.version}:${p.location.startLine} src=${p.source?.name}@${p.source?.version}`), [
    'musl@1.2.4_git20230717-r4:2 src=musl@1.2.4_git20230717-r4',
    'busybox-binsh@1.36.1-r15:24 src=busybox@1.36.1-r15',
    'libcrypto3@3.1.4-r5:45 src=openssl@3.1.4-r5',
    'alpine-baselayout-data@3.4.3-r2:59 src=alpine-baselayout-data@3.4.3-r2',
  ]);
  assert.deepEqual(r.value.packages[1], {
    ecosystem: 'Alpine:v3.19',
    name: 'busybox-binsh',
    version: '1.36.1-r15',
    purl: 'pkg:apk/alpine/busybox-binsh@1.36.1-r15?arch=x86_64&distro=alpine-3.19.1',
    location: { path: 'lib/apk/db/installed', startLine: 24, startColumn: 1, endLine: 24, endColumn: 16 },
    source: { name: 'busybox', version: '1.36.1-r15' },
    foundBy: 'apk-installed',
  });
  assert.deepEqual(r.value.warnings.map((w) => [w.code, w.location.startLine]), [['missing-field', 64]]);
});

test('ecosystem and purl vendor follow the distro', () => {
  const rec = 'P:zlib\nV:1.3.1-r0\nA:aarch64\n';
  const wolfi = parseOsRelease('ID=wolfi\nNAME="Wolfi"\nVERSION_ID="20230201"\n')!;
  const w = parseApkInstalled(rec, 'x', wolfi);
  assert.ok(w.ok);
  assert.equal(w.value.packages[0]!.ecosystem, 'Wolfi');
  assert.equal(w.value.packages[0]!.purl, 'pkg:apk/wolfi/zlib@1.3.1-r0?arch=aarch64&distro=wolfi-20230201');
  const none = parseApkInstalled(rec, 'x', undefined);
  assert.ok(none.ok);
  assert.equal(none.value.packages[0]!.ecosystem, 'Alpine');
  assert.equal(none.value.packages[0]!.purl, 'pkg:apk/alpine/zlib@1.3.1-r0?arch=aarch64');
  // Alpine edge has VERSION_ID like 3.20.0_alpha20240315: OSV's ecosystem is still major.minor.
  const edge = parseApkInstalled(rec, 'x', parseOsRelease('ID=alpine\nVERSION_ID=3.20.0_alpha20240315\n'));
  assert.ok(edge.ok);
  assert.equal(edge.value.packages[0]!.ecosystem, 'Alpine:v3.20');
});

test('edge cases: empty, CRLF, no trailing blank line, not-the-format', () => {
  assert.deepEqual(parseApkInstalled('', 'x', alpine), { ok: true, value: { packages: [], warnings: [] } });
  const crlf = parseApkInstalled('P:a\r\nV:1-r0\r\n\r\nP:b\r\nV:2-r1', 'x', alpine);
  assert.ok(crlf.ok);
  assert.deepEqual(crlf.value.packages.map((p) => `${p.name}@${p.version}:${p.location.startLine}`), ['a@1-r0:1', 'b@2-r1:4']);
  const status = parseApkInstalled('Package: bash\nStatus: install ok installed\nVersion: 5\n', 'x', alpine);
  assert.equal(status.ok, false);
  if (!status.ok) assert.deepEqual(status.error.map((e) => [e.code, e.location.startLine]), [['not-the-format', 1]]);
});
