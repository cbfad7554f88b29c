import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDpkgStatus, parseDpkgStatusD } from './dpkg-status.js';
import { osvEcosystemFor, parseOsRelease, type Distro } from '../_lib/os-release.js';
import { SHARED } from '../_lib/tester/shared.js';

const fixtures = fileURLToPath(new URL('./fixtures/dpkg/', import.meta.url));
const read = (rel: string): string => readFileSync(join(fixtures, rel), 'utf8');
const bookworm = parseOsRelease('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\nID=debian\n')!;

test('status: installed packages only, with source, purl and the line of Package:', () => {
  const r = parseDpkgStatus(read('status'), 'var/lib/dpkg/status', bookworm);
  assert.ok(r.ok);
  const got = r.value.packages.map((p) => `${p.name}@${p.version}:${p.location.startLine} src=${p.source?.name}@${p.source?.version}`);
  assert.deepEqual(got, [
    'base-files@12.4+deb12u5:1 src=base-files@12.4+deb12u5',
    'libc6@2.36-9+deb12u7:20 src=glibc@2.36-9+deb12u7',
    'bash@5.2.15-2+b7:33 src=bash@5.2.15-2',
    'mount@2.38.1-5+deb12u3:41 src=util-linux@2.38.1-5+deb12u3',
    'login@1:4.13+dfsg1-1+b1:48 src=shadow@1:4.13+dfsg1-1+b1',
    'libc6@2.36-9+deb12u7:84 src=glibc@2.36-9+deb12u7',
  ]);
  const bash = r.value.packages[2]!;
  assert.deepEqual(bash, {
    ecosystem: 'Debian:12',
    name: 'bash',
    version: '5.2.15-2+b7',
    purl: 'pkg:deb/debian/bash@5.2.15-2%2Bb7?arch=amd64&distro=debian-12',
    location: { path: 'var/lib/dpkg/status', startLine: 33, startColumn: 1, endLine: 33, endColumn: 14 },
    source: { name: 'bash', version: '5.2.15-2' },
    foundBy: 'dpkg-status',
  });
  // The i386 copy of a Multi-Arch: same library is a second installed package with its own purl.
  assert.equal(r.value.packages[5]!.purl, 'pkg:deb/debian/libc6@2.36-9%2Bdeb12u7?arch=i386&distro=debian-12');
  assert.equal(r.value.packages[4]!.purl, 'pkg:deb/debian/login@1%3A4.13%2Bdfsg1-1%2Bb1?arch=amd64&distro=debian-12');
  assert.deepEqual(r.value.warnings.map((w) => `${w.code}:${w.location.startLine}`), ['missing-field:79']);
});

test('status.d (distroless): no Status field means installed', () => {
  const a = parseDpkgStatusD(read('status.d/base-files'), 'var/lib/dpkg/status.d/base-files', bookworm);
  assert.ok(a.ok);
  assert.deepEqual(a.value.packages.map((p) => [p.name, p.version, p.source, p.location.startLine, p.foundBy]), [['base-files', '12.4+deb12u6', { name: 'base-files', version: '12.4+deb12u6' }, 1, 'dpkg-status']]);
  const b = parseDpkgStatusD(read('status.d/libssl3'), 'var/lib/dpkg/status.d/libssl3', bookworm);
  assert.ok(b.ok);
  assert.deepEqual(b.value.packages.map((p) => [p.name, p.version, p.source]), [['libssl3', '3.0.15-1~deb12u1', { name: 'openssl', version: '3.0.15-1~deb12u1' }]]);
  // The same stanza in a real status file is not installed: dpkg always writes Status there.
  const plain = parseDpkgStatus(read('status.d/base-files'), 'status', bookworm);
  assert.ok(plain.ok);
  assert.equal(plain.value.packages.length, 0);
});

test('ecosystem and purl vendor follow the distro', () => {
  const stanza = 'Package: zlib1g\nStatus: install ok installed\nArchitecture: arm64\nSource: zlib\nVersion: 1:1.2.13.dfsg-1\n';
  const ubuntu = parseOsRelease('ID=ubuntu\nID_LIKE=debian\nVERSION_ID="22.04"\nVERSION_CODENAME=jammy\n')!;
  const cases: [Distro | undefined, string, string][] = [
    // What osvEcosystemFor says for Ubuntu is os-release.ts's business (see its test); this parser only passes it on.
    [ubuntu, osvEcosystemFor(ubuntu)!, 'pkg:deb/ubuntu/zlib1g@1%3A1.2.13.dfsg-1?arch=arm64&distro=ubuntu-22.04'],
    [parseOsRelease('ID=debian\nVERSION_CODENAME=trixie\n')!, 'Debian:13', 'pkg:deb/debian/zlib1g@1%3A1.2.13.dfsg-1?arch=arm64&distro=debian'],
    [parseOsRelease('ID=ubuntu\n')!, 'Ubuntu', 'pkg:deb/ubuntu/zlib1g@1%3A1.2.13.dfsg-1?arch=arm64&distro=ubuntu'],
    [undefined, 'Debian', 'pkg:deb/debian/zlib1g@1%3A1.2.13.dfsg-1?arch=arm64'],
  ];
  for (const [d, eco, purl] of cases) {
    const r = parseDpkgStatus(stanza, 's', d);
    assert.ok(r.ok);
    assert.equal(r.value.packages[0]!.ecosystem, eco);
    assert.equal(r.value.packages[0]!.purl, purl);
  }
});

