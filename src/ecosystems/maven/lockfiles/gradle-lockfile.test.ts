import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Package } from '../../../core/package.js';
import { MAVEN_ECOSYSTEM } from '../index.js';
import { lockfileParserFor } from '../../index.js';
import { GRADLE_LOCKFILE } from './gradle-lockfile.js';
import { SHARED } from '../../_lib/tester/shared.js';

const fixtures = fileURLToPath(new URL('../fixtures/lockfiles/gradle/', import.meta.url));
const parse = (name: string): ReturnType<typeof GRADLE_LOCKFILE.parse> => GRADLE_LOCKFILE.parse(readFileSync(join(fixtures, name), 'utf8'), name, {});
const triple = (p: Package): string => `${p.name}@${p.version}:${p.location.startLine}${p.dev ? ' dev' : ''}`;

test('registry: gradle.lockfile and buildscript-gradle.lockfile', () => {
  assert.equal(lockfileParserFor('gradle.lockfile')?.parser, GRADLE_LOCKFILE);
  assert.equal(lockfileParserFor('buildscript-gradle.lockfile')?.parser, GRADLE_LOCKFILE);
  assert.equal(GRADLE_LOCKFILE.matches('yarn.lock'), false);
});

test('gradle.lockfile: comments, blank lines and empty= skipped; dev only when every configuration is test*', () => {
  const r = parse('gradle.lockfile');
  assert.ok(r.ok);
  assert.deepEqual(r.value.packages.map(triple), [
    'com.fasterxml.jackson.core:jackson-databind@2.15.2:4',
    'com.google.guava:guava@32.1.2-jre:5',
    'junit:junit@4.13.2:6 dev',
    'org.hamcrest:hamcrest-core@1.3:7 dev',
    'org.checkerframework:checker-qual@3.33.0:8',
    // integrationTest… does not start with `test`: kept as shipped, the safe side.
    'org.apache.logging.log4j:log4j-core@2.14.1:10',
    'com.puppycrawl.tools:checkstyle@10.12.3:11',
  ]);
  assert.deepEqual(r.value.packages[2], {
    ecosystem: 'Maven',
    name: 'junit:junit',
    version: '4.13.2',
    purl: 'pkg:maven/junit/junit@4.13.2',
    location: { path: 'gradle.lockfile', startLine: 6, startColumn: 1, endLine: 6, endColumn: 19 },
    dev: true,
    foundBy: 'gradle.lockfile',
  });
  for (const p of r.value.packages) assert.equal(p.purl, MAVEN_ECOSYSTEM.purl(p.name, p.version));
});

test('Gradle 5 per-configuration lockfile without "=configurations"', () => {
  const r = parse('legacy-compileClasspath.lockfile');
  assert.ok(r.ok);
  assert.deepEqual(r.value.packages.map(triple), ['org.springframework:spring-core@5.3.29:4', 'org.springframework:spring-jcl@5.3.29:5']);
});

test('duplicates: one package per name@version, dev only if every line is test-only', () => {
  const r = parse('duplicates.lockfile');
  assert.ok(r.ok);
  assert.deepEqual(r.value.packages.map(triple), ['org.yaml:snakeyaml@1.33:1', 'org.yaml:snakeyaml@2.0:3 dev']);
});

test('broken and not-the-format: every bad line is an error with its line', () => {
  const r = parse('broken.lockfile');
  assert.equal(r.ok, false);
  if (!r.ok) assert.deepEqual(r.error.map((e) => [e.code, e.location.startLine]), [['syntax-error', 3], ['syntax-error', 4]]);
  const json = GRADLE_LOCKFILE.parse('{\n  "lockfileVersion": 3\n}\n', 'x', {});
  assert.equal(json.ok, false);
  assert.deepEqual(GRADLE_LOCKFILE.parse('', 'x', {}), { ok: true, value: { packages: [], warnings: [] } });
  assert.deepEqual(GRADLE_LOCKFILE.parse('# only comments\r\nempty=\r\n', 'x', {}), { ok: true, value: { packages: [], warnings: [] } });
});

const corpus = `${SHARED}/corpus/lockfiles/gradle`;
test('corpus: every gradle.lockfile parses; one package per non-comment line; hand-checked entries', () => {
  for (const d of readdirSync(corpus)) {
    const text = readFileSync(join(corpus, d, 'gradle.lockfile'), 'utf8');
    const r = GRADLE_LOCKFILE.parse(text, d, {});
    assert.ok(r.ok, d);
    const lines = text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#') && !l.startsWith('empty='));
    assert.equal(r.value.packages.length, lines.length, d);
    assert.ok(r.value.packages.length > 50, d);
  }
  // By hand: JabRef line 4 is `classworlds:classworlds:1.1-alpha-2=modernizer`, line 202 `org.yaml:snakeyaml:1.30=compile,…`;
  // terra-workspace-manager/service line 4 `au.com.dius.pact.consumer:junit5:4.3.19=testCompileClasspath,testRuntimeClasspath`.
  const jabref = GRADLE_LOCKFILE.parse(readFileSync(join(corpus, 'JabRef__jabref@62ba2932e8/gradle.lockfile'), 'utf8'), 'j', {});
  assert.ok(jabref.ok);
  assert.equal(triple(jabref.value.packages[0]!), 'classworlds:classworlds@1.1-alpha-2:4');
  assert.ok(jabref.value.packages.map(triple).includes('org.yaml:snakeyaml@1.30:202'));
  const service = GRADLE_LOCKFILE.parse(readFileSync(join(corpus, 'DataBiosphere__terra-workspace-manager__service@f5bb5b6c74/gradle.lockfile'), 'utf8'), 's', {});
  assert.ok(service.ok);
  assert.equal(triple(service.value.packages[0]!), 'au.com.dius.pact.consumer:junit5@4.3.19:4 dev');
});
