import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Package } from '../../core/package.js';
import { lockfileParserFor } from '../../ecosystems/index.js';
import { gz, oci, plain, tarOf, tmp, type E } from '../image/test-image.js';
import { classifyPath } from './classify.js';
import { directoryInventory, imageInventory } from './index.js';
import { buildZip } from '../../vuln/db/tester/zip-writer.js';
import { buildGoBinary, dockerSave, pomProperties, writeTree } from './test-fixtures.js';
import { SHARED } from '../../ecosystems/_lib/tester/shared.js';

const src = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = `${SHARED}/corpus/lockfiles/dpkg/debian-bookworm-minbase`;
const corpus = (f: string): string => {
  try {
    return readFileSync(join(CORPUS, f), 'utf8');
  } catch {
    // The shared corpus is outside the repo; the repo's own (smaller) dpkg fixture stands in when it is absent.
    return f === 'status' ? readFileSync(join(src, 'ecosystems/debian/fixtures/dpkg/status'), 'utf8') : 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\nID=debian\n';
  }
};
const STATUS = corpus('status');
const OS_RELEASE = corpus('os-release');
const installedCount = (STATUS.match(/^Status: install ok installed$/gm) ?? []).length;
const EXTRA_STANZA = '\nPackage: palisade-extra\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1.0-1\nDescription: added by a later layer\n';

const pj = (name: string, version: string): string => `{\n  "name": "${name}",\n  "description": "x",\n  "version": "${version}",\n  "dependencies": { "version": "not me" }\n}\n`;
const by = (pkgs: Package[], name: string): Package[] => pkgs.filter((p) => p.name === name);
const one = (pkgs: Package[], name: string): Package => {
  const m = by(pkgs, name);
  assert.equal(m.length, 1, `${name}: ${JSON.stringify(m.map((p) => p.location.path))}`);
  return m[0]!;
};

const appJar = (): Buffer =>
  buildZip([
    { name: 'META-INF/MANIFEST.MF', data: 'Manifest-Version: 1.0\n' },
    pomProperties('com.example', 'app', '1.0.0'),
    { name: 'BOOT-INF/lib/jackson-databind-2.15.2.jar', data: buildZip([pomProperties('com.fasterxml.jackson.core', 'jackson-databind', '2.15.2')]) },
    { name: 'BOOT-INF/lib/inner.jar', data: buildZip([{ name: 'lib/deeper.jar', data: buildZip([pomProperties('org.deep', 'too-deep', '9.9')]) }]) },
  ]);

