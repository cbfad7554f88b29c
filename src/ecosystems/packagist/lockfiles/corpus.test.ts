import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Inventory } from '../../../core/package.js';
import { LOCKFILES } from './index.js';
import { SHARED } from '../../_lib/tester/shared.js';

// Real composer.lock files; composer.json beside them matches no parser. Counts = entries minus branch versions
// (dev-master, dev-latest, 6.4.x-dev), checked with grep.
const CORPUS = `${SHARED}/corpus/lockfiles/composer`;
const EXPECTED: Record<string, number> = {
  BookStackApp__BookStack: 146,
  'firefly-iii__firefly-iii': 184,
  'firefly-iii__firefly-iii__.ci__phpmd': 14,
  koel__koel: 201,
  wallabag__wallabag: 267,
};

test('every composer.lock of the corpus parses with the expected package count', { skip: !existsSync(CORPUS) && 'corpus not present' }, () => {
  const all = new Map<string, Inventory>();
  for (const project of readdirSync(CORPUS)) {
    for (const file of readdirSync(join(CORPUS, project))) {
      const parser = LOCKFILES.find((p) => p.matches(file));
      if (!parser) continue;
      const r = parser.parse(readFileSync(join(CORPUS, project, file), 'utf8'), `${project}/${file}`, {});
      assert.ok(r.ok, `${project}: ${JSON.stringify(!r.ok && r.error)}`);
      all.set(project, r.value);
    }
  }
  assert.deepEqual(Object.fromEntries([...all].map(([k, v]) => [k, v.packages.length])), EXPECTED);
  const spot = (name: string) => {
    const p = all.get('koel__koel')!.packages.find((x) => x.name === name);
    return p && `${p.name}@${p.version}@${p.location.startLine}${p.dev ? ' dev' : ''}`;
  };
  // Checked by hand with grep -n.
  assert.equal(spot('laravel/framework'), 'laravel/framework@v13.24.0@2266');
  assert.equal(spot('phpunit/phpunit'), 'phpunit/phpunit@11.5.55@13270 dev');
  assert.deepEqual(all.get('koel__koel')!.warnings.map((w) => `${w.code}:${w.location.startLine}`), ['branch-version:13380']);
});
