import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CheckTarget, ConfigObject, JsonPatchOperation } from '../../core/config-object.js';
import type { Finding } from '../../core/finding.js';
import { applyJsonPatch } from '../../core/json-patch.js';
import { DEFAULT_FILE_NAME, FIXTURE_PATTERN, parseForTarget } from '../../parsers/index.js';
import type { Check } from '../define-check.js';
import { runChecks } from '../engine.js';
import { scheduleFixes } from '../_lib/fix.js';

export interface ValidCase {
  name?: string;
  code: string;
  options?: unknown;
}

export interface ExpectedError {
  /** Data path as printed in findings, e.g. `spec.containers[0].securityContext.privileged`. */
  path: string;
  messageId?: string;
  line?: number;
  /** Name of the object the finding is about. */
  resource?: string;
  /** The finding's fix as JSON Patch from the object's root; `null` when the finding must have no fix. */
  fix?: JsonPatchOperation[] | null;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
}

export interface TesterCases {
  /** The check's folder (`import.meta.dirname`): its fixtures/ are run too. */
  dir: string;
  valid?: ValidCase[];
  invalid?: InvalidCase[];
  /** Options for the meta examples and fixtures: an opt-in check that needs options to report anything. */
  options?: unknown;
}

/** Parses a snippet of the check's target, failing the test on any parse error (a fixture must be valid input). */
export function loadObjects(target: CheckTarget, code: string, file: string): ConfigObject[] {
  const parsed = parseForTarget(target, code, file);
  if (parsed.errors.length > 0) throw new Error(`test ${target} input does not parse: ${parsed.errors.map((e) => `${e.location.startLine}: ${e.message}`).join('; ')}`);
  return parsed.objects;
}

function resolveOptions<O>(check: Check<O>, options: unknown): O {
  if (check.options) return check.options.parse(options ?? {});
  return (options ?? {}) as O;
}

/** Runs one check over text of its target, as the scanner would, with the objects of the text as the whole scan. */
export function runCheckOn<O>(check: Check<O>, code: string, options?: unknown, file = DEFAULT_FILE_NAME[check.meta.target]): Finding[] {
  const objects = loadObjects(check.meta.target, code, file);
  const res = runChecks([{ check: check as Check<unknown>, options: resolveOptions(check, options), severity: check.meta.severity }], objects);
  if (res.crashes.length > 0) throw new Error(res.crashes.map((c) => c.issue.message).join('; '));
  return res.findings;
}

function describeFindings(fs: Finding[]): string {
  return fs.map((f) => `  ${f.resource.name} ${f.dataPath} (line ${f.location.startLine}): ${f.message}`).join('\n') || '  (none)';
}