test('edge cases: empty, CRLF, case-insensitive fields, not-the-format', () => {
  assert.deepEqual(parseDpkgStatus('', 's', bookworm), { ok: true, value: { packages: [], warnings: [] } });
  assert.deepEqual(parseDpkgStatus('\n\n', 's', bookworm), { ok: true, value: { packages: [], warnings: [] } });
  const crlf = parseDpkgStatus('package: a\r\nstatus: install ok installed\r\nversion: 1.0\r\n\r\nPackage: b\r\nStatus: install ok installed\r\nVersion: 2.0\r\n', 's', bookworm);
  assert.ok(crlf.ok);
  assert.deepEqual(crlf.value.packages.map((p) => `${p.name}@${p.version}:${p.location.startLine}`), ['a@1.0:1', 'b@2.0:5']);
  const json = parseDpkgStatus('{\n  "name": "x"\n}\n', 'package.json', bookworm);
  assert.equal(json.ok, false);
  if (!json.ok) assert.deepEqual(json.error.map((e) => [e.code, e.location.startLine]), [['not-the-format', 1]]);
  const noPackage = parseDpkgStatus('Foo: bar\n\nnot a field\nBaz: qux\n', 's', bookworm);
  assert.equal(noPackage.ok, false);
  if (!noPackage.ok) assert.deepEqual(noPackage.error.map((e) => [e.code, e.location.startLine]), [['not-the-format', 1]]);
});

test('a malformed line is a warning with its line, the rest still parses', () => {
  const r = parseDpkgStatus('Package: a\nStatus: install ok installed\nthis is not a field\nVersion: 1\n', 's', bookworm);
  assert.ok(r.ok);
  assert.equal(r.value.packages.length, 1);
  assert.deepEqual(r.value.warnings.map((w) => [w.code, w.location.startLine]), [['malformed-line', 3]]);
});

const corpus = `${SHARED}/corpus/lockfiles/dpkg`;
test('corpus: every status file parses with its os-release; counts match grep', () => {
  const dirs = readdirSync(corpus);
  assert.ok(dirs.length >= 4);
  for (const d of dirs) {
    const text = readFileSync(join(corpus, d, 'status'), 'utf8');
    const distro = parseOsRelease(readFileSync(join(corpus, d, 'os-release'), 'utf8'));
    assert.ok(distro, d);
    const r = parseDpkgStatus(text, `${d}/status`, distro);
    assert.ok(r.ok, d);
    const want = text.split('\n').filter((l) => l === 'Status: install ok installed').length;
    assert.equal(r.value.packages.length, want, d);
    assert.deepEqual(r.value.warnings, [], d);
    for (const p of r.value.packages) {
      assert.match(p.ecosystem, /^Debian:(11|12|13)$/);
      assert.ok(p.source && p.source.name !== '' && p.source.version !== '', `${d} ${p.name}`);
      assert.equal(text.split('\n')[p.location.startLine - 1], `Package: ${p.name}`);
    }
  }
  // Hand-checked against the file: line 694 is `Package: libc6`, its stanza says `Source: glibc` and `Version: 2.36-9+deb12u14`;
  // line 120 is `Package: bash` with `Source: bash (5.2.15-2)` and `Version: 5.2.15-2+b13` (a binNMU).
  const bw = readFileSync(join(corpus, 'debian-bookworm-minbase', 'status'), 'utf8');
  const r = parseDpkgStatus(bw, 's', bookworm);
  assert.ok(r.ok);
  const libc = r.value.packages.find((p) => p.name === 'libc6')!;
  assert.deepEqual([libc.version, libc.location.startLine, libc.source], ['2.36-9+deb12u14', 694, { name: 'glibc', version: '2.36-9+deb12u14' }]);
  const bash = r.value.packages.find((p) => p.name === 'bash')!;
  assert.deepEqual([bash.version, bash.location.startLine, bash.source], ['5.2.15-2+b13', 120, { name: 'bash', version: '5.2.15-2' }]);
});
