import semver from 'semver';
import { z } from 'zod';
import type { Location } from '../core/location.js';
import { SEVERITIES, severityRank, type Severity } from '../core/severity.js';
import type { Check } from '../checks/define-check.js';
import type { ActiveCheck } from '../checks/engine.js';
import type { LoadedConfig } from './config.js';
import type { CompiledPolicy } from './custom/types.js';
import { parseSingleYaml, zodIssues, type ConfigIssue } from './located.js';
import { resolveSelector, selectChecks, type SelectionOverrides } from './select.js';

/** The file that makes a folder (or an npm package) a policy pack. */
export const PACK_MANIFEST = 'palisade-pack.yaml';

// npm's package-name rules (lower case, URL-safe, optional @scope/): a pack published to a registry keeps its name.
const PACK_NAME = /^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

export const packManifestSchema = z
  .object({
    name: z.string().regex(PACK_NAME, 'name must be a lower-case package name such as acme-baseline or @acme/k8s-baseline'),
    version: z.string().refine((v) => semver.valid(v) !== null, 'version must be a semantic version such as 1.2.0'),
    description: z.string().optional(),
    /** Policy files or folders, relative to the manifest. */
    policies: z.array(z.string().min(1)).default([]),
    /** Settings for the pack's own policies and for built-in checks, applied before the project's .palisade.yaml. */
    defaults: z
      .object({
        enable: z.array(z.string()).default([]),
        disable: z.array(z.string()).default([]),
        severity: z.record(z.string(), z.enum(SEVERITIES)).default({}),
        options: z.record(z.string(), z.unknown()).default({}),
      })
      .strict()
      .default({ enable: [], disable: [], severity: {}, options: {} }),
    /**
     * An organisation baseline: its policies and the checks it enables are mandatory (cannot be disabled, nor lowered below
     * the pack's severity, nor have the options it sets changed); findings are still waivable one by one.
     */
    baseline: z.boolean().default(false),
  })
  .strict();

export type PackManifest = z.output<typeof packManifestSchema>;

export interface LoadedPackManifest {
  manifest: PackManifest;
  /** The manifest file, as displayed. */
  file: string;
  locate(path: (string | number)[]): Location;
}