describe('imageInventory: a Debian image with language packages in later layers', async () => {
  const go = await buildGoBinary();
  const l0: E[] = [
    { name: 'etc/', type: 'directory' },
    { name: 'etc/os-release', type: 'symlink', linkname: '../usr/lib/os-release' },
    { name: 'usr/lib/os-release', content: OS_RELEASE },
    { name: 'var/lib/dpkg/status', content: STATUS },
  ];
  const l1: E[] = [
    { name: 'app/node_modules/lodash/package.json', content: pj('lodash', '4.17.20') },
    { name: 'app/node_modules/@types/node/package.json', content: pj('@types/node', '20.1.0') },
    { name: 'app/node_modules/left-pad/package.json', content: pj('left-pad', '1.3.0') },
    { name: 'app/node_modules/left-pad/test/package.json', content: pj('not-a-package', '0.0.1') },
    { name: 'app/node_modules/.bin/package.json', content: pj('dot-dir', '0.0.1') },
    { name: 'usr/lib/python3/dist-packages/requests-2.31.0.dist-info/METADATA', content: 'Metadata-Version: 2.1\nName: requests\nVersion: 2.31.0\nSummary: HTTP\n\nName: body-not-header\n' },
    { name: 'usr/lib/python3/dist-packages/six.egg-info/PKG-INFO', content: 'Metadata-Version: 1.1\nName: six\nVersion: 1.16.0\n' },
    { name: 'app/app.jar', content: appJar() },
    { name: 'app/package-lock.json', content: JSON.stringify({ name: 'app', lockfileVersion: 3, packages: { '': { name: 'app' }, 'node_modules/lodash': { version: '4.17.20' } } }, null, 2) },
  ];
  if ('path' in go) l1.push({ name: 'usr/local/bin/hello', content: readFileSync(go.path), mode: 0o755 });
  const l2: E[] = [
    { name: 'app/node_modules/.wh.left-pad', content: '' },
    { name: 'var/lib/dpkg/status', content: STATUS + EXTRA_STANZA },
  ];
  const { dir, manifest } = await oci([gz(await tarOf(l0)), gz(await tarOf(l1)), plain(await tarOf(l2))]);
  const r = await imageInventory(dir, 'img', {});
  const layerDigest = (i: number): string => JSON.parse(readFileSync(join(dir, 'blobs/sha256', manifest.digest.slice(7)), 'utf8')).layers[i].digest;

  it('reads the distro through the etc/os-release symlink and lists dpkg packages as Debian:12', () => {
    assert.deepEqual(r.target.errors, []);
    assert.equal(r.distro?.id, 'debian');
    const debs = r.packages.filter((p) => p.foundBy === 'dpkg-status');
    assert.equal(debs.length, installedCount + 1);
    assert.ok(debs.every((p) => p.ecosystem === 'Debian:12'));
    assert.ok(debs.every((p) => p.location.path === 'img!/var/lib/dpkg/status'));
  });

  it('attributes OS packages to the layer that installed them, although layer 2 rewrote the database', () => {
    const base = one(r.packages, 'base-files');
    assert.deepEqual(base.layer, { index: 0, digest: layerDigest(0) });
    assert.ok(base.location.startLine >= 1);
    assert.deepEqual(one(r.packages, 'palisade-extra').layer, { index: 2, digest: layerDigest(2) });
  });

  it('lists installed npm packages, scoped ones too, at the "version" line, and not a deleted one', () => {
    const lodash = r.packages.find((p) => p.name === 'lodash' && p.foundBy === 'node_modules')!;
    assert.equal(lodash.version, '4.17.20');
    assert.equal(lodash.location.path, 'img!/app/node_modules/lodash/package.json');
    assert.equal(lodash.location.startLine, 4);
    assert.deepEqual(lodash.layer, { index: 1, digest: layerDigest(1) });
    assert.equal(lodash.purl, 'pkg:npm/lodash@4.17.20');
    assert.equal(one(r.packages, '@types/node').purl, 'pkg:npm/%40types/node@20.1.0');
    assert.equal(by(r.packages, 'left-pad').length, 0, 'layer 2 deletes node_modules/left-pad');
    assert.equal(by(r.packages, 'not-a-package').length, 0);
    assert.equal(by(r.packages, 'dot-dir').length, 0);
  });

  it('lists Python distributions from dist-info and egg-info', () => {
    const req = one(r.packages, 'requests');
    assert.equal(req.ecosystem, 'PyPI');
    assert.equal(req.version, '2.31.0');
    assert.equal(req.location.startLine, 2);
    assert.equal(one(r.packages, 'six').foundBy, 'python-egg-info');
  });

  it('lists Maven packages of a fat jar and of jars nested one level deep, not deeper', () => {
    assert.equal(one(r.packages, 'com.example:app').version, '1.0.0');
    const jd = one(r.packages, 'com.fasterxml.jackson.core:jackson-databind');
    assert.equal(jd.version, '2.15.2');
    assert.equal(jd.location.path, 'img!/app/app.jar!/BOOT-INF/lib/jackson-databind-2.15.2.jar');
    assert.equal(by(r.packages, 'org.deep:too-deep').length, 0);
  });

  it('reads lockfiles in the image when a parser for them is registered', (t) => {
    if (!lockfileParserFor('package-lock.json')) {
      t.skip('no package-lock.json parser registered yet');
      return;
    }
    const locked = r.packages.filter((p) => p.location.path === 'img!/app/package-lock.json');
    assert.ok(locked.some((p) => p.name === 'lodash' && p.version === '4.17.20'), JSON.stringify(locked));
  });

  it('reads the Go build info of a real binary: its module dependency and stdlib', (t) => {
    if (!('path' in go)) {
      t.skip(go.skip);
      return;
    }
    const text = one(r.packages, 'golang.org/x/text');
    assert.equal(text.version, 'v0.14.0');
    assert.equal(text.ecosystem, 'Go');
    assert.equal(text.location.path, 'img!/usr/local/bin/hello');
    assert.deepEqual(text.layer, { index: 1, digest: layerDigest(1) });
    const std = one(r.packages, 'stdlib');
    assert.match(std.version, /^\d+\.\d+\.\d+/);
    assert.ok(std.version.startsWith(go.goVersion), `${std.version} vs ${go.goVersion}`);
    assert.equal(by(r.packages, 'example.com/hello').length, 0, 'the (devel) main module is not a package');
  });
});

