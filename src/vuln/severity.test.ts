import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OsvRecord } from './osv.js';
import { assessSeverity, severityFromScore } from './severity.js';

const V31 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'; // 9.8
const V40 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N'; // 5.3
const rec = (extra: Partial<OsvRecord>): OsvRecord => ({ id: 'X-1', modified: '', ...extra });

test('score to severity boundaries', () => {
  assert.deepEqual([10, 9, 8.9, 7, 6.9, 4, 3.9, 0.1, 0].map(severityFromScore), ['critical', 'critical', 'high', 'high', 'medium', 'medium', 'low', 'low', 'info']);
});

test('CVSS v4 wins over v3.x, computed from the vector', () => {
  const a = assessSeverity([{ record: rec({ severity: [{ type: 'CVSS_V3', score: V31 }, { type: 'CVSS_V4', score: V40 }] }), affected: [] }]);
  assert.deepEqual([a.severity, a.severitySource], ['medium', 'cvss']);
  assert.deepEqual(a.cvss.map((c) => c.score), [9.8, 5.3]);
});

test('affected-level vectors count; a v4 in a later record beats a v3 in the first', () => {
  const first = { record: rec({ id: 'GO-1' }), affected: [{ severity: [{ type: 'CVSS_V3', score: V31 }] }] };
  const second = { record: rec({ id: 'GHSA-1', severity: [{ type: 'CVSS_V4', score: V40 }] }), affected: [] };
  assert.equal(assessSeverity([first, second]).severity, 'medium');
});

test('database labels when there is no vector: GHSA, Bitnami, ecosystem_specific, Ubuntu', () => {
  const s = (r: Partial<OsvRecord>, aff: object[] = []) => assessSeverity([{ record: rec(r), affected: aff }]);
  assert.deepEqual([s({ database_specific: { severity: 'MODERATE' } }).severity, s({ database_specific: { severity: 'MODERATE' } }).severitySource], ['medium', 'ecosystem']);
  assert.equal(s({ database_specific: { severity: 'Critical' } }).severity, 'critical');
  assert.equal(s({}, [{ ecosystem_specific: { severity: 'HIGH' } }]).severity, 'high');
  assert.equal(s({ severity: [{ type: 'Ubuntu', score: 'negligible' }] }).severity, 'info');
  assert.equal(s({ database_specific: { severity: 'Unknown' } }).severitySource, 'unknown');
});

test('nothing to go on: medium, source unknown', () => {
  assert.deepEqual(assessSeverity([{ record: rec({}), affected: [] }]), { severity: 'medium', severitySource: 'unknown', cvss: [], errors: [] });
});

test('an unscorable vector is an error and does not count', () => {
  const a = assessSeverity([{ record: rec({ severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:X' }], database_specific: { severity: 'LOW' } }), affected: [] }]);
  assert.deepEqual([a.severity, a.severitySource, a.errors.length], ['low', 'ecosystem', 1]);
});
