import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import type { JsonPatchOperation } from '../core/config-object.js';
import { patchYamlDocument, splitDocuments } from './yaml-patch.js';

function patched(text: string, patch: JsonPatchOperation[]): string {
  const res = patchYamlDocument(text, patch);
  assert.ok(res.ok, res.ok ? '' : res.error);
  return res.value;
}

function refused(text: string, patch: JsonPatchOperation[], why: RegExp): void {
  const res = patchYamlDocument(text, patch);
  assert.equal(res.ok, false, `expected a refusal, got:\n${res.ok ? res.value : ''}`);
  if (!res.ok) assert.match(res.error, why);
}

const POD = `# The web pod.
apiVersion: v1
kind: Pod
metadata:
  name: web   # keep this name

spec:
  containers:
  - name: app
    image: 'nginx:1.27'
    imagePullPolicy: 'IfNotPresent'   # pinned below
    securityContext:
      privileged: true
      capabilities:
        drop: [NET_RAW]
    # resources come later
  - name: sidecar
    securityContext:
    args:
      - |
        multi
        line
`;

describe('patchYamlDocument: edits in place, everything else byte for byte', () => {
  it('replaces a scalar and keeps its quoting and the comment after it', () => {
    const out = patched(POD, [{ op: 'replace', path: '/spec/containers/0/imagePullPolicy', value: 'Always' }]);
    assert.equal(out, POD.replace("imagePullPolicy: 'IfNotPresent'   # pinned below", "imagePullPolicy: 'Always'   # pinned below"));
  });
  it('adds a member at the end of a block mapping, at its indentation, before trailing comments', () => {
    const out = patched(POD, [{ op: 'add', path: '/spec/containers/0/securityContext/allowPrivilegeEscalation', value: false }]);
    assert.equal(out, POD.replace('        drop: [NET_RAW]\n', '        drop: [NET_RAW]\n      allowPrivilegeEscalation: false\n'));
  });
  it('appends to a flow sequence in flow style', () => {
    const out = patched(POD, [{ op: 'add', path: '/spec/containers/0/securityContext/capabilities/drop/-', value: 'ALL' }]);
    assert.equal(out, POD.replace('drop: [NET_RAW]', 'drop: [NET_RAW, ALL]'));
  });
  it('turns an empty value into a block mapping in the document style (sequence not indented here)', () => {
    const out = patched(POD, [{ op: 'replace', path: '/spec/containers/1/securityContext', value: { runAsNonRoot: true, capabilities: { drop: ['ALL'] } } }]);
    assert.equal(out, POD.replace('    securityContext:\n    args:', '    securityContext:\n      runAsNonRoot: true\n      capabilities:\n        drop:\n        - ALL\n    args:'));
  });
  it('comments left under nested content stay with it; the new member goes after them (found in the corpus)', () => {
    const text = 'spec:\n  containers:\n  - name: nginx\n    image: nginx\n    # resources:\n    #   cpu: 4\nvolumes: []\n';
    assert.equal(
      patched(text, [{ op: 'add', path: '/spec/automount', value: false }]),
      'spec:\n  containers:\n  - name: nginx\n    image: nginx\n    # resources:\n    #   cpu: 4\n  automount: false\nvolumes: []\n',
    );
    assert.equal(
      patched(text, [{ op: 'remove', path: '/spec/containers/0/image' }]),
      'spec:\n  containers:\n  - name: nginx\n    # resources:\n    #   cpu: 4\nvolumes: []\n',
    );
  });
  it('adds after a block scalar without touching it', () => {
    const out = patched(POD, [{ op: 'add', path: '/spec/containers/1/readOnly', value: true }]);
    assert.equal(out, POD + '    readOnly: true\n');
  });
  it('adds a whole missing parent (a new securityContext) with nested lists', () => {
    const text = 'spec:\n  containers:\n    - name: a\n      image: b\n';
    const out = patched(text, [{ op: 'add', path: '/spec/containers/0/securityContext', value: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }]);
    assert.equal(out, text + '      securityContext:\n        allowPrivilegeEscalation: false\n        capabilities:\n          drop:\n            - ALL\n');
  });
  it('follows a four-space indentation', () => {
    const text = 'spec:\n    containers:\n        -   name: a\n            image: b\n';
    const out = patched(text, [{ op: 'add', path: '/spec/containers/0/securityContext', value: { capabilities: { drop: ['ALL'] } } }]);
    assert.equal(out, text + '            securityContext:\n                capabilities:\n                    drop:\n                        - ALL\n');
  });
  it('keeps a comment after an empty value when filling it', () => {
    const text = 'a:\n  sc: # to do\n  b: 1\n';
    assert.equal(patched(text, [{ op: 'replace', path: '/a/sc', value: { x: 1 } }]), 'a:\n  sc: # to do\n    x: 1\n  b: 1\n');
  });
  it('quotes strings that YAML 1.1 would read as something else', () => {
    const text = 'a:\n  b: 1\n';
    assert.equal(patched(text, [{ op: 'add', path: '/a/c', value: 'yes' }]), 'a:\n  b: 1\n  c: "yes"\n');
    assert.equal(patched(text, [{ op: 'add', path: '/a/d', value: '0755' }]), 'a:\n  b: 1\n  d: "0755"\n');
    assert.equal(patched(text, [{ op: 'replace', path: '/a/b', value: 'on' }]), 'a:\n  b: "on"\n');
  });
  it('a file without a final newline', () => {
    assert.equal(patched('a:\n  b: 1 # c', [{ op: 'add', path: '/a/c', value: 2 }]), 'a:\n  b: 1 # c\n  c: 2');
  });
  it('keeps CRLF line endings', () => {
    const text = 'a:\r\n  b: 1\r\nc: 2\r\n';
    assert.equal(patched(text, [{ op: 'add', path: '/a/x', value: { w: [1] } }]), 'a:\r\n  b: 1\r\n  x:\r\n    w:\r\n      - 1\r\nc: 2\r\n');
  });
  it('keeps the document start marker and comments before it', () => {
    const text = '# head\n---\na: 1\n';
    assert.equal(patched(text, [{ op: 'add', path: '/b', value: 2 }]), '# head\n---\na: 1\nb: 2\n');
  });
});

