import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LockfileContext } from '../../define-ecosystem.js';
import type { Inventory, Package } from '../../../core/package.js';
import { MAVEN_ECOSYSTEM } from '../index.js';
import { lockfileParserFor } from '../../index.js';
import { POM_XML, joinRelative } from './pom-xml.js';
import { SHARED } from '../../_lib/tester/shared.js';

const fixtures = fileURLToPath(new URL('../fixtures/lockfiles/', import.meta.url));

/** What the scan layer injects: files relative to the POM's directory, with display paths relative to the fixture root. */
function ctxFor(absFile: string, root = fixtures): LockfileContext {
  return {
    readRelative(rel) {
      const abs = resolve(dirname(absFile), rel);
      try {
        return { path: relative(root, abs), text: readFileSync(abs, 'utf8') };
      } catch {
        return undefined;
      }
    },
  };
}

function parseFixture(rel: string, withCtx = true): ReturnType<typeof POM_XML.parse> {
  const abs = join(fixtures, rel);
  return POM_XML.parse(readFileSync(abs, 'utf8'), rel, withCtx ? ctxFor(abs) : {});
}

function inv(r: ReturnType<typeof POM_XML.parse>): Inventory {
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.error));
  return r.value;
}

const triple = (p: Package): string => `${p.name}@${p.version}:${p.location.startLine}${p.dev ? ' dev' : ''}${p.direct ? ' direct' : ''}`;

test('registry: pom.xml goes to this parser', () => {
  assert.equal(lockfileParserFor('pom.xml')?.parser, POM_XML);
  assert.equal(POM_XML.matches('pom.xml.bak'), false);
});

test('root POM: own dependencies and dependencyManagement, interpolated', () => {
  const v = inv(parseFixture('pom/tree/pom.xml'));
  assert.deepEqual(v.packages.map(triple), [
    'com.fasterxml.jackson.core:jackson-databind@2.15.2:20',
    'com.google.guava:guava@31.0-jre:25',
    'com.example:core@3.1.0:30',
    'org.junit.jupiter:junit-jupiter@5.10.0:39 dev direct',
  ]);
  assert.deepEqual(v.warnings, []);
  const junit = v.packages[3]!;
  assert.deepEqual(junit, {
    ecosystem: 'Maven',
    name: 'org.junit.jupiter:junit-jupiter',
    version: '5.10.0',
    purl: 'pkg:maven/org.junit.jupiter/junit-jupiter@5.10.0',
    location: { path: 'pom/tree/pom.xml', startLine: 39, startColumn: 5, endLine: 44, endColumn: 18 },
    dev: true,
    direct: true,
    foundBy: 'pom.xml',
  });
  for (const p of v.packages) assert.equal(p.purl, MAVEN_ECOSYSTEM.purl(p.name, p.version));
});

test('child POM: parent at the default ../pom.xml gives properties and managed versions; the child overrides', () => {
  const v = inv(parseFixture('pom/tree/app/pom.xml'));
  assert.deepEqual(v.packages.map(triple), [
    'com.fasterxml.jackson.core:jackson-databind@2.15.2:16 direct',
    // app/ sets guava.version; the parent's dependencyManagement is interpolated in the child's context.
    'com.google.guava:guava@32.1.2-jre:20 direct',
    // ${project.groupId}:core at ${project.version}: the child has neither, both come from <parent>.
    'com.example:core@3.1.0:24 direct',
    'org.slf4j:slf4j-api@1.7.36:28 direct',
    'org.mockito:mockito-core@5.5.0:33 dev direct',
  ]);
  assert.deepEqual(v.warnings, []);
  // Plugin dependencies are not the application's.
  assert.equal(v.packages.some((p) => p.name.includes('checkstyle')), false);
});

test('grandchild: relativePath to a directory, properties from two levels up, project.version vs project.parent.version', () => {
  const v = inv(parseFixture('pom/tree/libs/core/pom.xml'));
  assert.deepEqual(v.packages.map(triple), [
    'org.apache.commons:commons-lang3@3.13.0:13 direct',
    'com.fasterxml.jackson.core:jackson-databind@2.15.2:18 direct',
    'com.example:core-api@3.1.1-SNAPSHOT:22 direct',
    'com.example:parent-versioned@3.1.0:27 direct',
  ]);
  assert.deepEqual(v.warnings, []);
});