describe('imageInventory: other OS package databases', () => {
  it('Alpine: apk installed database, ecosystem from os-release', async () => {
    const apk = readFileSync(join(src, 'ecosystems/alpine/fixtures/apk/installed'), 'utf8');
    const { dir } = await oci([gz(await tarOf([{ name: 'etc/os-release', content: 'ID=alpine\nVERSION_ID=3.19.1\nPRETTY_NAME="Alpine Linux v3.19"\n' }, { name: 'lib/apk/db/installed', content: apk }]))]);
    const r = await imageInventory(dir, 'alp', {});
    const musl = one(r.packages, 'musl');
    assert.equal(musl.ecosystem, 'Alpine:v3.19');
    assert.equal(musl.foundBy, 'apk-installed');
    assert.equal(musl.location.path, 'alp!/lib/apk/db/installed');
    assert.equal(musl.layer?.index, 0);
  });

  it('rpm: rpmdb.sqlite read in memory; a Berkeley DB next to nothing else is a clear warning', async () => {
    const rpmdb = readFileSync(join(src, 'ecosystems/rpm/fixtures/rpmdb/rpmdb.sqlite'));
    const { dir } = await oci([gz(await tarOf([{ name: 'etc/os-release', content: 'ID="almalinux"\nVERSION_ID="9.3"\n' }, { name: 'var/lib/rpm/rpmdb.sqlite', content: rpmdb }]))]);
    const r = await imageInventory(dir, 'alma', {});
    assert.deepEqual(r.target.errors, []);
    assert.deepEqual(r.packages.map((p) => `${p.ecosystem} ${p.name} ${p.version}`).sort(), [
      'AlmaLinux:9 palisade-fixture 1.2.3-4.el9',
      'AlmaLinux:9 palisade-fixture-epoch 2:0.9-1',
      'AlmaLinux:9 palisade-fixture-zero 1.2.3-4.el9',
    ]);
    const bdb = await oci([gz(await tarOf([{ name: 'etc/os-release', content: 'ID=centos\nVERSION_ID=7\n' }, { name: 'var/lib/rpm/Packages', content: Buffer.alloc(8192) }]))]);
    const b = await imageInventory(bdb.dir, 'c7', {});
    assert.equal(b.packages.length, 0);
    assert.ok(b.target.warnings.some((w) => w.code === 'rpmdb-unsupported' && /rpm database format Berkeley DB/.test(w.message)), JSON.stringify(b.target.warnings));
  });

  it('dpkg without os-release: ecosystem Debian and an "unknown release" warning', async () => {
    const { dir } = await oci([gz(await tarOf([{ name: 'var/lib/dpkg/status', content: STATUS }]))]);
    const r = await imageInventory(dir, 'x', {});
    assert.equal(r.distro, undefined);
    assert.ok(r.packages.length > 0 && r.packages.every((p) => p.ecosystem === 'Debian'));
    assert.ok(r.target.warnings.some((w) => w.code === 'unknown-release' && /unknown release/.test(w.message)));
  });

  it('distroless status.d files; their .md5sums neighbours are not packages', async () => {
    const stanza = 'Package: tzdata\nVersion: 2024a-0+deb12u1\nArchitecture: all\n';
    const { dir } = await oci([gz(await tarOf([{ name: 'etc/os-release', content: OS_RELEASE }, { name: 'var/lib/dpkg/status.d/tzdata', content: stanza }, { name: 'var/lib/dpkg/status.d/tzdata.md5sums', content: 'abc  usr/share/zoneinfo/UTC\n' }]))]);
    const r = await imageInventory(dir, 'dl', {});
    assert.deepEqual(r.packages.map((p) => `${p.name} ${p.version} ${p.ecosystem}`), ['tzdata 2024a-0+deb12u1 Debian:12']);
  });

  it('a database deleted by a later layer lists nothing', async () => {
    const { dir } = await oci([gz(await tarOf([{ name: 'var/lib/dpkg/status', content: STATUS }])), gz(await tarOf([{ name: 'var/lib/dpkg/.wh.status', content: '' }]))]);
    const r = await imageInventory(dir, 'x', {});
    assert.equal(r.packages.length, 0);
  });
});

