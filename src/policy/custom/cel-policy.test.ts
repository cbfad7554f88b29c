import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CheckTarget, ConfigObject } from '../../core/config-object.js';
import type { Finding } from '../../core/finding.js';
import type { ReportDescriptor } from '../../checks/define-check.js';
import { runChecks } from '../../checks/engine.js';
import { ObjectIndex } from '../../checks/_lib/object-index.js';
import { parseForTarget } from '../../parsers/index.js';
import { compileCelPolicies } from './cel-policy.js';
import type { CompileResult } from './types.js';

function compile(text: string): CompileResult {
  return compileCelPolicies(text, 'policy.yaml');
}

function compiled(text: string): CompileResult {
  const r = compile(text);
  assert.deepEqual(
    r.issues.map((i) => `${i.location.startLine}:${i.location.startColumn} ${i.message}`),
    [],
  );
  return r;
}

function scan(r: CompileResult, manifests: string, target: CheckTarget = 'kubernetes', file = 'test.yaml'): Finding[] {
  const parsed = parseForTarget(target, manifests, file);
  assert.deepEqual(parsed.errors, []);
  const result = runChecks(
    r.policies.map((p) => ({ check: p.check, options: {}, severity: p.check.meta.severity })),
    parsed.objects,
  );
  assert.deepEqual(result.crashes, []);
  return result.findings;
}

const policy = (spec: string, name = 'test-policy'): string => `apiVersion: palisade.dev/v1
kind: Policy
metadata:
  name: ${name}
spec:
  id: ACME-0001
  title: A test policy
  severity: medium
${spec
  .split('\n')
  .map((l) => (l ? `  ${l}` : l))
  .join('\n')}
`;

