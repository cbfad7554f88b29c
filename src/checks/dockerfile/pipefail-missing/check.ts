import { defineCheck } from '../../define-check.js';
import { dockerfileOf, runSites, type DockerfileValue } from '../../_lib/dockerfile.js';

/** Commands whose failure a pipe cannot hide in practice (they only print their arguments). */
const QUIET_PRODUCERS = new Set(['echo', 'printf', 'yes', 'true', 'cat']);

/** `-o pipefail`, `-eo pipefail`, `-euxo pipefail` in a SHELL or `set` argument list. */
function setsPipefail(args: readonly string[]): boolean {
  return args.some((a, i) => a === 'pipefail' && i > 0 && /^-[A-Za-z]*o$/.test(args[i - 1]!));
}

/** Whether the SHELL in force for each stage's RUNs sets pipefail, following `FROM <stage>`. */
function pipefailShells(df: DockerfileValue): Map<object, boolean> {
  const out = new Map<object, boolean>();
  const end: boolean[] = [];
  for (const stage of df.stages) {
    let on = stage.from.stageRef !== null ? (end[stage.from.stageRef] ?? false) : false;
    for (const ins of stage.instructions) {
      if (ins.keyword === 'SHELL' && ins.form === 'exec') on = setsPipefail(ins.arguments);
      out.set(ins, on);
    }
    end[stage.index] = on;
  }
  return out;
}

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0013',
    slug: 'pipefail-missing',
    title: 'RUN with a pipe but without pipefail',
    severity: 'low',
    category: 'build',
    kinds: ['Dockerfile'],
    description:
      'A RUN pipes one command into another (`curl … | tar x`) while neither the stage\'s `SHELL` (`["/bin/bash", "-o", "pipefail", "-c"]`) nor a `set -o pipefail` earlier in the same script makes a failure of the first command fail the step. Pipes fed by `echo`, `printf`, `cat` or `yes` are not reported.',
    rationale: 'A pipeline\'s status is that of its last command: a failed download piped into `tar` or `gpg --dearmor` still "succeeds", and the image is built with a missing or truncated file.',
    remediation: `Switch the shell to one with pipefail before piping.

\`\`\`dockerfile
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg
\`\`\``,
    references: ['https://github.com/hadolint/hadolint/wiki/DL4006', 'https://docs.docker.com/build/building/best-practices/#using-pipes'],
    peers: [
      { tool: 'hadolint', id: 'DL4006', match: 'same' },
      { tool: 'trivy', id: 'DS032', match: 'same' },
    ],
    messages: { pipe: 'RUN pipes "{{from}}" into "{{to}}" without pipefail: a failure of {{from}} is ignored.' },
    examples: {
      good: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://x/a.tgz | tar -xz\n',
      bad: 'FROM debian:12-slim\nRUN curl -fsSL https://x/a.tgz | tar -xz\n',
    },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    const shells = pipefailShells(df);
    for (const site of runSites(df)) {
      if (shells.get(site.ins) || (site.ins.form === 'exec' && site.scripts.length === 1 && !site.ins.arguments.includes('-c'))) continue;
      let safe = false;
      for (let i = 0; i < site.commands.length; i++) {
        const c = site.commands[i]!;
        if (c.name === 'set' && setsPipefail(c.args)) safe = true;
        // `echo … | sha256sum -c -`: a producer that cannot fail in a way that matters is not worth a finding.
        if (!c.pipesOut || safe || QUIET_PRODUCERS.has(c.name)) continue;
        const next = site.commands[i + 1];
        if (!next) break;
        ctx.report({ path: site.path, data: { from: c.name, to: next.name } });
        break;
      }
    }
  },
});
