import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Package } from '../core/package.js';
import { vulnFinding } from './finding.js';
import { matchPackages, type VulnMatch } from './match.js';
import { MemoryAdvisorySource } from './memory-source.js';
import type { OsvRecord } from './osv.js';
import { withDottedScheme } from './fixtures/schemes.js';

function lodash(version: string, line: number): Package {
  return {
    ecosystem: 'npm', name: 'lodash', version, purl: `pkg:npm/lodash@${version}`, foundBy: 'package-lock.json',
    location: { path: 'app/package-lock.json', startLine: line, startColumn: 5, endLine: line + 4, endColumn: 6 },
    layer: { index: 2, digest: 'sha256:abc' },
  };
}

const RECORD: OsvRecord = {
  id: 'GHSA-35jh-r3h4-6jhm',
  modified: '2024-01-02T00:00:00Z',
  published: '2021-05-06T00:00:00Z',
  aliases: ['CVE-2021-23337'],
  summary: 'Command Injection in lodash',
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H' }],
  affected: [{ package: { ecosystem: 'npm', name: 'lodash' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }] }],
  references: [
    { type: 'ADVISORY', url: 'https://nvd.nist.gov/vuln/detail/CVE-2021-23337' },
    { type: 'WEB', url: 'http://insecure.example.org/x' },
    { type: 'WEB', url: 'https://nvd.nist.gov/vuln/detail/CVE-2021-23337' },
    ...Array.from({ length: 12 }, (_, i) => ({ type: 'WEB', url: `https://example.org/${i}` })),
  ],
};

function matchOf(p: Package, record: OsvRecord = RECORD): VulnMatch {
  const m = matchPackages([p], new MemoryAdvisorySource([record]), { ecosystemFor: withDottedScheme }).matches[0];
  assert.ok(m);
  return m;
}

test('a vulnerable package becomes a complete finding', () => {
  const f = vulnFinding(matchOf(lodash('4.17.20', 10)), '4.17.21');
  assert.equal(f.checkId, 'GHSA-35jh-r3h4-6jhm');
  assert.equal(f.slug, 'vulnerable-package');
  assert.equal(f.title, 'Command Injection in lodash');
  assert.equal(f.category, 'vulnerability');
  assert.equal(f.severity, 'high');
  assert.equal(f.message, 'lodash 4.17.20 is affected by GHSA-35jh-r3h4-6jhm (CVE-2021-23337): Command Injection in lodash. Fixed in 4.17.21.');
  assert.equal(f.remediation, 'Upgrade lodash to 4.17.21 or later.');
  assert.equal(f.dataPath, '');
  assert.deepEqual(f.resource, { apiVersion: '', kind: '', namespace: '', name: '' });
  assert.deepEqual(f.location, lodash('4.17.20', 10).location);
  assert.deepEqual(f.peers, []);
  assert.equal(f.suppressed, null);
  assert.equal(f.references.length, 10);
  assert.ok(f.references.every((r) => r.startsWith('https://')));
  assert.equal(new Set(f.references).size, 10);
  assert.deepEqual(f.vulnerability, {
    id: 'GHSA-35jh-r3h4-6jhm',
    aliases: ['CVE-2021-23337'],
    summary: 'Command Injection in lodash',
    package: { ecosystem: 'npm', name: 'lodash', version: '4.17.20', purl: 'pkg:npm/lodash@4.17.20' },
    fixedVersions: ['4.17.21'],
    upgradeTo: '4.17.21',
    cvss: [{ version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H', score: 7.2 }],
    severitySource: 'cvss',
    layer: { index: 2, digest: 'sha256:abc' },
    published: '2021-05-06T00:00:00Z',
    modified: '2024-01-02T00:00:00Z',
  });
});

test('the fingerprint survives a version bump and a line move, and changes with the file or the advisory', () => {
  const a = vulnFinding(matchOf(lodash('4.17.19', 10)), '4.17.21').fingerprint;
  assert.equal(vulnFinding(matchOf(lodash('4.17.20', 99)), '4.17.21').fingerprint, a);
  const elsewhere = { ...lodash('4.17.20', 10), location: { ...lodash('4.17.20', 10).location, path: 'other/package-lock.json' } };
  assert.notEqual(vulnFinding(matchOf(elsewhere), '4.17.21').fingerprint, a);
  assert.notEqual(vulnFinding(matchOf(lodash('4.17.20', 10), { ...RECORD, id: 'GHSA-other' }), '4.17.21').fingerprint, a);
});

test('no fix: message and remediation say so', () => {
  const unfixed: OsvRecord = { ...RECORD, summary: '', affected: [{ package: { ecosystem: 'npm', name: 'lodash' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] }] };
  const f = vulnFinding(matchOf(lodash('4.17.20', 1), unfixed), undefined);
  assert.equal(f.title, 'GHSA-35jh-r3h4-6jhm in lodash');
  assert.equal(f.message, 'lodash 4.17.20 is affected by GHSA-35jh-r3h4-6jhm (CVE-2021-23337). No fixed version yet.');
  assert.match(f.remediation, /^No fix is available; /);
  assert.equal(f.vulnerability?.upgradeTo, undefined);
});

test('informational advisories get their own slug', () => {
  const info: OsvRecord = {
    id: 'RUSTSEC-2021-0139', modified: '', summary: 'ansi_term is Unmaintained',
    affected: [{ package: { ecosystem: 'crates.io', name: 'ansi_term' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0.0.0-0' }] }], database_specific: { informational: 'unmaintained' } }],
  };
  const p: Package = { ...lodash('0.12.1', 1), ecosystem: 'crates.io', name: 'ansi_term' };
  const f = vulnFinding(matchOf(p, info), undefined);
  assert.equal(f.slug, 'informational-advisory');
  assert.equal(f.severity, 'low');
  assert.equal(f.vulnerability?.informational, 'unmaintained');
  assert.match(f.message, /an informational advisory \(unmaintained\), RUSTSEC-2021-0139/);
});
