import { defineCheck } from '../../define-check.js';
import { describeInline, findInlineCredentials, isPlaceholderValue, looksLikeCredentialName } from '../../_lib/credentials.js';
import { asArray, containers, POD_KINDS } from '../../_lib/pod.js';
import { isRecord } from '../../../parsers/k8s-yaml/index.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0063',
    slug: 'env-credential-literal',
    title: 'Credential written literally in a container environment variable',
    severity: 'high',
    category: 'secrets',
    kinds: [...POD_KINDS],
    description:
      'A container (init and ephemeral containers included) sets `env[].value` literally for a variable whose name looks like a credential (PASSWORD, DB_PASSWD, JWT_SECRET, GITHUB_TOKEN, API_KEY, AWS_SECRET_ACCESS_KEY, PRIVATE_KEY, CREDENTIALS, BASIC_AUTH, …), or to a value that contains a PEM private key, a password inside a URL (`postgres://user:pass@db`) or a `password=…` pair. Names that describe a credential rather than hold it (`…_FILE`, `…_PATH`, `…_SECRET_NAME`, `…_SECRET_REF`, `…_ENABLED`, `PUBLIC_KEY`) and values that are references or placeholders (`$(VAR)`, `${VAR}`, `{{ … }}`, `<password>`, file paths, `vault:`/`arn:aws:secretsmanager:` references, empty, boolean) are not reported. The value never appears in the finding.',
    rationale:
      'A literal credential in a manifest ends up in Git history, CI logs, Helm release Secrets and every copy of the pod spec, readable by anyone with get on the workload, which is far wider than access to Secrets. It also cannot be rotated without a redeploy.',
    remediation: `Move the value into a Secret and reference it (or mount the Secret as a file).

\`\`\`yaml
env:
  - name: DB_PASSWORD
    valueFrom:
      secretKeyRef:
        name: db-credentials
        key: password
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables',
      'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
      'https://docs.kubelinter.io/#/generated/checks?id=env-var-secret',
    ],
    standards: { nsa: 'Secrets: do not store credentials in pod specs' },
    peers: [
      { tool: 'kube-linter', id: 'env-var-secret', match: 'partial' },
      { tool: 'polaris', id: 'sensitiveContainerEnvVar', match: 'partial' },
    ],
    messages: {
      named: 'Container "{{container}}" sets credential variable {{name}} to a literal value.',
      inline: 'Container "{{container}}" variable {{name}} contains {{what}}.',
    },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: app }
spec:
  containers:
    - name: app
      image: example/app:1.0
      env:
        - name: DB_PASSWORD
          valueFrom:
            secretKeyRef: { name: db, key: password }
        - name: DB_PASSWORD_FILE
          value: /run/secrets/db/password
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
          value: hunter2
`,
    },
  },
  run(obj, ctx) {
    for (const c of containers(obj)) {
      asArray(c.container.env).forEach((e, i) => {
        if (!isRecord(e) || typeof e.name !== 'string') return;
        const raw = e.value;
        if (typeof raw !== 'string' && typeof raw !== 'number') return;
        const value = String(raw);
        if (isPlaceholderValue(value)) return;
        const path = [...c.path, 'env', i, 'value'];
        if (looksLikeCredentialName(e.name)) {
          ctx.report({ path, messageId: 'named', data: { container: c.name, name: e.name } });
          return;
        }
        const found = findInlineCredentials(value);
        if (found.length > 0) ctx.report({ path, messageId: 'inline', data: { container: c.name, name: e.name, what: describeInline(found) } });
      });
    }
  },
});
