import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../core/finding.js';
import { runChecks } from '../../checks/engine.js';
import { parseForTarget } from '../../parsers/index.js';
import { compileVap, vapCheckId, type VapCompileResult } from './vap.js';

function compile(text: string, file = 'policy.yaml'): VapCompileResult {
  const parsed = parseForTarget('kubernetes', text, file);
  assert.deepEqual(parsed.errors, []);
  return compileVap(parsed.objects);
}

function compiled(text: string): VapCompileResult {
  const r = compile(text);
  assert.deepEqual(
    r.issues.map((i) => `${i.location.startLine}:${i.location.startColumn} ${i.message}`),
    [],
  );
  return r;
}

function scan(r: VapCompileResult, manifests: string): Finding[] {
  const parsed = parseForTarget('kubernetes', manifests, 'scan.yaml');
  assert.deepEqual(parsed.errors, []);
  const result = runChecks(
    r.policies.map((p) => ({ check: p.check, options: {}, severity: p.check.meta.severity })),
    parsed.objects,
  );
  assert.deepEqual(result.crashes, []);
  return result.findings;
}

const names = (findings: Finding[]): string[] => findings.map((f) => f.resource.name);

interface VapOptions {
  name?: string;
  rules?: string;
  spec?: string;
  binding?: string;
  bindingName?: string;
  apiVersion?: string;
}

/** A policy and its binding; `spec` and `binding` are extra YAML lines for each spec. */
function vap(o: VapOptions = {}): string {
  const name = o.name ?? 'demo';
  const indent = (s: string): string =>
    s
      .split('\n')
      .map((l) => (l ? `  ${l}` : l))
      .join('\n');
  return `apiVersion: ${o.apiVersion ?? 'admissionregistration.k8s.io/v1'}
kind: ValidatingAdmissionPolicy
metadata:
  name: ${name}
spec:
  matchConstraints:
    resourceRules:
${indent(indent(o.rules ?? '- { apiGroups: ["apps"], apiVersions: ["v1"], operations: ["CREATE", "UPDATE"], resources: ["deployments"] }'))}
${indent(o.spec ?? 'validations:\n  - expression: "object.spec.replicas <= 5"\n    message: too many replicas')}
---
apiVersion: ${o.apiVersion ?? 'admissionregistration.k8s.io/v1'}
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: ${o.bindingName ?? `${name}-binding`}
spec:
  policyName: ${name}
${indent(o.binding ?? 'validationActions: [Deny]')}
`;
}

const deployment = (name: string, replicas: number, ns = '', labels = '{}', apiVersion = 'apps/v1'): string => `apiVersion: ${apiVersion}
kind: Deployment
metadata: { name: ${name}, labels: ${labels}${ns ? `, namespace: ${ns}` : ''} }
spec: { replicas: ${replicas} }
`;

const ns = (name: string, labels = '{}'): string => `apiVersion: v1\nkind: Namespace\nmetadata: { name: ${name}, labels: ${labels} }\n`;
const docs = (...d: string[]): string => d.join('---\n');

