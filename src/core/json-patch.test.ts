import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { JsonPatchOperation } from './config-object.js';
import { applyJsonPatch, getByPointer, jsonEqual, parsePointer } from './json-patch.js';

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) {
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
    Object.freeze(v);
  }
  return v;
}

/** Applies a patch given as JSON text (as the RFC prints it) to a frozen document. */
function run(doc: string, patch: string) {
  return applyJsonPatch(deepFreeze(JSON.parse(doc)), JSON.parse(patch) as JsonPatchOperation[]);
}

function expectValue(doc: string, patch: string, expected: string): void {
  const res = run(doc, patch);
  assert.ok(res.ok, res.ok ? '' : `patch failed: ${res.error.message}`);
  assert.deepEqual(res.value, JSON.parse(expected));
}

function expectError(doc: string, patch: string, code?: string): void {
  const res = run(doc, patch);
  assert.equal(res.ok, false, 'expected the patch to fail');
  if (code && !res.ok) assert.equal(res.error.code, code);
}

// The examples of RFC 6902 Appendix A, in order.
describe('RFC 6902 Appendix A', () => {
  it('A.1 adding an object member', () => expectValue('{"foo":"bar"}', '[{"op":"add","path":"/baz","value":"qux"}]', '{"baz":"qux","foo":"bar"}'));
  it('A.2 adding an array element', () =>
    expectValue('{"foo":["bar","baz"]}', '[{"op":"add","path":"/foo/1","value":"qux"}]', '{"foo":["bar","qux","baz"]}'));
  it('A.3 removing an object member', () => expectValue('{"baz":"qux","foo":"bar"}', '[{"op":"remove","path":"/baz"}]', '{"foo":"bar"}'));
  it('A.4 removing an array element', () => expectValue('{"foo":["bar","qux","baz"]}', '[{"op":"remove","path":"/foo/1"}]', '{"foo":["bar","baz"]}'));
  it('A.5 replacing a value', () => expectValue('{"baz":"qux","foo":"bar"}', '[{"op":"replace","path":"/baz","value":"boo"}]', '{"baz":"boo","foo":"bar"}'));
  it('A.6 moving a value', () =>
    expectValue(
      '{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}',
      '[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]',
      '{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}',
    ));
  it('A.7 moving an array element', () =>
    expectValue('{"foo":["all","grass","cows","eat"]}', '[{"op":"move","from":"/foo/1","path":"/foo/3"}]', '{"foo":["all","cows","eat","grass"]}'));
  it('A.8 testing a value: success', () =>
    expectValue('{"baz":"qux","foo":["a",2,"c"]}', '[{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}]', '{"baz":"qux","foo":["a",2,"c"]}'));
  it('A.9 testing a value: error', () => expectError('{"baz":"qux"}', '[{"op":"test","path":"/baz","value":"bar"}]', 'test-failed'));
  it('A.10 adding a nested member object', () =>
    expectValue('{"foo":"bar"}', '[{"op":"add","path":"/child","value":{"grandchild":{}}}]', '{"foo":"bar","child":{"grandchild":{}}}'));
  it('A.11 ignoring unrecognized elements', () =>
    expectValue('{"foo":"bar"}', '[{"op":"add","path":"/baz","value":"qux","xyz":123}]', '{"foo":"bar","baz":"qux"}'));
  it('A.12 adding to a nonexistent target', () => expectError('{"foo":"bar"}', '[{"op":"add","path":"/baz/bat","value":"qux"}]', 'path-not-found'));
  it('A.13 invalid JSON Patch document (duplicate "op": the parser keeps "remove", which has nothing to remove)', () =>
    expectError('{"foo":"bar"}', '[{"op":"add","path":"/baz","value":"qux","op":"remove"}]'));
  it('A.14 ~ escape ordering', () => expectValue('{"/":9,"~1":10}', '[{"op":"test","path":"/~01","value":10}]', '{"/":9,"~1":10}'));
  it('A.15 comparing strings and numbers', () => expectError('{"/":9,"~1":10}', '[{"op":"test","path":"/~01","value":"10"}]', 'test-failed'));
  it('A.16 adding an array value', () =>
    expectValue('{"foo":["bar"]}', '[{"op":"add","path":"/foo/-","value":["abc","def"]}]', '{"foo":["bar",["abc","def"]]}'));
});

