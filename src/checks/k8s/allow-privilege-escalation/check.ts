import { defineCheck } from '../../define-check.js';
import { capabilityList, isWindowsPod } from '../../_lib/capabilities.js';
import { setFix } from '../../_lib/fix.js';
import { asRecord, containers, POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0027',
    slug: 'allow-privilege-escalation',
    title: 'Container does not set allowPrivilegeEscalation: false',
    severity: 'high',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description:
      'A container does not set `securityContext.allowPrivilegeEscalation: false`. The field exists only on containers (the pod-level securityContext has no such field) and defaults to true. A container that sets it to false but is privileged or adds CAP_SYS_ADMIN is reported too: both always allow escalation, and the API server rejects the combination. Pods with `spec.os.name: windows` are skipped.',
    rationale:
      'With privilege escalation allowed, the kernel does not set `no_new_privs`, so a set-user-ID binary (sudo, su, a planted file) or file capabilities can give a process more privileges than its parent, for example root inside the container. The Pod Security Standards restricted level requires `false`.',
    remediation: `Set \`allowPrivilegeEscalation: false\` in every container's securityContext (init and ephemeral containers included), and do not combine it with \`privileged: true\` or \`SYS_ADMIN\`.

\`\`\`yaml
securityContext:
  allowPrivilegeEscalation: false
  capabilities:
    drop: ["ALL"]
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
      'https://avd.aquasec.com/misconfig/ksv001',
    ],
    standards: { pss: 'restricted', cis: ['5.2.5'], nsa: 'Prevent privilege escalation' },
    peers: [
      { tool: 'checkov', id: 'CKV_K8S_20', match: 'same' },
      { tool: 'trivy', id: 'KSV001', match: 'same' },
      { tool: 'kube-linter', id: 'privilege-escalation-container', match: 'partial' },
      { tool: 'polaris', id: 'privilegeEscalationAllowed', match: 'partial' },
    ],
    messages: {
      notSet: 'Container "{{container}}" does not set allowPrivilegeEscalation: false (it defaults to true).',
      explicit: 'Container "{{container}}" sets allowPrivilegeEscalation: true.',
      implied:
        'Container "{{container}}" sets allowPrivilegeEscalation: false but {{reason}}, which always allows privilege escalation (the API server rejects this combination).',
    },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: false
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsNonRoot: true
`,
    },
  },
  run(obj, ctx) {
    for (const c of containers(obj)) {
      if (isWindowsPod(c.pod)) return;
      const sc = asRecord(c.container.securityContext);
      const path = [...c.path, 'securityContext', 'allowPrivilegeEscalation'];
      const data = { container: c.name };
      if (sc.allowPrivilegeEscalation === false) {
        const reason =
          sc.privileged === true ? 'runs privileged' : capabilityList(c, 'add').some((e) => e.name === 'SYS_ADMIN') ? 'adds CAP_SYS_ADMIN' : undefined;
        if (reason) ctx.report({ path, messageId: 'implied', data: { ...data, reason } });
      } else {
        // Not next to privileged: true or SYS_ADMIN: the API server rejects false with either. Once privileged-container's
        // fix has run, the next round offers this one.
        const blocked = sc.privileged === true || capabilityList(c, 'add').some((e) => e.name === 'SYS_ADMIN' || e.name === 'ALL');
        const fix = blocked ? undefined : setFix(obj.value, path, false, `set allowPrivilegeEscalation: false in container "${c.name}"`);
        ctx.report({ path, messageId: sc.allowPrivilegeEscalation === true ? 'explicit' : 'notSet', data, fix });
      }
    }
  },
});
