import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { CheckTarget, ConfigObject } from '../core/config-object.js';
import type { Finding } from '../core/finding.js';
import { EXIT } from '../core/report.js';
import { runChecks } from '../checks/engine.js';
import { FIXTURE_PATTERN, parseForTarget } from '../parsers/index.js';
import { CUSTOM_ID, type CompiledPolicy } from '../policy/custom/types.js';
import { vapCheckId } from '../policy/custom/vap.js';
import { formatIssue, type ConfigIssue } from '../policy/located.js';
import { loadPolicyTree } from '../scan/policies.js';
import { toDisplay } from '../scan/walk.js';
import { UsageError, parse } from './args.js';
import { POLICY_HELP } from './help.js';
import type { CliIO } from './io.js';

/** `palisade policy test|init`. */
export async function runPolicy(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout.write(POLICY_HELP);
    return sub ? EXIT.clean : EXIT.usage;
  }
  if (sub === 'test') return runTest(rest, io);
  if (sub === 'init') return runInit(rest, io);
  throw new UsageError(`unknown policy subcommand "${sub}"; use test or init`);
}

// ---------------------------------------------------------------------------------------------------------------------
// policy test

export type CaseResult = 'pass' | 'fail' | 'error';

export interface TestCase {
  /** IDs of the policies run on this input. */
  policies: string[];
  /** The input file, as displayed. */
  file: string;
  expect: 'pass' | 'fail';
  result: CaseResult;
  reason: string;
  findings: number;
}

interface PolicyGroup {
  /** The folder the policies are defined in (absolute): its tests/ belong to them. */
  dir: string;
  policies: CompiledPolicy[];
}

/** An object's expectation by name (`should-fail-*`, `should_pass_*`, the last part of a Terraform address) or annotation. */
function expectation(o: ConfigObject): 'fail' | 'pass' | undefined {
  const a = o.annotations['test.palisade.dev/expect'];
  if (a === 'fail' || a === 'pass') return a;
  const local = (o.name.split('.').pop() ?? '').replace(/\[.*\]$/, '');
  if (/^should[-_]fail/.test(local)) return 'fail';
  if (/^should[-_]pass/.test(local)) return 'pass';
  return undefined;
}

const identity = (o: { kind: string; namespace: string; name: string }): string => `${o.kind}/${o.namespace}/${o.name}`;
const describeFinding = (f: Finding): string => `${f.resource.kind}${f.resource.name ? '/' + f.resource.name : ''} ${f.dataPath || '(object)'} (line ${f.location.startLine}): ${f.message}`;

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => !n.startsWith('.') && statSync(join(dir, n)).isFile())
      .sort();
  } catch {
    return [];
  }
}