function messageIdOf(check: Check<unknown>, f: Finding): string | undefined {
  // Messages are rendered: match each whole template, placeholders as wildcards, so "{{kind}} …" does not match everything.
  for (const [id, tpl] of Object.entries(check.meta.messages)) {
    const re = new RegExp('^' + tpl.split(/\{\{\s*\w+\s*\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*?') + '$');
    if (re.test(f.message)) return id;
  }
  return undefined;
}

/** For objects whose name matters to the check (e.g. the `default` ServiceAccount), the expectation is an annotation. */
export const EXPECT_ANNOTATION = 'test.palisade.dev/expect';

/**
 * The expectation an object's name carries: `should-fail-*` / `should-pass-*` (Kubernetes, compose services), or the last
 * part of a Terraform address (`aws_s3_bucket.should_fail_public[0]`). Dockerfiles have no names: the folder decides.
 */
function expectation(o: ConfigObject): 'fail' | 'pass' | undefined {
  const a = o.annotations[EXPECT_ANNOTATION];
  if (a === 'fail' || a === 'pass') return a;
  const local = (o.name.split('.').pop() ?? '').replace(/\[.*\]$/, '');
  if (/^should[-_]fail/.test(local)) return 'fail';
  if (/^should[-_]pass/.test(local)) return 'pass';
  return undefined;
}

const identity = (o: { kind: string; namespace: string; name: string }): string => `${o.kind}/${o.namespace}/${o.name}`;

const FIX_ROUNDS = 3;

/**
 * Applies a check's fixes to the objects of `code` as JSON Patch — rounds of non-conflicting fixes, as `palisade fix`
 * and the admission webhook apply them — and runs the check again. A fix that does not apply to the object it was
 * computed on fails the test.
 */
export function fixAndRecheck<O>(check: Check<O>, code: string, options?: unknown, file = DEFAULT_FILE_NAME[check.meta.target]): { before: Finding[]; after: Finding[] } {
  let objects = loadObjects(check.meta.target, code, file);
  const active = [{ check: check as Check<unknown>, options: resolveOptions(check, options), severity: check.meta.severity }];
  const run = (objs: ConfigObject[]): Finding[] => {
    const res = runChecks(active, objs);
    if (res.crashes.length > 0) throw new Error(res.crashes.map((c) => c.issue.message).join('; '));
    return res.findings;
  };
  const before = run(objects);
  let findings = before;
  for (let round = 0; round < FIX_ROUNDS && findings.some((f) => f.fix); round++) {
    const starts = objects.map((o) => o.source.locate(o.basePath).startLine);
    const byObject = new Map<number, Finding[]>();
    for (const f of findings) {
      if (!f.fix) continue;
      let best = -1;
      objects.forEach((o, i) => {
        if (identity(o) === identity(f.resource) && starts[i]! <= f.location.startLine && (best < 0 || starts[i]! >= starts[best]!)) best = i;
      });
      assert.ok(best >= 0, `no object for the finding ${f.dataPath}`);
      byObject.set(best, [...(byObject.get(best) ?? []), f]);
    }
    objects = objects.map((o, i) => {
      const fs = byObject.get(i);
      if (!fs) return o;
      let value: unknown = o.value;
      for (const { item, patch } of scheduleFixes(fs.map((f) => ({ item: f, patch: f.fix!.patch }))).apply) {
        const res = applyJsonPatch(value, patch);
        assert.ok(res.ok, `the fix of ${item.dataPath} ("${item.fix!.description}") does not apply: ${res.ok ? '' : res.error.message}`);
        value = res.value;
      }
      return { ...o, value: value as Record<string, unknown> };
    });
    findings = run(objects);
  }
  return { before, after: findings };
}

/** ESLint-style table tests for a check, plus its meta examples and fixtures/ folder. */
export function runCheckTests<O>(check: Check<O>, cases: TesterCases): void {
  const c = check as Check<unknown>;
  describe(`${check.meta.id} ${check.meta.slug}`, () => {
    it('meta example "good" passes', () => {
      const fs = runCheckOn(c, check.meta.examples.good, cases.options);
      assert.equal(fs.length, 0, `expected no findings for examples.good, got:\n${describeFindings(fs)}`);
    });
    it('meta example "bad" fails', () => {
      const fs = runCheckOn(c, check.meta.examples.bad, cases.options);
      assert.ok(fs.length > 0, 'expected findings for examples.bad');
    });
    (cases.valid ?? []).forEach((v, i) => {
      it(`valid: ${v.name ?? `#${i}`}`, () => {
        const fs = runCheckOn(c, v.code, v.options);
        assert.equal(fs.length, 0, `expected no findings, got:\n${describeFindings(fs)}`);
      });
    });
    (cases.invalid ?? []).forEach((v, i) => {
      it(`invalid: ${v.name ?? `#${i}`}`, () => {
        const fs = runCheckOn(c, v.code, v.options);
        assert.equal(fs.length, v.errors.length, `expected ${v.errors.length} finding(s), got ${fs.length}:\n${describeFindings(fs)}`);
        v.errors.forEach((e, j) => {
          const f = fs[j]!;
          assert.equal(f.dataPath, e.path, `finding ${j}: data path`);
          if (e.line !== undefined) assert.equal(f.location.startLine, e.line, `finding ${j}: line`);
          if (e.resource !== undefined) assert.equal(f.resource.name, e.resource, `finding ${j}: resource`);
          if (e.messageId !== undefined) assert.equal(messageIdOf(c, f), e.messageId, `finding ${j}: messageId`);
          if (e.fix !== undefined) assert.deepEqual(f.fix?.patch ?? null, e.fix, `finding ${j}: fix`);
        });
      });
    });
    it('fixes apply to their object and settle their findings', () => {
      const inputs: { code: string; options: unknown; file?: string }[] = [
        { code: check.meta.examples.bad, options: cases.options },
        ...(cases.invalid ?? []).map((v) => ({ code: v.code, options: v.options })),
      ];
      const invalidDir = join(cases.dir, 'fixtures', 'invalid');
      if (existsSync(invalidDir)) {
        for (const file of readdirSync(invalidDir).filter((f) => FIXTURE_PATTERN[check.meta.target].test(f)).sort()) {
          inputs.push({ code: readFileSync(join(invalidDir, file), 'utf8'), options: cases.options, file });
        }
      }
      for (const input of inputs) {
        const { before, after } = fixAndRecheck(c, input.code, input.options, input.file);
        const left = after.filter((f) => f.fix);
        assert.equal(left.length, 0, `${input.file ?? 'case'}: findings still fixable after ${FIX_ROUNDS} rounds:\n${describeFindings(left)}`);
        const key = (f: Finding) => `${identity(f.resource)} ${f.dataPath} ${f.message}`;
        const fixed = new Set(before.filter((f) => f.fix).map(key));
        const back = after.filter((f) => fixed.has(key(f)));
        assert.equal(back.length, 0, `${input.file ?? 'case'}: fixed findings reported again:\n${describeFindings(back)}`);
      }
    });
    const fixtures = join(cases.dir, 'fixtures');
    for (const kind of ['valid', 'invalid'] as const) {
      const dir = join(fixtures, kind);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((f) => FIXTURE_PATTERN[check.meta.target].test(f)).sort()) {
        it(`fixture ${kind}/${file}`, () => {
          const text = readFileSync(join(dir, file), 'utf8');
          const fs = runCheckOn(c, text, cases.options, file);
          const objects = loadObjects(check.meta.target, text, file);
          if (kind === 'valid') {
            assert.equal(fs.length, 0, `expected no findings in ${file}, got:\n${describeFindings(fs)}`);
            return;
          }
          if (check.meta.target === 'dockerfile') {
            // One Dockerfile is one object: every file under invalid/ must fail.
            assert.ok(fs.length > 0, `${file} should fail, but had no findings`);
            return;
          }
          const failing = objects.filter((o) => expectation(o) === 'fail');
          assert.ok(failing.length > 0, `${file} has no object named should-fail-* / should_fail_* (or annotated ${EXPECT_ANNOTATION}: fail)`);
          for (const o of failing) {
            assert.ok(
              fs.some((f) => identity(f.resource) === identity(o)),
              `${o.kind}/${o.name} in ${file} should fail, findings were:\n${describeFindings(fs)}`,
            );
          }
          const passing = new Set(objects.filter((o) => expectation(o) === 'pass').map(identity));
          const wrong = fs.filter((f) => passing.has(identity(f.resource)));
          assert.equal(wrong.length, 0, `objects named should-pass-* in ${file} must not fail:\n${describeFindings(wrong)}`);
        });
      }
    }
  });
}
