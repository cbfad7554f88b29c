import { defineCheck } from '../../define-check.js';
import { dockerfileOf, runSites, type RunSite } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0033',
    slug: 'wget-and-curl',
    title: 'A stage uses both wget and curl',
    severity: 'info',
    category: 'best-practice',
    kinds: ['Dockerfile'],
    description: 'RUN instructions of one stage call both `wget` and `curl`. The RUN where the second tool first appears is reported.',
    rationale: 'Two download tools do the same job; each one installed is more size and more attack surface, and two sets of flags to get TLS verification right.',
    remediation: `Pick one download tool per image.

\`\`\`dockerfile
RUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz && curl -fsSLo /tmp/b.tgz https://example.com/b.tgz
\`\`\``,
    references: ['https://github.com/hadolint/hadolint/wiki/DL4001', 'https://avd.aquasec.com/misconfig/ds014'],
    peers: [
      { tool: 'hadolint', id: 'DL4001', match: 'same' },
      { tool: 'trivy', id: 'DS014', match: 'same' },
    ],
    messages: { both: 'This stage uses both wget and curl; {{second}} first appears here.' },
    examples: { good: 'FROM debian:12-slim\nRUN curl -fsSLo /a https://x/a && curl -fsSLo /b https://x/b\n', bad: 'FROM debian:12-slim\nRUN curl -fsSLo /a https://x/a\nRUN wget -O /b https://x/b\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    const byStage = new Map<number, RunSite[]>();
    for (const site of runSites(df)) {
      const list = byStage.get(site.stage.index) ?? [];
      list.push(site);
      byStage.set(site.stage.index, list);
    }
    for (const sites of byStage.values()) {
      const seen = new Set<string>();
      for (const site of sites) {
        const tools = site.commands.map((c) => c.name).filter((n) => n === 'curl' || n === 'wget');
        const second = tools.find((t) => seen.size === 1 && !seen.has(t)) ?? (seen.size === 0 && new Set(tools).size === 2 ? tools[tools.length - 1] : undefined);
        for (const t of tools) seen.add(t);
        if (seen.size === 2) {
          ctx.report({ path: site.path, data: { second: second ?? tools[0]! } });
          break;
        }
      }
    }
  },
});
