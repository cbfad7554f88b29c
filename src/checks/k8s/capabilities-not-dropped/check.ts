import { defineCheck } from '../../define-check.js';
import { capabilitiesPath, capabilityList, dropsAll, isWindowsPod } from '../../_lib/capabilities.js';
import { appendFix } from '../../_lib/fix.js';
import { containers, POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0025',
    slug: 'capabilities-not-dropped',
    title: 'Container does not drop ALL capabilities, or adds back more than NET_BIND_SERVICE',
    severity: 'medium',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description:
      'The Pod Security Standards restricted level requires every container to list `ALL` in `securityContext.capabilities.drop` (any case is accepted, as runtimes accept it) and to add back at most `NET_BIND_SERVICE`. Each container without `drop: [ALL]` is reported, and each other capability in `capabilities.add` is reported on its own. Pods with `spec.os.name: windows` are skipped: capabilities are a Linux-only control.',
    rationale:
      'Without `drop: [ALL]` a container keeps the runtime default capability set (CHOWN, DAC_OVERRIDE, FOWNER, SETUID, SETGID, NET_RAW, MKNOD, …), which an attacker who gets code execution can use to tamper with files, spoof network traffic or change identity. Most applications need none of them; binding a port below 1024 is the common exception, hence NET_BIND_SERVICE.',
    remediation: `Drop all capabilities and add back only NET_BIND_SERVICE if the process binds a privileged port.

\`\`\`yaml
securityContext:
  allowPrivilegeEscalation: false
  capabilities:
    drop: ["ALL"]
    add: ["NET_BIND_SERVICE"]   # only if needed
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container',
      'https://avd.aquasec.com/misconfig/ksv106',
    ],
    standards: { pss: 'restricted', cis: ['5.2.9'], nsa: 'Restrict Linux capabilities' },
    peers: [
      { tool: 'trivy', id: 'KSV106', match: 'same' },
      { tool: 'trivy', id: 'KSV003', match: 'partial' },
      { tool: 'checkov', id: 'CKV_K8S_37', match: 'partial' },
      { tool: 'polaris', id: 'insecureCapabilities', match: 'partial' },
    ],
    messages: {
      notDropped: 'Container "{{container}}" does not drop ALL capabilities.',
      addNotAllowed: 'Container "{{container}}" adds capability {{capability}}; the restricted level allows adding only NET_BIND_SERVICE.',
    },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        capabilities:
          drop: ["ALL"]
          add: ["NET_BIND_SERVICE"]
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        capabilities:
          drop: ["NET_RAW"]
`,
    },
  },
  run(obj, ctx) {
    for (const c of containers(obj)) {
      if (isWindowsPod(c.pod)) return;
      if (!dropsAll(c)) {
        const drop = [...capabilitiesPath(c), 'drop'];
        const fix = appendFix(obj.value, drop, 'ALL', `add ALL to capabilities.drop of container "${c.name}"`);
        ctx.report({ path: drop, messageId: 'notDropped', data: { container: c.name }, fix });
      }
      // Capabilities a container adds were asked for: removing them is a decision for its owner, so no fix.
      for (const cap of capabilityList(c, 'add')) {
        if (cap.name !== 'NET_BIND_SERVICE') ctx.report({ path: cap.path, messageId: 'addNotAllowed', data: { container: c.name, capability: cap.raw } });
      }
    }
  },
});
