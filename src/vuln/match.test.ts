import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Package } from '../core/package.js';
import { matchPackages, packageKey, type MatchOptions } from './match.js';
import { MemoryAdvisorySource } from './memory-source.js';
import type { OsvAffected, OsvRecord } from './osv.js';
import { withDottedScheme } from './fixtures/schemes.js';

const OPTS: MatchOptions = { ecosystemFor: withDottedScheme };

function pkg(ecosystem: string, name: string, version: string, extra: Partial<Package> = {}): Package {
  return {
    ecosystem, name, version, purl: `pkg:generic/${name}@${version}`, foundBy: 'test',
    location: { path: 'lock.json', startLine: 3, startColumn: 1, endLine: 3, endColumn: 1 }, ...extra,
  };
}

function range(ecosystem: string, name: string, ...events: Record<string, string>[]): OsvAffected {
  return { package: { ecosystem, name }, ranges: [{ type: 'ECOSYSTEM', events }] };
}

function rec(id: string, affected: OsvAffected[], extra: Partial<OsvRecord> = {}): OsvRecord {
  return { id, modified: '2024-01-01T00:00:00Z', affected, ...extra };
}

const run = (packages: Package[], records: OsvRecord[], opts: MatchOptions = {}) =>
  matchPackages(packages, new MemoryAdvisorySource(records), { ...OPTS, ...opts });

test('a package inside a range matches; one outside does not', () => {
  const r = rec('PYSEC-2021-1', [range('PyPI', 'django', { introduced: '3.0' }, { fixed: '3.2.5' })], { summary: 'SQL injection' });
  const out = run([pkg('PyPI', 'Django', '3.2.0'), pkg('PyPI', 'django', '3.2.5')], [r]);
  assert.deepEqual(out.matches.map((m) => [m.package.version, m.id, m.fixedVersions]), [['3.2.0', 'PYSEC-2021-1', ['3.2.5']]]);
  assert.equal(out.matches[0]?.summary, 'SQL injection');
  assert.deepEqual(out.matches[0]?.range, { type: 'ECOSYSTEM', introduced: '3.0', fixed: '3.2.5' });
  assert.deepEqual(out.unknown, []);
});

test('names are compared after the ecosystem normalises them (PEP 503 for PyPI)', () => {
  const r = rec('PYSEC-1', [range('PyPI', 'Zope.Interface', { introduced: '0' })]);
  assert.equal(run([pkg('PyPI', 'zope-interface', '1.0')], [r]).matches.length, 1);
});

test('withdrawn records never match', () => {
  const r = rec('PYSEC-2', [range('PyPI', 'x', { introduced: '0' })], { withdrawn: '2024-02-01T00:00:00Z' });
  const out = run([pkg('PyPI', 'x', '1.0')], [r]);
  assert.deepEqual(out.matches, []);
  assert.deepEqual(out.upgrades.size, 0);
});

test('records about the same vulnerability merge into one match: own-database ID primary, the rest aliases', () => {
  const ghsa = rec('GHSA-aaaa-bbbb-cccc', [range('PyPI', 'x', { introduced: '0' }, { fixed: '2.0' })], { aliases: ['CVE-2024-1'] });
  const pysec = rec('PYSEC-2024-9', [range('PyPI', 'x', { introduced: '1.0' }, { fixed: '2.1' })], { aliases: ['CVE-2024-1'] });
  // Linked only transitively: it shares CVE-2024-2 with a record that shares CVE-2024-1.
  const other = rec('OSV-2024-7', [range('PyPI', 'x', { introduced: '0' })], { aliases: ['CVE-2024-2'] });
  const linker = rec('GHSA-zzzz-zzzz-zzzz', [range('PyPI', 'x', { introduced: '0' }, { fixed: '3.0' })], { aliases: ['CVE-2024-2', 'PYSEC-2024-9'] });
  const unrelated = rec('PYSEC-2024-10', [range('PyPI', 'x', { introduced: '0' }, { fixed: '9' })], { aliases: ['CVE-2024-3'] });
  const out = run([pkg('PyPI', 'x', '1.5')], [ghsa, pysec, other, linker, unrelated]);
  assert.deepEqual(out.matches.map((m) => m.id), ['OSV-2024-7', 'PYSEC-2024-10']);
  const merged = out.matches[0]!;
  assert.deepEqual(merged.aliases, ['CVE-2024-1', 'CVE-2024-2', 'GHSA-aaaa-bbbb-cccc', 'GHSA-zzzz-zzzz-zzzz', 'PYSEC-2024-9']);
  assert.deepEqual(merged.records.map((r) => r.id), ['OSV-2024-7', 'PYSEC-2024-9', 'GHSA-aaaa-bbbb-cccc', 'GHSA-zzzz-zzzz-zzzz']);
  assert.deepEqual(merged.fixedVersions, ['2.0', '2.1', '3.0']);
});

