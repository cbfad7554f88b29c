import type { DataPath } from '../../core/location.js';
import { isUnknown } from './terraform.js';

/**
 * Helpers shared by the GCP and Azure Terraform checks: tri-state reads of evaluated attributes (a value Terraform only
 * knows at apply time is neither secure nor insecure), nested blocks with their data paths, CIDR / port matching for
 * firewall rules, and IAM member lists. Generic resource lookups live in ./terraform.ts.
 */

export type Obj = Record<string, unknown>;

/** A nested block instance with the data path that locates it in the resource (`['node_config', 0]`). */
export interface BlockAt {
  block: Obj;
  path: DataPath;
}

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v);
}

/**
 * Instances of a nested block (`versioning { … }` → value.versioning = [{…}]). `unknown` is true when the block list
 * itself cannot be known (a `dynamic` block over an unknown collection): callers must not treat that as "missing".
 */
export function blocksAt(value: unknown, name: string, base: DataPath = []): { items: BlockAt[]; unknown: boolean } {
  if (!isObj(value)) return { items: [], unknown: isUnknown(value) };
  const raw = value[name];
  if (raw === undefined || raw === null) return { items: [], unknown: false };
  if (isUnknown(raw)) return { items: [], unknown: true };
  // Attribute-style objects (`labels = {…}` or a block written as an object in .tf.json) count as one instance.
  if (isObj(raw)) return { items: [{ block: raw, path: [...base, name] }], unknown: false };
  if (!Array.isArray(raw)) return { items: [], unknown: false };
  const items: BlockAt[] = [];
  let unknown = false;
  raw.forEach((b, i) => {
    if (isObj(b)) items.push({ block: b, path: [...base, name, i] });
    else if (isUnknown(b)) unknown = true;
  });
  return { items, unknown };
}

/** First instance of a nested block, or undefined (check `blocksAt(...).unknown` when the difference matters). */
export function firstBlock(value: unknown, name: string, base: DataPath = []): BlockAt | undefined {
  return blocksAt(value, name, base).items[0];
}

export type Tri = true | false | 'unknown' | 'unset';

/** A boolean attribute as Terraform would coerce it: `true`, `"true"`; unknown values stay unknown. */
export function boolOf(v: unknown): Tri {
  if (v === undefined || v === null) return 'unset';
  if (isUnknown(v)) return 'unknown';
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (s === 'true') return true;
    if (s === 'false') return false;
  }
  // A string that is not a boolean (an interpolation the evaluator kept as text) cannot be judged.
  return 'unknown';
}

