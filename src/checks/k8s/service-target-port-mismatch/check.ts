import { defineCheck } from '../../define-check.js';
import { declaredPorts, objectsInNamespace, serviceSelector, workloadsSelectedByMap } from '../../_lib/network.js';
import { asArray, asRecord } from '../../_lib/pod.js';

/** IANA service name syntax that Kubernetes requires of port names: lower case, a letter, at most 15 characters. */
const PORT_NAME = /^(?=.{1,15}$)(?=.*[a-z])[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0098',
    slug: 'service-target-port-mismatch',
    title: 'Service targetPort does not match a port of the selected pods',
    severity: 'medium',
    category: 'cross-resource',
    kinds: ['Service'],
    description:
      "A port of a Service with a selector targets a container port its pods do not have. A named `targetPort` must be the name of a container port with the same protocol in at least one selected pod template (as the endpoints controller requires). A numeric `targetPort` (or the `port` itself when `targetPort` is unset) is only reported when every selected pod template declares its ports and no port of the Service reaches a declared port at all, while some declared port is targeted by no Service of the namespace (the port it most likely meant): declaring ports is optional, and pods often serve metrics or TLS on ports they do not declare. Target names that are not valid port names (template placeholders) are left to other checks. Regular containers and sidecar init containers (`restartPolicy: Always`) count. Services whose selector matches no workload of the scan are left to dangling-service.",
    rationale:
      'A Service port that points at a port the pods do not serve gets no endpoints (named port) or sends traffic to a closed port: requests fail while the Service and pods look healthy. A targetPort that lands on a different, unintended port of the pod can expose an admin or metrics listener through the Service.',
    remediation: `Point \`targetPort\` at a port the container declares, preferably by name so that the two cannot drift.

\`\`\`yaml
# Service
ports:
  - name: http
    port: 80
    targetPort: http
# Pod template
containers:
  - name: web
    ports:
      - name: http
        containerPort: 8080
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/service/#field-spec-ports',
      'https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service',
    ],
    standards: {},
    peers: [],
    messages: {
      named:
        'Service "{{name}}" port {{port}} targets the named port "{{target}}" ({{protocol}}), which no selected pod template ({{workloads}}) declares.',
      numeric:
        'Target port {{target}} of Service "{{name}}" port {{port}} is not declared by the selected pod templates ({{workloads}}), which declare {{declared}}.',
    },
    examples: {
      good: `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ name: http, port: 80, targetPort: http }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports: [{ name: http, containerPort: 8080 }]
`,
      bad: `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ name: http, port: 80, targetPort: web }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports: [{ name: http, containerPort: 8080 }]
`,
    },
  },
  run(obj, ctx) {
    const selector = serviceSelector(obj);
    if (!selector) return;
    const selected = workloadsSelectedByMap(ctx.index, obj.namespace, selector);
    if (selected.length === 0) return;
    const byWorkload = selected.map((w) => ({ w, ports: declaredPorts(w) }));
    const workloads = selected.map((w) => `${w.kind}/${w.name}`).join(', ');

    // Declaring container ports is optional, so a numeric target is only judged when every selected template declares
    // its ports and the Service has no port in common with them at all (a Service that reaches one declared port shows
    // that its author knows the pod; its other numeric ports may target listeners the pod does not declare).
    const allDeclare = byWorkload.every(({ ports }) => ports.length > 0);
    const pending: { path: (string | number)[]; data: Record<string, string | number> }[] = [];
    let anyResolved = false;

    asArray(asRecord(obj.value.spec).ports).forEach((p, i) => {
      const port = asRecord(p);
      const protocol = typeof port.protocol === 'string' ? port.protocol : 'TCP';
      const label = typeof port.name === 'string' && port.name !== '' ? `"${port.name}"` : String(port.port);
      const raw = port.targetPort ?? port.port;
      const path = ['spec', 'ports', i, 'targetPort'];

      if (typeof raw === 'string' && !/^\d+$/.test(raw.trim())) {
        // Not a valid port name (a template placeholder, a typo in case): another problem than a mismatch.
        if (!PORT_NAME.test(raw)) return;
        if (byWorkload.some(({ ports }) => ports.some((d) => d.name === raw && d.protocol === protocol))) {
          anyResolved = true;
          return;
        }
        ctx.report({ path, messageId: 'named', data: { port: label, name: obj.name, target: raw, protocol, workloads } });
        return;
      }
      const target = Number(raw);
      if (!Number.isInteger(target)) return;
      if (byWorkload.some(({ ports }) => ports.some((d) => d.port === target))) {
        anyResolved = true;
        return;
      }
      pending.push({ path, data: { port: label, name: obj.name, target, workloads } });
    });

    if (!allDeclare || anyResolved || pending.length === 0) return;
    // And only when a declared port is left that no Service of the namespace targets: the port this Service most likely
    // meant. When every declared port is in use elsewhere, the target is probably an undeclared listener (metrics).
    const targeted = new Set<string>();
    for (const svc of objectsInNamespace(ctx.index, obj.namespace, 'Service')) {
      for (const sp of asArray(asRecord(svc.value.spec).ports)) {
        const r = asRecord(sp);
        targeted.add(String(r.targetPort ?? r.port));
      }
    }
    const orphan = byWorkload.some(({ ports }) => ports.some((d) => !targeted.has(String(d.port)) && !(d.name !== undefined && targeted.has(d.name))));
    if (!orphan) return;
    const declared = [...new Set(byWorkload.flatMap(({ ports }) => ports.map((d) => (d.name ? `${d.port} (${d.name})` : String(d.port)))))].join(', ');
    for (const f of pending) ctx.report({ path: f.path, messageId: 'numeric', data: { ...f.data, declared } });
  },
});