test('GHSA is preferred over a CVE record, and the own-database record over GHSA', () => {
  const cve = rec('CVE-2024-5', [range('PyPI', 'y', { introduced: '0' })], { aliases: ['GHSA-1111-2222-3333'] });
  const ghsa = rec('GHSA-1111-2222-3333', [range('PyPI', 'y', { introduced: '0' })]);
  assert.equal(run([pkg('PyPI', 'y', '1')], [cve, ghsa]).matches[0]?.id, 'GHSA-1111-2222-3333');
  const go = rec('GO-2024-1', [range('PyPI', 'y', { introduced: '0' })], { aliases: ['GHSA-1111-2222-3333'] });
  assert.equal(run([pkg('PyPI', 'y', '1')], [cve, ghsa, go]).matches[0]?.id, 'GO-2024-1');
});

test('informational RustSec advisories are flagged and reported at low severity', () => {
  const r = rec('RUSTSEC-2020-0001', [{ ...range('crates.io', 'old', { introduced: '0' }), database_specific: { informational: 'unmaintained' } }], {
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
  });
  const real = rec('RUSTSEC-2020-0002', [{ ...range('crates.io', 'old', { introduced: '0' }), database_specific: { informational: null } }]);
  const out = run([pkg('crates.io', 'old', '1.0')], [r, real]);
  const [info, vuln] = out.matches;
  assert.equal(info?.informational, 'unmaintained');
  assert.equal(info?.severity, 'low');
  assert.equal(vuln?.informational, undefined);
});

test('ignoreUnfixed drops matches without a fixed version', () => {
  const fixed = rec('PYSEC-1', [range('PyPI', 'z', { introduced: '0' }, { fixed: '2' })]);
  const unfixed = rec('PYSEC-2', [range('PyPI', 'z', { introduced: '0' })]);
  assert.equal(run([pkg('PyPI', 'z', '1')], [fixed, unfixed]).matches.length, 2);
  const out = run([pkg('PyPI', 'z', '1')], [fixed, unfixed], { ignoreUnfixed: true });
  assert.deepEqual(out.matches.map((m) => m.id), ['PYSEC-1']);
  assert.equal(out.upgrades.get(packageKey(pkg('PyPI', 'z', '1'))), '2');
});

test('an unreadable package version is reported as unknown, never as not affected', () => {
  const r = rec('PYSEC-3', [range('PyPI', 'w', { introduced: '0' }, { fixed: '2' })]);
  const out = run([pkg('PyPI', 'w', '1.0-weird')], [r]);
  assert.deepEqual(out.matches, []);
  assert.equal(out.unknown.length, 1);
  assert.equal(out.unknown[0]?.advisoryId, 'PYSEC-3');
  assert.match(out.unknown[0]!.reason, /1\.0-weird/);
});