test('no file access, <relativePath/>, wrong coordinates, cycles: warnings at <parent>, nothing inherited', () => {
  const noCtx = inv(parseFixture('pom/tree/app/pom.xml', false));
  assert.deepEqual(noCtx.packages.map(triple), ['org.mockito:mockito-core@5.5.0:33 dev direct']);
  assert.deepEqual(noCtx.warnings.map((w) => `${w.code}:${w.location.startLine}`), ['parent-not-found:4', 'unresolved-version:16', 'unresolved-version:20', 'unresolved-version:24', 'unresolved-version:28', 'unresolved-version:39']);
  assert.match(noCtx.warnings[0]!.message, /com\.example:root:3\.1\.0 not read/);
  assert.match(noCtx.warnings[4]!.message, /\$\{slf4j\.version\}/);

  const repoOnly = inv(parseFixture('pom/tree/bom/pom.xml'));
  assert.equal(repoOnly.packages.length, 0);
  assert.deepEqual(repoOnly.warnings.map((w) => w.code), ['parent-not-found', 'unresolved-version']);
  assert.match(repoOnly.warnings[0]!.message, /only in the repository/);

  const wrong = inv(parseFixture('pom/wrong-parent/child/pom.xml'));
  assert.deepEqual(wrong.packages, []);
  assert.deepEqual(wrong.warnings.map((w) => w.code), ['parent-not-found', 'unresolved-version']);
  assert.match(wrong.warnings[0]!.message, /is com\.other:unrelated, not parent com\.example:expected-parent:1/);

  const cycle = inv(parseFixture('pom/cycle/a/pom.xml'));
  assert.deepEqual(cycle.packages.map(triple), ['org.example:x@1.0:5 direct']);
  assert.deepEqual(cycle.warnings.map((w) => w.code), ['parent-cycle']);
});

test('unresolved versions: undefined property, range, cycle, missing version → warnings; [x] and nested properties resolve', () => {
  const v = inv(parseFixture('pom/unresolved/pom.xml'));
  assert.deepEqual(v.packages.map(triple), [
    'org.example:exact@1.2.3:25 direct',
    'org.apache.logging.log4j:log4j-core@2.14.1:39 direct',
    'org.example:self-versioned@1.0.0:44 direct',
    'org.example:cdata@4.5.6:49 direct',
  ]);
  assert.deepEqual(v.warnings.map((w) => `${w.code}:${w.location.startLine}`), ['unresolved-version:15', 'unresolved-version:20', 'unresolved-version:30', 'unresolved-version:34', 'missing-field:55']);
  assert.match(v.warnings[0]!.message, /\$\{not\.defined\}/);
  assert.match(v.warnings[1]!.message, /range \[1\.0,2\.0\)/);
  assert.deepEqual(v.packages.map((p) => p.optional === true), [false, false, false, true]);
});

test('hostile: DTD entities (billion laughs, XXE) are refused, quickly and without expansion', () => {
  const t0 = performance.now();
  const r = parseFixture('pom/hostile/pom.xml');
  assert.ok(performance.now() - t0 < 1000);
  assert.equal(r.ok, false);
  if (!r.ok) assert.deepEqual(r.error.map((e) => [e.code, e.location.startLine]), [['xml-entities-unsupported', 2]]);
  // Without a DTD, an undeclared entity is plain invalid XML.
  const undeclared = POM_XML.parse('<project>\n<dependencies><dependency><groupId>&lol9;</groupId></dependency></dependencies></project>', 'p', {});
  assert.equal(undeclared.ok, false);
  if (!undeclared.ok) assert.deepEqual([undeclared.error[0]!.code, undeclared.error[0]!.location.startLine], ['syntax-error', 2]);
  // HTML entities are not XML entities.
  assert.equal(POM_XML.parse('<project><name>&nbsp;</name></project>', 'p', {}).ok, false);
});

test('not-the-format and broken XML are errors with a location', () => {
  const settings = parseFixture('pom/not-a-pom/pom.xml');
  assert.equal(settings.ok, false);
  if (!settings.ok) assert.deepEqual(settings.error.map((e) => [e.code, e.location.startLine, e.location.startColumn]), [['not-the-format', 2, 1]]);
  const broken = parseFixture('pom/broken/pom.xml');
  assert.equal(broken.ok, false);
  if (!broken.ok) assert.deepEqual(broken.error.map((e) => [e.code, e.location.startLine]), [['syntax-error', 7]]);
  for (const text of ['', '   ', '{"not": "xml"}', '<project>', 'plain text']) {
    const r = POM_XML.parse(text, 'p', {});
    assert.equal(r.ok, false, JSON.stringify(text));
  }
});

