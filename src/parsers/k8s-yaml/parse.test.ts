import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { extractObjects, parseYamlDocuments } from './index.js';

const deployment = `# leading comment
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            privileged: true
`;

describe('parseYamlDocuments + source map', () => {
  it('locates an existing scalar field at its key, spanning to the value end', () => {
    const { documents, errors } = parseYamlDocuments(deployment, 'd.yaml');
    assert.deepEqual(errors, []);
    const loc = documents[0]!.source.locate(['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'privileged']);
    assert.deepEqual(loc, { path: 'd.yaml', startLine: 14, startColumn: 13, endLine: 14, endColumn: 29 });
  });

  it('locates a missing field at its nearest existing parent', () => {
    const { documents } = parseYamlDocuments(deployment, 'd.yaml');
    const r = documents[0]!.source.resolve(['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits']);
    assert.equal(r.matched, 5);
    assert.equal(r.location.startLine, 11);
  });

  it('locates sequence items and flow mappings', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: x}, {name: b, image: "y"}]\n';
    const { documents } = parseYamlDocuments(text, 'p.yaml');
    const loc = documents[0]!.source.locate(['spec', 'containers', 1, 'image']);
    assert.equal(loc.startLine, 5);
    assert.equal(loc.startColumn, 47);
  });

  it('splits multi-document files and keeps document indexes', () => {
    const text = `---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n# only a comment\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: b}\n`;
    const { documents, errors } = parseYamlDocuments(text, 'm.yaml');
    assert.deepEqual(errors, []);
    const ex = extractObjects(documents, 'm.yaml');
    assert.deepEqual(ex.objects.map((o) => [o.kind, o.name, o.docIndex]), [['ConfigMap', 'a', 0], ['Secret', 'b', 2]]);
    assert.equal(ex.objects[1]!.source.locate(['metadata', 'name']).startLine, 10);
  });

  it('reads YAML 1.1 booleans as kubectl does', () => {
    const { documents } = parseYamlDocuments('a: yes\nb: on\nc: "yes"\n', 'b.yaml');
    assert.deepEqual(documents[0]!.value, { a: true, b: true, c: 'yes' });
  });

  it('parses JSON manifests with positions', () => {
    const text = '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {"name": "j"},\n  "spec": {"hostNetwork": true}\n}\n';
    const { documents, errors } = parseYamlDocuments(text, 'p.json');
    assert.deepEqual(errors, []);
    assert.equal(documents[0]!.source.locate(['spec', 'hostNetwork']).startLine, 5);
  });

  it('reports a syntax error with its line and keeps the other documents', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n---\napiVersion: v1\nkind: Pod\nmetadata: [oops\n';
    const r = parseYamlDocuments(text, 'e.yaml');
    assert.equal(r.documents.length, 1);
    assert.equal(r.errors.length > 0, true);
    assert.equal(r.errors[0]!.code, 'yaml-syntax');
    assert.ok(r.errors[0]!.location.startLine >= 7, `line ${r.errors[0]!.location.startLine}`);
  });

  it('turns duplicate keys into a warning, uses the last value and locates it', () => {
    const r = parseYamlDocuments('apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  hostNetwork: false\n  hostNetwork: true\n', 'd.yaml');
    assert.deepEqual(r.errors, []);
    assert.equal(r.warnings[0]!.code, 'duplicate-key');
    assert.equal((r.documents[0]!.value as { spec: { hostNetwork: boolean } }).spec.hostNetwork, true);
    assert.equal(r.documents[0]!.source.locate(['spec', 'hostNetwork']).startLine, 6);
  });

  it('refuses a billion-laughs alias bomb quickly with a located error', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(9).fill('*' + prev).join(',')}]`);
    }
    const started = process.hrtime.bigint();
    const r = parseYamlDocuments(lines.join('\n') + '\n', 'bomb.yaml');
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.equal(r.documents.length, 0);
    assert.equal(r.errors[0]!.code, 'alias-bomb');
    assert.equal(r.errors[0]!.location.startLine, 1);
    assert.ok(ms < 5000, `took ${ms} ms`);
  });

  it('refuses absurdly deep nesting', () => {
    const text = 'a: ' + '['.repeat(400) + ']'.repeat(400) + '\n';
    const r = parseYamlDocuments(text, 'deep.yaml');
    assert.equal(r.documents.length, 0);
    assert.equal(r.errors[0]!.code, 'too-deep');
  });

  it('flattens kind: List and locates items inside it', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata: {name: s}\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: p}\n    spec: {hostPID: true}\n  - just-a-string\n';
    const r = parseYamlDocuments(text, 'l.yaml');
    const ex = extractObjects(r.documents, 'l.yaml');
    assert.deepEqual(ex.objects.map((o) => o.kind), ['Service', 'Pod']);
    assert.deepEqual(ex.objects[1]!.basePath, ['items', 1]);
    assert.equal(ex.objects[1]!.source.locate([...ex.objects[1]!.basePath, 'spec', 'hostPID']).startLine, 10);
    assert.equal(ex.issues.length, 1);
    assert.equal(ex.issues[0]!.location.startLine, 11);
  });

  it('counts non-Kubernetes documents as skipped, not errors', () => {
    const r = parseYamlDocuments('replicaCount: 2\nimage: {tag: x}\n---\n- a\n- b\n---\nkind: Foo\n', 'values.yaml');
    const ex = extractObjects(r.documents, 'values.yaml');
    assert.equal(ex.objects.length, 0);
    assert.equal(ex.skipped, 3);
    assert.deepEqual(r.errors, []);
  });
});

describe('parser robustness (property-based)', () => {
  const seeds = [deployment, 'apiVersion: v1\nkind: List\nitems: [{apiVersion: v1, kind: Pod, metadata: {name: x}}]\n', 'a: &x [1, 2]\nb: *x\n', '{"a": [1, {"b": null}]}'];

  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const r = parseYamlDocuments(s, 'r.yaml');
        extractObjects(r.documents, 'r.yaml');
        for (const d of r.documents) d.source.locate(['spec', 'containers', 0, 'image']);
      }),
      { numRuns: 1500 },
    );
  });

  it('never throws on mutated manifests (random splices of YAML-significant characters)', () => {
    const chars = fc.constantFrom(':', '-', ' ', '\n', '[', ']', '{', '}', '&a', '*a', '!!', '"', "'", '#', '|', '>', '---\n', '\t', '\u0000', '\uFFFD');
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.nat(3), chars), { maxLength: 8 }), (seed, edits) => {
        let s = seed;
        for (const [pos, del, ins] of edits) {
          const p = pos % (s.length + 1);
          s = s.slice(0, p) + ins + s.slice(p + del);
        }
        const r = parseYamlDocuments(s, 'm.yaml');
        const ex = extractObjects(r.documents, 'm.yaml');
        for (const o of ex.objects) o.source.locate([...o.basePath, 'spec', 'template', 'spec', 'containers', 0, 'securityContext']);
        for (const e of [...r.errors, ...ex.issues]) assert.ok(e.location.startLine >= 1);
      }),
      { numRuns: 1500 },
    );
  });
});
