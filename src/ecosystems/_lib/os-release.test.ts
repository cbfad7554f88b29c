import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { debianReleaseFor, osvEcosystemFor, parseOsRelease, purlDistro, type Distro } from './os-release.js';
import { SHARED } from './tester/shared.js';

const corpus = `${SHARED}/corpus/lockfiles/dpkg`;

test('corpus: Debian os-release files from debootstrap', () => {
  const want: Record<string, [string, string, string]> = {
    'debian-bullseye-minbase': ['11', 'Debian:11', 'debian-11'],
    'debian-bookworm-minbase': ['12', 'Debian:12', 'debian-12'],
    'debian-bookworm-minbase-plus': ['12', 'Debian:12', 'debian-12'],
    'debian-trixie-minbase': ['13', 'Debian:13', 'debian-13'],
  };
  const dirs = readdirSync(corpus).sort();
  assert.deepEqual(dirs, Object.keys(want).sort());
  for (const d of dirs) {
    const distro = parseOsRelease(readFileSync(join(corpus, d, 'os-release'), 'utf8'));
    assert.ok(distro, d);
    assert.equal(distro.id, 'debian');
    assert.deepEqual([distro.versionId, osvEcosystemFor(distro), purlDistro(distro)], want[d], d);
  }
  const trixie = parseOsRelease(readFileSync(join(corpus, 'debian-trixie-minbase', 'os-release'), 'utf8'))!;
  assert.deepEqual(trixie, { id: 'debian', idLike: [], versionId: '13', versionCodename: 'trixie', prettyName: 'Debian GNU/Linux 13 (trixie)' });
});

const ALPINE = `NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.19.1
PRETTY_NAME="Alpine Linux v3.19"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`;
const ALMA = `NAME="AlmaLinux"
VERSION="9.3 (Shamrock Pampas Cat)"
ID="almalinux"
ID_LIKE="rhel centos fedora"
VERSION_ID="9.3"
PLATFORM_ID="platform:el9"
PRETTY_NAME="AlmaLinux 9.3 (Shamrock Pampas Cat)"
ANSI_COLOR="0;34"
LOGO="fedora-logo-icon"
CPE_NAME="cpe:/o:almalinux:almalinux:9::baseos"
HOME_URL="https://almalinux.org/"
`;
const UBUNTU = `PRETTY_NAME="Ubuntu 22.04.4 LTS"
NAME="Ubuntu"
VERSION_ID="22.04"
VERSION="22.04.4 LTS (Jammy Jellyfish)"
VERSION_CODENAME=jammy
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
UBUNTU_CODENAME=jammy
`;
const DISTROLESS = `PRETTY_NAME="Distroless"
NAME="Debian GNU/Linux"
ID="debian"
VERSION_ID="12"
VERSION="Debian GNU/Linux 12 (bookworm)"
HOME_URL="https://github.com/GoogleContainerTools/distroless"
`;
const SID = `PRETTY_NAME="Debian GNU/Linux trixie/sid"
NAME="Debian GNU/Linux"
VERSION_CODENAME=trixie
ID=debian
`;

test('hand-written samples: Alpine, AlmaLinux, Ubuntu, distroless, Debian testing', () => {
  const cases: [string, string, Partial<Distro>, string | undefined, string][] = [
    ['alpine', ALPINE, { id: 'alpine', versionId: '3.19.1', idLike: [] }, 'Alpine:v3.19', 'alpine-3.19.1'],
    ['alma', ALMA, { id: 'almalinux', versionId: '9.3', idLike: ['rhel', 'centos', 'fedora'], prettyName: 'AlmaLinux 9.3 (Shamrock Pampas Cat)' }, 'AlmaLinux:9', 'almalinux-9.3'],
    // OSV files LTS releases as `Ubuntu:22.04:LTS`; the package side stays `Ubuntu:22.04` and the matcher's
    // ecosystemMatches accepts the advisory's extra `:LTS` (or `:Pro:…`) qualifier.
    ['ubuntu', UBUNTU, { id: 'ubuntu', versionId: '22.04', versionCodename: 'jammy', idLike: ['debian'] }, 'Ubuntu:22.04', 'ubuntu-22.04'],
    ['distroless', DISTROLESS, { id: 'debian', versionId: '12', versionCodename: '' }, 'Debian:12', 'debian-12'],
    // No VERSION_ID on testing/sid: the codename decides the release.
    ['sid', SID, { id: 'debian', versionId: '', versionCodename: 'trixie' }, 'Debian:13', 'debian'],
    ['rocky', 'ID="rocky"\nVERSION_ID="8.9"\n', { id: 'rocky' }, 'Rocky Linux:8', 'rocky-8.9'],
    ['rhel', 'ID="rhel"\nVERSION_ID="9.4"\n', { id: 'rhel' }, 'Red Hat', 'rhel-9.4'],
    ['wolfi', 'ID=wolfi\nNAME="Wolfi"\nVERSION_ID="20230201"\n', { id: 'wolfi' }, 'Wolfi', 'wolfi-20230201'],
    ['unknown distro', 'ID=gentoo\nVERSION_ID=2.15\n', { id: 'gentoo' }, undefined, 'gentoo-2.15'],
    ['alpine without minor', 'ID=alpine\nVERSION_ID=3\n', { id: 'alpine' }, undefined, 'alpine-3'],
  ];
  for (const [label, text, fields, eco, purl] of cases) {
    const d = parseOsRelease(text);
    assert.ok(d, label);
    for (const [k, v] of Object.entries(fields)) assert.deepEqual(d[k as keyof Distro], v, `${label}.${k}`);
    assert.equal(osvEcosystemFor(d), eco, label);
    assert.equal(purlDistro(d), purl, label);
  }
});

test('shell quoting, comments, CRLF and case', () => {
  const d = parseOsRelease('# comment\r\nID="Debian"\r\nPRETTY_NAME=\'single quoted\'\r\nVERSION_CODENAME=Bookworm\r\nNAME="with \\"escaped\\" quotes"\r\nnot a line\r\n');
  assert.ok(d);
  assert.equal(d.id, 'debian');
  assert.equal(d.prettyName, 'single quoted');
  assert.equal(osvEcosystemFor(d), 'Debian:12');
  assert.equal(parseOsRelease('NAME=foo\nVERSION_ID=1\n'), undefined);
  assert.equal(parseOsRelease(''), undefined);
  assert.equal(parseOsRelease('ID=\n'), undefined);
  assert.equal(debianReleaseFor('BULLSEYE'), '11');
  assert.equal(debianReleaseFor('hamm'), undefined);
});
