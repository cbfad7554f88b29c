import { defineCheck } from '../../define-check.js';
import { dockerfileOf, hasOption, runSites } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0034',
    slug: 'useradd-high-uid-without-l',
    title: 'useradd with a high UID but without -l',
    severity: 'low',
    category: 'build',
    kinds: ['Dockerfile'],
    description: '`useradd` creates a user with a UID of 100000 or more and without `-l` / `--no-log-init`. UIDs given as variables are not judged.',
    rationale: 'Without `-l`, useradd writes the user into the sparse `/var/log/lastlog` and `faillog` files; with a high UID that file becomes gigabytes in the layer (Docker does not keep it sparse), blowing up image size and build time.',
    remediation: `Pass -l (--no-log-init).

\`\`\`dockerfile
RUN useradd --no-log-init --uid 100001 --system app
\`\`\``,
    references: ['https://github.com/hadolint/hadolint/wiki/DL3046', 'https://github.com/moby/moby/issues/5419'],
    peers: [{ tool: 'hadolint', id: 'DL3046', match: 'same' }],
    messages: { uid: 'useradd --uid {{uid}} without -l writes a huge sparse lastlog file into the layer.' },
    examples: { good: 'FROM debian:12-slim\nRUN useradd -l -u 100001 app\n', bad: 'FROM debian:12-slim\nRUN useradd -u 100001 app\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const site of runSites(df)) {
      for (const c of site.commands) {
        if (c.name !== 'useradd' || hasOption(c.args, ['l'], ['no-log-init'])) continue;
        let uid = '';
        c.args.forEach((a, i) => {
          if (a === '-u' || a === '--uid') uid = c.args[i + 1] ?? '';
          else if (a.startsWith('--uid=')) uid = a.slice(6);
          else if (/^-u\d+$/.test(a)) uid = a.slice(2);
        });
        if (/^\d{6,}$/.test(uid)) {
          ctx.report({ path: site.path, data: { uid } });
          break;
        }
      }
    }
  },
});