describe('imageInventory: docker save archive', () => {
  it('reads the same files from a docker save tar, with its layer digests', async () => {
    const file = await dockerSave([[{ name: 'usr/lib/os-release', content: OS_RELEASE }, { name: 'var/lib/dpkg/status', content: STATUS }], [{ name: 'srv/node_modules/express/package.json', content: pj('express', '4.18.2') }]]);
    const r = await imageInventory(file, 'app.tar', {});
    assert.deepEqual(r.target.errors, []);
    assert.equal(r.packages.filter((p) => p.ecosystem === 'Debian:12').length, installedCount);
    const express = one(r.packages, 'express');
    assert.equal(express.layer?.index, 1);
    assert.match(express.layer!.digest, /^sha256:[a-f0-9]{64}$/);
  });
});

describe('imageInventory: hostile layers', () => {
  it('skips ../ paths and never follows a symlink loop in node_modules', async () => {
    const { dir } = await oci([
      gz(
        await tarOf([
          { name: '../../etc/node_modules/evil/package.json', content: pj('evil', '6.6.6') },
          { name: 'app/node_modules/a', type: 'symlink', linkname: 'b' },
          { name: 'app/node_modules/b', type: 'symlink', linkname: 'a' },
          { name: 'app/node_modules/loop', type: 'symlink', linkname: '.' },
          { name: 'app/node_modules/ok/package.json', content: pj('ok', '1.0.0') },
        ]),
      ),
    ]);
    const r = await imageInventory(dir, 'h', {});
    assert.deepEqual(r.packages.map((p) => p.name), ['ok']);
    assert.ok(r.target.warnings.some((w) => w.code === 'path-traversal'));
  });

  it('a 20,000-entry layer is read in one pass', async () => {
    const entries: E[] = [];
    for (let i = 0; i < 20_000; i++) entries.push({ name: `app/node_modules/p${i}/index.js`, content: 'module.exports = 1;\n' });
    for (let i = 0; i < 200; i++) entries.push({ name: `app/node_modules/p${i}/package.json`, content: pj(`p${i}`, `1.0.${i}`) });
    const { dir } = await oci([gz(await tarOf(entries))]);
    const r = await imageInventory(dir, 'big', {});
    assert.equal(r.packages.length, 200);
    assert.deepEqual(r.target.errors, []);
  });

  it('a zip-bomb JAR costs a warning, not memory', async () => {
    // 256 MiB of zeros deflates to ~256 KiB; the nested-archive cap (8 MiB here) stops inflation early.
    const bomb = buildZip([pomProperties('com.example', 'ok', '1.0'), { name: 'BOOT-INF/lib/bomb.jar', data: Buffer.alloc(256 << 20) }]);
    const liar = buildZip([{ name: 'BOOT-INF/lib/liar.jar', data: Buffer.alloc(64 << 20), declaredSize: 1000 }]);
    const { dir } = await oci([gz(await tarOf([{ name: 'app/bomb.jar', content: bomb }, { name: 'app/liar.jar', content: liar }]))]);
    const before = process.memoryUsage().rss;
    const r = await imageInventory(dir, 'z', { readLimits: { maxInflateBytes: 8 << 20 } });
    const grew = process.memoryUsage().rss - before;
    assert.deepEqual(r.packages.map((p) => p.name), ['com.example:ok']);
    assert.ok(r.target.warnings.some((w) => w.code === 'archive-entry-too-large' && /bomb\.jar/.test(w.message)), JSON.stringify(r.target.warnings));
    assert.ok(r.target.warnings.some((w) => /liar\.jar/.test(w.message)), JSON.stringify(r.target.warnings));
    assert.ok(grew < 200 << 20, `RSS grew by ${grew} bytes`);
  });

  it('a file over its size cap is named in a warning', async () => {
    const { dir } = await oci([gz(await tarOf([{ name: 'var/lib/dpkg/status', content: STATUS }]))]);
    const r = await imageInventory(dir, 'x', { maxFileBytes: 1000 });
    assert.equal(r.packages.length, 0);
    assert.ok(r.target.warnings.some((w) => w.code === 'too-large' && /var\/lib\/dpkg\/status/.test(w.message)));
  });
});

