import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'relative, data directories, read-only logs, home without credentials',
      code: `services:
  app:
    image: example/app:1.0
    volumes:
      - ./etc:/etc/app:ro
      - /srv/app/data:/data
      - /var/log/app:/logs:ro
      - ~/projects/app:/src
      - etc:/etc/shared
volumes:
  etc: {}
`,
    },
  ],
  invalid: [
    {
      name: 'inside, above, writable /var/log',
      code: `services:
  agent:
    image: example/agent:1.0
    volumes:
      - /proc:/host/proc:ro
      - type: bind
        source: /
        target: /rootfs
        read_only: true
      - /var/log:/host/log
      - /etc//kubernetes/:/k8s
`,
      errors: [
        { path: 'volumes[0]', line: 5, messageId: 'sensitive' },
        { path: 'volumes[1].source', line: 7, messageId: 'contains' },
        { path: 'volumes[2]', line: 10, messageId: 'varLog' },
        { path: 'volumes[3]', line: 11, messageId: 'sensitive' },
      ],
    },
    {
      name: 'credential directories of the developer',
      code: `services:
  deploy:
    image: example/deploy:1.0
    volumes:
      - ~/.aws:/root/.aws:ro
      - \${HOME}/.ssh:/root/.ssh
      - /Users/dev/.kube/config:/kube/config
      - type: bind
        source: \${HOME:-/home/dev}/.docker/config.json
        target: /root/.docker/config.json
`,
      errors: [
        { path: 'volumes[0]', line: 5, messageId: 'credentials' },
        { path: 'volumes[1]', line: 6, messageId: 'credentials' },
        { path: 'volumes[2]', line: 7, messageId: 'credentials' },
        { path: 'volumes[3].source', line: 9, messageId: 'credentials' },
      ],
    },
    {
      name: 'named volume bound to /etc',
      code: `services:
  app:
    image: example/app:1.0
    volumes:
      - hostetc:/host/etc
volumes:
  hostetc:
    driver_opts:
      type: none
      o: bind
      device: /etc
`,
      errors: [{ path: 'volumes[0]', line: 5, messageId: 'sensitive' }],
    },
  ],
});
