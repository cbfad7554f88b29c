import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Package } from '../../../core/package.js';
import { HEX_ECOSYSTEM } from '../index.js';
import { lockfileParserFor } from '../../index.js';
import { MIX_LOCK, parseElixirTerm } from './mix-lock.js';
import { SHARED } from '../../_lib/tester/shared.js';

const fixtures = fileURLToPath(new URL('../fixtures/lockfiles/', import.meta.url));
const parse = (name: string): ReturnType<typeof MIX_LOCK.parse> => MIX_LOCK.parse(readFileSync(join(fixtures, name), 'utf8'), name, {});
const triple = (p: Package): string => `${p.name}@${p.version}:${p.location.startLine}`;

test('registry', () => {
  assert.equal(lockfileParserFor('mix.lock')?.parser, MIX_LOCK);
  assert.equal(MIX_LOCK.matches('mix.exs'), false);
});

test('mix.lock: hex entries by their Hex name, old short tuples, git and path skipped with a warning', () => {
  const r = parse('mix.lock');
  assert.ok(r.ok);
  assert.deepEqual(r.value.packages.map(triple), [
    'castore@1.0.5:2',
    'cowboy@2.10.0:3',
    // `my_json: hex: :jason` in mix.exs: advisories are filed under the Hex package, jason.
    'jason@1.4.1:5',
    'private_pkg@0.3.0:6',
    'plug@1.4.3:7',
    'poison@3.1.0:8',
  ]);
  assert.deepEqual(r.value.packages[1], {
    ecosystem: 'Hex',
    name: 'cowboy',
    version: '2.10.0',
    purl: 'pkg:hex/cowboy@2.10.0',
    location: { path: 'mix.lock', startLine: 3, startColumn: 3, endLine: 3, endColumn: 11 },
    foundBy: 'mix.lock',
  });
  for (const p of r.value.packages) assert.equal(p.purl, HEX_ECOSYSTEM.purl(p.name, p.version));
  assert.deepEqual(r.value.warnings.map((w) => [w.code, w.location.startLine]), [['unsupported-source', 4], ['unsupported-source', 9]]);
  assert.match(r.value.warnings[0]!.message, /git_dep comes from :git/);
});

test('Mix < 1.5: "name" => {…} and a leading comment', () => {
  const r = parse('arrow-keys.mix.lock');
  assert.ok(r.ok);
  assert.deepEqual(r.value.packages.map(triple), ['cowlib@1.0.2:2', 'ranch@1.3.2:3']);
});

test('broken, empty, not-the-format', () => {
  const b = parse('broken.mix.lock');
  assert.equal(b.ok, false);
  if (!b.ok) assert.deepEqual(b.error.map((e) => [e.code, e.location.startLine]), [['syntax-error', 4]]);
  assert.deepEqual(MIX_LOCK.parse('', 'x', {}), { ok: true, value: { packages: [], warnings: [] } });
  assert.deepEqual(MIX_LOCK.parse('%{}\n', 'x', {}), { ok: true, value: { packages: [], warnings: [] } });
  for (const text of ['{"a": 1}', '[1, 2]', '%{"a": 1}', '%{"a": {:hex, "notatom", "1.0"}}', 'defmodule X do end', '%{"a": {:hex, :a, "1.0", "#{System.cmd()}"}}']) {
    const r = MIX_LOCK.parse(text, 'x', {});
    assert.equal(r.ok, false, text);
  }
  assert.equal(parseElixirTerm('['.repeat(10_000)).ok, false);
});

test('term reader: escapes, quoted atoms, keyword lists, numbers', () => {
  const r = parseElixirTerm('{:"quoted atom", "a\\"b", [key: 1, other: -2.5e3], true, nil, Foo.Bar, \'chars\'}');
  assert.ok(r.ok);
  assert.equal(r.value.kind, 'tuple');
  if (r.value.kind === 'tuple') {
    assert.deepEqual(r.value.items.map((t) => (t.kind === 'atom' || t.kind === 'string' ? t.value : t.kind)), ['quoted atom', 'a"b', 'list', 'true', 'nil', 'Elixir.Foo.Bar', 'chars']);
  }
});

const corpus = `${SHARED}/corpus/lockfiles/hex`;
test('corpus: every mix.lock parses; one package per :hex entry; git entries warned; hand-checked entries', () => {
  const counts: Record<string, [number, number]> = {};
  for (const d of readdirSync(corpus)) {
    const text = readFileSync(join(corpus, d, 'mix.lock'), 'utf8');
    const r = MIX_LOCK.parse(text, d, {});
    assert.ok(r.ok, d);
    assert.equal(r.value.packages.length, (text.match(/^ {2}"[^"]+": \{:hex,/gm) ?? []).length, d);
    assert.equal(r.value.warnings.length, (text.match(/^ {2}"[^"]+": \{:git,/gm) ?? []).length, d);
    counts[d] = [r.value.packages.length, r.value.warnings.length];
  }
  assert.deepEqual(counts, { hexpm__hexpm: [98, 3], 'livebook-dev__livebook': [66, 1], phoenixframework__phoenix: [40, 0], phoenixframework__phoenix__installer: [6, 0], phoenixframework__phoenix__integration_test: [49, 2] });
  // By hand: phoenix/mix.lock line 2 is `"bandit": {:hex, :bandit, "1.12.4", …}`, line 4 `"cowboy": {:hex, :cowboy, "2.18.0", …}`.
  const phoenix = MIX_LOCK.parse(readFileSync(join(corpus, 'phoenixframework__phoenix/mix.lock'), 'utf8'), 'p', {});
  assert.ok(phoenix.ok);
  assert.deepEqual(phoenix.value.packages.slice(0, 3).map(triple), ['bandit@1.12.4:2', 'castore@1.0.20:3', 'cowboy@2.18.0:4']);
});
