/**
 * `terraform show -json` output (plans, and state): one ConfigObject per resource of `planned_values` (or `values` for
 * state), root and child modules, with the same model as HCL resources. Values the plan marks in `after_unknown` become
 * unknowns that carry the references the configuration section records, so relation checks work on plans too.
 * Positions come from the YAML front end's source map of the plan (JSON is YAML): a finding points at the attribute's
 * key in the plan file, looked up only when a finding needs it.
 */
import type { ConfigObject, SourceLocator } from '../../core/config-object.js';
import { fileLocation, type DataPath } from '../../core/location.js';
import { parseYamlDocuments } from '../k8s-yaml/index.js';
import type { FormatIssue, ParsedObjects } from '../types.js';
import { kubernetesObjectFor } from './kubernetes.js';
import { LineMap } from './lines.js';
import { HclLocator, type SrcNode } from './source-map.js';
import { isPlainObject, Unknown } from './values.js';

type Rec = Record<string, unknown>;

function isRec(v: unknown): v is Rec {
  return isPlainObject(v);
}

/** True for a `terraform show -json` plan or state document. */
export function isTerraformPlan(value: unknown): boolean {
  if (!isRec(value) || typeof value.format_version !== 'string') return false;
  if (isRec(value.planned_values) || Array.isArray(value.resource_changes)) return true;
  return isRec(value.values) && isRec(value.values.root_module);
}

function providerOfType(type: string): string {
  const i = type.indexOf('_');
  return i === -1 ? type : type.slice(0, i);
}

/** Marks `after_unknown` paths of a value as unknowns (with refs for top-level attributes). */
function applyUnknown(value: unknown, unknown: unknown, refs: (attr: string) => string[], top: boolean, depth: number): unknown {
  if (unknown === true) return new Unknown([]);
  if (depth > 64) return value;
  if (Array.isArray(unknown)) {
    const arr = Array.isArray(value) ? [...(value as unknown[])] : [];
    unknown.forEach((u, i) => {
      if (u === true || isRec(u) || Array.isArray(u)) arr[i] = u === true ? new Unknown([]) : applyUnknown(arr[i], u, refs, false, depth + 1);
    });
    return arr;
  }
  if (isRec(unknown)) {
    const out: Rec = isRec(value) ? { ...value } : {};
    for (const [k, u] of Object.entries(unknown)) {
      if (u === true) out[k] = new Unknown(top ? refs(k) : []);
      else if (isRec(u) || Array.isArray(u)) out[k] = applyUnknown(out[k], u, refs, false, depth + 1);
    }
    return out;
  }
  return value;
}

/** `aws_s3_bucket.b.id` → `aws_s3_bucket.b`; `data.x.y.z` → `data.x.y`; keeps `[0]` keys; other references are not addresses. */
function addressOfReference(ref: string): string | undefined {
  const m = /^(data\.)?([a-z][a-z0-9_-]*)\.([A-Za-z_][\w-]*)((?:\[[^\]]*\])?)/.exec(ref);
  if (!m) return undefined;
  if (['var', 'local', 'module', 'each', 'count', 'path', 'terraform', 'self'].includes(m[2]!) && !m[1]) return undefined;
  return `${m[1] ?? ''}${m[2]}.${m[3]}${m[4] ?? ''}`;
}

/** Configuration of each module address: resource address (without instance key) → attribute → references. */
function referencesByResource(config: unknown): Map<string, Map<string, string[]>> {
  const out = new Map<string, Map<string, string[]>>();
  const walk = (mod: unknown, prefix: string, depth: number): void => {
    if (!isRec(mod) || depth > 32) return;
    for (const r of Array.isArray(mod.resources) ? mod.resources : []) {
      if (!isRec(r) || typeof r.address !== 'string' || !isRec(r.expressions)) continue;
      const attrs = new Map<string, string[]>();
      for (const [k, e] of Object.entries(r.expressions)) {
        if (!isRec(e) || !Array.isArray(e.references)) continue;
        const refs = new Set<string>();
        for (const ref of e.references) {
          if (typeof ref !== 'string') continue;
          const a = addressOfReference(ref);
          if (a) refs.add(prefix + a);
        }
        if (refs.size > 0) attrs.set(k, [...refs]);
      }
      out.set(prefix + r.address, attrs);
    }
    if (isRec(mod.module_calls)) for (const [name, call] of Object.entries(mod.module_calls)) if (isRec(call)) walk(call.module, `${prefix}module.${name}.`, depth + 1);
  };
  if (isRec(config)) walk(config.root_module, '', 0);
  return out;
}

