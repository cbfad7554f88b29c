/**
 * dpkg's database of installed packages: `var/lib/dpkg/status` (deb822 stanzas, see deb-control(5) and dpkg(1)) and the
 * one-stanza-per-file `var/lib/dpkg/status.d/<name>` that distroless images ship instead.
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

interface Stanza {
  /** Field names lower-cased: deb822 field names are case-insensitive. */
  fields: Map<string, Field>;
  line: number;
}

/** `var/lib/dpkg/status`: only packages dpkg reports as installed (`Status: install|hold ok installed`). */
export function parseDpkgStatus(text: string, path: string, distro: Distro | undefined): Result<Inventory, ParseIssue[]> {
  return parse(text, path, distro, false);
}

/** `var/lib/dpkg/status.d/<name>` (distroless): same output; a stanza without a `Status` field counts as installed. */
export function parseDpkgStatusD(text: string, path: string, distro: Distro | undefined): Result<Inventory, ParseIssue[]> {
  return parse(text, path, distro, true);
}

function parse(text: string, path: string, distro: Distro | undefined, statusOptional: boolean): Result<Inventory, ParseIssue[]> {
  const warnings: ParseIssue[] = [];
  const stanzas = readStanzas(text, path, warnings);
  if (text.trim() !== '' && !stanzas.some((s) => s.fields.has('package'))) {
    const line = Math.min(warnings[0]?.location.startLine ?? Infinity, stanzas[0]?.line ?? Infinity, text.split('\n').length);
    return err([{ code: 'not-the-format', message: 'not a dpkg status file: no stanza has a Package field', location: at(path, line) }]);
  }
  const ecosystem = (distro && osvEcosystemFor(distro)) ?? (distro?.id === 'ubuntu' ? 'Ubuntu' : 'Debian');
  const vendor = distro?.id === 'ubuntu' ? 'ubuntu' : 'debian';
  const packages: Package[] = [];
  for (const s of stanzas) {
    const name = s.fields.get('package');
    if (!name) {
      warnings.push({ code: 'missing-field', message: 'stanza without a Package field skipped', location: at(path, s.line) });
      continue;
    }
    const status = s.fields.get('status');
    if (status ? !isInstalled(status.value) : !statusOptional) continue;
    const version = s.fields.get('version');
    if (!version || version.value === '') {
      warnings.push({ code: 'missing-field', message: `package ${name.value} has no Version field; skipped`, location: at(path, name.line) });
      continue;
    }
    const arch = s.fields.get('architecture')?.value;
    packages.push({
      ecosystem,
      name: name.value,
      version: version.value,
      purl: formatPurl({ type: 'deb', namespace: vendor, name: name.value, version: version.value, qualifiers: { arch, distro: distro ? purlDistro(distro) : undefined } }),
      location: { path, startLine: name.line, startColumn: 1, endLine: name.line, endColumn: 'Package: '.length + name.value.length + 1 },
      source: sourceOf(s.fields.get('source')?.value, name.value, version.value),
      foundBy: 'dpkg-status',
    });
  }
  return ok({ packages, warnings });
}

/** `Status: <want> <flag> <status>`: the package's files are on disk only when status is `installed`; a `deinstall` want means it is on its way out. */
function isInstalled(status: string): boolean {
  const [want, flag, state] = status.split(/\s+/);
  return (want === 'install' || want === 'hold') && flag === 'ok' && state === 'installed';
}

/** `Source: name` or `Source: name (version)`; the source version differs from the binary's only when given (binNMUs). */
function sourceOf(source: string | undefined, name: string, version: string): { name: string; version: string } {
  if (!source) return { name, version };
  const m = /^(\S+)(?:\s*\((.+)\))?$/.exec(source.trim());
  if (!m) return { name, version };
  return { name: m[1]!, version: m[2]?.trim() || version };
}

function readStanzas(text: string, path: string, warnings: ParseIssue[]): Stanza[] {
  const stanzas: Stanza[] = [];
  let cur: Stanza | undefined;
  let last: Field | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    const n = i + 1;
    if (line.trim() === '') {
      cur = undefined;
      last = undefined;
      continue;
    }
    if (line.startsWith(' ') || line.startsWith('\t')) {
      // Continuation of a multi-line field (Description, Conffiles); only the first line of the fields we read matters.
      if (!last) warnings.push({ code: 'malformed-line', message: 'continuation line outside a field', location: at(path, n) });
      continue;
    }
    const m = /^([!-9;-~][!-9;-~]*):[ \t]*(.*)$/.exec(line);
    if (!m) {
      warnings.push({ code: 'malformed-line', message: `not a "Field: value" line: ${JSON.stringify(line.slice(0, 80))}`, location: at(path, n) });
      last = undefined;
      continue;
    }
    if (!cur) {
      cur = { fields: new Map(), line: n };
      stanzas.push(cur);
    }
    const key = m[1]!.toLowerCase();
    last = { value: m[2]!.trimEnd(), line: n };
    if (!cur.fields.has(key)) cur.fields.set(key, last);
  }
  return stanzas;
}

function at(path: string, line: number): Location {
  return { path, startLine: line, startColumn: 1, endLine: line, endColumn: 1 };
}