/** Runs `policies` over one input and judges the result against what the folder (pass/ or fail/) and object names expect. */
function runCase(policies: readonly CompiledPolicy[], abs: string, display: string, expect: 'pass' | 'fail'): TestCase[] {
  const name = abs.split(/[\\/]/).pop()!;
  const byTarget = new Map<CheckTarget, CompiledPolicy[]>();
  for (const p of policies) {
    if (!FIXTURE_PATTERN[p.check.meta.target].test(name)) continue;
    const list = byTarget.get(p.check.meta.target) ?? [];
    list.push(p);
    byTarget.set(p.check.meta.target, list);
  }
  const out: TestCase[] = [];
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    return [{ policies: policies.map((p) => p.check.meta.id), file: display, expect, result: 'error', reason: `cannot read: ${(e as Error).message}`, findings: 0 }];
  }
  for (const [target, group] of byTarget) {
    const ids = group.map((p) => p.check.meta.id);
    const base = { policies: ids, file: display, expect };
    let parsed;
    try {
      parsed = parseForTarget(target, text, display);
    } catch (e) {
      out.push({ ...base, result: 'error', reason: `cannot parse as ${target}: ${(e as Error).message}`, findings: 0 });
      continue;
    }
    if (parsed.errors.length > 0) {
      const e = parsed.errors[0]!;
      out.push({ ...base, result: 'error', reason: `input does not parse as ${target}: line ${e.location.startLine}: ${e.message}`, findings: 0 });
      continue;
    }
    const active = group.map((p) => ({ check: p.check, options: p.check.options ? p.check.options.parse({}) : {}, severity: p.check.meta.severity }));
    const res = runChecks(active, parsed.objects);
    const findings = res.findings;
    if (res.crashes.length > 0) {
      out.push({ ...base, result: 'fail', reason: res.crashes.map((c) => c.issue.message).join('; '), findings: findings.length });
      continue;
    }
    if (expect === 'pass') {
      out.push(
        findings.length === 0
          ? { ...base, result: 'pass', reason: parsed.objects.length === 0 ? `no ${target} objects in the input` : '', findings: 0 }
          : { ...base, result: 'fail', reason: `expected no finding, got ${findings.length}: ${findings.slice(0, 3).map(describeFinding).join('; ')}${findings.length > 3 ? '; …' : ''}`, findings: findings.length },
      );
      continue;
    }
    if (findings.length === 0) {
      out.push({ ...base, result: 'fail', reason: parsed.objects.length === 0 ? `expected a finding, but the input holds no ${target} objects` : 'expected at least one finding, got none', findings: 0 });
      continue;
    }
    const problems: string[] = [];
    const failing = parsed.objects.filter((o) => expectation(o) === 'fail');
    for (const o of failing) if (!findings.some((f) => identity(f.resource) === identity(o))) problems.push(`${o.kind}/${o.name} should fail but has no finding`);
    const passing = new Set(parsed.objects.filter((o) => expectation(o) === 'pass').map(identity));
    for (const f of findings) if (passing.has(identity(f.resource))) problems.push(`${f.resource.kind}/${f.resource.name} should pass but: ${describeFinding(f)}`);
    out.push(
      problems.length > 0
        ? { ...base, result: 'fail', reason: problems.join('; '), findings: findings.length }
        : { ...base, result: 'pass', reason: `${findings.length} finding${findings.length === 1 ? '' : 's'}`, findings: findings.length },
    );
  }
  return out;
}

/** The tests of one policy folder: tests/pass + tests/fail for all its policies, tests/<ID>/pass|fail for one. */
function testGroup(g: PolicyGroup, cwd: string): { cases: TestCase[]; untested: CompiledPolicy[] } {
  const cases: TestCase[] = [];
  const tested = new Set<string>();
  const testsDir = join(g.dir, 'tests');
  const sets: { dir: string; policies: CompiledPolicy[] }[] = [{ dir: testsDir, policies: g.policies }];
  for (const p of g.policies) sets.push({ dir: join(testsDir, p.check.meta.id), policies: [p] });
  for (const set of sets) {
    for (const expect of ['pass', 'fail'] as const) {
      const dir = join(set.dir, expect);
      for (const name of listFiles(dir)) {
        const abs = join(dir, name);
        const found = runCase(set.policies, abs, toDisplay(cwd, abs), expect);
        for (const c of found) for (const id of c.policies) tested.add(id);
        cases.push(...found);
      }
    }
  }
  return { cases, untested: g.policies.filter((p) => !tested.has(p.check.meta.id)) };
}

