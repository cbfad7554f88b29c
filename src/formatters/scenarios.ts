/**
 * The shared scenario corpus every formatter runs through (formatters.test.ts). Plain data built from core types only, with
 * a fixed clock and working directory so snapshots are byte-stable.
 */
import { checkMetaSchema, type CheckMeta, type CheckMetaInput } from '../core/check-meta.js';
import type { Finding, Resource, Suppression } from '../core/finding.js';
import { fingerprintOf } from '../core/fingerprint.js';
import type { Location } from '../core/location.js';
import { REPORT_SCHEMA_VERSION, summarize, type ExpiredWaiver, type Report, type Target, type TargetIssue } from '../core/report.js';
import type { Severity } from '../core/severity.js';
import type { FormatContext } from './define-formatter.js';

export const SCENARIO_NOW = '2025-01-15T12:00:00.000Z';
export const SCENARIO_CWD = '/work/repo';

export interface Scenario {
  name: string;
  description: string;
  report: Report;
  /** Metadata of the checks that "ran" (FormatContext.checks). */
  checks: readonly CheckMeta[];
}

function meta(input: Omit<CheckMetaInput, 'references' | 'examples' | 'kinds' | 'peers'> & Partial<CheckMetaInput>): CheckMeta {
  return checkMetaSchema.parse({
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/'],
    examples: { good: 'apiVersion: v1\nkind: Pod\n', bad: 'apiVersion: v1\nkind: Pod\n' },
    kinds: ['Pod', 'Deployment'],
    peers: [],
    ...input,
  });
}

export const SCENARIO_CHECKS = {
  privileged: meta({
    id: 'PAL-K8S-0001',
    slug: 'privileged-container',
    title: 'Container runs in privileged mode',
    severity: 'critical',
    category: 'pod-security',
    description: 'A container sets `securityContext.privileged: true`.',
    rationale: 'A privileged container has every Linux capability and access to all host devices.',
    remediation: 'Remove `privileged: true`.\n\n```yaml\nsecurityContext:\n  privileged: false\n```',
    messages: { privileged: 'Container "{{container}}" runs privileged.' },
    peers: [{ tool: 'checkov', id: 'CKV_K8S_16', match: 'same' }],
  }),
  nonRoot: meta({
    id: 'PAL-K8S-0002',
    slug: 'run-as-non-root',
    title: 'Container may run as root',
    severity: 'high',
    category: 'pod-security',
    description: 'Neither the pod nor the container sets `runAsNonRoot: true`.',
    rationale: 'A process running as UID 0 turns a container escape into root on the node.',
    remediation: 'Set `runAsNonRoot: true` on the pod or the container.\n\n```yaml\nsecurityContext:\n  runAsNonRoot: true\n```',
    messages: { missing: 'Container "{{container}}" may run as root.' },
  }),
  limits: meta({
    id: 'PAL-K8S-0003',
    aliases: ['PAL-K8S-0903'],
    slug: 'memory-limit',
    title: 'Container has no memory limit',
    severity: 'medium',
    category: 'resources',
    description: 'A container does not set `resources.limits.memory`.',
    rationale: 'Without a limit one container can exhaust the memory of the node and evict its neighbours.',
    remediation: 'Set a memory limit sized for the workload.\n\n```yaml\nresources:\n  limits:\n    memory: 256Mi\n```',
    messages: { missing: 'Container "{{container}}" has no memory limit.' },
  }),
  latest: meta({
    id: 'PAL-K8S-0004',
    slug: 'image-tag-latest',
    title: 'Image uses the latest tag or no tag',
    severity: 'low',
    category: 'images',
    description: 'An image reference has no tag or uses `:latest`.',
    rationale: 'A moving tag makes deployments unreproducible and rollbacks unreliable.',
    remediation: 'Pin the image to a version or a digest.\n\n```yaml\nimage: nginx:1.27.3\n```',
    messages: { latest: 'Container "{{container}}" uses image "{{image}}".' },
  }),
  probe: meta({
    id: 'PAL-K8S-0005',
    slug: 'liveness-probe',
    title: 'Container has no liveness probe',
    severity: 'info',
    category: 'reliability',
    description: 'A long-running container does not define `livenessProbe`.',
    rationale: 'Without a liveness probe a hung process keeps receiving traffic until someone notices.',
    remediation: 'Add a liveness probe that checks the process is healthy.\n\n```yaml\nlivenessProbe:\n  httpGet: { path: /healthz, port: 8080 }\n```',
    messages: { missing: 'Container "{{container}}" has no liveness probe.' },
  }),
} as const;

