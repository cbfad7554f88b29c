import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import type { DataPath } from '../../../core/location.js';
import { DEFAULT_PARSE_LIMITS, type ParsedDocument, type ParseResult } from '../index.js';
import { parseYamlDocuments } from '../parse.js';
import type { SourceMap } from '../source-map.js';
import { parseYamlDocumentsFast, type FastParsedDocument, type FastParseResult, type SourceLocator } from './parse-fast.js';
import { splitDocuments } from './split.js';

// ---------------------------------------------------------------------------------------------------------------
// Type-level contract: the fast result is parse.ts's ParseResult with `source` typed by its two public methods.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameDocument: Same<Omit<FastParsedDocument, 'source'>, Omit<ParsedDocument, 'source'>> = true;
const sameResult: Same<Omit<FastParseResult, 'documents'>, Omit<ParseResult, 'documents'>> = true;
const classIsLocator = (s: SourceMap): SourceLocator => s;
void [sameDocument, sameResult, classIsLocator];

const parse = parseYamlDocumentsFast;


// The cases of parse.test.ts run on this parser there: it is the product parser (index.ts exports it).

// ---------------------------------------------------------------------------------------------------------------
// Differential helpers: the fast parser against parse.ts on the same text.

/** Every path to a node of the value (containers and leaves), depth-first, at most `max`. */
function samplePaths(value: unknown, max: number): DataPath[] {
  const out: DataPath[] = [];
  const walk = (v: unknown, path: (string | number)[]): void => {
    if (out.length >= max) return;
    out.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v !== null && typeof v === 'object' && !(v instanceof Date) && !(v instanceof Uint8Array)) {
      for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    }
  };
  walk(value, []);
  return out;
}

const MISSING_PATHS: DataPath[] = [
  ['no-such-field'],
  ['metadata', 'no-such-field'],
  ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'privileged'],
  ['spec', 'containers', 0, 'resources', 'limits', 'cpu'],
  ['items', 99, 'kind'],
];

interface Diff {
  mismatches: string[];
  paths: number;
}

/** Compares both parsers on one text; `strict` also compares the error codes. */
function compare(text: string, file: string, strict = true, limits = DEFAULT_PARSE_LIMITS): Diff {
  const a = parseYamlDocuments(text, file, limits);
  const b = parseYamlDocumentsFast(text, file, limits);
  const mismatches: string[] = [];
  let paths = 0;
  const codes = (l: { code: string }[]): string => [...new Set(l.map((x) => x.code))].sort().join(',');
  if (strict && codes(a.errors) !== codes(b.errors)) mismatches.push(`error codes [${codes(a.errors)}] vs [${codes(b.errors)}]`);
  if (codes(a.warnings) !== codes(b.warnings)) mismatches.push(`warning codes [${codes(a.warnings)}] vs [${codes(b.warnings)}]`);
  else if (a.warnings.length === b.warnings.length) {
    a.warnings.forEach((w, i) => {
      const v = b.warnings[i]!;
      if (w.location.startLine !== v.location.startLine || w.location.startColumn !== v.location.startColumn) {
        mismatches.push(`warning ${i} at ${w.location.startLine}:${w.location.startColumn} vs ${v.location.startLine}:${v.location.startColumn}`);
      }
    });
  } else mismatches.push(`${a.warnings.length} warnings vs ${b.warnings.length}`);
  if (a.documents.length !== b.documents.length) {
    mismatches.push(`documents [${a.documents.map((d) => d.index)}] vs [${b.documents.map((d) => d.index)}]`);
    return { mismatches, paths };
  }
  a.documents.forEach((da, i) => {
    const db = b.documents[i]!;
    if (da.index !== db.index) mismatches.push(`document ${i}: index ${da.index} vs ${db.index}`);
    if (da.startLine !== db.startLine) mismatches.push(`document ${i}: startLine ${da.startLine} vs ${db.startLine}`);
    if (da.text().trimEnd() !== db.text().trimEnd()) mismatches.push(`document ${i}: text() differs`);
    if (JSON.stringify(da.value) !== JSON.stringify(db.value)) {
      mismatches.push(`document ${i}: value differs`);
      return;
    }
    const sample = samplePaths(da.value, 200);
    for (const p of sample.slice(0, 20)) sample.push([...p, 'no-such-field']);
    sample.push(...MISSING_PATHS);
    for (const p of sample) {
      paths++;
      const ra = da.source.resolve(p);
      const rb = db.source.resolve(p);
      const la = ra.location;
      const lb = rb.location;
      if (la.startLine !== lb.startLine || ra.matched !== rb.matched) {
        mismatches.push(`document ${i} ${JSON.stringify(p)}: line ${la.startLine} matched ${ra.matched} vs line ${lb.startLine} matched ${rb.matched}`);
      } else if (la.startColumn !== lb.startColumn || la.endLine !== lb.endLine || la.endColumn !== lb.endColumn) {
        mismatches.push(`document ${i} ${JSON.stringify(p)}: range ${JSON.stringify(la)} vs ${JSON.stringify(lb)}`);
      }
    }
  });
  return { mismatches, paths };
}

