/**
 * Compose variable interpolation (`$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?err}`, `${VAR?err}`,
 * `${VAR:+alt}`, `${VAR+alt}`, nested `${A:-${B}}`, `$$`), as compose-go's template package reads it. Written here
 * rather than taken from a dotenv/template package because none on npm follows compose's rules (nested defaults, `$$`,
 * the `?`/`+` forms, and a plain `$` followed by anything else staying literal) and we need to know which variables
 * were unset so that checks can tell a literal from a reference.
 */

import type { DataPath } from '../../core/location.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface TemplateResult {
  value: string;
  /** Variables that were unset and had no default: compose substitutes '' and warns. */
  unset: string[];
  /** `${VAR:?message}` / `${VAR?message}` with the variable missing, and malformed templates. */
  errors: string[];
  /** True when the string held at least one substitution (so the result is not what the file says). */
  substituted: boolean;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/** Index of the `}` closing a `${` whose body starts at `from`, counting nested `${…}`; -1 when unclosed. */
function closingBrace(s: string, from: number): number {
  let depth = 1;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '$' && s[i + 1] === '$') {
      i++;
      continue;
    }
    if (c === '$' && s[i + 1] === '{') {
      depth++;
      i++;
      continue;
    }
    if (c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

const MAX_NESTING = 32;

/** Substitutes the variables of one string. Pure: `env` is all it reads. */
export function interpolateString(s: string, env: Env, nesting = 0): TemplateResult {
  const out: TemplateResult = { value: '', unset: [], errors: [], substituted: false };
  if (!s.includes('$')) {
    out.value = s;
    return out;
  }
  if (nesting > MAX_NESTING) {
    out.value = s;
    out.errors.push(`Invalid template: substitutions nest deeper than ${MAX_NESTING} levels`);
    return out;
  }
  let value = '';
  let i = 0;
  while (i < s.length) {
    const dollar = s.indexOf('$', i);
    if (dollar === -1) {
      value += s.slice(i);
      break;
    }
    value += s.slice(i, dollar);
    const next = s[dollar + 1];
    if (next === '$') {
      value += '$';
      i = dollar + 2;
      continue;
    }
    if (next !== undefined && NAME_START.test(next)) {
      let j = dollar + 2;
      while (j < s.length && NAME_CHAR.test(s[j]!)) j++;
      const name = s.slice(dollar + 1, j);
      out.substituted = true;
      const v = env[name];
      if (v === undefined) out.unset.push(name);
      value += v ?? '';
      i = j;
      continue;
    }
    if (next !== '{') {
      // `$1`, `$ `, a trailing `$`: compose leaves them as they are.
      value += '$';
      i = dollar + 1;
      continue;
    }
    const close = closingBrace(s, dollar + 2);
    const body = close === -1 ? '' : s.slice(dollar + 2, close);
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/.exec(body);
    if (close === -1 || !m) {
      // Only the substitution is quoted back, never the whole value (values can be secrets).
      out.errors.push(close === -1 ? 'Invalid template: a "${" is not closed' : `Invalid template: "\${${body.length > 40 ? `${body.slice(0, 40)}…` : body}}" is not a valid substitution`);
      value += close === -1 ? s.slice(dollar) : s.slice(dollar, close + 1);
      i = close === -1 ? s.length : close + 1;
      continue;
    }
    out.substituted = true;
    const name = m[1]!;
    const op = m[2];
    const arg = m[3] ?? '';
    const v = env[name];
    const set = v !== undefined;
    const nonEmpty = set && v !== '';
    const nested = (t: string): string => {
      const r = interpolateString(t, env, nesting + 1);
      out.unset.push(...r.unset);
      out.errors.push(...r.errors);
      return r.value;
    };
    switch (op) {
      case undefined:
        if (!set) out.unset.push(name);
        value += v ?? '';
        break;
      case ':-':
        value += nonEmpty ? v : nested(arg);
        break;
      case '-':
        value += set ? v : nested(arg);
        break;
      case ':?':
        if (!nonEmpty) out.errors.push(`required variable ${name} is missing a value${arg ? `: ${nested(arg)}` : ''}`);
        value += v ?? '';
        break;
      case '?':
        if (!set) out.errors.push(`required variable ${name} is missing a value${arg ? `: ${nested(arg)}` : ''}`);
        value += v ?? '';
        break;
      case ':+':
        value += nonEmpty ? nested(arg) : '';
        break;
      case '+':
        value += set ? nested(arg) : '';
        break;
    }
    i = close + 1;
  }
  out.value = value;
  return out;
}

/** Where an interpolated scalar came from: the text as written and the variables it left unset. */
export interface ScalarOrigin {
  raw: string;
  unset: readonly string[];
}

/**
 * Interpolated scalars, keyed by their parent container and key. Kept beside the plain data (not in it) so that
 * `ConfigObject.value` stays what compose would run, while checks can still ask whether a value was a reference.
 */
const scalarOrigins = new WeakMap<object, Map<string | number, ScalarOrigin>>();

export function setScalarOrigin(container: object, key: string | number, origin: ScalarOrigin): void {
  let m = scalarOrigins.get(container);
  if (!m) {
    m = new Map();
    scalarOrigins.set(container, m);
  }
  m.set(key, origin);
}

export function scalarOriginIn(container: object, key: string | number): ScalarOrigin | undefined {
  return scalarOrigins.get(container)?.get(key);
}

/** Copies what is known of `from[fromKey]` to `to[toKey]` (merging builds new containers). */
export function carryScalarOrigin(from: object, fromKey: string | number, to: object, toKey: string | number, map?: (o: ScalarOrigin) => ScalarOrigin): void {
  const o = scalarOriginIn(from, fromKey);
  if (o) setScalarOrigin(to, toKey, map ? map(o) : o);
}

/** Where the value at `path` (from `root`) came from, when interpolation produced it. */
export function scalarOriginAt(root: unknown, path: DataPath): ScalarOrigin | undefined {
  if (path.length === 0) return undefined;
  let cur: unknown = root;
  for (let i = 0; i < path.length - 1; i++) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string | number, unknown>)[path[i]!];
  }
  if (typeof cur !== 'object' || cur === null) return undefined;
  return scalarOriginIn(cur, path[path.length - 1]!);
}