const ALL_CHECKS: readonly CheckMeta[] = Object.values(SCENARIO_CHECKS);

export function scenarioContext(checks: readonly CheckMeta[], overrides: Partial<FormatContext> = {}): FormatContext {
  return {
    toolName: 'palisade',
    toolVersion: '0.1.0',
    informationUri: 'https://github.com/palisade-dev/palisade',
    checks,
    cwd: SCENARIO_CWD,
    now: SCENARIO_NOW,
    color: false,
    width: 100,
    docsBaseUrl: 'https://github.com/palisade-dev/palisade/blob/main/docs/checks/',
    ...overrides,
  };
}

function loc(path: string, line: number, column = 7, length = 16): Location {
  return { path, startLine: line, startColumn: column, endLine: line, endColumn: column + length };
}

function res(kind: string, namespace: string, name: string, apiVersion = kind === 'Deployment' ? 'apps/v1' : 'v1'): Resource {
  return { apiVersion, kind, namespace, name };
}

interface FindingSpec {
  check: CheckMeta;
  location: Location;
  resource: Resource;
  dataPath: string;
  message?: string;
  severity?: Severity;
  suppressed?: Suppression;
}

function finding(s: FindingSpec): Finding {
  const template = Object.values(s.check.messages)[0]!;
  return {
    fingerprint: fingerprintOf(s.check.id, s.resource, s.dataPath, s.location.path),
    checkId: s.check.id,
    slug: s.check.slug,
    title: s.check.title,
    severity: s.severity ?? s.check.severity,
    category: s.check.category,
    message: s.message ?? template.replace(/\{\{\s*\w+\s*\}\}/g, 'app'),
    location: s.location,
    dataPath: s.dataPath,
    resource: s.resource,
    remediation: s.check.remediation,
    references: [...s.check.references],
    peers: s.check.peers.map((p) => ({ ...p })),
    suppressed: s.suppressed ?? null,
  };
}

function target(path: string, resources: number, extra: Partial<Target> = {}): Target {
  return { path, kind: 'kubernetes', resources, skippedDocuments: 0, errors: [], warnings: [], ...extra };
}

function report(targets: Target[], findings: Finding[], expiredWaivers: ExpiredWaiver[] = []): Report {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'palisade', version: '0.1.0' },
    generatedAt: SCENARIO_NOW,
    targets,
    findings,
    expiredWaivers,
    summary: summarize(targets, findings),
  };
}

const C = SCENARIO_CHECKS;
const PRIV = 'spec.template.spec.containers[0].securityContext.privileged';

function empty(): Scenario {
  return { name: 'empty', description: 'nothing was scanned', report: report([], []), checks: ALL_CHECKS };
}

function clean(): Scenario {
  const targets = [target('k8s/app.yaml', 3), target('k8s/values.yaml', 0, { kind: 'yaml', skippedDocuments: 1 })];
  return { name: 'clean', description: 'files scanned, nothing found', report: report(targets, []), checks: ALL_CHECKS };
}

function oneFinding(): Scenario {
  const web = res('Deployment', 'prod', 'web');
  const f = finding({ check: C.privileged, location: loc('k8s/deploy.yaml', 21, 13, 16), resource: web, dataPath: PRIV });
  return { name: 'one-finding', description: 'a single critical finding', report: report([target('k8s/deploy.yaml', 1)], [f]), checks: [C.privileged] };
}

