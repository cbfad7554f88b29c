import type { Location } from '../core/location.js';
import type { Severity } from '../core/severity.js';
import type { Check } from '../checks/define-check.js';
import type { ActiveCheck } from '../checks/engine.js';
import type { LoadedConfig } from './config.js';
import type { ConfigIssue } from './located.js';

export interface SelectionOverrides {
  /** `--enable` / `--disable` from the command line, applied after the config file. */
  enable?: string[];
  disable?: string[];
}

/** Finds checks by ID, alias, slug or `category:<name>`. Returns [] for an unknown selector. */
export function resolveSelector(all: readonly Check<unknown>[], selector: string): Check<unknown>[] {
  const s = selector.trim();
  if (s.startsWith('category:')) {
    const cat = s.slice('category:'.length);
    return all.filter((c) => c.meta.category === cat);
  }
  if (s === '*' || s === 'all') return [...all];
  const upper = s.toUpperCase();
  return all.filter((c) => c.meta.id === upper || c.meta.slug === s || c.meta.aliases.includes(s) || c.meta.aliases.includes(upper));
}

function findCheck(all: readonly Check<unknown>[], idOrSlug: string): Check<unknown> | undefined {
  const hits = resolveSelector(all, idOrSlug);
  return hits.length === 1 ? hits[0] : undefined;
}

/**
 * Applies the config (and command-line overrides) to the library: which checks run, with which options and severity.
 * Every unknown selector and every invalid option set is an issue located in the config file.
 */
export function selectChecks(
  all: readonly Check<unknown>[],
  loaded: LoadedConfig,
  overrides: SelectionOverrides = {},
  cliLocation: Location = { path: '(command line)', startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
): { ok: true; value: ActiveCheck[] } | { ok: false; issues: ConfigIssue[] } {
  const cfg = loaded.config.checks;
  const issues: ConfigIssue[] = [];
  const enabled = new Set(all.filter((c) => c.meta.defaultEnabled).map((c) => c.meta.id));

  const apply = (list: string[], on: boolean, where: (i: number) => Location, label: string): void => {
    list.forEach((sel, i) => {
      const hits = resolveSelector(all, sel);
      if (hits.length === 0) issues.push({ message: `${label}: unknown check or category "${sel}" (see \`palisade checks list\`)`, location: where(i) });
      for (const c of hits) {
        if (on) enabled.add(c.meta.id);
        else enabled.delete(c.meta.id);
      }
    });
  };

  // Configuring an opt-in check's options turns it on: nobody sets allowedRegistries to have it ignored.
  const options = new Map<string, unknown>();
  for (const [key, value] of Object.entries(cfg.options)) {
    const c = findCheck(all, key);
    if (!c) {
      issues.push({ message: `checks.options: unknown check "${key}"`, location: loaded.locate(['checks', 'options', key]) });
      continue;
    }
    if (!c.options) {
      issues.push({ message: `checks.options: check ${c.meta.id} (${c.meta.slug}) takes no options`, location: loaded.locate(['checks', 'options', key]) });
      continue;
    }
    const parsed = c.options.safeParse(value ?? {});
    if (!parsed.success) {
      for (const iss of parsed.error.issues) {
        const sub = iss.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
        issues.push({
          message: `checks.options.${key}${sub.length ? '.' + sub.join('.') : ''}: ${iss.message}`,
          location: loaded.locate(['checks', 'options', key, ...sub]),
        });
      }
      continue;
    }
    options.set(c.meta.id, parsed.data);
    enabled.add(c.meta.id);
  }

  apply(cfg.enable, true, (i) => loaded.locate(['checks', 'enable', i]), 'checks.enable');
  apply(cfg.disable, false, (i) => loaded.locate(['checks', 'disable', i]), 'checks.disable');
  apply(overrides.enable ?? [], true, () => cliLocation, '--enable');
  apply(overrides.disable ?? [], false, () => cliLocation, '--disable');

  const severity = new Map<string, Severity>();
  for (const [key, sev] of Object.entries(cfg.severity)) {
    const hits = resolveSelector(all, key);
    if (hits.length === 0) issues.push({ message: `checks.severity: unknown check or category "${key}"`, location: loaded.locate(['checks', 'severity', key]) });
    for (const c of hits) severity.set(c.meta.id, sev);
  }

  if (issues.length > 0) return { ok: false, issues };
  const active: ActiveCheck[] = [];
  for (const c of all) {
    if (!enabled.has(c.meta.id)) continue;
    let opts: unknown = options.get(c.meta.id);
    if (opts === undefined && c.options) opts = c.options.parse({});
    active.push({ check: c, options: opts ?? {}, severity: severity.get(c.meta.id) ?? c.meta.severity });
  }
  return { ok: true, value: active };
}
