import { defineCheck } from '../../define-check.js';
import { asArray, containers, POD_KINDS } from '../../_lib/pod.js';
import { isRecord } from '../../../parsers/k8s-yaml/index.js';

function str(v: unknown, fallback: string): string {
  return typeof v === 'string' && v !== '' ? v : fallback;
}

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0065',
    slug: 'secret-as-env-var',
    title: 'Secret exposed to a container as environment variables',
    severity: 'low',
    category: 'secrets',
    kinds: [...POD_KINDS],
    description:
      'A container (init and ephemeral containers included) reads a Secret into its environment, through `env[].valueFrom.secretKeyRef` or `envFrom[].secretRef`. Each reference is reported.',
    rationale:
      'Environment variables are inherited by every child process, printed by crash reporters and debug endpoints, visible in /proc to processes of the same user, and cannot be updated without restarting the pod. Secrets mounted as files can be restricted by file mode and are refreshed in place. CIS Kubernetes Benchmark 5.4.1 prefers secrets as files over environment variables.',
    remediation: `Mount the Secret as a volume and have the application read the file (many images accept a *_FILE variable for this).

\`\`\`yaml
containers:
  - name: app
    env:
      - name: DB_PASSWORD_FILE
        value: /run/secrets/db/password
    volumeMounts:
      - name: db
        mountPath: /run/secrets/db
        readOnly: true
volumes:
  - name: db
    secret:
      secretName: db-credentials
      defaultMode: 0400
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod',
      'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
      'https://docs.kubelinter.io/#/generated/checks?id=read-secret-from-env-var',
    ],
    standards: { cis: ['5.4.1'], nsa: 'Secrets: prefer mounted files' },
    peers: [
      { tool: 'checkov', id: 'CKV_K8S_35', match: 'same' },
      { tool: 'kube-linter', id: 'read-secret-from-env-var', match: 'partial' },
    ],
    messages: {
      env: 'Container "{{container}}" reads key "{{key}}" of Secret "{{secret}}" into environment variable {{name}}.',
      envFrom: 'Container "{{container}}" loads every key of Secret "{{secret}}" into its environment.',
    },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: app }
spec:
  containers:
    - name: app
      image: example/app:1.0
      volumeMounts: [{ name: db, mountPath: /run/secrets/db, readOnly: true }]
  volumes:
    - name: db
      secret: { secretName: db-credentials }
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: app }
spec:
  containers:
    - name: app
      image: example/app:1.0
      env:
        - name: DB_PASSWORD
          valueFrom:
            secretKeyRef: { name: db-credentials, key: password }
`,
    },
  },
  run(obj, ctx) {
    for (const c of containers(obj)) {
      asArray(c.container.env).forEach((e, i) => {
        if (!isRecord(e) || !isRecord(e.valueFrom) || !isRecord(e.valueFrom.secretKeyRef)) return;
        const ref = e.valueFrom.secretKeyRef;
        ctx.report({
          path: [...c.path, 'env', i, 'valueFrom', 'secretKeyRef'],
          messageId: 'env',
          data: { container: c.name, name: str(e.name, `#${i}`), secret: str(ref.name, '?'), key: str(ref.key, '?') },
        });
      });
      asArray(c.container.envFrom).forEach((e, i) => {
        if (!isRecord(e) || !isRecord(e.secretRef)) return;
        ctx.report({
          path: [...c.path, 'envFrom', i, 'secretRef'],
          messageId: 'envFrom',
          data: { container: c.name, secret: str(e.secretRef.name, '?') },
        });
      });
    }
  },
});
