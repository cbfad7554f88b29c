/**
 * The shared scenario corpus every formatter runs through (formatters.test.ts). Plain data built from core types only, with
 * a fixed clock and working directory so snapshots are byte-stable.
 */
import { checkMetaSchema, type CheckMeta, type CheckMetaInput } from '../core/check-meta.js';
import type { CvssScore, Finding, Resource, Suppression, VulnerabilityDetail } from '../core/finding.js';
import { fingerprintOf } from '../core/fingerprint.js';
import type { Location } from '../core/location.js';
import type { Package } from '../core/package.js';
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

function report(targets: Target[], findings: Finding[], expiredWaivers: ExpiredWaiver[] = [], inventory?: Package[]): Report {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'palisade', version: '0.1.0' },
    generatedAt: SCENARIO_NOW,
    targets,
    findings,
    expiredWaivers,
    ...(inventory ? { inventory } : {}),
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

const NO_RESOURCE: Resource = { apiVersion: '', kind: '', namespace: '', name: '' };
const IMAGE = 'registry.example/shop/api:1.4';
const BASE_LAYER = { index: 0, digest: 'sha256:9b1f2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9' };

function pkg(ecosystem: string, name: string, version: string, purl: string, path: string, line: number, foundBy: string, extra: Partial<Package> = {}): Package {
  return { ecosystem, name, version, purl, location: loc(path, line, 5, name.length + 2), foundBy, ...extra };
}

interface VulnSpec {
  id: string;
  aliases?: string[];
  summary: string;
  severity: Severity;
  cvss?: CvssScore[];
  severitySource?: VulnerabilityDetail['severitySource'];
  fixed?: string[];
  upgradeTo?: string;
  informational?: string;
  suppressed?: Suppression;
  published?: string;
}

/** Shaped like src/vuln/finding.ts builds them (formatters may not import vuln, and a fixture should not move with it). */
function vulnFinding(p: Package, v: VulnSpec): Finding {
  const fixed = v.fixed ?? [];
  const shown = (v.aliases ?? []).slice(0, 3);
  const named = shown.length > 0 ? `${v.id} (${shown.join(', ')})` : v.id;
  const what = v.informational !== undefined ? `an informational advisory (${v.informational}), ${named}` : named;
  const remediation =
    v.upgradeTo !== undefined
      ? `Upgrade ${p.name} to ${v.upgradeTo} or later.`
      : `No fix is available; remove or replace ${p.name}, or waive this finding with the reason it does not apply.`;
  const vulnerability: VulnerabilityDetail = {
    id: v.id,
    aliases: v.aliases ?? [],
    summary: v.summary,
    package: { ecosystem: p.ecosystem, name: p.name, version: p.version, purl: p.purl },
    fixedVersions: fixed,
    cvss: v.cvss ?? [],
    severitySource: v.severitySource ?? (v.cvss ? 'cvss' : 'unknown'),
    ...(v.upgradeTo !== undefined ? { upgradeTo: v.upgradeTo } : {}),
    ...(v.informational !== undefined ? { informational: v.informational } : {}),
    ...(p.layer ? { layer: { ...p.layer } } : {}),
    ...(v.published !== undefined ? { published: v.published, modified: '2024-06-01T10:00:00Z' } : {}),
  };
  return {
    fingerprint: fingerprintOf(v.id, NO_RESOURCE, `${p.ecosystem}|${p.name}`, p.location.path),
    checkId: v.id,
    slug: v.informational !== undefined ? 'informational-advisory' : 'vulnerable-package',
    title: v.summary,
    severity: v.severity,
    category: 'vulnerability',
    message: `${p.name} ${p.version} is affected by ${what}: ${v.summary.replace(/\.$/, '')}. ${fixed.length > 0 ? `Fixed in ${fixed.join(', ')}.` : 'No fixed version yet.'}`,
    location: { ...p.location },
    dataPath: '',
    resource: { ...NO_RESOURCE },
    remediation,
    references: [`https://osv.dev/vulnerability/${v.id}`],
    peers: [],
    suppressed: v.suppressed ?? null,
    vulnerability,
  };
}

const cvss31 = (vector: string, score: number): CvssScore => ({ version: '3.1', vector: `CVSS:3.1/${vector}`, score });

