import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Inventory } from '../../../core/package.js';
import { LOCKFILES } from './index.js';
import { SHARED } from '../../_lib/tester/shared.js';

// Real Cargo.lock files; Cargo.toml beside them matches no parser. Counts = entries with a source, de-duplicated
// (checked with Python's tomllib).
const CORPUS = `${SHARED}/corpus/lockfiles/cargo`;
const EXPECTED: Record<string, number> = {
  BurntSushi__ripgrep: 52,
  bitwarden__server__util__RustSdk__rust: 282,
  'hoppscotch__hoppscotch__packages__hoppscotch-desktop__src-tauri': 744,
  'livebook-dev__livebook__rel__app__src-tauri': 583,
  localsend__localsend: 509,
  sharkdp__bat: 316,
};

test('every Cargo.lock of the corpus parses with the expected crate count', { skip: !existsSync(CORPUS) && 'corpus not present' }, () => {
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
  const p = all.get('BurntSushi__ripgrep')!.packages.find((x) => x.name === 'regex');
  // Checked by hand with grep -n.
  assert.equal(p && `${p.name}@${p.version}@${p.location.startLine}`, 'regex@1.13.1@386');
  assert.equal(all.get('BurntSushi__ripgrep')!.packages.find((x) => x.name === 'ripgrep'), undefined);
});
