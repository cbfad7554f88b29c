/**
 * Mix `mix.lock`: an Elixir map literal written by `mix deps.get`, one dependency per entry:
 *   "plug": {:hex, :plug, "1.15.3", "<inner hash>", [:mix], [<requirements>], "hexpm", "<outer hash>"},
 *   "dep":  {:git, "https://…", "<sha>", [branch: "main"]},
 * Older Mix wrote shorter :hex tuples (`{:hex, :plug, "1.4.3"}` and up); only the first three elements are read.
 * The file is data, never evaluated: this is a small reader for the literal subset Mix writes.
 */
import type { LockfileParser } from '../../define-ecosystem.js';
import type { Location } from '../../../core/location.js';
import type { Package, ParseIssue } from '../../../core/package.js';
import { err, ok, type Result } from '../../../core/result.js';
import { formatPurl } from '../../_lib/purl.js';

/** The Hex purl (names are lower case in purls); HEX_ECOSYSTEM.purl is this function. */
export function hexPurl(name: string, version: string): string {
  return formatPurl({ type: 'hex', name: name.toLowerCase(), version });
}

const ID = 'mix.lock';

interface Pos {
  line: number;
  column: number;
}

type Term =
  | { kind: 'atom'; value: string; pos: Pos }
  | { kind: 'string'; value: string; pos: Pos }
  | { kind: 'number'; value: string; pos: Pos }
  | { kind: 'tuple'; items: Term[]; pos: Pos }
  | { kind: 'list'; items: Term[]; pos: Pos }
  | { kind: 'map'; entries: [Term, Term][]; pos: Pos };

const MAX_DEPTH = 256;

class TermError extends Error {
  constructor(
    message: string,
    readonly pos: Pos,
  ) {
    super(message);
  }
}

