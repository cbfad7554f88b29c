import type { VersionScheme } from '../ecosystems/define-ecosystem.js';
import type { OsvAffected, OsvRange } from './osv.js';
import { SEMVER_SCHEME } from './semver.js';

/**
 * Whether one `affected[]` entry of an OSV record covers a version, following the OSV schema 1.6 "Evaluation"
 * pseudo-code (https://ossf.github.io/osv-schema/#evaluation):
 *   affected ⇔ v is listed in `versions` ∨ some SEMVER/ECOSYSTEM range covers v;
 *   a range covers v ⇔ v is below some `limit` (none = `*`) ∧ walking the events sorted by version, the last
 *   `introduced ≤ v` is not followed by a `fixed ≤ v` or a `last_affected < v`.
 * An entry with neither `versions` nor `ranges` affects nothing (the pseudo-code returns false).
 * `GIT` ranges need the repository's commit graph and are skipped for package matching.
 *
 * When the answer depends on a version the scheme cannot read (the package's own, or an event's), the result is
 * `unknown`, never `false`: an unreadable version must surface as an error, not pass as safe. A range or list that
 * does say "affected" wins over another that cannot be read.
 */
export type AffectedResult =
  | { affected: true; range?: MatchedRange }
  | { affected: false }
  | { affected: 'unknown'; reason: string };

/** The interval that matched: the `introduced` that opened it and the event that closes it, when there is one. */
export interface MatchedRange {
  type: 'SEMVER' | 'ECOSYSTEM';
  introduced: string;
  fixed?: string;
  lastAffected?: string;
}

type EventKind = 'introduced' | 'fixed' | 'last_affected' | 'limit';

interface ParsedEvent {
  kind: EventKind;
  raw: string;
  /** undefined for `introduced: "0"` (before everything) and `limit: "*"` (after everything). */
  v: unknown;
}

type ParsedRange = { ok: true; events: ParsedEvent[]; limits: ParsedEvent[] } | { ok: false; reason: string };

// Advisories are evaluated against thousands of packages; each range's event versions are parsed and sorted once per scheme.
const rangeCache = new WeakMap<OsvRange, Map<string, ParsedRange>>();
const versionsCache = new WeakMap<OsvAffected, Map<string, { strings: Set<string>; parsed: unknown[] }>>();

const KINDS: readonly EventKind[] = ['introduced', 'fixed', 'last_affected', 'limit'];

function parseRange(range: OsvRange, scheme: VersionScheme<unknown>, index: number): ParsedRange {
  let byScheme = rangeCache.get(range);
  if (byScheme === undefined) {
    byScheme = new Map();
    rangeCache.set(range, byScheme);
  }
  const cached = byScheme.get(scheme.id);
  if (cached !== undefined) return cached;
  const result = parseRangeUncached(range, scheme, index);
  byScheme.set(scheme.id, result);
  return result;
}

function parseRangeUncached(range: OsvRange, scheme: VersionScheme<unknown>, index: number): ParsedRange {
  const events: ParsedEvent[] = [];
  const limits: ParsedEvent[] = [];
  for (const e of Array.isArray(range.events) ? range.events : []) {
    const present = KINDS.filter((k) => typeof e[k] === 'string');
    // The schema allows exactly one key per event; one with several is malformed and guessing its meaning could hide a hit.
    if (present.length !== 1) return { ok: false, reason: `range ${index} has an event with ${present.length === 0 ? 'no' : 'several'} version keys` };
    const kind = present[0] as EventKind;
    const raw = e[kind] as string;
    if (kind === 'introduced' && raw === '0') {
      events.push({ kind, raw, v: undefined });
      continue;
    }
    if (kind === 'limit' && raw.includes('*')) {
      limits.push({ kind, raw, v: undefined });
      continue;
    }
    const v = scheme.parse(raw);
    if (v === undefined) return { ok: false, reason: `${kind} "${raw}" of range ${index} is not a valid ${scheme.id} version` };
    (kind === 'limit' ? limits : events).push({ kind, raw, v });
  }
  // Sorted by version with `introduced: "0"` first; a stable sort keeps the file's order for equal versions.
  events.sort((a, b) => {
    if (a.v === undefined) return b.v === undefined ? 0 : -1;
    if (b.v === undefined) return 1;
    return scheme.compare(a.v, b.v);
  });
  return { ok: true, events, limits };
}

function versionsOf(affected: OsvAffected, scheme: VersionScheme<unknown>): { strings: Set<string>; parsed: unknown[] } {
  let byScheme = versionsCache.get(affected);
  if (byScheme === undefined) {
    byScheme = new Map();
    versionsCache.set(affected, byScheme);
  }
  let entry = byScheme.get(scheme.id);
  if (entry === undefined) {
    const list = (affected.versions ?? []).filter((v): v is string => typeof v === 'string');
    const parsed: unknown[] = [];
    // An unreadable listed version cannot equal a readable one; string equality has already been tried for it.
    for (const s of list) {
      const p = scheme.parse(s);
      if (p !== undefined) parsed.push(p);
    }
    entry = { strings: new Set(list), parsed };
    byScheme.set(scheme.id, entry);
  }
  return entry;
}

