/**
 * The tests every version scheme gets: its `fixtures/versions.txt` (see ../version-pairs.ts), the ordering laws over
 * generated versions, and optionally that blanks are no versions and that parse never throws. Oracles against reference
 * implementations stay in each ecosystem's own versioning.test.ts. Test-only: reads the fixture from disk.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import semver from 'semver';
import type { VersionScheme } from '../../define-ecosystem.js';
import { checkVersionPairs } from '../version-pairs.js';

export interface VersionSchemeTests {
  /** The scheme's `versions.txt`: `new URL('./fixtures/versions.txt', import.meta.url)`. */
  fixture: URL;
  /** Fewest lines the fixture must check: guards against a fixture that silently shrank (a bad merge, a generator that emitted nothing). */
  minLines: number;
  /** Version strings the ordering laws draw triples from. */
  versions: fc.Arbitrary<string>;
  /**
   * `fail` (default): `versions` yields valid versions only, so an unparsable one fails the test. `skip`: `versions` is
   * random text in the scheme's alphabet, and triples with an unparsable member are discarded.
   */
  unparsable?: 'fail' | 'skip';
  /** Triples for which transitivity is not asserted (reflexivity and antisymmetry still are): where the reference implementation itself is not transitive. */
  skipTransitivity?: (x: string, y: string, z: string) => boolean;
  /** fast-check runs of the ordering laws; default 3000. */
  numRuns?: number;
  /** Assert that '', spaces and a tab are not versions (lines of versions.txt cannot hold them). */
  blanksAreNotVersions?: boolean;
  /** Assert that parse never throws on these strings (default: any string of up to 24 characters, 2000 runs). Leave out when an oracle test already covers it. */
  parseNeverThrows?: { text?: fc.Arbitrary<string>; numRuns?: number };
}

/** The sign of a comparison, to compare schemes with oracles that return other magnitudes. */
export const sign = (n: number): number => (n > 0 ? 1 : n < 0 ? -1 : 0);

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Registers the shared tests of one version scheme, each titled `<name>: …`. */
export function testVersionScheme<V>(name: string, scheme: VersionScheme<V>, o: VersionSchemeTests): void {
  test(`${name}: every line of fixtures/versions.txt holds`, () => {
    const file = fileURLToPath(o.fixture);
    const { checked, failures } = checkVersionPairs(scheme, readFileSync(file, 'utf8'), relative(REPO_ROOT, file));
    assert.deepEqual(failures, []);
    assert.ok(checked >= o.minLines, `only ${checked} lines checked`);
  });

  if (o.blanksAreNotVersions) {
    test(`${name}: the empty and blank strings are not versions`, () => {
      assert.equal(scheme.parse(''), undefined);
      assert.equal(scheme.parse('   '), undefined);
      assert.equal(scheme.parse('\t'), undefined);
    });
  }

  const skip = o.skipTransitivity;
  const title = skip ? `compare is reflexive and antisymmetric, and transitive where ${name} is` : 'compare is a total preorder (reflexive, antisymmetric, transitive)';
  test(`${name}: ${title}`, () => {
    fc.assert(
      fc.property(o.versions, o.versions, o.versions, (x, y, z) => {
        const [a, b, c] = [scheme.parse(x), scheme.parse(y), scheme.parse(z)];
        if (o.unparsable === 'skip') fc.pre(a !== undefined && b !== undefined && c !== undefined);
        assert.ok(a !== undefined && b !== undefined && c !== undefined, `unparsable among ${x} ${y} ${z}`);
        assert.equal(sign(scheme.compare(a, a)), 0, `${x} is not equal to itself`);
        const ab = sign(scheme.compare(a, b));
        assert.ok(ab === -sign(scheme.compare(b, a)), `${x} vs ${y} is not antisymmetric`);
        if (skip?.(x, y, z)) return;
        const bc = sign(scheme.compare(b, c));
        const ac = sign(scheme.compare(a, c));
        if (ab <= 0 && bc <= 0) assert.ok(ac <= 0, `${x} <= ${y} <= ${z} but not ${x} <= ${z}`);
        if (ab === 0 && bc === 0) assert.ok(ac === 0, `${x} == ${y} == ${z} but not ${x} == ${z}`);
      }),
      { numRuns: o.numRuns ?? 3000 },
    );
  });

  const never = o.parseNeverThrows;
  if (never) {
    test(`${name}: parse never throws`, () => {
      fc.assert(
        fc.property(never.text ?? fc.string({ maxLength: 24 }), (s) => {
          scheme.parse(s);
        }),
        { numRuns: never.numRuns ?? 2000 },
      );
    });
  }
}

/** SemVer-shaped strings `MAJOR.MINOR.PATCH[-pre][+build]` from the given parts. */
export function semverText(num: fc.Arbitrary<string>, pre: fc.Arbitrary<string>, build: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(num, num, num, fc.option(pre), fc.option(build)).map(([ma, mi, pa, p, b]) => `${ma}.${mi}.${pa}${p !== null ? `-${p}` : ''}${b !== null ? `+${b}` : ''}`);
}

// node-semver is an independent SemVer 2.0.0 implementation; it is exact while numbers stay below 2^53.
const small = fc.constantFrom('0', '1', '2', '10', '9007199254740991');
const smallIdent = fc.constantFrom('0', '1', '2', '10', 'a', 'alpha', 'beta', 'rc', 'A', '-', '0a', 'x-y');
const smallSemver = semverText(small, fc.array(smallIdent, { minLength: 1, maxLength: 3 }).map((a) => a.join('.')), fc.constantFrom('build', '001', 'a.b'));

/** For schemes that order like SemVer 2.0.0 (Cargo, Go, Hex): node-semver as the oracle on versions with small numbers. */
export function testAgreesWithNodeSemver<V>(name: string, scheme: VersionScheme<V>): void {
  test(`${name}: agrees with node-semver on versions with small numbers`, () => {
    fc.assert(
      fc.property(smallSemver, smallSemver, (x, y) => {
        const [a, b] = [scheme.parse(x), scheme.parse(y)];
        assert.ok(a !== undefined && b !== undefined, `unparsable: ${x} or ${y}`);
        assert.equal(sign(scheme.compare(a, b)), semver.compare(x, y), `${x} vs ${y}`);
      }),
      { numRuns: 3000 },
    );
  });
}