describe('flow collections and JSON', () => {
  it('adds to a flow mapping, empty or not', () => {
    assert.equal(patched('sc: {a: 1}\n', [{ op: 'add', path: '/sc/b', value: false }]), 'sc: {a: 1, b: false}\n');
    assert.equal(patched('sc: {}\n', [{ op: 'add', path: '/sc/b', value: { c: ['x'] } }]), 'sc: {b: {c: [x]}}\n');
    assert.equal(patched('drop: []\n', [{ op: 'add', path: '/drop/-', value: 'ALL' }]), 'drop: [ALL]\n');
    assert.equal(patched('l: [a, b]\n', [{ op: 'add', path: '/l/0', value: 'z' }]), 'l: [z, a, b]\n');
  });
  it('replaces a flow collection in flow style', () => {
    assert.equal(patched('p: {type: Unconfined, localhostProfile: x}\n', [{ op: 'replace', path: '/p', value: { type: 'RuntimeDefault' } }]), 'p: {type: RuntimeDefault}\n');
  });
  it('writes JSON into a JSON document', () => {
    const text = '{"apiVersion": "v1", "spec": {"containers": [{"name": "a"}]}}';
    assert.equal(
      patched(text, [{ op: 'add', path: '/spec/containers/0/securityContext', value: { runAsNonRoot: true, drop: ['ALL'] } }]),
      '{"apiVersion": "v1", "spec": {"containers": [{"name": "a", "securityContext": {"runAsNonRoot": true, "drop": ["ALL"]}}]}}',
    );
  });
  it('keeps pretty-printed JSON one member per line', () => {
    const text = '{\n  "spec": {\n    "hostNetwork": true,\n    "containers": []\n  }\n}\n';
    const out = patched(text, [
      { op: 'replace', path: '/spec/hostNetwork', value: false },
      { op: 'add', path: '/spec/automountServiceAccountToken', value: false },
    ]);
    assert.equal(out, '{\n  "spec": {\n    "hostNetwork": false,\n    "containers": [],\n    "automountServiceAccountToken": false\n  }\n}\n');
    assert.deepEqual(JSON.parse(out), { spec: { hostNetwork: false, containers: [], automountServiceAccountToken: false } });
  });
});

