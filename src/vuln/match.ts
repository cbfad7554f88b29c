import type { CvssScore } from '../core/finding.js';
import type { Package } from '../core/package.js';
import type { Severity } from '../core/severity.js';
import type { Ecosystem } from '../ecosystems/define-ecosystem.js';
import { ecosystemBase, ecosystemFor } from '../ecosystems/index.js';
import { ecosystemMatches } from './ecosystem-match.js';
import type { OsvAffected, OsvRecord } from './osv.js';
import { evaluateAffected, fixedEventsOf, type MatchedRange } from './range.js';
import { SEMVER_SCHEME, type SemVer } from './semver.js';
import { assessSeverity, type SeveritySource } from './severity.js';
import type { AdvisorySource } from './source.js';

/** One vulnerability affecting one package: the records that describe it merged into one. */
export interface VulnMatch {
  package: Package;
  /** The primary record (its `id` is `id`). */
  record: OsvRecord;
  /** Every record merged into this match, primary first. */
  records: OsvRecord[];
  id: string;
  /** Every other ID of the vulnerability: the merged records' IDs and all their aliases, sorted. */
  aliases: string[];
  /** `fixed` events of the entries that matched, in every merged record, lowest first. */
  fixedVersions: string[];
  /** RustSec `unmaintained` / `unsound` / `notice`: not a vulnerability, reported at low severity. */
  informational?: string;
  severity: Severity;
  cvss: CvssScore[];
  severitySource: SeveritySource;
  summary: string;
  /** The interval of the primary record that matched, when a range (not the `versions` list) matched. */
  range?: MatchedRange;
}

export interface MatchOutcome {
  matches: VulnMatch[];
  /** Per package (key: `packageKey`) with matches: the smallest version that clears all its matches, or null when none does. */
  upgrades: Map<string, string | null>;
  /** Advisories that could not be evaluated (unreadable version): errors upstream, never "not affected". */
  unknown: { package: Package; advisoryId: string; reason: string }[];
  /** Packages of an ecosystem Palisade has no version scheme for. */
  unsupported: Package[];
  /** Problems that did not stop matching: unscorable CVSS vectors, release-scoped advisories skipped for a package without a release. */
  warnings: { package: Package; advisoryId: string; message: string }[];
}

export interface MatchOptions {
  /** Drop matches that have no fixed version. */
  ignoreUnfixed?: boolean;
  /** Resolves a package's ecosystem string; defaults to the registry (`ecosystems/index.ts`). Tests inject their own schemes. */
  ecosystemFor?: (osvEcosystem: string) => Ecosystem | undefined;
}

/** Identifies a package occurrence: the same package at the same version in two lockfiles is two occurrences. */
export function packageKey(p: Package): string {
  return `${p.ecosystem}|${p.name}|${p.version}|${p.location.path}`;
}

interface Lookup {
  name: string;
  version: string;
}

interface Hit {
  record: OsvRecord;
  lookup: Lookup;
  /** Entries naming this package (ecosystem and name); all of them decide whether an upgrade candidate clears the record. */
  entries: OsvAffected[];
  /** The entries among them that affect the package's version. */
  matched: OsvAffected[];
  range?: MatchedRange;
}

/** Own-database IDs (GO-, PYSEC-, RUSTSEC-, DSA-, …) first, then GHSA, then CVE: the ecosystem's own advisory is the primary. */
function idRank(id: string): number {
  if (id.startsWith('CVE-')) return 2;
  if (id.startsWith('GHSA-')) return 1;
  return 0;
}

function byPrimaryPreference(a: string, b: string): number {
  return idRank(a) - idRank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    for (let y = x; y !== root; ) {
      const next = this.parent.get(y) as string;
      this.parent.set(y, root);
      y = next;
    }
    if (!this.parent.has(root)) this.parent.set(root, root);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }
}

/** Orders version strings of one ecosystem: by its scheme, else by SemVer (the ordering of SEMVER ranges), else undefined. */
function versionOrder(eco: Ecosystem): (a: string, b: string) => number | undefined {
  const parsed = new Map<string, [unknown, SemVer | undefined]>();
  const parse = (v: string): [unknown, SemVer | undefined] => {
    let p = parsed.get(v);
    if (p === undefined) {
      p = [eco.scheme.parse(v), undefined];
      if (p[0] === undefined) p[1] = SEMVER_SCHEME.parse(v);
      parsed.set(v, p);
    }
    return p;
  };
  return (a, b) => {
    const [sa, va] = parse(a);
    const [sb, vb] = parse(b);
    if (sa !== undefined && sb !== undefined) return eco.scheme.compare(sa, sb);
    const ma = sa === undefined ? va : SEMVER_SCHEME.parse(a);
    const mb = sb === undefined ? vb : SEMVER_SCHEME.parse(b);
    if (ma !== undefined && mb !== undefined) return SEMVER_SCHEME.compare(ma, mb);
    return undefined;
  };
}

