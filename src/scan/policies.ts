import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { basename, delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import type { Plugin, build as EsbuildBuild } from 'esbuild';
import type { Location } from '../core/location.js';
import type { Target } from '../core/report.js';
import type { ConfigObject } from '../core/config-object.js';
import type { Check } from '../checks/define-check.js';
import { extractObjects, isRecord, parseYamlDocuments } from '../parsers/k8s-yaml/index.js';
import type { LoadedConfig } from '../policy/config.js';
import type { ConfigIssue } from '../policy/located.js';
import { PACK_MANIFEST, assembleLibrary, parsePackManifest, type Library, type ResolvedPack } from '../policy/packs.js';
import * as sdk from '../policy/sdk.js';
import { compileTsPolicies } from '../policy/custom/ts-policy.js';
import type { CompileResult, CompiledPolicy } from '../policy/custom/types.js';
import { readManifest } from './read.js';
import { toDisplay } from './walk.js';

/** TypeScript/JavaScript policy modules. */
const MODULE_FILE = /\.(ts|mts|js|mjs)$/i;
const YAML_FILE = /\.ya?ml$/i;
/** In a walked folder, modules are entry points only by name: other .ts files are the policies' own helpers. */
const MODULE_ENTRY = /^(policy|.+\.policy)\.(ts|mts|js|mjs)$/i;
/** A YAML file named like this must hold a policy; other YAML in a policy folder may be parameters or unrelated. */
const YAML_ENTRY = /^(policy|.+\.policy)\.ya?ml$/i;
/** Test inputs live here (`palisade policy test`); they are manifests, not policies. */
const SKIP_DIRS = new Set(['node_modules', 'tests', '__tests__']);
const MAX_POLICY_BYTES = 5 * 1024 * 1024;
const MAX_WALK_DEPTH = 32;
const MAX_WALK_FILES = 20_000;
const LOAD_TIMEOUT_MS = 30_000;

/** The environment variable naming the organisation's baseline pack(s), separated like PATH. */
export const BASELINE_ENV = 'PALISADE_BASELINE';

const SDK_GLOBAL = Symbol.for('palisade.sdk/v1');

export interface PolicyLoadOptions {
  cwd: string;
  loaded: LoadedConfig;
  /** Directory of the config file: the base of its `policies:` and `packs:` entries (else cwd). */
  configDir?: string;
  /** `--policy` paths, relative to cwd. */
  policyPaths?: readonly string[];
  env?: Readonly<Record<string, string | undefined>>;
}

export interface LoadedPolicies {
  policies: CompiledPolicy[];
  packs: ResolvedPack[];
  /** Problems that do not stop the scan (a ValidatingAdmissionPolicy without a binding checks nothing). */
  warnings: ConfigIssue[];
}

type Loaded<T> = { ok: true; value: T } | { ok: false; issues: ConfigIssue[] };

const CLI_LOCATION: Location = { path: '(command line)', startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
const ENV_LOCATION: Location = { path: `($${BASELINE_ENV})`, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
const fileStart = (path: string): Location => ({ path, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });

/**
 * The check library of a scan: built-in checks, custom policies from `--policy` and the config's `policies:`, packs from the
 * config's `packs:` and the organisation's $PALISADE_BASELINE, with pack defaults applied. Nothing is loaded (and esbuild is
 * not started) when none of those is set.
 */
export async function customLibrary(builtins: readonly Check<unknown>[], o: PolicyLoadOptions): Promise<Loaded<Library & { warnings: ConfigIssue[] }>> {
  const loaded = await loadCustomPolicies(o);
  if (!loaded.ok) return loaded;
  const { policies, packs, warnings } = loaded.value;
  if (policies.length === 0 && packs.length === 0) return { ok: true, value: { checks: [...builtins], requirements: new Map(), warnings } };
  const library = assembleLibrary(builtins, policies, packs);
  return library.ok ? { ok: true, value: { ...library.value, warnings } } : library;
}

/** Policy warnings as report targets (kind `policy`), one per file, so every output format shows them. */
export function policyTargets(warnings: readonly ConfigIssue[]): Target[] {
  const byPath = new Map<string, Target>();
  for (const w of warnings) {
    let t = byPath.get(w.location.path);
    if (!t) byPath.set(w.location.path, (t = { path: w.location.path, kind: 'policy', resources: 0, skippedDocuments: 0, errors: [], warnings: [] }));
    t.warnings.push({ code: 'policy', message: w.message, location: w.location });
  }
  return [...byPath.values()];
}

export async function loadCustomPolicies(o: PolicyLoadOptions): Promise<Loaded<LoadedPolicies>> {
  const cfg = o.loaded.config;
  const base = o.configDir ?? o.cwd;
  const baseline = (o.env?.[BASELINE_ENV] ?? '').split(delimiter).map((s) => s.trim()).filter(Boolean);
  const paths = o.policyPaths ?? [];
  if (cfg.policies.length === 0 && cfg.packs.length === 0 && paths.length === 0 && baseline.length === 0) return { ok: true, value: { policies: [], packs: [], warnings: [] } };

  const ctx = new LoadContext(o.cwd);
  // Packs first, so a file reached both through a pack and directly keeps its pack (and its baseline status).
  const packRefs: PackRef[] = [];
  baseline.forEach((spec) => ctx.resolvePack(spec, o.cwd, ENV_LOCATION, 'PALISADE_BASELINE', packRefs));
  cfg.packs.forEach((spec, i) => ctx.resolvePack(spec, base, o.loaded.locate(['packs', i]), 'config', packRefs));
  const plain: Candidate[] = [];
  cfg.policies.forEach((p, i) => ctx.collect(resolve(base, p), o.loaded.locate(['policies', i]), true, { packs: packRefs, via: 'config' }, plain));
  for (const p of paths) ctx.collect(resolve(o.cwd, p), CLI_LOCATION, true, { packs: packRefs, via: 'command line' }, plain);

  const packs: ResolvedPack[] = [];
  const policies: CompiledPolicy[] = [];
  for (const ref of dedupePacks(packRefs)) {
    const pack = await ctx.loadPack(ref);
    if (!pack) continue;
    packs.push(pack);
    policies.push(...pack.policies);
  }
  const own = await ctx.compile(plain);
  policies.push(...own.policies);
  ctx.issues.push(...own.issues);
  return ctx.issues.length > 0 ? { ok: false, issues: ctx.issues } : { ok: true, value: { policies, packs, warnings: ctx.warnings } };
}

/**
 * Every policy under `dir`, for `palisade policy test`: policy files in folders, pack layouts (their manifests' `policies`),
 * with the compile problems of each (a broken policy does not hide the others).
 */
export async function loadPolicyTree(dir: string, cwd: string): Promise<LoadedPolicies & { issues: ConfigIssue[] }> {
  const ctx = new LoadContext(cwd);
  const refs: PackRef[] = [];
  const plain: Candidate[] = [];
  ctx.collect(resolve(cwd, dir), CLI_LOCATION, true, { packs: refs, via: 'command line', walkIntoPacks: true }, plain);
  const packs: ResolvedPack[] = [];
  const policies: CompiledPolicy[] = [];
  for (const ref of dedupePacks(refs)) {
    const pack = await ctx.loadPack(ref);
    if (!pack) continue;
    packs.push(pack);
    policies.push(...pack.policies);
  }
  const own = await ctx.compile(plain);
  return { policies: [...policies, ...own.policies], issues: [...ctx.issues, ...own.issues], packs, warnings: ctx.warnings };
}

interface Candidate {
  abs: string;
  display: string;
  type: 'module' | 'yaml';
  /** Named explicitly or by a policy file name: it must hold a policy. */
  explicit: boolean;
  where: Location;
}

interface PackRef {
  dir: string;
  where: Location;
  via: ResolvedPack['via'];
  /** Named by $PALISADE_BASELINE: a baseline whatever its manifest says. */
  forceBaseline: boolean;
}

interface CollectMode {
  packs: PackRef[];
  via: ResolvedPack['via'];
  /** A folder holding a pack manifest is loaded as a pack; inside a pack, manifests are not packs again. */
  noPacks?: boolean;
  /** `policy test`: also walk the pack folder itself, so unlisted policies with tests are still tested. */
  walkIntoPacks?: boolean;
}

function dedupePacks(refs: readonly PackRef[]): PackRef[] {
  const byDir = new Map<string, PackRef>();
  for (const r of refs) {
    const prev = byDir.get(r.dir);
    if (!prev) byDir.set(r.dir, { ...r });
    else if (r.forceBaseline) {
      prev.forceBaseline = true;
      prev.via = r.via;
    }
  }
  return [...byDir.values()];
}

/** One load: issues collected as they come, every file compiled once. */
class LoadContext {
  readonly issues: ConfigIssue[] = [];
  readonly warnings: ConfigIssue[] = [];
  /** Files already compiled in this load: a file reached twice (a pack and a folder) counts once, packs first. */
  private readonly compiled = new Set<string>();

  constructor(private readonly cwd: string) {}

  private display(abs: string): string {
    return toDisplay(this.cwd, abs);
  }

  /** A pack by npm package name (node_modules, upward from `base`) or by path. */
  resolvePack(spec: string, base: string, where: Location, via: ResolvedPack['via'], out: PackRef[]): void {
    const forceBaseline = via === 'PALISADE_BASELINE';
    const pathLike = spec.startsWith('.') || spec.startsWith('~') || isAbsolute(spec) || spec.includes('\\') || !/^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/.test(spec);
    if (!pathLike) {
      for (let dir = resolve(base); ; dir = dirname(dir)) {
        const candidate = join(dir, 'node_modules', spec);
        if (existsSync(join(candidate, PACK_MANIFEST))) {
          out.push({ dir: candidate, where, via, forceBaseline });
          return;
        }
        if (dirname(dir) === dir) break;
      }
      this.issues.push({ message: `pack "${spec}" not found: no node_modules/${spec}/${PACK_MANIFEST} in ${this.display(resolve(base))} or above (install it, or write a folder as ./path)`, location: where });
      return;
    }
    let abs = resolve(base, spec);
    if (basename(abs) === PACK_MANIFEST) abs = dirname(abs);
    if (!existsSync(join(abs, PACK_MANIFEST))) {
      this.issues.push({ message: `pack "${spec}": ${existsSync(abs) ? `no ${PACK_MANIFEST} in ${this.display(abs)}` : `${this.display(abs)} does not exist`}`, location: where });
      return;
    }
    out.push({ dir: abs, where, via, forceBaseline });
  }

  /** A `--policy` / `policies:` path: a policy file, a folder of policies, or a pack. */
  collect(abs: string, where: Location, explicit: boolean, mode: CollectMode, out: Candidate[]): void {
    let st;
    try {
      st = statSync(abs);
    } catch {
      this.issues.push({ message: `policy path ${this.display(abs)} does not exist`, location: where });
      return;
    }
    const name = basename(abs);
    if (st.isDirectory()) {
      if (!mode.noPacks && existsSync(join(abs, PACK_MANIFEST))) {
        mode.packs.push({ dir: abs, where, via: mode.via, forceBaseline: false });
        if (!mode.walkIntoPacks) return;
      }
      const before = out.length;
      this.walk(abs, 0, mode, out, { files: 0 });
      if (out.length === before && explicit && !existsSync(join(abs, PACK_MANIFEST))) {
        this.issues.push({ message: `no policy files in ${this.display(abs)} (policy.yaml, policy.ts, *.policy.ts, or YAML holding palisade.dev Policy or ValidatingAdmissionPolicy documents)`, location: where });
      }
      return;
    }
    if (name === PACK_MANIFEST && !mode.noPacks) {
      mode.packs.push({ dir: dirname(abs), where, via: mode.via, forceBaseline: false });
      return;
    }
    this.addFile(abs, name, explicit, where, out);
  }

  private addFile(abs: string, name: string, explicit: boolean, where: Location, out: Candidate[]): void {
    const type = MODULE_FILE.test(name) ? 'module' : YAML_FILE.test(name) ? 'yaml' : undefined;
    if (!type) {
      if (explicit) this.issues.push({ message: `${this.display(abs)} is not a policy file: expected .yaml/.yml (CEL policies, ValidatingAdmissionPolicy) or .ts/.mts/.js/.mjs`, location: where });
      return;
    }
    out.push({ abs, display: this.display(abs), type, explicit, where });
  }

  private walk(dir: string, depth: number, mode: CollectMode, out: Candidate[], count: { files: number }): void {
    if (depth > MAX_WALK_DEPTH) {
      this.issues.push({ message: `policy folder nested deeper than ${MAX_WALK_DEPTH} levels: ${this.display(dir)}`, location: fileStart(this.display(dir)) });
      return;
    }
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (e) {
      this.issues.push({ message: `cannot read policy folder ${this.display(dir)}: ${(e as Error).message}`, location: fileStart(this.display(dir)) });
      return;
    }
    for (const name of entries) {
      if (name.startsWith('.')) continue;
      const abs = join(dir, name);
      let st;
      try {
        // Symbolic links to folders are not followed: a link to a parent would loop forever.
        st = lstatSync(abs);
        if (st.isSymbolicLink()) {
          st = statSync(abs);
          if (st.isDirectory()) continue;
        }
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (SKIP_DIRS.has(name)) continue;
        if (!mode.noPacks && existsSync(join(abs, PACK_MANIFEST))) {
          mode.packs.push({ dir: abs, where: fileStart(this.display(join(abs, PACK_MANIFEST))), via: mode.via, forceBaseline: false });
          if (!mode.walkIntoPacks) continue;
        }
        this.walk(abs, depth + 1, mode, out, count);
        continue;
      }
      if (!st.isFile() || name === PACK_MANIFEST) continue;
      if (++count.files > MAX_WALK_FILES) {
        this.issues.push({ message: `more than ${MAX_WALK_FILES} files under the policy folder; point --policy at the policies themselves`, location: fileStart(this.display(dir)) });
        return;
      }
      if (MODULE_ENTRY.test(name)) this.addFile(abs, name, true, fileStart(this.display(abs)), out);
      else if (YAML_FILE.test(name)) this.addFile(abs, name, YAML_ENTRY.test(name), fileStart(this.display(abs)), out);
    }
  }

  async loadPack(ref: PackRef): Promise<ResolvedPack | undefined> {
    const manifestPath = join(ref.dir, PACK_MANIFEST);
    const display = this.display(manifestPath);
    const read = readManifest(manifestPath, MAX_POLICY_BYTES, true);
    if (!read.ok) {
      this.issues.push({ message: `${display}: ${read.message}`, location: ref.where });
      return undefined;
    }
    const parsed = parsePackManifest(read.text, display);
    if (!parsed.ok) {
      this.issues.push(...parsed.issues);
      return undefined;
    }
    const m = parsed.value.manifest;
    const files: Candidate[] = [];
    m.policies.forEach((p, i) => this.collect(resolve(ref.dir, p), parsed.value.locate(['policies', i]), true, { packs: [], via: ref.via, noPacks: true }, files));
    const compiled = await this.compile(files, m.name);
    this.issues.push(...compiled.issues);
    return { ...parsed.value, baseline: m.baseline || ref.forceBaseline, via: ref.via, policies: compiled.policies };
  }

  /** Compiles candidates: modules through esbuild, CEL YAML through the CEL compiler, VAP documents together. */
  async compile(files: readonly Candidate[], pack?: string): Promise<CompileResult> {
    const policies: CompiledPolicy[] = [];
    const issues: ConfigIssue[] = [];
    const vapObjects: ConfigObject[] = [];
    const otherObjects: ConfigObject[] = [];
    const add = (r: CompileResult & { warnings?: ConfigIssue[] }): void => {
      this.warnings.push(...(r.warnings ?? []));
      for (const p of r.policies) {
        if (pack && !p.pack) p.pack = pack;
        policies.push(p);
      }
      issues.push(...r.issues);
    };
    const todo = files.filter((f) => !this.compiled.has(f.abs));
    for (const f of todo) this.compiled.add(f.abs);
    // esbuild compiles modules in parallel; results are taken in file order, so messages stay deterministic.
    const modules = new Map(todo.filter((f) => f.type === 'module').map((f) => [f.abs, importPolicyModule(f.abs, f.display, this.cwd)]));
    for (const f of todo) {
      if (f.type === 'module') {
        const mod = await modules.get(f.abs)!;
        if (!mod.ok) issues.push(...mod.issues);
        else add(compileTsPolicies(mod.exports, f.display, { sourceText: mod.source, ...(pack ? { pack } : {}) }));
        continue;
      }
      const read = readManifest(f.abs, MAX_POLICY_BYTES, true);
      if (!read.ok) {
        issues.push({ message: `${f.display}: ${read.message}`, location: fileStart(f.display) });
        continue;
      }
      const parsed = parseYamlDocuments(read.text, f.display);
      if (parsed.errors.length > 0) {
        issues.push(...parsed.errors.map((e) => ({ message: e.message, location: e.location })));
        continue;
      }
      const kinds = parsed.documents.map((d) => classify(d.value));
      if (kinds.includes('cel')) {
        const { compileCelPolicies } = await import('../policy/custom/cel-policy.js');
        add(compileCelPolicies(read.text, f.display));
        continue;
      }
      const objects = extractObjects(parsed.documents, f.display).objects;
      if (kinds.includes('vap')) vapObjects.push(...objects);
      else if (f.explicit) {
        issues.push({
          message: `${f.display} holds no policy: expected documents of apiVersion palisade.dev/v1, kind Policy, or ValidatingAdmissionPolicy (+ Binding) manifests`,
          location: fileStart(f.display),
        });
      } else otherObjects.push(...objects);
    }
    if (vapObjects.length > 0) {
      const { compileVap } = await import('../policy/custom/vap.js');
      // Parameter resources (paramKind) may sit in any YAML file beside the policies.
      add(compileVap([...vapObjects, ...otherObjects]));
    }
    return { policies, issues };
  }
}

function classify(doc: unknown): 'cel' | 'vap' | 'other' {
  if (!isRecord(doc)) return 'other';
  const apiVersion = typeof doc.apiVersion === 'string' ? doc.apiVersion : '';
  const kind = typeof doc.kind === 'string' ? doc.kind : '';
  if (apiVersion.startsWith('palisade.dev/') && kind === 'Policy') return 'cel';
  if (apiVersion.startsWith('admissionregistration.k8s.io/') && (kind === 'ValidatingAdmissionPolicy' || kind === 'ValidatingAdmissionPolicyBinding')) return 'vap';
  return 'other';
}

/** `import … from 'palisade'` inside a policy is this process's SDK, whatever copy (if any) the policy's project installed. */
const sdkPlugin: Plugin = {
  name: 'palisade-sdk',
  setup(b) {
    b.onResolve({ filter: /^palisade(\/sdk)?$/ }, () => ({ path: 'palisade', namespace: 'palisade-sdk' }));
    b.onLoad({ filter: /.*/, namespace: 'palisade-sdk' }, () => ({
      contents:
        `const sdk = globalThis[Symbol.for(${JSON.stringify(SDK_GLOBAL.description)})];\n` +
        `if (!sdk) throw new Error('the palisade SDK is only available to policies loaded by palisade');\n` +
        Object.keys(sdk)
          .map((k) => `export const ${k} = sdk.${k};`)
          .join('\n'),
      loader: 'js',
    }));
  },
};

/**
 * Bundles a policy module with esbuild (types stripped, not checked; the policy's own imports included) and imports the
 * bundle from a data: URL, so nothing is written to disk and every load is fresh.
 */
async function importPolicyModule(abs: string, display: string, cwd: string): Promise<{ ok: true; exports: Record<string, unknown>; source: string } | { ok: false; issues: ConfigIssue[] }> {
  const read = readManifest(abs, MAX_POLICY_BYTES, true);
  if (!read.ok) return { ok: false, issues: [{ message: `${display}: ${read.message}`, location: fileStart(display) }] };
  let build: typeof EsbuildBuild;
  try {
    ({ build } = await import('esbuild'));
  } catch (e) {
    return { ok: false, issues: [{ message: `TypeScript/JavaScript policies need the esbuild package, which did not load: ${(e as Error).message}`, location: fileStart(display) }] };
  }
  (globalThis as Record<symbol, unknown>)[SDK_GLOBAL] = sdk;
  let code: string;
  try {
    const result = await build({
      entryPoints: [abs],
      absWorkingDir: cwd,
      bundle: true,
      write: false,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'silent',
      plugins: [sdkPlugin],
      // CommonJS dependencies of a policy call require(); an ESM bundle has none unless given one.
      banner: { js: `import { createRequire as __palisadeCreateRequire } from 'node:module'; const require = __palisadeCreateRequire(${JSON.stringify(abs)});` },
    });
    code = result.outputFiles[0]!.text;
  } catch (e) {
    const errors = (e as { errors?: { text: string; location: { file: string; namespace: string; line: number; column: number; lineText: string } | null }[] }).errors;
    if (!Array.isArray(errors) || errors.length === 0) return { ok: false, issues: [{ message: `cannot compile ${display}: ${(e as Error).message}`, location: fileStart(display) }] };
    return {
      ok: false,
      issues: errors.map((err) => {
        if (!err.location) return { message: err.text, location: fileStart(display) };
        const file = err.location.namespace === 'file' ? toDisplay(cwd, resolve(cwd, err.location.file)) : display;
        // esbuild counts columns in UTF-8 bytes; editors count characters.
        const column = Buffer.from(err.location.lineText, 'utf8').subarray(0, err.location.column).toString('utf8').length + 1;
        return { message: err.text, location: { path: file, startLine: err.location.line, startColumn: column, endLine: err.location.line, endColumn: column } };
      }),
    };
  }
  // A top-level await that never settles would otherwise end the process with Node's exit code 13 and no word of why.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`it did not finish within ${LOAD_TIMEOUT_MS / 1000} s (a top-level await that never settles?)`)), LOAD_TIMEOUT_MS);
  });
  try {
    const mod = (await Promise.race([import(`data:text/javascript;base64,${Buffer.from(code, 'utf8').toString('base64')}`), timeout])) as Record<string, unknown>;
    return { ok: true, exports: { ...mod }, source: read.text };
  } catch (e) {
    return { ok: false, issues: [{ message: `loading the policy failed: ${e instanceof Error ? e.message : String(e)}`, location: fileStart(display) }] };
  } finally {
    clearTimeout(timer);
  }
}
