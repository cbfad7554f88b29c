import { defineCheck } from '../../define-check.js';
import { securityOpts, SERVICE_KINDS } from '../../_lib/compose.js';

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0015',
    slug: 'compose-security-opt-unconfined',
    title: 'Service turns off seccomp, AppArmor, SELinux labelling or masked paths',
    severity: 'high',
    category: 'pod-security',
    kinds: [...SERVICE_KINDS],
    description:
      'A `security_opt` entry disables a kernel confinement Docker applies by default: `seccomp:unconfined`, `apparmor:unconfined`, `label:disable` (SELinux) or `systempaths=unconfined` (unmasks `/proc` and `/sys` paths). Both separators (`:` and `=`) and any case are read.',
    rationale:
      'Docker\'s default seccomp profile blocks around 50 system calls used in kernel exploits and escapes (keyctl, unshare, mount, bpf, …); its AppArmor and SELinux profiles keep the container away from host files and `/proc` writes; masked paths hide kernel interfaces such as `/proc/kcore` and `/sys/firmware`. Turning any of them off makes a kernel bug or a misconfiguration much more likely to become a host compromise. Same concept as PAL-K8S-0011 and PAL-K8S-0012.',
    remediation: `Remove the entry. If the default seccomp profile blocks a call the service needs, ship a custom profile that allows just that call.

\`\`\`yaml
services:
  app:
    image: example/app:1.0
    security_opt:
      - no-new-privileges:true
      - seccomp:./seccomp/app.json
\`\`\``,
    references: [
      'https://docs.docker.com/reference/compose-file/services/#security_opt',
      'https://docs.docker.com/engine/security/seccomp/',
      'https://docs.docker.com/engine/security/apparmor/',
    ],
    peers: [],
    messages: {
      seccomp: 'Service "{{service}}" runs without seccomp ({{option}}).',
      apparmor: 'Service "{{service}}" runs without AppArmor ({{option}}).',
      label: 'Service "{{service}}" disables SELinux labelling ({{option}}).',
      systempaths: 'Service "{{service}}" unmasks kernel paths under /proc and /sys ({{option}}).',
    },
    examples: {
      good: `services:
  app:
    image: nginx:1.27
    security_opt: ["no-new-privileges:true"]
`,
      bad: `services:
  app:
    image: nginx:1.27
    security_opt: ["seccomp:unconfined"]
`,
    },
  },
  run(obj, ctx) {
    for (const o of securityOpts(obj)) {
      const value = o.value.toLowerCase();
      const data = { service: obj.name, option: o.raw };
      if ((o.key === 'seccomp' || o.key === 'apparmor' || o.key === 'systempaths') && value === 'unconfined') ctx.report({ path: o.path, messageId: o.key, data });
      else if (o.key === 'label' && value === 'disable') ctx.report({ path: o.path, messageId: 'label', data });
    }
  },
});
