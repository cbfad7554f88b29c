import type { Location } from '../../../core/location.js';
import type { Package, ParseIssue } from '../../../core/package.js';
import { err, ok } from '../../../core/result.js';
import type { LockfileParser } from '../../define-ecosystem.js';
import { formatPurl } from '../../_lib/purl.js';

const ID = 'go.mod';

// GO_ECOSYSTEM.purl is this function. Pass the version as Go writes it (with its `v`), as purl-spec's golang examples do.
export function goPurl(name: string, version: string): string {
  const i = name.lastIndexOf('/');
  return formatPurl({ type: 'golang', namespace: i > 0 ? name.slice(0, i) : undefined, name: i > 0 ? name.slice(i + 1) : name, version });
}

/**
 * Package.version is the module version without Go's leading `v` (`1.2.3`, `0.0.0-20200101000000-abcdef123456`,
 * `2.0.0+incompatible`): that is how OSV's Go advisories write versions. The purl keeps the `v`, as Go and the purl-spec
 * golang examples write it (`pkg:golang/github.com/gorilla/context@v1.1.1`).
 */
function goPackage(name: string, goVersion: string, location: Location, extra: Pick<Package, 'direct'> = {}): Package {
  const version = goVersion.startsWith('v') ? goVersion.slice(1) : goVersion;
  return { ecosystem: 'Go', name, version, purl: goPurl(name, `v${version}`), location, ...extra, foundBy: ID };
}

interface Token {
  text: string;
  column: number;
  endColumn: number;
}

interface LineTokens {
  tokens: Token[];
  comment: string | undefined;
}

/** Keeps a quoted token readable in a message when the input is a huge line. */
function short(s: string): string {
  return s.length > 100 ? `${s.slice(0, 100)}…` : s;
}

const WORD = /[^\s()"`]+/y;

/** Go's modfile lexer, one line at a time: words, "quoted" and `raw` strings, `(`, `)`, `=>`, and a trailing // comment. */
function tokenize(line: string): LineTokens | { error: string; column: number } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\uFEFF') {
      i++;
      continue;
    }
    if (line.startsWith('//', i)) return { tokens, comment: line.slice(i + 2).trim() };
    if (c === '(' || c === ')') {
      tokens.push({ text: c, column: i + 1, endColumn: i + 2 });
      i++;
      continue;
    }
    if (line.startsWith('=>', i)) {
      tokens.push({ text: '=>', column: i + 1, endColumn: i + 3 });
      i += 2;
      continue;
    }
    if (c === '"' || c === '`') {
      let j = i + 1;
      while (j < line.length && line[j] !== c) j += c === '"' && line[j] === '\\' ? 2 : 1;
      if (j >= line.length) return { error: 'unterminated quoted string', column: i + 1 };
      let text = line.slice(i + 1, j);
      if (c === '"') {
        try {
          text = JSON.parse(line.slice(i, j + 1)) as string;
        } catch {
          return { error: 'invalid quoted string', column: i + 1 };
        }
      }
      tokens.push({ text, column: i + 1, endColumn: j + 2 });
      i = j + 1;
      continue;
    }
    WORD.lastIndex = i;
    let word = WORD.exec(line)![0];
    // A word ends where a comment or an arrow starts (`a=>b`, `v1.0.0//indirect`).
    for (const stop of ['//', '=>']) {
      const k = word.indexOf(stop);
      if (k > 0) word = word.slice(0, k);
    }
    tokens.push({ text: word, column: i + 1, endColumn: i + word.length + 1 });
    i += word.length;
  }
  return { tokens, comment: undefined };
}

// Directives Go reads and this parser has no use for: exclusions and retractions only narrow the module graph the go
// command may pick; the required versions are what ships.
const IGNORED = new Set(['exclude', 'retract', 'godebug', 'tool', 'ignore']);
const KNOWN = new Set(['module', 'go', 'toolchain', 'require', 'replace', ...IGNORED]);

// modfile.IsDirectoryPath: a replacement that is a file system path, not a module.
function isLocalPath(p: string): boolean {
  return p === '.' || p === '..' || /^(?:\.{1,2}[\\/]|[\\/]|[A-Za-z]:)/.test(p);
}

const SEMVER = /^v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/**
 * Go toolchain and language versions (`1.21`, `1.21.3`, `1.21rc1`, toolchain `go1.22.0`) as the Go vulndb writes
 * `stdlib` versions in OSV: full semver, `1.21` → `1.21.0`, `1.21rc1` → `1.21.0-rc.1`.
 */