describe('remove, move, copy', () => {
  it('removes members and items, in block and flow style', () => {
    const text = 'a:\n  b: 1 # gone\n  c: 2\nd: [1, 2, 3]\ne:\n- x\n- y\n';
    assert.equal(patched(text, [{ op: 'remove', path: '/a/b' }]), 'a:\n  c: 2\nd: [1, 2, 3]\ne:\n- x\n- y\n');
    assert.equal(patched(text, [{ op: 'remove', path: '/d/1' }]), 'a:\n  b: 1 # gone\n  c: 2\nd: [1, 3]\ne:\n- x\n- y\n');
    assert.equal(patched(text, [{ op: 'remove', path: '/d/2' }]), 'a:\n  b: 1 # gone\n  c: 2\nd: [1, 2]\ne:\n- x\n- y\n');
    assert.equal(patched(text, [{ op: 'remove', path: '/e/0' }]), 'a:\n  b: 1 # gone\n  c: 2\nd: [1, 2, 3]\ne:\n- y\n');
  });
  it('removing the last member leaves an empty collection, not null', () => {
    assert.equal(patched('a:\n  b: 1\nc: 2\n', [{ op: 'remove', path: '/a/b' }]), 'a: {}\nc: 2\n');
    assert.equal(patched('a:\n  - 1\nc: 2\n', [{ op: 'remove', path: '/a/0' }]), 'a: []\nc: 2\n');
    assert.equal(patched('# c\na: 1\n', [{ op: 'remove', path: '/a' }]), '# c\n{}\n');
  });
  it('removes the first member of a list item', () => {
    assert.equal(patched('l:\n- name: a\n  image: b\n', [{ op: 'remove', path: '/l/0/name' }]), 'l:\n- image: b\n');
  });
  it('renames a member in place (move within one mapping), keeping its comment and position', () => {
    const text = 'spec:\n  serviceAccount: web # legacy\n  containers: []\n';
    assert.equal(patched(text, [{ op: 'move', from: '/spec/serviceAccount', path: '/spec/serviceAccountName' }]), 'spec:\n  serviceAccountName: web # legacy\n  containers: []\n');
  });
  it('moves and copies across mappings as remove + add', () => {
    const text = 'a:\n  x: 1\n  w: 2\nb:\n  z: 3\n';
    assert.equal(patched(text, [{ op: 'move', from: '/a/x', path: '/b/x' }]), 'a:\n  w: 2\nb:\n  z: 3\n  x: 1\n');
    assert.equal(patched(text, [{ op: 'copy', from: '/a', path: '/b/a' }]), 'a:\n  x: 1\n  w: 2\nb:\n  z: 3\n  a:\n    x: 1\n    w: 2\n');
  });
  it('reads keys as Kubernetes does (YAML 1.1): `y` is the boolean true', () => {
    assert.equal(patched('a:\n  y: 2\n', [{ op: 'copy', from: '/a', path: '/b' }]), 'a:\n  y: 2\nb:\n  "true": 2\n');
  });
});

describe('refusals: never a wrong edit', () => {
  it('a patch that does not apply', () => {
    refused('a: 1\n', [{ op: 'add', path: '/b/c', value: 1 }], /patch does not apply/);
    refused('a: 1\n', [{ op: 'test', path: '/a', value: 2 }], /patch does not apply/);
  });
  it('YAML syntax errors', () => refused('a: [1\n', [{ op: 'add', path: '/b', value: 1 }], /YAML error/));
  it('an anchored node that an alias reuses, and a path through an alias', () => {
    refused('a: &x {b: 1}\nc: *x\n', [{ op: 'add', path: '/a/d', value: 1 }], /anchor &x/);
    refused('a: &x\n  b: 1\nc: *x\n', [{ op: 'add', path: '/c/d', value: 1 }], /alias \(\*x\)/);
  });
  it('an anchor nobody reuses is just a node', () => {
    assert.equal(patched('a: &x\n  b: 1\n', [{ op: 'add', path: '/a/c', value: 2 }]), 'a: &x\n  b: 1\n  c: 2\n');
  });
  it('merge keys: a new member next to << is fine, a merged one cannot be removed', () => {
    const text = 'base: &b\n  x: 1\no:\n  <<: *b\n  y: 2\n';
    assert.equal(patched(text, [{ op: 'add', path: '/o/z', value: 3 }]), text + '  z: 3\n');
    refused(text, [{ op: 'remove', path: '/o/x' }], /merge key/);
  });
  it('a tag that would change the new value is caught by the read-back check', () => {
    refused('a: !!str true\n', [{ op: 'replace', path: '/a', value: false }], /read back/);
  });
  it('a list that does not start its own line', () => {
    const res = patchYamlDocument('a:\n- - x\n', [{ op: 'add', path: '/a/0/-', value: 'y' }]);
    if (res.ok) assert.deepEqual(parse(res.value), { a: [['x', 'y']] });
  });
});

