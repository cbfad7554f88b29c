import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Finding } from '../core/finding.js';
import { type Report, type Target, type TargetIssue, REPORT_SCHEMA_VERSION, summarize } from '../core/report.js';
import type { Severity } from '../core/severity.js';
import { BUILTIN_CHECKS } from '../checks/index.js';
import type { Check } from '../checks/define-check.js';
import { runChecks, type ActiveCheck } from '../checks/engine.js';
import { ObjectIndex } from '../checks/_lib/object-index.js';
import { podMetadataPath, getAt } from '../checks/_lib/pod.js';
import { extractObjects, isRecord, parseYamlDocuments, type K8sObject } from '../parsers/k8s-yaml/index.js';
import type { ConfigObject } from '../core/config-object.js';
import { defaultConfig, parseConfig, type LoadedConfig } from '../policy/config.js';
import type { ConfigIssue } from '../policy/located.js';
import { selectWithBaseline } from '../policy/packs.js';
import { customLibrary, policyTargets } from './policies.js';
import { applyWaivers, parseWaiverFile, type Waiver, type WaiverSubject } from '../policy/waivers.js';
import { applyVex, parseOpenVex, type VexStatement } from '../policy/vex.js';
import { CONFIG_NAMES, WAIVER_FILE, findUp, startDir } from './discover.js';
import { readManifest } from './read.js';
import { scanGitHistory } from './git-history.js';
import { scanImageTarget } from './image-scan.js';
import { loadDenylist } from './malware/denylist.js';
import { scanForMalware } from './malware/scan-dir.js';
import { secretsInSecretObject, secretsInText } from './secrets.js';
import type { SecretRule } from '../secrets/define-rule.js';
import { collectInputs, toDisplay, type InputFile } from './walk.js';
import { planRendering, renderAll } from './render/index.js';
import { parseDockerfileText } from '../parsers/dockerfile/index.js';
import type { ParsedObjects } from '../parsers/types.js';
import { loadComposeFile } from './compose.js';
import { looksLikeCompose } from './formats.js';
import { ROOT_ANNOTATION, isTerraformPlan, loadTerraform, loadTerraformPlan } from './terraform.js';
import { checkoutTree, newSince, readBaselineReport, resolveGitRef, type DiffBase } from './diff-base.js';
import { isLockfileName, lockfileInventory, matchInventory, openAdvisoryDb, type VulnOptions } from './vuln-scan.js';
import type { Package } from '../core/package.js';
import type { ImageSource } from './image/index.js';
import { directoryInventory, imageInventory } from './inventory/index.js';

export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