/** Sorts versions lowest first; versions no ordering can read go last, in string order, rather than being dropped. */
function sortVersions(versions: Iterable<string>, order: (a: string, b: string) => number | undefined): string[] {
  const readable: string[] = [];
  const rest: string[] = [];
  for (const v of new Set(versions)) (order(v, v) !== undefined ? readable : rest).push(v);
  rest.sort();
  readable.sort((a, b) => order(a, b) ?? (a < b ? -1 : a > b ? 1 : 0));
  return [...readable, ...rest];
}

function informationalOf(entries: readonly OsvAffected[]): string | undefined {
  for (const a of entries) {
    const v = a.database_specific?.['informational'];
    if (typeof v === 'string' && v !== '') return v;
  }
  return undefined;
}

/**
 * Matches packages against advisories.
 *
 * For each package: the source is asked for the package's name and, for OS packages with a `source`, for the source package
 * (Debian, Ubuntu and Alpine advisories name source packages), evaluated at the source version. A record matches when one
 * of its `affected[]` entries has a matching ecosystem (`ecosystemMatches`), the same normalised name, and covers the version
 * (`evaluateAffected`). Withdrawn records never match. Records about the same vulnerability — one lists another's ID, or they
 * share an alias — become one match (transitively); its primary ID is the ecosystem database's own (not GHSA, not CVE),
 * then GHSA, then CVE, the lexicographically smallest within a kind.
 */
export function matchPackages(packages: readonly Package[], source: AdvisorySource, opts: MatchOptions = {}): MatchOutcome {
  const outcome: MatchOutcome = { matches: [], upgrades: new Map(), unknown: [], unsupported: [], warnings: [] };
  const resolve = opts.ecosystemFor ?? ecosystemFor;
  for (const pkg of packages) {
    const eco = resolve(pkg.ecosystem);
    if (eco === undefined) {
      outcome.unsupported.push(pkg);
      continue;
    }
    matchOne(pkg, eco, source, opts, outcome);
  }
  return outcome;
}

