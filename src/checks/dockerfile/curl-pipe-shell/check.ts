import { defineCheck } from '../../define-check.js';
import { dockerfileOf, runSites } from '../../_lib/dockerfile.js';

const FETCH = new Set(['curl', 'wget', 'fetch']);
const INTERPRETERS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'python', 'python3', 'perl', 'ruby', 'node', 'php']);
/** `bash -c "$(curl …)"`, `sh <(wget -O- …)`: the fetched text runs without being piped. */
const SUBSTITUTED = /\b(?:sh|bash|ash|dash|zsh|ksh)\b[^\n;&|]*?(?:\$\(|<\(|`)\s*(?:curl|wget)\b/;

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0008',
    slug: 'curl-pipe-shell',
    title: 'RUN pipes a download straight into a shell or interpreter',
    severity: 'high',
    category: 'build',
    kinds: ['Dockerfile'],
    description:
      'A RUN instruction downloads a script with `curl`/`wget` and runs it in the same breath (`curl … | sh`, `wget -O- … | bash`, `bash -c "$(curl …)"`), so nothing checks what was downloaded before it executes with the build\'s privileges. Heredoc scripts and exec forms that run a shell are read too.',
    rationale:
      'Whoever controls the URL, the server or the network path controls the image. A pinned, checksummed download makes a tampered script fail the build instead of running.',
    remediation: `Download to a file, verify its checksum, then run it.

\`\`\`dockerfile
RUN curl -fsSLo /tmp/install.sh https://example.com/install-1.2.3.sh \\
 && echo "24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d  /tmp/install.sh" | sha256sum -c - \\
 && sh /tmp/install.sh && rm /tmp/install.sh
\`\`\``,
    references: ['https://docs.docker.com/build/building/best-practices/#using-pipes', 'https://www.idontplaydarts.com/2016/04/detecting-curl-pipe-bash-server-side/'],
    peers: [],
    messages: { pipe: 'RUN pipes the output of {{fetcher}} into {{interpreter}}: the downloaded code runs unverified.' },
    examples: {
      good: 'FROM debian:12-slim\nRUN curl -fsSLo /tmp/i.sh https://example.com/i.sh && sha256sum -c i.sha256 && sh /tmp/i.sh\n',
      bad: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/install.sh | bash\n',
    },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const site of runSites(df)) {
      const cmds = site.commands;
      let hit: { fetcher: string; interpreter: string } | undefined;
      for (let i = 0; i < cmds.length && !hit; i++) {
        if (!FETCH.has(cmds[i]!.name) || !cmds[i]!.pipesOut) continue;
        for (let j = i + 1; j < cmds.length && cmds[j]!.pipesIn; j++) {
          const name = cmds[j]!.name.replace(/[\d.]+$/, '') || cmds[j]!.name;
          if (INTERPRETERS.has(cmds[j]!.name) || INTERPRETERS.has(name)) {
            hit = { fetcher: cmds[i]!.name, interpreter: cmds[j]!.name };
            break;
          }
          if (!cmds[j]!.pipesOut) break;
        }
      }
      if (!hit) {
        const m = site.scripts.map((s) => SUBSTITUTED.exec(s.length > 1_000_000 ? s.slice(0, 1_000_000) : s)).find(Boolean);
        if (m) hit = { fetcher: /wget/.test(m[0]) ? 'wget' : 'curl', interpreter: m[0].split(/\s/)[0]! };
      }
      if (hit) ctx.report({ path: site.path, data: hit });
    }
  },
});
