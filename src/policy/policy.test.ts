import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import type { Finding } from '../core/finding.js';
import { defineCheck, type Check } from '../checks/define-check.js';
import { parseConfig } from './config.js';
import { selectChecks } from './select.js';
import { applyWaivers, parseWaiverFile, type WaiverSubject } from './waivers.js';

function fakeCheck(id: string, slug: string, extra: Partial<Parameters<typeof defineCheck>[0]['meta']> = {}, options?: z.ZodType<unknown>): Check<unknown> {
  return defineCheck({
    meta: {
      id,
      slug,
      title: `Test check ${slug}`,
      severity: 'high',
      category: 'pod-security',
      kinds: ['Pod'],
      description: 'A check used by the policy tests.',
      rationale: 'Exercises selection and overrides.',
      remediation: 'Do the right thing.\n\n```yaml\nspec: {}\n```',
      references: ['https://example.com/docs'],
      peers: [],
      messages: { m: 'Something is wrong here.' },
      examples: { good: 'apiVersion: v1\nkind: Pod', bad: 'apiVersion: v1\nkind: Pod' },
      ...extra,
    },
    ...(options ? { options } : {}),
    run() {},
  }) as Check<unknown>;
}

const library = [
  fakeCheck('PAL-K8S-0901', 'alpha'),
  fakeCheck('PAL-K8S-0902', 'beta', { category: 'resources' }),
  fakeCheck('PAL-K8S-0903', 'gamma', { defaultEnabled: false }, z.object({ allowed: z.array(z.string()).default([]) })),
  fakeCheck('PAL-K8S-0904', 'delta', { aliases: ['old-delta'] }),
];

function ids(r: ReturnType<typeof selectChecks>): string[] {
  assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
  return r.value.map((a) => a.check.meta.id);
}

describe('config', () => {
  it('accepts an empty file and applies defaults', () => {
    const r = parseConfig('', '.palisade.yaml');
    assert.ok(r.ok);
    assert.deepEqual(ids(selectChecks(library, r.value)), ['PAL-K8S-0901', 'PAL-K8S-0902', 'PAL-K8S-0904']);
  });

  it('reports schema errors with the line of the offending key', () => {
    const r = parseConfig('failOn: hihg\nchecks:\n  disable: [alpha]\n  bogus: 1\n', '.palisade.yaml');
    assert.ok(!r.ok);
    const msgs = r.issues.map((i) => `${i.location.startLine}: ${i.message}`);
    assert.ok(msgs.some((m) => m.startsWith('1: failOn')), msgs.join('\n'));
    assert.ok(msgs.some((m) => m.startsWith('2: checks') && m.includes('bogus')), msgs.join('\n'));
  });

  it('reports YAML syntax errors located', () => {
    const r = parseConfig('checks: [\n', '.palisade.yaml');
    assert.ok(!r.ok);
    assert.equal(r.issues[0]!.location.path, '.palisade.yaml');
  });
});

describe('selectChecks', () => {
  const cfg = (text: string) => {
    const r = parseConfig(text, '.palisade.yaml');
    assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
    return r.value;
  };

  it('disables by id, slug, alias and category', () => {
    assert.deepEqual(ids(selectChecks(library, cfg('checks:\n  disable: [PAL-K8S-0901, "category:resources", old-delta]\n'))), []);
  });

  it('enables an opt-in check by slug, and by configuring its options', () => {
    assert.deepEqual(ids(selectChecks(library, cfg('checks:\n  enable: [gamma]\n'))).includes('PAL-K8S-0903'), true);
    const r = selectChecks(library, cfg('checks:\n  options:\n    gamma: { allowed: [ghcr.io/acme/] }\n'));
    assert.ok(r.ok);
    const gamma = r.value.find((a) => a.check.meta.slug === 'gamma')!;
    assert.deepEqual(gamma.options, { allowed: ['ghcr.io/acme/'] });
  });

  it('command-line --disable wins over config enable', () => {
    assert.deepEqual(ids(selectChecks(library, cfg('checks:\n  enable: [gamma]\n'), { disable: ['gamma'] })).includes('PAL-K8S-0903'), false);
  });

  it('overrides severity', () => {
    const r = selectChecks(library, cfg('checks:\n  severity: { alpha: low, "category:resources": critical }\n'));
    assert.ok(r.ok);
    assert.equal(r.value.find((a) => a.check.meta.slug === 'alpha')!.severity, 'low');
    assert.equal(r.value.find((a) => a.check.meta.slug === 'beta')!.severity, 'critical');
  });

  it('locates unknown checks and invalid options in the config file', () => {
    const r = selectChecks(library, cfg('checks:\n  disable:\n    - alpha\n    - nope\n  options:\n    gamma: { allowed: 3 }\n    alpha: { x: 1 }\n'));
    assert.ok(!r.ok);
    const msgs = r.issues.map((i) => `${i.location.startLine}: ${i.message}`).sort();
    assert.deepEqual(
      msgs.map((m) => m.split(':')[0]),
      ['4', '6', '7'],
      msgs.join('\n'),
    );
    assert.ok(msgs.some((m) => m.includes('unknown check or category "nope"')));
    assert.ok(msgs.some((m) => m.includes('takes no options')));
  });
});

