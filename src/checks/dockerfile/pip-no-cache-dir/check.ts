import { defineCheck } from '../../define-check.js';
import { dockerfileOf, finalImageRunSites, finalImageStages, hasCacheMount, hasOption, packageCommands, removesPath } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0015',
    slug: 'pip-no-cache-dir',
    title: 'pip install without --no-cache-dir',
    severity: 'low',
    category: 'build',
    kinds: ['Dockerfile'],
    description:
      'A RUN of the final image runs `pip install` (also `pip3`, `python -m pip`) without `--no-cache-dir`, while no `PIP_NO_CACHE_DIR` is set in the image\'s stages, no cache mount covers `~/.cache` and the RUN does not remove `~/.cache/pip`. Build-only stages are not reported.',
    rationale: 'pip keeps every downloaded wheel in `~/.cache/pip`; in an image that cache is dead weight that can reach hundreds of megabytes.',
    remediation: `Disable the cache for installs in the image.

\`\`\`dockerfile
RUN pip install --no-cache-dir -r requirements.txt
\`\`\``,
    references: ['https://github.com/hadolint/hadolint/wiki/DL3042', 'https://pip.pypa.io/en/stable/topics/caching/'],
    peers: [{ tool: 'hadolint', id: 'DL3042', match: 'same' }],
    messages: { cache: '{{tool}} install runs without --no-cache-dir; the wheel cache stays in the image.' },
    examples: { good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n', bad: 'FROM python:3.12-slim\nRUN pip install flask\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    const envOff = finalImageStages(df).some((s) => s.instructions.some((i) => i.keyword === 'ENV' && (i.pairs ?? []).some((p) => p.key === 'PIP_NO_CACHE_DIR')));
    if (envOff) return;
    for (const site of finalImageRunSites(df)) {
      const bad = packageCommands(site, ['pip'], ['install']).find(({ args, cmd }) => !hasOption(args, [], ['no-cache-dir']) && cmd.env.PIP_NO_CACHE_DIR === undefined);
      if (!bad || removesPath(site, ['/root/.cache', '~/.cache', '$HOME/.cache']) || hasCacheMount(site.ins, /\.cache/)) continue;
      ctx.report({ path: site.path, data: { tool: bad.cmd.name === 'pip' || bad.cmd.name.startsWith('pip') ? bad.cmd.name : `${bad.cmd.name} -m pip` } });
    }
  },
});