function mixedSeverities(): Scenario {
  const web = res('Deployment', 'prod', 'web');
  const worker = res('Deployment', 'prod', 'worker');
  const job = res('CronJob', 'batch', 'nightly', 'batch/v1');
  const role = res('ClusterRole', '', 'admin-ish', 'rbac.authorization.k8s.io/v1');
  const findings = [
    finding({ check: C.latest, location: loc('k8s/worker.yaml', 18, 16, 12), resource: worker, dataPath: 'spec.template.spec.containers[0].image', message: 'Container "worker" uses image "queue:latest".' }),
    finding({ check: C.privileged, location: loc('k8s/web.yaml', 24, 13), resource: web, dataPath: PRIV, message: 'Container "app" runs privileged.' }),
    finding({ check: C.privileged, location: loc('k8s/web.yaml', 40, 13), resource: web, dataPath: 'spec.template.spec.containers[1].securityContext.privileged', message: 'Container "sidecar" runs privileged.' }),
    finding({ check: C.nonRoot, location: loc('k8s/web.yaml', 19, 7, 15), resource: web, dataPath: 'spec.template.spec.containers[0].securityContext' }),
    finding({ check: C.limits, location: loc('k8s/web.yaml', 19, 7), resource: web, dataPath: 'spec.template.spec.containers[0].resources' }),
    finding({ check: C.probe, location: loc('k8s/worker.yaml', 16, 9), resource: worker, dataPath: 'spec.template.spec.containers[0]' }),
    finding({ check: C.nonRoot, location: loc('k8s/cron.yaml', 12, 15), resource: job, dataPath: 'spec.jobTemplate.spec.template.spec.containers[0].securityContext', severity: 'critical', message: 'Container "backup" may run as root (severity raised by policy).' }),
    // A check missing from ctx.checks: formatters must still describe it (SARIF derives a rule from the finding).
    finding({ check: meta({ id: 'PAL-K8S-0042', slug: 'wildcard-verbs', title: 'Role grants every verb', severity: 'high', category: 'rbac', description: 'A rule lists `*` in verbs.', rationale: 'A wildcard grants verbs added in future versions too.', remediation: 'List the verbs the subject needs.\n\n```yaml\nverbs: [get, list]\n```', messages: { wildcard: 'Rule {{index}} grants every verb.' } }), location: loc('rbac/role.yaml', 9, 5, 14), resource: role, dataPath: 'rules[0].verbs', message: 'Rule 0 grants every verb.' }),
  ];
  const targets = [target('k8s/web.yaml', 2), target('k8s/worker.yaml', 1), target('k8s/cron.yaml', 1), target('rbac/role.yaml', 1), target('k8s/namespace.yaml', 1)];
  return { name: 'mixed-severities', description: 'every severity across several files and resources', report: report(targets, findings), checks: ALL_CHECKS };
}

function suppressed(): Scenario {
  const api = res('Deployment', 'shop', 'api');
  const at = (line: number): Location => loc('deploy/api.yaml', line, 13);
  const sup = (by: Suppression['by'], reason: string, more: Partial<Suppression> = {}): Suppression => ({ by, reason, expires: null, ...more });
  const findings = [
    finding({ check: C.privileged, location: at(30), resource: api, dataPath: PRIV, suppressed: sup('annotation', 'needs /dev/fuse for the FUSE mount', { source: 'palisade.dev/ignore-PAL-K8S-0001' }) }),
    finding({ check: C.nonRoot, location: at(31), resource: api, dataPath: 'spec.template.spec.containers[0].securityContext.runAsNonRoot', suppressed: sup('waiver-file', 'legacy image, migration tracked', { expires: '2025-06-30', owner: 'team-shop', ticket: 'SHOP-1234', source: 'waiver-api-root' }) }),
    finding({ check: C.limits, location: at(32), resource: api, dataPath: 'spec.template.spec.containers[0].resources', suppressed: sup('checkov-annotation', 'limits set by the VPA', { source: 'checkov.io/skip1' }) }),
    finding({ check: C.latest, location: at(33), resource: api, dataPath: 'spec.template.spec.containers[0].image', suppressed: sup('checkov-comment', 'dev-only image') }),
    finding({ check: C.probe, location: at(34), resource: api, dataPath: 'spec.template.spec.containers[0]', suppressed: sup('kube-linter-annotation', 'probe defined by the mesh', { source: 'ignore-check.kube-linter.io/liveness-port' }) }),
    finding({ check: C.privileged, location: at(52), resource: api, dataPath: 'spec.template.spec.containers[1].securityContext.privileged', message: 'Container "debug" runs privileged.', suppressed: sup('polaris-annotation', '', { source: 'polaris.fairwinds.com/privilegeEscalationAllowed-exempt' }) }),
    finding({ check: C.nonRoot, location: loc('deploy/web.yaml', 14, 9), resource: res('Deployment', 'shop', 'web'), dataPath: 'spec.template.spec.containers[0].securityContext' }),
  ];
  const expired: ExpiredWaiver[] = [
    { source: 'waiver-web-latest', checks: ['PAL-K8S-0004'], reason: 'pinned after the Q4 freeze', expires: '2024-12-31', owner: 'team-web', ticket: 'WEB-99', location: loc('.palisade/waivers.yaml', 12, 5, 20) },
    { source: 'waiver-old', checks: ['PAL-K8S-0002', 'PAL-K8S-0003'], reason: 'temporary', expires: '2024-11-01' },
  ];
  return {
    name: 'suppressed',
    description: 'one finding silenced by each mechanism, one active, two expired waivers',
    report: report([target('deploy/api.yaml', 1), target('deploy/web.yaml', 1)], findings, expired),
    checks: ALL_CHECKS,
  };
}