/** A string attribute, or undefined when unset; `null` when it is unknown. */
export function strOf(v: unknown): string | undefined | null {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/** Elements of a list attribute with their index; a single string counts as a one-element list. */
export function listOf(v: unknown): { items: { value: unknown; index: number | undefined }[]; unknown: boolean } {
  if (v === undefined || v === null) return { items: [], unknown: false };
  if (isUnknown(v)) return { items: [], unknown: true };
  if (Array.isArray(v)) return { items: v.map((value, index) => ({ value, index })), unknown: false };
  return { items: [{ value: v, index: undefined }], unknown: false };
}

/** Source addresses meaning "anyone on the internet" in GCP firewall rules and Azure NSG rules. */
export function isAnySource(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const s = v.trim().toLowerCase();
  return s === '0.0.0.0/0' || s === '::/0' || s === '*' || s === '0.0.0.0' || s === 'internet' || s === 'any' || s === '::0/0';
}

/**
 * Whether a port spec covers `port`: `22`, `"22"`, `"20-25"`, `"*"`, `"0-65535"`. Unknown or unparsable specs are
 * 'unknown' so a check never guesses.
 */
export function portSpecIncludes(spec: unknown, port: number): boolean | 'unknown' {
  if (isUnknown(spec)) return 'unknown';
  if (typeof spec === 'number') return spec === port;
  if (typeof spec !== 'string') return 'unknown';
  const s = spec.trim();
  if (s === '*') return true;
  const m = /^(\d+)\s*(?:-\s*(\d+))?$/.exec(s);
  if (!m) return 'unknown';
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  return lo <= port && port <= hi;
}

/** Whether a port spec opens every port (`*`, `0-65535`, `1-65535`). */
export function portSpecIsAll(spec: unknown): boolean {
  if (typeof spec !== 'string') return false;
  const s = spec.trim();
  return s === '*' || /^[01]\s*-\s*65535$/.test(s);
}

/** Members of a GCP IAM resource: `member = "…"` (…_iam_member) or `members = [...]` (…_iam_binding). */
export function iamMembers(value: Obj): { member: string; path: DataPath }[] {
  const out: { member: string; path: DataPath }[] = [];
  if (typeof value.member === 'string') out.push({ member: value.member, path: ['member'] });
  const list = listOf(value.members);
  for (const { value: m, index } of list.items) {
    if (typeof m === 'string') out.push({ member: m, path: index === undefined ? ['members'] : ['members', index] });
  }
  return out;
}

/** `allUsers` / `allAuthenticatedUsers`: anyone on the internet, or anyone with any Google account. */
export function isPublicGcpMember(member: string): boolean {
  const m = member.trim();
  return m === 'allUsers' || m === 'allAuthenticatedUsers';
}

/** A key of a `metadata = { … }` map (GCE instance metadata), as a string; null when unknown, undefined when unset. */
export function metadataValue(value: Obj, key: string): string | undefined | null {
  const md = value.metadata;
  if (md === undefined || md === null) return undefined;
  if (!isObj(md)) return null;
  return strOf(md[key]);
}

/** GCE metadata booleans accept `TRUE`, `true`, `1`, `y`, `yes` (and their negatives), case-insensitively. */
export function metadataBool(v: string | undefined | null): Tri {
  if (v === undefined) return 'unset';
  if (v === null) return 'unknown';
  const s = v.trim().toLowerCase();
  if (['true', '1', 'y', 'yes', 'on'].includes(s)) return true;
  if (['false', '0', 'n', 'no', 'off'].includes(s)) return false;
  return 'unknown';
}

/** Parses Terraform duration strings used by GCP (`"7776000s"`, `"100000.5s"`) into seconds. */
export function durationSeconds(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)s\s*$/.exec(v);
  return m ? Number(m[1]) : undefined;
}

/** Where a GKE node configuration applies: its block (undefined when the block is absent) and the path it has or belongs at. */
export interface GkeNodeConfig {
  nodeConfig: Obj | undefined;
  path: DataPath;
  /** `default pool`, `node pool "x"` — for messages. */
  label: string;
}

/**
 * The node configurations a GKE resource defines: a `google_container_node_pool`'s `node_config`, or for a
 * `google_container_cluster` its inline `node_pool` blocks, or its default pool's `node_config` unless the default pool
 * is removed. Autopilot clusters manage nodes themselves and yield nothing; unknown (dynamic) pools are skipped.
 */
export function gkeNodeConfigs(kind: string, value: Obj): GkeNodeConfig[] {
  const configOf = (holder: Obj, base: DataPath, label: string): GkeNodeConfig => {
    const nc = firstBlock(holder, 'node_config', base);
    return nc ? { nodeConfig: nc.block, path: nc.path, label } : { nodeConfig: undefined, path: base, label };
  };
  if (kind === 'google_container_node_pool') {
    if (blocksAt(value, 'node_config').unknown) return [];
    return [configOf(value, [], 'node pool')];
  }
  if (kind !== 'google_container_cluster') return [];
  if (boolOf(value.enable_autopilot) !== false && boolOf(value.enable_autopilot) !== 'unset') return [];
  const pools = blocksAt(value, 'node_pool');
  if (pools.unknown) return [];
  if (pools.items.length > 0) {
    return pools.items
      .filter((p) => !blocksAt(p.block, 'node_config').unknown)
      .map((p) => configOf(p.block, p.path, `node pool "${strOf(p.block.name) ?? String(p.path[1])}"`));
  }
  const removed = boolOf(value.remove_default_node_pool);
  if (removed === true || removed === 'unknown') return [];
  if (blocksAt(value, 'node_config').unknown) return [];
  return [configOf(value, [], 'default node pool')];
}

/** True when a GKE cluster runs in Autopilot mode (or cannot be told apart from it). */
export function gkeAutopilot(value: Obj): boolean {
  const a = boolOf(value.enable_autopilot);
  return a === true || a === 'unknown';
}

/** Azure App Service resource types, azurerm 3.x/4.x and the deprecated 2.x ones. */
export const AZURE_APP_SERVICE_KINDS = [
  'azurerm_linux_web_app',
  'azurerm_windows_web_app',
  'azurerm_linux_function_app',
  'azurerm_windows_function_app',
  'azurerm_app_service',
  'azurerm_function_app',
] as const;