const deployment = (name: string, ns = '', labels = '', extra = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
${ns ? `  namespace: ${ns}\n` : ''}${labels ? `  labels: ${labels}\n` : ''}spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
${extra}`;

describe('CEL policies: compile and evaluate', () => {
  const requireTeam = compiled(
    policy(`match: { kinds: [Deployment] }
validations:
  - expression: "has(object.metadata.labels) && 'team' in object.metadata.labels"
    message: Workloads need a team label
    path: metadata.labels`),
  );

  it('compiles one check per document, with the policy meta', () => {
    assert.equal(requireTeam.policies.length, 1);
    const p = requireTeam.policies[0]!;
    assert.equal(p.kind, 'cel');
    assert.equal(p.file, 'policy.yaml');
    assert.equal(p.check.meta.id, 'ACME-0001');
    assert.equal(p.check.meta.slug, 'test-policy');
    assert.deepEqual(p.check.meta.kinds, ['Deployment']);
    assert.equal(p.check.meta.category, 'best-practice');
  });

  it('reports a violation at the data path, with the message and the line', () => {
    const findings = scan(requireTeam, `${deployment('a', '', '{ team: x }')}---\n${deployment('b', '', '{ app: b }')}---\n${deployment('c')}`);
    assert.deepEqual(
      findings.map((f) => [f.resource.name, f.dataPath, f.location.startLine, f.message, f.checkId, f.severity]),
      [
        ['b', 'metadata.labels', 18, 'Workloads need a team label', 'ACME-0001', 'medium'],
        // No labels at all: located at the nearest existing parent (metadata).
        ['c', 'metadata.labels', 29, 'Workloads need a team label', 'ACME-0001', 'medium'],
      ],
    );
  });

  it('only runs on the kinds it matches', () => {
    assert.equal(scan(requireTeam, 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n').length, 0);
  });

  it('renders messageExpression, and falls back to the message when it fails', () => {
    const r = compiled(
      policy(`validations:
  - expression: "object.spec.replicas >= 2"
    messageExpression: "object.metadata.name + ' runs ' + string(object.spec.replicas) + ' replica(s)'"
  - expression: "object.spec.replicas >= 3"
    message: static fallback
    messageExpression: "object.metadata.nope"
  - expression: "object.spec.replicas >= 4"`),
    );
    assert.deepEqual(
      scan(r, deployment('web')).map((f) => f.message),
      ['web runs 1 replica(s)', 'static fallback', 'failed expression: object.spec.replicas >= 4'],
    );
  });

  it('reports an expression that errors as a finding (failurePolicy Fail, the default) and not with Ignore', () => {
    const spec = `validations:
  - expression: "object.spec.template.spec.securityContext.runAsNonRoot == true"
    path: spec.template.spec`;
    const failing = scan(compiled(policy(spec)), deployment('web'));
    assert.equal(failing.length, 1);
    assert.match(failing[0]!.message, /^expression of validation spec.validations\[0\] could not be evaluated: .*securityContext/);
    assert.equal(failing[0]!.dataPath, 'spec.template.spec');
    assert.equal(scan(compiled(policy(`failurePolicy: Ignore\n${spec}`)), deployment('web')).length, 0);
  });

  it('reports a non-boolean result as an error', () => {
    const f = scan(compiled(policy('validations:\n  - expression: "object.spec.replicas"')), deployment('web'));
    assert.match(f[0]!.message, /must evaluate to a bool, got 1/);
  });

  it('evaluates variables in order, lazily, and names a failing variable', () => {
    const r = compiled(
      policy(`variables:
  - name: containers
    expression: "object.spec.template.spec.containers"
  - name: names
    expression: "variables.containers.map(c, c.name)"
  - name: broken
    expression: "object.spec.nope"
  - name: unused
    expression: "object.spec.alsoNope"
validations:
  - expression: "variables.names.all(n, n.size() > 5)"
    messageExpression: "'short names: ' + variables.names.join(', ')"
  - expression: "variables.broken == 1"`),
    );
    const f = scan(r, deployment('web'));
    assert.deepEqual(
      f.map((x) => x.message),
      ['short names: app', "expression of validation spec.validations[1] could not be evaluated: variable 'broken' could not be evaluated: no such key: nope (at column 12)"],
    );
  });

  it('binds request, namespaceObject, resource and null oldObject/params', () => {
    const r = compiled(
      policy(`match: { kinds: [Deployment] }
validations:
  - expression: "request.operation == 'CREATE' && request.kind.kind == 'Deployment' && request.resource.resource == 'deployments' && request.resource.group == 'apps' && request.namespace == 'shop'"
  - expression: "oldObject == null && params == null && resource.file == 'test.yaml' && resource.kind == 'Deployment'"
  - expression: "namespaceObject != null && namespaceObject.metadata.labels.tier == 'gold'"
    message: namespace is not gold`),
    );
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata: { name: shop, labels: { tier: gold } }\n---\n';
    assert.deepEqual(scan(r, ns + deployment('web', 'shop')), []);
    assert.deepEqual(
      scan(r, deployment('web', 'shop')).map((f) => f.message),
      ['namespace is not gold'],
    );
  });

  it('carries a validation severity on its reports', () => {
    const r = compiled(policy('validations:\n  - expression: "false"\n    severity: critical\n  - expression: "false"'));
    const reports: (ReportDescriptor & { severity?: string })[] = [];
    const obj = parseForTarget('kubernetes', deployment('web'), 'test.yaml').objects[0]!;
    r.policies[0]!.check.run(obj, { options: {}, index: new ObjectIndex([obj]), report: (d) => reports.push(d) });
    assert.deepEqual(
      reports.map((d) => d.severity),
      ['critical', undefined],
    );
  });

  it('compiles several policies from one multi-document file', () => {
    const two = compiled(`${policy('validations: [{ expression: "true" }]', 'one')}---\n${policy('validations: [{ expression: "true" }]', 'two').replace('ACME-0001', 'ACME-0002')}`);
    assert.deepEqual(
      two.policies.map((p) => p.check.meta.id),
      ['ACME-0001', 'ACME-0002'],
    );
  });
});

describe('CEL policies: match', () => {
  const run = (match: string, manifests: string, extraSpec = ''): string[] =>
    scan(compiled(policy(`match: ${match}\n${extraSpec}validations: [{ expression: "false" }]`)), manifests).map((f) => f.resource.name);

  const ns = (name: string, labels = '{}'): string => `apiVersion: v1\nkind: Namespace\nmetadata: { name: ${name}, labels: ${labels} }\n---\n`;

  it('matches namespace globs; objects without a namespace match none', () => {
    const objs = `${deployment('a', 'prod-eu')}---\n${deployment('b', 'prod-us')}---\n${deployment('c', 'dev')}---\n${deployment('d')}`;
    assert.deepEqual(run('{ kinds: [Deployment], namespaces: ["prod-*"] }', objs), ['a', 'b']);
    assert.deepEqual(run('{ kinds: [Deployment], excludeNamespaces: ["prod-e?"] }', objs), ['b', 'c', 'd']);
  });

  it('matches label selectors (matchLabels and every operator)', () => {
    const objs = [
      deployment('a', '', '{ team: shop, tier: web }'),
      deployment('b', '', '{ team: data }'),
      deployment('c', '', '{ tier: db }'),
    ].join('---\n');
    assert.deepEqual(run('{ labels: { matchLabels: { team: shop } } }', objs), ['a']);
    assert.deepEqual(run('{ labels: { matchExpressions: [{ key: team, operator: In, values: [shop, data] }] } }', objs), ['a', 'b']);
    assert.deepEqual(run('{ labels: { matchExpressions: [{ key: team, operator: NotIn, values: [shop] }] } }', objs), ['b', 'c']);
    assert.deepEqual(run('{ labels: { matchExpressions: [{ key: tier, operator: Exists }] } }', objs), ['a', 'c']);
    assert.deepEqual(run('{ labels: { matchExpressions: [{ key: tier, operator: DoesNotExist }] } }', objs), ['b']);
  });

  it('matches a namespaceSelector against the Namespace objects of the scan', () => {
    const objs = ns('shop', '{ env: prod }') + ns('lab') + [deployment('a', 'shop'), deployment('b', 'lab'), deployment('c', 'unknown'), deployment('d')].join('---\n');
    assert.deepEqual(run('{ kinds: [Deployment], namespaceSelector: { matchLabels: { env: prod } } }', objs), ['a']);
    // The API server labels every namespace with its name; namespaces the scan does not define still have that label.
    assert.deepEqual(run('{ kinds: [Deployment], namespaceSelector: { matchExpressions: [{ key: kubernetes.io/metadata.name, operator: In, values: [lab, unknown] }] } }', objs), ['b', 'c']);
  });

  it('matches apiVersions and names', () => {
    const objs = `${deployment('web-1')}---\n${deployment('api-1').replace('apps/v1', 'apps/v1beta2')}---\napiVersion: v1\nkind: Pod\nmetadata: { name: web-pod }\nspec: { containers: [] }\n`;
    assert.deepEqual(run('{ apiVersions: ["apps/v1"] }', objs), ['web-1']);
    assert.deepEqual(run('{ apiVersions: ["apps/*"] }', objs), ['web-1', 'api-1']);
    assert.deepEqual(run('{ names: ["web-*"] }', objs), ['web-1', 'web-pod']);
  });
});

describe('CEL policies: other targets', () => {
  it('runs on compose services', () => {
    const r = compiled(
      policy(`target: compose
match: { kinds: [ComposeService] }
validations:
  - expression: "!object.?privileged.orValue(false)"
    messageExpression: "'service ' + resource.name + ' is privileged'"
    path: privileged`),
    );
    const f = scan(r, 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n  db:\n    image: postgres:16\n', 'compose', 'compose.yaml');
    assert.deepEqual(
      f.map((x) => [x.message, x.location.startLine]),
      [['service web is privileged', 4]],
    );
  });

  it('runs on Dockerfiles', () => {
    const r = compiled(
      policy(`target: dockerfile
validations:
  - expression: "object.stages.all(s, s.from.tag != 'latest')"
    message: base image uses the latest tag`),
    );
    assert.deepEqual(
      scan(r, 'FROM nginx:latest\nRUN echo hi\n', 'dockerfile', 'Dockerfile').map((f) => f.message),
      ['base image uses the latest tag'],
    );
    assert.equal(scan(r, 'FROM nginx:1.27\n', 'dockerfile', 'Dockerfile').length, 0);
  });

  it('runs on Terraform resources', () => {
    const r = compiled(
      policy(`target: terraform
match: { kinds: [aws_s3_bucket] }
validations:
  - expression: "object.?acl.orValue('private') == 'private'"
    messageExpression: "resource.name + ' has acl ' + object.acl"
    path: acl`),
    );
    const f = scan(r, 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  acl    = "public-read"\n}\n', 'terraform', 'main.tf');
    assert.deepEqual(
      f.map((x) => [x.message, x.location.startLine]),
      [['aws_s3_bucket.b has acl public-read', 3]],
    );
  });

  it('does not offer Kubernetes admission variables to other targets', () => {
    const r = compile(policy('target: compose\nvalidations: [{ expression: "request.operation == \'CREATE\'" }]'));
    assert.match(r.issues[0]!.message, /undeclared reference to 'request'/);
  });
});

describe('CEL policies: located problems', () => {
  const issues = (text: string): string[] => compile(text).issues.map((i) => `${i.location.startLine}:${i.location.startColumn} ${i.message}`);

  it('points CEL errors at the character inside the expression', () => {
    assert.deepEqual(
      issues(
        policy(`validations:
  - expression: "object.spec.replicas > 1 && objet.x"
  - expression: 'object.metadata.name.matches("(")'
  - expression: |
      object.spec.replicas > 1 &&
        nosuch(object)
  - expression: object.spec.replicas >
  - expression: "true"
    messageExpression: "'x' + variables.nope"`),
      ),
      [
        "10:48 invalid CEL in spec.validations[0].expression: undeclared reference to 'objet' (did you mean 'object'?)",
        '11:49 invalid CEL in spec.validations[1].expression: invalid regular expression "(": error parsing regexp: missing closing ): `(`',
        // A block scalar: the second line of the expression, at its own indentation.
        "14:11 invalid CEL in spec.validations[2].expression: undeclared reference to function 'nosuch'",
        '15:40 invalid CEL in spec.validations[3].expression: syntax error: found > but expecting end of input',
        "17:42 invalid CEL in spec.validations[4].messageExpression: undefined field 'nope' of variables (none defined)",
      ],
    );
  });

  it('locates schema problems at the offending key', () => {
    assert.deepEqual(
      issues(`apiVersion: palisade.dev/v1
kind: Policy
metadata: { name: x }
spec:
  id: PAL-K8S-0001
  title: Reserved ID
  severity: urgent
  validations: []
  unknownField: 1
`),
      [
        '5:3 spec.id: id must be upper-case words joined by dashes, like ACME-0001 (PAL- is reserved for built-in checks)',
        '7:3 spec.severity: Invalid option: expected one of "critical"|"high"|"medium"|"low"|"info"',
        '8:3 spec.validations: a policy needs at least one validation',
        '4:1 spec: Unrecognized key: "unknownField"',
      ],
    );
  });

  it('reports variable problems: duplicates, forward references, bad names', () => {
    assert.deepEqual(
      issues(
        policy(`variables:
  - name: a
    expression: "variables.b + 1"
  - name: b
    expression: "1"
  - name: b
    expression: "2"
  - name: 1bad
    expression: "1"
validations: [{ expression: "variables.a == 2" }]`),
      ),
      ['16:7 spec.variables[3].name: variable names are identifiers: letters, digits and _, not starting with a digit'],
    );
    assert.deepEqual(
      issues(
        policy(`variables:
  - name: a
    expression: "variables.b + 1"
  - name: b
    expression: "1"
  - name: b
    expression: "2"
validations: [{ expression: "variables.a == 2" }]`),
      ),
      ['11:7 variable "a" reads variables.b, which is not defined before it', '14:7 variable "b" is defined twice'],
    );
  });

  it('reports a malformed path, YAML errors and foreign documents', () => {
    assert.match(issues(policy('validations: [{ expression: "true", path: "spec..x" }]'))[0]!, /^9:\d+ spec.validations\[0\].path: malformed path/);
    assert.equal(issues('spec: [unclosed\n').length, 1);
    assert.deepEqual(issues(`${policy('validations: [{ expression: "true" }]')}---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n`), [
      '11:1 document 2 is not a Palisade policy (expected apiVersion: palisade.dev/v1, kind: Policy); ValidatingAdmissionPolicies go in files of their own',
    ]);
  });

  it('survives hostile policy files', () => {
    // A thousand policies, an alias bomb and a deeply nested expression: errors, never a crash or a hang.
    const many = Array.from({ length: 1000 }, (_, i) => policy(`validations: [{ expression: "object.x${i} == ${i}" }]`, `p${i}`).replace('ACME-0001', `ACME-${i + 1}`)).join('---\n');
    const started = performance.now();
    assert.equal(compiled(many).policies.length, 1000);
    assert.ok(performance.now() - started < 10_000);
    const level = (name: string, ref: string): string => `${name}: &${name} [${Array(9).fill(`*${ref}`).join(', ')}]\n`;
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x]\n${level('b', 'a')}${level('c', 'b')}${level('d', 'c')}${level('e', 'd')}${level('f', 'e')}`;
    assert.match(compile(bomb).issues[0]!.message, /alias bomb/);
    const nested = policy(`validations: [{ expression: "${'['.repeat(3000)}${']'.repeat(3000)} == []" }]`);
    assert.match(compile(nested).issues[0]!.message, /nested too deeply|syntax error/);
  });
});

