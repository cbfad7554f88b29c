/**
 * Installed Python distributions: `<name>-<version>.dist-info/METADATA` (wheels, PEP 376/566) and `*.egg-info/PKG-INFO`
 * (setuptools). Both are RFC 822-style headers; only `Name` and `Version` matter here. Pure: text in, one package out.
 */
import type { Package, ParseIssue } from '../../core/package.js';
import { err, ok, type Result } from '../../core/result.js';
import { PYPI_ECOSYSTEM } from './index.js';

/**
 * The distribution a METADATA / PKG-INFO file declares, located at its `Name:` line. An error when the headers carry no
 * `Name` or no `Version` (the file is not core metadata, or is truncated).
 */
export function parsePythonMetadata(text: string, path: string, foundBy: 'python-dist-info' | 'python-egg-info'): Result<Package, ParseIssue> {
  let name: string | undefined;
  let version: string | undefined;
  let nameLine = 1;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') break; // the body (long description) starts after the first blank line
    if (line.startsWith(' ') || line.startsWith('\t')) continue; // folded continuation of the previous header
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'name' && name === undefined) {
      name = value;
      nameLine = i + 1;
    } else if (key === 'version' && version === undefined) version = value;
    if (name !== undefined && version !== undefined) break;
  }
  if (!name || !version) {
    const location = { path, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
    return err({ code: 'invalid-metadata', message: `${path}: Python package metadata without ${!name ? 'Name' : 'Version'}`, location });
  }
  const location = { path, startLine: nameLine, startColumn: 1, endLine: nameLine, endColumn: 1 };
  return ok({ ecosystem: 'PyPI', name, version, purl: PYPI_ECOSYSTEM.purl(name, version), location, foundBy });
}
