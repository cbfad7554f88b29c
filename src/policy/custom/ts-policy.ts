import { z } from 'zod';
import type { Category } from '../../core/check-meta.js';
import type { CheckTarget, ConfigObject, FindingFix, JsonPatchOperation } from '../../core/config-object.js';
import type { Location } from '../../core/location.js';
import type { Severity } from '../../core/severity.js';
import { checkFromMeta, renderMessage, type CheckContext } from '../../checks/define-check.js';
import type { ObjectIndex } from '../../checks/_lib/object-index.js';
import type { ConfigIssue } from '../located.js';
import type { PeerTool as CorePeerTool } from '../../core/finding.js';
import {
  isPolicy,
  type PeerTool,
  parsePath,
  type PolicyCategory,
  type PolicyContext,
  type PolicyIndex,
  type PolicyObject,
  type PolicySeverity,
  type PolicyTarget,
  type Violation,
  type PathInput,
} from '../sdk.js';
import { buildCustomMeta } from './meta.js';
import type { CompileResult, CompiledPolicy } from './types.js';

// The SDK spells its unions out (its declaration file imports nothing); these fail to compile when they drift apart.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const _sameTargets: Equal<PolicyTarget, CheckTarget> = true;
const _sameSeverities: Equal<PolicySeverity, Severity> = true;
const _sameCategories: Equal<PolicyCategory, Category> = true;
const _samePeerTools: Equal<PeerTool, CorePeerTool> = true;

/** The SDK-only fields of a definition; the rest is custom-policy meta, validated by the shared `buildCustomMeta`. */
const sdkFieldsSchema = z
  .object({
    message: z.string().min(1).optional(),
    options: z.record(z.string(), z.unknown()).optional(),
    validate: z.custom<(object: PolicyObject, ctx: PolicyContext<unknown>) => unknown>((v) => typeof v === 'function', 'validate must be a function (object, ctx) => void'),
  })
  .strict();

type SdkFields = z.output<typeof sdkFieldsSchema>;

const MESSAGE_ID = 'violation';

/**
 * The module's exports → compiled policies. Every export that is a definePolicy() value (or an array of them) counts;
 * other exports (helpers, constants) are ignored. Problems are config issues located in `file`; `sourceText` (when
 * given) lets them point at the line of the policy's ID instead of the top of the file.
 */
export function compileTsPolicies(moduleExports: Readonly<Record<string, unknown>>, file: string, opts: { sourceText?: string; pack?: string } = {}): CompileResult {
  const policies: CompiledPolicy[] = [];
  const issues: ConfigIssue[] = [];
  const seen = new Set<unknown>();
  for (const [name, exported] of Object.entries(moduleExports)) {
    const values = Array.isArray(exported) ? exported : [exported];
    for (const value of values) {
      if (seen.has(value)) continue;
      if (!isPolicy(value)) {
        if (looksLikeDefinition(value)) {
          issues.push({
            message: `export ${name === 'default' ? 'default' : `"${name}"`} looks like a policy but is not wrapped in definePolicy(): write \`export default definePolicy({ … })\` (import { definePolicy } from 'palisade')`,
            location: locate(file, opts.sourceText, (value as { id?: unknown }).id),
          });
        }
        continue;
      }
      seen.add(value);
      const compiled = compileOne(value, file, opts);
      if (compiled.ok) policies.push(compiled.policy);
      else issues.push(...compiled.issues);
    }
  }
  if (policies.length === 0 && issues.length === 0) {
    issues.push({ message: 'exports no policy: write `export default definePolicy({ … })` (import { definePolicy } from \'palisade\')', location: locate(file, undefined, undefined) });
  }
  return { policies, issues };
}

function looksLikeDefinition(v: unknown): boolean {
  return typeof v === 'object' && v !== null && 'id' in v && 'validate' in v;
}