describe('ValidatingAdmissionPolicy: compile and evaluate', () => {
  it('compiles one check per (policy, binding) pair with a derived ID and the validation message', () => {
    const r = compiled(vap());
    assert.deepEqual(r.warnings, []);
    assert.equal(r.policies.length, 1);
    const meta = r.policies[0]!.check.meta;
    assert.equal(meta.id, 'VAP-DEMO-BINDING');
    assert.equal(r.policies[0]!.kind, 'vap');
    const f = scan(r, docs(deployment('big', 9), deployment('small', 2)));
    assert.deepEqual(
      f.map((x) => [x.resource.name, x.message, x.severity, x.checkId]),
      [['big', 'too many replicas', 'high', 'VAP-DEMO-BINDING']],
    );
  });

  it('accepts v1beta1 objects', () => {
    const r = compiled(vap({ apiVersion: 'admissionregistration.k8s.io/v1beta1' }));
    assert.deepEqual(names(scan(r, deployment('big', 9))), ['big']);
  });

  it('maps validationActions to severity: Deny high, Warn medium, Audit low (most severe wins)', () => {
    const sev = (actions: string): string => compiled(vap({ binding: `validationActions: ${actions}` })).policies[0]!.check.meta.severity;
    assert.equal(sev('[Deny]'), 'high');
    assert.equal(sev('[Warn]'), 'medium');
    assert.equal(sev('[Audit]'), 'low');
    assert.equal(sev('[Audit, Warn]'), 'medium');
  });

  it('uses messageExpression, message, or the default "failed expression" message', () => {
    const r = compiled(
      vap({
        spec: `validations:
  - expression: "object.spec.replicas <= 5"
    messageExpression: "'replicas ' + string(object.spec.replicas) + ' > 5'"
  - expression: "object.spec.replicas <= 6"
  - expression: "object.spec.replicas <= 7"
    message: static`,
      }),
    );
    assert.deepEqual(
      scan(r, deployment('big', 9)).map((f) => f.message),
      ['replicas 9 > 5', 'failed expression: object.spec.replicas <= 6', 'static'],
    );
  });

  it('applies failurePolicy to expression errors', () => {
    const spec = 'validations:\n  - expression: "object.spec.template.spec.hostNetwork == false"';
    const failing = scan(compiled(vap({ spec })), deployment('d', 1));
    assert.equal(failing.length, 1);
    assert.match(failing[0]!.message, /^expression spec.validations\[0\] could not be evaluated: no such key: template/);
    assert.deepEqual(scan(compiled(vap({ spec: `failurePolicy: Ignore\n${spec}` })), deployment('d', 1)), []);
  });

  it('skips objects when a matchCondition is false, and applies failurePolicy when one errors', () => {
    const spec = (cond: string, fp = 'Fail'): string => `failurePolicy: ${fp}
matchConditions:
  - name: only-labelled
    expression: ${JSON.stringify(cond)}
validations:
  - expression: "false"
    message: denied`;
    const objs = docs(deployment('labelled', 1, '', '{ check: "yes" }'), deployment('plain', 1));
    assert.deepEqual(names(scan(compiled(vap({ spec: spec("has(object.metadata.labels.check)") })), objs)), ['labelled']);
    const erroring = scan(compiled(vap({ spec: spec('object.metadata.labels.check == "yes"') })), objs);
    assert.deepEqual(
      erroring.map((f) => [f.resource.name, f.message]),
      [
        ['labelled', 'denied'],
        ['plain', 'expression of a matchCondition could not be evaluated: matchCondition "only-labelled": no such key: check (at column 23)'],
      ],
    );
    assert.deepEqual(names(scan(compiled(vap({ spec: spec('object.metadata.labels.check == "yes"', 'Ignore') })), objs)), ['labelled']);
  });

  it('evaluates variables, each seeing the ones before it', () => {
    const r = compiled(
      vap({
        spec: `variables:
  - name: replicas
    expression: "object.spec.replicas"
  - name: doubled
    expression: "variables.replicas * 2"
validations:
  - expression: "variables.doubled <= 10"
    messageExpression: "'doubled is ' + string(variables.doubled)"`,
      }),
    );
    assert.deepEqual(
      scan(r, docs(deployment('a', 6), deployment('b', 5))).map((f) => f.message),
      ['doubled is 12'],
    );
  });

  it('binds request (a CREATE by an unknown user), namespaceObject and null oldObject', () => {
    const r = compiled(
      vap({
        spec: `validations:
  - expression: "request.operation == 'CREATE' && request.userInfo.username == '' && request.resource.resource == 'deployments' && request.namespace == 'shop'"
  - expression: "oldObject == null && params == null"
  - expression: "namespaceObject.metadata.labels.tier == 'gold'"`,
      }),
    );
    assert.deepEqual(scan(r, docs(ns('shop', '{ tier: gold }'), deployment('d', 1, 'shop'))), []);
  });
});