export interface ScanOptions {
  inputs: string[];
  cwd: string;
  /** Explicit config file (`--config`); otherwise `.palisade.yaml` is searched upward from the first input. */
  configPath?: string;
  /** Skip config discovery entirely (`--no-config`). */
  noConfig?: boolean;
  waiverFiles?: string[];
  /** OpenVEX (or CycloneDX VEX) documents: statements mark vulnerability findings not_affected/fixed (`--vex`). */
  vexFiles?: string[];
  enable?: string[];
  disable?: string[];
  failOn?: Severity | 'none';
  maxFileSize?: number;
  now: Date;
  tool: { name: string; version: string };
  checks?: readonly Check<unknown>[];
  onProgress?: (done: number, total: number) => void;
  /** Engines to run: `config` (the check library, default) and `secrets` (every text file, decoded Secret data). */
  scanners?: readonly Scanner[];
  /** Stream every regular file to ClamAV and check SHA-256 deny-lists (`--malware`). */
  malware?: { clamd: { socket?: string; host?: string; port?: number }; denylistFile?: string };
  /** Container images (OCI layout dir or tar, `docker save` tar) scanned layer by layer for secrets (+ malware) and, with the vuln scanner, for packages. */
  images?: {
    paths: string[];
    platform?: string;
    secrets?: boolean;
    /** How to reach registries for `--image` values that are image references rather than local paths. */
    registry?: { insecure?: boolean; caFile?: string; env?: Record<string, string | undefined> };
  };
  /** Unpacked root filesystems / directories scanned for OS and installed language packages (`--rootfs`). */
  rootfs?: string[];
  /** Settings of the `vuln` scanner (lockfiles, image packages → advisories); required when `scanners` has `vuln`. */
  vuln?: VulnOptions;
  /** Also scan this repository's git history for secrets: every commit's added lines (`--git`). */
  git?: { repo: string; range?: string };
  /** Required with the `secrets` scanner and with `git`; callers load them lazily (see cli) so a config-only scan does not pay for them. */
  secretRules?: readonly SecretRule[];
  /** Environment for compose interpolation (`${VAR}`), default none; the CLI passes the process environment. */
  env?: Record<string, string | undefined>;
  /** Compose profiles to activate (`--profile`); services in other profiles are left out, as `docker compose` does. */
  composeProfiles?: string[];
  /** Terraform `-var name=value` values (`--tf-var`). */
  terraformVars?: Record<string, string>;
  /** Terraform variable files (`--tf-var-file`), applied after each root module's terraform.tfvars and *.auto.tfvars. */
  terraformVarFiles?: string[];
  /** Helm charts found in the inputs are rendered with these values files and `--set` values. */
  helm?: { valuesFiles: string[]; set: string[] };
  /** Custom policies: CEL YAML policy files, ValidatingAdmissionPolicy manifests, TypeScript/JavaScript policies, packs (`--policy`). */
  policyPaths?: string[];
  /** Report only findings introduced since this git ref (`--since main`): findings also present at the ref are dropped, by fingerprint. */
  since?: string;
  /** Report only findings not in this earlier JSON report (`--baseline report.json`), by fingerprint. */
  baseline?: string;
  /** File contents by absolute path, used instead of the file on disk: `palisade fix` rescans its edits before (or without) writing them. */
  overlay?: ReadonlyMap<string, string>;
}

export const SCANNERS = ['config', 'secrets', 'vuln'] as const;
export type Scanner = (typeof SCANNERS)[number];

export interface ScanSuccess {
  ok: true;
  report: Report;
  failOn: Severity | 'none';
  active: ActiveCheck[];
  configFile: string | null;
}

export type ScanOutcome = ScanSuccess | { ok: false; issues: ConfigIssue[] };

function readText(path: string): string | ConfigIssue {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    return { message: `cannot read ${path}: ${(e as Error).message}`, location: { path, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } };
  }
}

function loadConfig(opts: ScanOptions): { ok: true; value: LoadedConfig; dir?: string; abs?: string } | { ok: false; issues: ConfigIssue[] } {
  if (opts.noConfig) return { ok: true, value: defaultConfig() };
  const path = opts.configPath ? resolve(opts.cwd, opts.configPath) : findUp(startDir(opts.inputs, opts.cwd), CONFIG_NAMES);
  if (!path) return { ok: true, value: defaultConfig() };
  const text = readText(path);
  if (typeof text !== 'string') return { ok: false, issues: [text] };
  const parsed = parseConfig(text, toDisplay(opts.cwd, path));
  return parsed.ok ? { ok: true, value: parsed.value, dir: dirname(path), abs: path } : parsed;
}

/**
 * The base of a diff-only scan: the fingerprints of a stored report (`--baseline`), or of the same scan run on the tree
 * of a git ref (`--since`) — same inputs, same configuration, checks and policies of the current tree, so only the files differ.
 */