describe('splitDocuments', () => {
  it('cuts a multi-document file into slices that join back to the file', () => {
    const text = '# one\na: 1\n---\n# two\nb: 2\n# between\n---\nc: 3\n...\n';
    const res = splitDocuments(text);
    assert.ok(res.ok);
    const slices = res.value.map((d) => text.slice(d.start, d.end));
    assert.equal(slices.join(''), text);
    assert.equal(slices.length, 3);
    assert.deepEqual(slices.map((s) => parse(s)), [{ a: 1 }, { b: 2 }, { c: 3 }]);
  });
});

describe('properties', () => {
  // Kubernetes-like values: mappings with identifier keys, lists, scalars.
  const key = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,8}$/);
  const scalar = fc.oneof(fc.boolean(), fc.integer({ min: -1000, max: 1000 }), fc.stringMatching(/^[A-Za-z0-9 ._/-]{0,12}$/), fc.constant(null));
  const value = fc.letrec((tie) => ({
    v: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(key, tie('v'), { maxKeys: 4 })),
  })).v;
  const doc = fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 });

  /** Every mapping and list of the value, with its pointer. */
  function containersOf(v: unknown, ptr = ''): { ptr: string; v: unknown }[] {
    const out: { ptr: string; v: unknown }[] = [];
    if (Array.isArray(v)) {
      out.push({ ptr, v });
      v.forEach((x, i) => out.push(...containersOf(x, `${ptr}/${i}`)));
    } else if (typeof v === 'object' && v !== null) {
      out.push({ ptr, v });
      for (const [k, x] of Object.entries(v)) out.push(...containersOf(x, `${ptr}/${k}`));
    }
    return out;
  }

  const STYLES = ['block', 'block-indented', 'flow', 'json', 'pretty-json', 'commented'] as const;
  /** The same value written the ways people write YAML, comments and blank lines included. */
  function render(d: unknown, style: (typeof STYLES)[number]): string {
    switch (style) {
      case 'block':
        return stringify(d, { version: '1.1', indentSeq: false });
      case 'block-indented':
        return stringify(d, { version: '1.1', indentSeq: true, indent: 4 });
      case 'flow':
        return stringify(d, { version: '1.1', collectionStyle: 'flow' });
      case 'json':
        return JSON.stringify(d) + '\n';
      case 'pretty-json':
        return JSON.stringify(d, null, 2) + '\n';
      case 'commented':
        return (
          '# head\n' +
          stringify(d, { version: '1.1', indentSeq: true })
            .split('\n')
            .map((l, i) => (l === '' ? l : i % 3 === 0 ? `${l}  # c${i}` : i % 3 === 1 ? `${l}\n` : l))
            .join('\n')
        );
    }
  }

  it('any add/replace/remove on any block or flow rendering reads back as the JSON Patch result', () => {
    fc.assert(
      fc.property(doc, fc.constantFrom(...STYLES), fc.nat(), fc.nat(), value, fc.constantFrom('add', 'replace', 'remove'), (d, style, pick, pick2, newValue, op) => {
        const text = render(d, style);
        const targets = containersOf(parse(text, { version: '1.1' }));
        const t = targets[pick % targets.length]!;
        const keys = Array.isArray(t.v) ? t.v.map((_, i) => String(i)) : Object.keys(t.v as object);
        let patch: JsonPatchOperation[];
        if (op === 'add') patch = [{ op: 'add', path: `${t.ptr}/${Array.isArray(t.v) ? '-' : 'zzNew'}`, value: newValue }];
        else {
          if (keys.length === 0) return;
          const k = keys[pick2 % keys.length]!;
          patch = op === 'replace' ? [{ op: 'replace', path: `${t.ptr}/${k}`, value: newValue }] : [{ op: 'remove', path: `${t.ptr}/${k}` }];
        }
        const res = patchYamlDocument(text, patch);
        // patchYamlDocument verifies the read-back itself; here every such simple edit must also succeed.
        assert.ok(res.ok, `${res.ok ? '' : res.error}\n--- text\n${text}--- patch ${JSON.stringify(patch)}`);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 400) },
    );
  });
});