test('a BOM, CRLF line ends and a namespace prefix keep lines right', () => {
  const text = '\uFEFF<?xml version="1.0"?>\r\n<m:project xmlns:m="http://maven.apache.org/POM/4.0.0">\r\n<m:dependencies>\r\n<m:dependency><m:groupId>g</m:groupId><m:artifactId>a</m:artifactId><m:version>1</m:version></m:dependency>\r\n</m:dependencies>\r\n</m:project>\r\n';
  const v = inv(POM_XML.parse(text, 'p', {}));
  assert.deepEqual(v.packages.map(triple), ['g:a@1:4 direct']);
});

test('joinRelative', () => {
  assert.equal(joinRelative('', '../pom.xml'), '../pom.xml');
  assert.equal(joinRelative('..', '../pom.xml'), '../../pom.xml');
  assert.equal(joinRelative('../b', '../a/pom.xml'), '../a/pom.xml');
  assert.equal(joinRelative('a/b', './../c/pom.xml'), 'a/c/pom.xml');
});

const corpus = `${SHARED}/corpus/lockfiles/maven`;
test('corpus: every pom.xml parses; counts and hand-checked entries', () => {
  const counts: Record<string, [number, number]> = {};
  for (const d of readdirSync(corpus)) {
    const abs = join(corpus, d, 'pom.xml');
    const v = inv(POM_XML.parse(readFileSync(abs, 'utf8'), `${d}/pom.xml`, ctxFor(abs, corpus)));
    counts[d] = [v.packages.length, v.warnings.length];
    for (const w of v.warnings) assert.match(w.code, /^(unresolved-version|parent-not-found)$/, `${d}: ${w.message}`);
    for (const p of v.packages) assert.match(p.version, /^[0-9A-Za-z][0-9A-Za-z.+_-]*$/, `${d}: ${p.name}@${p.version}`);
  }
  assert.deepEqual(counts, {
    'GoogleCloudPlatform__bank-of-anthos': [0, 0],
    'GoogleCloudPlatform__bank-of-anthos__src__ledger__balancereader': [11, 12],
    'GoogleCloudPlatform__bank-of-anthos__src__ledger__transactionhistory': [11, 12],
    'GoogleCloudPlatform__bank-of-anthos__src__ledgermonolith': [10, 10],
    'GoogleCloudPlatform__kubernetes-engine-samples__security__language-vulns__maven': [0, 3],
    'JabRef__jabref__jablib-examples__maven3__doi-to-bibtex': [4, 0],
    'docker__awesome-compose__spring-postgres__backend': [0, 9],
    'kubernetes__examples__databases__cassandra__java': [8, 0],
    'spring-projects__spring-petclinic': [3, 22],
  });
  // Checked by hand against the files (line of <dependency>):
  const cassandra = inv(POM_XML.parse(readFileSync(join(corpus, 'kubernetes__examples__databases__cassandra__java/pom.xml'), 'utf8'), 'c', {}));
  assert.ok(cassandra.packages.map(triple).includes('ch.qos.logback:logback-classic@1.1.3:58 direct'));
  assert.ok(cassandra.packages.map(triple).includes('org.apache.cassandra:cassandra-all@3.11.2:84 direct'));
  assert.ok(cassandra.packages.map(triple).includes('junit:junit@4.11:40 dev direct'));
  const petclinic = inv(POM_XML.parse(readFileSync(join(corpus, 'spring-projects__spring-petclinic/pom.xml'), 'utf8'), 'p', {}));
  assert.ok(petclinic.packages.map(triple).includes('org.webjars.npm:bootstrap@5.3.8:102 direct'));
  const balance = inv(POM_XML.parse(readFileSync(join(corpus, 'GoogleCloudPlatform__bank-of-anthos__src__ledger__balancereader/pom.xml'), 'utf8'), 'b', {}));
  assert.ok(balance.packages.map(triple).includes('org.springframework.cloud:spring-cloud-dependencies@2025.1.2:50'));
});

test('a billion laughs made of properties stays bounded and unresolved', () => {
  const levels = 12;
  const props = Array.from({ length: levels }, (_, i) => `<p${i}>${i === levels - 1 ? 'lol' : `\${p${i + 1}}`.repeat(10)}</p${i}>`).join('\n');
  const text = `<project>\n<properties>\n${props}\n</properties>\n<dependencies>\n<dependency><groupId>g</groupId><artifactId>a</artifactId><version>\${p0}</version></dependency>\n</dependencies>\n</project>\n`;
  const t0 = performance.now();
  const v = inv(POM_XML.parse(text, 'p', {}));
  assert.ok(performance.now() - t0 < 2000);
  assert.deepEqual(v.packages, []);
  assert.deepEqual(v.warnings.map((w) => w.code), ['unresolved-version']);
});