function evaluateRange(parsedRange: ParsedRange & { ok: true }, v: unknown, scheme: VersionScheme<unknown>, type: 'SEMVER' | 'ECOSYSTEM'): MatchedRange | undefined {
  const { events, limits } = parsedRange;
  if (limits.length > 0 && !limits.some((l) => l.v === undefined || scheme.compare(v, l.v) < 0)) return undefined;
  let open: ParsedEvent | undefined;
  let i = 0;
  for (; i < events.length; i++) {
    const e = events[i]!;
    if (e.kind === 'introduced') {
      if (e.v === undefined || scheme.compare(v, e.v) >= 0) open = e;
    } else if (e.kind === 'fixed') {
      if (scheme.compare(v, e.v) >= 0) open = undefined;
    } else if (e.kind === 'last_affected') {
      if (scheme.compare(v, e.v) > 0) open = undefined;
    }
  }
  if (open === undefined) return undefined;
  const match: MatchedRange = { type, introduced: open.raw };
  // The closing event is the first fixed/last_affected the walk has not yet passed.
  for (const e of events) {
    if (e.kind === 'fixed' && scheme.compare(v, e.v) < 0) return { ...match, fixed: e.raw };
    if (e.kind === 'last_affected' && scheme.compare(v, e.v) <= 0) return { ...match, lastAffected: e.raw };
  }
  return match;
}

/**
 * Evaluates one `affected[]` entry (the caller has already matched its package) for `version`.
 * `ECOSYSTEM` ranges and the `versions` list use `scheme`; `SEMVER` ranges always use SemVer 2.0.
 */
export function evaluateAffected(affected: OsvAffected, version: string, scheme: VersionScheme<unknown>): AffectedResult {
  let unknown: string[] | undefined;
  // The package version is parsed at most once per scheme (the ecosystem's, and SemVer for SEMVER ranges).
  let own: unknown;
  let ownDone = false;
  let semver: unknown;
  let semverDone = false;

  const listed = affected.versions;
  if (Array.isArray(listed) && listed.length > 0) {
    const { strings, parsed } = versionsOf(affected, scheme);
    if (strings.has(version)) return { affected: true };
    [own, ownDone] = [scheme.parse(version), true];
    const v = own;
    if (v === undefined) (unknown ??= []).push(`version "${version}" is not a valid ${scheme.id} version`);
    else if (parsed.some((p) => scheme.compare(v, p) === 0)) return { affected: true };
  }

  const ranges = Array.isArray(affected.ranges) ? affected.ranges : [];
  for (let i = 0; i < ranges.length; i++) {
    const range = ranges[i]!;
    if (range.type === 'GIT') continue;
    if (range.type !== 'SEMVER' && range.type !== 'ECOSYSTEM') {
      (unknown ??= []).push(`range ${i} has unsupported type "${String(range.type)}"`);
      continue;
    }
    let s: VersionScheme<unknown>;
    let v: unknown;
    if (range.type === 'SEMVER') {
      s = SEMVER_SCHEME as VersionScheme<unknown>;
      if (!semverDone) [semver, semverDone] = [s.parse(version), true];
      v = semver;
    } else {
      s = scheme;
      if (!ownDone) [own, ownDone] = [s.parse(version), true];
      v = own;
    }
    if (v === undefined) {
      (unknown ??= []).push(`version "${version}" is not a valid ${s.id} version`);
      continue;
    }
    const parsedRange = parseRange(range, s, i);
    if (!parsedRange.ok) {
      (unknown ??= []).push(parsedRange.reason);
      continue;
    }
    const hit = evaluateRange(parsedRange, v, s, range.type);
    if (hit !== undefined) return { affected: true, range: hit };
  }

  if (unknown !== undefined) return { affected: 'unknown', reason: [...new Set(unknown)].join('; ') };
  return { affected: false };
}

/** The `fixed` event versions of an entry's SEMVER and ECOSYSTEM ranges, each with the scheme that orders it. */
export function fixedEventsOf(affected: OsvAffected): { version: string; type: 'SEMVER' | 'ECOSYSTEM' }[] {
  const out: { version: string; type: 'SEMVER' | 'ECOSYSTEM' }[] = [];
  for (const range of Array.isArray(affected.ranges) ? affected.ranges : []) {
    if (range.type !== 'SEMVER' && range.type !== 'ECOSYSTEM') continue;
    for (const e of Array.isArray(range.events) ? range.events : []) {
      if (typeof e.fixed === 'string' && e.fixed !== '') out.push({ version: e.fixed, type: range.type });
    }
  }
  return out;
}