describe('directoryInventory', () => {
  it('reads an unpacked root filesystem with the same rules, without following symlinks out of it', async (t) => {
    const go = await buildGoBinary();
    const root = await tmp();
    const outside = await tmp();
    await writeTree(outside, [{ name: 'node_modules/secret/package.json', content: pj('outside', '1.0.0') }]);
    await writeTree(root, [
      { name: 'usr/lib/os-release', content: OS_RELEASE },
      { name: 'var/lib/dpkg/status', content: STATUS },
      { name: 'app/node_modules/lodash/package.json', content: pj('lodash', '4.17.21') },
      { name: 'app/WEB-INF/lib/x.jar', content: buildZip([pomProperties('org.x', 'x', '3.0')]) },
      ...('path' in go ? [{ name: 'usr/bin/hello', content: readFileSync(go.path), mode: 0o755 }] : []),
    ]);
    await mkdir(join(root, 'etc'), { recursive: true });
    await symlink('../usr/lib/os-release', join(root, 'etc/os-release'));
    await symlink(outside, join(root, 'app/node_modules/escape'));
    await symlink('.', join(root, 'app/node_modules/self'));
    const r = await directoryInventory(root, 'rootfs', {});
    assert.equal(r.target.kind, 'rootfs');
    assert.equal(r.distro?.id, 'debian');
    assert.equal(r.packages.filter((p) => p.ecosystem === 'Debian:12').length, installedCount);
    assert.equal(one(r.packages, 'lodash').location.path, 'rootfs/app/node_modules/lodash/package.json');
    assert.equal(one(r.packages, 'lodash').layer, undefined);
    assert.equal(one(r.packages, 'org.x:x').version, '3.0');
    assert.equal(by(r.packages, 'outside').length, 0);
    if ('path' in go) assert.equal(one(r.packages, 'golang.org/x/text').version, 'v0.14.0');
    else t.diagnostic(`Go part skipped: ${go.skip}`);
  });

  it('stops at the depth and file-count limits with a warning', async () => {
    const root = await tmp();
    await writeTree(root, [{ name: 'a/b/c/d/e/node_modules/deep/package.json', content: pj('deep', '1.0.0') }, ...Array.from({ length: 30 }, (_, i) => ({ name: `f/${i}.txt`, content: 'x' }))]);
    const deep = await directoryInventory(root, '.', { maxDepth: 3 });
    assert.equal(deep.packages.length, 0);
    assert.ok(deep.target.warnings.some((w) => w.code === 'too-deep'));
    const many = await directoryInventory(root, '.', { maxFiles: 10 });
    assert.ok(many.target.warnings.some((w) => w.code === 'too-many-files'));
  });
});

describe('classifyPath', () => {
  it('knows the package-declaring paths', () => {
    const cases: [string, string | undefined][] = [
      ['etc/os-release', 'os-release'],
      ['usr/lib/os-release', 'os-release'],
      ['var/lib/dpkg/status', 'dpkg-status'],
      ['var/lib/dpkg/status-old', undefined],
      ['var/lib/dpkg/status.d/libc6', 'dpkg-status-d'],
      ['var/lib/dpkg/status.d/libc6.md5sums', undefined],
      ['lib/apk/db/installed', 'apk-installed'],
      ['usr/lib/sysimage/rpm/rpmdb.sqlite', 'rpmdb-sqlite'],
      ['var/lib/rpm/rpmdb.sqlite', 'rpmdb-sqlite'],
      ['var/lib/rpm/Packages', 'rpmdb-bdb'],
      ['usr/lib/sysimage/rpm/Packages.db', 'rpmdb-ndb'],
      ['x/node_modules/a/package.json', 'npm-package-json'],
      ['x/node_modules/@s/a/package.json', 'npm-package-json'],
      ['x/node_modules/@s/package.json', undefined],
      ['x/node_modules/a/lib/package.json', undefined],
      ['package.json', undefined],
      ['usr/lib/python3.11/site-packages/Flask-3.0.0.dist-info/METADATA', 'python-dist-info'],
      ['usr/lib/python3/dist-packages/x.egg-info/PKG-INFO', 'python-egg-info'],
      ['opt/app/app.WAR', 'java-archive'],
      ['opt/app/readme.txt', undefined],
    ];
    for (const [p, want] of cases) assert.equal(classifyPath(p), want, p);
  });
});