async function loadDiffBase(opts: ScanOptions, configAbs: string | undefined): Promise<{ ok: true; value: DiffBase } | { ok: false; issues: ConfigIssue[] }> {
  if (opts.baseline !== undefined) return readBaselineReport(opts.cwd, opts.baseline);
  const ref = opts.since!;
  const resolved = resolveGitRef(opts.cwd, ref);
  if (!resolved.ok) return resolved;
  const tree = checkoutTree(resolved.root, resolved.commit, opts.cwd, opts.inputs);
  try {
    const abs = (p: string): string => resolve(opts.cwd, p);
    const { since: _since, baseline: _baseline, images: _images, rootfs: _rootfs, git: _git, malware: _malware, onProgress: _progress, ...same } = opts;
    const base = await scan({
      ...same,
      inputs: tree.inputs,
      cwd: tree.cwd,
      ...(configAbs ? { configPath: configAbs } : { noConfig: opts.noConfig ?? false }),
      waiverFiles: (opts.waiverFiles ?? []).map(abs),
      vexFiles: (opts.vexFiles ?? []).map(abs),
      ...(opts.policyPaths ? { policyPaths: opts.policyPaths.map(abs) } : {}),
      ...(opts.terraformVarFiles ? { terraformVarFiles: opts.terraformVarFiles.map(abs) } : {}),
      ...(opts.helm ? { helm: { valuesFiles: opts.helm.valuesFiles.map(abs), set: opts.helm.set } } : {}),
    });
    if (!base.ok) return { ok: false, issues: base.issues.map((i) => ({ ...i, message: `--since ${ref}: at that commit, ${i.message}` })) };
    return { ok: true, value: { kind: 'git', ref, commit: resolved.commit, fingerprints: new Set(base.report.findings.map((f) => f.fingerprint)) } };
  } finally {
    tree.cleanup();
  }
}

/** Waiver files: `.palisade/waivers.yaml` found upward, the config's `waiverFiles`, and `--waivers`. */
function loadWaivers(opts: ScanOptions, loaded: LoadedConfig, configDir: string | undefined): { ok: true; value: Waiver[] } | { ok: false; issues: ConfigIssue[] } {
  const files: { path: string; base: string }[] = [];
  // The directory holding .palisade/ (the repository root) is the base of waiver path globs.
  const found = opts.noConfig ? undefined : findUp(configDir ?? startDir(opts.inputs, opts.cwd), [WAIVER_FILE]);
  if (found) files.push({ path: found, base: dirname(dirname(found)) });
  if (configDir) for (const w of loaded.config.waiverFiles) files.push({ path: resolve(configDir, w), base: configDir });
  for (const w of opts.waiverFiles ?? []) files.push({ path: resolve(opts.cwd, w), base: opts.cwd });
  const waivers: Waiver[] = [];
  const issues: ConfigIssue[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) continue;
    seen.add(f.path);
    const text = readText(f.path);
    if (typeof text !== 'string') {
      issues.push(text);
      continue;
    }
    const base = toDisplay(opts.cwd, f.base);
    const res = parseWaiverFile(text, toDisplay(opts.cwd, f.path), base === '.' ? '' : base);
    if (res.ok) waivers.push(...res.value);
    else issues.push(...res.issues);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: waivers };
}

/** VEX documents are read up front, like waiver files: a broken one stops the scan with its location (exit 2). */
function loadVex(opts: ScanOptions): { ok: true; value: VexStatement[] } | { ok: false; issues: ConfigIssue[] } {
  const statements: VexStatement[] = [];
  const issues: ConfigIssue[] = [];
  for (const f of opts.vexFiles ?? []) {
    const abs = resolve(opts.cwd, f);
    const text = readText(abs);
    if (typeof text !== 'string') {
      issues.push(text);
      continue;
    }
    const res = parseOpenVex(text, toDisplay(opts.cwd, abs));
    if (res.ok) statements.push(...res.value);
    else issues.push(...res.error.map((e) => ({ message: e.message, location: e.location })));
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: statements };
}

function subjectOf(obj: K8sObject): WaiverSubject {
  const md = podMetadataPath(obj);
  const podAnn = md ? getAt(obj.value, [...md, 'annotations']) : undefined;
  const podAnnotations: Record<string, string> = {};
  if (md && md.length > 1 && isRecord(podAnn)) for (const [k, v] of Object.entries(podAnn)) podAnnotations[k] = String(v);
  return { annotations: obj.annotations, podAnnotations, text: obj.docText, ...(obj.inlineSuppressions ? { inline: obj.inlineSuppressions } : {}) };
}

function issue(code: string, message: string, path: string, line = 1, col = 1): TargetIssue {
  return { code, message, location: { path, startLine: line, startColumn: col, endLine: line, endColumn: col } };
}

