import { defineCheck } from '../../define-check.js';
import { isWithin, mounts, SENSITIVE_HOST_DIRS, SERVICE_KINDS } from '../../_lib/compose.js';

/** Credential directories in a home directory: SSH keys, cloud CLIs, kubeconfig, Docker registry logins, GnuPG. */
const HOME_CREDENTIALS = /^(?:~|\/root|\/home\/[^/]+|\/Users\/[^/]+)(?:\/\.(?:ssh|aws|azure|kube|docker|gnupg|config\/gcloud|netrc|git-credentials|npmrc|pypirc)(?:\/|$))/;

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0009',
    slug: 'compose-sensitive-host-mount',
    title: 'Service mounts a sensitive host directory',
    severity: 'high',
    category: 'pod-security',
    kinds: [...SERVICE_KINDS],
    description:
      'A bind mount (short or long syntax, or a named volume whose `local` driver binds a host path) points at, inside, or above a sensitive host directory — the same list as PAL-K8S-0006: `/etc`, `/root`, `/proc`, `/sys`, `/dev`, `/boot`, `/usr`, `/lib`, `/lib64`, `/bin`, `/sbin`, `/run`, `/var/run`, `/var/lib/kubelet`, `/var/lib/etcd`, `/var/lib/docker`, `/var/lib/containerd`, `/var/lib/containers` — or at a credential directory in a home directory (`~/.ssh`, `~/.aws`, `~/.azure`, `~/.kube`, `~/.docker`, `~/.gnupg`, `~/.config/gcloud`, `~/.netrc`, `~/.git-credentials`, `~/.npmrc`, `~/.pypirc`). Paths are normalised first, and a parent such as `/` counts because it contains them. `/var/log` counts only when mounted writable. Relative paths (`./data`) are never reported.',
    rationale:
      'These paths hold the host\'s credentials and configuration, its kernel interfaces (`/proc`, `/sys`, `/dev` allow reading other processes\' memory, changing kernel parameters or raw disk access), its binaries and the container runtime\'s state. A container that reads them can impersonate the host or the developer running compose (cloud keys, SSH keys, kubeconfig); one that writes them owns the host. Write access to `/var/log` lets a container plant files that host tools read as root.',
    remediation: `Mount only the narrow, non-sensitive directory the service needs, read-only, or use a named volume; pass credentials as compose secrets instead of mounting the developer's home directory.

\`\`\`yaml
services:
  app:
    image: example/app:1.0
    volumes:
      - ./config:/etc/app:ro
    secrets: [aws_credentials]
secrets:
  aws_credentials:
    file: ./secrets/aws_credentials
\`\`\``,
    references: [
      'https://docs.docker.com/reference/compose-file/services/#volumes',
      'https://docs.docker.com/engine/storage/bind-mounts/',
      'https://docs.kubelinter.io/#/generated/checks?id=sensitive-host-mounts',
    ],
    peers: [],
    messages: {
      sensitive: 'Service "{{service}}" mounts sensitive host path "{{path}}" (under {{dir}}){{via}}.',
      contains: 'Service "{{service}}" mounts host path "{{path}}"{{via}}, which contains the sensitive directory {{dir}}.',
      credentials: 'Service "{{service}}" mounts credential directory "{{path}}"{{via}} from a home directory.',
      varLog: 'Service "{{service}}" mounts "{{path}}"{{via}} writable: write access to /var/log lets a container plant files that host tools read.',
    },
    examples: {
      good: `services:
  app:
    image: nginx:1.27
    volumes:
      - ./conf:/etc/nginx/conf.d:ro
`,
      bad: `services:
  app:
    image: nginx:1.27
    volumes:
      - /etc:/host/etc:ro
`,
    },
  },
  run(obj, ctx) {
    for (const m of mounts(obj, ctx.index)) {
      const via = m.viaVolume ? ` through volume "${m.viaVolume}"` : '';
      const data = { service: obj.name, path: m.hostPathRaw, via };
      const home = m.homePath ?? m.hostPath;
      if (home !== undefined && HOME_CREDENTIALS.test(home)) {
        ctx.report({ path: m.path, messageId: 'credentials', data });
        continue;
      }
      const p = m.hostPath;
      if (p === undefined) continue;
      const inside = SENSITIVE_HOST_DIRS.find((dir) => isWithin(p, dir));
      if (inside) {
        ctx.report({ path: m.path, messageId: 'sensitive', data: { ...data, dir: inside } });
        continue;
      }
      const contained = SENSITIVE_HOST_DIRS.find((dir) => isWithin(dir, p));
      if (contained) {
        ctx.report({ path: m.path, messageId: 'contains', data: { ...data, dir: contained } });
        continue;
      }
      if (isWithin(p, '/var/log') && !m.spec.readOnly) ctx.report({ path: m.path, messageId: 'varLog', data });
    }
  },
});
