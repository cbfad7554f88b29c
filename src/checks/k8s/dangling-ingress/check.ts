import type { DataPath } from '../../../core/location.js';
import { defineCheck } from '../../define-check.js';
import { createdByOperator, isPlaceholder, normalizeNamespace, objectsInNamespace } from '../../_lib/network.js';
import { asArray, asRecord } from '../../_lib/pod.js';

interface BackendRef {
  service: string;
  path: DataPath;
}

/**
 * Service names an Ingress routes to, networking.k8s.io/v1 (`backend.service.name`) and the removed v1beta1 form
 * (`backend.serviceName`). AWS Load Balancer Controller action backends (`port.name: use-annotation`) name an
 * annotation, not a Service, and are skipped.
 */
function backendRefs(spec: Record<string, unknown>): BackendRef[] {
  const out: BackendRef[] = [];
  const add = (backend: unknown, path: DataPath): void => {
    const b = asRecord(backend);
    const svc = asRecord(b.service);
    if (typeof svc.name === 'string' && svc.name !== '') {
      if (asRecord(svc.port).name === 'use-annotation') return;
      out.push({ service: svc.name, path: [...path, 'service', 'name'] });
    } else if (typeof b.serviceName === 'string' && b.serviceName !== '') {
      if (b.servicePort === 'use-annotation') return;
      out.push({ service: b.serviceName, path: [...path, 'serviceName'] });
    }
  };
  add(spec.defaultBackend, ['spec', 'defaultBackend']);
  add(spec.backend, ['spec', 'backend']);
  asArray(spec.rules).forEach((rule, i) => {
    asArray(asRecord(asRecord(rule).http).paths).forEach((p, j) => {
      add(asRecord(p).backend, ['spec', 'rules', i, 'http', 'paths', j, 'backend']);
    });
  });
  return out;
}

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0103',
    slug: 'dangling-ingress',
    title: 'Ingress routes to a Service that is not in the scan',
    severity: 'low',
    category: 'cross-resource',
    kinds: ['Ingress'],
    description:
      "An Ingress backend (default backend or a rule path, `service.name` or the old `serviceName`) names a Service that the scan does not contain in the Ingress's namespace (unset and `default` are the same namespace). Each missing Service is reported once, at its first reference; resource backends and AWS Load Balancer Controller `use-annotation` actions are skipped. To stay quiet on partial scans, the check only reports when the scan contains at least one Service in that namespace, and not for Services named after a custom resource of the namespace (`<name>` or `<name>-…`, as operators name the Services they create; configuration kinds such as Certificate do not count).",
    rationale:
      'A path that routes to a missing Service answers 503 (or the controller drops the whole Ingress). It is also a dormant hijack: anyone allowed to create a Service with that name in the namespace receives the traffic of the public host name.',
    remediation: `Point the backend at the Service that fronts the workload, in the same namespace as the Ingress.

\`\`\`yaml
rules:
  - host: shop.example.com
    http:
      paths:
        - path: /
          pathType: Prefix
          backend:
            service:
              name: web
              port: { name: http }
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/ingress/#the-ingress-resource',
      'https://docs.kubelinter.io/#/generated/checks?id=dangling-ingress',
    ],
    standards: {},
    peers: [{ tool: 'kube-linter', id: 'dangling-ingress', match: 'same' }],
    messages: {
      dangling: 'Ingress "{{name}}" routes to Service "{{service}}", which is not in the scan in namespace "{{namespace}}".',
    },
    examples: {
      good: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: shop }
spec:
  defaultBackend:
    service: { name: web, port: { number: 80 } }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
`,
      bad: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: shop }
spec:
  defaultBackend:
    service: { name: frontend, port: { number: 80 } }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
`,
    },
  },
  run(obj, ctx) {
    const services = objectsInNamespace(ctx.index, obj.namespace, 'Service');
    if (services.length === 0) return;
    const names = new Set(services.map((s) => s.name));
    const reported = new Set<string>();
    for (const ref of backendRefs(asRecord(obj.value.spec))) {
      if (names.has(ref.service) || reported.has(ref.service) || isPlaceholder(ref.service)) continue;
      reported.add(ref.service);
      if (createdByOperator(ctx.index, obj.namespace, ref.service)) continue;
      ctx.report({ path: ref.path, data: { name: obj.name, service: ref.service, namespace: normalizeNamespace(obj.namespace) } });
    }
  },
});
