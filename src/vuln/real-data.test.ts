import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Package } from '../core/package.js';
import { matchPackages, packageKey, type MatchOutcome } from './match.js';
import { MemoryAdvisorySource } from './memory-source.js';
import { asOsvRecord, type OsvRecord } from './osv.js';

// Expected IDs below were read off the records with zcat/python, not produced by this matcher.
const DATA = new URL('../../../shared/data/osv/', import.meta.url);

function load(...files: string[]): MemoryAdvisorySource {
  const records: OsvRecord[] = [];
  for (const f of files) {
    for (const line of gunzipSync(readFileSync(new URL(`${f}.jsonl.gz`, DATA))).toString('utf8').split('\n')) {
      if (line === '') continue;
      const r = asOsvRecord(JSON.parse(line));
      assert.ok(typeof r !== 'string', String(r));
      records.push(r);
    }
  }
  return new MemoryAdvisorySource(records);
}

const source = load('Go', 'PyPI', 'crates.io', 'Packagist');

function pkg(ecosystem: string, name: string, version: string): Package {
  return { ecosystem, name, version, purl: '', foundBy: 'test', location: { path: 'lockfile', startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } };
}

/** Every record ID that matched (primaries and merged records), so the check does not depend on which ID became primary. */
function recordIds(out: MatchOutcome): string[] {
  return out.matches.flatMap((m) => m.records.map((r) => r.id)).sort();
}

test('Go: github.com/gin-gonic/gin 1.6.0', () => {
  const p = pkg('Go', 'github.com/gin-gonic/gin', 'v1.6.0');
  const out = matchPackages([p], source);
  // GO-2020-0001 is fixed in 1.6.0; GO-2023-1737 starts at a 1.3.1 pseudo-version, below 1.6.0.
  assert.deepEqual(recordIds(out), ['GO-2021-0052', 'GO-2023-1737']);
  assert.deepEqual(out.unknown, []);
  // 1.7.7 fixes GO-2021-0052 but is still inside GO-2023-1737.
  assert.equal(out.upgrades.get(packageKey(p)), '1.9.1');
});

test('PyPI: django 3.2.0 matches exactly the PYSEC records that list 3.2', () => {
  const out = matchPackages([pkg('PyPI', 'Django', '3.2.0')], source);
  assert.deepEqual(out.unknown, []);
  assert.deepEqual(recordIds(out), [
    'PYSEC-2021-109', 'PYSEC-2021-439', 'PYSEC-2021-7', 'PYSEC-2021-8', 'PYSEC-2021-98', 'PYSEC-2021-99',
    'PYSEC-2022-1', 'PYSEC-2022-19', 'PYSEC-2022-190', 'PYSEC-2022-191', 'PYSEC-2022-2', 'PYSEC-2022-20', 'PYSEC-2022-213',
    'PYSEC-2022-245', 'PYSEC-2022-3', 'PYSEC-2022-304', 'PYSEC-2023-100', 'PYSEC-2023-12', 'PYSEC-2023-13', 'PYSEC-2023-222',
    'PYSEC-2023-225', 'PYSEC-2023-226', 'PYSEC-2023-61', 'PYSEC-2024-28', 'PYSEC-2024-47',
  ]);
});

test('PyPI: withdrawn records never match', () => {
  // PYSEC-2020-221 and PYSEC-2021-125 (ansible), PYSEC-2023-73 (redis) and PYSEC-2023-101 (selenium) are withdrawn, all from version 0.
  const out = matchPackages([pkg('PyPI', 'ansible', '1.0'), pkg('PyPI', 'redis', '0.6.0'), pkg('PyPI', 'selenium', '0.9.2')], source);
  const ids = recordIds(out);
  for (const id of ['PYSEC-2020-221', 'PYSEC-2021-125', 'PYSEC-2023-73', 'PYSEC-2023-101']) assert.ok(!ids.includes(id), id);
});

test('crates.io: smallvec 1.6.0 is hit by RUSTSEC-2021-0003 only, fixed in 1.6.1', () => {
  const p = pkg('crates.io', 'smallvec', '1.6.0');
  const out = matchPackages([p], source);
  assert.deepEqual(out.matches.map((m) => [m.id, m.aliases, m.fixedVersions]), [['RUSTSEC-2021-0003', ['CVE-2021-25900', 'GHSA-43w2-9j62-hq99'], ['0.6.14', '1.6.1']]]);
  assert.equal(out.upgrades.get(packageKey(p)), '1.6.1');
});

test('crates.io: an unmaintained crate is flagged informational', () => {
  const out = matchPackages([pkg('crates.io', 'ansi_term', '0.12.1')], source);
  const m = out.matches.find((x) => x.id === 'RUSTSEC-2021-0139');
  assert.ok(m);
  assert.equal(m.informational, 'unmaintained');
  assert.equal(m.severity, 'low');
  assert.deepEqual(m.fixedVersions, []);
});

test('Packagist: drupal/core 8.4.5', () => {
  const ids = recordIds(matchPackages([pkg('Packagist', 'drupal/core', '8.4.5')], source));
  assert.ok(!ids.includes('DRUPAL-CORE-2018-001')); // fixed in 8.4.5
  for (const id of ['DRUPAL-CORE-2018-002', 'DRUPAL-CORE-2018-003', 'DRUPAL-CORE-2018-004']) assert.ok(ids.includes(id), id);
});
