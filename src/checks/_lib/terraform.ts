/**
 * Helpers for Terraform checks. A Terraform object's `value` is the resource body evaluated to plain data:
 * attributes as JSON values, nested blocks ALWAYS as arrays of objects under the block type
 * (`versioning { enabled = true }` → `value.versioning = [{ enabled: true }]`), and anything only known after apply
 * (resource attributes, data sources, variables without a value, unsupported functions) as an {@link Unknown}.
 * An unknown is never a guess: a check that cannot decide on an unknown value reports nothing.
 *
 * Object names are full addresses: `aws_s3_bucket.logs`, `aws_s3_bucket.logs[0]`, `aws_s3_bucket.logs["a"]`,
 * `module.net.aws_subnet.private[1]`; `kind` is the resource type, `apiVersion` the provider (`aws`). Data sources are
 * objects too, of kind `data.<type>` (`data.aws_iam_policy_document`) and name `data.<type>.<name>`.
 */
import type { ConfigObject } from '../../core/config-object.js';
import { isUnknown, Unknown, unknownFrom } from '../../parsers/terraform/values.js';
import type { ObjectIndex } from './object-index.js';

export { isUnknown, Unknown };

type Rec = Record<string, unknown>;

function isRec(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v);
}

/**
 * The addresses an unknown value was computed from (`bucket = aws_s3_bucket.b.id` → `['aws_s3_bucket.b']`;
 * `aws_s3_bucket.b[0].arn` → `['aws_s3_bucket.b[0]']`; data sources as `data.<type>.<name>`). For a list or object,
 * the addresses of every unknown inside it. Empty for known values and for unknowns from variables or functions.
 */
export function refsOf(v: unknown): readonly string[] {
  if (isUnknown(v)) return v.refs;
  if (Array.isArray(v) || isRec(v)) return unknownFrom(v).refs;
  return [];
}

/**
 * Safe getter: `attr(obj.value, 'server_side_encryption_configuration', 0, 'rule', 0, 'apply_server_side_encryption_by_default')`.
 * Undefined when any step is missing, or when it would step into an unknown (check `isUnknown` on the parent if that matters).
 * An index 0 on an object returns the object: `.tf.json` may write a single nested block as an object instead of a list.
 */
export function attr(value: unknown, ...path: (string | number)[]): unknown {
  let cur = value;
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (Array.isArray(cur)) cur = cur[seg];
      else if (seg === 0 && isRec(cur)) continue;
      else return undefined;
    } else if (isRec(cur)) cur = Object.prototype.hasOwnProperty.call(cur, seg) ? cur[seg] : undefined;
    else return undefined;
  }
  return cur;
}

/**
 * The nested blocks `name` of a resource or block value, always as a list of objects (`[]` when absent).
 * Tolerates a single object (`.tf.json`); unknown entries (a `dynamic` block over an unknown collection still yields
 * one block of unknowns, so nothing is skipped silently) stay objects.
 */
export function blocks(value: unknown, name: string): Rec[] {
  const v = isRec(value) ? value[name] : undefined;
  if (Array.isArray(v)) return v.filter(isRec);
  if (isRec(v)) return [v];
  return [];
}

/** Explicitly true (`true` or `"true"`); false for unknown, absent or anything else. */
export function isTrue(v: unknown): boolean {
  return v === true || v === 'true';
}

/** Explicitly false (`false` or `"false"`); false for unknown and absent. */
export function isFalse(v: unknown): boolean {
  return v === false || v === 'false';
}

/** `aws_s3_bucket.b[0]` → `aws_s3_bucket.b`; `module.m["x"].aws_s3_bucket.b` keeps the module key. */
export function withoutInstanceKey(address: string): string {
  return address.replace(/\[[^\]]*\]$/, '');
}

function refMatches(ref: string, address: string): boolean {
  if (ref === address) return true;
  // A reference without an instance key covers every instance (`aws_s3_bucket.b[*].id`, or a count we could not expand).
  if (ref === withoutInstanceKey(address)) return true;
  // The target was emitted without a key (its count/for_each was unknown): any instance reference points at it.
  return withoutInstanceKey(ref) === address;
}

