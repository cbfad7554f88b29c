import { defineCheck } from '../../define-check.js';
import { dockerfileOf, instructionsOf, runSites } from '../../_lib/dockerfile.js';

/** Variables that switch certificate verification off, and whether a value does. */
const INSECURE_VARS: Record<string, (v: string) => boolean> = {
  NODE_TLS_REJECT_UNAUTHORIZED: (v) => v.trim() === '0',
  PYTHONHTTPSVERIFY: (v) => v.trim() === '0',
  NPM_CONFIG_STRICT_SSL: (v) => v.trim().toLowerCase() === 'false',
  GIT_SSL_NO_VERIFY: (v) => v.trim() !== '' && !/^(false|0|no)$/i.test(v.trim()),
  PIP_TRUSTED_HOST: (v) => v.trim() !== '',
};

function insecure(name: string, value: string | null): boolean {
  const test = INSECURE_VARS[name.toUpperCase()];
  return test !== undefined && value !== null && !value.includes('$') && test(value);
}

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0043',
    slug: 'tls-verification-disabled-env',
    title: 'Environment variable disables TLS certificate verification',
    severity: 'high',
    category: 'build',
    kinds: ['Dockerfile'],
    description:
      'An `ENV` or `ARG` default (or a variable set in a RUN) turns verification off for a whole toolchain: `NODE_TLS_REJECT_UNAUTHORIZED=0`, `PYTHONHTTPSVERIFY=0`, `NPM_CONFIG_STRICT_SSL=false`, `GIT_SSL_NO_VERIFY`, `PIP_TRUSTED_HOST`. Set by ENV it also stays on in every container started from the image.',
    rationale: 'These variables make every HTTPS connection of the affected runtime accept any certificate, at build time and — for ENV — in production, where they expose credentials and data to interception.',
    remediation: `Remove the variable; trust your internal CA explicitly instead.

\`\`\`dockerfile
COPY corp-ca.crt /usr/local/share/ca-certificates/corp-ca.crt
RUN update-ca-certificates
ENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/corp-ca.crt
\`\`\``,
    references: ['https://nodejs.org/api/cli.html#node_tls_reject_unauthorizedvalue', 'https://peps.python.org/pep-0493/', 'https://git-scm.com/docs/git#Documentation/git.txt-codeGITSSLNOVERIFYcode'],
    peers: [
      { tool: 'checkov', id: 'CKV2_DOCKER_5', match: 'partial' },
      { tool: 'checkov', id: 'CKV2_DOCKER_6', match: 'partial' },
      { tool: 'checkov', id: 'CKV2_DOCKER_12', match: 'partial' },
      { tool: 'checkov', id: 'CKV2_DOCKER_14', match: 'partial' },
      { tool: 'checkov', id: 'CKV2_DOCKER_16', match: 'partial' },
    ],
    messages: { insecure: '{{name}} disables certificate verification.' },
    examples: { good: 'FROM node:20-alpine\nENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/corp.pem\n', bad: 'FROM node:20-alpine\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    df.globalArgs.forEach((p, k) => {
      if (insecure(p.key, p.value)) ctx.report({ path: ['globalArgs', k], data: { name: p.key } });
    });
    for (const { ins, path } of instructionsOf(df, 'ENV', 'ARG')) {
      (ins.pairs ?? []).forEach((p, k) => {
        if (insecure(p.key, p.value)) ctx.report({ path: [...path, 'pairs', k], data: { name: p.key } });
      });
    }
    for (const site of runSites(df)) {
      const found = site.commands.flatMap((c) => [
        ...Object.entries(c.env),
        ...(c.name === 'export' ? c.args.map((a) => a.split('=')).filter((kv) => kv.length > 1).map(([k, ...v]) => [k!, v.join('=')] as [string, string]) : []),
      ]).find(([k, v]) => insecure(k, v));
      if (found) ctx.report({ path: site.path, data: { name: found[0] } });
    }
  },
});