/** Runs an example policy folder the way `palisade policy test` does: tests/pass has no findings, should-fail-* objects fail. */
function runExampleFolder(dir: string, compileFolder: (dir: string) => CompileResult): void {
  const compiledPolicies = compileFolder(dir);
  assert.deepEqual(compiledPolicies.issues, [], `${dir}: policy does not compile`);
  assert.ok(compiledPolicies.policies.length > 0);
  const active = compiledPolicies.policies.map((p) => ({ check: p.check, options: {}, severity: p.check.meta.severity }));
  let failing = 0;
  for (const kind of ['pass', 'fail'] as const) {
    const folder = join(dir, 'tests', kind);
    const files = readdirSync(folder).filter((f) => /\.ya?ml$/.test(f));
    assert.ok(files.length > 0, `${folder} has no fixtures`);
    for (const f of files) {
      const parsed = parseForTarget('kubernetes', readFileSync(join(folder, f), 'utf8'), join(folder, f));
      assert.deepEqual(parsed.errors, []);
      const { findings, crashes } = runChecks(active, parsed.objects);
      assert.deepEqual(crashes, []);
      const failed = new Set(findings.map((x) => x.resource.name));
      for (const o of parsed.objects as ConfigObject[]) {
        if (kind === 'pass' || o.name.startsWith('should-pass')) assert.ok(!failed.has(o.name), `${f}: ${o.name} should pass: ${findings.filter((x) => x.resource.name === o.name).map((x) => x.message).join('; ')}`);
        if (kind === 'fail' && o.name.startsWith('should-fail')) {
          assert.ok(failed.has(o.name), `${f}: ${o.name} should fail`);
          failing++;
        }
      }
    }
  }
  assert.ok(failing > 0, `${dir}: no should-fail-* object`);
}

describe('CEL policies: examples/policies/cel', () => {
  const root = join(import.meta.dirname, '../../../examples/policies/cel');
  for (const name of readdirSync(root)) {
    it(name, () => runExampleFolder(join(root, name), (dir) => compileCelPolicies(readFileSync(join(dir, 'policy.yaml'), 'utf8'), join(dir, 'policy.yaml'))));
  }
});
