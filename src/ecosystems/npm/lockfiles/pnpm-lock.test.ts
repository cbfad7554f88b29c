import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NPM_ECOSYSTEM } from '../index.js';
import { PNPM_LOCK, parsePnpmLock } from './pnpm-lock.js';
import { expectErr, expectOk, issues, summary } from './tester/index.js';

const dir = join(import.meta.dirname, '../fixtures/lockfiles/pnpm');
const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
const parse = (text: string) => parsePnpmLock(text, 'pnpm-lock.yaml');

describe('pnpm-lock.yaml', () => {
  it('is registered for exactly pnpm-lock.yaml', () => {
    assert.deepEqual(NPM_ECOSYSTEM.lockfiles.filter((p) => p.matches('pnpm-lock.yaml')), [PNPM_LOCK]);
    assert.equal(PNPM_LOCK.matches('pnpm-lock.yml'), false);
    assert.equal(PNPM_LOCK.matches('pnpm-workspace.yaml'), false);
  });

  it('v5: /name/version keys, peer suffixes, dev/optional flags, aliases, tarball and file entries', () => {
    const inv = expectOk(parse(read('v5.yaml')));
    assert.deepEqual(summary(inv), [
      '@babel/core@7.20.5 L21:3 dev direct',
      'loose-envify@1.4.0 L28:3',
      // no dev flag: needed by both dev and prod
      'ms@2.1.2 L33:3',
      // two peer variants of one release
      'react-dom@18.2.0 L36:3 direct',
      'react@18.2.0 L49:3',
      // importer alias string-width-cjs: /string-width/4.2.3
      'string-width@4.2.3 L53:3 direct',
      'fsevents@2.3.2 L57:3 dev optional',
      'typescript@4.9.4 L65:3 dev direct',
      'tarball-dep@1.0.0 L69:3',
    ]);
    // file:../vendored is the project's own code; a key that encodes no release and has no name is reported
    assert.deepEqual(issues(inv.warnings), ['invalid-entry L81:3']);
    assert.deepEqual(inv.packages[0]!.location, { path: 'pnpm-lock.yaml', startLine: 21, startColumn: 3, endLine: 21, endColumn: 3 + '/@babel/core/7.20.5'.length });
  });

  it('v6: /name@version(peer) keys across workspace importers; link: importers are skipped', () => {
    const inv = expectOk(parse(read('v6.yaml')));
    assert.deepEqual(summary(inv), [
      '@vitest/ui@0.34.6 L29:3 dev',
      'ansi-regex@5.0.1 L37:3',
      'strip-ansi@6.0.1 L42:3 direct',
      'tinyspy@2.1.1 L48:3 direct',
      'vitest@0.34.6 L51:3 dev direct',
      "@scope/weird@1.0.0 L56:3 dev",
    ]);
    assert.deepEqual(issues(inv.warnings), ['missing-version L62:3']);
    assert.equal(inv.packages[5]!.location.endColumn, 3 + "'@scope/weird@1.0.0'".length);
  });

  it('v9: skips the environment document; derives dev from the importers through the snapshot graph', () => {
    const inv = expectOk(parse(read('v9.yaml')));
    assert.deepEqual(summary(inv), [
      // only reachable through eslint, a devDependency
      '@eslint/js@9.0.0 L62:3 dev',
      // a tarball: name from the key, version from the entry
      'argo-ui@1.0.0 L66:3 direct',
      'eslint@9.0.0 L72:3 dev direct',
      'fsevents@2.3.3 L76:3 optional direct',
      // reached from eslint (dev) and from react (prod): not dev
      'js-tokens@4.0.0 L80:3',
      'loose-envify@1.4.0 L83:3',
      'react-dom@18.2.0 L87:3 direct',
      'react@18.2.0 L92:3',
      'string-width@4.2.3 L95:3 direct',
      'typescript@5.4.5 L98:3 dev direct',
    ]);
    assert.deepEqual(inv.warnings, []);
    assert.equal(inv.packages.some((p) => p.name === 'pnpm'), false);
  });

  it('v5: a peer suffix naming a scoped peer with its slash still reads as the release', () => {
    const inv = expectOk(parse('lockfileVersion: 5.3\n\npackages:\n\n  /@scope/a/1.0.0_@types/node@18.0.0:\n    dev: false\n\n  /b/2.0.0_@types+node@18.0.0:\n    dev: true\n'));
    assert.deepEqual(summary(inv), ['@scope/a@1.0.0 L5:3', 'b@2.0.0 L8:3 dev']);
  });

  it('a lockfile of a project without dependencies has no packages', () => {
    assert.deepEqual(expectOk(parse("lockfileVersion: '9.0'\n\nimporters:\n\n  .: {}\n")), { packages: [], warnings: [] });
  });

  it('reads CRLF files with the same lines', () => {
    assert.deepEqual(summary(expectOk(parse(read('v9.yaml').replace(/\n/g, '\r\n')))), summary(expectOk(parse(read('v9.yaml')))));
  });

  it('warns about a lockfile version newer than it knows, and reads it as 9', () => {
    const inv = expectOk(parse("lockfileVersion: '10.0'\n\npackages:\n\n  ms@2.1.3:\n    resolution: {integrity: sha512-x==}\n"));
    assert.deepEqual(summary(inv), ['ms@2.1.3 L5:3']);
    assert.deepEqual(issues(inv.warnings), ['unknown-lockfile-version L1:1']);
  });

  describe('refuses what is not a pnpm-lock.yaml, saying where and why', () => {
    const cases: [string, string, string, RegExp][] = [
      ['an empty file', '', 'empty-file L1:1', /is empty/],
      ['comments only', '# nothing\n', 'empty-file L1:1', /only comments/],
      ['a yarn.lock', '# yarn lockfile v1\n\n"a@^1", a@^2:\n  version "1.0.0"\n', 'invalid-yaml L3:7', /not valid YAML/],
      ['YAML without lockfileVersion', 'name: app\nversion: 1.0.0\n', 'not-a-lockfile L1:1', /expected a mapping with lockfileVersion/],
      ['a second document without lockfileVersion', "lockfileVersion: '9.0'\n---\nfoo: bar\n", 'not-a-lockfile L2:1', /lockfileVersion/],
      ['a lockfile older than pnpm 4', 'lockfileVersion: 4\npackages: {}\n', 'unsupported-lockfile-version L1:1', /predates/],
      ['packages that is not a mapping', "lockfileVersion: '9.0'\npackages: [a]\n", 'not-a-lockfile L2:1', /must be a mapping/],
      ['a duplicate key', "lockfileVersion: '9.0'\npackages:\n  a@1.0.0: {}\n  a@1.0.0: {}\n", 'invalid-yaml L4:3', /duplicated mapping key/],
      ['a broken flow mapping in the second document', "lockfileVersion: '9.0'\n---\nlockfileVersion: '9.0'\npackages:\n  a@1.0.0: {resolution: \n", 'invalid-yaml L6:1', /not valid YAML/],
    ];
    for (const [what, text, where, message] of cases) {
      it(what, () => {
        const e = expectErr(parse(text));
        assert.deepEqual(issues(e), [where]);
        assert.match(e[0]!.message, message);
      });
    }

    it('hostile input: 10 MB of [ and 5,000 nested mappings are errors, not a stack overflow', () => {
      const brackets = expectErr(parse('['.repeat(10 * 1024 * 1024)));
      assert.deepEqual(issues(brackets), ['invalid-yaml L1:100']);
      assert.match(brackets[0]!.message, /nesting exceeded/);
      const maps = expectErr(parse("lockfileVersion: '9.0'\npackages:\n" + Array.from({ length: 5000 }, (_, i) => ' '.repeat(2 * i + 2) + 'a:').join('\n')));
      assert.match(maps[0]!.message, /nesting exceeded/);
    });

    // js-yaml shares aliased nodes instead of copying them, and the reader never walks unknown keys.
    it('an alias bomb is read without expanding it', () => {
      const bomb = ["lockfileVersion: '9.0'", 'a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 30 }, (_, i) => `${String.fromCharCode(98 + (i % 24))}${i}: &${i}z [*${i === 0 ? 'a' : `${i - 1}z`}, *${i === 0 ? 'a' : `${i - 1}z`}, *${i === 0 ? 'a' : `${i - 1}z`}]`), 'packages:', '  ms@2.1.3: {}'].join('\n');
      assert.deepEqual(summary(expectOk(parse(bomb))), ['ms@2.1.3 L34:3']);
    });
  });
});