/** Walks inputs, parses, runs the selected checks, applies waivers: the whole `palisade scan` minus output. */
export async function scan(opts: ScanOptions): Promise<ScanOutcome> {
  const cfg = loadConfig(opts);
  if (!cfg.ok) return cfg;
  const loaded = cfg.value;
  // Built-in checks + custom policies (--policy, config `policies:`) + packs (config `packs:`, $PALISADE_BASELINE).
  const custom = await customLibrary(opts.checks ?? BUILTIN_CHECKS, {
    cwd: opts.cwd,
    loaded,
    ...(cfg.dir ? { configDir: cfg.dir } : {}),
    policyPaths: opts.policyPaths ?? [],
    env: opts.env ?? {},
  });
  if (!custom.ok) return custom;
  const library = custom.value.checks;
  const selected = selectWithBaseline(custom.value, loaded, { enable: opts.enable ?? [], disable: opts.disable ?? [] });
  if (!selected.ok) return selected;
  const waivers = loadWaivers(opts, loaded, cfg.dir);
  if (!waivers.ok) return waivers;
  const vex = loadVex(opts);
  if (!vex.ok) return vex;
  if (opts.since !== undefined && opts.baseline !== undefined) {
    return { ok: false, issues: [{ message: '--since and --baseline cannot be combined: pick one base to compare with', location: { path: '--since', startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } }] };
  }
  // Read the base first: a bad ref or report is a usage error before any scanning.
  let diffBase: DiffBase | undefined;
  if (opts.since !== undefined || opts.baseline !== undefined) {
    const base = await loadDiffBase(opts, cfg.abs);
    if (!base.ok) return base;
    diffBase = base.value;
  }

  const maxBytes = opts.maxFileSize ?? loaded.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const scanners = new Set(opts.scanners ?? ['config']);
  const configOn = scanners.has('config');
  const imageSecrets = opts.images !== undefined && opts.images.secrets !== false;
  if ((scanners.has('secrets') || opts.git || imageSecrets) && !opts.secretRules) throw new Error('scan: the secrets scanner needs secretRules');
  if (scanners.has('vuln') && !opts.vuln) throw new Error('scan: the vuln scanner needs vuln options');
  const vulnOn = scanners.has('vuln') && opts.vuln !== undefined;
  const secretRules = scanners.has('secrets') ? opts.secretRules : undefined;
  const secretFindings: { finding: Finding; obj?: K8sObject }[] = [];
  const walk = collectInputs(opts.inputs, opts.cwd, loaded.config.ignorePaths, secretRules !== undefined || opts.malware !== undefined, vulnOn ? isLockfileName : undefined);
  // Helm charts and Kustomize overlays are rendered (below) instead of their files being parsed as plain YAML.
  const rendering = configOn ? planRendering(walk.files) : undefined;
  const lockfiles: { abs: string; display: string }[] = [];
  const targets: Target[] = policyTargets(custom.value.warnings);
  const byPath = new Map<string, Target>();
  const objects: ConfigObject[] = [];
  const terraformFiles: InputFile[] = [];
  const composeOptions = { env: opts.env ?? {}, ...(opts.composeProfiles ? { profiles: opts.composeProfiles } : {}) };
  /** Objects of a Dockerfile, compose file or plan: onto the file's target, then into the scan. */
  const addParsed = (t: Target, parsed: ParsedObjects): void => {
    for (const e of parsed.errors) t.errors.push({ code: e.code, message: e.message, location: e.location });
    for (const w of parsed.warnings) t.warnings.push({ code: w.code, message: w.message, location: w.location });
    t.resources = parsed.objects.length;
    objects.push(...parsed.objects);
  };
  if (opts.git) {
    const repo = resolve(opts.cwd, opts.git.repo);
    const hist = await scanGitHistory(repo, opts.secretRules!, opts.git.range ? { since: opts.git.range } : {});
    const display = toDisplay(opts.cwd, repo);
    const prefix = display === '.' ? '' : `${display}/`;
    targets.push({ path: `${display} (git history, ${hist.commits} commits)`, kind: 'git', resources: 0, skippedDocuments: 0, errors: hist.errors, warnings: [] });
    for (const finding of hist.findings) {
      // History paths are relative to the repository root; report them relative to where the scan runs, like files.
      secretFindings.push({ finding: { ...finding, location: { ...finding.location, path: prefix + finding.location.path } } });
    }
  }
  for (const w of walk.issues) {
    const t: Target = { path: w.display, kind: 'unknown', resources: 0, skippedDocuments: 0, errors: [], warnings: [] };
    (w.level === 'error' ? t.errors : t.warnings).push(issue(w.code, w.message, w.display));
    targets.push(t);
  }
  walk.files.forEach((f, i) => {
    opts.onProgress?.(i, walk.files.length);
    if (f.lockfile) lockfiles.push(f);
    // Files found only for the malware scan are streamed to clamd below, not read here.
    const manifest = f.manifest && !rendering?.owned.has(f.abs);
    if (!manifest && !secretRules) return;
    if (manifest && (f.format === 'terraform' || f.format === 'tfvars')) {
      // Terraform is read per module (a directory of files) by loadTerraform after the walk: read here only for secrets.
      terraformFiles.push(f);
      if (!secretRules) return;
    }
    const overlaid = opts.overlay?.get(f.abs);
    const read = overlaid !== undefined ? { ok: true as const, text: overlaid, bytes: Buffer.byteLength(overlaid) } : readManifest(f.abs, maxBytes, f.explicit);
    if (!manifest) {
      // Found by the secret scanner's walk: only text matters, and a binary file or a clean one is not a target.
      if (!read.ok) {
        if (read.code === 'binary') return;
        const t: Target = { path: f.display, kind: 'unknown', resources: 0, skippedDocuments: 0, errors: [], warnings: [] };
        (read.level === 'error' ? t.errors : t.warnings).push(issue(read.code, read.message, f.display));
        targets.push(t);
        return;
      }
      const found = secretsInText(read.text, f.display, secretRules ?? []);
      if (found.length > 0) targets.push({ path: f.display, kind: 'text', resources: 0, skippedDocuments: 0, errors: [], warnings: [] });
      for (const finding of found) secretFindings.push({ finding });
      return;
    }
    const kind = f.format === 'dockerfile' || f.format === 'compose' ? f.format : /\.json$/i.test(f.display) ? 'json' : 'yaml';
    const t: Target = { path: f.display, kind, resources: 0, skippedDocuments: 0, errors: [], warnings: [] };
    if (f.format !== 'terraform' && f.format !== 'tfvars') {
      targets.push(t);
      byPath.set(f.display, t);
    }
    if (!read.ok) {
      (read.level === 'error' ? t.errors : t.warnings).push(issue(read.code, read.message, f.display));
      t.kind = 'unknown';
      return;
    }
    if (secretRules) for (const finding of secretsInText(read.text, f.display, secretRules)) secretFindings.push({ finding });
    if (f.format === 'terraform' || f.format === 'tfvars') return;
    // Kubernetes objects are still extracted for the secret scanner alone (decoded Secret data); other formats only for checks.
    if (!configOn && (!secretRules || f.format !== undefined)) return;
    if (f.format === 'dockerfile') return addParsed(t, parseDockerfileText(read.text, f.display));
    if (f.format === 'compose') return addParsed(t, loadComposeFile(read.text, f.abs, f.display, composeOptions));
    const parsed = parseYamlDocuments(read.text, f.display);
    for (const e of parsed.errors) t.errors.push({ code: e.code, message: e.message, location: e.location });
    for (const w of parsed.warnings) t.warnings.push({ code: w.code, message: w.message, location: w.location });
    if (parsed.errors.length === 0 && parsed.documents.length === 1) {
      // Formats recognised by content: a compose file under another name, a Terraform plan (`terraform show -json`).
      const only = parsed.documents[0]!.value;
      if (t.kind === 'json' && isTerraformPlan(only)) {
        t.kind = 'terraform-plan';
        return addParsed(t, loadTerraformPlan(only, read.text, f.display));
      }
      if (looksLikeCompose(only)) {
        t.kind = 'compose';
        return addParsed(t, loadComposeFile(read.text, f.abs, f.display, composeOptions));
      }
    }
    const ex = extractObjects(parsed.documents, f.display);
    for (const e of ex.issues) t.errors.push({ code: e.code, message: e.message, location: e.location });
    t.resources = ex.objects.length;
    t.skippedDocuments = ex.skipped;
    if (ex.objects.length > 0) t.kind = 'kubernetes';
    for (const o of ex.objects) {
      objects.push(o);
      if (secretRules) for (const finding of secretsInSecretObject(o, secretRules)) secretFindings.push({ finding, obj: o });
    }
  });
  opts.onProgress?.(walk.files.length, walk.files.length);
  if (rendering && (rendering.charts.length > 0 || rendering.overlays.length > 0)) {
    const r = await renderAll(rendering, { cwd: opts.cwd, env: opts.env ?? {}, ...(opts.helm ? { helm: opts.helm } : {}) });
    targets.push(...r.targets);
    for (const t of r.targets) byPath.set(t.path, t);
    for (const [file, t] of r.byFile) if (!byPath.has(file)) byPath.set(file, t);
    objects.push(...r.objects);
    if (secretRules) for (const o of r.objects) for (const finding of secretsInSecretObject(o, secretRules)) secretFindings.push({ finding, obj: o });
  }
  if (configOn && terraformFiles.length > 0) {
    const tf = loadTerraform(terraformFiles, {
      cwd: opts.cwd,
      maxBytes,
      ...(opts.terraformVars ? { vars: opts.terraformVars } : {}),
      ...(opts.terraformVarFiles ? { varFiles: opts.terraformVarFiles } : {}),
    });
    for (const t of tf.targets) {
      targets.push(t);
      byPath.set(t.path, t);
    }
    objects.push(...tf.objects);
  }
  let denylist: Map<string, string> | undefined;
  if (opts.malware?.denylistFile) {
    const abs = resolve(opts.cwd, opts.malware.denylistFile);
    const loaded = await loadDenylist(abs, toDisplay(opts.cwd, abs));
    if (loaded.errors.length > 0) targets.push({ path: toDisplay(opts.cwd, abs), kind: 'unknown', resources: 0, skippedDocuments: 0, errors: loaded.errors, warnings: [] });
    denylist = loaded.entries;
  }
  if (opts.malware && walk.files.length > 0) await runMalware(opts.malware, denylist, walk.files, targets, byPath, secretFindings);
  const imageSources = (opts.images?.paths ?? []).map((p) => imageSourceFor(p, opts));
  for (const image of imageSecrets || opts.malware ? imageSources : []) {
    const res = await scanImageTarget(image.source, image.display, {
      ...(imageSecrets ? { secretRules: opts.secretRules! } : {}),
      maxFileBytes: maxBytes,
      ...(opts.malware ? { malware: { clamd: opts.malware.clamd, ...(denylist ? { denylist } : {}) } } : {}),
      ...(opts.images?.platform ? { platform: opts.images.platform } : {}),
    });
    targets.push(res.target);
    byPath.set(res.target.path, res.target);
    for (const finding of res.findings) secretFindings.push({ finding });
  }

  let inventory: Package[] | undefined;
  if (vulnOn) {
    const vuln = await runVuln(opts, opts.vuln!, lockfiles, imageSources, maxBytes, targets, byPath);
    inventory = vuln.inventory;
    for (const finding of vuln.findings) secretFindings.push({ finding });
  }

  const index = new ObjectIndex(objects);
  const engine = runChecksTracked(configOn ? selected.value : [], objects, index);
  for (const { finding, obj } of secretFindings) {
    engine.findings.push(finding);
    engine.subjects.push(obj ? subjectOf(obj) : undefined);
  }
  for (const c of engine.crashes) byPath.get(c.file)?.errors.push(c.issue);

  const aliases = new Map<string, readonly string[]>(library.map((c) => [c.meta.id, c.meta.aliases]));
  // A vulnerability waiver may name the advisory by any of its IDs (CVE, GHSA, the database's own).
  for (const f of engine.findings) if (f.vulnerability) aliases.set(f.checkId, f.vulnerability.aliases);
  const waived = applyWaivers({
    findings: engine.findings,
    subjects: engine.subjects,
    waivers: waivers.value,
    today: opts.now.toISOString().slice(0, 10),
    aliasesOf: (id) => aliases.get(id) ?? [],
  });
  for (const w of waived.warnings) byPath.get(w.path)?.warnings.push({ code: 'waiver', message: w.message, location: w.location });

  let findings = sortFindings(vex.value.length > 0 ? applyVex(waived.findings, vex.value, opts.now.toISOString().slice(0, 10)) : waived.findings);
  let diff: Report['diff'];
  if (diffBase) {
    const kept = newSince(findings, diffBase);
    findings = kept.findings;
    diff = { kind: diffBase.kind, base: diffBase.ref, unchanged: kept.unchanged, ...(diffBase.commit ? { commit: diffBase.commit } : {}) };
  }
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: opts.tool,
    generatedAt: opts.now.toISOString(),
    targets,
    findings,
    expiredWaivers: waived.expired,
    ...(inventory ? { inventory } : {}),
    ...(diff ? { diff } : {}),
    summary: summarize(targets, findings),
  };
  return {
    ok: true,
    report,
    failOn: opts.failOn ?? loaded.config.failOn ?? 'high',
    active: configOn ? selected.value : [],
    configFile: loaded.file,
  };
}