/** Reads one Elixir literal term (maps, tuples, lists, keyword lists, atoms, strings, numbers) spanning the whole text. */
export function parseElixirTerm(text: string): Result<Term, { message: string; pos: Pos }> {
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const pos = (): Pos => ({ line, column: i - lineStart + 1 });
  const fail = (message: string): never => {
    throw new TermError(message, pos());
  };
  const ws = (): void => {
    while (i < text.length) {
      const c = text[i]!;
      if (c === '\n') {
        i++;
        line++;
        lineStart = i;
      } else if (c === ' ' || c === '\t' || c === '\r' || c === '\uFEFF') i++;
      else if (c === '#') {
        while (i < text.length && text[i] !== '\n') i++;
      } else return;
    }
  };
  const quoted = (q: string): string => {
    i++;
    let out = '';
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const c = text[i]!;
      if (c === q) {
        i++;
        return out;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === undefined) fail('unterminated string');
        const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', s: ' ', e: '\x1b', a: '\x07', b: '\b', f: '\f', v: '\v' };
        out += esc[e!] ?? e;
        i += 2;
        continue;
      }
      if (c === '#' && text[i + 1] === '{') fail('string interpolation is not data');
      if (c === '\n') {
        line++;
        lineStart = i + 1;
      }
      out += c;
      i++;
    }
  };
  const ident = /[A-Za-z0-9_@.]/;
  const bare = (): string => {
    const from = i;
    while (i < text.length && ident.test(text[i]!)) i++;
    if (text[i] === '?' || text[i] === '!') i++;
    return text.slice(from, i);
  };
  // `key: value` inside a list or map: an atom key written as a keyword.
  const keyword = (): Term | undefined => {
    const p = pos();
    const save = i;
    let name: string;
    if (text[i] === '"') name = quoted('"');
    else if (/[A-Za-z_]/.test(text[i] ?? '')) name = bare();
    else return undefined;
    if (text[i] === ':' && /[\s]/.test(text[i + 1] ?? '')) {
      i++;
      return { kind: 'atom', value: name, pos: p };
    }
    i = save;
    line = p.line;
    lineStart = save - (p.column - 1);
    return undefined;
  };
  const items = (close: string, depth: number, allowKeywords: boolean): [Term, Term | undefined][] => {
    const out: [Term, Term | undefined][] = [];
    for (;;) {
      ws();
      if (text[i] === close) {
        i++;
        return out;
      }
      const k = allowKeywords ? keyword() : undefined;
      if (k) {
        out.push([k, term(depth + 1)]);
      } else {
        const t = term(depth + 1);
        ws();
        if (allowKeywords && text[i] === '=' && text[i + 1] === '>') {
          i += 2;
          out.push([t, term(depth + 1)]);
        } else out.push([t, undefined]);
      }
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === close) {
        i++;
        return out;
      }
      fail(`expected ',' or '${close}'`);
    }
  };
  const term = (depth: number): Term => {
    if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH}`);
    ws();
    const p = pos();
    const c = text[i];
    if (c === undefined) return fail('unexpected end of input');
    if (c === '%' && text[i + 1] === '{') {
      i += 2;
      const entries = items('}', depth, true).map(([k, v]): [Term, Term] => {
        if (!v) throw new TermError('map entry without a value', k.pos);
        return [k, v];
      });
      return { kind: 'map', entries, pos: p };
    }
    if (c === '{') {
      i++;
      return { kind: 'tuple', items: items('}', depth, false).map(([t]) => t), pos: p };
    }
    if (c === '[') {
      i++;
      // A keyword list `[a: 1]` is a list of {atom, value} tuples.
      const list = items(']', depth, true).map(([k, v]): Term => (v ? { kind: 'tuple', items: [k, v], pos: k.pos } : k));
      return { kind: 'list', items: list, pos: p };
    }
    if (c === '"' || c === "'") return { kind: 'string', value: quoted(c), pos: p };
    if (c === ':') {
      i++;
      if (text[i] === '"') return { kind: 'atom', value: quoted('"'), pos: p };
      const name = bare();
      if (name === '') fail('expected an atom name after ":"');
      return { kind: 'atom', value: name, pos: p };
    }
    if (/[-0-9]/.test(c)) {
      const m = /^-?\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 100));
      if (!m) fail('invalid number');
      i += m![0].length;
      return { kind: 'number', value: m![0], pos: p };
    }
    if (/[a-z_]/.test(c)) {
      const name = bare();
      if (name === 'true' || name === 'false' || name === 'nil') return { kind: 'atom', value: name, pos: p };
      fail(`unexpected identifier ${name}: not a literal`);
    }
    if (/[A-Z]/.test(c)) return { kind: 'atom', value: `Elixir.${bare()}`, pos: p };
    return fail(`unexpected character ${JSON.stringify(c)}`);
  };
  try {
    const t = term(0);
    ws();
    if (i < text.length) fail('unexpected content after the lock map');
    return ok(t);
  } catch (e) {
    if (e instanceof TermError) return err({ message: e.message, pos: e.pos });
    throw e;
  }
}

export const MIX_LOCK: LockfileParser = {
  id: ID,
  matches: (fileName) => fileName === 'mix.lock',
  parse(text, path) {
    if (text.trim() === '') return ok({ packages: [], warnings: [] });
    const parsed = parseElixirTerm(text);
    if (!parsed.ok) return err([{ code: 'syntax-error', message: `invalid mix.lock: ${parsed.error.message}`, location: at(path, parsed.error.pos) }]);
    const root = parsed.value;
    if (root.kind !== 'map') return err([{ code: 'not-the-format', message: 'not a mix.lock: expected a map %{…}', location: at(path, root.pos) }]);
    const packages: Package[] = [];
    const warnings: ParseIssue[] = [];
    for (const [k, v] of root.entries) {
      const lockName = k.kind === 'string' || k.kind === 'atom' ? k.value : undefined;
      const loc = at(path, k.pos, lockName === undefined ? 0 : lockName.length + 2);
      if (lockName === undefined || v.kind !== 'tuple' || v.items[0]?.kind !== 'atom') {
        return err([{ code: 'syntax-error', message: 'mix.lock entry is not "name": {:scm, …}', location: loc }]);
      }
      const scm = v.items[0].value;
      if (scm !== 'hex') {
        // git and path dependencies have no Hex version to match advisories against.
        warnings.push({ code: 'unsupported-source', message: `${lockName} comes from :${scm}, not Hex; not checked`, location: loc });
        continue;
      }
      const [, pkgName, version] = v.items;
      if (pkgName?.kind !== 'atom' || version?.kind !== 'string' || version.value === '') {
        return err([{ code: 'syntax-error', message: `${lockName}: expected {:hex, :package, "version", …}`, location: loc }]);
      }
      // The lock key is the dependency's name in mix.exs; the second element is the Hex package (they differ for `hex: :other`).
      const name = pkgName.value;
      packages.push({ ecosystem: 'Hex', name, version: version.value, purl: hexPurl(name, version.value), location: loc, foundBy: ID });
    }
    return ok({ packages, warnings });
  },
};

function at(path: string, p: Pos, width = 0): Location {
  return { path, startLine: p.line, startColumn: p.column, endLine: p.line, endColumn: p.column + width };
}