export function parsePackManifest(text: string, file: string): { ok: true; value: LoadedPackManifest } | { ok: false; issues: ConfigIssue[] } {
  const parsed = parseSingleYaml(text, file);
  if (!parsed.ok) return parsed;
  const res = packManifestSchema.safeParse(parsed.doc.value ?? {});
  if (!res.success) return { ok: false, issues: zodIssues(res.error, parsed.doc, file) };
  const fallback: Location = { path: file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
  const source = parsed.doc.source;
  return { ok: true, value: { manifest: res.data, file, locate: (p) => (source ? source.locate(p) : fallback) } };
}

/** A pack, loaded: its manifest and its compiled policies. */
export interface ResolvedPack extends LoadedPackManifest {
  /** Baseline by its manifest, or because the organisation names it in $PALISADE_BASELINE. */
  baseline: boolean;
  /** How it was enabled, for messages. */
  via: 'config' | 'command line' | 'PALISADE_BASELINE';
  policies: CompiledPolicy[];
}

export function packLabel(p: Pick<ResolvedPack, 'manifest'>): string {
  return `${p.manifest.name} ${p.manifest.version}`;
}

/** What an organisation baseline demands of one check. */
export interface Requirement {
  id: string;
  /** The baseline packs that require it; the first one is named in messages. */
  packs: ResolvedPack[];
  minSeverity: Severity;
  /** The baseline set the check's options: the project may not change them. */
  lockedOptions: boolean;
}

export interface Library {
  checks: Check<unknown>[];
  requirements: Map<string, Requirement>;
}

const fileStart = (path: string): Location => ({ path, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });

/**
 * Built-in checks + custom policies + pack defaults → the library the config selects from.
 * IDs, slugs and aliases must be unique across everything (an error names both sources). Pack defaults become the
 * checks' own defaults (on/off, severity, options), so `.palisade.yaml` and the command line still override them —
 * except where a baseline pack forbids it (see `selectWithBaseline`). Project packs apply in order, baseline packs last.
 */
export function assembleLibrary(
  builtins: readonly Check<unknown>[],
  custom: readonly CompiledPolicy[],
  packs: readonly ResolvedPack[],
): { ok: true; value: Library } | { ok: false; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const sourceOf = new Map<Check<unknown>, string>();
  for (const c of builtins) sourceOf.set(c, 'built-in check');
  for (const p of custom) sourceOf.set(p.check, p.pack ? `${p.file} (pack ${p.pack})` : p.file);

  // Selectors match IDs case-insensitively and slugs exactly; compare keys in one case so no selector can be ambiguous.
  const owner = new Map<string, Check<unknown>>();
  const all: Check<unknown>[] = [...builtins];
  for (const p of custom) {
    const c = p.check;
    const keys = new Set([c.meta.id, c.meta.slug, ...c.meta.aliases].map((k) => k.toLowerCase()));
    let clash: Check<unknown> | undefined;
    let clashKey = '';
    for (const k of keys) {
      const other = owner.get(k) ?? builtins.find((b) => [b.meta.id, b.meta.slug, ...b.meta.aliases].some((x) => x.toLowerCase() === k));
      if (other && other !== c) {
        clash = other;
        clashKey = k;
        break;
      }
    }
    if (clash) {
      const what = clash.meta.id === c.meta.id ? `${c.meta.id} is defined twice` : `${c.meta.id}: "${clashKey}" is already used by ${clash.meta.id}`;
      issues.push({ message: `${what}: ${sourceOf.get(clash)} and ${sourceOf.get(c)}; custom policy IDs, slugs and aliases must be unique`, location: fileStart(p.file) });
      continue;
    }
    for (const k of keys) owner.set(k, c);
    all.push(c);
  }
  if (issues.length > 0) return { ok: false, issues };

  const enabled = new Map<string, boolean>();
  const severity = new Map<string, Severity>();
  const options = new Map<string, Record<string, unknown>>();
  const requirements = new Map<string, Requirement>();
  const byId = new Map(all.map((c) => [c.meta.id, c]));
  const ordered = [...packs.filter((p) => !p.baseline), ...packs.filter((p) => p.baseline)];
  for (const pack of ordered) {
    const d = pack.manifest.defaults;
    const label = `pack ${packLabel(pack)}`;
    const hitsOf = (sel: string, where: Location, key: string): Check<unknown>[] => {
      const hits = resolveSelector(all, sel);
      if (hits.length === 0) issues.push({ message: `${label}: defaults.${key}: unknown check or category "${sel}"`, location: where });
      return hits;
    };
    const required = new Set<string>(pack.baseline ? pack.policies.map((p) => p.check.meta.id) : []);
    d.enable.forEach((sel, i) => {
      for (const c of hitsOf(sel, pack.locate(['defaults', 'enable', i]), 'enable')) {
        enabled.set(c.meta.id, true);
        if (pack.baseline) required.add(c.meta.id);
      }
    });
    d.disable.forEach((sel, i) => {
      for (const c of hitsOf(sel, pack.locate(['defaults', 'disable', i]), 'disable')) enabled.set(c.meta.id, false);
    });
    const packSeverity = new Map<string, Severity>();
    for (const [sel, sev] of Object.entries(d.severity)) {
      for (const c of hitsOf(sel, pack.locate(['defaults', 'severity', sel]), 'severity')) {
        severity.set(c.meta.id, sev);
        packSeverity.set(c.meta.id, sev);
      }
    }
    const locked = new Set<string>();
    for (const [key, value] of Object.entries(d.options)) {
      const where = pack.locate(['defaults', 'options', key]);
      const hits = resolveSelector(all, key);
      const c = hits.length === 1 ? hits[0]! : undefined;
      if (!c) {
        issues.push({ message: `${label}: defaults.options: unknown check "${key}"`, location: where });
        continue;
      }
      if (!c.options) {
        issues.push({ message: `${label}: defaults.options: check ${c.meta.id} takes no options`, location: where });
        continue;
      }
      const merged = { ...(options.get(c.meta.id) ?? {}), ...(isRecord(value) ? value : {}) };
      const parsed = c.options.safeParse(merged);
      if (!parsed.success) {
        for (const iss of parsed.error.issues) {
          const sub = iss.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
          issues.push({ message: `${label}: defaults.options.${key}${sub.length ? '.' + sub.join('.') : ''}: ${iss.message}`, location: pack.locate(['defaults', 'options', key, ...sub]) });
        }
        continue;
      }
      options.set(c.meta.id, merged);
      // As in .palisade.yaml: configuring a check's options turns it on.
      enabled.set(c.meta.id, true);
      locked.add(c.meta.id);
    }
    if (pack.baseline) {
      for (const id of [...required, ...locked]) {
        const c = byId.get(id)!;
        required.add(id);
        enabled.set(id, true);
        // Without a severity of its own in the pack, the check's documented severity is the floor.
        const min = packSeverity.get(id) ?? c.meta.severity;
        const prev = requirements.get(id);
        if (prev) {
          prev.packs.push(pack);
          if (severityRank(min) > severityRank(prev.minSeverity)) prev.minSeverity = min;
          prev.lockedOptions ||= locked.has(id);
        } else requirements.set(id, { id, packs: [pack], minSeverity: min, lockedOptions: locked.has(id) });
        if (severityRank(severity.get(id) ?? c.meta.severity) < severityRank(min)) severity.set(id, min);
      }
    }
  }
  if (issues.length > 0) return { ok: false, issues };

  const checks = all.map((c) => {
    const on = enabled.get(c.meta.id);
    const sev = severity.get(c.meta.id);
    const opts = options.get(c.meta.id);
    if (on === undefined && sev === undefined && opts === undefined) return c;
    const meta = Object.freeze({ ...c.meta, defaultEnabled: on ?? c.meta.defaultEnabled, severity: sev ?? c.meta.severity });
    const copy: Check<unknown> = { ...c, meta };
    if (opts && c.options) {
      const inner = c.options;
      // The pack's options are the defaults the project's own options are merged over (key by key).
      copy.options = z.preprocess((v) => ({ ...opts, ...(isRecord(v) ? v : {}) }), inner) as unknown as z.ZodType<unknown>;
    }
    return copy;
  });
  return { ok: true, value: { checks, requirements } };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * `selectChecks`, then the organisation baseline: a required check that the project's config or the command line turns off,
 * lowers below the baseline's severity, or re-configures, is a configuration error located where it is done.
 */
export function selectWithBaseline(
  library: Library,
  loaded: LoadedConfig,
  overrides: SelectionOverrides = {},
  cliLocation: Location = { path: '(command line)', startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
): { ok: true; value: ActiveCheck[] } | { ok: false; issues: ConfigIssue[] } {
  const selected = selectChecks(library.checks, loaded, overrides, cliLocation);
  if (!selected.ok || library.requirements.size === 0) return selected;
  const issues: ConfigIssue[] = [];
  const cfg = loaded.config.checks;
  const active = new Map(selected.value.map((a) => [a.check.meta.id, a]));
  const byId = new Map(library.checks.map((c) => [c.meta.id, c]));
  const hits = (sel: string, id: string): boolean => resolveSelector(library.checks, sel).some((c) => c.meta.id === id);
  const quoted = (sel: string, id: string): string => (sel.trim().toUpperCase() === id ? '' : ` ("${sel}" includes it)`);
  for (const req of library.requirements.values()) {
    const by = `baseline pack ${packLabel(req.packs[0]!)}`;
    const a = active.get(req.id);
    if (!a) {
      const culprits: ConfigIssue[] = [];
      cfg.disable.forEach((sel, i) => {
        if (hits(sel, req.id)) culprits.push({ message: `${req.id} is required by ${by} and cannot be disabled${quoted(sel, req.id)}; waive single findings instead (docs/waivers.md)`, location: loaded.locate(['checks', 'disable', i]) });
      });
      for (const sel of overrides.disable ?? []) {
        if (hits(sel, req.id)) culprits.push({ message: `${req.id} is required by ${by} and cannot be disabled (--disable ${sel}); waive single findings instead (docs/waivers.md)`, location: cliLocation });
      }
      if (culprits.length === 0) culprits.push({ message: `${req.id} is required by ${by} but is not enabled`, location: req.packs[0]!.locate([]) });
      issues.push(...culprits);
      continue;
    }
    if (severityRank(a.severity) < severityRank(req.minSeverity)) {
      for (const [sel, sev] of Object.entries(cfg.severity)) {
        if (hits(sel, req.id) && severityRank(sev) < severityRank(req.minSeverity)) {
          issues.push({
            message: `${req.id} is required by ${by} at severity ${req.minSeverity} or above; checks.severity sets it to ${sev}${quoted(sel, req.id)}`,
            location: loaded.locate(['checks', 'severity', sel]),
          });
        }
      }
    }
    if (req.lockedOptions) {
      for (const key of Object.keys(cfg.options)) {
        const found = resolveSelector(library.checks, key);
        if (found.length === 1 && found[0] === byId.get(req.id)) {
          issues.push({ message: `the options of ${req.id} are set by ${by} and cannot be changed by the project`, location: loaded.locate(['checks', 'options', key]) });
        }
      }
    }
  }
  return issues.length > 0 ? { ok: false, issues } : selected;
}