describe('RFC 6902 edge cases', () => {
  it('add at the root replaces the document; replace at the root too', () => {
    expectValue('{"a":1}', '[{"op":"add","path":"","value":[1]}]', '[1]');
    expectValue('{"a":1}', '[{"op":"replace","path":"","value":{"b":2}}]', '{"b":2}');
  });
  it('add to an existing member replaces it (§4.1)', () => expectValue('{"a":1}', '[{"op":"add","path":"/a","value":2}]', '{"a":2}'));
  it('add at index = length appends; index > length fails', () => {
    expectValue('{"a":[1]}', '[{"op":"add","path":"/a/1","value":2}]', '{"a":[1,2]}');
    expectError('{"a":[1]}', '[{"op":"add","path":"/a/2","value":2}]', 'path-not-found');
  });
  it('array indexes with leading zeros or signs are not indexes (RFC 6901 §4)', () => {
    expectError('{"a":[1,2]}', '[{"op":"replace","path":"/a/01","value":0}]', 'path-not-found');
    expectError('{"a":[1,2]}', '[{"op":"remove","path":"/a/-1"}]', 'path-not-found');
    expectError('{"a":[1,2]}', '[{"op":"remove","path":"/a/-"}]', 'path-not-found');
  });
  it('remove and replace need an existing target', () => {
    expectError('{"a":1}', '[{"op":"remove","path":"/b"}]', 'path-not-found');
    expectError('{"a":1}', '[{"op":"replace","path":"/b","value":1}]', 'path-not-found');
    expectError('{"a":1}', '[{"op":"remove","path":""}]', 'invalid-pointer');
  });
  it('members named like array indexes stay members of objects', () => expectValue('{"0":"x"}', '[{"op":"replace","path":"/0","value":"y"}]', '{"0":"y"}'));
  it('the empty-string member and escaped names', () => {
    expectValue('{"":1,"a/b":2,"m~n":3}', '[{"op":"replace","path":"/","value":9},{"op":"remove","path":"/a~1b"},{"op":"replace","path":"/m~0n","value":4}]', '{"":9,"m~n":4}');
  });
  it('malformed pointers and operations are errors, not crashes', () => {
    expectError('{}', '[{"op":"add","path":"a","value":1}]', 'invalid-pointer');
    expectError('{"a":1}', '[{"op":"test","path":"/~2","value":1}]', 'invalid-pointer');
    expectError('{}', '[{"op":"add","path":"/a"}]', 'invalid-operation');
    expectError('{}', '[{"op":"frobnicate","path":"/a"}]', 'invalid-operation');
    expectError('{}', '[{"op":"move","path":"/a"}]', 'invalid-operation');
    expectError('{}', '[42]', 'invalid-operation');
    expectError('{}', '[{"path":"/a","value":1}]', 'invalid-operation');
  });
  it('move into its own child fails; move onto itself is a no-op', () => {
    expectError('{"a":{"b":1}}', '[{"op":"move","from":"/a","path":"/a/c"}]', 'move-into-self');
    expectValue('{"a":{"b":1}}', '[{"op":"move","from":"/a","path":"/a"}]', '{"a":{"b":1}}');
    expectValue('{"a":{"b":1},"ab":0}', '[{"op":"move","from":"/a","path":"/ab"}]', '{"ab":{"b":1}}');
  });
  it('copy is a deep copy: a later edit of the copy leaves the original alone', () =>
    expectValue('{"a":{"b":[1]}}', '[{"op":"copy","from":"/a","path":"/c"},{"op":"add","path":"/c/b/-","value":2}]', '{"a":{"b":[1]},"c":{"b":[1,2]}}'));
  it('test compares objects regardless of member order and arrays in order; null is a value', () => {
    expectValue('{"a":{"x":1,"y":[1,2]}}', '[{"op":"test","path":"/a","value":{"y":[1,2],"x":1}}]', '{"a":{"x":1,"y":[1,2]}}');
    expectError('{"a":[1,2]}', '[{"op":"test","path":"/a","value":[2,1]}]', 'test-failed');
    expectValue('{"a":null}', '[{"op":"test","path":"/a","value":null}]', '{"a":null}');
    expectError('{}', '[{"op":"test","path":"/a","value":null}]', 'path-not-found');
  });
  it('a failing operation makes the whole patch fail, with its index', () => {
    const res = run('{"a":1}', '[{"op":"replace","path":"/a","value":2},{"op":"remove","path":"/zzz"}]');
    assert.equal(res.ok, false);
    if (!res.ok) {
      assert.equal(res.error.index, 1);
      assert.equal(res.error.op, 'remove');
      assert.equal(res.error.path, '/zzz');
    }
  });
  it('__proto__ is an ordinary member: no prototype is ever touched', () => {
    const res = applyJsonPatch({}, [{ op: 'add', path: '/__proto__', value: { polluted: true } }, { op: 'add', path: '/__proto__/x', value: 1 }]);
    assert.ok(res.ok);
    const v = res.value as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(v), Object.prototype);
    assert.deepEqual(Object.keys(v), ['__proto__']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(JSON.parse(JSON.stringify(v)), JSON.parse('{"__proto__":{"polluted":true,"x":1}}'));
  });
  it('the patch value is copied: mutating the result does not change the patch', () => {
    const patch: JsonPatchOperation[] = [{ op: 'add', path: '/a', value: { b: 1 } }];
    const res = applyJsonPatch({}, patch);
    assert.ok(res.ok);
    ((res.value as Record<string, Record<string, unknown>>).a!).b = 2;
    assert.deepEqual(patch[0], { op: 'add', path: '/a', value: { b: 1 } });
  });
  it('unchanged subtrees are shared, changed paths are copied', () => {
    const doc = deepFreeze({ keep: { big: [1, 2, 3] }, edit: { x: 1 } });
    const res = applyJsonPatch(doc, [{ op: 'replace', path: '/edit/x', value: 2 }]);
    assert.ok(res.ok);
    const out = res.value as typeof doc;
    assert.equal(out.keep, doc.keep);
    assert.notEqual(out.edit, doc.edit);
    assert.equal(doc.edit.x, 1);
  });
  it('deep documents (5,000 levels) are handled', () => {
    let doc: unknown = 'leaf';
    for (let i = 0; i < 5000; i++) doc = { n: doc };
    const path = '/n'.repeat(5000);
    const res = applyJsonPatch(doc, [{ op: 'replace', path, value: 'new' }, { op: 'test', path, value: 'new' }]);
    assert.ok(res.ok);
    assert.deepEqual(getByPointer(res.value, path), { found: true, value: 'new' });
  });
});