/**
 * The vulnerability scanner: lockfiles and SBOMs found by the walk, image and root-filesystem inventories, matched
 * against the local advisory database. Without a database the inventory is still reported; the missing database is a warning
 * when the scanner runs by default and an error when it was asked for by name.
 */
async function runVuln(
  opts: ScanOptions,
  v: VulnOptions,
  lockfiles: readonly { abs: string; display: string }[],
  images: readonly { source: ImageSource; display: string }[],
  maxBytes: number,
  targets: Target[],
  byPath: Map<string, Target>,
): Promise<{ inventory: Package[]; findings: Finding[] }> {
  const packages: Package[] = [];
  for (const f of lockfiles) {
    const res = lockfileInventory(f, opts.cwd, maxBytes);
    targets.push(res.target);
    byPath.set(res.target.path, res.target);
    packages.push(...res.packages);
  }
  const addInventory = (res: { packages: Package[]; target: Target }): void => {
    // With secrets on, the image already has a target from that pass: merge into it so an image is listed once.
    const existing = byPath.get(res.target.path);
    if (existing) {
      existing.errors.push(...res.target.errors);
      existing.warnings.push(...res.target.warnings);
    } else {
      targets.push(res.target);
      byPath.set(res.target.path, res.target);
    }
    packages.push(...res.packages);
  };
  for (const image of images) addInventory(await imageInventory(image.source, image.display, opts.images?.platform ? { platform: opts.images.platform } : {}));
  for (const dir of opts.rootfs ?? []) {
    const abs = resolve(opts.cwd, dir);
    addInventory(await directoryInventory(abs, toDisplay(opts.cwd, abs)));
  }
  if (packages.length === 0) return { inventory: packages, findings: [] };
  const opened = await openAdvisoryDb(v.dbPath, opts.now, v.maxDbAgeDays);
  const dbTarget = (): Target => {
    const t: Target = { path: `${toDisplay(opts.cwd, v.dbPath)} (advisory database)`, kind: 'unknown', resources: 0, skippedDocuments: 0, errors: [], warnings: [] };
    targets.push(t);
    return t;
  };
  if (!opened.ok) {
    const t = dbTarget();
    (v.required ? t.errors : t.warnings).push(issue('no-advisory-database', `${opened.message}; ${packages.length} packages listed in the inventory but not matched`, t.path));
    return { inventory: packages, findings: [] };
  }
  try {
    if (opened.db.warning) dbTarget().warnings.push(issue('stale-advisory-database', opened.db.warning, v.dbPath));
    const matched = matchInventory(packages, opened.db.source, v);
    for (const i of matched.issues) {
      let t = byPath.get(i.path);
      if (!t) {
        t = { path: i.path, kind: 'unknown', resources: 0, skippedDocuments: 0, errors: [], warnings: [] };
        targets.push(t);
        byPath.set(i.path, t);
      }
      (i.level === 'error' ? t.errors : t.warnings).push(i.issue);
    }
    return { inventory: packages, findings: matched.findings };
  } finally {
    opened.db.close();
  }
}

