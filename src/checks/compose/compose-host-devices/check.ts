import { defineCheck } from '../../define-check.js';
import { devices, listField, SERVICE_KINDS } from '../../_lib/compose.js';

/** A device cgroup rule that allows every device: `a`, `a *:* rwm`, `a *:* m`, … */
const ALLOW_ALL = /^a(?:\s+\*:\*(?:\s+[rwm]+)?)?$/;

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0017',
    slug: 'compose-host-devices',
    title: 'Service maps host devices into the container',
    severity: 'medium',
    category: 'pod-security',
    kinds: [...SERVICE_KINDS],
    description:
      'A `devices` entry maps a host device node (`/dev/…`, short or long syntax) into the container, or a `device_cgroup_rules` entry allows every device (`a`, `a *:* rwm`). CDI device names (`vendor.com/gpu=all`) are left alone: the vendor\'s CDI specification decides what they expose.',
    rationale:
      'A device node is a direct line to a kernel driver: raw disks (`/dev/sda`) give the whole host filesystem, `/dev/mem` and `/dev/kmem` host memory, `/dev/fuse` and `/dev/net/tun` are common steps of container escapes, and driver bugs are reachable from the container. Each mapped device widens the attack surface; allowing every device in the cgroup lets the container use any device node it can create.',
    remediation: `Map only the device the service needs, with the narrowest permissions, and never raw disks or memory.

\`\`\`yaml
services:
  transcoder:
    image: example/transcoder:1.0
    devices:
      - /dev/dri/renderD128:/dev/dri/renderD128:rw
\`\`\``,
    references: ['https://docs.docker.com/reference/compose-file/services/#devices', 'https://docs.docker.com/reference/cli/docker/container/run/#device'],
    peers: [],
    messages: {
      device: 'Service "{{service}}" maps host device "{{device}}".',
      cgroupAll: 'Service "{{service}}" allows every device in its device cgroup ({{rule}}).',
    },
    examples: {
      good: `services:
  app:
    image: nginx:1.27
`,
      bad: `services:
  app:
    image: example/app:1.0
    devices:
      - /dev/sda:/dev/xvda:rwm
`,
    },
  },
  run(obj, ctx) {
    for (const d of devices(obj)) {
      if (d.source.startsWith('/')) ctx.report({ path: d.path, messageId: 'device', data: { service: obj.name, device: d.source } });
    }
    for (const r of listField(obj, 'device_cgroup_rules')) {
      if (typeof r.value === 'string' && ALLOW_ALL.test(r.value.trim())) ctx.report({ path: r.path, messageId: 'cgroupAll', data: { service: obj.name, rule: r.value.trim() } });
    }
  },
});
