import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { cvss2BaseScore, cvss3BaseScore, cvss4Score, roundup30, roundup31, scoreCvss } from './index.js';

// Expected scores of these hand-picked vectors were checked against the FIRST/Red Hat reference implementation.
const V4: readonly [string, number][] = [
  ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.3],
  ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H', 10.0],
  ['CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N', 5.1],
  ['CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 8.5],
  ['CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 8.7],
  ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N', 8.7],
  ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N', 5.3],
  ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N', 6.9],
  ['CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.2],
  ['CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 7.3],
  ['CVSS:4.0/AV:P/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 7.0],
  ['CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N', 7.1],
  ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N', 5.1],
  ['CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:L/SC:N/SI:N/SA:N', 8.3],
  ['CVSS:4.0/AV:L/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N', 1.0],
  ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N', 0.0],
  ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U', 8.1],
  ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P', 8.9],
  ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A', 9.3],
  ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/CR:L/IR:L/AR:L', 8.9],
  ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N/MSI:S/MSA:S', 9.1],
  ['CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:H/SI:H/SA:H', 6.4],
  ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MAV:P/MPR:H', 7.0],
  ['CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N', 5.3],
  ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X/CR:X/IR:X/AR:X/MAV:X/MAC:X/MAT:X/MPR:X/MUI:X/MVC:X/MVI:X/MVA:X/MSC:X/MSI:X/MSA:X/S:X/AU:X/R:X/V:X/RE:X/U:X', 9.3],
  ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/S:P/AU:Y/R:U/V:C/RE:H/U:Red', 9.3],
];

// The worked examples of the FIRST CVSS v3.1 "Examples" document (CVE id → vector → base score).
const V31_EXAMPLES: readonly [string, string, number][] = [
  ['CVE-2013-1937', 'AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1],
  ['CVE-2013-0375', 'AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N', 6.4],
  ['CVE-2014-3566', 'AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N', 3.1],
  ['CVE-2012-1516', 'AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H', 9.9],
  ['CVE-2009-0783', 'AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L', 4.2],
  ['CVE-2012-0384', 'AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 8.8],
  ['CVE-2015-1098', 'AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', 7.8],
  ['CVE-2014-0160', 'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 7.5],
  ['CVE-2014-6271', 'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
  ['CVE-2008-1447', 'AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N', 6.8],
  ['CVE-2014-2005', 'AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 6.8],
  ['CVE-2010-0467', 'AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N', 5.8],
  ['CVE-2012-1342', 'AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:L/A:N', 5.8],
  ['CVE-2013-6014', 'AV:A/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:H', 9.3],
];

test('CVSS v4.0: hand-picked vectors score as the reference calculator does', () => {
  assert.ok(V4.length >= 20);
  for (const [vector, want] of V4) {
    const r = cvss4Score(vector);
    assert.ok(r.ok, `${vector}: ${r.ok ? '' : r.error}`);
    assert.equal(r.value.score, want, vector);
  }
});

test('CVSS v3.1: the specification examples', () => {
  for (const [cve, body, want] of V31_EXAMPLES) {
    const r = cvss3BaseScore(`CVSS:3.1/${body}`);
    assert.ok(r.ok && r.value.score === want, `${cve}: want ${want}, got ${JSON.stringify(r)}`);
  }
});

test('CVSS v3: temporal and environmental metrics are accepted but do not change the base score', () => {
  const r = cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:C/CR:L/MAV:P');
  assert.deepEqual(r, { ok: true, value: { version: '3.1', score: 9.8 } });
});

test('Roundup: v3.1 ignores floating-point noise, v3.0 does not', () => {
  assert.equal(roundup31(4.000001), 4.0);
  assert.equal(roundup30(4.000001), 4.1);
  assert.equal(roundup31(4.02), 4.1);
  assert.equal(roundup31(4.0), 4.0);
});

test('CVSS v2: base scores', () => {
  assert.deepEqual(cvss2BaseScore('AV:N/AC:L/Au:N/C:P/I:P/A:P'), { ok: true, value: { version: '2.0', score: 7.5 } });
  assert.deepEqual(cvss2BaseScore('(AV:N/AC:L/Au:N/C:C/I:C/A:C)'), { ok: true, value: { version: '2.0', score: 10 } });
  assert.deepEqual(cvss2BaseScore('AV:N/AC:M/Au:N/C:N/I:P/A:N'), { ok: true, value: { version: '2.0', score: 4.3 } });
});

test('every vector of the reference fixture scores as the reference implementation does', () => {
  const lines = readFileSync(new URL('../fixtures/cvss-reference.tsv', import.meta.url), 'utf8').split('\n');
  let checked = 0;
  const wrong: string[] = [];
  for (const line of lines) {
    if (line === '' || line.startsWith('#')) continue;
    const [vector, score] = line.split('\t') as [string, string];
    const r = scoreCvss(vector);
    if (!r.ok || r.value.score !== Number(score)) wrong.push(`${vector}: want ${score}, got ${r.ok ? r.value.score : r.error}`);
    checked++;
  }
  assert.ok(checked > 2500, `only ${checked} vectors`);
  assert.deepEqual(wrong.slice(0, 10), []);
});

test('invalid vectors are errors, never crashes', () => {
  const bad = [
    '',
    'CVSS:3.1/',
    'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H', // A missing
    'CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', // repeated
    'CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', // bad value
    'CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N', // S only in MSI
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N', // SA missing
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/XX:Y',
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/',
    'AV:N/AC:L/Au:N/C:P/I:P',
    'not a vector',
  ];
  for (const v of bad) {
    const r = scoreCvss(v);
    assert.equal(r.ok, false, v);
  }
  assert.equal(scoreCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'CVSS_V4').ok, false);
  assert.equal(scoreCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'CVSS_V3').ok, true);
});

const pick = <T>(xs: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);

test('property: any valid v4.0 vector scores within [0, 10] with one decimal', () => {
  const metric = (k: string, vs: readonly string[]): fc.Arbitrary<string> => pick(vs).map((v) => `${k}:${v}`);
  const optional = (k: string, vs: readonly string[]): fc.Arbitrary<string> => fc.option(metric(k, vs), { nil: '' });
  const vector = fc
    .tuple(
      metric('AV', ['N', 'A', 'L', 'P']), metric('AC', ['L', 'H']), metric('AT', ['N', 'P']), metric('PR', ['N', 'L', 'H']), metric('UI', ['N', 'P', 'A']),
      metric('VC', ['H', 'L', 'N']), metric('VI', ['H', 'L', 'N']), metric('VA', ['H', 'L', 'N']), metric('SC', ['H', 'L', 'N']), metric('SI', ['H', 'L', 'N']), metric('SA', ['H', 'L', 'N']),
      optional('E', ['X', 'A', 'P', 'U']), optional('CR', ['X', 'H', 'M', 'L']), optional('MAV', ['X', 'N', 'A', 'L', 'P']), optional('MSI', ['X', 'S', 'H', 'L', 'N']),
      optional('MSA', ['X', 'S', 'H', 'L', 'N']), optional('MVC', ['X', 'H', 'L', 'N']), optional('MPR', ['X', 'N', 'L', 'H']),
    )
    .map((parts) => `CVSS:4.0/${parts.filter((p) => p !== '').join('/')}`);
  fc.assert(
    fc.property(vector, (v) => {
      const r = cvss4Score(v);
      assert.ok(r.ok, v);
      assert.ok(r.value.score >= 0 && r.value.score <= 10, `${v} → ${r.value.score}`);
      assert.equal(Math.round(r.value.score * 10) / 10, r.value.score);
    }),
    { numRuns: 2000 },
  );
});

test('property: arbitrary strings never throw', () => {
  fc.assert(fc.property(fc.string(), (s) => { scoreCvss(s); scoreCvss(`CVSS:4.0/${s}`); scoreCvss(`CVSS:3.1/${s}`); }));
});