function compileOne(value: object, file: string, opts: { sourceText?: string; pack?: string }): { ok: true; policy: CompiledPolicy } | { ok: false; issues: ConfigIssue[] } {
  const rawId = (value as { id?: unknown }).id;
  const where = locate(file, opts.sourceText, rawId);
  const label = typeof rawId === 'string' ? `policy ${rawId}` : 'policy';
  const toIssues = (error: z.ZodError): ConfigIssue[] =>
    error.issues.map((i) => ({ message: `${label}: ${i.path.length > 0 ? i.path.join('.') + ': ' : ''}${i.message}`, location: where }));
  const { message, options: optionDefaults, validate, ...metaInput } = value as Record<string, unknown>;
  const sdk = sdkFieldsSchema.safeParse({ message, options: optionDefaults, validate });
  // Strict meta: a typo (`severty`, `kind`) is an error rather than a silently ignored key.
  const built = buildCustomMeta({ ...metaInput, messages: { [MESSAGE_ID]: '{{message}}' } });
  const issues = [...(sdk.success ? [] : toIssues(sdk.error)), ...(built.ok ? [] : toIssues(built.error))];
  if (!sdk.success || !built.ok || issues.length > 0) return { ok: false, issues };
  const def = sdk.data;
  const meta = built.meta;
  const options = def.options ? optionsSchema(def.options) : undefined;
  const check = checkFromMeta<unknown>(meta, runner(def, meta.title), options as z.ZodType<unknown> | undefined);
  const policy: CompiledPolicy = { check, kind: 'typescript', file };
  if (opts.pack) policy.pack = opts.pack;
  return { ok: true, policy };
}

/**
 * Options declared as plain defaults become a strict schema: each key keeps its default's type, so `.palisade.yaml`
 * gets the same validation (with file and line) as a built-in check's options without the policy author writing zod.
 */
export function optionsSchema(defaults: Readonly<Record<string, unknown>>): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, d] of Object.entries(defaults)) {
    const fresh = (): unknown => structuredClone(d);
    let base: z.ZodType;
    if (typeof d === 'string') base = z.string();
    else if (typeof d === 'number') base = z.number();
    else if (typeof d === 'boolean') base = z.boolean();
    else if (Array.isArray(d)) base = d.length > 0 && d.every((e) => typeof e === 'string') ? z.array(z.string()) : d.length > 0 && d.every((e) => typeof e === 'number') ? z.array(z.number()) : z.array(z.unknown());
    else if (typeof d === 'object' && d !== null) base = z.record(z.string(), z.unknown());
    else base = z.unknown();
    shape[key] = base.default(fresh as never);
  }
  return z.object(shape).strict() as unknown as z.ZodType<Record<string, unknown>>;
}

/** Turns the SDK's validate(object, ctx) into the engine's run(obj, ctx). */
function runner(def: SdkFields, title: string): (obj: ConfigObject, ctx: CheckContext<unknown>) => void {
  const fallbackMessage = def.message ?? title;
  return (obj, ctx) => {
    const report = (v: Violation): void => {
      if (typeof v !== 'object' || v === null) throw new TypeError('report() takes an object: { path, message }');
      if (v.message !== undefined && typeof v.message !== 'string') throw new TypeError('report(): message must be a string');
      const path = v.path === undefined ? [] : parsePath(v.path);
      const message = renderMessage(v.message ?? fallbackMessage, v.data);
      const fix = v.fix === undefined ? undefined : toFix(v.fix);
      ctx.report({ path, messageId: MESSAGE_ID, data: { message }, ...(fix ? { fix } : {}) });
    };
    const pctx: PolicyContext<unknown> = Object.freeze({ options: readonlyView(ctx.options), index: indexView(ctx.index), report });
    const result: unknown = def.validate(viewOf(obj), pctx);
    if (typeof (result as { then?: unknown } | null)?.then === 'function') {
      // Swallow the rejection we are not going to await, so it does not surface as an unhandled rejection later.
      (result as Promise<unknown>).then(undefined, () => undefined);
      throw new Error('validate() returned a Promise: policies run synchronously (no async, no I/O)');
    }
  };
}

function toFix(f: unknown): FindingFix {
  const bad = (): never => {
    throw new TypeError('report(): fix must be { description: string, patch: [{ op, path, … }] }');
  };
  if (typeof f !== 'object' || f === null) return bad();
  const { description, patch } = f as { description?: unknown; patch?: unknown };
  if (typeof description !== 'string' || !Array.isArray(patch)) return bad();
  const ops = patch.map((op: unknown) => {
    if (typeof op !== 'object' || op === null) return bad();
    const o = op as Record<string, unknown>;
    if (typeof o.path !== 'string' || !o.path.startsWith('/')) return bad();
    if (!['add', 'replace', 'test', 'remove', 'move', 'copy'].includes(String(o.op))) return bad();
    if ((o.op === 'move' || o.op === 'copy') && typeof o.from !== 'string') return bad();
    return structuredClone(o) as unknown as JsonPatchOperation;
  });
  return { description, patch: ops };
}