// ---------------------------------------------------------------------------------------------------------------
// (2) Differential test over the shared corpus.

const corpus = join(import.meta.dirname, '../../../../..', 'shared/corpus/k8s');

/**
 * Files where the two parsers legitimately disagree, with the reason. All are the same case: a double-quoted
 * scalar spanning several lines inside a flow sequence (`args: ["\n  cd … &&\n  go build\n"]`). libyaml, go-yaml
 * (kubectl) and js-yaml read it as one string; the `yaml` library rejects it ("Missing closing quote", "Flow
 * sequence in block collection must be sufficiently indented"), so parse.ts drops the whole document.
 */
const KNOWN_DIFFERENCES: Record<string, string> = Object.fromEntries(
  [
    'argoproj__argo-workflows/examples/ci-output-artifact.yaml',
    'argoproj__argo-workflows/examples/ci.yaml',
    'argoproj__argo-workflows/examples/influxdb-ci.yaml',
    'argoproj__argo-workflows/examples/k8s-orchestration.yaml',
    'argoproj__argo-workflows/examples/nested-workflow.yaml',
    'argoproj__argo-workflows/examples/secrets.yaml',
    'argoproj__argo-workflows/examples/sidecar.yaml',
    'argoproj__argo-workflows/examples/volumes-emptydir.yaml',
  ].map((f) => [f, 'multi-line double-quoted scalar in a flow sequence: the `yaml` library rejects it, js-yaml/libyaml/go-yaml accept it']),
);

function manifestFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) manifestFiles(p, out);
    else if (e.isFile() && /\.(ya?ml|json)$/i.test(e.name)) out.push(p);
  }
  return out.sort();
}