async function runTest(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string', short: 'f' },
    'require-tests': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(POLICY_HELP);
    return EXIT.clean;
  }
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(`policy test --format must be table or json, got "${format}"`);
  if (positionals.length > 1) throw new UsageError('policy test takes one folder (default: the current directory)');
  const dir = positionals[0] ?? '.';
  const abs = resolve(io.cwd, dir);
  if (!existsSync(abs)) throw new UsageError(`policy test: ${dir} does not exist`);

  const tree = await loadPolicyTree(abs, io.cwd);
  const issues: ConfigIssue[] = [...tree.issues];
  const groups = new Map<string, PolicyGroup>();
  for (const p of tree.policies) {
    const folder = dirname(resolve(io.cwd, p.file));
    const g = groups.get(folder) ?? { dir: folder, policies: [] };
    g.policies.push(p);
    groups.set(folder, g);
  }
  const cases: TestCase[] = [];
  const untested: CompiledPolicy[] = [];
  for (const g of [...groups.values()].sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0))) {
    const r = testGroup(g, io.cwd);
    cases.push(...r.cases);
    untested.push(...r.untested);
  }
  // Tested one by one they pass, but one scan refuses two policies with the same ID: say so before CI does.
  const filesById = new Map<string, string[]>();
  for (const p of tree.policies) filesById.set(p.check.meta.id, [...(filesById.get(p.check.meta.id) ?? []), p.file]);
  const duplicates = [...filesById].filter(([, files]) => files.length > 1);
  const count = (r: CaseResult): number => cases.filter((c) => c.result === r).length;
  const summary = {
    policies: tree.policies.length,
    untested: untested.length,
    cases: cases.length,
    passed: count('pass'),
    failed: count('fail'),
    errors: count('error'),
    brokenPolicies: issues.length,
  };
  const requireTests = values['require-tests'] === true;
  let code: number = EXIT.clean;
  if (summary.failed > 0 || (requireTests && untested.length > 0)) code = EXIT.findings;
  if (issues.length > 0 || summary.errors > 0) code = EXIT.usage;
  if (tree.policies.length === 0 && issues.length === 0) {
    issues.push({ message: `no policies found under ${dir} (policy.yaml, policy.ts, *.policy.ts, or a palisade-pack.yaml)`, location: { path: toDisplay(io.cwd, abs), startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } });
    code = EXIT.usage;
  }

  if (format === 'json') {
    io.stdout.write(
      JSON.stringify(
        {
          policies: tree.policies.map((p) => ({ id: p.check.meta.id, kind: p.kind, file: p.file, ...(p.pack ? { pack: p.pack } : {}), tested: !untested.includes(p) })),
          cases,
          issues: issues.map((i) => ({ message: i.message, location: i.location })),
          warnings: [...tree.warnings.map((w) => ({ message: w.message, location: w.location })), ...duplicates.map(([id, files]) => ({ message: `${id} is defined in ${files.join(' and ')}` }))],
          summary,
        },
        null,
        2,
      ) + '\n',
    );
    return code;
  }

  const out: string[] = [];
  if (cases.length > 0) {
    const rows = cases.map((c) => [c.policies.join(','), c.file, c.result.toUpperCase(), c.reason]);
    const head = ['POLICY', 'CASE', 'RESULT', 'REASON'];
    const widths = [0, 1, 2].map((i) => Math.max(head[i]!.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]): string => r.map((v, i) => (i < 3 ? v.padEnd(widths[i]!) : v)).join('  ').trimEnd();
    out.push(line(head), ...rows.map(line), '');
  }
  for (const [id, files] of duplicates) out.push(`warning: ${id} is defined in ${files.join(' and ')}: they cannot be loaded into one scan`);
  for (const p of untested) out.push(`${requireTests ? 'error' : 'warning'}: ${p.check.meta.id} (${p.file}) has no tests: add ${relative(io.cwd, join(dirname(resolve(io.cwd, p.file)), 'tests')).split('\\').join('/')}/pass and /fail inputs`);
  for (const w of tree.warnings) out.push(`warning: ${formatIssue(w)}`);
  for (const i of issues) out.push(`error: ${formatIssue(i)}`);
  if (untested.length > 0 || issues.length > 0 || duplicates.length > 0 || tree.warnings.length > 0) out.push('');
  const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;
  out.push(
    `${plural(summary.cases, 'case')}: ${summary.passed} passed, ${summary.failed} failed, ${plural(summary.errors, 'error')} · ` +
      `${plural(summary.policies, 'policy').replace(/policys$/, 'policies')}${untested.length > 0 ? `, ${untested.length} without tests` : ''}` +
      `${issues.length > 0 ? ` · ${plural(issues.length, 'problem')} loading policies` : ''}`,
  );
  io.stdout.write(out.join('\n') + '\n');
  return code;
}

