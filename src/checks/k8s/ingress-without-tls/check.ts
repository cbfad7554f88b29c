import { defineCheck } from '../../define-check.js';
import { isRecord } from '../../../parsers/k8s-yaml/index.js';
import { asArray, asRecord } from '../../_lib/pod.js';

/**
 * Controllers that terminate TLS from an annotation instead of spec.tls (a cloud certificate, or TLS on every router).
 * `test` undefined = any non-empty value.
 */
const TLS_ANNOTATIONS: readonly { key: string; test?: (v: string) => boolean }[] = [
  { key: 'alb.ingress.kubernetes.io/certificate-arn' },
  { key: 'alb.ingress.kubernetes.io/listen-ports', test: (v) => /https/i.test(v) },
  { key: 'ingress.gcp.kubernetes.io/pre-shared-cert' },
  { key: 'networking.gke.io/managed-certificates' },
  { key: 'appgw.ingress.kubernetes.io/appgw-ssl-certificate' },
  { key: 'traefik.ingress.kubernetes.io/router.tls', test: (v) => v.trim().toLowerCase() === 'true' },
];

function tlsFromAnnotation(annotations: Record<string, string>): boolean {
  return TLS_ANNOTATIONS.some(({ key, test }) => {
    const v = annotations[key];
    if (v === undefined || v.trim() === '') return false;
    return test ? test(v) : true;
  });
}

/** `*.example.com` covers `a.example.com` (one label), not `example.com` nor `a.b.example.com`. */
function hostCovered(host: string, tlsHost: string): boolean {
  const h = host.toLowerCase();
  const t = tlsHost.toLowerCase();
  if (h === t) return true;
  if (!t.startsWith('*.')) return false;
  const suffix = t.slice(1); // ".example.com"
  if (!h.endsWith(suffix)) return false;
  const label = h.slice(0, -suffix.length);
  return label !== '' && !label.includes('.') && label !== '*';
}

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0095',
    slug: 'ingress-without-tls',
    title: 'Ingress serves hosts without TLS',
    severity: 'medium',
    category: 'network',
    kinds: ['Ingress'],
    description:
      'An Ingress with rules (or a default backend) has no `spec.tls`, or a rule host is not covered by any `spec.tls[].hosts` entry (a `*.example.com` entry covers exactly one extra label). A `spec.tls` entry without hosts covers every host, as the API documents. Ingresses whose controller terminates TLS from an annotation are skipped: AWS Load Balancer Controller `certificate-arn` or an HTTPS `listen-ports`, GKE `pre-shared-cert` / `managed-certificates`, Azure Application Gateway `appgw-ssl-certificate` and Traefik `router.tls: "true"`.',
    rationale:
      'Without TLS the controller serves the host over plain HTTP: credentials, session cookies and personal data cross the network in clear text and can be read or altered by anyone on the path. A host missing from the TLS list is served with the default (usually self-signed) certificate, or not over HTTPS at all.',
    remediation: `Add a \`tls\` section that lists every host of the rules, with a certificate Secret (cert-manager can issue it).

\`\`\`yaml
spec:
  tls:
    - hosts: ["shop.example.com", "api.example.com"]
      secretName: shop-tls
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: { name: web, port: { number: 80 } }
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/ingress/#tls',
      'https://github.com/FairwindsOps/polaris/blob/master/checks/tlsSettingsMissing.yaml',
    ],
    standards: {},
    peers: [{ tool: 'polaris', id: 'tlsSettingsMissing', match: 'partial' }],
    messages: {
      noTls: 'Ingress "{{name}}" has no spec.tls: {{hosts}} served over plain HTTP.',
      hostNotCovered: 'Host "{{host}}" of Ingress "{{name}}" is not listed in any spec.tls[].hosts.',
    },
    examples: {
      good: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: shop }
spec:
  tls:
    - hosts: ["*.example.com"]
      secretName: wildcard-tls
  rules:
    - host: shop.example.com
      http:
        paths:
          - { path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }
`,
      bad: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: shop }
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - { path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }
`,
    },
  },
  run(obj, ctx) {
    const spec = asRecord(obj.value.spec);
    const rules = asArray(spec.rules);
    const hasDefault = isRecord(spec.defaultBackend) || isRecord(spec.backend);
    if (rules.length === 0 && !hasDefault) return;
    if (tlsFromAnnotation(obj.annotations)) return;

    const tls = asArray(spec.tls).filter(isRecord);
    if (tls.length === 0) {
      const hosts = [...new Set(rules.map((r) => asRecord(r).host).filter((h): h is string => typeof h === 'string' && h !== ''))];
      const what = hosts.length === 0 ? 'every host is' : hosts.length === 1 ? `host ${hosts[0]} is` : `hosts ${hosts.join(', ')} are`;
      ctx.report({ path: ['spec', 'tls'], messageId: 'noTls', data: { name: obj.name, hosts: what } });
      return;
    }
    // A tls entry without hosts applies to every host the controller serves for this Ingress.
    if (tls.some((t) => asArray(t.hosts).length === 0)) return;
    const tlsHosts = tls.flatMap((t) => asArray(t.hosts)).filter((h): h is string => typeof h === 'string');
    rules.forEach((r, i) => {
      const host = asRecord(r).host;
      if (typeof host !== 'string' || host === '') return;
      if (tlsHosts.some((t) => hostCovered(host, t))) return;
      ctx.report({ path: ['spec', 'rules', i, 'host'], messageId: 'hostNotCovered', data: { name: obj.name, host } });
    });
  },
});