function finding(over: Partial<Finding> = {}): Finding {
  return {
    fingerprint: 'f'.repeat(32),
    checkId: 'PAL-K8S-0001',
    slug: 'privileged-container',
    title: 'Container runs in privileged mode',
    severity: 'critical',
    category: 'pod-security',
    message: 'Container "a" runs privileged.',
    location: { path: 'deploy/app/ds.yaml', startLine: 10, startColumn: 3, endLine: 10, endColumn: 20 },
    dataPath: 'spec.containers[0].securityContext.privileged',
    resource: { apiVersion: 'apps/v1', kind: 'DaemonSet', namespace: 'monitoring', name: 'node-agent' },
    remediation: 'Fix it.',
    references: [],
    peers: [
      { tool: 'checkov', id: 'CKV_K8S_16', match: 'same' },
      { tool: 'kube-linter', id: 'privileged-container', match: 'same' },
      { tool: 'polaris', id: 'privilegeEscalationAllowed', match: 'partial' },
    ],
    suppressed: null,
    ...over,
  };
}

function subject(annotations: Record<string, string> = {}, text = '', podAnnotations: Record<string, string> = {}): WaiverSubject {
  return { annotations, podAnnotations, text: () => text };
}

const today = '2026-11-22';
const run = (s: WaiverSubject | undefined, waivers: ReturnType<typeof parseWaiverFile> | undefined = undefined) =>
  applyWaivers({ findings: [finding()], subjects: [s], waivers: waivers && waivers.ok ? waivers.value : [], today, aliasesOf: () => ['privileged'] });