describe('ValidatingAdmissionPolicy: matching', () => {
  const denyAll = 'validations:\n  - expression: "false"';

  it('matches resource rules by group, version, resource, operation and scope', () => {
    const objs = docs(
      deployment('deploy', 1),
      'apiVersion: v1\nkind: Pod\nmetadata: { name: pod }\nspec: {}\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: cm }\n',
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: { name: role }\n',
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: ing }\n',
      'apiVersion: example.com/v1\nkind: Policy\nmetadata: { name: custom }\n',
    );
    const matched = (rules: string): string[] => names(scan(compiled(vap({ rules, spec: denyAll })), objs));
    assert.deepEqual(matched('- { apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["pods", "configmaps"] }'), ['pod', 'cm']);
    assert.deepEqual(matched('- { apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*"], scope: Cluster }'), ['role']);
    assert.deepEqual(matched('- { apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*"], scope: Namespaced }'), ['deploy', 'pod', 'cm', 'ing', 'custom']);
    // Operations other than CREATE never match a scanned object; subresources never do.
    assert.deepEqual(matched('- { apiGroups: ["*"], apiVersions: ["*"], operations: ["UPDATE", "DELETE"], resources: ["*"] }'), []);
    assert.deepEqual(matched('- { apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["pods/status", "pods/*"] }'), []);
    // Kinds map to their resource: built-in plurals, and the API machinery's guess for custom kinds.
    assert.deepEqual(matched('- { apiGroups: ["networking.k8s.io", "example.com"], apiVersions: ["v1"], operations: ["CREATE"], resources: ["ingresses", "policies"] }'), ['ing', 'custom']);
    assert.deepEqual(matched('- { apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["configmaps"], resourceNames: ["other"] }'), []);
  });

  it('matches other versions of a group with matchPolicy Equivalent (the default), not with Exact', () => {
    const objs = deployment('old', 9, '', '{}', 'apps/v1beta2');
    assert.deepEqual(names(scan(compiled(vap()), objs)), ['old']);
    const exact = vap().replace('    resourceRules:', '    matchPolicy: Exact\n    resourceRules:');
    assert.deepEqual(names(scan(compiled(exact), objs)), []);
  });

  it('excludes excludeResourceRules', () => {
    const r = compiled(
      vap({
        rules: '- { apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*"] }',
        spec: denyAll,
      }).replace('    resourceRules:', '    excludeResourceRules:\n      - { apiGroups: [""], apiVersions: ["*"], operations: ["*"], resources: ["configmaps"] }\n    resourceRules:'),
    );
    assert.deepEqual(names(scan(r, docs(deployment('d', 1), 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: cm }\n'))), ['d']);
  });

  it('matches namespaceSelector against the scan\'s Namespace objects (plus the automatic name label)', () => {
    const objs = docs(ns('prod', '{ env: production }'), ns('dev'), deployment('p', 1, 'prod'), deployment('d', 1, 'dev'), deployment('x', 1, 'external'), deployment('none', 1));
    const run = (selector: string): string[] => names(scan(compiled(vap({ spec: denyAll }).replace('    resourceRules:', `    namespaceSelector: ${selector}\n    resourceRules:`)), objs)).filter((n) => n !== 'prod' && n !== 'dev');
    assert.deepEqual(run('{ matchLabels: { env: production } }'), ['p']);
    assert.deepEqual(run('{ matchExpressions: [{ key: kubernetes.io/metadata.name, operator: NotIn, values: [dev] }] }'), ['p', 'x', 'none']);
    assert.deepEqual(run('{ matchExpressions: [{ key: kubernetes.io/metadata.name, operator: Exists }] }'), ['p', 'd', 'x']);
  });

  it('narrows with the binding\'s matchResources (objectSelector, namespaceSelector)', () => {
    const objs = docs(deployment('a', 9, '', '{ policy: enforced }'), deployment('b', 9));
    const r = compiled(vap({ binding: 'validationActions: [Deny]\nmatchResources:\n  objectSelector: { matchLabels: { policy: enforced } }' }));
    assert.deepEqual(names(scan(r, objs)), ['a']);
    const byPolicy = compiled(vap().replace('    resourceRules:', '    objectSelector: { matchExpressions: [{ key: policy, operator: DoesNotExist }] }\n    resourceRules:'));
    assert.deepEqual(names(scan(byPolicy, objs)), ['b']);
  });
});

describe('ValidatingAdmissionPolicy: params', () => {
  const limitPolicy = (paramRef: string, params = ''): string =>
    vap({
      spec: `paramKind: { apiVersion: v1, kind: ConfigMap }
validations:
  - expression: "object.spec.replicas <= int(params.data.max)"
    messageExpression: "'limit ' + params.data.max + ' from ' + params.metadata.name"`,
      binding: `validationActions: [Deny]\nparamRef:\n${paramRef
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n')}`,
    }) + params;

  const cm = (name: string, max: number, namespace = '', labels = '{}'): string =>
    `---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${name}, labels: ${labels}${namespace ? `, namespace: ${namespace}` : ''} }\ndata: { max: "${max}" }\n`;

  it('reads the named param from the policy sources, in the object\'s namespace by default', () => {
    const r = compiled(limitPolicy('name: limits', cm('limits', 3, 'shop') + cm('limits', 20, 'lab')));
    assert.deepEqual(
      scan(r, docs(deployment('a', 5, 'shop'), deployment('b', 5, 'lab'))).map((f) => [f.resource.name, f.message]),
      [['a', 'limit 3 from limits']],
    );
  });

  it('reads params from an explicit namespace', () => {
    const r = compiled(limitPolicy('name: limits\nnamespace: policy', cm('limits', 3, 'policy')));
    assert.deepEqual(names(scan(r, docs(deployment('a', 5, 'shop'), deployment('b', 2, 'lab')))), ['a']);
  });

  it('evaluates once per param a selector picks', () => {
    const r = compiled(limitPolicy('namespace: policy\nselector: { matchLabels: { kind: limit } }', cm('strict', 2, 'policy', '{ kind: limit }') + cm('loose', 4, 'policy', '{ kind: limit }') + cm('other', 1, 'policy')));
    assert.deepEqual(
      scan(r, deployment('a', 3, 'shop')).map((f) => f.message),
      ['limit 2 from strict'],
    );
    assert.deepEqual(
      scan(r, deployment('b', 5, 'shop')).map((f) => f.message),
      ['limit 2 from strict', 'limit 4 from loose'],
    );
  });

  it('falls back to params among the scanned objects', () => {
    const r = compiled(limitPolicy('name: limits'));
    assert.deepEqual(names(scan(r, docs(deployment('a', 5, 'shop'), cm('limits', 3, 'shop').slice(4)))), ['a']);
  });

  it('denies or allows when no param is found, per parameterNotFoundAction', () => {
    const deny = scan(compiled(limitPolicy('name: missing\nparameterNotFoundAction: Deny')), deployment('a', 1, 'shop'));
    assert.deepEqual(
      deny.map((f) => f.message),
      ['no params found for binding demo-binding (ConfigMap missing)'],
    );
    assert.deepEqual(scan(compiled(limitPolicy('name: missing\nparameterNotFoundAction: Allow')), deployment('a', 1, 'shop')), []);
  });

  it('requires a paramRef when the policy has a paramKind', () => {
    const r = compile(vap({ spec: 'paramKind: { apiVersion: v1, kind: ConfigMap }\nvalidations: [{ expression: "true" }]' }));
    assert.deepEqual(
      r.issues.map((i) => i.message),
      ['binding "demo-binding": policy "demo" has a paramKind, so the binding needs a paramRef'],
    );
    assert.equal(r.policies.length, 0);
  });
});

describe('ValidatingAdmissionPolicy: problems and warnings', () => {
  it('warns about a policy without a binding and a binding without a policy', () => {
    const unbound = compile(vap().split('---')[0]!);
    assert.deepEqual(unbound.issues, []);
    assert.deepEqual(
      unbound.warnings.map((w) => `${w.location.startLine} ${w.message}`),
      ['4 ValidatingAdmissionPolicy "demo" has no ValidatingAdmissionPolicyBinding: like in a cluster, it checks nothing'],
    );
    assert.equal(unbound.policies.length, 0);
    const orphan = compile(`---${vap().split('---')[1]!}`);
    assert.match(orphan.warnings[0]!.message, /binds policy "demo", which is not among the policies loaded/);
  });

  it('reports invalid CEL at its place, even in an unbound policy', () => {
    const r = compile(
      vap({ spec: 'validations:\n  - expression: "object.spec.replicas <= maxReplicas"' }).split('---')[0]!,
    );
    assert.deepEqual(
      r.issues.map((i) => `${i.location.startLine}:${i.location.startColumn} ${i.message}`),
      ['10:44 ValidatingAdmissionPolicy "demo": invalid CEL in spec.validations[0].expression: undeclared reference to \'maxReplicas\' (variables: authorizer, namespaceObject, object, oldObject, params, request, variables)'],
    );
  });

  it('points into expressions of documents after comments and separators, and in flow mappings', () => {
    const text = `# Copyright header\n# more\n---\n${vap({ spec: 'validations:\n  - { expression: "object.spec.replicas <= 5 && nope", message: x }' }).split('---')[0]!}`;
    const r = compile(text);
    assert.deepEqual(
      r.issues.map((i) => `${i.location.startLine}:${i.location.startColumn}`),
      ['13:51'],
    );
    const line = text.split('\n')[12]!;
    assert.equal(line.slice(50, 54), 'nope');
  });

  it('locates schema problems in the object', () => {
    const r = compile(vap({ binding: 'validationActions: [Block]' }));
    assert.deepEqual(
      r.issues.map((i) => `${i.location.startLine}:${i.location.startColumn} ${i.message}`),
      ['19:23 ValidatingAdmissionPolicyBinding "demo-binding": spec.validationActions[0]: Invalid option: expected one of "Deny"|"Warn"|"Audit"'],
    );
  });

  it('warns that authorizer cannot be evaluated, and fails closed on it', () => {
    const r = compile(vap({ spec: "validations:\n  - expression: \"authorizer.group('apps').resource('deployments').check('delete').allowed()\"" }));
    assert.deepEqual(r.issues, []);
    assert.match(r.warnings[0]!.message, /uses authorizer, which cannot be evaluated outside a cluster/);
    const f = scan(r, deployment('d', 1));
    assert.match(f[0]!.message, /authorizer checks need a cluster/);
  });

  it('rejects duplicate policy names', () => {
    const r = compile(`${vap()}---\n${vap().split('---')[0]!}`);
    assert.match(r.issues[0]!.message, /ValidatingAdmissionPolicy "demo" is defined twice/);
  });

  it('derives stable, valid IDs from the policy and binding names', () => {
    assert.equal(vapCheckId('require-labels', 'require-labels'), 'VAP-REQUIRE-LABELS');
    assert.equal(vapCheckId('require-labels.acme.io', 'require-labels-prod.acme.io'), 'VAP-REQUIRE-LABELS-ACME-IO-PROD');
    assert.equal(vapCheckId('demo-policy.example.com', 'demo-binding-test.example.com'), 'VAP-DEMO-POLICY-EXAMPLE-COM-BINDING-TEST');
    assert.equal(vapCheckId('p', 'other'), 'VAP-P-OTHER');
    // Two bindings that would collide get their full names.
    const r = compiled(`${vap({ name: 'p', bindingName: 'p-x' })}---\n${vap({ name: 'p', bindingName: 'x' }).split('---')[1]!}`);
    assert.deepEqual(
      r.policies.map((p) => p.check.meta.id),
      ['VAP-P-P-X', 'VAP-P-X'],
    );
  });
});

describe('ValidatingAdmissionPolicy: examples/policies/vap', () => {
  const root = join(import.meta.dirname, '../../../examples/policies/vap');
  for (const name of readdirSync(root)) {
    it(name, () => {
      const dir = join(root, name);
      const r = compile(readFileSync(join(dir, 'policy.yaml'), 'utf8'), join(dir, 'policy.yaml'));
      assert.deepEqual([...r.issues, ...r.warnings], []);
      assert.ok(r.policies.length > 0);
      let failing = 0;
      for (const kind of ['pass', 'fail'] as const) {
        const folder = join(dir, 'tests', kind);
        for (const f of readdirSync(folder)) {
          const parsed = parseForTarget('kubernetes', readFileSync(join(folder, f), 'utf8'), f);
          const { findings, crashes } = runChecks(
            r.policies.map((p) => ({ check: p.check, options: {}, severity: p.check.meta.severity })),
            parsed.objects,
          );
          assert.deepEqual(crashes, []);
          for (const o of parsed.objects) {
            const mine = findings.filter((x) => x.resource.name === o.name);
            if (kind === 'fail' && o.name.startsWith('should-fail')) {
              assert.ok(mine.length > 0, `${f}: ${o.name} should fail`);
              failing++;
            } else assert.deepEqual(mine.map((x) => x.message), [], `${f}: ${o.name} should pass`);
          }
        }
      }
      assert.ok(failing > 0);
    });
  }
});
