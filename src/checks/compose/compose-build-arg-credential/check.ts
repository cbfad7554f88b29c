import { defineCheck } from '../../define-check.js';
import { literalCredentials, SERVICE_KINDS } from '../../_lib/compose.js';

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0021',
    slug: 'compose-build-arg-credential',
    title: 'Credential passed as a build argument',
    severity: 'high',
    category: 'secrets',
    kinds: [...SERVICE_KINDS],
    description:
      'A `build.args` entry (mapping or list) gives a credential-like argument (NPM_TOKEN, GITHUB_TOKEN, PIP_INDEX_PASSWORD, …) a literal value, or a value holding a private key, a URL password or a `password=…` pair; a default written in the file (`${NPM_TOKEN:-…}`) counts. References (`${NPM_TOKEN}`) pass: their value is not in the file. The value never appears in the finding.',
    rationale:
      'Build arguments are recorded in the image: `docker history` and the image\'s provenance show them to anyone who can pull it, whether or not a later stage uses them. A literal one is also in Git. Build secrets (`build.secrets`, `RUN --mount=type=secret`) reach the build without being stored anywhere.',
    remediation: `Pass the credential as a build secret and read it with \`RUN --mount=type=secret\` in the Dockerfile.

\`\`\`yaml
services:
  app:
    build:
      context: .
      secrets: [npm_token]
secrets:
  npm_token:
    environment: NPM_TOKEN
\`\`\``,
    references: ['https://docs.docker.com/build/building/secrets/', 'https://docs.docker.com/reference/compose-file/build/#secrets', 'https://docs.docker.com/reference/compose-file/build/#args'],
    peers: [],
    messages: {
      named: 'Service "{{service}}" passes build argument {{name}} with {{what}}.',
      inline: 'Service "{{service}}" build argument {{name}} contains {{what}}.',
      default: 'Service "{{service}}" build argument {{name}} has {{what}} in the file (a ${VAR:-default}).',
    },
    examples: {
      good: `services:
  app:
    build:
      context: .
      args:
        NODE_VERSION: "20"
`,
      bad: `services:
  app:
    build:
      context: .
      args:
        NPM_TOKEN: npm_abcdefghijklmnopqrstuvwxyz0123456789
`,
    },
  },
  run(obj, ctx) {
    for (const hit of literalCredentials(obj, ['build', 'args'])) {
      ctx.report({ path: hit.path, messageId: hit.kind, data: { service: obj.name, name: hit.name, what: hit.what } });
    }
  },
});