test('an unknown record aliased to a matched one is that match, not a separate error', () => {
  const ok = rec('PYSEC-4', [range('PyPI', 'v', { introduced: '0' }, { fixed: '2' })], { aliases: ['CVE-9'] });
  const unreadable = rec('GHSA-4444-4444-4444', [range('PyPI', 'v', { introduced: '0' }, { fixed: '2.0-final' })], { aliases: ['CVE-9'] });
  const out = run([pkg('PyPI', 'v', '1')], [ok, unreadable]);
  assert.equal(out.matches.length, 1);
  assert.deepEqual(out.unknown, []);
});

test('upgrade: the smallest fixed version that clears every advisory of the package', () => {
  const a = rec('PYSEC-A', [range('PyPI', 'u', { introduced: '0' }, { fixed: '1.5' })]);
  // 1.3 fixes B but is still inside A; 1.5 fixes A but B is reintroduced at 1.5; 1.7 clears both.
  const b = rec('PYSEC-B', [range('PyPI', 'u', { introduced: '0' }, { fixed: '1.3' }, { introduced: '1.5' }, { fixed: '1.7' })]);
  const p = pkg('PyPI', 'u', '1.2');
  const out = run([p], [a, b]);
  assert.deepEqual(out.matches.map((m) => [m.id, m.fixedVersions]), [['PYSEC-A', ['1.5']], ['PYSEC-B', ['1.3', '1.7']]]);
  assert.equal(out.upgrades.get(packageKey(p)), '1.7');
});

test('upgrade: null when no fixed version clears everything', () => {
  const a = rec('PYSEC-A', [range('PyPI', 'u', { introduced: '0' }, { fixed: '1.5' })]);
  const b = rec('PYSEC-B', [range('PyPI', 'u', { introduced: '0' })]);
  const p = pkg('PyPI', 'u', '1.2');
  assert.equal(run([p], [a, b]).upgrades.get(packageKey(p)), null);
});

test('upgrade: a fixed version below the installed one is not an upgrade', () => {
  const a = rec('PYSEC-A', [range('PyPI', 'u', { introduced: '0' }, { fixed: '1.0' }, { introduced: '2.0' }, { fixed: '2.4' })]);
  const p = pkg('PyPI', 'u', '2.1');
  const out = run([p], [a]);
  assert.deepEqual(out.matches[0]?.fixedVersions, ['1.0', '2.4']);
  assert.equal(out.upgrades.get(packageKey(p)), '2.4');
});

test('OS packages are also looked up by their source package, at the source version', () => {
  const dsa = rec('DSA-5532-1', [range('Debian:12', 'openssl', { introduced: '0' }, { fixed: '3.0.11' })], { aliases: ['CVE-2023-5363'] });
  const p = pkg('Debian:12', 'libssl3', '3.0.9.1', { source: { name: 'openssl', version: '3.0.9' } });
  const out = run([p], [dsa]);
  assert.deepEqual(out.matches.map((m) => [m.package.name, m.id, m.fixedVersions]), [['libssl3', 'DSA-5532-1', ['3.0.11']]]);
  assert.equal(out.upgrades.get(packageKey(p)), '3.0.11');
  // The source version decides: a binary rebuilt from a fixed source is clean.
  const fixedSource = pkg('Debian:12', 'libssl3', '3.0.9.1', { source: { name: 'openssl', version: '3.0.11' } });
  assert.deepEqual(run([fixedSource], [dsa]).matches, []);
});

test('a record found under both the binary and the source name is reported once', () => {
  const both = rec('DSA-1', [range('Debian', 'openssl', { introduced: '0' }, { fixed: '3.1' }), range('Debian', 'libssl3', { introduced: '0' }, { fixed: '3.1' })]);
  const p = pkg('Debian:12', 'libssl3', '3.0', { source: { name: 'openssl', version: '3.0' } });
  assert.equal(run([p], [both]).matches.length, 1);
});

