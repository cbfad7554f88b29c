import type { Package, ParseIssue } from '../../../core/package.js';
import { err, ok } from '../../../core/result.js';
import type { LockfileContext, LockfileParser } from '../../define-ecosystem.js';
import { binaryIssue, issue, loc, splitLines } from './common.js';
import { normalisePyPIName, pypiPackage } from './package.js';

const ID = 'requirements.txt';

/**
 * `requirements.txt`, `requirements-dev.txt`, `requirements_test.txt`, `requirements.prod.txt`, `dev-requirements.txt`,
 * `test_requirements.txt`, `base.requirements.txt`. Only `.txt`: `requirements.in` holds ranges, not pins. A
 * `requirements/` directory of files with other names is the scan layer's business (it can call `parse` directly).
 */
export function isRequirementsFileName(fileName: string): boolean {
  return /^(?:[\w.-]+[-_.])?requirements(?:[-_.][\w.-]+)?\.txt$/.test(fileName);
}

// pip's own limit is the recursion limit; 32 levels of -r is far past any real project and stops a pathological chain.
const MAX_INCLUDE_DEPTH = 32;

// pip accepts these global options in a requirements file; they say where packages come from, not which ones.
const IGNORED_OPTIONS = new Set([
  '-i', '--index-url', '--extra-index-url', '--no-index', '-f', '--find-links', '--trusted-host', '--no-binary', '--only-binary',
  '--prefer-binary', '--pre', '--require-hashes', '--use-feature', '-Z', '--always-unzip', '--process-dependency-links',
]);
// pip-compile's longest lines (a requirement with hundreds of --hash options, joined) stay far below this; a longer
// logical line is binary or generated junk, not a requirement.
const MAX_LINE = 1 << 20;

const OPTIONS_WITH_VALUE = new Set(['-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--trusted-host', '--no-binary', '--only-binary', '--use-feature']);

// PEP 508 name; the leading and trailing character rule keeps the regex linear on a huge line.
const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/;
const SPECIFIER = /^(===|==|!=|~=|<=|>=|<|>)\s*([^\s,;]+)$/;
const URL_LIKE = /^(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/|git\+|hg\+|svn\+|bzr\+|file:|\.{1,2}[\\/]|\/|[A-Za-z]:\\)/;
const ARCHIVE = /\.(?:whl|tar\.gz|tgz|tar\.bz2|zip)$/i;

interface LogicalLine {
  line: number;
  /** Column of the first character of `text` in the first physical line (1-based). */
  column: number;
  text: string;
}

/** pip's join_lines + ignore_comments: `\` continues a line, a comment line ends a continuation, `#` after whitespace starts a comment. */
function logicalLines(text: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  const lines = splitLines(text);
  let parts: string[] = [];
  let first = 0;
  const emit = (lineNo: number, raw: string) => {
    const noComment = raw.replace(/(^|\s)#.*$/, '');
    const lead = noComment.length - noComment.trimStart().length;
    const body = noComment.trim();
    if (body !== '') out.push({ line: lineNo, column: lead + 1, text: body });
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const isComment = /^\s*#/.test(l);
    if (!l.endsWith('\\') || isComment) {
      if (parts.length > 0) {
        if (!isComment) parts.push(l);
        emit(first + 1, parts.join(''));
        parts = [];
      } else emit(i + 1, l);
    } else {
      if (parts.length === 0) first = i;
      parts.push(l.slice(0, -1));
    }
  }
  if (parts.length > 0) emit(first + 1, parts.join(''));
  return out;
}

/** Posix join and normalise of a path relative to the top-level file's directory. */
function joinRelative(dir: string, ref: string): string {
  if (ref.startsWith('/') || /^[A-Za-z]:[\\/]/.test(ref)) return ref;
  const segs: string[] = [];
  for (const s of `${dir}/${ref}`.replace(/\\/g, '/').split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..' && segs.length > 0 && segs[segs.length - 1] !== '..') segs.pop();
    else segs.push(s);
  }
  return segs.join('/');
}

function dirOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
}

function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

interface State {
  ctx: LockfileContext;
  packages: Package[];
  warnings: ParseIssue[];
  seen: Set<string>;
  /** Files fully read (a file included twice is read once). */
  done: Set<string>;
}

/** Splits `-r file`, `-rfile`, `--requirement file`, `--requirement=file` into option and value. */
function splitOption(text: string): { option: string; value: string } {
  const m = /^(--[A-Za-z-]+)(?:=|\s+)?(.*)$/.exec(text);
  if (m) return { option: m[1]!, value: m[2]!.trim() };
  const s = /^(-[A-Za-z])\s*(.*)$/.exec(text);
  if (s) return { option: s[1]!, value: s[2]!.trim() };
  return { option: text.split(/\s/)[0]!, value: '' };
}

