import type { ConfigObject, SourceLocator } from '../../core/config-object.js';
import type { DataPath, Location } from '../../core/location.js';
import type { Target, TargetIssue } from '../../core/report.js';
import { extractObjects, isRecord, parseYamlDocuments, type K8sObject } from '../../parsers/k8s-yaml/index.js';

export interface RenderOutput {
  target: Target;
  objects: ConfigObject[];
  /** Files the objects are reported at (templates, bases, patches), for attaching crash and waiver issues to the target. */
  files: Set<string>;
}

export function renderTarget(path: string, kind: 'helm' | 'kustomize'): Target {
  return { path, kind, resources: 0, skippedDocuments: 0, errors: [], warnings: [] };
}

export function targetIssue(code: string, message: string, path: string, line = 1): TargetIssue {
  return { code, message, location: { path, startLine: line, startColumn: 1, endLine: line, endColumn: 1 } };
}

export interface RenderedDoc {
  obj: K8sObject;
  /** Comment lines of the document before its first key (Helm's `# Source:` lives there). */
  header: string[];
}

/**
 * Parses a renderer's output with the normal Kubernetes parser. The stream itself is no file anyone can open, so its
 * parse problems are put on the chart/overlay (they mean the renderer produced broken YAML, i.e. a template bug).
 */
export function parseRendered(stdout: string, target: Target): RenderedDoc[] {
  const parsed = parseYamlDocuments(stdout, target.path);
  for (const e of parsed.errors) target.errors.push(targetIssue(e.code, `rendered output: ${e.message} (line ${e.location.startLine} of the rendered stream)`, target.path));
  const ex = extractObjects(parsed.documents, target.path);
  for (const e of ex.issues) target.errors.push(targetIssue(e.code, `rendered output: ${e.message}`, target.path));
  target.skippedDocuments = ex.skipped;
  return ex.objects.map((obj) => ({ obj, header: headerComments(obj.docText()) }));
}

function headerComments(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t === '' || t === '---') continue;
    if (!t.startsWith('#')) break;
    out.push(t);
  }
  return out;
}

/**
 * A locator that keeps the rendered document's idea of which part of a path exists (so "nearest existing parent"
 * still holds) and asks `place` where that existing part lives in the user's files.
 */
export function mappedLocator(rendered: SourceLocator, place: (existing: DataPath) => Location): SourceLocator {
  const resolve = (path: DataPath): { location: Location; matched: number } => {
    const r = rendered.resolve(path);
    return { location: place(path.slice(0, r.matched)), matched: r.matched };
  };
  return { resolve, locate: (path) => resolve(path).location };
}

/** The object as checks see it, reported at `file` through `source`. */
export function relocate(obj: K8sObject, file: string, source: SourceLocator): K8sObject {
  return { ...obj, file, source };
}

/** Removes an annotation the renderer added for us, so it cannot change any finding. */
export function stripAnnotation(obj: K8sObject, key: string): K8sObject {
  if (!(key in obj.annotations)) return obj;
  const { [key]: _drop, ...annotations } = obj.annotations;
  const md = obj.value.metadata;
  if (isRecord(md) && isRecord(md.annotations)) {
    const { [key]: _gone, ...rest } = md.annotations;
    if (Object.keys(rest).length > 0) md.annotations = rest;
    else delete md.annotations;
  }
  return { ...obj, annotations };
}