/** The resources of a plan's `planned_values` (root and child modules), located in the plan JSON. */
export function parseTerraformPlan(value: unknown, text: string, display: string): ParsedObjects {
  const errors: FormatIssue[] = [];
  const objects: ConfigObject[] = [];
  const lines = new LineMap(text, display);
  const parsed = parseYamlDocuments(text, display);
  for (const e of parsed.errors) errors.push({ code: 'json-syntax', message: e.message, location: e.location });
  const locator: SourceLocator | undefined = parsed.errors.length === 0 ? parsed.documents[0]?.source : undefined;
  if (!isRec(value)) return { objects, errors, warnings: [] };
  const changes = new Map<string, Rec>();
  for (const c of Array.isArray(value.resource_changes) ? value.resource_changes : []) if (isRec(c) && typeof c.address === 'string' && isRec(c.change)) changes.set(c.address, c.change);
  const refsByResource = referencesByResource(value.configuration);
  const plannedKey = isRec(value.planned_values) ? 'planned_values' : isRec(value.values) ? 'values' : undefined;
  if (!plannedKey) {
    return { objects, errors, warnings: [{ code: 'terraform-plan', message: 'the plan has no planned_values: nothing to check', location: fileLocation(display) }] };
  }
  const planned = value[plannedKey] as Rec;

  const walk = (mod: unknown, modPath: DataPath, depth: number): void => {
    if (!isRec(mod) || depth > 32) return;
    const modAddress = typeof mod.address === 'string' ? mod.address : '';
    const resources = Array.isArray(mod.resources) ? mod.resources : [];
    resources.forEach((r, i) => {
      if (!isRec(r) || typeof r.address !== 'string' || typeof r.type !== 'string') return;
      const resPath = [...modPath, 'resources', i];
      // The resource entry locates the object; its attributes are looked up under `values` when a finding needs one.
      const root: SrcNode = locator ? { s: 0, e: 0, loc: locator.locate(resPath), doc: { locator, path: [...resPath, 'values'] } } : { s: 0, e: 0, loc: fileLocation(display) };
      const base = r.address.replace(/\[[^\]]*\]$/, '');
      const attrRefs = refsByResource.get(base.replace(/(module\.[^.]+)\[[^\]]*\]/g, '$1'));
      const change = changes.get(r.address);
      let values: unknown = isRec(r.values) ? r.values : {};
      if (change && change.after_unknown !== undefined) values = applyUnknown(values, change.after_unknown, (k) => attrRefs?.get(k) ?? [], true, 0);
      // As in HCL, an attribute that is null is an attribute not set.
      const clean: Rec = {};
      for (const [k, v] of Object.entries(values as Rec)) if (v !== null) clean[k] = v;
      const mode = r.mode === 'data' ? 'data' : 'managed';
      const obj: ConfigObject = {
        target: 'terraform',
        apiVersion: providerOfType(r.type),
        kind: mode === 'data' ? `data.${r.type}` : r.type,
        name: r.address,
        namespace: '',
        labels: {},
        annotations: { 'terraform.io/module': modAddress, 'terraform.io/name': typeof r.name === 'string' ? r.name : '' },
        value: clean,
        file: display,
        docIndex: 0,
        basePath: [],
        source: new HclLocator(lines, root),
        docText: () => '',
        inlineSuppressions: [],
      };
      objects.push(obj);
      if (mode === 'managed') {
        const k8s = kubernetesObjectFor(obj, root, lines);
        if (k8s) objects.push(k8s);
      }
    });
    (Array.isArray(mod.child_modules) ? mod.child_modules : []).forEach((c, i) => walk(c, [...modPath, 'child_modules', i], depth + 1));
  };
  walk(planned.root_module, [plannedKey, 'root_module'], 0);
  return { objects, errors, warnings: [] };
}
