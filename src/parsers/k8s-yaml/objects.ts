import type { ConfigObject } from '../../core/config-object.js';
import type { DataPath, Location } from '../../core/location.js';
import type { ParseIssue, ParsedDocument } from './types.js';

/** A Kubernetes object found in a file (`target: 'kubernetes'`), with everything a check needs to read it and locate a field. */
export type K8sObject = ConfigObject;

export function locateIn(obj: ConfigObject, path: DataPath): Location {
  return obj.source.locate([...obj.basePath, ...path]);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringMap(v: unknown): Record<string, string> {
  if (!isRecord(v)) return {};
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) if (val !== null && val !== undefined) out[k] = String(val);
  return out;
}

/** A Kubernetes-shaped mapping: string apiVersion and kind. */
function looksLikeK8s(v: unknown): v is Record<string, unknown> {
  return isRecord(v) && typeof v.apiVersion === 'string' && typeof v.kind === 'string' && v.apiVersion !== '' && v.kind !== '';
}

export interface ExtractResult {
  objects: K8sObject[];
  /** Documents that were not Kubernetes objects (e.g. a Helm values file). */
  skipped: number;
  issues: ParseIssue[];
}

/** Finds Kubernetes objects in parsed documents, flattening `kind: List` (and `*List` kinds with `items`). */
export function extractObjects(docs: readonly ParsedDocument[], file: string): ExtractResult {
  const objects: K8sObject[] = [];
  const issues: ParseIssue[] = [];
  let skipped = 0;
  for (const doc of docs) {
    const v = doc.value;
    if (v === null || v === undefined) continue;
    if (!looksLikeK8s(v)) {
      skipped++;
      continue;
    }
    const kind = v.kind as string;
    if (kind.endsWith("List") && Array.isArray(v.items)) {
      v.items.forEach((item, i) => {
        if (looksLikeK8s(item)) objects.push(toObject(item, file, doc, ['items', i]));
        else
          issues.push({
            code: 'not-an-object',
            message: `items[${i}] of ${kind} is not a Kubernetes object (needs apiVersion and kind)`,
            location: doc.source.locate(['items', i]),
          });
      });
      continue;
    }
    objects.push(toObject(v, file, doc, []));
  }
  return { objects, skipped, issues };
}

function toObject(v: Record<string, unknown>, file: string, doc: ParsedDocument, basePath: DataPath): K8sObject {
  const md = isRecord(v.metadata) ? v.metadata : {};
  return {
    target: 'kubernetes',
    apiVersion: v.apiVersion as string,
    kind: v.kind as string,
    name: typeof md.name === 'string' ? md.name : typeof md.generateName === 'string' ? md.generateName : '',
    namespace: typeof md.namespace === 'string' ? md.namespace : '',
    labels: stringMap(md.labels),
    annotations: stringMap(md.annotations),
    value: v,
    file,
    docIndex: doc.index,
    basePath,
    source: doc.source,
    docText: doc.text,
  };
}
