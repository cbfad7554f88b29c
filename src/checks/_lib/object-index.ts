import type { K8sObject } from '../../parsers/k8s-yaml/index.js';

/** Lookup over every object of a scan, for checks that relate objects to each other. */
export class ObjectIndex {
  private readonly byKind = new Map<string, K8sObject[]>();

  constructor(readonly objects: readonly K8sObject[]) {
    for (const o of objects) {
      const list = this.byKind.get(o.kind);
      if (list) list.push(o);
      else this.byKind.set(o.kind, [o]);
    }
  }

  ofKind(...kinds: string[]): K8sObject[] {
    return kinds.flatMap((k) => this.byKind.get(k) ?? []);
  }

  /** Same namespace, treating '' (unset) as equal to '' only: manifests without a namespace are applied together. */
  inNamespace(ns: string, ...kinds: string[]): K8sObject[] {
    return this.ofKind(...kinds).filter((o) => o.namespace === ns);
  }

  find(kind: string, name: string, namespace?: string): K8sObject | undefined {
    return (this.byKind.get(kind) ?? []).find((o) => o.name === name && (namespace === undefined || o.namespace === namespace));
  }
}