function matchOne(pkg: Package, eco: Ecosystem, source: AdvisorySource, opts: MatchOptions, outcome: MatchOutcome): void {
  const lookups: Lookup[] = [{ name: pkg.name, version: pkg.version }];
  if (pkg.source !== undefined && (pkg.source.name !== pkg.name || pkg.source.version !== pkg.version)) {
    lookups.push({ name: pkg.source.name, version: pkg.source.version });
  }
  const hits = new Map<string, Hit>();
  const unknown = new Map<string, { record: OsvRecord; reason: string }>();
  const packageHasRelease = pkg.ecosystem !== ecosystemBase(pkg.ecosystem);
  let skippedForRelease: string | undefined;

  for (const lookup of lookups) {
    const wanted = eco.normaliseName(lookup.name);
    for (const record of source.advisoriesFor(pkg.ecosystem, lookup.name)) {
      if (typeof record.withdrawn === 'string') continue;
      if (hits.has(record.id)) continue;
      const entries: OsvAffected[] = [];
      for (const a of record.affected ?? []) {
        const p = a?.package;
        if (typeof p?.ecosystem !== 'string' || typeof p.name !== 'string') continue;
        if (p.name !== lookup.name && eco.normaliseName(p.name) !== wanted) continue;
        if (ecosystemMatches(p.ecosystem, pkg.ecosystem)) entries.push(a);
        else if (!packageHasRelease && ecosystemBase(p.ecosystem) === pkg.ecosystem) skippedForRelease ??= record.id;
      }
      if (entries.length === 0) continue;
      const matched: OsvAffected[] = [];
      let range: MatchedRange | undefined;
      const reasons: string[] = [];
      for (const a of entries) {
        const r = evaluateAffected(a, lookup.version, eco.scheme);
        if (r.affected === true) {
          matched.push(a);
          range ??= r.range;
        } else if (r.affected === 'unknown') reasons.push(r.reason);
      }
      if (matched.length > 0) {
        hits.set(record.id, { record, lookup, entries, matched, ...(range !== undefined ? { range } : {}) });
        unknown.delete(record.id);
      } else if (reasons.length > 0 && !unknown.has(record.id)) {
        unknown.set(record.id, { record, reason: [...new Set(reasons)].join('; ') });
      }
    }
  }

  if (skippedForRelease !== undefined) {
    outcome.warnings.push({
      package: pkg,
      advisoryId: skippedForRelease,
      message: `${pkg.name}: the package's ecosystem "${pkg.ecosystem}" names no release, so advisories scoped to a release were not evaluated`,
    });
  }

  if (hits.size === 0) {
    for (const [id, { reason }] of unknown) outcome.unknown.push({ package: pkg, advisoryId: id, reason });
    return;
  }

  // Group records about the same vulnerability; unknown records aliased to a match are that match, not a separate error.
  const uf = new UnionFind();
  for (const { record } of [...hits.values(), ...unknown.values()]) {
    uf.find(record.id);
    for (const alias of record.aliases ?? []) if (typeof alias === 'string') uf.union(record.id, alias);
  }
  const groups = new Map<string, Hit[]>();
  for (const hit of hits.values()) {
    const root = uf.find(hit.record.id);
    const g = groups.get(root);
    if (g === undefined) groups.set(root, [hit]);
    else g.push(hit);
  }
  for (const [id, { reason }] of unknown) {
    if (!groups.has(uf.find(id))) outcome.unknown.push({ package: pkg, advisoryId: id, reason });
  }

  const order = versionOrder(eco);
  const matches: VulnMatch[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => byPrimaryPreference(a.record.id, b.record.id));
    const primary = group[0] as Hit;
    const ids = new Set<string>();
    for (const h of group) {
      ids.add(h.record.id);
      for (const alias of h.record.aliases ?? []) if (typeof alias === 'string') ids.add(alias);
    }
    ids.delete(primary.record.id);
    const fixedVersions = sortVersions(
      group.flatMap((h) => h.matched.flatMap((a) => fixedEventsOf(a).map((f) => f.version))),
      order,
    );
    const assessment = assessSeverity(group.map((h) => ({ record: h.record, affected: h.matched })));
    for (const e of assessment.errors) outcome.warnings.push({ package: pkg, advisoryId: primary.record.id, message: e });
    const informational = group.map((h) => informationalOf(h.matched)).find((v) => v !== undefined);
    const summary = group.map((h) => h.record.summary?.trim() ?? '').find((s) => s !== '') ?? '';
    const m: VulnMatch = {
      package: pkg,
      record: primary.record,
      records: group.map((h) => h.record),
      id: primary.record.id,
      aliases: [...ids].sort(),
      fixedVersions,
      severity: informational !== undefined ? 'low' : assessment.severity,
      cvss: assessment.cvss,
      severitySource: informational !== undefined ? 'ecosystem' : assessment.severitySource,
      summary,
    };
    if (informational !== undefined) m.informational = informational;
    if (primary.range !== undefined) m.range = primary.range;
    if (opts.ignoreUnfixed === true && fixedVersions.length === 0) continue;
    matches.push(m);
  }
  if (matches.length === 0) return;
  matches.sort((a, b) => byPrimaryPreference(a.id, b.id));
  outcome.matches.push(...matches);

  const kept = new Set(matches.flatMap((m) => m.records.map((r) => r.id)));
  const keptHits = [...hits.values()].filter((h) => kept.has(h.record.id));
  outcome.upgrades.set(packageKey(pkg), smallestUpgrade(eco, order, matches, keptHits));
}

/**
 * The lowest of all fixed versions, above the installed one, that none of the package's matched records affects.
 * Each candidate is re-evaluated against every entry naming the package: a fix for one advisory may sit inside another's
 * range. A candidate whose evaluation is unknown does not clear.
 */
function smallestUpgrade(eco: Ecosystem, order: (a: string, b: string) => number | undefined, matches: readonly VulnMatch[], hits: readonly Hit[]): string | null {
  const candidates = sortVersions(matches.flatMap((m) => m.fixedVersions), order);
  for (const candidate of candidates) {
    const above = hits.every((h) => {
      const c = order(candidate, h.lookup.version);
      return c !== undefined && c > 0;
    });
    if (!above) continue;
    const clears = hits.every((h) => h.entries.every((a) => evaluateAffected(a, candidate, eco.scheme).affected === false));
    if (clears) return candidate;
  }
  return null;
}
