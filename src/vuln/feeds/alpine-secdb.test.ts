import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { mergeAlpineRecords, parseAlpineSecdb, UNKNOWN_MODIFIED } from './alpine-secdb.js';
import { SHARED } from '../../ecosystems/_lib/tester/shared.js';

const DIR = `${SHARED}/data/osv/non-osv/alpine-secdb`;
const read = (rel: string): string => readFileSync(`${DIR}/${rel}`, 'utf8');

test('v3.10 main: one ALPINE-CVE record per CVE (as many as grep finds), in osv.dev’s shape', () => {
  const { records, issues } = parseAlpineSecdb(read('v3.10/main.yaml'), 'main.yaml', { modified: '2020-06-08T00:00:00Z' });
  // grep -oE '^\s+- CVE-[0-9]{4}-[0-9]{4,}( |$)' v3.10/main.yaml | sort -u | wc -l
  assert.equal(records.length, 1095);
  assert.deepEqual(records.find((r) => r.id === 'ALPINE-CVE-2019-10206'), {
    id: 'ALPINE-CVE-2019-10206',
    modified: '2020-06-08T00:00:00Z',
    upstream: ['CVE-2019-10206'],
    references: [{ type: 'ADVISORY', url: 'https://security.alpinelinux.org/vuln/CVE-2019-10206' }],
    affected: [{ package: { ecosystem: 'Alpine:v3.10', name: 'ansible', purl: 'pkg:apk/alpine/ansible?arch=source' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.8.4-r0' }] }] }],
  });
  // Entries that do not start with a CVE (XSA-…, CVE-2017-17434-1) are reported with their line.
  assert.deepEqual(issues[0], { line: 1520, message: 'rsync 3.1.2-r7: "CVE-2017-17434-1" does not start with a CVE id; left out' });
  assert.ok(issues.every((i) => /does not start with a CVE id/.test(i.message)));
});

test('a "0" key (never affected) adds no affected entry; one CVE fixed in two packages gives two entries', () => {
  const { records } = parseAlpineSecdb(read('v3.8/main.yaml'), 'main.yaml');
  // 1063 distinct CVEs in the file by grep: 5 only under db's "0" key, 14 only under versions apk cannot read
  // (`10.2.26.r0`, `1.11-20-r0`, `4.10-1-r1`), which are reported, as osv.dev's converter also drops them.
  const { issues } = parseAlpineSecdb(read('v3.8/main.yaml'), 'main.yaml');
  assert.equal(records.length, 1063 - 5 - 14);
  assert.deepEqual(issues.filter((i) => !/does not start with a CVE id/.test(i.message)).map((i) => i.line), [964, 970, 974, 1399, 2014]);
  assert.equal(records.find((r) => r.id === 'ALPINE-CVE-2016-0682'), undefined);
  assert.equal(records[0]!.modified, UNKNOWN_MODIFIED);
  const r = parseAlpineSecdb(read('v3.7/main.yaml'), 'main.yaml').records.find((x) => x.id === 'ALPINE-CVE-2018-0732')!;
  assert.deepEqual(r.affected!.map((a) => [a.package!.name, a.ranges![0]!.events[1]]), [['libressl', { fixed: '2.6.5-r0' }], ['openssl', { fixed: '1.0.2o-r1' }]]);
});

test('JSON input (secdb.alpinelinux.org’s format) reads the same, with versions kept as written', () => {
  const json = JSON.stringify({ distroversion: 'v3.19', reponame: 'main', packages: [{ pkg: { name: 'zlib', secfixes: { '1.10-r0': ['CVE-2022-37434 extra'], '0': ['CVE-2000-0001'] } } }] });
  const { records, issues } = parseAlpineSecdb(json, 'main.json', { modified: '2024-01-01T00:00:00Z' });
  assert.deepEqual(issues, []);
  assert.deepEqual(records.map((r) => [r.id, r.affected![0]!.package!.ecosystem, r.affected![0]!.ranges![0]!.events]), [['ALPINE-CVE-2022-37434', 'Alpine:v3.19', [{ introduced: '0' }, { fixed: '1.10-r0' }]]]);
});

test('malformed secdb input is reported, not guessed', () => {
  assert.deepEqual(parseAlpineSecdb('[1, 2]', 'x.json').issues, [{ line: 1, message: 'x.json: not a secdb document (expected an object with distroversion and packages)' }]);
  assert.match(parseAlpineSecdb('{"packages": []}', 'x.json').issues[0]!.message, /missing or unreadable "distroversion"/);
  assert.equal(parseAlpineSecdb('{"distroversion": "v3.1", "packages": [', 'x.json').records.length, 0);
  assert.ok(parseAlpineSecdb('{"distroversion": "v3.1", "packages": [', 'x.json').issues.length > 0);
  const yaml = ['distroversion: v3.9', 'packages:', '  - pkg:', '      name: a', '      secfixes:', '        not-a-version:', '          - CVE-2019-0001', '        1.0-r0: CVE-2019-0002', '  - nopkg: 1'].join('\n');
  assert.deepEqual(parseAlpineSecdb(yaml, 'y.yaml').issues, [
    { line: 6, message: 'a: "not-a-version" is not an Alpine package version; its fixes left out' },
    { line: 8, message: 'a 1.0-r0: the fixed ids are not a list' },
    { line: 9, message: 'package entry without "pkg"' },
  ]);
});

test('merging every release gives one record per CVE with an entry per release, as osv.dev publishes', () => {
  const groups = [];
  for (const v of readdirSync(DIR)) for (const f of readdirSync(`${DIR}/${v}`)) groups.push(parseAlpineSecdb(read(`${v}/${f}`), f).records);
  const merged = mergeAlpineRecords(groups);
  assert.equal(new Set(merged.map((r) => r.id)).size, merged.length);
  const r = merged.find((x) => x.id === 'ALPINE-CVE-2019-10206')!;
  assert.deepEqual(r.affected!.map((a) => [a.package!.ecosystem, a.ranges![0]!.events[1]]), [
    ['Alpine:v3.10', { fixed: '2.8.4-r0' }],
    ['Alpine:v3.11', { fixed: '2.8.4-r0' }],
    ['Alpine:v3.7', { fixed: '2.4.6.0-r1' }],
    ['Alpine:v3.8', { fixed: '2.6.19-r0' }],
    ['Alpine:v3.9', { fixed: '2.7.13-r0' }],
  ]);
  // 2442 distinct CVEs across all files by grep, less 5 only ever listed under "0" and 6 only under versions apk cannot read.
  assert.equal(merged.length, 2442 - 5 - 6);
});
