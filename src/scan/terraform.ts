/**
 * Terraform on disk: `.tf` / `.tf.json` files grouped by directory into modules, each root module evaluated with its
 * tfvars files and the command line's variables, local modules read through their calls (also outside the walked
 * files; bounded, symlink loops cut by resolving real paths). Parsing and evaluation are pure (src/parsers/terraform);
 * this file only reads.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { ConfigObject } from '../core/config-object.js';
import { fileLocation } from '../core/location.js';
import type { Target, TargetIssue } from '../core/report.js';
import { evaluateRootModule, parseTerraformFile, type ModuleReader, type TfFile } from '../parsers/terraform/index.js';
import { isTerraformPlan as isPlan, parseTerraformPlan } from '../parsers/terraform/plan.js';
import type { ParsedObjects } from '../parsers/types.js';
import { readManifest } from './read.js';
import { toDisplay, type InputFile } from './walk.js';

/** The root module directory a Terraform object was evaluated from (as displayed). */
export const ROOT_ANNOTATION = 'terraform.io/root';

export interface TerraformScanOptions {
  cwd: string;
  maxBytes: number;
  /** `-var name=value` from the command line, strongest. */
  vars?: Record<string, string>;
  /** `--var-file` paths (relative to cwd), applied after terraform.tfvars and *.auto.tfvars of each root module. */
  varFiles?: string[];
}

/** Module directories read through calls, per scan; a repository with more is cut (and says so). */
const MAX_MODULE_DIRS = 1000;
/** Files read from one module directory found through a call. */
const MAX_FILES_PER_MODULE = 500;

const MODULE_FILE = /\.tf(\.json)?$/i;
const OVERRIDE_FILE = /(^|_)override\.tf(\.json)?$/i;
const AUTO_VARS = /^(terraform\.tfvars(\.json)?|.*\.auto\.tfvars(\.json)?)$/i;

