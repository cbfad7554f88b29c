import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Inventory, ParseIssue } from '../../../core/package.js';
import type { Result } from '../../../core/result.js';
import { GO_ECOSYSTEM } from '../index.js';
import { goMod, goReleaseToSemver } from './go-mod.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/lockfiles');
const read = (f: string) => readFileSync(join(FIXTURES, f), 'utf8');

function value(r: Result<Inventory, ParseIssue[]>): Inventory {
  assert.ok(r.ok, `expected ok, got ${JSON.stringify(!r.ok && r.error)}`);
  return r.value;
}
const rows = (inv: Inventory) => inv.packages.map((p) => `${p.name}@${p.version}:${p.location.startLine}${p.direct === false ? ' indirect' : ''}`);

test('matches go.mod only (go.sum is no inventory)', () => {
  assert.equal(goMod.matches('go.mod'), true);
  for (const f of ['go.sum', 'go.work', 'Go.mod']) assert.equal(goMod.matches(f), false, f);
});

test('require blocks and lines, // indirect, replace (module, version-specific, local), exclude and retract ignored, toolchain → stdlib', () => {
  const inv = value(goMod.parse(read('replace.go.mod'), 'go.mod', {}));
  assert.deepEqual(rows(inv), [
    'github.com/single/line@1.0.0:8',
    'github.com/gorilla/mux@1.8.0:11',
    // Required twice, once indirect: one package, direct because one require says so.
    'golang.org/x/net@0.17.0:12',
    'github.com/quoted/path@2.0.0+incompatible:13',
    // Replaced modules are located at the replace directive that names what is built.
    'github.com/new/module@1.3.0:29',
    // `replace … v0.9.0 =>` only replaces v0.9.0.
    'github.com/pinned/only@1.0.0:15',
    'k8s.io/api@0.28.4:35 indirect',
    'golang.org/x/text@0.0.0-20170915032832-14c0d48ead0c:18 indirect',
    'stdlib@1.21.5:6',
  ]);
  assert.deepEqual(inv.warnings.map((w) => `${w.code}:${w.location.startLine}`), ['local-replace:34']);
  assert.match(inv.warnings[0]!.message, /github\.com\/local\/fork v0\.3\.0 is replaced by local directory \.\.\/fork/);
  const quoted = inv.packages[3]!;
  assert.deepEqual(quoted, {
    ecosystem: 'Go',
    name: 'github.com/quoted/path',
    version: '2.0.0+incompatible',
    purl: 'pkg:golang/github.com/quoted/path@v2.0.0%2Bincompatible',
    location: { path: 'go.mod', startLine: 13, startColumn: 2, endLine: 13, endColumn: 46 },
    direct: true,
    foundBy: 'go.mod',
  });
  for (const p of inv.packages) assert.equal(p.purl, GO_ECOSYSTEM.purl(p.name, `v${p.version}`));
});

test('the go directive gives stdlib when there is no toolchain; go < 1.17 warns that indirect modules may be missing', () => {
  const old = value(goMod.parse(read('old.go.mod'), 'go.mod', {}));
  assert.deepEqual(rows(old), ['github.com/pkg/errors@0.9.1:5', 'stdlib@1.16.0:3']);
  assert.deepEqual(old.warnings.map((w) => `${w.code}:${w.location.startLine}`), ['old-go-mod:3']);
  assert.deepEqual(rows(value(goMod.parse(read('rc.go.mod'), 'go.mod', {}))), ['stdlib@1.22.0-rc.1:3']);
  assert.deepEqual(rows(value(goMod.parse('module m\ngo 1.21.0\ntoolchain default\n', 'go.mod', {}))), ['stdlib@1.21.0:2']);
});

test('Go release names become the semver the Go vulndb uses', () => {
  assert.equal(goReleaseToSemver('1.21'), '1.21.0');
  assert.equal(goReleaseToSemver('1.21.3'), '1.21.3');
  assert.equal(goReleaseToSemver('go1.22.0'), '1.22.0');
  assert.equal(goReleaseToSemver('1.21rc2'), '1.21.0-rc.2');
  assert.equal(goReleaseToSemver('go1.20beta1'), '1.20.0-beta.1');
  assert.equal(goReleaseToSemver('go1.21.3+auto'), '1.21.3');
  assert.equal(goReleaseToSemver('latest'), undefined);
});

test('empty file warns; a file that is not a go.mod, and an unclosed block, are errors', () => {
  assert.deepEqual(value(goMod.parse('', 'go.mod', {})).warnings.map((w) => w.code), ['empty-file']);
  const not = goMod.parse(read('not-go-mod.txt'), 'go.mod', {});
  assert.ok(!not.ok);
  assert.equal(not.error[0]!.code, 'not-go-mod');
  const open = goMod.parse(read('unterminated.go.mod'), 'go.mod', {});
  assert.ok(!open.ok);
  assert.deepEqual([open.error[0]!.code, open.error[0]!.location.startLine], ['syntax', 3]);
  const quote = goMod.parse('module m\nrequire "github.com/a/b v1.0.0\n', 'go.mod', {});
  assert.ok(!quote.ok);
  assert.equal(quote.error[0]!.location.startLine, 2);
});

test('comments-only and odd lines: unknown directives and malformed requires warn with their line', () => {
  const inv = value(goMod.parse('module m\n\nfrobnicate x\nrequire github.com/a/b\nrequire github.com/c/d 1.0.0\n', 'go.mod', {}));
  assert.deepEqual(rows(inv), ['github.com/c/d@1.0.0:5']);
  assert.deepEqual(inv.warnings.map((w) => `${w.code}:${w.location.startLine}`).sort(), ['invalid-require:4', 'non-canonical-version:5', 'unknown-directive:3']);
});

test('hostile input: binary junk and a huge single line are errors, not crashes', () => {
  const junk = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  assert.equal(goMod.parse(junk, 'go.mod', {}).ok, false);
  assert.equal(goMod.parse('a'.repeat(5_000_000), 'go.mod', {}).ok, false);
  assert.equal(goMod.parse(`require (\n${'x '.repeat(1_000_000)}\n`, 'go.mod', {}).ok, false);
});
