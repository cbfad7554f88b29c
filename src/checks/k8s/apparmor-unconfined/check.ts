import { defineCheck } from '../../define-check.js';
import { podAnnotations, podSecurityContext } from '../../_lib/host.js';
import { profileTypeFix, setFix } from '../../_lib/fix.js';
import { containers, getAt, POD_KINDS } from '../../_lib/pod.js';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const ALLOWED_TYPES = new Set(['RuntimeDefault', 'Localhost']);

function annotationAllowed(v: unknown): boolean {
  return v === 'runtime/default' || (typeof v === 'string' && v.startsWith('localhost/'));
}

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0012',
    slug: 'apparmor-unconfined',
    title: 'AppArmor is disabled (Unconfined) for the pod or a container',
    severity: 'high',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description:
      'The pod or a container sets `securityContext.appArmorProfile.type` to something other than `RuntimeDefault` or `Localhost` (in practice `Unconfined`), or the annotation `container.apparmor.security.beta.kubernetes.io/<container>` is something other than `runtime/default` or `localhost/<profile>` (in practice `unconfined`). Leaving AppArmor unset is fine: the runtime default applies on AppArmor hosts.',
    rationale:
      "On AppArmor-enabled nodes every container gets the runtime's default profile, which denies writes to `/proc` and `/sys` entries, mounts and other operations used in container escapes. Setting it to unconfined removes that layer. Pod Security Standards forbid overriding or disabling the default AppArmor profile from the baseline level up.",
    remediation: `Remove the override (the runtime default applies) or set \`RuntimeDefault\`; if a workload needs more, load a custom profile on the nodes and use \`Localhost\`.

\`\`\`yaml
spec:
  securityContext:
    appArmorProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: example/app:1.0
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://kubernetes.io/docs/tutorials/security/apparmor/',
    ],
    standards: { pss: 'baseline', nsa: 'Pod security: use seccomp, AppArmor or SELinux' },
    peers: [{ tool: 'trivy', id: 'KSV002', match: 'partial' }],
    messages: {
      pod: 'Pod-level AppArmor profile is "{{value}}" in {{kind}} "{{name}}"; only RuntimeDefault or Localhost are allowed.',
      container: 'Container "{{container}}" runs with AppArmor profile "{{value}}"; only RuntimeDefault or Localhost are allowed.',
      annotation: 'AppArmor annotation for container "{{container}}" is "{{value}}"; only runtime/default or localhost/<profile> are allowed.',
    },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata:
  name: ok
  annotations:
    container.apparmor.security.beta.kubernetes.io/app: runtime/default
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        appArmorProfile: { type: Unconfined }
`,
    },
  },
  run(obj, ctx) {
    const psc = podSecurityContext(obj);
    if (!psc) return;
    const podType = getAt(psc.sc, ['appArmorProfile', 'type']);
    if (typeof podType === 'string' && !ALLOWED_TYPES.has(podType)) {
      const fix = profileTypeFix(obj.value, [...psc.path, 'appArmorProfile'], 'RuntimeDefault', 'set the pod appArmorProfile.type to RuntimeDefault');
      ctx.report({ path: [...psc.path, 'appArmorProfile', 'type'], messageId: 'pod', data: { value: podType, kind: obj.kind, name: obj.name }, fix });
    }
    for (const c of containers(obj)) {
      const path = [...c.path, 'securityContext', 'appArmorProfile', 'type'];
      const t = getAt(obj.value, path);
      if (typeof t !== 'string' || ALLOWED_TYPES.has(t)) continue;
      const fix = profileTypeFix(obj.value, path.slice(0, -1), 'RuntimeDefault', `set appArmorProfile.type: RuntimeDefault in container "${c.name}"`);
      ctx.report({ path, messageId: 'container', data: { container: c.name, value: t }, fix });
    }
    const ann = podAnnotations(obj);
    for (const [key, value] of Object.entries(ann.annotations)) {
      if (!key.startsWith(ANNOTATION_PREFIX) || value === null || value === undefined || annotationAllowed(value)) continue;
      ctx.report({
        path: [...ann.path, key],
        messageId: 'annotation',
        data: { container: key.slice(ANNOTATION_PREFIX.length), value: String(value) },
        fix: setFix(obj.value, [...ann.path, key], 'runtime/default', `set the AppArmor annotation of container "${key.slice(ANNOTATION_PREFIX.length)}" to runtime/default`),
      });
    }
  },
});