describe('waivers', () => {
  it('annotation with reason suppresses; by slug, id or alias', () => {
    for (const sel of ['privileged-container', 'PAL-K8S-0001', 'privileged', 'host-network, privileged-container']) {
      const out = run(subject({ 'palisade.dev/waive': sel, 'palisade.dev/waive-reason': 'node agent needs it', 'palisade.dev/waive-owner': 'team-obs' }));
      assert.equal(out.findings[0]!.suppressed?.by, 'annotation', sel);
      assert.equal(out.findings[0]!.suppressed?.reason, 'node agent needs it');
      assert.equal(out.findings[0]!.suppressed?.owner, 'team-obs');
    }
  });

  it('annotation on the pod template works too', () => {
    const out = run(subject({}, '', { 'palisade.dev/waive': 'privileged-container', 'palisade.dev/waive-reason': 'ok' }));
    assert.equal(out.findings[0]!.suppressed?.by, 'annotation');
  });

  it('annotation without a reason does not apply and warns', () => {
    const out = run(subject({ 'palisade.dev/waive': 'privileged-container' }));
    assert.equal(out.findings[0]!.suppressed, null);
    assert.equal(out.warnings.length, 1);
    assert.match(out.warnings[0]!.message, /waive-reason/);
  });

  it('expired annotation stops applying and is reported', () => {
    const out = run(subject({ 'palisade.dev/waive': 'privileged-container', 'palisade.dev/waive-reason': 'temp', 'palisade.dev/waive-expires': '2026-11-21' }));
    assert.equal(out.findings[0]!.suppressed, null);
    assert.equal(out.expired.length, 1);
    assert.equal(out.expired[0]!.expires, '2026-11-21');
  });

  it('an annotation expiring today still applies', () => {
    const out = run(subject({ 'palisade.dev/waive': 'privileged-container', 'palisade.dev/waive-reason': 'temp', 'palisade.dev/waive-expires': today }));
    assert.equal(out.findings[0]!.suppressed?.expires, today);
  });

  const file = (text: string) => parseWaiverFile(text, '.palisade/waivers.yaml', '');

  it('waiver file matches check, resource globs and path globs', () => {
    const w = file(`waivers:
  - checks: [privileged-container]
    resource: { kind: DaemonSet, namespace: monitor*, name: node-* }
    paths: ["deploy/**"]
    reason: CNI agent
    owner: platform
    ticket: SEC-12
    expires: 2027-01-31
`);
    const out = run(subject(), w);
    assert.deepEqual(out.findings[0]!.suppressed, { by: 'waiver-file', reason: 'CNI agent', expires: '2027-01-31', source: '.palisade/waivers.yaml:2', owner: 'platform', ticket: 'SEC-12' });
  });

  it('waiver file does not match other resources or paths', () => {
    assert.equal(run(subject(), file('waivers:\n  - checks: ["*"]\n    resource: { name: other }\n    reason: x\n')).findings[0]!.suppressed, null);
    assert.equal(run(subject(), file('waivers:\n  - checks: ["*"]\n    paths: ["other/**"]\n    reason: x\n')).findings[0]!.suppressed, null);
    assert.equal(run(subject(), file('waivers:\n  - checks: [host-network]\n    reason: x\n')).findings[0]!.suppressed, null);
  });

  it('waiver file by fingerprint', () => {
    assert.equal(run(subject(), file(`waivers:\n  - checks: ["*"]\n    fingerprints: ["${'f'.repeat(32)}"]\n    reason: x\n`)).findings[0]!.suppressed?.by, 'waiver-file');
  });

  it('expired file waiver stops applying and is reported with its location', () => {
    const out = run(subject(), file('waivers:\n  - id: W-7\n    checks: [privileged-container]\n    reason: old\n    expires: 2025-01-01\n'));
    assert.equal(out.findings[0]!.suppressed, null);
    assert.equal(out.expired[0]!.source, 'W-7');
    assert.equal(out.expired[0]!.location?.startLine, 2);
  });

  it('waiver file requires a reason and a valid date, with located errors', () => {
    const r = file('waivers:\n  - checks: [x]\n    expires: tomorrow\n');
    assert.ok(!r.ok);
    const msgs = r.issues.map((i) => `${i.location.startLine}: ${i.message}`);
    assert.ok(msgs.some((m) => m.includes('reason')), msgs.join('\n'));
    assert.ok(msgs.some((m) => m.startsWith('3:') && m.includes('expires')), msgs.join('\n'));
  });

  it("honours the peers' suppressions and says which one", () => {
    assert.equal(run(subject({ 'checkov.io/skip1': 'CKV_K8S_16=needs host access' })).findings[0]!.suppressed?.by, 'checkov-annotation');
    assert.equal(run(subject({ 'checkov.io/skip1': 'CKV_K8S_16=needs host access' })).findings[0]!.suppressed?.reason, 'needs host access');
    assert.equal(run(subject({}, '# checkov:skip=CKV_K8S_16: legacy\napiVersion: v1\n')).findings[0]!.suppressed?.by, 'checkov-comment');
    assert.equal(run(subject({ 'ignore-check.kube-linter.io/privileged-container': 'agent' })).findings[0]!.suppressed?.by, 'kube-linter-annotation');
    assert.equal(run(subject({ 'polaris.fairwinds.com/privilegeEscalationAllowed-exempt': 'true' })).findings[0]!.suppressed?.by, 'polaris-annotation');
    assert.equal(run(subject({ 'checkov.io/skip1': 'CKV_K8S_99=other' })).findings[0]!.suppressed, null);
  });

  it('Palisade annotation wins over peer suppression', () => {
    const out = run(subject({ 'palisade.dev/waive': 'privileged-container', 'palisade.dev/waive-reason': 'ours', 'checkov.io/skip1': 'CKV_K8S_16=theirs' }));
    assert.equal(out.findings[0]!.suppressed?.by, 'annotation');
  });
});
