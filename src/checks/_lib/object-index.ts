import type { ConfigObject } from '../../core/config-object.js';

type K8sObject = ConfigObject;

/**
 * Lookup over every object of a scan, for checks that relate objects to each other. Kinds do not collide across targets
 * (Kubernetes kinds are CamelCase, Terraform types snake_case, `Dockerfile`, `ComposeService`), so one index serves all.
 */
export class ObjectIndex {
  private readonly byKind = new Map<string, K8sObject[]>();
  private readonly memos = new Map<string, unknown>();

  constructor(readonly objects: readonly K8sObject[]) {
    for (const o of objects) {
      const list = this.byKind.get(o.kind);
      if (list) list.push(o);
      else this.byKind.set(o.kind, [o]);
    }
  }

  /** Objects of the given kinds. The array is shared (computed once per scan): do not mutate it. */
  ofKind(...kinds: string[]): readonly K8sObject[] {
    if (kinds.length === 1) return this.byKind.get(kinds[0]!) ?? [];
    return this.memo(`ofKind:${kinds.join('|')}`, () => kinds.flatMap((k) => this.byKind.get(k) ?? []));
  }

  /** Same namespace, treating '' (unset) as equal to '' only: manifests without a namespace are applied together. */
  inNamespace(ns: string, ...kinds: string[]): readonly K8sObject[] {
    return this.memo(`inNamespace:${ns}:${kinds.join('|')}`, () => this.ofKind(...kinds).filter((o) => o.namespace === ns));
  }

  /**
   * Per-scan cache for derived lookups. Cross-resource checks run once per object; without this, a Service check that
   * filters every workload of its namespace is quadratic on a large repository.
   */
  memo<T>(key: string, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const v = compute();
    this.memos.set(key, v);
    return v;
  }

  find(kind: string, name: string, namespace?: string): K8sObject | undefined {
    return (this.byKind.get(kind) ?? []).find((o) => o.name === name && (namespace === undefined || o.namespace === namespace));
  }
}
