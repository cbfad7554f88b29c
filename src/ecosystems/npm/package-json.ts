/**
 * An installed npm package's own `package.json` (`node_modules/<name>/package.json`, `node_modules/@scope/<name>/package.json`):
 * what is really on disk, whatever a lockfile said. Pure: text in, one package (or none) out.
 */
import type { Location } from '../../core/location.js';
import type { Package, ParseIssue } from '../../core/package.js';
import { err, ok, type Result } from '../../core/result.js';
import { NPM_ECOSYSTEM } from './index.js';

/** 1-based line of each top-level key, found without a second parser (JSON.parse keeps no positions). */
function topLevelKeyLines(text: string): Map<string, number> {
  const out = new Map<string, number>();
  let depth = 0;
  let line = 1;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    else if (c === '{' || c === '[') {
      depth++;
      expectKey = c === '{' && depth === 1;
    } else if (c === '}' || c === ']') depth--;
    else if (c === ',') expectKey = depth === 1;
    else if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (depth === 1 && expectKey && !out.has(text.slice(start, i + 1))) {
        try {
          out.set(JSON.parse(text.slice(start, i + 1)) as string, line);
        } catch {
          /* malformed key: JSON.parse of the whole file already succeeded, so this cannot happen */
        }
      }
      expectKey = false;
    }
  }
  return out;
}

/**
 * The package a `package.json` declares, located at its `"version"` line. `ok(undefined)` when it names no package
 * (no `name` or no `version`, e.g. a workspace root or a test fixture); an error when it is not JSON.
 */
export function parseInstalledPackageJson(text: string, path: string): Result<Package | undefined, ParseIssue> {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return err({ code: 'invalid-json', message: `${path} is not valid JSON: ${(e as Error).message}`, location: { path, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } });
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return ok(undefined);
  const { name, version } = doc as { name?: unknown; version?: unknown };
  if (typeof name !== 'string' || name === '' || typeof version !== 'string' || version === '') return ok(undefined);
  const lines = topLevelKeyLines(text);
  const line = lines.get('version') ?? lines.get('name') ?? 1;
  const location: Location = { path, startLine: line, startColumn: 1, endLine: line, endColumn: 1 };
  return ok({ ecosystem: 'npm', name, version, purl: NPM_ECOSYSTEM.purl(name, version), location, foundBy: 'node_modules' });
}