test('release scoping: an advisory for another release does not match; a package without a release is warned about', () => {
  const r = rec('DSA-2', [range('Debian:11', 'curl', { introduced: '0' })]);
  assert.deepEqual(run([pkg('Debian:12', 'curl', '7.88')], [r]).matches, []);
  const out = run([pkg('Debian', 'curl', '7.88')], [r]);
  assert.deepEqual(out.matches, []);
  assert.equal(out.warnings.length, 1);
  assert.match(out.warnings[0]!.message, /names no release/);
  assert.equal(run([pkg('Ubuntu:22.04', 'curl', '7.81')], [rec('USN-1', [range('Ubuntu:22.04:LTS', 'curl', { introduced: '0' })])]).matches.length, 1);
});

test('packages of an ecosystem Palisade does not know are listed as unsupported', () => {
  const p = pkg('Hackage', 'aeson', '1.0');
  const out = run([p], []);
  assert.deepEqual(out.unsupported, [p]);
});

test('severity: CVSS from any merged record, else the database label, else medium/unknown', () => {
  const v3 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N';
  const go = rec('GO-1', [range('PyPI', 's', { introduced: '0' })], { aliases: ['GHSA-5555-5555-5555'] });
  const ghsa = rec('GHSA-5555-5555-5555', [range('PyPI', 's', { introduced: '0' })], { severity: [{ type: 'CVSS_V3', score: v3 }], database_specific: { severity: 'CRITICAL' } });
  const m = run([pkg('PyPI', 's', '1')], [go, ghsa]).matches[0]!;
  assert.equal(m.id, 'GO-1');
  assert.deepEqual([m.severity, m.severitySource, m.cvss], ['high', 'cvss', [{ version: '3.1', vector: v3, score: 7.5 }]]);
  const labelled = run([pkg('PyPI', 's', '1')], [rec('GHSA-6', [range('PyPI', 's', { introduced: '0' })], { database_specific: { severity: 'MODERATE' } })]).matches[0]!;
  assert.deepEqual([labelled.severity, labelled.severitySource], ['medium', 'ecosystem']);
  const bare = run([pkg('PyPI', 's', '1')], [rec('PYSEC-7', [range('PyPI', 's', { introduced: '0' })])]).matches[0]!;
  assert.deepEqual([bare.severity, bare.severitySource], ['medium', 'unknown']);
});

test('an invalid CVSS vector is a warning, not a crash', () => {
  const r = rec('PYSEC-8', [range('PyPI', 't', { introduced: '0' })], { severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N' }] });
  const out = run([pkg('PyPI', 't', '1')], [r]);
  assert.equal(out.matches[0]?.severitySource, 'unknown');
  assert.equal(out.warnings.length, 1);
  assert.match(out.warnings[0]!.message, /PYSEC-8: CVSS v3\.1: missing base metrics/);
});

test('performance: 5,000 packages against 25,000 records', () => {
  const records: OsvRecord[] = [];
  for (let i = 0; i < 25_000; i++) {
    const name = `pkg${i % 5000}`;
    records.push(rec(`PYSEC-${i}`, [{ package: { ecosystem: 'PyPI', name }, versions: ['0.1', '0.2'], ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: `${i % 7}.0` }, { fixed: `${(i % 7) + 1}.5` }] }] }], { aliases: [`CVE-2024-${i}`] }));
  }
  const packages = Array.from({ length: 5000 }, (_, i) => pkg('PyPI', `pkg${i}`, `${i % 9}.2`));
  const source = new MemoryAdvisorySource(records);
  // CPU time, not wall time: shared CI machines are often oversubscribed. The bound is generous (a cold pass, which also
  // parses every record's events once, takes about 1.3 s of CPU under tsx on a loaded 2-core machine); it exists to catch
  // a quadratic regression, the real target is measured by bench/.
  const before = process.cpuUsage();
  const out = matchPackages(packages, source, OPTS);
  const used = process.cpuUsage(before);
  const ms = (used.user + used.system) / 1000;
  assert.ok(out.matches.length > 1000);
  assert.ok(ms < 5000, `took ${ms.toFixed(0)} ms of CPU`);
});