// ---------------------------------------------------------------------------------------------------------------------
// policy init

export const POLICY_TYPES = ['cel', 'typescript', 'vap'] as const;
type PolicyType = (typeof POLICY_TYPES)[number];

interface Scaffold {
  files: Record<string, string>;
  edit: string;
}

/** The next free CUSTOM-NNNN under `dir`, so policies scaffolded one after another do not collide. */
function nextId(dir: string): string {
  let max = 0;
  const visit = (d: string, depth: number): void => {
    if (depth > 6) return;
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const n of names) {
      if (n.startsWith('.') || n === 'node_modules') continue;
      const p = join(d, n);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) visit(p, depth + 1);
      else if (/^(policy|.+\.policy)\.(ya?ml|ts|mts|js|mjs)$/.test(n) && st.size < 1_000_000) {
        for (const m of readFileSync(p, 'utf8').matchAll(/\bCUSTOM-(\d{4})\b/g)) max = Math.max(max, Number(m[1]));
      }
    }
  };
  visit(dir, 0);
  return `CUSTOM-${String(max + 1).padStart(4, '0')}`;
}

const PASS_INPUT = (name: string): string => `# Input for ${name}: everything in tests/pass must give no finding.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    team: payments
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: registry.example.com/web:1.4.2
`;

const FAIL_INPUT = `# Everything in tests/fail must give a finding; objects named should-fail-* must each fail, should-pass-* must not.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: should-fail-no-team-label
spec:
  selector:
    matchLabels: { app: api }
  template:
    metadata:
      labels: { app: api }
    spec:
      containers:
        - name: api
          image: registry.example.com/api:2.0.1
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: should-pass-labelled
  labels:
    team: search
spec:
  selector:
    matchLabels: { app: search }
  template:
    metadata:
      labels: { app: search }
    spec:
      containers:
        - name: search
          image: registry.example.com/search:3.1.0
`;

function scaffold(type: PolicyType, name: string, id: string): Scaffold {
  const title = 'Workloads carry a team label';
  const tests = { 'tests/pass/example.yaml': PASS_INPUT(name), 'tests/fail/example.yaml': FAIL_INPUT };
  switch (type) {
    case 'typescript':
      return {
        edit: 'policy.ts',
        files: {
          'policy.ts': `// ${name}: a Palisade policy in TypeScript. Docs: https://github.com/palisade-dev/palisade/blob/main/docs/custom-policies.md
// Types come from the palisade package (npm install --save-dev palisade); palisade itself compiles this file with esbuild,
// which strips types without checking them, so run \`tsc --noEmit\` in CI.
import { definePolicy } from 'palisade';

export default definePolicy({
  id: '${id}',
  title: '${title}',
  severity: 'medium',
  kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'],
  description: 'Every workload names the team that owns it in a label, so alerts and findings reach the right people.',
  remediation: 'Add the label to metadata.labels, e.g. \`team: payments\`.',
  // Defaults; override them in .palisade.yaml under checks.options.${id}.
  options: { label: 'team' },
  validate(object, ctx) {
    const value = object.labels[ctx.options.label];
    if (value === undefined || value.trim() === '') {
      ctx.report({ path: 'metadata.labels', message: '{{kind}} "{{name}}" has no "{{label}}" label', data: { kind: object.kind, name: object.name, label: ctx.options.label } });
    }
  },
});
`,
          ...tests,
        },
      };
    case 'cel':
      return {
        edit: 'policy.yaml',
        files: {
          'policy.yaml': `# ${name}: a Palisade policy in CEL (docs/cel-policies.md).
apiVersion: palisade.dev/v1
kind: Policy
metadata:
  name: ${name}
spec:
  id: ${id}
  title: ${title}
  severity: medium
  description: Every workload names the team that owns it in a label, so alerts and findings reach the right people.
  remediation: 'Add the label to metadata.labels, e.g. team: payments.'
  match:
    kinds: [Deployment, StatefulSet, DaemonSet, Job, CronJob]
  validations:
    - expression: >-
        has(object.metadata.labels) && 'team' in object.metadata.labels && object.metadata.labels['team'] != ''
      messageExpression: >-
        object.kind + ' "' + object.metadata.name + '" has no team label'
      path: metadata.labels
`,
          ...tests,
        },
      };
    case 'vap':
      return {
        edit: 'policy.yaml',
        files: {
          'policy.yaml': `# ${name}: a Kubernetes ValidatingAdmissionPolicy and its binding (docs/cel-policies.md). palisade scan evaluates it
# on manifests, as the API server would on CREATE; its findings have the ID ${id}, derived from the two names.
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: ${name}
spec:
  failurePolicy: Fail
  matchConstraints:
    resourceRules:
      - apiGroups: ["apps", "batch"]
        apiVersions: ["v1"]
        operations: ["CREATE", "UPDATE"]
        resources: ["deployments", "statefulsets", "daemonsets", "jobs", "cronjobs"]
  validations:
    - expression: >-
        has(object.metadata.labels) && 'team' in object.metadata.labels && object.metadata.labels['team'] != ''
      messageExpression: >-
        object.kind + ' "' + object.metadata.name + '" has no team label'
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: ${name}
spec:
  policyName: ${name}
  # Deny gives findings of severity high, Warn medium, Audit low.
  validationActions: [Warn]
`,
          ...tests,
        },
      };
  }
}