describe('pointers and equality', () => {
  it('parsePointer follows RFC 6901 §3 and §4', () => {
    assert.deepEqual(parsePointer(''), []);
    assert.deepEqual(parsePointer('/'), ['']);
    assert.deepEqual(parsePointer('/a~1b/m~0n/~01'), ['a/b', 'm~n', '~1']);
    assert.equal(parsePointer('a'), undefined);
    assert.equal(parsePointer('/~'), undefined);
  });
  it('RFC 6901 §5 examples resolve', () => {
    const doc = JSON.parse('{"foo":["bar","baz"],"":0,"a/b":1,"c%d":2,"e^f":3,"g|h":4,"i\\\\j":5,"k\\"l":6," ":7,"m~n":8}');
    const cases: [string, unknown][] = [
      ['', doc],
      ['/foo', ['bar', 'baz']],
      ['/foo/0', 'bar'],
      ['/', 0],
      ['/a~1b', 1],
      ['/c%d', 2],
      ['/e^f', 3],
      ['/g|h', 4],
      ['/i\\j', 5],
      ['/k"l', 6],
      ['/ ', 7],
      ['/m~0n', 8],
    ];
    for (const [p, v] of cases) assert.deepEqual(getByPointer(doc, p), { found: true, value: v }, p);
  });
  it('jsonEqual', () => {
    assert.ok(jsonEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] }));
    assert.ok(!jsonEqual({ a: 1 }, { a: 1, b: undefined }));
    assert.ok(!jsonEqual([1], { 0: 1 }));
    assert.ok(!jsonEqual(1, '1'));
  });
});

describe('properties', () => {
  const json = fc.jsonValue({ maxDepth: 4 });
  it('never mutates its input, and add-then-remove of a new member is the identity', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json), fc.string(), json, (doc, key, value) => {
        const before = JSON.stringify(doc);
        const ptr = '/' + key.replace(/~/g, '~0').replace(/\//g, '~1');
        const added = applyJsonPatch(doc, [{ op: 'add', path: ptr, value }]);
        assert.ok(added.ok);
        assert.equal(JSON.stringify(doc), before);
        assert.deepEqual(getByPointer(added.value, ptr), { found: true, value });
        if (!Object.prototype.hasOwnProperty.call(doc, key)) {
          const removed = applyJsonPatch(added.value, [{ op: 'remove', path: ptr }]);
          assert.ok(removed.ok);
          assert.ok(jsonEqual(removed.value, doc));
        }
      }),
      { numRuns: 300 },
    );
  });
});
