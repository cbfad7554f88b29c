import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NPM_ECOSYSTEM } from '../index.js';
import { createPackageLockParser, parsePackageLock } from './package-lock.js';
import { expectErr, expectOk, issues, summary } from './tester/index.js';

const dir = join(import.meta.dirname, '../fixtures/lockfiles/package-lock');
const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
const parse = (text: string) => parsePackageLock(text, 'app/package-lock.json', 'package-lock.json');

describe('package-lock.json', () => {
  it('matches exactly package-lock.json and npm-shrinkwrap.json, each under its own id', () => {
    const ids = NPM_ECOSYSTEM.lockfiles.filter((p) => p.matches('package-lock.json') || p.matches('npm-shrinkwrap.json')).map((p) => p.id);
    assert.deepEqual(ids, ['package-lock.json', 'npm-shrinkwrap.json']);
    for (const name of ['package.json', 'package-lock.json.bak', 'Package-Lock.json', 'app/package-lock.json']) {
      assert.equal(NPM_ECOSYSTEM.lockfiles.some((p) => p.matches(name)), false, name);
    }
  });

  it('v1: walks the nested tree; aliases give the real name; one package per name@version at its first line', () => {
    const inv = expectOk(parse(read('v1.json')));
    assert.deepEqual(summary(inv), [
      '@babel/code-frame@7.12.13 L7:5 dev',
      'chalk@2.4.2 L16:5',
      'ansi-styles@3.2.1 L22:9 dev',
      // chalk's copy is required, debug's is optional: the merged release is not optional.
      'ms@2.0.0 L26:9',
      'debug@4.3.4 L31:5',
      'ms@2.1.2 L40:5',
      'string-width@4.2.3 L43:5',
      'fsevents@2.3.2 L47:5 optional',
    ]);
    // my-local (file:) is the project's own code: skipped without a word.
    assert.deepEqual(issues(inv.warnings), ['non-registry-version L54:5', 'invalid-entry L58:5', 'missing-version L59:5']);
  });

  it('a release is dev only when every copy of it is, whichever copy comes first', () => {
    for (const [first, second] of [['"dev": true', '"dev": false'], ['"dev": false', '"dev": true']]) {
      const text = `{"lockfileVersion": 1, "dependencies": {\n"a": {"version": "1.0.0", ${first}},\n"b": {"version": "1.0.0", "dependencies": {\n"a": {"version": "1.0.0", ${second}}}}}}`;
      assert.deepEqual(summary(expectOk(parse(text))), ['a@1.0.0 L2:1', 'b@1.0.0 L3:1']);
    }
    const bothDev = '{"lockfileVersion": 1, "dependencies": {\n"a": {"version": "1.0.0", "dev": true},\n"b": {"version": "1.0.0", "dev": true, "dependencies": {\n"a": {"version": "1.0.0", "dev": true}}}}}';
    assert.deepEqual(summary(expectOk(parse(bothDev))), ['a@1.0.0 L2:1 dev', 'b@1.0.0 L3:1 dev']);
  });

  it('v2: reads the packages map (not the v1 tree beside it), with dev, optional, devOptional and direct', () => {
    const inv = expectOk(parse(read('v2.json')));
    assert.deepEqual(summary(inv), [
      '@scope/pkg@1.0.1 L22:5 direct',
      'express@4.18.2 L26:5 direct',
      'ms@2.0.0 L32:5',
      'fsevents@2.3.2 L35:5 optional direct',
      'ms@2.1.3 L39:5 dev',
      'string-width@4.2.3 L43:5 direct',
      'typescript@5.1.6 L47:5 dev direct',
      'watchpack-chokidar2@2.0.1 L51:5 optional',
    ]);
    assert.deepEqual(inv.warnings, []);
  });

  it('v3 workspaces: links and workspace folders are not packages; their declarations make packages direct', () => {
    const inv = expectOk(parse(read('v3-workspaces.json')));
    assert.deepEqual(summary(inv), [
      'lodash@4.17.21 L32:5 dev direct',
      // hoisted to the root but declared by packages/app, which has no copy of its own
      'react@18.2.0 L36:5 direct',
      'bundled-dep@1.0.0 L42:5',
      // behind the root's link node_modules/chalk (npm's linked install strategy)
      'chalk@5.3.0 L46:5 direct',
      'semver@7.5.4 L58:5 direct',
      'semver@6.3.1 L68:5 direct',
    ]);
    assert.deepEqual(issues(inv.warnings), ['missing-version L39:5', 'invalid-entry L71:5']);
  });

  it('gives every package its purl, ecosystem, path and end column', () => {
    const inv = expectOk(parse(read('v2.json')));
    const p = inv.packages[0]!;
    assert.equal(p.purl, 'pkg:npm/%40scope/pkg@1.0.1');
    assert.equal(p.purl, NPM_ECOSYSTEM.purl('@scope/pkg', '1.0.1'));
    assert.equal(p.ecosystem, 'npm');
    assert.equal(p.foundBy, 'package-lock.json');
    assert.deepEqual(p.location, { path: 'app/package-lock.json', startLine: 22, startColumn: 5, endLine: 22, endColumn: 5 + '"node_modules/@scope/pkg"'.length });
  });

  it('npm-shrinkwrap.json is read by its own parser and recorded as found by it', () => {
    const parser = createPackageLockParser('npm-shrinkwrap.json');
    const inv = expectOk(parser.parse(read('npm-shrinkwrap.json'), 'npm-shrinkwrap.json', {}));
    assert.deepEqual(summary(inv), ['minimist@1.2.8 L12:5 direct']);
    assert.equal(inv.packages[0]!.foundBy, 'npm-shrinkwrap.json');
  });

  it('a lockfile of a project without dependencies has no packages and no warnings', () => {
    assert.deepEqual(expectOk(parse(read('v3-no-deps.json'))), { packages: [], warnings: [] });
  });

  it('tolerates CRLF line ends and a byte order mark', () => {
    const text = '\ufeff' + read('v2.json').replace(/\n/g, '\r\n');
    assert.deepEqual(summary(expectOk(parse(text))).slice(0, 2), ['@scope/pkg@1.0.1 L22:5 direct', 'express@4.18.2 L26:5 direct']);
  });

  it('warns about a lockfile version it does not know, and about a missing one', () => {
    const newer = expectOk(parse('{"lockfileVersion": 4, "packages": {"node_modules/a": {"version": "1.0.0"}}}'));
    assert.deepEqual(summary(newer), ['a@1.0.0 L1:37']);
    assert.deepEqual(issues(newer.warnings), ['unknown-lockfile-version L1:2']);
    const missing = expectOk(parse('{"dependencies": {\n  "a": {"version": "1.0.0"}\n}}'));
    assert.deepEqual(summary(missing), ['a@1.0.0 L2:3']);
    assert.deepEqual(issues(missing.warnings), ['missing-lockfile-version L1:1']);
  });

  it('a v2 lockfile without "packages" falls back to the v1 tree, still with lines', () => {
    const inv = expectOk(parse('{\n  "lockfileVersion": 2,\n  "dependencies": {\n    "a": {"version": "1.0.0", "dependencies": {\n      "b": {"version": "2.0.0"}}}\n  }\n}'));
    assert.deepEqual(summary(inv), ['a@1.0.0 L4:5', 'b@2.0.0 L5:7']);
    assert.deepEqual(issues(inv.warnings), ['missing-packages L1:1']);
  });

  describe('refuses what is not a package-lock.json, saying where and why', () => {
    const cases: [string, string, string, RegExp][] = [
      ['an empty file', '', 'empty-file L1:1', /is empty/],
      ['white space only', '  \n\n', 'empty-file L1:1', /is empty/],
      ['YAML', 'lockfileVersion: 3\npackages: {}\n', 'invalid-json L1:1', /not valid JSON: expected a value, found 'l'/],
      ['a JSON array', '[1, 2]', 'not-a-lockfile L1:1', /found an array/],
      ['an unrelated JSON object', '{"name": "x", "version": "1.0.0"}', 'not-a-lockfile L1:1', /no "lockfileVersion"/],
      ['a string lockfileVersion', '{\n  "lockfileVersion": "3", "packages": {}}', 'unsupported-lockfile-version L2:3', /positive integer/],
      ['packages that is not an object', '{"lockfileVersion": 3, "packages": []}', 'not-a-lockfile L1:24', /"packages" must be an object/],
      ['a missing comma', '{\n  "lockfileVersion": 3\n  "packages": {}\n}', 'invalid-json L3:3', /expected ',' or '}' after the value of "lockfileVersion", found '"'/],
      ['a trailing comma (npm never writes one)', '{"lockfileVersion": 3, "packages": {},}', 'invalid-json L1:39', /trailing comma/],
    ];
    for (const [what, text, where, message] of cases) {
      it(what, () => {
        const e = expectErr(parse(text));
        assert.deepEqual(issues(e), [where]);
        assert.match(e[0]!.message, message);
        assert.equal(e[0]!.location.path, 'app/package-lock.json');
      });
    }

    it('a truncated file, pointing at the object left open', () => {
      const e = expectErr(parse(read('truncated.json')));
      assert.deepEqual(issues(e), ['invalid-json L29:15']);
      assert.match(e[0]!.message, /string is not closed before the end of the file/);
      const cut = expectErr(parse('{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/a": {"version": "1.0.0"}\n'));
      assert.match(cut[0]!.message, /the object opened at line 3, column 15 is not closed/);
    });

    it('10 MB of [ and deep object nesting: an error result, no stack overflow', () => {
      const brackets = expectErr(parse('['.repeat(10 * 1024 * 1024)));
      assert.deepEqual(issues(brackets), ['invalid-json L1:1001']);
      assert.match(brackets[0]!.message, /nested deeper than 1000 levels/);
      const objects = expectErr(parse('{"a":'.repeat(200_000) + '1' + '}'.repeat(200_000)));
      assert.match(objects[0]!.message, /nested deeper than 1000 levels/);
    });
  });
});
