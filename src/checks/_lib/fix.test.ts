import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyJsonPatch } from '../../core/json-patch.js';
import { defineCheck } from '../define-check.js';
import { fixAndRecheck } from '../tester/index.js';
import { appendFix, ensureValueOps, profileTypeFix, removeFix, renameFix, scheduleFixes, setFix } from './fix.js';
import { containers, POD_KINDS } from './pod.js';

const pod = (container: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'app', ...container }] } });
const SC = ['spec', 'containers', 0, 'securityContext'] as const;

/** Every builder's patch must apply to the value it was computed on and give the intended result. */
function applied(root: unknown, patch: readonly Parameters<typeof applyJsonPatch>[1][number][]): unknown {
  const res = applyJsonPatch(root, patch);
  assert.ok(res.ok, res.ok ? '' : res.error.message);
  return res.value;
}

describe('ensureValueOps / setFix', () => {
  it('adds the whole missing parent chain in one add (JSON Patch cannot add under a missing parent)', () => {
    const root = pod({});
    const ops = ensureValueOps(root, [...SC, 'capabilities', 'drop'], ['ALL'])!;
    assert.deepEqual(ops, [{ op: 'add', path: '/spec/containers/0/securityContext', value: { capabilities: { drop: ['ALL'] } } }]);
    assert.deepEqual((applied(root, ops) as ReturnType<typeof pod>).spec.containers[0], { name: 'app', securityContext: { capabilities: { drop: ['ALL'] } } });
  });
  it('adds a member to an existing parent', () => {
    const root = pod({ securityContext: { runAsNonRoot: true } });
    assert.deepEqual(ensureValueOps(root, [...SC, 'privileged'], false), [{ op: 'add', path: '/spec/containers/0/securityContext/privileged', value: false }]);
  });
  it('replaces an existing value after testing it, so a stale patch fails instead of overwriting', () => {
    const root = pod({ securityContext: { privileged: true } });
    const ops = ensureValueOps(root, [...SC, 'privileged'], false)!;
    assert.deepEqual(ops, [
      { op: 'test', path: '/spec/containers/0/securityContext/privileged', value: true },
      { op: 'replace', path: '/spec/containers/0/securityContext/privileged', value: false },
    ]);
    assert.equal(applyJsonPatch(pod({ securityContext: { privileged: 'yes' } }), ops).ok, false);
  });
  it('replaces an empty (null) parent with the nested object', () => {
    const root = pod({ securityContext: null });
    const ops = ensureValueOps(root, [...SC, 'privileged'], false)!;
    assert.deepEqual(ops, [
      { op: 'test', path: '/spec/containers/0/securityContext', value: null },
      { op: 'replace', path: '/spec/containers/0/securityContext', value: { privileged: false } },
    ]);
    applied(root, ops);
  });
  it('gives up when something on the way is not a mapping, or a missing segment is an index', () => {
    assert.equal(ensureValueOps(pod({ securityContext: 'strict' }), [...SC, 'privileged'], false), undefined);
    assert.equal(ensureValueOps(pod({ securityContext: [1] }), [...SC, 'privileged'], false), undefined);
    assert.equal(ensureValueOps({ spec: {} }, ['spec', 'containers', 0, 'x'], 1), undefined);
    assert.equal(ensureValueOps({}, [], 1), undefined);
  });
  it('setFix is undefined when the value is already right', () => {
    assert.equal(setFix(pod({ securityContext: { privileged: false } }), [...SC, 'privileged'], false, 'd'), undefined);
    assert.deepEqual(setFix(pod({}), [...SC, 'privileged'], false, 'set it')?.description, 'set it');
  });
  it('keys with "/" and "~" are escaped in pointers', () => {
    const root = { metadata: { annotations: { 'a/b~c': 'x' } } };
    const fix = setFix(root, ['metadata', 'annotations', 'a/b~c'], 'y', 'd')!;
    assert.equal(fix.patch[1]!.path, '/metadata/annotations/a~1b~0c');
    assert.deepEqual(applied(root, fix.patch), { metadata: { annotations: { 'a/b~c': 'y' } } });
  });
});