/** Attributes that hold a resource's user-chosen name, which other resources may repeat as a literal. */
const NAME_ATTRIBUTES = ['id', 'name', 'bucket', 'arn'] as const;

/** Literal identifiers of a resource: its `id`/`name`/`bucket`/`arn` attributes when they are known strings. */
export function literalNamesOf(target: ConfigObject): string[] {
  const out: string[] = [];
  for (const a of NAME_ATTRIBUTES) {
    const v = target.value[a];
    if (typeof v === 'string' && v !== '') out.push(v);
  }
  return out;
}

/**
 * True when `v` designates the resource `target`: an unknown computed from it (`aws_s3_bucket.b.id`), or — when
 * `target` is an object — a literal equal to one of its known name attributes (`bucket = "my-logs"`).
 * `target` may be an address string; then only references count.
 */
export function refersTo(v: unknown, target: string | ConfigObject): boolean {
  const address = typeof target === 'string' ? target : target.name;
  for (const r of refsOf(v)) if (refMatches(r, address)) return true;
  if (typeof target !== 'string' && typeof v === 'string' && v !== '') return literalNamesOf(target).includes(v);
  return false;
}

/**
 * Resources of `kind` whose attribute `attrName` refers to `target` (by reference or by the target's literal name),
 * e.g. `relatedResources(ctx.index, 'aws_s3_bucket_versioning', 'bucket', bucket)`. Memoised per scan.
 */
export function relatedResources(index: ObjectIndex, kind: string, attrName: string, target: ConfigObject): ConfigObject[] {
  const table = index.memo(`terraform:related:${kind}:${attrName}`, () => {
    const byRef = new Map<string, ConfigObject[]>();
    const byLiteral = new Map<string, ConfigObject[]>();
    const add = (m: Map<string, ConfigObject[]>, k: string, o: ConfigObject): void => {
      const list = m.get(k);
      if (!list) m.set(k, [o]);
      else if (!list.includes(o)) list.push(o);
    };
    for (const o of index.ofKind(kind)) {
      if (o.target !== 'terraform') continue;
      const v = o.value[attrName];
      for (const r of refsOf(v)) {
        add(byRef, r, o);
        const bare = withoutInstanceKey(r);
        if (bare !== r) add(byRef, bare, o);
      }
      if (typeof v === 'string' && v !== '') add(byLiteral, v, o);
    }
    return { byRef, byLiteral };
  });
  const out: ConfigObject[] = [];
  const push = (list: ConfigObject[] | undefined): void => {
    for (const o of list ?? []) if (!out.includes(o)) out.push(o);
  };
  push(table.byRef.get(target.name));
  const bare = withoutInstanceKey(target.name);
  if (bare !== target.name) {
    // References without a key (`aws_s3_bucket.b[*].id`) cover every instance; keyed ones only their own.
    for (const o of table.byRef.get(bare) ?? []) {
      if (out.includes(o)) continue;
      if (refsOf(o.value[attrName]).some((r) => refMatches(r, target.name))) out.push(o);
    }
  }
  for (const n of literalNamesOf(target)) push(table.byLiteral.get(n));
  return out;
}

/** The provider of a Terraform object (`aws`, `google`, `azurerm`, `kubernetes`), or '' for other targets. */
export function providerOf(obj: Pick<ConfigObject, 'target' | 'apiVersion' | 'derivedFrom'>): string {
  if (obj.target === 'terraform') return obj.apiVersion;
  if (obj.derivedFrom?.target === 'terraform') return obj.derivedFrom.kind.split('_')[0] ?? '';
  return '';
}

/** The module path of a Terraform object: '' for the root module, `module.net` (or `module.net.module.sub`). */
export function moduleOf(obj: ConfigObject): string {
  return obj.annotations['terraform.io/module'] ?? '';
}