/** compose-go's boolean reading of an interpolated string (`y`, `yes`, `true`, `on` and their opposites). */
function toBoolean(s: string): boolean | undefined {
  const v = s.trim().toLowerCase();
  if (v === 'y' || v === 'yes' || v === 'true' || v === 'on') return true;
  if (v === 'n' || v === 'no' || v === 'false' || v === 'off') return false;
  return undefined;
}

/**
 * Service fields compose casts from strings after interpolation (booleans and integers), so `privileged: ${P}` and
 * `read_only: "true"` read as booleans.
 */
const BOOLEAN_FIELDS = new Set(['privileged', 'read_only', 'init', 'tty', 'stdin_open', 'oom_kill_disable', 'healthcheck.disable', 'build.no_cache', 'build.pull', 'build.privileged']);
const INTEGER_FIELDS = new Set(['pids_limit', 'deploy.resources.limits.pids', 'deploy.replicas', 'scale', 'oom_score_adj', 'cpu_shares', 'healthcheck.retries']);

function castServiceField(relPath: string, s: string): unknown {
  if (BOOLEAN_FIELDS.has(relPath)) return toBoolean(s) ?? s;
  if (INTEGER_FIELDS.has(relPath) && /^-?\d+$/.test(s.trim())) return Number(s.trim());
  return s;
}

export interface InterpolationIssue {
  kind: 'unset' | 'error';
  message: string;
  path: DataPath;
  variable?: string;
}

/** First segments (after `services.<name>`) of the fields in BOOLEAN_FIELDS / INTEGER_FIELDS, to skip the rest cheaply. */
const CAST_ROOTS = new Set([...BOOLEAN_FIELDS, ...INTEGER_FIELDS].map((f) => f.split('.')[0]!));

/**
 * Interpolates every string scalar of a compose document in place (keys are left alone, as compose does) and casts the
 * typed service fields. The value must be the caller's own (fresh from the parser). Containers shared through YAML
 * aliases are visited once, so an aliased document costs no more than the parser already allowed; issues are located
 * at the first path that reaches them.
 */
export function interpolateDocument(doc: unknown, env: Env, onIssue: (i: InterpolationIssue) => void): unknown {
  if (typeof doc !== 'object' || doc === null) return doc;
  const seen = new Set<object>();
  const path: (string | number)[] = [];
  const scalar = (s: string, container: Record<string | number, unknown>, key: string | number): void => {
    let value: string = s;
    if (s.includes('$')) {
      const r = interpolateString(s, env);
      const unset = r.unset.length > 0 ? [...new Set(r.unset)] : [];
      for (const name of unset) onIssue({ kind: 'unset', variable: name, message: `The "${name}" variable is not set. Defaulting to a blank string.`, path: [...path] });
      for (const e of r.errors) onIssue({ kind: 'error', message: e, path: [...path] });
      if (r.substituted) setScalarOrigin(container, key, { raw: s, unset });
      value = r.value;
    }
    const cast = path.length >= 3 && path[0] === 'services' && CAST_ROOTS.has(String(path[2])) ? castServiceField(path.slice(2).join('.'), value) : value;
    if (cast !== s) container[key] = cast;
  };
  const visit = (container: Record<string | number, unknown>, key: string | number): void => {
    const item = container[key];
    path.push(key);
    if (typeof item === 'string') scalar(item, container, key);
    else if (typeof item === 'object' && item !== null) walk(item);
    path.pop();
  };
  const walk = (v: object): void => {
    if (seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) visit(v as unknown as Record<number, unknown>, i);
    else for (const k of Object.keys(v)) visit(v as Record<string, unknown>, k);
  };
  walk(doc);
  return doc;
}
