import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isJavaArchive, isPomProperties, mavenPackagesFromJar, parseProperties } from './jar.js';

const props = readFileSync(new URL('./fixtures/pom-properties/pom.properties', import.meta.url), 'utf8');
const where = { path: 'img!/app/app.jar', startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };

test('pom.properties written by Maven gives groupId:artifactId@version', () => {
  const r = mavenPackagesFromJar([{ name: 'META-INF/maven/com.fasterxml.jackson.core/jackson-databind/pom.properties', text: props }, { name: 'META-INF/MANIFEST.MF', text: 'Implementation-Version: 9\n' }], where);
  assert.deepEqual(r.packages.map((p) => `${p.ecosystem} ${p.name}@${p.version} ${p.purl}`), ['Maven com.fasterxml.jackson.core:jackson-databind@2.15.2 pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.15.2']);
  assert.deepEqual(r.warnings, []);
});

test('duplicates collapse; an unresolved ${…} version is a warning, not a package', () => {
  const e = { name: 'META-INF/maven/g/a/pom.properties', text: 'groupId=g\nartifactId=a\nversion=1\n' };
  const r = mavenPackagesFromJar([e, e, { name: 'META-INF/maven/g/b/pom.properties', text: 'version=${revision}\n' }], where);
  assert.deepEqual(r.packages.map((p) => p.name), ['g:a']);
  assert.equal(r.warnings[0]?.code, 'maven-no-version');
});

test('properties syntax: colons, spaces, continuations, escapes, comments', () => {
  const p = parseProperties('# c\n! c\nkey1 : v1\nkey2 v2\nlong=a\\\n    b\nesc=\\u0041\\tB\n');
  assert.deepEqual(Object.fromEntries(p), { key1: 'v1', key2: 'v2', long: 'ab', esc: 'A\tB' });
});

test('names', () => {
  assert.ok(isJavaArchive('x.jar') && isJavaArchive('X.WAR') && isJavaArchive('a.ear') && !isJavaArchive('x.jar.sha1'));
  assert.ok(isPomProperties('META-INF/maven/g/a/pom.properties') && !isPomProperties('META-INF/maven/g/pom.properties'));
});
