import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatDataPath } from '../core/location.js';
import { parseForTarget } from '../parsers/index.js';
import { runChecks } from '../checks/engine.js';
import { compileTsPolicies, optionsSchema } from './custom/ts-policy.js';
import { containers, definePolicy, isPolicy, parsePath } from './sdk.js';

describe('parsePath', () => {
  it('reads the dotted form Palisade prints, with indexes and quoted keys', () => {
    assert.deepEqual(parsePath('spec.template.spec.containers[0].image'), ['spec', 'template', 'spec', 'containers', 0, 'image']);
    assert.deepEqual(parsePath('metadata.labels["app.kubernetes.io/name"]'), ['metadata', 'labels', 'app.kubernetes.io/name']);
    assert.deepEqual(parsePath('[2]["a\\"b"]'), [2, 'a"b']);
    assert.deepEqual(parsePath(''), []);
    assert.deepEqual(parsePath(['spec', 0]), ['spec', 0]);
  });

  it('rejects malformed paths with the position', () => {
    for (const bad of ['a..b', '.a', 'a.', 'a[x]', 'a[1', 'a[0]b', 'a["x"', 'a.[0]']) assert.throws(() => parsePath(bad), /malformed path/, bad);
    assert.throws(() => parsePath([1.5] as never), /array indexes/);
    assert.throws(() => parsePath({} as never), /a path is a string/);
  });

  it('round-trips every data path through its printed form', () => {
    const seg = fc.oneof(fc.string(), fc.nat(1000));
    fc.assert(
      fc.property(fc.array(seg, { maxLength: 8 }), (path) => {
        assert.deepEqual(parsePath(formatDataPath(path)), path);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('definePolicy and compileTsPolicies', () => {
  const pod = `apiVersion: v1
kind: Pod
metadata: { name: p, labels: { team: x } }
spec:
  initContainers: [{ name: init, image: busybox }]
  containers: [{ name: app, image: nginx:latest }, { image: "x" }]
`;

  it('brands values so any copy of the SDK is recognised; plain objects are not policies', () => {
    const p = definePolicy({ id: 'ACME-0001', title: 'three', severity: 'low', kinds: ['Pod'], validate() {} });
    assert.ok(isPolicy(p));
    assert.ok(Object.isFrozen(p));
    assert.ok(!isPolicy({ id: 'ACME-0001' }));
  });

  it('runs validate over read-only views, with options, messages, data and the index', () => {
    const seen: string[] = [];
    const p = definePolicy({
      id: 'ACME-0001',
      title: 'Latest tag',
      severity: 'high',
      kinds: ['Pod'],
      options: { tag: 'latest' },
      validate(object, ctx) {
        seen.push(`${object.kind}/${object.name}/${object.labels.team}/${ctx.index.ofKind('Pod').length}/${ctx.index.find('Pod', 'p')?.name}`);
        for (const c of containers(object)) {
          if (String(c.container.image).endsWith(':' + ctx.options.tag)) ctx.report({ path: [...c.path, 'image'], message: '{{name}} uses {{tag}}', data: { name: c.name, tag: ctx.options.tag } });
          else ctx.report({ path: [...c.path, 'image'] });
        }
        assert.equal(object.get('spec.containers[1].name'), undefined);
        assert.throws(() => ((object.value as { spec: { x?: number } }).spec.x = 1), /cannot change the scanned objects/);
        assert.throws(() => ((object.value.spec as { containers: unknown[] }).containers).push({}), /cannot change the scanned objects/);
      },
    });
    const res = compileTsPolicies({ default: p }, 'policy.ts');
    assert.deepEqual(res.issues, []);
    const check = res.policies[0]!.check;
    assert.equal(check.meta.slug, 'acme-0001');
    const objects = parseForTarget('kubernetes', pod, 'pod.yaml').objects;
    const out = runChecks([{ check, options: check.options!.parse({}), severity: 'high' }], objects);
    assert.deepEqual(out.crashes, []);
    assert.deepEqual(seen, ['Pod/p/x/1/p']);
    assert.deepEqual(
      out.findings.map((f) => [f.dataPath, f.message, f.location.startLine]),
      [
        ['spec.initContainers[0].image', 'Latest tag', 5],
        ['spec.containers[0].image', 'app uses latest', 6],
        ['spec.containers[1].image', 'Latest tag', 6],
      ],
    );
    // The scan's object is untouched.
    assert.equal((objects[0]!.value.spec as { x?: number }).x, undefined);
  });

  it('reports a bad report() call as a crash of that object, not a silent pass', () => {
    const p = definePolicy({ id: 'ACME-0002', title: 'bad path', severity: 'low', kinds: ['*'], validate: (_o, ctx) => ctx.report({ path: 'a..b' }) });
    const check = compileTsPolicies({ p }, 'x.ts').policies[0]!.check;
    const out = runChecks([{ check, options: {}, severity: 'low' }], parseForTarget('kubernetes', pod, 'pod.yaml').objects);
    assert.match(out.crashes[0]!.issue.message, /malformed path "a\.\.b"/);
  });
});

describe('optionsSchema', () => {
  it('keeps the defaults, types each key by its default and rejects unknown keys', () => {
    const s = optionsSchema({ label: 'team', min: 2, strict: false, registries: ['a/'], extra: { a: 1 } });
    assert.deepEqual(s.parse({}), { label: 'team', min: 2, strict: false, registries: ['a/'], extra: { a: 1 } });
    assert.deepEqual(s.parse({ min: 3 }).min, 3);
    assert.equal(s.safeParse({ min: '3' }).success, false);
    assert.equal(s.safeParse({ registries: [1] }).success, false);
    assert.equal(s.safeParse({ nope: 1 }).success, false);
    // Defaults are copies: a policy cannot change them for the next scan.
    const a = s.parse({}) as { registries: string[] };
    a.registries.push('b/');
    assert.deepEqual((s.parse({}) as { registries: string[] }).registries, ['a/']);
  });
});
