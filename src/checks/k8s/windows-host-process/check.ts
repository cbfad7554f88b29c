import { defineCheck } from '../../define-check.js';
import { podSecurityContext } from '../../_lib/host.js';
import { setFix } from '../../_lib/fix.js';
import { containers, getAt, POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0017',
    slug: 'windows-host-process',
    title: 'Windows HostProcess container is enabled',
    severity: 'high',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description:
      'The pod or a container sets `securityContext.windowsOptions.hostProcess: true`. A pod-level setting applies to every container; each container that sets it itself is reported too.',
    rationale:
      'A HostProcess container runs directly on the Windows node as a host process, in the host network namespace and with access to the host filesystem and, depending on its user, to SYSTEM privileges: the Windows equivalent of a privileged container. Pod Security Standards forbid it from the baseline level up.',
    remediation: `Remove \`hostProcess: true\` (or set it to false); node-level Windows agents that need it belong in a namespace with a privileged Pod Security level, with this check waived for them.

\`\`\`yaml
spec:
  securityContext:
    windowsOptions:
      hostProcess: false
  containers:
    - name: app
      image: mcr.microsoft.com/windows/servercore:ltsc2022
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/',
    ],
    standards: { pss: 'baseline' },
    peers: [{ tool: 'trivy', id: 'KSV103', match: 'same' }],
    messages: {
      pod: 'HostProcess is enabled for every container of {{kind}} "{{name}}" (pod-level windowsOptions.hostProcess: true).',
      container: 'Container "{{container}}" runs as a Windows HostProcess container.',
    },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  os: { name: windows }
  containers:
    - name: app
      image: mcr.microsoft.com/windows/servercore:ltsc2022
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  os: { name: windows }
  hostNetwork: true
  securityContext:
    windowsOptions:
      hostProcess: true
      runAsUserName: "NT AUTHORITY\\\\SYSTEM"
  containers:
    - name: app
      image: mcr.microsoft.com/windows/servercore:ltsc2022
`,
    },
  },
  run(obj, ctx) {
    const psc = podSecurityContext(obj);
    if (!psc) return;
    if (getAt(psc.sc, ['windowsOptions', 'hostProcess']) === true) {
      const path = [...psc.path, 'windowsOptions', 'hostProcess'];
      ctx.report({ path, messageId: 'pod', data: { kind: obj.kind, name: obj.name }, fix: setFix(obj.value, path, false, 'set the pod windowsOptions.hostProcess: false') });
    }
    for (const c of containers(obj)) {
      const path = [...c.path, 'securityContext', 'windowsOptions', 'hostProcess'];
      if (getAt(obj.value, path) !== true) continue;
      ctx.report({ path, messageId: 'container', data: { container: c.name }, fix: setFix(obj.value, path, false, `set windowsOptions.hostProcess: false in container "${c.name}"`) });
    }
  },
});
