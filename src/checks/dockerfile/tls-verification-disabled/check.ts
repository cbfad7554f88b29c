import { defineCheck } from '../../define-check.js';
import { dockerfileOf, hasOption, packageManager, runSites, type ShellCommand } from '../../_lib/dockerfile.js';

/** What in this command turns certificate verification off, or undefined. */
function insecure(c: ShellCommand): string | undefined {
  if (c.name === 'curl' && hasOption(c.args, ['k'], ['insecure'])) return 'curl --insecure';
  if (c.name === 'wget' && hasOption(c.args, [], ['no-check-certificate'])) return 'wget --no-check-certificate';
  const pm = packageManager(c);
  if (pm?.tool === 'pip' && hasOption(pm.args, [], ['trusted-host'])) return 'pip --trusted-host';
  if ((c.name === 'npm' || c.name === 'yarn' || c.name === 'pnpm') && c.args.some((a, i) => /^"?strict-ssl"?(=false)?$/.test(a) && (a.endsWith('=false') || c.args[i + 1] === 'false'))) return `${c.name} strict-ssl false`;
  if (c.name === 'git' && c.args.some((a, i) => /^http\.sslverify(=false|=0)?$/i.test(a) && (/=(false|0)$/.test(a) || /^(false|0)$/.test(c.args[i + 1] ?? '')))) return 'git http.sslVerify false';
  return undefined;
}

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0041',
    slug: 'tls-verification-disabled',
    title: 'RUN disables TLS certificate verification for downloads',
    severity: 'high',
    category: 'build',
    kinds: ['Dockerfile'],
    description:
      'A RUN downloads with certificate checks switched off: `curl -k`/`--insecure`, `wget --no-check-certificate`, `pip --trusted-host`, `npm`/`yarn config set strict-ssl false`, or `git -c http.sslVerify=false` / `git config http.sslVerify false`. Every stage is checked: build stages produce what the final image copies.',
    rationale: 'Without certificate verification anyone on the network path can substitute the download, and the build silently packages their code.',
    remediation: `Keep verification on; install the CA certificate you need instead of disabling checks.

\`\`\`dockerfile
COPY corp-ca.crt /usr/local/share/ca-certificates/corp-ca.crt
RUN update-ca-certificates && curl -fsSLo /tmp/tool.tgz https://internal.example.com/tool.tgz
\`\`\``,
    references: ['https://curl.se/docs/sslcerts.html', 'https://pip.pypa.io/en/stable/cli/pip/#cmdoption-trusted-host'],
    peers: [
      { tool: 'checkov', id: 'CKV2_DOCKER_2', match: 'partial' },
      { tool: 'checkov', id: 'CKV2_DOCKER_3', match: 'partial' },
      { tool: 'checkov', id: 'CKV2_DOCKER_4', match: 'partial' },
      { tool: 'checkov', id: 'CKV2_DOCKER_13', match: 'partial' },
    ],
    messages: { insecure: 'RUN disables certificate verification ({{what}}).' },
    examples: { good: 'FROM debian:12-slim\nRUN curl -fsSLo /tmp/a https://example.com/a\n', bad: 'FROM debian:12-slim\nRUN curl -kfsSLo /tmp/a https://example.com/a\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const site of runSites(df)) {
      for (const c of site.commands) {
        const what = insecure(c);
        if (what) {
          ctx.report({ path: site.path, data: { what } });
          break;
        }
      }
    }
  },
});
