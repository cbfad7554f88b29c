import type { Package, ParseIssue } from '../../../core/package.js';
import { err, ok } from '../../../core/result.js';
import type { LockfileParser } from '../../define-ecosystem.js';
import { formatPurl } from '../../_lib/purl.js';

const ID = 'Gemfile.lock';

// RUBYGEMS_ECOSYSTEM.purl is this function.
export function gemPurl(name: string, version: string): string {
  return formatPurl({ type: 'gem', name, version });
}

// Sections holding `specs:` (Bundler's source types) and the others Bundler writes.
const SOURCE_SECTIONS = new Set(['GEM', 'GIT', 'PATH', 'PLUGIN SOURCE']);
const OTHER_SECTIONS = new Set(['PLATFORMS', 'DEPENDENCIES', 'RUBY VERSION', 'BUNDLED WITH', 'CHECKSUMS']);

// Bundler's LockfileParser NAME_VERSION: the version runs to the first `-`; what follows is the platform.
const SPEC = /^ {4}(?! )([^ ()]+)(?: \(([^-)]*)(?:-([^)]*))?\))?$/;
const DEPENDENCY = /^ {2}(?! )([^ ()!]+)/;

/**
 * Bundler's `Gemfile.lock`. Every gem under `specs:` of a GEM, GIT, PATH or PLUGIN SOURCE section (4-space indent;
 * 6-space lines are its dependencies); a platform variant `nokogiri (1.15.0-x86_64-linux)` is version `1.15.0`, reported
 * once however many platforms are locked. Gems named under DEPENDENCIES are direct.
 */
export const gemfileLock: LockfileParser = {
  id: ID,
  matches: (f) => f === 'Gemfile.lock' || f === 'gems.locked',
  parse(text, path) {
    const issue = (code: string, message: string, line = 1, column = 1, endColumn = column): ParseIssue => ({ code, message, location: { path, startLine: line, startColumn: column, endLine: line, endColumn } });
    if (text.includes('\u0000')) return err([issue('binary', 'file contains NUL bytes: not a Gemfile.lock')]);
    if (/^\s*$/.test(text)) return ok({ packages: [], warnings: [issue('empty-file', 'empty Gemfile.lock: no gems')] });

    const warnings: ParseIssue[] = [];
    const unknownHeaders: ParseIssue[] = [];
    const packages: Package[] = [];
    const seen = new Set<string>();
    const direct = new Set<string>();
    let knownSections = 0;
    let section: string | undefined;
    let inSpecs = false;
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const lineNo = i + 1;
      if (line.trim() === '') continue;
      if (!/^\s/.test(line)) {
        section = line.trimEnd();
        inSpecs = false;
        if (SOURCE_SECTIONS.has(section) || OTHER_SECTIONS.has(section)) knownSections++;
        else unknownHeaders.push(issue('unknown-section', `unknown section "${section.slice(0, 80)}": ignored`, lineNo, 1, Math.min(line.length, 200) + 1));
        continue;
      }
      if (section === undefined) {
        unknownHeaders.push(issue('unexpected-line', 'indented line before any section: ignored', lineNo));
        continue;
      }
      if (SOURCE_SECTIONS.has(section)) {
        if (/^ {2}(?! )/.test(line)) {
          inSpecs = line.trim() === 'specs:';
          continue;
        }
        if (!inSpecs || /^ {6}/.test(line)) continue;
        const m = SPEC.exec(line);
        if (!m || m[2] === undefined || m[2] === '') {
          warnings.push(issue('unparsable-spec', `cannot read gem spec "${line.trim().slice(0, 120)}": skipped`, lineNo, 5, line.length + 1));
          continue;
        }
        const name = m[1]!;
        const version = m[2];
        const key = `${name}@${version}`;
        if (seen.has(key)) continue;
        seen.add(key);
        packages.push({ ecosystem: 'RubyGems', name, version, purl: gemPurl(name, version), location: { path, startLine: lineNo, startColumn: 5, endLine: lineNo, endColumn: line.length + 1 }, foundBy: ID });
      } else if (section === 'DEPENDENCIES') {
        const m = DEPENDENCY.exec(line);
        if (m) direct.add(m[1]!);
      }
    }
    if (knownSections === 0) return err([issue('not-gemfile-lock', 'not a Gemfile.lock: no GEM, GIT, PATH, PLATFORMS or DEPENDENCIES section', unknownHeaders[0]?.location.startLine ?? 1), ...unknownHeaders.slice(0, 10)]);
    // Without a DEPENDENCIES section nothing says which gems are direct: leave `direct` unset rather than claim all are transitive.
    const knowsDirect = lines.some((l) => l.trimEnd() === 'DEPENDENCIES');
    if (knowsDirect) for (const p of packages) p.direct = direct.has(p.name);
    return ok({ packages, warnings: [...unknownHeaders, ...warnings].sort((a, b) => a.location.startLine - b.location.startLine) });
  },
};
