import { defineCheck } from '../../define-check.js';
import { literalCredentials, SERVICE_KINDS } from '../../_lib/compose.js';

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0020',
    slug: 'compose-env-credential-literal',
    title: 'Credential written literally in a service environment variable',
    severity: 'high',
    category: 'secrets',
    kinds: [...SERVICE_KINDS],
    description:
      'An `environment` entry (mapping `KEY: value` or list `- KEY=value`) gives a credential-like variable (PASSWORD, DB_PASSWD, JWT_SECRET, GITHUB_TOKEN, API_KEY, AWS_SECRET_ACCESS_KEY, …) a literal value, or a value holding a PEM private key, a password in a URL or a `password=…` pair — the heuristics of PAL-K8S-0063. References pass: `${DB_PASSWORD}` is filled in from the shell or `.env` when compose runs, and the value found where the scan runs is never judged. A default written in the file (`${DB_PASSWORD:-hunter2}`) is judged like a literal, because it is in the file. Names that describe a credential (`…_FILE`, `…_PATH`) and placeholder values pass. The value never appears in the finding.',
    rationale:
      'A literal credential in a compose file ends up in Git history, CI logs, every clone and `docker inspect` output, and cannot be rotated without editing the file. Compose has two better places: variables from an untracked `.env` (or the shell), and `secrets`, which mounts the value as a file instead of exposing it in the environment.',
    remediation: `Reference a variable set outside the file, or, better, use a compose secret and the image's \`*_FILE\` convention.

\`\`\`yaml
services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD_FILE: /run/secrets/db_password
    secrets: [db_password]
secrets:
  db_password:
    environment: DB_PASSWORD
\`\`\``,
    references: [
      'https://docs.docker.com/compose/how-tos/use-secrets/',
      'https://docs.docker.com/compose/how-tos/environment-variables/best-practices/',
      'https://docs.docker.com/reference/compose-file/services/#environment',
    ],
    peers: [],
    messages: {
      named: 'Service "{{service}}" sets credential variable {{name}} to {{what}}.',
      inline: 'Service "{{service}}" variable {{name}} contains {{what}}.',
      default: 'Service "{{service}}" variable {{name}} has {{what}} in the file (a ${VAR:-default}).',
    },
    examples: {
      good: `services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD}
      POSTGRES_PASSWORD_FILE: /run/secrets/db_password
`,
      bad: `services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: hunter2
`,
    },
  },
  run(obj, ctx) {
    for (const hit of literalCredentials(obj, ['environment'])) {
      ctx.report({ path: hit.path, messageId: hit.kind, data: { service: obj.name, name: hit.name, what: hit.what } });
    }
  },
});
