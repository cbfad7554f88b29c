/**
 * apk's database of installed packages, `lib/apk/db/installed` (Alpine, Wolfi, Chainguard): records separated by blank
 * lines, one `X:value` field per line (https://wiki.alpinelinux.org/wiki/Apk_spec#Installed_Database_V2).
 */
import type { Location } from '../../core/location.js';
import type { Inventory, Package, ParseIssue } from '../../core/package.js';
import { err, ok, type Result } from '../../core/result.js';
import { formatPurl } from '../_lib/purl.js';
import { osvEcosystemFor, purlDistro, type Distro } from '../_lib/os-release.js';

interface Field {
  value: string;
  line: number;
}

export function parseApkInstalled(text: string, path: string, distro: Distro | undefined): Result<Inventory, ParseIssue[]> {
  const warnings: ParseIssue[] = [];
  const records: Map<string, Field>[] = [];
  let cur: Map<string, Field> | undefined;
  let firstBad: number | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.trim() === '') {
      cur = undefined;
      continue;
    }
    // Field keys are single letters; `F:`, `R:`, `Z:` repeat per file, only the package fields are read.
    if (line.length < 2 || line[1] !== ':' || !/[A-Za-z]/.test(line[0]!)) {
      firstBad ??= i + 1;
      warnings.push({ code: 'malformed-line', message: `not a "X:value" line: ${JSON.stringify(line.slice(0, 80))}`, location: at(path, i + 1) });
      continue;
    }
    if (!cur) {
      cur = new Map();
      records.push(cur);
    }
    const key = line[0]!;
    if (!cur.has(key)) cur.set(key, { value: line.slice(2), line: i + 1 });
  }
  if (text.trim() !== '' && !records.some((r) => r.has('P'))) {
    return err([{ code: 'not-the-format', message: 'not an apk installed database: no record has a P: (package name) field', location: at(path, firstBad ?? 1) }]);
  }

  const ecosystem = (distro && osvEcosystemFor(distro)) ?? 'Alpine';
  // Wolfi and Chainguard are their own apk vendors; every other apk-based distro is Alpine or derived from it.
  const vendor = distro && (distro.id === 'wolfi' || distro.id === 'chainguard') ? distro.id : 'alpine';
  const packages: Package[] = [];
  for (const r of records) {
    const name = r.get('P');
    if (!name) {
      const first = [...r.values()][0]!;
      warnings.push({ code: 'missing-field', message: 'record without a P: field skipped', location: at(path, first.line) });
      continue;
    }
    const version = r.get('V');
    if (!version || version.value === '') {
      warnings.push({ code: 'missing-field', message: `package ${name.value} has no V: field; skipped`, location: at(path, name.line) });
      continue;
    }
    const arch = r.get('A')?.value;
    packages.push({
      ecosystem,
      name: name.value,
      version: version.value,
      purl: formatPurl({ type: 'apk', namespace: vendor, name: name.value, version: version.value, qualifiers: { arch, distro: distro ? purlDistro(distro) : undefined } }),
      location: { path, startLine: name.line, startColumn: 1, endLine: name.line, endColumn: name.value.length + 3 },
      // A subpackage (`o:` origin) always has its origin's version: both come from one APKBUILD.
      source: { name: r.get('o')?.value || name.value, version: version.value },
      foundBy: 'apk-installed',
    });
  }
  return ok({ packages, warnings });
}

function at(path: string, line: number): Location {
  return { path, startLine: line, startColumn: 1, endLine: line, endColumn: 1 };
}
