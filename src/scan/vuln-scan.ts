/**
 * The vulnerability scanner's I/O side: reads lockfiles (and the files they include), opens the advisory database,
 * matches the inventory and turns matches into findings. Parsing and matching themselves are pure
 * (src/ecosystems, src/vuln); this file only feeds them.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Finding } from '../core/finding.js';
import type { Package } from '../core/package.js';
import type { Target, TargetIssue } from '../core/report.js';
import { lockfileParserFor } from '../ecosystems/index.js';
import { parseCycloneDxJson, parseSpdxJson, sniffSbom } from '../ecosystems/_lib/sbom/index.js';
import { vulnFinding } from '../vuln/finding.js';
import { matchPackages, packageKey } from '../vuln/match.js';
import type { AdvisorySource } from '../vuln/source.js';
import { readManifest } from './read.js';
import { toDisplay } from './walk.js';

export interface VulnOptions {
  /** The SQLite advisory database (`palisade db update|import` writes it). */
  dbPath: string;
  /** `--scanners vuln` was asked for by name: a missing database is a scan error, not a warning. */
  required: boolean;
  ignoreUnfixed?: boolean;
  /** Leave dev dependencies out of matching (they stay in the inventory, marked). */
  excludeDev?: boolean;
  /** Warn when the newest import is older than this many days (default 7). */
  maxDbAgeDays?: number;
}

/** SBOM files the walk picks up by name (CycloneDX and SPDX JSON as tools conventionally name them). */
const SBOM_NAME = /(^|\.)(bom|cdx|sbom)\.json$|\.spdx\.json$/i;

export function isLockfileName(name: string): boolean {
  return lockfileParserFor(name) !== undefined || SBOM_NAME.test(name);
}

function sbomInventory(text: string, display: string, target: Target): Package[] {
  const kind = sniffSbom(text);
  if (!kind) {
    // Named like an SBOM is only a hint: another JSON file by that name is skipped with a reason, not a scan error.
    target.warnings.push({ code: 'not-an-sbom', message: 'named like an SBOM but is neither CycloneDX JSON ("bomFormat": "CycloneDX") nor SPDX JSON ("spdxVersion"); not read', location: at(display) });
    return [];
  }
  target.kind = 'sbom';
  const res = kind === 'cyclonedx' ? parseCycloneDxJson(text, display) : parseSpdxJson(text, display);
  if (!res.ok) {
    for (const e of res.error) target.errors.push({ code: e.code, message: e.message, location: e.location });
    return [];
  }
  for (const w of res.value.warnings) target.warnings.push({ code: w.code, message: w.message, location: w.location });
  target.resources = res.value.packages.length;
  return res.value.packages;
}

const at = (path: string, line = 1, col = 1): TargetIssue['location'] => ({ path, startLine: line, startColumn: col, endLine: line, endColumn: col });

/** One lockfile → its target and packages. Includes (`-r`, parent POMs, go.sum) are read relative to the lockfile. */
export function lockfileInventory(file: { abs: string; display: string }, cwd: string, maxBytes: number): { target: Target; packages: Package[] } {
  const target: Target = { path: file.display, kind: 'lockfile', resources: 0, skippedDocuments: 0, errors: [], warnings: [] };
  const name = file.abs.split(/[\\/]/).pop() ?? '';
  const found = lockfileParserFor(name);
  if (!found && !SBOM_NAME.test(name)) return { target, packages: [] };
  const read = readManifest(file.abs, maxBytes, true);
  if (!read.ok) {
    (read.level === 'error' ? target.errors : target.warnings).push({ code: read.code, message: read.message, location: at(file.display) });
    return { target, packages: [] };
  }
  if (!found) return { target, packages: sbomInventory(read.text, file.display, target) };
  const dir = dirname(file.abs);
  const res = found.parser.parse(read.text, file.display, {
    readRelative: (rel) => {
      // A missing file, a directory or an unreadable one all come back as a failed read: the parser then warns.
      const abs = resolve(dir, rel);
      const r = readManifest(abs, maxBytes, true);
      return r.ok ? { path: toDisplay(cwd, abs), text: r.text } : undefined;
    },
  });
  if (!res.ok) {
    for (const e of res.error) target.errors.push({ code: e.code, message: e.message, location: e.location });
    return { target, packages: [] };
  }
  for (const w of res.value.warnings) target.warnings.push({ code: w.code, message: w.message, location: w.location });
  target.resources = res.value.packages.length;
  return { target, packages: res.value.packages };
}

export interface OpenedDb {
  source: AdvisorySource;
  close(): void;
  /** Shown once per scan: a stale database still matches, but the user should know. */
  warning?: string;
}

/**
 * Opens the advisory database read-only. Loaded on demand so a scan without lockfiles never loads the SQLite driver.
 * Undefined (with the reason) when there is none yet.
 */
export async function openAdvisoryDb(path: string, now: Date, maxAgeDays = 7): Promise<{ ok: true; db: OpenedDb } | { ok: false; message: string }> {
  if (!existsSync(path)) {
    return {
      ok: false,
      message: `no advisory database at ${path}: run \`palisade db update\` (downloads OSV data) or \`palisade db import <file|dir>\` (offline), or point --db / PALISADE_DB at one`,
    };
  }
  try {
    const { AdvisoryDb } = await import('../vuln/db/store.js');
    const { staleness } = await import('../vuln/db/location.js');
    const db = AdvisoryDb.open(path, { readonly: true });
    const warning = staleness(db.status(), now, maxAgeDays);
    return { ok: true, db: { source: db, close: () => db.close(), ...(warning ? { warning } : {}) } };
  } catch (e) {
    return { ok: false, message: `cannot open the advisory database ${path}: ${(e as Error).message}` };
  }
}

export interface MatchedInventory {
  findings: Finding[];
  /** Errors for packages whose version could not be compared with an advisory, keyed by the package's file path. */
  issues: { path: string; issue: TargetIssue; level: 'error' | 'warning' }[];
}

/** Matches every package (dev ones too unless excluded) and builds one finding per package per vulnerability. */
export function matchInventory(packages: readonly Package[], source: AdvisorySource, opts: Pick<VulnOptions, 'ignoreUnfixed' | 'excludeDev'>): MatchedInventory {
  const considered = opts.excludeDev ? packages.filter((p) => !p.dev) : packages;
  const outcome = matchPackages(considered, source, { ignoreUnfixed: opts.ignoreUnfixed === true });
  const findings: Finding[] = [];
  for (const m of outcome.matches) {
    const upgrade = outcome.upgrades.get(packageKey(m.package));
    findings.push(vulnFinding(m, upgrade ?? undefined));
  }
  const issues: MatchedInventory['issues'] = [];
  for (const u of outcome.unknown) {
    const l = u.package.location;
    issues.push({
      path: pathOfLocation(l.path),
      level: 'error',
      issue: {
        code: 'unknown-version',
        message: `${u.package.name} ${u.package.version} (${u.package.ecosystem}): cannot tell whether ${u.advisoryId} applies — ${u.reason}`,
        location: l,
      },
    });
  }
  for (const p of outcome.unsupported) {
    issues.push({
      path: pathOfLocation(p.location.path),
      level: 'warning',
      issue: { code: 'unsupported-ecosystem', message: `${p.name} ${p.version}: ecosystem "${p.ecosystem}" has no version scheme in Palisade; not matched`, location: p.location },
    });
  }
  return { findings, issues };
}

/** Image package paths read `<image>!/<path>`; their target is the image. */
function pathOfLocation(path: string): string {
  const i = path.indexOf('!/');
  return i < 0 ? path : path.slice(0, i);
}