function parseError(): Scenario {
  const issue = (path: string, line: number, column: number, code: string, message: string, checkId?: string): TargetIssue => ({
    message,
    location: { path, startLine: line, startColumn: column, endLine: line, endColumn: column + 1 },
    code,
    ...(checkId ? { checkId } : {}),
  });
  const targets = [
    target('k8s/broken.yaml', 0, { kind: 'unknown', errors: [issue('k8s/broken.yaml', 7, 3, 'yaml-syntax', 'Implicit map keys need to be followed by map values')] }),
    target('k8s/crash.yaml', 2, {
      errors: [issue('k8s/crash.yaml', 1, 1, 'check-crash', 'check PAL-K8S-0003 (memory-limit) failed on Deployment/web: Cannot read properties of undefined', 'PAL-K8S-0003')],
      warnings: [issue('k8s/crash.yaml', 30, 1, 'duplicate-key', 'Map keys must be unique; "image" is repeated')],
    }),
    target('k8s/ok.yaml', 1),
  ];
  const f = finding({ check: C.latest, location: loc('k8s/crash.yaml', 12, 16, 6), resource: res('Deployment', 'default', 'web'), dataPath: 'spec.template.spec.containers[0].image', message: 'Container "web" uses image "nginx".' });
  return { name: 'parse-error', description: 'a file that does not parse and a crashing check', report: report(targets, [f]), checks: ALL_CHECKS };
}

export const HOSTILE = {
  ansi: '\u001b[31mRED\u001b[0m \u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007 \u001b[2J',
  html: '<script>alert("x")</script> <img src=x onerror=alert(1)> & &amp;',
  cdata: ']]> <![CDATA[ boom ]]>',
  markdown: 'a | b || c `code` ``` fence *bold* _it_ [link](https://evil.example) ![img](x) # h $x^2$ ~~s~~ @octocat \\',
  newlines: 'line one\nline two\r\nline three\rend\ttab',
  controls: 'nul\u0000 bel\u0007 bs\u0008 vt\u000b ff\u000c del\u007f csi\u009b31m lone\ud800 fffe\ufffe',
  bidi: 'admin\u202Etxt.exe\u202C \u2066isolate\u2069 sep\u2028para\u2029',
  unicode: 'naïve café — 日本語のコンテナ 🚀🔥 e\u0301 ZWJ 👩‍👩‍👧 Ω',
};