export const VULN_INVENTORY = {
  lodash: pkg('npm', 'lodash', '4.17.20', 'pkg:npm/lodash@4.17.20', 'app/package-lock.json', 12, 'package-lock.json', { direct: true }),
  lodashWeb: pkg('npm', 'lodash', '4.17.20', 'pkg:npm/lodash@4.17.20', 'web/package-lock.json', 30, 'package-lock.json', { dev: true }),
  traverse: pkg('npm', '@babel/traverse', '7.22.5', 'pkg:npm/%40babel/traverse@7.22.5', 'app/package-lock.json', 40, 'package-lock.json', { dev: true }),
  log4j: pkg('Maven', 'org.apache.logging.log4j:log4j-core', '2.14.1', 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1', 'svc/pom.xml', 30, 'pom.xml', { direct: true }),
  libssl: pkg('Debian:12', 'libssl3', '3.0.11-1~deb12u1', 'pkg:deb/debian/libssl3@3.0.11-1~deb12u1?arch=amd64&distro=debian-12', `${IMAGE}!/var/lib/dpkg/status`, 2041, 'dpkg-status', {
    layer: BASE_LAYER,
    source: { name: 'openssl', version: '3.0.11-1~deb12u1' },
  }),
  ansiTerm: pkg('crates.io', 'ansi_term', '0.12.1', 'pkg:cargo/ansi_term@0.12.1', 'tools/Cargo.lock', 88, 'Cargo.lock'),
  xnet: pkg('Go', 'golang.org/x/net', '0.17.0', 'pkg:golang/golang.org/x/net@v0.17.0', 'go.mod', 9, 'go.mod', { direct: true }),
  requests: pkg('PyPI', 'requests', '2.32.3', 'pkg:pypi/requests@2.32.3', 'requirements.txt', 3, 'requirements.txt'),
  monolog: pkg('Packagist', 'monolog/monolog', '3.5.0', 'pkg:composer/monolog/monolog@3.5.0', 'composer.lock', 77, 'composer.lock'),
} as const;

function vulnerabilities(): Scenario {
  const I = VULN_INVENTORY;
  const findings = [
    vulnFinding(I.lodash, {
      id: 'GHSA-35jh-r3h4-6jhm',
      aliases: ['CVE-2021-23337'],
      summary: 'Command Injection in lodash',
      severity: 'high',
      cvss: [cvss31('AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H', 7.2)],
      fixed: ['4.17.21'],
      upgradeTo: '4.17.21',
      published: '2021-05-06T16:05:51Z',
    }),
    vulnFinding(I.lodash, {
      id: 'GHSA-29mw-wpgm-hmr9',
      aliases: ['CVE-2020-28500'],
      summary: 'Regular Expression Denial of Service (ReDoS) in lodash',
      severity: 'medium',
      cvss: [cvss31('AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L', 5.3)],
      fixed: ['4.17.21'],
      upgradeTo: '4.17.21',
      suppressed: { by: 'vex', reason: 'vulnerable_code_not_in_execute_path: toNumber, trim and trimEnd never see user input', expires: null, source: 'vex/app.openvex.json#https://example.com/vex/app/1' },
    }),
    vulnFinding(I.log4j, {
      id: 'GHSA-jfh8-c2jp-5v3q',
      aliases: ['CVE-2021-44228'],
      summary: 'Remote code injection in Log4j',
      severity: 'critical',
      cvss: [{ version: '4.0', vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H', score: 10 }, cvss31('AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10)],
      fixed: ['2.3.1', '2.12.2', '2.15.0'],
      upgradeTo: '2.17.1',
      published: '2021-12-10T00:40:56Z',
    }),
    vulnFinding(I.log4j, {
      id: 'GHSA-7rjr-3q55-vv33',
      aliases: ['CVE-2021-45046'],
      summary: 'Incomplete fix for Apache Log4j vulnerability',
      severity: 'critical',
      cvss: [cvss31('AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H', 9)],
      fixed: ['2.3.1', '2.12.2', '2.16.0'],
      upgradeTo: '2.17.1',
      suppressed: { by: 'waiver-file', reason: 'message lookups disabled with log4j2.formatMsgNoLookups until the upgrade ships', expires: '2025-06-30', owner: 'team-svc', ticket: 'SVC-42', source: 'waiver-log4j' },
    }),
    vulnFinding(I.libssl, {
      id: 'DEBIAN-CVE-2024-0727',
      aliases: ['CVE-2024-0727'],
      summary: 'PKCS12 structures can crash OpenSSL (NULL dereference)',
      severity: 'medium',
      fixed: ['3.0.13-1~deb12u1'],
      upgradeTo: '3.0.13-1~deb12u1',
    }),
    vulnFinding(I.libssl, {
      id: 'DEBIAN-CVE-2023-5678',
      aliases: ['CVE-2023-5678'],
      summary: 'Excessive time spent in DH check / generation with large Q parameter value',
      severity: 'low',
      severitySource: 'ecosystem',
      fixed: ['3.0.13-1~deb12u1'],
      upgradeTo: '3.0.13-1~deb12u1',
      suppressed: { by: 'vex', reason: 'fixed: patched in the rebuilt base image', expires: null, source: 'vex/base.cdx.json#0' },
    }),
    vulnFinding(I.ansiTerm, {
      id: 'RUSTSEC-2021-0139',
      summary: 'ansi_term is Unmaintained',
      severity: 'low',
      severitySource: 'ecosystem',
      informational: 'unmaintained',
    }),
  ];
  const t = (path: string, kind: Target['kind']): Target => target(path, 0, { kind });
  const targets = [
    t('app/package-lock.json', 'lockfile'),
    t('web/package-lock.json', 'lockfile'),
    t('svc/pom.xml', 'lockfile'),
    t(IMAGE, 'image'),
    t('tools/Cargo.lock', 'lockfile'),
    t('go.mod', 'lockfile'),
    t('requirements.txt', 'lockfile'),
    t('composer.lock', 'lockfile'),
    target('k8s/deploy.yaml', 1),
  ];
  // One configuration finding beside them: the vulnerability layout must not disturb the check layout.
  findings.push(finding({ check: C.privileged, location: loc('k8s/deploy.yaml', 21, 13, 16), resource: res('Deployment', 'shop', 'api'), dataPath: PRIV }));
  return {
    name: 'vulnerabilities',
    description: 'an inventory from lockfiles and an image with vulnerability findings: active, suppressed by VEX (not_affected and fixed) and by a waiver, informational',
    report: report(targets, findings, [], Object.values(I)),
    checks: [C.privileged],
  };
}

/** Built fresh on every call, so a formatter that mutated its input could not leak into the next scenario. */
export function buildScenarios(): Scenario[] {
  return [empty(), clean(), oneFinding(), mixedSeverities(), suppressed(), parseError(), hostile(), windowsPaths(), thousandFindings(), vulnerabilities()];
}