function lexical(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

class Loader {
  /** Parsed files by absolute path (a module called by several roots is parsed once). */
  private readonly parsed = new Map<string, TfFile | undefined>();
  readonly targets = new Map<string, Target>();
  private moduleDirs = 0;

  constructor(private readonly opts: TerraformScanOptions) {}

  target(display: string): Target {
    let t = this.targets.get(display);
    if (!t) {
      t = { path: display, kind: 'terraform', resources: 0, skippedDocuments: 0, errors: [], warnings: [] };
      this.targets.set(display, t);
    }
    return t;
  }

  display(abs: string): string {
    return toDisplay(this.opts.cwd, abs);
  }

  /** Reads and parses one file once; read and syntax errors go onto its target. */
  file(abs: string, explicit: boolean): TfFile | undefined {
    if (this.parsed.has(abs)) return this.parsed.get(abs);
    const display = this.display(abs);
    const t = this.target(display);
    const read = readManifest(abs, this.opts.maxBytes, explicit);
    let tf: TfFile | undefined;
    if (!read.ok) {
      const issue: TargetIssue = { code: read.code, message: read.message, location: fileLocation(display) };
      (read.level === 'error' ? t.errors : t.warnings).push(issue);
      t.kind = 'unknown';
    } else {
      tf = parseTerraformFile(read.text, display);
      for (const e of tf.errors) t.errors.push({ code: e.code, message: e.message, location: e.location });
    }
    this.parsed.set(abs, tf);
    return tf;
  }

  /** The module files of a directory found through a call (not walked): every `.tf`/`.tf.json`, overrides aside. */
  readModuleDir(abs: string): { files: TfFile[] } | { error: string } {
    let names: string[];
    try {
      if (!statSync(abs).isDirectory()) return { error: `${this.display(abs)} is not a directory` };
      names = readdirSync(abs).filter((n) => MODULE_FILE.test(n) && !OVERRIDE_FILE.test(n)).sort(lexical);
    } catch (e) {
      return { error: `cannot read module directory ${this.display(abs)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
    }
    if (names.length === 0) return { error: `${this.display(abs)} holds no .tf files` };
    if (names.length > MAX_FILES_PER_MODULE) return { error: `${this.display(abs)} holds more than ${MAX_FILES_PER_MODULE} .tf files; not read` };
    const files: TfFile[] = [];
    for (const n of names) {
      const f = this.file(join(abs, n), false);
      if (f) files.push(f);
    }
    return { files };
  }

  /** Module reader over display paths: `fromDir` is the calling module's directory as displayed. */
  reader(dirAbs: Map<string, string>, walked: Map<string, TfFile[]>): ModuleReader {
    return {
      read: (fromDir, source) => {
        const from = dirAbs.get(fromDir);
        if (from === undefined) return { error: `the calling module ${fromDir} was not read from disk` };
        let abs: string;
        try {
          abs = realpathSync(resolve(from, source));
        } catch {
          return { error: `module directory ${source} (from ${fromDir}) does not exist` };
        }
        const dir = this.display(abs);
        dirAbs.set(dir, abs);
        const known = walked.get(abs);
        if (known) return { dir, files: known };
        if (++this.moduleDirs > MAX_MODULE_DIRS) return { error: `more than ${MAX_MODULE_DIRS} module directories; ${dir} not read` };
        const res = this.readModuleDir(abs);
        if ('error' in res) return res;
        walked.set(abs, res.files);
        return { dir, files: res.files };
      },
    };
  }
}

/** Directories a module's files call with a local source, resolved to real paths (for picking root modules). */
function localCalls(dirAbs: string, files: readonly TfFile[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    for (const it of f.body.items) {
      if (it.kind !== 'block' || it.type !== 'module') continue;
      for (const a of it.body.items) {
        if (a.kind !== 'attribute' || a.name !== 'source' || a.expr.t !== 'lit' || typeof a.expr.v !== 'string') continue;
        const s = a.expr.v;
        if (!(s.startsWith('./') || s.startsWith('../'))) continue;
        try {
          out.push(realpathSync(resolve(dirAbs, s)));
        } catch {
          // A missing module is reported when the call is evaluated.
        }
      }
    }
  }
  return out;
}

/** Groups `.tf` files by directory into modules, evaluates each root module (variables, locals, count/for_each, local modules). */
export function loadTerraform(files: readonly InputFile[], opts: TerraformScanOptions): { targets: Target[]; objects: ConfigObject[] } {
  const loader = new Loader(opts);
  // Directories by real path, with the walked module files and variable files of each.
  const dirs = new Map<string, { moduleFiles: InputFile[]; varFiles: InputFile[]; explicit: boolean }>();
  const realDirs = new Map<string, string>();
  for (const f of files) {
    if (f.abs === '-') continue;
    const parent = dirname(f.abs);
    let dir = realDirs.get(parent);
    if (dir === undefined) {
      try {
        dir = realpathSync(parent);
      } catch {
        dir = parent;
      }
      realDirs.set(parent, dir);
    }
    let d = dirs.get(dir);
    if (!d) {
      d = { moduleFiles: [], varFiles: [], explicit: false };
      dirs.set(dir, d);
    }
    if (f.explicit) d.explicit = true;
    if (MODULE_FILE.test(f.abs)) d.moduleFiles.push(f);
    else d.varFiles.push(f);
  }

  const walked = new Map<string, TfFile[]>();
  const wanted = new Set<string>();
  const dirAbs = new Map<string, string>();
  for (const [dir, d] of dirs) {
    const modFiles: TfFile[] = [];
    for (const f of [...d.moduleFiles].sort((a, b) => lexical(a.abs, b.abs))) {
      wanted.add(f.display);
      if (OVERRIDE_FILE.test(basename(f.abs))) {
        loader.target(f.display).warnings.push({ code: 'terraform-override', message: 'override files are not merged into their module; this file is not checked', location: fileLocation(f.display) });
        continue;
      }
      const tf = loader.file(f.abs, f.explicit);
      if (tf) modFiles.push(tf);
    }
    for (const f of d.varFiles) {
      wanted.add(f.display);
      loader.file(f.abs, f.explicit);
    }
    if (d.moduleFiles.length === 0) continue;
    if (d.explicit) {
      // A file named on the command line is evaluated with its whole module (variables are often in another file).
      const res = loader.readModuleDir(dir);
      if (!('error' in res)) for (const f of res.files) if (!modFiles.includes(f)) modFiles.push(f);
    }
    walked.set(dir, modFiles);
    dirAbs.set(loader.display(dir), dir);
  }

  // Roots: module directories no other scanned directory calls.
  const called = new Set<string>();
  for (const [dir, modFiles] of walked) for (const c of localCalls(dir, modFiles)) if (c !== dir) called.add(c);
  const moduleDirs = [...walked.keys()].sort(lexical);
  const roots = moduleDirs.filter((d) => !called.has(d));

  const cliVarFiles: TfFile[] = [];
  for (const p of opts.varFiles ?? []) {
    const tf = loader.file(resolve(opts.cwd, p), true);
    if (tf) cliVarFiles.push(tf);
  }

  const objects: ConfigObject[] = [];
  const evaluated = new Set<string>();
  const reader = loader.reader(dirAbs, walked);
  const evaluateRoot = (dir: string): void => {
    evaluated.add(dir);
    const d = dirs.get(dir);
    const autoVars = (d?.varFiles ?? []).filter((f) => AUTO_VARS.test(basename(f.abs)));
    // terraform.tfvars, then terraform.tfvars.json, then *.auto.tfvars(.json) in lexical order, as Terraform loads them.
    const rank = (f: InputFile): string => {
      const b = basename(f.abs).toLowerCase();
      return b === 'terraform.tfvars' ? '0' : b === 'terraform.tfvars.json' ? '1' : `2${basename(f.abs)}`;
    };
    const varFiles = autoVars
      .sort((a, b) => lexical(rank(a), rank(b)))
      .map((f) => loader.file(f.abs, f.explicit))
      .filter((f): f is TfFile => f !== undefined);
    const res = evaluateRootModule({
      dir: loader.display(dir),
      files: walked.get(dir)!,
      varFiles: [...varFiles, ...cliVarFiles],
      ...(opts.vars ? { cliVars: opts.vars } : {}),
      reader,
    });
    for (const c of res.calledDirs) {
      const abs = dirAbs.get(c);
      if (abs !== undefined) evaluated.add(abs);
    }
    for (const i of res.issues) {
      const t = loader.target(i.issue.location.path);
      (i.level === 'error' ? t.errors : t.warnings).push({ code: i.issue.code, message: i.issue.message, location: i.issue.location });
    }
    // Each root module is its own configuration: checks that relate resources look only within it (see scan.ts).
    const root = loader.display(dir);
    for (const o of res.objects) if (o.target === 'terraform') o.annotations[ROOT_ANNOTATION] = root;
    objects.push(...res.objects);
  };
  for (const r of roots) evaluateRoot(r);
  // A called directory whose callers never reached it (count = 0, a broken caller) is still checked on its own.
  for (const d of moduleDirs) if (!evaluated.has(d)) evaluateRoot(d);

  // Sibling files read only as context for an explicit file are not reported on.
  const kept = objects.filter((o) => wanted.has(o.file) || !isWalkedSibling(o.file));
  function isWalkedSibling(display: string): boolean {
    const abs = resolve(opts.cwd, display);
    return dirs.has(dirname(abs)) && !wanted.has(display);
  }
  const counts = new Map<string, number>();
  for (const o of kept) if (o.target === 'terraform') counts.set(o.file, (counts.get(o.file) ?? 0) + 1);
  const targets: Target[] = [];
  for (const t of loader.targets.values()) {
    if (!wanted.has(t.path) && t.errors.length === 0 && t.warnings.length === 0 && !counts.has(t.path)) continue;
    if (!wanted.has(t.path) && isWalkedSibling(t.path)) continue;
    t.resources = counts.get(t.path) ?? 0;
    targets.push(t);
  }
  return { targets, objects: kept };
}

/** True for a `terraform show -json` plan (or state) document. */
export function isTerraformPlan(value: unknown): boolean {
  return isPlan(value);
}

/** The resources of a plan's `planned_values` (root and child modules), located in the plan JSON. */
export function loadTerraformPlan(value: unknown, text: string, display: string): ParsedObjects {
  return parseTerraformPlan(value, text, display);
}
