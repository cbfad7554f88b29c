import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import type { ConfigObject } from '../../core/config-object.js';
import type { DataPath, Location } from '../../core/location.js';
import { extractObjects, isRecord, parseYamlDocuments } from '../../parsers/k8s-yaml/index.js';
import { toDisplay } from '../walk.js';
import { findRenderer, missingRendererMessage } from './binaries.js';
import { runTool, trimStderr } from './exec.js';
import type { RenderContext } from './helm.js';
import { mappedLocator, parseRendered, relocate, renderTarget, stripAnnotation, targetIssue, type RenderOutput } from './rendered.js';

export const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;
const ORIGIN = 'config.kubernetes.io/origin';

/** What a kustomization file points at, resolved to absolute paths. */
export interface KustomizationRefs {
  /** resources / bases / components: files or directories (a directory holds another kustomization). */
  resources: string[];
  /** Patch files (patches[].path, patchesStrategicMerge, patchesJson6902[].path) and other files it reads. */
  files: string[];
  /** Strategic-merge patch files, whose objects can be where a field of the build came from. */
  patchFiles: string[];
  /** Remote resources (URLs, git): they would need the network. */
  remote: string[];
}

const isRemote = (s: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || /^(git@|github\.com\/|gitlab\.com\/|bitbucket\.org\/)/.test(s);

export function kustomizationRefs(text: string, dir: string): KustomizationRefs {
  const refs: KustomizationRefs = { resources: [], files: [], patchFiles: [], remote: [] };
  let doc: unknown;
  try {
    doc = parseYamlDocuments(text, 'kustomization.yaml').documents[0]?.value;
  } catch {
    return refs;
  }
  if (!isRecord(doc)) return refs;
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && !s.includes('\n')) : []);
  const paths = (v: unknown): string[] => (Array.isArray(v) ? v.flatMap((p) => (isRecord(p) && typeof p.path === 'string' ? [p.path] : [])) : []);
  for (const r of [...strings(doc.resources), ...strings(doc.bases), ...strings(doc.components)]) {
    if (isRemote(r)) refs.remote.push(r);
    else refs.resources.push(resolve(dir, r));
  }
  const smp = [...paths(doc.patches), ...strings(doc.patchesStrategicMerge)].map((p) => resolve(dir, p));
  refs.patchFiles.push(...smp);
  refs.files.push(...smp, ...paths(doc.patchesJson6902).map((p) => resolve(dir, p)), ...paths(doc.replacements).map((p) => resolve(dir, p)));
  for (const k of ['crds', 'configurations', 'transformers', 'generators', 'validators'] as const) {
    refs.files.push(...strings(doc[k]).filter((s) => !isRemote(s)).map((p) => resolve(dir, p)));
  }
  return refs;
}

interface OriginObjects {
  display: string;
  objects: ConfigObject[];
}

/**
 * `kustomize build` on one overlay, through a throwaway kustomization that only adds `buildMetadata: [originAnnotations]`:
 * every object then names the file it came from, and is reported there (the annotation is removed before checks run).
 */
