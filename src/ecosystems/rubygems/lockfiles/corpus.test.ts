import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Inventory } from '../../../core/package.js';
import { LOCKFILES } from './index.js';
import { SHARED } from '../../_lib/tester/shared.js';

// Real Gemfile.lock files; Gemfile beside them matches no parser. Counts = distinct name@version under specs:
// (checked with grep and sed, platform suffixes removed).
const CORPUS = `${SHARED}/corpus/lockfiles/rubygems`;
const EXPECTED: Record<string, number> = {
  Homebrew__brew__Library__Homebrew: 72,
  Homebrew__brew__docs: 81,
  'google__osv.dev__docs': 51,
  'maybe-finance__maybe': 216,
  'rubygems__rubygems.org': 298,
};

test('every Gemfile.lock of the corpus parses with the expected gem count', { skip: !existsSync(CORPUS) && 'corpus not present' }, () => {
  const all = new Map<string, Inventory>();
  for (const project of readdirSync(CORPUS)) {
    for (const file of readdirSync(join(CORPUS, project))) {
      const parser = LOCKFILES.find((p) => p.matches(file));
      if (!parser) continue;
      const r = parser.parse(readFileSync(join(CORPUS, project, file), 'utf8'), `${project}/${file}`, {});
      assert.ok(r.ok, `${project}: ${JSON.stringify(!r.ok && r.error)}`);
      assert.deepEqual(r.value.warnings, []);
      all.set(project, r.value);
    }
  }
  assert.deepEqual(Object.fromEntries([...all].map(([k, v]) => [k, v.packages.length])), EXPECTED);
  const spot = (name: string) => {
    const p = all.get('maybe-finance__maybe')!.packages.find((x) => x.name === name);
    return p && `${p.name}@${p.version}@${p.location.startLine}${p.direct ? ' direct' : ''}`;
  };
  // Checked by hand with grep -n: eight platform builds of nokogiri 1.18.8 from line 348, one package.
  assert.equal(spot('nokogiri'), 'nokogiri@1.18.8@348');
  assert.equal(spot('rails'), 'rails@7.2.2.1@409 direct');
  assert.equal(spot('lucide-rails'), 'lucide-rails@0.2.0@5 direct');
});
