import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { formatOf, type FileFormat } from './formats.js';

export interface InputFile {
  /** Absolute path, or '-' for stdin. */
  abs: string;
  /** Path as reported: relative to cwd with '/' separators. */
  display: string;
  /** Given by name (not found by walking a directory): any extension is scanned. */
  explicit: boolean;
  /** A file the configuration scanner parses (YAML/JSON, or named explicitly); other files are read by the secret scanner only. */
  manifest: boolean;
  /** A lockfile or package manifest the vulnerability scanner reads (never parsed as a Kubernetes manifest). */
  lockfile: boolean;
  /** A Dockerfile, compose file or Terraform file, by name; absent for Kubernetes/plain YAML and JSON. */
  format?: FileFormat;
}

export interface WalkIssue {
  display: string;
  code: 'not-found' | 'symlink-loop' | 'unreadable' | 'no-match';
  message: string;
  /** Errors fail the scan (exit 3); warnings are reported only. */
  level: 'error' | 'warning';
}

export interface WalkResult {
  files: InputFile[];
  issues: WalkIssue[];
}

const MANIFEST_EXT = /\.(ya?ml|json)$/i;
const ALWAYS_SKIP = new Set(['.git', 'node_modules']);
/** Palisade's own config and waiver files are not manifests to scan when met while walking. */
const OWN_FILES = new Set(['.palisade.yaml', '.palisade.yml']);
const OWN_DIRS = new Set(['.palisade']);
/** Kustomize also reads a file named just `Kustomization`; the scanner renders it (src/scan/render), never parses it raw. */
const KUSTOMIZATION_NO_EXT = 'Kustomization';

export function toDisplay(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  const p = rel === '' ? '.' : rel.startsWith('..') ? abs : rel;
  return p.split(sep).join('/');
}

function hasGlobChars(s: string): boolean {
  return /[*?[\]{}]/.test(s);
}

/**
 * Expands the command-line inputs into files: files as given, directories recursively (honouring .gitignore files,
 * skipping .git and node_modules), globs, and '-' for stdin. Symlinked directories are followed once; a loop is reported.
 */
export function collectInputs(
  inputs: readonly string[],
  cwd: string,
  ignorePaths: readonly string[] = [],
  allFiles = false,
  isLockfile: (fileName: string) => boolean = () => false,
): WalkResult {
  const files: InputFile[] = [];
  const issues: WalkIssue[] = [];
  const seenFiles = new Set<string>();
  const userIgnore = ignorePaths.length > 0 ? picomatch([...ignorePaths], { dot: true }) : undefined;
  const add = (abs: string, explicit: boolean): void => {
    if (seenFiles.has(abs)) return;
    const display = toDisplay(cwd, abs);
    if (userIgnore && userIgnore(display)) return;
    seenFiles.add(abs);
    const lockfile = isLockfile(basename(abs));
    const format = lockfile ? undefined : formatOf(basename(abs));
    files.push({ abs, display, explicit, manifest: !lockfile && (explicit || MANIFEST_EXT.test(abs) || format !== undefined), lockfile, ...(format ? { format } : {}) });
  };

  for (const input of inputs) {
    if (input === '-') {
      files.push({ abs: '-', display: '<stdin>', explicit: true, manifest: true, lockfile: false });
      continue;
    }
    const abs = resolve(cwd, input);
    let st: Stats | undefined;
    try {
      st = statSync(abs);
    } catch (e) {
      if (hasGlobChars(input)) {
        const before = files.length;
        expandGlob(input, cwd, add, issues);
        if (files.length === before) issues.push({ display: input, code: 'no-match', message: `glob "${input}" matched no file`, level: 'error' });
        continue;
      }
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') issues.push({ display: toDisplay(cwd, abs), code: 'symlink-loop', message: 'symlink loop', level: 'error' });
      else issues.push({ display: input, code: 'not-found', message: `no such file or directory: ${input}`, level: 'error' });
      continue;
    }
    if (st.isDirectory()) walkDir(abs, cwd, add, issues, userIgnore, allFiles, isLockfile);
    else add(abs, true);
  }
  return { files, issues };
}

function expandGlob(pattern: string, cwd: string, add: (abs: string, explicit: boolean) => void, issues: WalkIssue[]): void {
  const scan = picomatch.scan(pattern);
  const base = resolve(cwd, scan.base || '.');
  const match = picomatch(scan.glob, { dot: false });
  const found: string[] = [];
  walkDir(base, cwd, (abs) => found.push(abs), issues, undefined, true);
  for (const abs of found) {
    const rel = relative(base, abs).split(sep).join('/');
    if (match(rel)) add(abs, true);
  }
}

function walkDir(
  root: string,
  cwd: string,
  add: (abs: string, explicit: boolean) => void,
  issues: WalkIssue[],
  userIgnore: ((p: string) => boolean) | undefined,
  anyExtension = false,
  isLockfile: (fileName: string) => boolean = () => false,
): void {
  const visited = new Set<string>();
  // Each stack entry carries the .gitignore rules in force for that directory (root's and every ancestor's up to the scan root).
  const stack: { dir: string; rules: { base: string; ig: Ignore }[] }[] = [{ dir: root, rules: [] }];
  while (stack.length > 0) {
    const { dir, rules } = stack.pop()!;
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      issues.push({ display: toDisplay(cwd, dir), code: 'symlink-loop', message: 'cannot resolve directory (broken link or symlink loop)', level: 'warning' });
      continue;
    }
    if (visited.has(real)) {
      issues.push({ display: toDisplay(cwd, dir), code: 'symlink-loop', message: 'symlink loop: directory already visited, not followed again', level: 'warning' });
      continue;
    }
    visited.add(real);
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (e) {
      issues.push({ display: toDisplay(cwd, dir), code: 'unreadable', message: `cannot read directory: ${(e as Error).message}`, level: 'error' });
      continue;
    }
    let here = rules;
    if (entries.includes('.gitignore')) {
      try {
        here = [...rules, { base: dir, ig: ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8')) }];
      } catch {
        // An unreadable .gitignore only means nothing is ignored here.
      }
    }
    const ignored = (abs: string, isDir: boolean): boolean =>
      here.some(({ base, ig }) => {
        const rel = relative(base, abs).split(sep).join('/');
        return rel !== '' && ig.ignores(isDir ? `${rel}/` : rel);
      });
    const subdirs: string[] = [];
    for (const name of entries) {
      if (ALWAYS_SKIP.has(name)) continue;
      const abs = join(dir, name);
      let st: Stats;
      try {
        st = lstatSync(abs);
        if (st.isSymbolicLink()) st = statSync(abs);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ELOOP') issues.push({ display: toDisplay(cwd, abs), code: 'symlink-loop', message: 'symlink loop', level: 'warning' });
        else if (code !== 'ENOENT') issues.push({ display: toDisplay(cwd, abs), code: 'unreadable', message: (e as Error).message, level: 'warning' });
        continue;
      }
      if (st.isDirectory()) {
        if (OWN_DIRS.has(name)) continue;
        if (!ignored(abs, true) && !(userIgnore && userIgnore(toDisplay(cwd, abs) + '/'))) subdirs.push(abs);
      } else if (st.isFile() && !OWN_FILES.has(name) && (anyExtension || MANIFEST_EXT.test(name) || name === KUSTOMIZATION_NO_EXT || isLockfile(name) || formatOf(name) !== undefined) && !ignored(abs, false)) add(abs, false);
    }
    for (const d of subdirs.reverse()) stack.push({ dir: d, rules: here });
  }
}
