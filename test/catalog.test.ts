import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BUILTIN_CHECKS } from '../src/checks/index.js';
import { checkMarkdown, checksIndexMarkdown, secretRulesMarkdown } from '../src/cli/check-docs.js';
import { BUILTIN_SECRET_RULES } from '../src/secrets/rules/index.js';
import type { CheckTarget } from '../src/core/config-object.js';
import { FIXTURE_PATTERN } from '../src/parsers/index.js';
import { REPO } from './helpers.js';

/** Check folders per target: src/checks/<folder>/<slug>/. */
const TARGET_DIRS: Record<CheckTarget, string> = { kubernetes: 'k8s', dockerfile: 'dockerfile', compose: 'compose', terraform: 'terraform' };
const dirOf = (c: { meta: { target: CheckTarget; slug: string } }): string => join(REPO, 'src/checks', TARGET_DIRS[c.meta.target], c.meta.slug);
const SNAPSHOT = join(REPO, 'test/catalog.snapshot.txt');

describe('check catalog', () => {
  it('has at least 100 checks', () => {
    assert.ok(BUILTIN_CHECKS.length >= 100, `${BUILTIN_CHECKS.length} checks`);
  });

  it('IDs, slugs and aliases are unique', () => {
    const seen = new Map<string, string>();
    for (const c of BUILTIN_CHECKS) {
      for (const key of [c.meta.id, c.meta.slug, ...c.meta.aliases]) {
        assert.ok(!seen.has(key), `${key} used by ${seen.get(key)} and ${c.meta.id}`);
        seen.set(key, c.meta.id);
      }
    }
  });

  it('every folder is a registered check whose slug is the folder name', () => {
    for (const [target, folder] of Object.entries(TARGET_DIRS)) {
      const base = join(REPO, 'src/checks', folder);
      const folders = existsSync(base) ? readdirSync(base).filter((f) => existsSync(join(base, f, 'check.ts'))).sort() : [];
      assert.deepEqual(BUILTIN_CHECKS.filter((c) => c.meta.target === target).map((c) => c.meta.slug).sort(), folders, `src/checks/${folder}`);
    }
    execFileSync(process.execPath, [join(REPO, 'scripts/gen-check-index.mjs'), '--check'], { stdio: 'pipe' });
  });

  it('every check has a table test and valid + invalid fixtures', () => {
    for (const c of BUILTIN_CHECKS) {
      const dir = dirOf(c);
      assert.ok(existsSync(join(dir, 'check.test.ts')), `${c.meta.slug}: check.test.ts missing`);
      for (const kind of ['valid', 'invalid']) {
        const fx = join(dir, 'fixtures', kind);
        assert.ok(existsSync(fx) && readdirSync(fx).some((f) => FIXTURE_PATTERN[c.meta.target].test(f)), `${c.meta.slug}: fixtures/${kind} has no ${c.meta.target} input`);
      }
    }
  });

  it('covers every Pod Security Standards level with checks mapped to it', () => {
    const pss = new Set(BUILTIN_CHECKS.map((c) => c.meta.standards.pss).filter(Boolean));
    assert.deepEqual([...pss].sort(), ['baseline', 'restricted']);
    assert.ok(BUILTIN_CHECKS.filter((c) => c.meta.standards.pss).length >= 20);
  });

  it('maps to peers: at least 60 checks name a Checkov, Trivy, kube-linter or Polaris ID', () => {
    assert.ok(BUILTIN_CHECKS.filter((c) => c.meta.peers.length > 0).length >= 60);
  });

  it('matches the committed snapshot of id, slug, severity (changes are visible in review)', () => {
    const text = BUILTIN_CHECKS.map((c) => `${c.meta.id} ${c.meta.slug} ${c.meta.severity}${c.meta.defaultEnabled ? '' : ' opt-in'}`).sort().join('\n') + '\n';
    if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(SNAPSHOT)) writeFileSync(SNAPSHOT, text);
    assert.equal(text, readFileSync(SNAPSHOT, 'utf8'), 'catalog changed: review, then run UPDATE_SNAPSHOTS=1 npm run test:unit -- test/catalog.test.ts');
  });

  it('an ID once published is never removed (IDs are stable; renames go to aliases)', () => {
    const published = readFileSync(SNAPSHOT, 'utf8').split('\n').filter(Boolean).map((l) => l.split(' ')[0]!);
    const known = new Set(BUILTIN_CHECKS.flatMap((c) => [c.meta.id, ...c.meta.aliases]));
    for (const id of published) assert.ok(known.has(id), `${id} disappeared`);
  });
});

describe('generated docs', () => {
  it('docs/checks/*.md match `palisade checks list --format markdown --out docs/checks`', () => {
    const dir = join(REPO, 'docs/checks');
    const stale: string[] = [];
    for (const c of BUILTIN_CHECKS) {
      const p = join(dir, `${c.meta.slug}.md`);
      if (!existsSync(p) || readFileSync(p, 'utf8') !== checkMarkdown(c)) stale.push(c.meta.slug);
    }
    const index = join(dir, 'README.md');
    if (!existsSync(index) || readFileSync(index, 'utf8') !== checksIndexMarkdown(BUILTIN_CHECKS)) stale.push('README');
    const extra = existsSync(dir) ? readdirSync(dir).filter((f) => f !== 'README.md' && !BUILTIN_CHECKS.some((c) => `${c.meta.slug}.md` === f)) : [];
    assert.deepEqual([stale, extra], [[], []], 'docs/checks is out of date: run `npm run docs`');
  });

  it('docs/secret-rules.md matches `palisade secrets list --format markdown`', () => {
    const p = join(REPO, 'docs/secret-rules.md');
    assert.ok(existsSync(p) && readFileSync(p, 'utf8') === secretRulesMarkdown(BUILTIN_SECRET_RULES), 'docs/secret-rules.md is out of date: run `npm run docs`');
  });
});
