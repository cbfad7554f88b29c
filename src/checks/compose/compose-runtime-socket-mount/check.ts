import { defineCheck } from '../../define-check.js';
import { isWithin, mounts, RUNTIME_SOCKET_DIRS, RUNTIME_SOCKET_NAME, RUNTIME_SOCKET_PARENTS, SERVICE_KINDS } from '../../_lib/compose.js';

/** Docker Desktop's Windows named pipe (`//./pipe/docker_engine`, `\\.\pipe\docker_engine`). */
const DOCKER_PIPE = /[\\/]pipe[\\/]docker_engine$/i;

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0008',
    slug: 'compose-runtime-socket-mount',
    title: 'Service mounts the container runtime socket',
    severity: 'critical',
    category: 'pod-security',
    kinds: [...SERVICE_KINDS],
    description:
      'A volume of the service (short `src:dst[:mode]` or long syntax) mounts a container runtime socket (`docker.sock`, `containerd.sock`, `crio.sock`, `cri-dockerd.sock`, `dockershim.sock`, `podman.sock`, wherever it lives, rootless sockets under `/run/user/<uid>` included), Docker Desktop\'s `docker_engine` named pipe, a runtime state directory (`/run/docker`, `/run/containerd`, `/run/crio`, `/run/k3s/containerd`, `/run/podman`, also under `/var/run`) or a directory that directly contains the sockets (`/`, `/run`, `/var/run`). Named volumes whose `local` driver binds a host path (`driver_opts: { type: none, o: bind, device: … }`) are followed. Paths are normalised first; `:ro` does not help.',
    rationale:
      'The Docker socket is an unauthenticated root API to the host: whoever can connect to it can start a privileged container with the host filesystem mounted, read every other container\'s secrets and environment, and stop anything. Mounting it read-only changes nothing, because connecting to a socket is not a write. Reverse proxies and update bots that read it (Traefik, Watchtower, Portainer) give that power to any bug in them. Same concept as PAL-K8S-0007.',
    remediation: `Remove the mount. If a tool needs container events, put a filtering socket proxy in front of the daemon that allows only the read-only calls it uses, on an internal network; build images with a rootless builder instead of the host daemon.

\`\`\`yaml
services:
  socket-proxy:
    image: tecnativa/docker-socket-proxy:0.3
    environment:
      CONTAINERS: 1
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock:ro
    networks: [internal]
  traefik:
    image: traefik:v3.1
    command: ["--providers.docker.endpoint=tcp://socket-proxy:2375"]
    networks: [internal, web]
networks:
  internal: { internal: true }
  web: {}
\`\`\``,
    references: [
      'https://docs.docker.com/engine/security/protect-access/',
      'https://docs.docker.com/reference/compose-file/services/#volumes',
      'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html#rule-1-do-not-expose-the-docker-daemon-socket-even-to-the-containers',
    ],
    peers: [],
    messages: {
      socket: 'Service "{{service}}" mounts the container runtime socket "{{path}}"{{via}}.',
      dir: 'Service "{{service}}" mounts host directory "{{path}}"{{via}}, which contains the container runtime socket.',
    },
    examples: {
      good: `services:
  app:
    image: nginx:1.27
    volumes:
      - ./site:/usr/share/nginx/html:ro
`,
      bad: `services:
  watchtower:
    image: containrrr/watchtower:1.7.1
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock
`,
    },
  },
  run(obj, ctx) {
    for (const m of mounts(obj, ctx.index)) {
      const via = m.viaVolume ? ` through volume "${m.viaVolume}"` : '';
      const data = { service: obj.name, path: m.hostPathRaw || m.spec.source, via };
      if (m.spec.type === 'npipe' || DOCKER_PIPE.test(m.spec.source)) {
        if (DOCKER_PIPE.test(m.spec.source)) ctx.report({ path: m.path, messageId: 'socket', data });
        continue;
      }
      const p = m.hostPath;
      if (p === undefined) continue;
      if (RUNTIME_SOCKET_NAME.test(p.slice(p.lastIndexOf('/') + 1))) ctx.report({ path: m.path, messageId: 'socket', data });
      else if (RUNTIME_SOCKET_DIRS.some((d) => isWithin(p, d)) || (RUNTIME_SOCKET_PARENTS as readonly string[]).includes(p)) ctx.report({ path: m.path, messageId: 'dir', data });
    }
  },
});