// Read-only views, cached per underlying object: policies run once per object and many share the same index lookups.
const views = new WeakMap<object, object>();

const readonlyHandler: ProxyHandler<object> = {
  get(target, key) {
    const value: unknown = Reflect.get(target, key);
    if (typeof value !== 'object' || value === null) return value;
    // A Proxy must return a non-configurable, non-writable property's own value unchanged.
    const d = Reflect.getOwnPropertyDescriptor(target, key);
    if (d && !d.configurable && !d.writable) return value;
    return readonlyView(value);
  },
  set(_t, key) {
    throw new TypeError(`policies cannot change the scanned objects (tried to set "${String(key)}"); copy the value first`);
  },
  deleteProperty(_t, key) {
    throw new TypeError(`policies cannot change the scanned objects (tried to delete "${String(key)}")`);
  },
  defineProperty(_t, key) {
    throw new TypeError(`policies cannot change the scanned objects (tried to define "${String(key)}")`);
  },
  setPrototypeOf() {
    throw new TypeError('policies cannot change the scanned objects');
  },
};

/**
 * A read-only view of plain data. A Proxy rather than Object.freeze: the objects belong to the scan (other checks, fixes
 * and waivers read them), and freezing them in place would change them for everyone.
 */
export function readonlyView<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  let view = views.get(value);
  if (!view) {
    view = new Proxy(value, readonlyHandler);
    views.set(value, view);
  }
  return view as T;
}

const objectViews = new WeakMap<ConfigObject, PolicyObject>();

/** The SDK's PolicyObject for an engine object. */
export function viewOf(obj: ConfigObject): PolicyObject {
  let view = objectViews.get(obj);
  if (!view) {
    const value = readonlyView(obj.value);
    view = Object.freeze({
      target: obj.target,
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      name: obj.name,
      namespace: obj.namespace,
      labels: readonlyView(obj.labels),
      annotations: readonlyView(obj.annotations),
      value: value as PolicyObject['value'],
      file: obj.file,
      get: (path: PathInput) => getAt(value, parsePath(path)),
    });
    objectViews.set(obj, view);
  }
  return view;
}

function getAt(root: unknown, path: readonly (string | number)[]): unknown {
  let cur = root;
  for (const seg of path) {
    if (Array.isArray(cur)) {
      if (typeof seg !== 'number') return undefined;
      cur = cur[seg];
    } else if (typeof cur === 'object' && cur !== null && typeof seg === 'string' && Object.hasOwn(cur, seg)) {
      cur = (cur as Record<string, unknown>)[seg];
    } else return undefined;
  }
  return cur;
}

const indexViews = new WeakMap<ObjectIndex, PolicyIndex>();

function indexView(index: ObjectIndex): PolicyIndex {
  let view = indexViews.get(index);
  if (!view) {
    view = Object.freeze({
      ofKind: (...kinds: string[]) => index.memo(`sdk-view:ofKind:${kinds.join('|')}`, () => Object.freeze(index.ofKind(...kinds).map(viewOf))),
      find: (kind: string, name: string, namespace?: string) => {
        const o = index.find(kind, name, namespace);
        return o ? viewOf(o) : undefined;
      },
    });
    indexViews.set(index, view);
  }
  return view;
}

/**
 * esbuild drops the source positions of runtime values, so a definition problem is located at the line where the policy's
 * ID is written (the ID is a string literal in every realistic policy); otherwise at the top of the file.
 */
function locate(file: string, sourceText: string | undefined, id: unknown): Location {
  if (sourceText !== undefined && typeof id === 'string' && id !== '') {
    for (const q of ["'", '"', '`']) {
      const at = sourceText.indexOf(q + id + q);
      if (at >= 0) {
        const before = sourceText.slice(0, at);
        const line = before.split('\n').length;
        const column = at - before.lastIndexOf('\n');
        return { path: file, startLine: line, startColumn: column, endLine: line, endColumn: column + id.length + 2 };
      }
    }
  }
  return { path: file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
}