/** A local image (OCI layout dir/tar, docker save tar) when the path exists, else an image reference in a registry. */
function imageSourceFor(value: string, opts: ScanOptions): { source: ImageSource; display: string } {
  const abs = resolve(opts.cwd, value);
  if (existsSync(abs)) return { source: abs, display: toDisplay(opts.cwd, abs) };
  const r = opts.images?.registry;
  const options = {
    ...(r?.insecure ? { insecure: true } : {}),
    ...(r?.caFile ? { caFile: resolve(opts.cwd, r.caFile) } : {}),
    ...(r?.env ? { env: r.env } : {}),
  };
  return { source: { kind: 'registry', ref: value, options }, display: value };
}

/** ClamAV and the deny-list over every walked file; problems land on the file's target (an unreachable clamd on its own). */
async function runMalware(
  m: NonNullable<ScanOptions['malware']>,
  denylist: Map<string, string> | undefined,
  files: readonly { abs: string; display: string }[],
  targets: Target[],
  byPath: Map<string, Target>,
  out: { finding: Finding }[],
): Promise<void> {
  const targetFor = (path: string): Target => {
    let t = byPath.get(path);
    if (!t) {
      t = { path, kind: 'unknown', resources: 0, skippedDocuments: 0, errors: [], warnings: [] };
      byPath.set(path, t);
      targets.push(t);
    }
    return t;
  };
  const res = await scanForMalware(
    files.filter((f) => f.abs !== '-'),
    { clamd: m.clamd, ...(denylist ? { denylist } : {}) },
  );
  for (const e of res.errors) targetFor(e.location.path).errors.push(e);
  for (const w of res.warnings) targetFor(w.location.path).warnings.push(w);
  for (const finding of res.findings) {
    targetFor(finding.location.path);
    out.push({ finding });
  }
}