describe('differential: fast parser vs parse.ts over the corpus', { skip: existsSync(corpus) ? false : `no corpus at ${corpus}` }, () => {
  it('finds the corpus at ../shared/corpus/k8s', () => {
    assert.ok(corpus.endsWith(join('shared', 'corpus', 'k8s')));
  });

  it('returns the same documents, values, issue codes and locations for every file', () => {
    const files = manifestFiles(corpus);
    assert.ok(files.length > 0);
    const problems: string[] = [];
    const differing = new Set<string>();
    let paths = 0;
    for (const f of files) {
      const rel = relative(corpus, f).split('\\').join('/');
      const text = readFileSync(f, 'utf8');
      if (rel in KNOWN_DIFFERENCES) {
        // The documents parse.ts rejects are returned by the fast parser, without errors.
        const a = parseYamlDocuments(text, rel);
        const b = parseYamlDocumentsFast(text, rel);
        assert.ok(a.errors.some((e) => e.code === 'yaml-syntax'), `${rel}: parse.ts no longer rejects it; drop it from KNOWN_DIFFERENCES`);
        assert.deepEqual(b.errors, [], rel);
        assert.ok(b.documents.length > a.documents.length, rel);
        continue;
      }
      const d = compare(text, rel);
      paths += d.paths;
      if (d.mismatches.length > 0) {
        differing.add(rel);
        for (const m of d.mismatches.slice(0, 5)) problems.push(`${rel}: ${m}`);
      }
    }
    assert.deepEqual(problems, [], `${differing.size} of ${files.length} files differ (${paths} paths compared)`);
    assert.ok(paths > 100_000, `only ${paths} paths compared`);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// (3) Differential on constructs the corpus rarely has.

describe('differential: fast parser vs parse.ts on edge cases', () => {
  const same = [
    'a: 1\n---\n',
    '---\na: 1\n---\n# only\n---\nb: 2\n',
    '# c1\n---\na: 1\n# trailing\n...\n# after\n---\nb: 1\n',
    'a: 1\n...\nb: 2\n',
    '...\na: 1\n',
    'a: 1\n...\n# c\n...\nb: 2\n',
    '# only comment\n',
    '',
    '\n\n  a: 1\n',
    '%YAML 1.1\n---\na: 1\n',
    'a: 1\n--- # c\nb: 2\n',
    '---\n--- \n---',
    '--- |\n  text\n---\na: 1\n',
    'a:\nb: &x foo\nc: !!str 5\nd: |\n  lit\n  x\n\ne: *x\n',
    'a: [1, &y {b: 2}]\nc: *y\n',
    'key:   \n  value\n',
    "x: 'multi\n  line'  # c\n",
    'a: "multi\n  line"\n',
    'a: plain\n  continued\n  more\nb: 1\n',
    'compression_mode:\n  none\n  # comment\nnext: 1\n',
    '- a\n- |+\n  x\n\n\n- c\n',
    'a: >-\n  folded\n  text\nb: 1\n',
    'a: |2\n    indented\nb: 1\n',
    'a: |-\n  x\n\n\nb: 1\n',
    'k: &a\n  - 1\nj: *a\n',
    'k: !!map\n  a: 1\n',
    '? a\n: b\n',
    'a: [b: 1, c]\n',
    'a: {b, c: 1}\n',
    '<<: {a: 1}\nb: 2\n',
    'base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  y: 3\n',
    'base: &b {x: 1}\nb2: &c {z: 1}\nd:\n  <<: [*b, *c]\n  w: 3\n',
    'a: &anc\n  b: 1\nc: *anc\nd:\n  <<: *anc\n',
    'a: 1\na: 2\n',
    '{a: 1, a: 2}\n',
    '- a: 1\n  a: 2\n',
    'true: a\nyes: b\n',
    '1.0: a\n1: b\n',
    '1: a\n"1": b\n',
    'a: yes\nb: on\nc: "yes"\nd: Off\ne: y\nf: N\ng: 0755\nh: 0x1F\ni: 1_000\nj: 1:30\nk: .inf\nl: -.Inf\nm: 1.5e3\nn: 2001-12-14\no: 2001-12-14t21:59:43.10-05:00\np: ~\nq: Null\nr: 012345\ns: 09\nt: +12\nu: 0b101\nv: 1.\nw: e5\nx: 190:20:30.15\n',
    'a: !Ref foo\nb: !!binary aGVsbG8=\nc: !custom {x: 1}\nd: !foo [1]\n',
    '- \n- a\n-\n- b\n',
    '-\n- a\n',
    'a:\n  -\n  - x\n',
    'a:\n  - b\n  -\n  - c\n',
    '- \n',
    'list:\n- a\n- b\nnext: 1\n',
    'a: b\r\nc:\r\n  - d\r\n  - e: f\r\n',
    '\uFEFFa: 1\nb: 2\n',
    'a: [\n  1,\n  2\n]\nb: {\n  c: d\n}\n',
    '{"a": [1, {"b": null}], "c": "d"}\n',
    '{"a":1, "b":[true, false, null, 1.5, "s"]}',
    'a: &a [1,2]\nb: [*a, *a, *a]\n',
    'a: "x" # c\nb: \'y\'   \nc: plain   # c\n',
    '- - a\n  - b\n- - c\n',
    '- {a: 1}\n- [x]\n',
    '&r a: 1\nb: *r\n',
    '- &a name: x\n  v: *a\n',
    'a: &x\nb: 1\n',
    '&a\n',
    '!!str\n',
    'a: 1\n  # indented comment\nb: 2\n',
    'a: |\n  x\n# c\nb: 1\n',
    'emptyflow: []\nemptymap: {}\n',
    'x:\n- a: 1\n  b: 2\n- c\n',
    'a: "\\u00e9\\x41"\n',
    'a: 1\n---\nb: [\n---\nc: 3\n',
    'a: b: c\n',
    'a: [\n',
    'a: "unterminated\n',
  ];
  for (const text of same) {
    it(`agrees on ${JSON.stringify(text).slice(0, 70)}`, () => {
      assert.deepEqual(compare(text, 'e.yaml').mismatches, []);
    });
  }

  it('agrees on the alias-bomb threshold (billion laughs, block maps and merge keys of every size)', () => {
    const texts: string[] = [];
    for (let levels = 1; levels <= 5; levels++) {
      for (let width = 1; width <= 12; width++) {
        const flow = ['a0: &a0 [x, y]'];
        const block = ['a0: &a0\n  k: v'];
        const merge = ['a0: &a0 {k: v}'];
        for (let i = 1; i <= levels; i++) {
          flow.push(`a${i}: &a${i} [${Array(width).fill(`*a${i - 1}`).join(', ')}]`);
          block.push(`a${i}: &a${i}`);
          for (let w = 0; w < width; w++) block.push(`  k${w}: *a${i - 1}`);
          merge.push(`a${i}: &a${i}`, `  <<: [${Array(Math.min(width, 5)).fill(`*a${i - 1}`).join(', ')}]`, `  own${i}: *a${i - 1}`);
        }
        texts.push(flow.join('\n') + '\n', block.join('\n') + '\n', merge.join('\n') + '\n');
      }
    }
    for (const n of [10, 999, 1000, 1001, 2000]) texts.push(`a: &a x\nb: [${Array(n).fill('*a').join(',')}]\n`);
    for (const n of [10, 1001]) texts.push(`a: &a {}\nb: [${Array(n).fill('*a').join(',')}]\n`, `a: &a [1]\nb: [${Array(n).fill('*a').join(',')}]\n`);
    let bombs = 0;
    for (const t of texts) {
      assert.deepEqual(compare(t, 'bomb.yaml').mismatches, [], t.slice(0, 200));
      if (parseYamlDocumentsFast(t, 'bomb.yaml').errors.some((e) => e.code === 'alias-bomb')) bombs++;
    }
    assert.ok(bombs > 50 && bombs < texts.length - 50, `${bombs} bombs of ${texts.length}`);
  });

  it('agrees on the depth limit in every style (maxDepth 5)', () => {
    const limits = { maxAliasCount: 1000, maxDepth: 5 };
    const styles: ((d: number) => string)[] = [
      (d) => 'a: ' + '['.repeat(d) + ']'.repeat(d) + '\n',
      (d) => 'a: ' + '{b: '.repeat(d) + '1' + '}'.repeat(d) + '\n',
      (d) => '- '.repeat(d) + 'x\n',
      (d) => Array.from({ length: d }, (_, i) => '  '.repeat(i) + `k${i}:`).join('\n') + '\n' + '  '.repeat(d) + 'v: 1\n',
      (d) => Array.from({ length: d }, (_, i) => '  '.repeat(i) + `k${i}:`).join('\n') + '\n' + '  '.repeat(d) + '[[1]]\n',
      (d) => Array.from({ length: d }, (_, i) => '  '.repeat(i) + '-').join('\n') + '\n' + '  '.repeat(d) + '- x\n',
      (d) => Array.from({ length: d }, (_, i) => '  '.repeat(i) + `- k${i}:`).join('\n') + '\n',
    ];
    for (const style of styles) {
      for (let d = 1; d <= 12; d++) assert.deepEqual(compare(style(d), 'deep.yaml', true, limits).mismatches, [], style(d));
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Where the fast parser deliberately differs from parse.ts (none of these occur in the corpus).
describe('fast parser: documented differences from parse.ts', () => {
  it('reports an undefined alias as a syntax error at the alias (parse.ts calls it an alias bomb)', () => {
    const r = parse('a: 1\nb: *nope\n', 'u.yaml');
    assert.equal(r.errors[0]!.code, 'yaml-syntax');
    assert.equal(r.errors[0]!.location.startLine, 2);
  });

  it('reads a multi-line quoted scalar inside a flow sequence as kubectl does', () => {
    const r = parse('args: ["\n  echo a &&\n  echo b\n"]\n', 'q.yaml');
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.documents[0]!.value, { args: [' echo a && echo b '] });
  });

  it('rejects NUL characters (js-yaml and go-yaml do; the `yaml` library keeps them in scalars), only in their document', () => {
    const r = parse('a: 1\n---\nb: x\u0000y\n---\nc: 3\n', 'n.yaml');
    assert.deepEqual(r.documents.map((d) => d.index), [0, 2]);
    assert.equal(r.errors[0]!.code, 'yaml-syntax');
    assert.equal(r.errors[0]!.location.startLine, 3);
  });
});

describe('splitDocuments', () => {
  it('splits at column-0 markers only and keeps comments out of bare documents', () => {
    const text = '# head\na: 1\n---\nb: |\n  --- not a marker\n  ...\n---x: 1\n...\n# between\n---\nc: 1\n';
    const chunks = splitDocuments(text);
    assert.deepEqual(
      chunks.map((c) => text.slice(c.start, c.end)),
      ['a: 1\n', '---\nb: |\n  --- not a marker\n  ...\n---x: 1\n...\n', '---\nc: 1\n'],
    );
    assert.equal(chunks[0]!.parseStart, 0);
  });
});
