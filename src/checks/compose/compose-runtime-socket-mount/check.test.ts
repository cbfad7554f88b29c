import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'named volume, relative bind, anonymous volume, tmpfs',
      code: `services:
  app:
    image: nginx:1.27
    volumes:
      - data:/data
      - ./docker.sock.d:/etc/app
      - /var/lib/app
      - type: tmpfs
        target: /run
volumes:
  data: {}
`,
    },
    { name: 'a socket path inside the container only', code: 'services:\n  app:\n    image: nginx:1.27\n    volumes: ["/srv/app:/var/run/docker.sock"]\n' },
  ],
  invalid: [
    {
      name: 'short syntax read-only, long syntax, rootless socket',
      code: `services:
  ci:
    image: docker:27
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock:ro
      - type: bind
        source: /run/containerd/containerd.sock
        target: /run/containerd/containerd.sock
      - \${XDG_RUNTIME_DIR:-/run/user/1000}/podman/podman.sock:/var/run/docker.sock
`,
      errors: [
        { path: 'volumes[0]', line: 5, messageId: 'socket' },
        { path: 'volumes[1].source', line: 7, messageId: 'socket' },
        { path: 'volumes[2]', line: 9, messageId: 'socket' },
      ],
    },
    {
      name: 'runtime directory, parent directory, Windows pipe',
      code: `services:
  agent:
    image: example/agent:1.0
    volumes:
      - /var/run/:/host/run:ro
      - //./pipe/docker_engine://./pipe/docker_engine
      - /var/lib/../run/docker:/docker
`,
      errors: [
        { path: 'volumes[0]', line: 5, messageId: 'dir' },
        { path: 'volumes[1]', line: 6, messageId: 'socket' },
        { path: 'volumes[2]', line: 7, messageId: 'dir' },
      ],
    },
    {
      name: 'named volume bound to the socket',
      code: `services:
  proxy:
    image: traefik:v3.1
    volumes:
      - docker:/var/run/docker.sock
volumes:
  docker:
    driver: local
    driver_opts: { type: none, o: bind, device: /var/run/docker.sock }
`,
      errors: [{ path: 'volumes[0]', line: 5, messageId: 'socket' }],
    },
    {
      name: 'inherited mount is located at extends, the local one at its line',
      code: `services:
  base:
    image: docker:27
    volumes: ["/var/run/docker.sock:/var/run/docker.sock"]
  ci:
    extends: base
    volumes:
      - /run/crio/crio.sock:/crio.sock
`,
      errors: [
        { path: 'volumes[0]', line: 4, resource: 'base' },
        { path: 'volumes[0]', line: 6, resource: 'ci' },
        { path: 'volumes[1]', line: 8, resource: 'ci' },
      ],
    },
  ],
});
