import { defineCheck } from '../../define-check.js';
import { describeInline, findInlineCredentials, isPlaceholderValue, looksLikeCredentialName } from '../../_lib/credentials.js';
import { isRecord } from '../../../parsers/k8s-yaml/index.js';

/** Keys that name a mounted file: their value is a file's content, judged line by line rather than by the key. */
const FILE_KEY = /\.(?:ya?ml|json|conf|cfg|cnf|config|ini|properties|env|toml|xml|txt|sh|py|js|lua|tpl|j2|hcl|tf|rc)$/i;

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0064',
    slug: 'configmap-credential',
    title: 'ConfigMap holds a credential',
    severity: 'high',
    category: 'secrets',
    kinds: ['ConfigMap'],
    description:
      'A ConfigMap `data` key looks like a credential (`DB_PASSWORD`, `apiKey`, `client-secret`, …) and holds a literal value, or a value (typically a mounted config file) contains a PEM private key, a password inside a URL, or lines such as `password = …`, `"apiKey": "…"`, `…;Password=…;` with literal values. Placeholders and references (`${VAR}`, `{{ … }}`, `<password>`, file paths, secret-store references, empty values) and comment lines are ignored. The value never appears in the finding.',
    rationale:
      'ConfigMaps are meant for non-confidential data: they are readable by far more identities than Secrets (the built-in view role can read them), are not covered by encryption at rest or Secret-specific audit rules, and end up in Git and CI logs.',
    remediation: `Move the credential into a Secret and mount or reference it; keep only non-sensitive settings in the ConfigMap.

\`\`\`yaml
apiVersion: v1
kind: Secret
metadata:
  name: app-credentials
type: Opaque
stringData:
  DB_PASSWORD: change-me-out-of-band
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/configuration/configmap/',
      'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
      'https://polaris.docs.fairwinds.com/checks/security/',
    ],
    standards: { nsa: 'Secrets: do not store credentials in ConfigMaps' },
    peers: [
      { tool: 'trivy', id: 'KSV0109', match: 'partial' },
      { tool: 'polaris', id: 'sensitiveConfigmapContent', match: 'partial' },
    ],
    messages: {
      key: 'ConfigMap key "{{key}}" looks like a credential and holds a literal value.',
      content: 'ConfigMap key "{{key}}" contains {{what}}.',
    },
    examples: {
      good: `apiVersion: v1
kind: ConfigMap
metadata: { name: app }
data:
  LOG_LEVEL: info
  DB_HOST: db.internal
  DB_PASSWORD_FILE: /run/secrets/db/password
`,
      bad: `apiVersion: v1
kind: ConfigMap
metadata: { name: app }
data:
  DB_HOST: db.internal
  DB_PASSWORD: hunter2
`,
    },
  },
  run(obj, ctx) {
    const data = obj.value.data;
    if (!isRecord(data)) return;
    for (const [key, raw] of Object.entries(data)) {
      if (typeof raw !== 'string' && typeof raw !== 'number') continue;
      const value = String(raw);
      const path = ['data', key];
      const isFile = value.includes('\n') || FILE_KEY.test(key);
      if (!isFile && looksLikeCredentialName(key)) {
        if (!isPlaceholderValue(value)) ctx.report({ path, messageId: 'key', data: { key } });
        continue;
      }
      const found = findInlineCredentials(value);
      if (found.length > 0) ctx.report({ path, messageId: 'content', data: { key, what: describeInline(found) } });
    }
  },
});
