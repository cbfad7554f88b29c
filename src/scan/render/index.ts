import { readFileSync } from 'node:fs';
import { basename, dirname, sep } from 'node:path';
import type { ConfigObject } from '../../core/config-object.js';
import type { Target } from '../../core/report.js';
import type { InputFile } from '../walk.js';
import { DEFAULT_TOOL_LIMITS, type ToolLimits } from './exec.js';
import { renderHelmChart, type HelmChart } from './helm.js';
import { KUSTOMIZATION_NAMES, kustomizationRefs, renderKustomization, type KustomizationRefs } from './kustomize.js';

export { findRenderer, renderersCacheDir, missingRendererMessage } from './binaries.js';

interface Overlay {
  dir: string;
  file: string;
  refs: KustomizationRefs;
}

export interface RenderPlan {
  charts: HelmChart[];
  /** Kustomizations no other scanned kustomization uses: each is built once (bases are built through them). */
  overlays: Overlay[];
  /** Overlays by directory, roots or not: a root's chain of patch files is gathered through them. */
  allOverlays: Map<string, Overlay>;
  /** Walked files that belong to a chart or an overlay: not parsed as plain YAML (the secret scanner still reads them). */
  owned: Set<string>;
}

const within = (dir: string, abs: string): boolean => abs.startsWith(dir.endsWith(sep) ? dir : dir + sep);
const KUSTOMIZATION = new Set<string>(KUSTOMIZATION_NAMES);

/** Finds Helm charts (a Chart.yaml, or a chart archive named as input) and Kustomize overlays among the walked files. */
export function planRendering(files: readonly InputFile[]): RenderPlan {
  const chartDirs: string[] = [];
  const archives: HelmChart[] = [];
  const kfiles: string[] = [];
  for (const f of files) {
    if (f.abs === '-') continue;
    const name = basename(f.abs);
    if (name === 'Chart.yaml') chartDirs.push(dirname(f.abs));
    else if (f.explicit && /\.(tgz|tar\.gz)$/i.test(name)) archives.push({ abs: f.abs, archive: true });
    else if (KUSTOMIZATION.has(name)) kfiles.push(f.abs);
  }
  // A chart inside another chart's directory (charts/<sub>) is a subchart: rendered by its parent.
  const roots = chartDirs.filter((d) => !chartDirs.some((o) => o !== d && within(o, d)));
  const owned = new Set<string>(archives.map((a) => a.abs));
  for (const f of files) if (roots.some((d) => within(d, f.abs))) owned.add(f.abs);

  const allOverlays = new Map<string, Overlay>();
  for (const file of kfiles) {
    const dir = dirname(file);
    if (roots.some((d) => within(d, file)) || allOverlays.has(dir)) continue;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      text = '';
    }
    allOverlays.set(dir, { dir, file, refs: kustomizationRefs(text, dir) });
  }
  const used = new Set<string>();
  for (const o of allOverlays.values()) for (const r of o.refs.resources) if (allOverlays.has(r) && r !== o.dir) used.add(r);
  const walked = new Set(files.map((f) => f.abs));
  for (const o of allOverlays.values()) {
    owned.add(o.file);
    for (const r of [...o.refs.resources, ...o.refs.files]) if (walked.has(r)) owned.add(r);
  }
  const overlays = [...allOverlays.values()].filter((o) => !used.has(o.dir));
  return { charts: [...roots.map((abs) => ({ abs, archive: false })), ...archives], overlays, allOverlays, owned };
}

/** Every strategic-merge patch file of an overlay and of the overlays it builds on (cycles cut). */
function patchChain(root: Overlay, all: ReadonlyMap<string, Overlay>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (o: Overlay): void => {
    if (seen.has(o.dir)) return;
    seen.add(o.dir);
    out.push(...o.refs.patchFiles);
    for (const r of o.refs.resources) {
      const sub = all.get(r);
      if (sub) visit(sub);
    }
  };
  visit(root);
  return out;
}

export interface RenderAllOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  helm?: { valuesFiles: string[]; set: string[] };
  limits?: ToolLimits;
}

export interface RenderAllResult {
  targets: Target[];
  objects: ConfigObject[];
  /** Reported file → the chart/overlay target it was rendered under. */
  byFile: Map<string, Target>;
}

/** Renders every chart and root overlay of the plan, one after another (renderers are CPU-heavy; no point racing them). */
export async function renderAll(plan: RenderPlan, opts: RenderAllOptions): Promise<RenderAllResult> {
  const ctx = { cwd: opts.cwd, env: opts.env, limits: opts.limits ?? DEFAULT_TOOL_LIMITS, ...(opts.helm ? { helm: opts.helm } : {}) };
  const targets: Target[] = [];
  const objects: ConfigObject[] = [];
  const byFile = new Map<string, Target>();
  const add = (r: Awaited<ReturnType<typeof renderHelmChart>>): void => {
    targets.push(r.target);
    objects.push(...r.objects);
    for (const f of r.files) byFile.set(f, r.target);
  };
  for (const chart of plan.charts) add(await renderHelmChart(chart, ctx));
  for (const o of plan.overlays) {
    const r = await renderKustomization(o.dir, { patchFiles: patchChain(o, plan.allOverlays), kustomizationFile: o.file }, ctx);
    if (o.refs.remote.length > 0 && r.target.errors.length > 0) {
      r.target.warnings.push({ code: 'remote-resource', message: `remote resources need the network: ${o.refs.remote.join(', ')}`, location: { path: r.target.path, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } });
    }
    add(r);
  }
  return { targets, objects, byFile };
}