function hostile(): Scenario {
  const long = `${'very long message '.repeat(300)}END`;
  const weird = res('Deployment', 'ns|<x>', `name\u001b[1m\`x\` ${HOSTILE.unicode.slice(0, 12)}`);
  const path = 'k8s/we ird/[x]#%?&=`|.yaml';
  const findings = Object.entries(HOSTILE).map(([key, text], i) =>
    finding({ check: [C.privileged, C.nonRoot, C.limits, C.latest, C.probe][i % 5]!, location: loc(path, 10 + i, 3), resource: weird, dataPath: `metadata.annotations["${key}"]`, message: `${key}: ${text}` }),
  );
  findings.push(
    finding({ check: C.limits, location: loc('k8s/日本/ünïcode.yaml', 3), resource: res('Pod', 'default', 'p'), dataPath: 'spec.containers[0].resources', message: long }),
    finding({ check: C.nonRoot, location: loc(path, 40), resource: weird, dataPath: 'spec', message: 'suppressed with a hostile reason', suppressed: { by: 'waiver-file', reason: `${HOSTILE.html} ${HOSTILE.ansi} ${HOSTILE.newlines}`, expires: '2099-01-01', owner: '@everyone | <b>', ticket: ']]>', source: HOSTILE.markdown } }),
  );
  const targets = [
    target(path, 1, {
      errors: [{ code: 'yaml-syntax', message: `bad document: ${HOSTILE.ansi} ${HOSTILE.cdata} ${HOSTILE.controls}`, location: loc(path, 99, 1, 1) }],
    }),
    target('k8s/日本/ünïcode.yaml', 1),
  ];
  const expired: ExpiredWaiver[] = [
    { source: HOSTILE.markdown, checks: ['PAL-K8S-0001'], reason: HOSTILE.html + HOSTILE.controls, expires: '2024-01-01', owner: HOSTILE.bidi },
  ];
  return { name: 'hostile-strings', description: 'escapes, markup, control characters, unicode and huge text everywhere', report: report(targets, findings, expired), checks: ALL_CHECKS };
}

function windowsPaths(): Scenario {
  const web = res('Deployment', 'prod', 'web');
  const findings = [
    finding({ check: C.privileged, location: loc('deploy\\prod\\web.yaml', 21, 13), resource: web, dataPath: PRIV }),
    finding({ check: C.nonRoot, location: loc('.\\base\\svc account.yaml', 4, 1), resource: res('ServiceAccount', 'prod', 'web'), dataPath: 'automountServiceAccountToken' }),
    finding({ check: C.limits, location: loc('D:\\shared\\policies\\extra.yaml', 8, 5), resource: res('Pod', 'prod', 'extra'), dataPath: 'spec.containers[0].resources' }),
    finding({ check: C.latest, location: loc('/work/repo/abs/in-cwd.yaml', 2, 3), resource: res('Pod', 'prod', 'abs'), dataPath: 'spec.containers[0].image' }),
  ];
  const targets = [
    target('deploy\\prod\\web.yaml', 1),
    target('.\\base\\svc account.yaml', 1, { warnings: [{ code: 'encoding', message: 'UTF-16 BOM converted', location: loc('.\\base\\svc account.yaml', 1, 1, 1) }] }),
    target('D:\\shared\\policies\\extra.yaml', 1),
    target('/work/repo/abs/in-cwd.yaml', 1),
  ];
  return { name: 'windows-paths', description: 'backslash, dot-relative, drive-letter and absolute paths', report: report(targets, findings), checks: ALL_CHECKS };
}

function thousandFindings(): Scenario {
  const checks = [C.privileged, C.nonRoot, C.limits, C.latest, C.probe];
  const findings: Finding[] = [];
  const targets: Target[] = [];
  for (let file = 0; file < 50; file++) {
    const path = `charts/app-${String(file).padStart(2, '0')}/templates/deployment.yaml`;
    targets.push(target(path, 4));
    for (let i = 0; i < 20; i++) {
      const n = file * 20 + i;
      const check = checks[n % checks.length]!;
      const resource = res('Deployment', `team-${file % 7}`, `svc-${file}-${i % 4}`);
      findings.push(
        finding({
          check,
          location: loc(path, 10 + i * 7, 9),
          resource,
          dataPath: `spec.template.spec.containers[${i}].securityContext`,
          message: `Container "c${i}" in ${resource.name} violates ${check.slug}.`,
          ...(n % 10 === 9 ? { suppressed: { by: n % 20 === 9 ? 'annotation' : 'waiver-file', reason: `accepted risk #${n}`, expires: null } } : {}),
        }),
      );
    }
  }
  return { name: 'thousand-findings', description: '1,000 findings over 50 files', report: report(targets, findings), checks: ALL_CHECKS };
}

/** Built fresh on every call, so a formatter that mutated its input could not leak into the next scenario. */
export function buildScenarios(): Scenario[] {
  return [empty(), clean(), oneFinding(), mixedSeverities(), suppressed(), parseError(), hostile(), windowsPaths(), thousandFindings()];
}