describe('batched edits', () => {
  const key = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/);
  const leaf = fc.oneof(fc.boolean(), fc.integer({ min: 0, max: 99 }), fc.stringMatching(/^[a-z]{1,6}$/));
  const small = fc.oneof(leaf, fc.dictionary(key, leaf, { minKeys: 1, maxKeys: 2 }), fc.array(leaf, { minLength: 1, maxLength: 2 }));
  // A List of pods, like the documents `palisade fix` meets, with several fixes per item.
  const pods = fc.array(fc.record({ name: key, sc: fc.option(fc.dictionary(key, leaf, { maxKeys: 2 }), { nil: undefined }), drop: fc.option(fc.array(key, { maxLength: 2 }), { nil: undefined }) }), { minLength: 1, maxLength: 6 });

  it('give the same text as one parse per operation, for many operations on one document', () => {
    fc.assert(
      fc.property(pods, fc.array(fc.tuple(fc.nat(), fc.constantFrom('sc', 'drop', 'top', 'replace', 'remove'), key, small), { minLength: 1, maxLength: 12 }), fc.boolean(), (items, ops, indentSeq) => {
        const value = {
          apiVersion: 'v1',
          kind: 'List',
          items: items.map((p) => ({ kind: 'Pod', metadata: { name: p.name }, spec: { containers: [{ name: 'c', ...(p.sc ? { securityContext: p.sc } : {}), ...(p.drop ? { drop: p.drop } : {}) }] } })),
        };
        const text = '# pods\n' + stringify(value, { version: '1.1', indentSeq });
        const patch: JsonPatchOperation[] = [];
        for (const [n, kind, k, v] of ops) {
          const i = n % items.length;
          const c = `/items/${i}/spec/containers/0`;
          if (kind === 'sc') patch.push(items[i]!.sc ? { op: 'add', path: `${c}/securityContext/${k}`, value: v } : { op: 'add', path: `${c}/securityContext`, value: { [k]: v } });
          else if (kind === 'drop') patch.push(items[i]!.drop ? { op: 'add', path: `${c}/drop/-`, value: k } : { op: 'add', path: `${c}/drop`, value: [k] });
          else if (kind === 'top') patch.push({ op: 'add', path: `/items/${i}/spec/${k}`, value: v });
          else if (kind === 'replace') patch.push({ op: 'replace', path: `/items/${i}/metadata/name`, value: k });
          else if (items[i]!.drop?.length) patch.push({ op: 'remove', path: `${c}/drop/0` });
        }
        const seq = patchYamlDocument(text, patch, { mode: 'sequential' });
        if (!seq.ok) {
          // Operations generated independently may not apply one after the other (RFC 6902 says so too).
          assert.match(seq.error, /patch does not apply/);
          return;
        }
        const bat = patchYamlDocument(text, patch, { mode: 'batch' });
        assert.ok(bat.ok, bat.ok ? '' : bat.error);
        assert.equal(bat.value, seq.value);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });
});

describe('hostile input', () => {
  it('a deep document is patched at depth', () => {
    let text = '';
    for (let i = 0; i < 200; i++) text += `${'  '.repeat(i)}k${i}:\n`;
    text += `${'  '.repeat(200)}leaf: 1\n`;
    const path = Array.from({ length: 200 }, (_, i) => `/k${i}`).join('') + '/leaf';
    const out = patched(text, [{ op: 'replace', path, value: 2 }]);
    assert.equal(out, text.replace('leaf: 1', 'leaf: 2'));
  });
  it('an alias bomb is refused, not expanded', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    refused(bomb.join('\n') + '\n', [{ op: 'add', path: '/z', value: 1 }], /alias|read/i);
  });
  it('a large list document gets thousands of fixes in a few parses', () => {
    const n = 2000;
    const items = Array.from({ length: n }, (_, i) => `- name: c${i}\n  image: nginx\n`).join('');
    const text = `items:\n${items}`;
    const patch: JsonPatchOperation[] = [];
    for (let i = 0; i < n; i++) {
      patch.push({ op: 'add', path: `/items/${i}/imagePullPolicy`, value: 'Always' });
      patch.push({ op: 'add', path: `/items/${i}/securityContext`, value: { privileged: false } });
    }
    const res = patchYamlDocument(text, patch, { mode: 'batch' });
    assert.ok(res.ok, res.ok ? '' : res.error);
    assert.equal(res.value, `items:\n${Array.from({ length: n }, (_, i) => `- name: c${i}\n  image: nginx\n  imagePullPolicy: Always\n  securityContext:\n    privileged: false\n`).join('')}`);
  });
});
