import { defineCheck } from '../../define-check.js';
import { capabilitiesPath, capabilityList, dropsAll, grantsCapability, isWindowsPod } from '../../_lib/capabilities.js';
import { appendFix } from '../../_lib/fix.js';
import { containers, POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0026',
    slug: 'net-raw-capability',
    title: 'Container keeps or adds the NET_RAW capability',
    severity: 'medium',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description:
      'A container ends up with CAP_NET_RAW: it neither drops `NET_RAW` nor `ALL` (containerd and Docker grant NET_RAW by default), or it adds `NET_RAW` (or `ALL`) explicitly. Add and drop are evaluated in the order runtimes apply them: `drop: [ALL]` with `add: [NET_RAW]` still grants it, `add: [ALL]` with `drop: [NET_RAW]` does not. Pods with `spec.os.name: windows` are skipped.',
    rationale:
      'NET_RAW lets a process open raw and packet sockets: it can craft arbitrary packets, spoof addresses, sniff traffic on the pod network and mount ARP or DNS spoofing attacks against neighbours on the node. Almost no application needs it; ping, the classic exception, can use unprivileged ICMP sockets instead when the pod sets the safe sysctl `net.ipv4.ping_group_range`.',
    remediation: `Drop NET_RAW, preferably by dropping ALL capabilities, and do not add it back.

\`\`\`yaml
securityContext:
  capabilities:
    drop: ["ALL"]
\`\`\``,
    references: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container',
      'https://docs.kubelinter.io/#/generated/checks',
      'https://avd.aquasec.com/misconfig/ksv119',
    ],
    standards: { cis: ['5.2.7'], nsa: 'Restrict Linux capabilities' },
    peers: [
      { tool: 'checkov', id: 'CKV_K8S_28', match: 'same' },
      { tool: 'kube-linter', id: 'drop-net-raw-capability', match: 'same' },
      { tool: 'trivy', id: 'KSV119', match: 'partial' },
    ],
    messages: {
      notDropped: 'Container "{{container}}" does not drop NET_RAW (drop ALL or NET_RAW); the runtime grants it by default.',
      added: 'Container "{{container}}" adds capability {{capability}}.',
      addedAll: 'Container "{{container}}" adds ALL capabilities, which include NET_RAW.',
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
        capabilities:
          drop: ["ALL"]
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
    },
  },
  run(obj, ctx) {
    for (const c of containers(obj)) {
      if (isWindowsPod(c.pod)) return;
      if (!grantsCapability(c, 'NET_RAW', true)) continue;
      const add = capabilityList(c, 'add');
      const netRaw = add.find((e) => e.name === 'NET_RAW');
      const all = add.find((e) => e.name === 'ALL');
      if (netRaw) ctx.report({ path: netRaw.path, messageId: 'added', data: { container: c.name, capability: netRaw.raw } });
      else if (all && !dropsAll(c)) ctx.report({ path: all.path, messageId: 'addedAll', data: { container: c.name } });
      else {
        // Only NET_RAW: dropping ALL is capabilities-not-dropped's fix, whose patch goes first when both run.
        const drop = [...capabilitiesPath(c), 'drop'];
        ctx.report({ path: drop, messageId: 'notDropped', data: { container: c.name }, fix: appendFix(obj.value, drop, 'NET_RAW', `add NET_RAW to capabilities.drop of container "${c.name}"`) });
      }
    }
  },
});