/**
 * Runs the engine one object at a time so each finding keeps a link to its object (for annotation waivers). Terraform
 * objects see only the objects of their own root module: two example roots in one repository are separate configurations
 * (an account-wide setting or a same-named bucket in one must not satisfy a check in the other).
 */
function runChecksTracked(active: ActiveCheck[], objects: K8sObject[], index: ObjectIndex) {
  const findings: Finding[] = [];
  const subjects: (WaiverSubject | undefined)[] = [];
  const crashes: ReturnType<typeof runChecks>['crashes'] = [];
  const roots = new Map<string, ConfigObject[]>();
  for (const o of objects) {
    const root = o.target === 'terraform' ? o.annotations[ROOT_ANNOTATION] : undefined;
    if (root === undefined) continue;
    const list = roots.get(root);
    if (list) list.push(o);
    else roots.set(root, [o]);
  }
  const rootIndex = new Map([...roots].map(([root, list]) => [root, new ObjectIndex(list)]));
  for (const obj of objects) {
    const root = obj.target === 'terraform' ? obj.annotations[ROOT_ANNOTATION] : undefined;
    const r = runChecks(active, [obj], (root !== undefined && rootIndex.get(root)) || index);
    if (r.findings.length > 0) {
      const s = subjectOf(obj);
      for (const f of r.findings) {
        findings.push(f);
        subjects.push(s);
      }
    }
    crashes.push(...r.crashes);
  }
  return { findings, subjects, crashes };
}

// Code-unit order, not localeCompare: deterministic across locales, and it does not load ICU on a one-file scan.
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function sortFindings(fs: Finding[]): Finding[] {
  return [...fs].sort(
    (a, b) =>
      cmp(a.location.path, b.location.path) ||
      a.location.startLine - b.location.startLine ||
      a.location.startColumn - b.location.startColumn ||
      cmp(a.checkId, b.checkId),
  );
}