export async function renderKustomization(
  dir: string,
  chain: { patchFiles: string[]; kustomizationFile: string },
  ctx: RenderContext,
): Promise<RenderOutput> {
  const display = toDisplay(ctx.cwd, dir);
  const target = renderTarget(display, 'kustomize');
  const files = new Set<string>();
  const bin = findRenderer('kustomize', ctx.env);
  if (!bin) {
    target.errors.push(targetIssue('renderer-missing', missingRendererMessage('kustomize', 'overlay'), display));
    return { target, objects: [], files };
  }
  const tmp = mkdtempSync(join(tmpdir(), 'palisade-kustomize-'));
  let run;
  try {
    const rel = relative(tmp, dir).split(sep).join('/');
    writeFileSync(join(tmp, 'kustomization.yaml'), `resources:\n  - ${JSON.stringify(rel)}\nbuildMetadata: [originAnnotations]\n`);
    run = await runTool(bin, ['build', tmp], { cwd: ctx.cwd, env: ctx.env, limits: ctx.limits });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  if (!run.ok) {
    const why = (trimStderr(run.stderr) || run.reason || 'unknown failure').split(tmp).join('<overlay wrapper>');
    target.errors.push(targetIssue('render-failed', `kustomize build failed (${run.reason}): ${why}`, display));
    return { target, objects: [], files };
  }
  const parsedFiles = new Map<string, OriginObjects | undefined>();
  const objectsIn = (abs: string): OriginObjects | undefined => {
    if (!parsedFiles.has(abs)) {
      let v: OriginObjects | undefined;
      try {
        const d = toDisplay(ctx.cwd, abs);
        const parsed = parseYamlDocuments(readFileSync(abs, 'utf8'), d);
        v = { display: d, objects: extractObjects(parsed.documents, d).objects };
      } catch {
        v = undefined;
      }
      parsedFiles.set(abs, v);
    }
    return parsedFiles.get(abs);
  };
  const kustomizationDisplay = toDisplay(ctx.cwd, chain.kustomizationFile);
  const objects = parseRendered(run.stdout, target).map(({ obj }) => {
    const origin = parseOrigin(obj.annotations[ORIGIN]);
    const clean = stripAnnotation(obj, ORIGIN);
    const originAbs = origin.path !== undefined && origin.repo === undefined ? resolve(tmp, origin.path) : undefined;
    const home = originAbs ? objectsIn(originAbs) : undefined;
    const original = home ? pick(home.objects, clean) : undefined;
    if (!home || !original) {
      // Generated (configMapGenerator…) or remote: the kustomization that made it is the honest place.
      const where = origin.configuredIn ? toDisplay(ctx.cwd, resolve(tmp, origin.configuredIn)) : kustomizationDisplay;
      files.add(where);
      const at: Location = { path: where, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
      return relocate(clean, where, mappedLocator(clean.source, () => at));
    }
    files.add(home.display);
    // Strategic-merge patches of this overlay and its bases that target the object: a field they add is located there.
    const patches = chain.patchFiles.flatMap((p) => {
      const o = objectsIn(p);
      const hit = o ? pick(o.objects, clean, true) : undefined;
      return hit ? [hit] : [];
    });
    const place = (existing: DataPath): Location => {
      let best = original.source.resolve([...original.basePath, ...existing]);
      for (const p of patches) {
        const r = p.source.resolve([...p.basePath, ...existing]);
        if (r.matched > best.matched) best = r;
      }
      return best.location;
    };
    const relocated = relocate(clean, home.display, mappedLocator(clean.source, place));
    for (const p of patches) files.add(p.file);
    return relocated;
  });
  target.resources = objects.length;
  return { target, objects, files };
}

/** The origin annotation is a small YAML mapping: `path:`, and `repo:`/`ref:` for remote, `configuredIn:` for generated. */
function parseOrigin(text: string | undefined): { path?: string; repo?: string; configuredIn?: string } {
  const out: { path?: string; repo?: string; configuredIn?: string } = {};
  if (!text) return out;
  for (const line of text.split('\n')) {
    const m = /^(path|repo|configuredIn):\s*(.+)$/.exec(line.trim());
    if (m) out[m[1] as 'path' | 'repo' | 'configuredIn'] = m[2]!.replace(/^["']|["']$/g, '');
  }
  return out;
}

/** The object of a source file the rendered one came from: same kind and the name inside the rendered name (prefix/suffix). */
function pick(candidates: readonly ConfigObject[], rendered: ConfigObject, strict = false): ConfigObject | undefined {
  const sameKind = candidates.filter((c) => c.kind === rendered.kind);
  const exact = sameKind.find((c) => c.name === rendered.name);
  if (exact) return exact;
  const within = sameKind.filter((c) => c.name !== '' && rendered.name.includes(c.name)).sort((a, b) => b.name.length - a.name.length);
  if (within[0]) return within[0];
  return !strict && sameKind.length === 1 ? sameKind[0] : undefined;
}

