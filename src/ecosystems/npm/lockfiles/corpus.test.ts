/**
 * Every real lockfile of the shared corpus (../shared/corpus/lockfiles beside the repository) parses without an error,
 * and every package points at a line that names it. Skipped, saying so, where the corpus is not checked out.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Package } from '../../../core/package.js';
import { LOCKFILES } from './index.js';

const corpus = join(import.meta.dirname, '../../../../..', 'shared/corpus/lockfiles');
const present = existsSync(corpus);

interface CorpusFile {
  kind: string;
  project: string;
  file: string;
  path: string;
}

function corpusFiles(kind: string): CorpusFile[] {
  const base = join(corpus, kind);
  if (!existsSync(base)) return [];
  const out: CorpusFile[] = [];
  for (const project of readdirSync(base).sort()) for (const file of readdirSync(join(base, project)).sort()) out.push({ kind, project, file, path: join(base, project, file) });
  return out;
}

const parsed = new Map<string, Package[]>();

function packagesOf(kind: string, project: string): Package[] {
  const hit = parsed.get(`${kind}/${project}`);
  assert.ok(hit, `${kind}/${project} was not parsed`);
  return hit;
}

/** `name@version L<line>:<column>` of the package with that name and version. */
function at(pkgs: readonly Package[], name: string, version: string): string {
  const p = pkgs.find((x) => x.name === name && x.version === version);
  assert.ok(p, `${name}@${version} not found`);
  return `${p.name}@${p.version} L${p.location.startLine}:${p.location.startColumn}${p.dev ? ' dev' : ''}${p.direct ? ' direct' : ''}`;
}

describe('lockfile corpus', { skip: !present && `no corpus at ${corpus}` }, () => {
  for (const kind of ['npm', 'yarn', 'pnpm', 'bun']) {
    const files = present ? corpusFiles(kind) : [];
    it(`${kind}: every file parses; every package is sane and its line names it`, () => {
      assert.ok(files.length >= 3, `only ${files.length} ${kind} lockfiles in the corpus`);
      for (const f of files) {
        const parser = LOCKFILES.find((p) => p.matches(f.file));
        assert.ok(parser, `no parser for ${f.file}`);
        const text = readFileSync(f.path, 'utf8');
        const lines = text.split('\n');
        const r = parser.parse(text, `${f.project}/${f.file}`, {});
        assert.ok(r.ok, `${f.project}: ${JSON.stringify(r.ok ? '' : r.error)}`);
        const pkgs = r.value.packages;
        assert.ok(pkgs.length > 50, `${f.project}: only ${pkgs.length} packages`);
        const seen = new Set<string>();
        for (const p of pkgs) {
          const where = `${f.project}: ${p.name}@${p.version}`;
          assert.equal(p.ecosystem, 'npm');
          assert.equal(p.foundBy, parser.id);
          assert.match(p.name, /^(?:@[^/\s]+\/)?[^/@\s]+$/, where);
          assert.match(p.version, /^[0-9A-Za-z][0-9A-Za-z.+-]*$/, where);
          assert.ok(p.purl.startsWith('pkg:npm/') && p.purl.endsWith(`@${encodeURIComponent(p.version)}`), where);
          assert.equal(seen.has(`${p.name}@${p.version}`), false, `${where} listed twice`);
          seen.add(`${p.name}@${p.version}`);
          const { startLine, startColumn, endLine, endColumn } = p.location;
          assert.ok(startLine >= 1 && startLine <= lines.length && startColumn >= 1 && endLine === startLine && endColumn >= startColumn, where);
          assert.ok(lines[startLine - 1]!.slice(startColumn - 1).includes(p.name), `${where}: line ${startLine} does not name it`);
        }
        parsed.set(`${kind}/${f.project}`, pkgs);
      }
    });
  }

  // Each triple below was checked by hand with grep -n against the corpus file.
  it('npm: exact packages at their lines', () => {
    assert.equal(at(packagesOf('npm', 'snyk__cli'), 'lodash', '4.18.1'), 'lodash@4.18.1 L15458:5 direct');
    assert.equal(at(packagesOf('npm', 'kyverno__website@56e276228c'), 'lodash', '4.17.20'), 'lodash@4.17.20 L513:5 dev');
    // v2 with ~2,400 entries under packages, 1,704 distinct releases once links (4) and repeated copies are set aside
    assert.equal(packagesOf('npm', 'snyk__cli@e00a9c02e6').length, 1704);
  });

  it('yarn: exact packages at their lines', () => {
    const berry = packagesOf('yarn', 'prettier__prettier');
    // the prettier workspace declares "@babel/code-frame": "npm:8.0.0"
    assert.equal(at(berry, '@babel/code-frame', '8.0.0'), '@babel/code-frame@8.0.0 L17:1 direct');
    assert.equal(at(berry, '@babel/code-frame', '7.29.7'), '@babel/code-frame@7.29.7 L27:1');
    const classic = packagesOf('yarn', 'honojs__hono__benchmarks__jsx');
    assert.equal(at(classic, 'hono', '3.10.4'), 'hono@3.10.4 L274:1');
    assert.equal(at(classic, 'react', '18.2.0'), 'react@18.2.0 L353:1');
  });

  it('pnpm: exact packages at their lines, in every lockfile version', () => {
    const v5 = packagesOf('pnpm', 'vitest-dev__vitest@284cc888ec');
    assert.equal(at(v5, '@algolia/autocomplete-core', '1.5.2'), '@algolia/autocomplete-core@1.5.2 L836:3 dev');
    // no `dev:` flag on the entry: vitest's own dependencies need it too
    assert.equal(at(v5, 'vite', '2.9.5'), 'vite@2.9.5 L17677:3 direct');
    assert.equal(at(packagesOf('pnpm', 'vitest-dev__vitest@958352c7ca'), 'typescript', '5.2.2'), 'typescript@5.2.2 L15181:3 dev direct');
    const v9 = packagesOf('pnpm', 'microsoft__rushstack__common__config__subspaces__default');
    assert.equal(at(v9, '@babel/core', '7.12.9').split(' ')[1], 'L6204:3');
    assert.equal(at(v9, 'typescript', '2.9.2').split(' ')[1], 'L18505:3');
    // the environment document (pnpm's own binaries) comes first in this file and is not the project's
    const multi = packagesOf('pnpm', 'typescript-eslint__typescript-eslint');
    assert.equal(multi.some((p) => p.name.startsWith('@pnpm/exe')), false);
    assert.equal(at(multi, 'eslint', '10.8.1').split(' ')[1], 'L6127:3');
  });

  it('bun: exact packages at their lines', () => {
    const hono = packagesOf('bun', 'honojs__hono');
    assert.equal(at(hono, '@babel/code-frame', '7.24.7'), '@babel/code-frame@7.24.7 L36:5 dev');
    // hono declares only devDependencies
    assert.equal(at(hono, 'typescript', '6.0.3'), 'typescript@6.0.3 L1456:5 dev direct');
    assert.equal(hono.every((p) => p.dev), true);
  });
});
