import { defineCheck } from '../../define-check.js';
import { containsPrivateKey, isPlaceholderValue, looksLikeCredentialName } from '../../_lib/credentials.js';
import { dockerfileOf, finalImageStages, instructionsOf } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0009',
    slug: 'secret-in-env-arg',
    title: 'Secret written into ENV or ARG, or passed as a build argument',
    severity: 'high',
    category: 'secrets',
    kinds: ['Dockerfile'],
    description:
      'An `ENV` or `ARG` whose name says it holds a credential (`DB_PASSWORD`, `GITHUB_TOKEN`, `API_KEY`, …) has a literal value in the Dockerfile, in any stage; or a credential-named `ARG` without a default is declared in the final image, so the secret is passed with `--build-arg`. Values that are references (`${VAR}`, file paths, `vault:` URIs) and names that describe a credential (`…_FILE`, `…_PATH`) do not match; values never appear in findings.',
    rationale:
      'ENV values are stored in the image config and visible to anyone who can pull it (`docker inspect`); ARG values used by a RUN are recorded in the image history. A literal in the Dockerfile is also a secret committed to source control.',
    remediation: `Pass build-time secrets with a secret mount, and runtime secrets through the orchestrator's secret store.

\`\`\`dockerfile
RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci
\`\`\``,
    references: ['https://docs.docker.com/build/building/secrets/', 'https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/', 'https://avd.aquasec.com/misconfig/ds031'],
    peers: [{ tool: 'trivy', id: 'DS031', match: 'partial' }],
    messages: {
      literal: '{{keyword}} {{name}} has a literal credential value in the Dockerfile.',
      buildArg: 'ARG {{name}} passes a credential as a build argument; it is recorded in the image history.',
    },
    examples: {
      good: 'FROM node:20-alpine\nENV DB_PASSWORD_FILE=/run/secrets/db\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n',
      bad: 'FROM node:20-alpine\nENV DB_PASSWORD=hunter2\n',
    },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    const literal = (value: string | null): boolean => value !== null && !isPlaceholderValue(value);
    df.globalArgs.forEach((p, k) => {
      if (looksLikeCredentialName(p.key) && literal(p.value)) ctx.report({ path: ['globalArgs', k], messageId: 'literal', data: { keyword: 'ARG', name: p.key } });
    });
    const inFinal = new Set(finalImageStages(df).map((s) => s.index));
    for (const { stage, ins, path } of instructionsOf(df, 'ENV', 'ARG')) {
      (ins.pairs ?? []).forEach((p, k) => {
        const named = looksLikeCredentialName(p.key);
        if ((named && literal(p.value)) || (p.value !== null && containsPrivateKey(p.value))) {
          ctx.report({ path: [...path, 'pairs', k], messageId: 'literal', data: { keyword: ins.keyword, name: p.key } });
        } else if (named && ins.keyword === 'ARG' && p.value === null && inFinal.has(stage.index)) {
          ctx.report({ path: [...path, 'pairs', k], messageId: 'buildArg', data: { name: p.key } });
        }
      });
    }
  },
});
