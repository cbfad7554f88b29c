import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OsvAffected, OsvEvent } from './osv.js';
import { evaluateAffected, fixedEventsOf } from './range.js';
import { DOTTED } from './fixtures/schemes.js';

const eco = (...events: OsvEvent[]): OsvAffected => ({ ranges: [{ type: 'ECOSYSTEM', events }] });
const affected = (a: OsvAffected, v: string): boolean | 'unknown' => evaluateAffected(a, v, DOTTED).affected;

test('introduced/fixed: half-open interval, "0" from the beginning', () => {
  const a = eco({ introduced: '0' }, { fixed: '1.2.0' });
  assert.equal(affected(a, '0.0.1'), true);
  assert.equal(affected(a, '1.1.9'), true);
  assert.equal(affected(a, '1.2.0'), false);
  assert.equal(affected(a, '1.2'), false); // equal under the scheme
  assert.equal(affected(a, '2.0'), false);
});

test('events may come unsorted; they are walked in version order with introduced "0" first', () => {
  const a = eco({ fixed: '3.2.5' }, { introduced: '3.0.0' }, { fixed: '1.0.2' }, { introduced: '1.0.0' });
  assert.equal(affected(a, '0.9'), false);
  assert.equal(affected(a, '1.0.0'), true);
  assert.equal(affected(a, '1.0.2'), false);
  assert.equal(affected(a, '2.0'), false);
  assert.equal(affected(a, '3.1'), true);
  assert.equal(affected(a, '3.2.5'), false);
  const b = eco({ fixed: '2.0' }, { introduced: '0' });
  assert.equal(affected(b, '1.0'), true);
});

test('last_affected is inclusive', () => {
  const a = eco({ introduced: '1.0' }, { last_affected: '1.4' });
  assert.equal(affected(a, '1.4'), true);
  assert.equal(affected(a, '1.4.1'), false);
  assert.equal(affected(a, '0.9'), false);
});

test('an introduced-only range is open-ended', () => {
  assert.equal(affected(eco({ introduced: '2.0' }), '99.0'), true);
  assert.equal(affected(eco({ introduced: '2.0' }), '1.0'), false);
});

test('limit: versions at or above every limit are outside the range; "*" is infinity', () => {
  const a = eco({ introduced: '0' }, { limit: '2.0' });
  assert.equal(affected(a, '1.9'), true);
  assert.equal(affected(a, '2.0'), false);
  const b = eco({ introduced: '0' }, { limit: '2.0' }, { limit: '5.0' });
  assert.equal(affected(b, '3.0'), true);
  assert.equal(affected(b, '5.0'), false);
  assert.equal(affected(eco({ introduced: '0' }, { limit: '*' }), '100'), true);
});

test('versions list: string equality, and equality under the scheme', () => {
  const a: OsvAffected = { versions: ['1.0', '1.1', 'weird-build'] };
  assert.equal(affected(a, '1.1'), true);
  assert.equal(affected(a, '1.1.0'), true);
  assert.equal(affected(a, 'weird-build'), true); // listed verbatim though the scheme cannot read it
  assert.equal(affected(a, '1.2'), false);
});

test('versions and ranges are OR-ed, multiple ranges are OR-ed', () => {
  const a: OsvAffected = {
    versions: ['0.5'],
    ranges: [
      { type: 'ECOSYSTEM', events: [{ introduced: '1.0' }, { fixed: '1.1' }] },
      { type: 'ECOSYSTEM', events: [{ introduced: '2.0' }, { fixed: '2.1' }] },
    ],
  };
  assert.deepEqual(['0.5', '1.0', '1.5', '2.0', '3.0'].map((v) => affected(a, v)), [true, true, false, true, false]);
});

test('an entry with neither ranges nor versions affects nothing (spec pseudo-code)', () => {
  assert.equal(affected({}, '1.0'), false);
  assert.equal(affected({ versions: [], ranges: [] }, '1.0'), false);
});

test('GIT ranges are ignored for package matching', () => {
  const a: OsvAffected = { ranges: [{ type: 'GIT', repo: 'https://example.org/r.git', events: [{ introduced: '0' }] }] };
  assert.equal(affected(a, '1.0'), false);
});

test('SEMVER ranges use SemVer 2.0 whatever the scheme: pre-releases sort below their release', () => {
  const a: OsvAffected = { ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.6.0' }] }] };
  // The dotted scheme cannot read these; SemVer can.
  assert.equal(affected(a, '1.6.0-rc.1'), true);
  assert.equal(affected(a, 'v1.5.9'), true);
  assert.equal(affected(a, '0.0.0-20200226121028-0de0cce0169b'), true);
  assert.equal(affected(a, '1.6.0+build.7'), false);
});

test('an unreadable package version is unknown, never false', () => {
  const r = evaluateAffected(eco({ introduced: '0' }, { fixed: '1.0' }), 'not-a-version', DOTTED);
  assert.equal(r.affected, 'unknown');
  assert.match((r as { reason: string }).reason, /not-a-version/);
  assert.equal(affected({ versions: ['1.0'] }, 'garbage'), 'unknown');
});

test('an unreadable event version is unknown, unless another range says affected', () => {
  const bad = eco({ introduced: '0' }, { fixed: '1.0-beta' });
  const r = evaluateAffected(bad, '2.0', DOTTED);
  assert.equal(r.affected, 'unknown');
  assert.match((r as { reason: string }).reason, /fixed "1\.0-beta"/);
  const mixed: OsvAffected = { ranges: [...(bad.ranges ?? []), { type: 'ECOSYSTEM', events: [{ introduced: '2.0' }] }] };
  assert.equal(affected(mixed, '2.0'), true);
});

test('malformed events and unknown range types are unknown', () => {
  assert.equal(affected(eco({ introduced: '0', fixed: '1.0' }), '0.5'), 'unknown');
  assert.equal(affected({ ranges: [{ type: 'FOO', events: [{ introduced: '0' }] }] }, '1.0'), 'unknown');
});

test('the matched interval is reported', () => {
  const r = evaluateAffected(eco({ introduced: '1.0' }, { fixed: '1.5' }, { introduced: '2.0' }, { last_affected: '2.3' }), '2.1', DOTTED);
  assert.deepEqual(r, { affected: true, range: { type: 'ECOSYSTEM', introduced: '2.0', lastAffected: '2.3' } });
  const s = evaluateAffected(eco({ introduced: '1.0' }, { fixed: '1.5' }), '1.2', DOTTED);
  assert.deepEqual(s, { affected: true, range: { type: 'ECOSYSTEM', introduced: '1.0', fixed: '1.5' } });
});

test('parsed events are cached per range and scheme: a second scheme sees its own parse', () => {
  const a = eco({ introduced: '0' }, { fixed: '1.0.0' });
  assert.equal(affected(a, '0.5'), true);
  const strict = { ...DOTTED, id: 'test-never', parse: () => undefined };
  assert.equal(evaluateAffected(a, '0.5', strict).affected, 'unknown');
  assert.equal(affected(a, '1.0.0'), false);
});

test('fixedEventsOf lists fixed versions of SEMVER and ECOSYSTEM ranges only', () => {
  const a: OsvAffected = {
    ranges: [
      { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.2' }] },
      { type: 'SEMVER', events: [{ introduced: '2.0.0' }, { fixed: '2.0.5' }] },
      { type: 'GIT', events: [{ introduced: '0' }, { fixed: 'abcdef' }] },
    ],
  };
  assert.deepEqual(fixedEventsOf(a), [{ version: '1.2', type: 'ECOSYSTEM' }, { version: '2.0.5', type: 'SEMVER' }]);
});
