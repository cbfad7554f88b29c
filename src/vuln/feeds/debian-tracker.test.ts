import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDebianTrackerList, parseTrackerDate } from './debian-tracker.js';
import { SHARED } from '../../ecosystems/_lib/tester/shared.js';

const DIR = `${SHARED}/data/osv/non-osv/debian-security-tracker`;
const read = (kind: string): string => readFileSync(`${DIR}/${kind}.list`, 'utf8');
const headers = (text: string): number => text.split('\n').filter((l) => l.startsWith('[')).length;

test('DSA list: one record per advisory header, the first record exactly', () => {
  const text = read('DSA');
  const { records, issues } = parseDebianTrackerList(text, 'DSA.list', 'DSA');
  assert.equal(records.length, headers(text));
  assert.equal(records.length, 5406);
  assert.deepEqual(records[0], {
    id: 'DSA-5380-1',
    modified: '2023-03-29T00:00:00Z',
    published: '2023-03-29T00:00:00Z',
    summary: 'xorg-server - security update',
    references: [{ type: 'ADVISORY', url: 'https://security-tracker.debian.org/tracker/DSA-5380-1' }],
    database_specific: { source: 'DSA.list:1' },
    aliases: ['CVE-2023-1393'],
    affected: [{ package: { ecosystem: 'Debian:11', name: 'xorg-server', purl: 'pkg:deb/debian/xorg-server?arch=source' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2:1.20.11-1+deb11u6' }] }] }],
  });
  // Only the releases before lenny are reported, once each, with how many entries they cost.
  assert.deepEqual(issues.map((i) => /^release "(\w+)" has no Debian release number Palisade matches on; \d+ entries for it left out$/.exec(i.message)?.[1]).sort(), ['etch', 'sarge', 'woody']);
  const byId = new Map(records.map((r) => [r.id, r]));
  // [buster] and [bullseye] lines → Debian:10 and Debian:11.
  assert.deepEqual(byId.get('DSA-4961-1')!.affected!.map((a) => [a.package!.ecosystem, a.package!.name, a.ranges![0]!.events]), [
    ['Debian:10', 'tor', [{ introduced: '0' }, { fixed: '0.3.5.16-1' }]],
    ['Debian:11', 'tor', [{ introduced: '0' }, { fixed: '0.4.5.10-1~deb11u1' }]],
  ]);
  // `[lenny] - openoffice.org <not-affected>`: no entry for lenny, the squeeze fix stays.
  assert.deepEqual(byId.get('DSA-2275-1')!.affected!.map((a) => a.package!.ecosystem), ['Debian:6']);
  // `<end-of-life>`: affected with no fix, never read as fixed.
  const eol = records.flatMap((r) => r.affected ?? []).filter((a) => a.database_specific?.['tracker_status'] === 'end-of-life');
  // grep -c '^\s\[[a-z]*\] - .*<end-of-life>' DSA.list (three more mentions are inside NOTE: lines)
  assert.equal(eol.length, 4);
  assert.deepEqual(eol.find((a) => a.package!.name === 'virtualbox')!.ranges, [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }]);
  // A notice without packages (no " - ") keeps its text as the summary and has no affected entries.
  assert.deepEqual([byId.get('DSA-2360-1')!.summary, byId.get('DSA-2360-1')!.affected], ['lenny end-of-life', []]);
});

test('DLA and DTSA lists: counts, the DTSA date format, etch-only advisories keep their CVEs', () => {
  const dla = parseDebianTrackerList(read('DLA'), 'DLA.list', 'DLA');
  assert.equal(dla.records.length, headers(read('DLA')));
  assert.equal(dla.records.length, 3534);
  assert.deepEqual(dla.issues, []);
  assert.equal(dla.records[0]!.id, 'DLA-3380-1');
  assert.equal(dla.records[0]!.affected![0]!.package!.ecosystem, 'Debian:10');
  const dtsa = parseDebianTrackerList(read('DTSA'), 'DTSA.list', 'DTSA');
  assert.equal(dtsa.records.length, 208);
  const first = dtsa.records.find((r) => r.id === 'DTSA-1-1')!;
  assert.deepEqual([first.published, first.aliases, first.affected], ['2005-08-26T00:00:00Z', ['CVE-2005-2626', 'CVE-2005-2627'], []]);
  assert.match(dtsa.issues[0]!.message, /^release "etch" has no Debian release number Palisade matches on; \d+ entries for it left out$/);
});

test('malformed input is reported with its line, never guessed', () => {
  const text = [
    '\t[bookworm] - early 1.0-1',
    '[32 Foo 2023] DSA-1-1 pkg - bad date',
    '\t[bookworm] - pkg 1.0-1',
    'garbage header',
    '[01 Jan 2023] DLA-9-1 pkg - in the wrong list',
    '\t{CVE-2023-0001 TEMP-0000000-ABCDEF CVE-2023-0001}',
    '\t[bookworm] - pkg <postponed>',
    '\t[bookworm] - pkg not_a_version!',
    '\t[bookworm] - pkg',
    '\t[trixie] - pkg 2.0-1 (high)',
    '\twhat is this',
    '\tNOTE: ignored',
  ].join('\n');
  const { records, issues } = parseDebianTrackerList(text, 'x', 'DSA');
  assert.deepEqual(issues, [
    { line: 1, message: 'indented line before any advisory header' },
    { line: 2, message: 'DSA-1-1: unreadable date "32 Foo 2023"; advisory left out' },
    { line: 3, message: 'indented line before any advisory header' },
    { line: 4, message: 'not an advisory header: garbage header' },
    { line: 5, message: 'DLA-9-1 in the DSA list' },
    { line: 6, message: 'DLA-9-1: "TEMP-0000000-ABCDEF" is not a CVE id; not recorded as an alias' },
    { line: 7, message: 'DLA-9-1: [bookworm] pkg: unknown marker <postponed>; entry left out' },
    { line: 8, message: 'DLA-9-1: [bookworm] pkg: "not_a_version!" is not a Debian version; entry left out' },
    { line: 9, message: 'DLA-9-1: [bookworm] pkg: no version; entry left out' },
    { line: 11, message: 'DLA-9-1: unreadable line: what is this' },
  ]);
  assert.equal(records.length, 1);
  assert.deepEqual(records[0]!.aliases, ['CVE-2023-0001']);
  assert.deepEqual(records[0]!.affected!.map((a) => [a.package!.ecosystem, a.ranges![0]!.events[1]]), [['Debian:13', { fixed: '2.0-1' }]]);
});

test('tracker dates in both formats; impossible dates are rejected', () => {
  assert.equal(parseTrackerDate('29 Mar 2023'), '2023-03-29T00:00:00Z');
  assert.equal(parseTrackerDate('August 26th, 2005'), '2005-08-26T00:00:00Z');
  assert.equal(parseTrackerDate('September 1st, 2005'), '2005-09-01T00:00:00Z');
  assert.equal(parseTrackerDate('31 Feb 2023'), undefined);
  assert.equal(parseTrackerDate('2023-03-29'), undefined);
});