describe('appendFix, removeFix, renameFix, profileTypeFix', () => {
  it('appends to an existing list with "-", creates a missing one, and skips a list that has the item', () => {
    const drop = [...SC, 'capabilities', 'drop'];
    assert.deepEqual(appendFix(pod({ securityContext: { capabilities: { drop: ['NET_RAW'] } } }), drop, 'ALL', 'd')!.patch, [
      { op: 'add', path: '/spec/containers/0/securityContext/capabilities/drop/-', value: 'ALL' },
    ]);
    assert.deepEqual(appendFix(pod({ securityContext: {} }), drop, 'ALL', 'd')!.patch, [{ op: 'add', path: '/spec/containers/0/securityContext/capabilities', value: { drop: ['ALL'] } }]);
    assert.deepEqual(appendFix(pod({ securityContext: { capabilities: { drop: null } } }), drop, 'ALL', 'd')!.patch, [
      { op: 'test', path: '/spec/containers/0/securityContext/capabilities/drop', value: null },
      { op: 'replace', path: '/spec/containers/0/securityContext/capabilities/drop', value: ['ALL'] },
    ]);
    assert.equal(appendFix(pod({ securityContext: { capabilities: { drop: ['ALL'] } } }), drop, 'ALL', 'd'), undefined);
    assert.equal(appendFix(pod({ securityContext: { capabilities: { drop: 'ALL' } } }), drop, 'ALL', 'd'), undefined);
  });
  it('removeFix tests then removes; undefined when absent', () => {
    const root = { spec: { serviceAccount: 'x', serviceAccountName: 'y' } };
    const fix = removeFix(root, ['spec', 'serviceAccount'], 'd')!;
    assert.deepEqual(applied(root, fix.patch), { spec: { serviceAccountName: 'y' } });
    assert.equal(removeFix(root, ['spec', 'nope'], 'd'), undefined);
  });
  it('renameFix moves within a mapping, never over an existing member', () => {
    const root = { spec: { serviceAccount: 'x' } };
    const fix = renameFix(root, ['spec', 'serviceAccount'], ['spec', 'serviceAccountName'], 'd')!;
    assert.deepEqual(applied(root, fix.patch), { spec: { serviceAccountName: 'x' } });
    assert.equal(renameFix({ spec: { serviceAccount: 'x', serviceAccountName: '' } }, ['spec', 'serviceAccount'], ['spec', 'serviceAccountName'], 'd'), undefined);
  });
  it('profileTypeFix changes only the type when it is alone, else replaces the profile', () => {
    const p = ['spec', 'securityContext', 'seccompProfile'];
    assert.deepEqual(profileTypeFix({ spec: { securityContext: { seccompProfile: { type: 'Unconfined' } } } }, p, 'RuntimeDefault', 'd')!.patch[1], {
      op: 'replace',
      path: '/spec/securityContext/seccompProfile/type',
      value: 'RuntimeDefault',
    });
    assert.deepEqual(profileTypeFix({ spec: { securityContext: { seccompProfile: { type: 'X', localhostProfile: 'a' } } } }, p, 'RuntimeDefault', 'd')!.patch[1], {
      op: 'replace',
      path: '/spec/securityContext/seccompProfile',
      value: { type: 'RuntimeDefault' },
    });
    assert.deepEqual(profileTypeFix({ spec: {} }, p, 'RuntimeDefault', 'd')!.patch, [{ op: 'add', path: '/spec/securityContext', value: { seccompProfile: { type: 'RuntimeDefault' } } }]);
  });
});