/** Reads one file's logical lines into the state. Returns how many lines it understood and the ones it could not read. */
function readFile(text: string, path: string, rel: string, stack: string[], state: State): { understood: number; unreadable: ParseIssue[] } {
  let understood = 0;
  const unreadable: ParseIssue[] = [];
  // Kept in reading order with the other warnings; the caller decides whether they make the whole file unreadable.
  const bad = (i: ParseIssue) => {
    unreadable.push(i);
    state.warnings.push(i);
  };
  for (const l of logicalLines(text)) {
    const at = (code: string, message: string) => issue(code, message, path, l.line, l.column, l.column + Math.min(l.text.length, 200));
    if (l.text.length > MAX_LINE) {
      bad(at('line-too-long', `line of ${l.text.length} characters is not a requirement: skipped`));
      continue;
    }
    if (l.text.startsWith('-')) {
      const { option, value } = splitOption(l.text);
      if (option === '-r' || option === '--requirement' || option === '-c' || option === '--constraint') {
        understood++;
        include(value, option, path, rel, stack, state, at);
      } else if (option === '-e' || option === '--editable') {
        understood++;
        state.warnings.push(at('editable', `editable requirement "${value}" is a local or VCS checkout: not matched`));
      } else if (IGNORED_OPTIONS.has(option)) {
        understood++;
        if (OPTIONS_WITH_VALUE.has(option) && value === '') state.warnings.push(at('option-without-value', `option ${option} has no value`));
      } else {
        state.warnings.push(at('unknown-option', `unknown option ${option}: line ignored`));
      }
      continue;
    }
    // Per-requirement options (--hash, --global-option, --config-settings) follow the requirement, each starting with -.
    const optionStart = l.text.search(/\s-/);
    const requirement = (optionStart < 0 ? l.text : l.text.slice(0, optionStart)).trim();
    if (URL_LIKE.test(requirement) || ARCHIVE.test(requirement)) {
      understood++;
      state.warnings.push(at('url-requirement', `requirement "${short(requirement)}" is a URL or path, not a PyPI release: not matched`));
      continue;
    }
    const nameMatch = NAME.exec(requirement);
    if (!nameMatch) {
      bad(at('unparsable-requirement', `cannot read requirement "${short(requirement)}"`));
      continue;
    }
    const name = nameMatch[1]!;
    let rest = requirement.slice(name.length).trimStart();
    if (rest.startsWith('[')) {
      const close = rest.indexOf(']');
      if (close < 0) {
        bad(at('unparsable-requirement', `unclosed extras in "${short(requirement)}"`));
        continue;
      }
      rest = rest.slice(close + 1).trimStart();
    }
    if (rest.startsWith('@')) {
      understood++;
      state.warnings.push(at('url-requirement', `requirement "${short(requirement)}" is a direct URL reference, not a PyPI release: not matched`));
      continue;
    }
    // Environment markers decide where a package installs, not which version: keep the package whatever they say.
    const semi = rest.indexOf(';');
    let spec = (semi < 0 ? rest : rest.slice(0, semi)).trim();
    if (spec.startsWith('(') && spec.endsWith(')')) spec = spec.slice(1, -1).trim();
    const specifiers = spec === '' ? [] : spec.split(',').map((s) => SPECIFIER.exec(s.trim()));
    if (specifiers.some((s) => s === null)) {
      bad(at('unparsable-requirement', `cannot read version specifier of "${short(requirement)}"`));
      continue;
    }
    understood++;
    const only = specifiers.length === 1 ? specifiers[0]! : undefined;
    const pinned = only && (only[1] === '===' || (only[1] === '==' && !only[2]!.includes('*')));
    if (!pinned) {
      state.warnings.push(at('not-pinned', `"${short(requirement)}" is not pinned to an exact version: not matched`));
      continue;
    }
    const version = only[2]!;
    const key = `${normalisePyPIName(name)}@${version}`;
    if (state.seen.has(key)) continue;
    state.seen.add(key);
    const column = l.column;
    state.packages.push(pypiPackage(name, version, loc(path, l.line, column, column + requirement.length), ID));
  }
  return { understood, unreadable };
}

function short(s: string): string {
  return s.length > 120 ? `${s.slice(0, 120)}…` : s;
}

function include(value: string, option: string, path: string, rel: string, stack: string[], state: State, at: (code: string, message: string) => ParseIssue): void {
  if (value === '') {
    state.warnings.push(at('include-without-file', `${option} has no file name`));
    return;
  }
  const target = joinRelative(dirOf(rel), value);
  if (stack.includes(target)) {
    state.warnings.push(at('include-cycle', `${option} ${value} includes a file already being read (${[...stack, target].join(' → ')}): not read again`));
    return;
  }
  if (state.done.has(target)) return;
  if (stack.length >= MAX_INCLUDE_DEPTH) {
    state.warnings.push(at('include-too-deep', `${option} ${value}: includes nested more than ${MAX_INCLUDE_DEPTH} deep: not read`));
    return;
  }
  if (!state.ctx.readRelative) {
    state.warnings.push(at('include-not-read', `${option} ${value}: included file not read (no file access in this scan)`));
    return;
  }
  const file = state.ctx.readRelative(target);
  if (!file) {
    state.warnings.push(at('include-not-found', `${option} ${value}: included file not found`));
    return;
  }
  const bin = binaryIssue(file.text, file.path);
  if (bin) {
    state.warnings.push(at('include-unreadable', `${option} ${value}: ${bin.message}`));
    return;
  }
  // An included file's unreadable lines stay warnings: the file the user pointed at is fine.
  readFile(file.text, file.path, target, [...stack, target], state);
  state.done.add(target);
}

export const requirementsTxt: LockfileParser = {
  id: ID,
  matches: isRequirementsFileName,
  parse(text, path, ctx) {
    const bin = binaryIssue(text, path);
    if (bin) return err([bin]);
    const self = baseName(path);
    const state: State = { ctx, packages: [], warnings: [], seen: new Set(), done: new Set([self]) };
    const { understood, unreadable } = readFile(text, path, self, [self], state);
    if (understood === 0 && unreadable.length > 0) {
      return err([issue('not-requirements', 'not a pip requirements file: no line is a requirement or option', path, unreadable[0]!.location.startLine, unreadable[0]!.location.startColumn), ...unreadable.slice(0, 10)]);
    }
    return ok({ packages: state.packages, warnings: state.warnings });
  },
};
