import { defineCheck } from '../../define-check.js';
import { dockerfileOf, instructionsOf } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0032',
    slug: 'cmd-shell-form',
    title: 'CMD or ENTRYPOINT in shell form',
    severity: 'low',
    category: 'best-practice',
    kinds: ['Dockerfile'],
    description: 'A `CMD` or `ENTRYPOINT` is written in shell form (`CMD node server.js`) instead of the JSON exec form (`CMD ["node", "server.js"]`). A shell-form line that merely fails to be valid JSON (single quotes) is reported too.',
    rationale:
      'In shell form the process is `/bin/sh -c …`: the shell is PID 1, does not forward SIGTERM, and the application is killed after the stop timeout instead of shutting down cleanly. A shell-form ENTRYPOINT also ignores CMD and `docker run` arguments.',
    remediation: `Use the exec form.

\`\`\`dockerfile
ENTRYPOINT ["/usr/local/bin/app"]
CMD ["--port", "8080"]
\`\`\``,
    references: ['https://docs.docker.com/reference/dockerfile/#shell-and-exec-form', 'https://github.com/hadolint/hadolint/wiki/DL3025', 'https://docs.docker.com/reference/build-checks/json-args-recommended/'],
    peers: [{ tool: 'hadolint', id: 'DL3025', match: 'same' }],
    messages: { shell: '{{keyword}} uses the shell form; the application will not receive stop signals.' },
    examples: { good: 'FROM node:20-alpine\nCMD ["node", "server.js"]\n', bad: 'FROM node:20-alpine\nCMD node server.js\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const { ins, path } of instructionsOf(df, 'CMD', 'ENTRYPOINT')) {
      if (ins.form === 'shell' && ins.text.trim() !== '') ctx.report({ path, data: { keyword: ins.keyword } });
    }
  },
});