function runInit(args: string[], io: CliIO): number {
  const { values, positionals } = parse(args, {
    type: { type: 'string', short: 't' },
    dir: { type: 'string', short: 'd' },
    id: { type: 'string' },
    force: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(POLICY_HELP);
    return EXIT.clean;
  }
  if (positionals.length !== 1) throw new UsageError('usage: palisade policy init <name> [--type cel|typescript|vap] [--dir <folder>] [--id ACME-0001]');
  const name = positionals[0]!;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) throw new UsageError(`policy name must be kebab-case (e.g. require-team-label), got "${name}"`);
  const type = (values.type ?? 'cel') as PolicyType;
  if (!POLICY_TYPES.includes(type)) throw new UsageError(`--type must be one of ${POLICY_TYPES.join(', ')}, got "${values.type}"`);
  const parent = resolve(io.cwd, values.dir ?? '.');
  if (type === 'vap' && values.id !== undefined) throw new UsageError(`a ValidatingAdmissionPolicy's ID is derived from its name (${vapCheckId(name, name)}); --id applies to cel and typescript`);
  const id = type === 'vap' ? vapCheckId(name, name) : (values.id ?? nextId(parent));
  if (!CUSTOM_ID.test(id)) throw new UsageError(`--id must be upper-case words joined by dashes, like ACME-0001 (PAL- is reserved for built-in checks), got "${id}"`);
  const folder = join(parent, name);
  if (existsSync(folder) && readdirSync(folder).length > 0 && !values.force) {
    throw new UsageError(`${toDisplay(io.cwd, folder)} already exists and is not empty (use --force to overwrite the scaffold's files)`);
  }
  const s = scaffold(type, name, id);
  for (const [rel, text] of Object.entries(s.files)) {
    const p = join(folder, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  const shown = toDisplay(io.cwd, folder);
  const label = { cel: 'CEL policy', typescript: 'TypeScript policy', vap: 'ValidatingAdmissionPolicy' }[type];
  io.stdout.write(
    [
      `Created ${label} ${id} in ${shown}/:`,
      ...Object.keys(s.files).map((f) => `  ${f}`),
      '',
      'Next steps:',
      `  1. Edit ${shown}/${s.edit} (it requires a "team" label on workloads as an example) and the inputs in tests/pass and tests/fail.`,
      `  2. palisade policy test ${shown}`,
      `  3. palisade scan . --policy ${shown}    (or list it under \`policies:\` in .palisade.yaml)`,
      ...(type === 'typescript' ? ['  For editor types: npm install --save-dev palisade; check types in CI with tsc --noEmit.'] : []),
      '',
    ].join('\n'),
  );
  return EXIT.clean;
}