describe('scheduleFixes', () => {
  it('applies independent fixes together, defers overlapping ones, and folds identical ones', () => {
    const add = (path: string, value: unknown) => [{ op: 'add' as const, path, value }];
    const plan = scheduleFixes([
      { item: 'ape', patch: add('/spec/containers/0/securityContext', { allowPrivilegeEscalation: false }) },
      { item: 'rofs', patch: add('/spec/containers/0/securityContext', { readOnlyRootFilesystem: true }) },
      { item: 'caps', patch: add('/spec/containers/0/securityContext/capabilities', { drop: ['ALL'] }) },
      { item: 'other', patch: add('/spec/containers/1/securityContext', { runAsNonRoot: true }) },
      { item: 'seccomp-a', patch: add('/spec/securityContext', { seccompProfile: { type: 'RuntimeDefault' } }) },
      { item: 'seccomp-b', patch: add('/spec/securityContext', { seccompProfile: { type: 'RuntimeDefault' } }) },
      { item: 'test-only', patch: [{ op: 'test', path: '/spec', value: {} }] },
    ]);
    assert.deepEqual(
      plan.apply.map((c) => c.item),
      ['ape', 'other', 'seccomp-a', 'test-only'],
    );
    assert.deepEqual(
      plan.deferred.map((c) => c.item),
      ['rofs', 'caps'],
    );
    assert.deepEqual(
      plan.duplicates.map((c) => c.item),
      ['seccomp-b'],
    );
  });
  it('sibling members of one mapping do not conflict; appends to one list do', () => {
    const plan = scheduleFixes([
      { item: 1, patch: [{ op: 'add', path: '/sc/a', value: 1 }] },
      { item: 2, patch: [{ op: 'add', path: '/sc/b', value: 1 }] },
      { item: 3, patch: [{ op: 'add', path: '/sc/drop/-', value: 'ALL' }] },
      { item: 4, patch: [{ op: 'add', path: '/sc/drop/-', value: 'NET_RAW' }] },
      { item: 5, patch: [{ op: 'move', from: '/sc/a', path: '/sc/c' }] },
    ]);
    assert.deepEqual(
      plan.apply.map((c) => c.item),
      [1, 2, 3],
    );
    assert.deepEqual(
      plan.deferred.map((c) => c.item),
      [4, 5],
    );
  });
});

describe('fixAndRecheck (the fix test of the tester) catches broken fixes', () => {
  const broken = (fixValue: unknown, fixPath: (i: number) => (string | number)[]) =>
    defineCheck({
      meta: {
        id: 'PAL-K8S-9999',
        slug: 'test-broken-fix',
        title: 'A check with a broken fix',
        severity: 'low',
        category: 'pod-security',
        kinds: [...POD_KINDS],
        description: 'Test only.',
        rationale: 'Test only.',
        remediation: 'Test only.\n\n```yaml\na: 1\n```',
        references: ['https://example.com'],
        peers: [],
        messages: { m: 'Container "{{container}}" lacks readOnlyRootFilesystem.' },
        examples: { good: 'apiVersion: v1\nkind: Pod\nmetadata: { name: a }\nspec: { containers: [] }\n', bad: 'apiVersion: v1\nkind: Pod\nmetadata: { name: a }\nspec: { containers: [{ name: x }] }\n' },
      },
      run(obj, ctx) {
        containers(obj).forEach((c, i) => {
          const sc = c.container.securityContext as Record<string, unknown> | undefined;
          if (sc?.readOnlyRootFilesystem === true) return;
          ctx.report({ path: [...c.path, 'securityContext'], data: { container: c.name }, fix: setFix(obj.value, fixPath(i), fixValue, 'd') });
        });
      },
    });
  const code = 'apiVersion: v1\nkind: Pod\nmetadata: { name: a }\nspec:\n  containers:\n    - name: x\n';
  it('a fix that does not settle its finding is still reported after the rounds', () => {
    const check = broken(true, (i) => ['spec', 'containers', i, 'securityContext', 'readOnlyRootFileSystem']);
    const { after } = fixAndRecheck(check, code);
    assert.equal(after.filter((f) => f.fix).length, 0, 'the misspelt field is set, so setFix finds nothing more to do');
    assert.equal(after.length, 1, 'but the finding remains: the tester reports it as fixed-and-back');
  });
  it('a fix that settles its finding leaves nothing', () => {
    const check = broken(true, (i) => ['spec', 'containers', i, 'securityContext', 'readOnlyRootFilesystem']);
    const { before, after } = fixAndRecheck(check, code);
    assert.equal(before.length, 1);
    assert.equal(after.length, 0);
  });
  it('a fix that does not apply to its own object fails', () => {
    const check = defineCheck({
      ...broken(true, () => []),
      meta: { ...broken(true, () => []).meta },
      run(obj, ctx) {
        ctx.report({ path: ['spec'], data: { container: 'x' }, fix: { description: 'd', patch: [{ op: 'remove', path: '/spec/nothing' }] } });
      },
    });
    assert.throws(() => fixAndRecheck(check, code), /does not apply/);
  });
});