export function goReleaseToSemver(v: string): string | undefined {
  const m = /^(?:go)?(\d+)\.(\d+)(?:\.(\d+))?(?:(rc|beta)(\d+))?(?:$|[-+\s])/.exec(v);
  if (!m) return undefined;
  return `${m[1]}.${m[2]}.${m[3] ?? '0'}${m[4] ? `-${m[4]}.${m[5]}` : ''}`;
}

interface Require {
  path: string;
  version: string;
  indirect: boolean;
  line: number;
  column: number;
  endColumn: number;
}

interface Replace {
  oldPath: string;
  oldVersion: string | undefined;
  newPath: string;
  newVersion: string | undefined;
  line: number;
  column: number;
  endColumn: number;
}

/**
 * `go.mod`: every `require` (block or single line; `// indirect` → direct false) after `replace` directives are applied
 * (a module replacement changes name and version; a local directory replacement drops the module with a warning, it is
 * not a published version). The `go` directive, or `toolchain` when present, adds the `stdlib` package, as osv-scanner
 * does: the Go vulndb files standard library advisories under `stdlib`. go.sum is not read: since Go 1.17 go.mod lists
 * every module the build needs.
 */
export const goMod: LockfileParser = {
  id: ID,
  matches: (f) => f === 'go.mod',
  parse(text, path) {
    const issue = (code: string, message: string, line = 1, column = 1, endColumn = column): ParseIssue => ({ code, message, location: { path, startLine: line, startColumn: column, endLine: line, endColumn } });
    if (text.includes('\u0000')) return err([issue('binary', 'file contains NUL bytes: not a go.mod')]);
    if (/^\s*$/.test(text)) return ok({ packages: [], warnings: [issue('empty-file', 'empty go.mod: no modules')] });

    const warnings: ParseIssue[] = [];
    const unknown: ParseIssue[] = [];
    const requires: Require[] = [];
    const replaces: Replace[] = [];
    let known = 0;
    let hasModule = false;
    let goDirective: { value: string; line: number; column: number; endColumn: number } | undefined;
    let toolchain: { value: string; line: number; column: number; endColumn: number } | undefined;
    let block: { verb: string; line: number } | undefined;

    const lines = text.split('\n');
    for (let n = 0; n < lines.length; n++) {
      const lineNo = n + 1;
      const lexed = tokenize(lines[n]!);
      if ('error' in lexed) return err([issue('syntax', `not a valid go.mod: ${lexed.error}`, lineNo, lexed.column)]);
      const { tokens, comment } = lexed;
      if (tokens.length === 0) continue;
      let verb: string;
      let args: Token[];
      if (block) {
        if (tokens[0]!.text === ')') {
          block = undefined;
          continue;
        }
        verb = block.verb;
        args = tokens;
      } else {
        verb = tokens[0]!.text;
        args = tokens.slice(1);
        if (args.length >= 1 && args[0]!.text === '(') {
          if (args.length === 1) {
            block = { verb, line: lineNo };
          } else if (!(args.length === 2 && args[1]!.text === ')')) {
            warnings.push(issue('syntax', `unexpected text after "${short(verb)} (": line ignored`, lineNo, args[1]!.column));
          }
          if (KNOWN.has(verb)) known++;
          else unknown.push(issue('unknown-directive', `unknown directive "${short(verb)}": ignored`, lineNo, tokens[0]!.column, tokens[0]!.endColumn));
          continue;
        }
      }
      const first = args[0];
      const lastArg = args[args.length - 1];
      const at = (code: string, message: string) => issue(code, message, lineNo, (first ?? tokens[0]!).column, (lastArg ?? tokens[0]!).endColumn);
      switch (verb) {
        case 'module':
          known++;
          hasModule = true;
          break;
        case 'go':
          known++;
          if (first) goDirective = { value: first.text, line: lineNo, column: tokens[0]!.column, endColumn: first.endColumn };
          break;
        case 'toolchain':
          known++;
          if (first) toolchain = { value: first.text, line: lineNo, column: tokens[0]!.column, endColumn: first.endColumn };
          break;
        case 'require': {
          known++;
          if (args.length !== 2) {
            warnings.push(at('invalid-require', `require needs a module path and a version, got "${args.slice(0, 4).map((a) => a.text.slice(0, 100)).join(' ')}${args.length > 4 ? ' …' : ''}": skipped`));
            break;
          }
          requires.push({ path: args[0]!.text, version: args[1]!.text, indirect: comment !== undefined && /^indirect(?:$|[\s;])/.test(comment), line: lineNo, column: args[0]!.column, endColumn: args[1]!.endColumn });
          break;
        }
        case 'replace': {
          known++;
          const arrow = args.findIndex((a) => a.text === '=>');
          const left = arrow < 0 ? [] : args.slice(0, arrow);
          const right = arrow < 0 ? [] : args.slice(arrow + 1);
          if (left.length < 1 || left.length > 2 || right.length < 1 || right.length > 2) {
            warnings.push(at('invalid-replace', 'replace needs "module [version] => module version" or "module [version] => ./path": skipped'));
            break;
          }
          replaces.push({ oldPath: left[0]!.text, oldVersion: left[1]?.text, newPath: right[0]!.text, newVersion: right[1]?.text, line: lineNo, column: args[0]!.column, endColumn: args[args.length - 1]!.endColumn });
          break;
        }
        default:
          if (IGNORED.has(verb)) known++;
          else unknown.push(issue('unknown-directive', `unknown directive "${short(verb)}": ignored`, lineNo, tokens[0]!.column, tokens[0]!.endColumn));
      }
    }
    if (block) return err([issue('syntax', `not a valid go.mod: "${block.verb} (" block is never closed`, block.line)]);
    if (known === 0) return err([issue('not-go-mod', 'not a go.mod: no module, go, require or replace directive', unknown[0]?.location.startLine ?? 1), ...unknown.slice(0, 10)]);
    warnings.push(...unknown);
    if (!hasModule) warnings.push(issue('no-module-directive', 'go.mod has no module directive'));

    const packages: Package[] = [];
    const byKey = new Map<string, Package>();
    const add = (p: Package) => {
      const key = `${p.name}@${p.version}`;
      const existing = byKey.get(key);
      if (existing) {
        if (p.direct) existing.direct = true;
        return;
      }
      byKey.set(key, p);
      packages.push(p);
    };

    for (const r of requires) {
      const replace = findReplace(replaces, r.path, r.version);
      if (replace && isLocalPath(replace.newPath)) {
        warnings.push(issue('local-replace', `${r.path} ${r.version} is replaced by local directory ${replace.newPath}: not matched`, replace.line, replace.column, replace.endColumn));
        continue;
      }
      if (replace && replace.newVersion === undefined) {
        warnings.push(issue('invalid-replace', `replacement ${replace.newPath} of ${r.path} has no version: kept ${r.path} ${r.version}`, replace.line, replace.column, replace.endColumn));
      }
      const useReplace = replace !== undefined && replace.newVersion !== undefined;
      const name = useReplace ? replace.newPath : r.path;
      const version = useReplace ? replace.newVersion! : r.version;
      const location = useReplace ? { path, startLine: replace.line, startColumn: replace.column, endLine: replace.line, endColumn: replace.endColumn } : { path, startLine: r.line, startColumn: r.column, endLine: r.line, endColumn: r.endColumn };
      if (!SEMVER.test(version)) {
        warnings.push({ code: 'non-canonical-version', message: `${name} version "${version}" is not a canonical Go module version (vX.Y.Z)`, location });
      }
      add(goPackage(name, version, location, { direct: !r.indirect }));
    }

    const release = toolchain && toolchain.value !== 'default' ? toolchain : goDirective;
    if (release) {
      const v = goReleaseToSemver(release.value);
      const location = { path, startLine: release.line, startColumn: release.column, endLine: release.line, endColumn: release.endColumn };
      if (v) add(goPackage('stdlib', v, location));
      else warnings.push({ code: 'invalid-go-version', message: `cannot read Go version "${release.value}": stdlib not matched`, location });
      if (release === goDirective && v && compareRelease(v, [1, 17]) < 0) {
        warnings.push({ code: 'old-go-mod', message: `go ${release.value} predates Go 1.17: this go.mod may not list every indirect dependency (go.sum is not read)`, location });
      }
    }
    return ok({ packages, warnings });
  },
};

function compareRelease(semver: string, [major, minor]: [number, number]): number {
  const [a, b] = semver.split('.').map(Number) as [number, number];
  return a !== major ? a - major : b - minor;
}

/** A version-specific replacement wins over one for every version of the module. */
function findReplace(replaces: readonly Replace[], path: string, version: string): Replace | undefined {
  let any: Replace | undefined;
  for (const r of replaces) {
    if (r.oldPath !== path) continue;
    if (r.oldVersion === version) return r;
    if (r.oldVersion === undefined) any = r;
  }
  return any;
}
