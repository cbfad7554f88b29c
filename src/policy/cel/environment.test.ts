import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CelEnvironment, positionIn, type CelEvalResult } from './environment.js';
import { rewriteOptionalSyntax } from './optional-syntax.js';
import { displayCel, fromCel, toCel } from './values.js';

const env = new CelEnvironment({ variables: ['object', 'params', 'variables'], fields: { variables: ['ready'] } });

function run(expr: string, object: unknown = {}, extra: Record<string, unknown> = {}): unknown {
  const c = env.compile(expr);
  if (!c.ok) throw new Error(`compile: ${c.error.message}`);
  const r = c.program.evaluate({ object: toCel(object), params: null, variables: toCel({ ready: true }), ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, toCel(v)])) });
  if (!r.ok) throw new Error(`eval: ${r.message}`);
  return fromCel(r.value);
}

function evalResult(expr: string, object: unknown): CelEvalResult {
  const c = env.compile(expr);
  assert.ok(c.ok, c.ok ? '' : c.error.message);
  return c.program.evaluate({ object: toCel(object), params: null, variables: toCel({}) });
}

function compileError(expr: string): { message: string; line: number; column: number } {
  const c = env.compile(expr);
  assert.ok(!c.ok, `expected a compile error for ${expr}`);
  return c.error;
}

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { team: 'shop', tier: null } },
  spec: { replicas: 3, ratio: 0.5, template: { spec: { containers: [{ name: 'app', image: 'nginx:1.27' }, { name: 'side', image: 'busybox' }] } } },
};

describe('CEL environment: values from YAML', () => {
  it('treats YAML integers as CEL int, so arithmetic with int literals works', () => {
    assert.equal(run('object.spec.replicas + 1', deployment), 4);
    assert.equal(run('type(object.spec.replicas) == int', deployment), true);
    assert.equal(run('type(object.spec.ratio) == double', deployment), true);
    assert.equal(run('object.spec.replicas * 2 > 5.5', deployment), true);
  });

  it('reads nested maps and lists with macros', () => {
    assert.deepEqual(run('object.spec.template.spec.containers.map(c, c.name)', deployment), ['app', 'side']);
    assert.equal(run("object.spec.template.spec.containers.all(c, c.image.contains(':'))", deployment), false);
    assert.equal(run("object.spec.template.spec.containers.exists_one(c, c.name == 'app')", deployment), true);
    assert.deepEqual(run("object.spec.template.spec.containers.filter(c, !c.image.contains(':')).map(c, c.name)", deployment), ['side']);
    assert.equal(run("has(object.metadata.labels) && 'team' in object.metadata.labels", deployment), true);
    assert.equal(run('has(object.spec.nope)', deployment), false);
    // A key present with a null value is present (cel-go's semantics for JSON data).
    assert.equal(run("has(object.metadata.labels.tier) && 'tier' in object.metadata.labels && object.metadata.labels.tier == null", deployment), true);
  });

  it('converts shared and cyclic structures once', () => {
    const shared = { a: 1 };
    const cyclic: Record<string, unknown> = { x: shared, y: shared };
    cyclic.self = cyclic;
    assert.equal(run('object.x.a + object.y.a + object.self.self.x.a', cyclic), 3);
  });

  it('keeps integers beyond 2^53 as double and dates as ISO strings', () => {
    assert.equal(run('type(object.big) == double', { big: 2 ** 60 }), true);
    assert.equal(run('object.when', { when: new Date('2024-01-02T03:04:05Z') }), '2024-01-02T03:04:05.000Z');
  });
});

describe('CEL environment: compile-time checks', () => {
  it('reports undeclared variables with a suggestion and the position', () => {
    const e = compileError('has(object.a) && objet.spec.replicas > 1');
    assert.match(e.message, /undeclared reference to 'objet' \(did you mean 'object'\?\)/);
    assert.deepEqual([e.line, e.column], [1, 18]);
  });

  it('reports unknown functions and misused macros', () => {
    assert.match(compileError('object.spec.replicas.frobnicate()').message, /undeclared reference to function 'frobnicate'/);
    assert.match(compileError('object.items.all(x)').message, /arguments to the all macro/);
  });

  it('reports undefined composition variables', () => {
    assert.match(compileError('variables.reddy').message, /undefined field 'reddy' of variables \(defined: ready\)/);
    assert.equal(run('variables.ready'), true);
  });

  it('reports syntax errors at the offending character, on the right line', () => {
    const e = compileError("object.a == 1 &&\n  object.b ==");
    assert.equal(e.line, 2);
    assert.match(e.message, /^syntax error/);
  });

  it('checks constant regular expressions at compile time', () => {
    const e = compileError("object.name.matches('a(b')");
    assert.match(e.message, /invalid regular expression "a\(b"/);
    assert.equal(e.column, 21);
  });

  it('accepts type names, qualified functions and library namespaces', () => {
    assert.equal(run("type(1) == int && type('') == string && sets.contains([1], [1]) && optional.none() == optional.none()"), true);
    assert.equal(run("duration('1m') > duration('30s') && timestamp('2024-01-01T00:00:00Z') < timestamp('2025-01-01T00:00:00Z')"), true);
  });

  it('rejects empty, oversized and reserved-name expressions', () => {
    assert.match(compileError('   ').message, /empty/);
    assert.match(compileError('1 + '.repeat(5000) + '1').message, /characters long/);
    assert.match(compileError('object.__palisade_opt__x').message, /reserved/);
  });

  it('turns pathological nesting into a compile error, not a crash', () => {
    const deep = '('.repeat(5000) + '1' + ')'.repeat(5000);
    assert.match(new CelEnvironment({ variables: [], limits: { maxExpressionLength: 20_000 } }).compile(deep).ok ? 'compiled' : 'error', /error/);
    const wide = new CelEnvironment({ variables: ['x'], limits: { maxAstNodes: 50 } }).compile(Array.from({ length: 60 }, () => 'x').join(' + '));
    assert.ok(!wide.ok && /too large/.test(wide.error.message));
  });

  it('compiles each distinct text once', () => {
    const a = env.compile('object.x == 1');
    const b = env.compile('object.x == 1');
    assert.ok(a.ok && b.ok);
    assert.equal(a.program, b.program);
  });
});

describe('CEL environment: evaluation', () => {
  it('returns evaluation errors with the position of the failing sub-expression', () => {
    const r = evalResult('object.spec.replicas > 1 && object.metadata.annotations.owner == "x"', deployment);
    assert.ok(!r.ok);
    assert.match(r.message, /annotations/);
    // The library places a field selection at its dot.
    assert.equal(r.position?.column, 44);
  });

  it('errors on bad types instead of guessing', () => {
    const r = evalResult("object.metadata.name + 1 == 'web1'", deployment);
    assert.ok(!r.ok);
    assert.match(r.message, /no matching overload/);
  });

  it('stops runaway comprehensions with the iteration budget', () => {
    const big = { items: Array.from({ length: 2000 }, (_, i) => i) };
    const r = evalResult('object.items.all(a, object.items.all(b, object.items.all(c, a + b + c >= 0)))', big);
    assert.ok(!r.ok);
    assert.ok(r.budgetExceeded);
    // The budget is per evaluation: the next one starts afresh.
    assert.deepEqual(evalResult('object.items.all(a, a >= 0)', big), { ok: true, value: true });
  });

  it('does not let `|| true` swallow an exhausted budget', () => {
    const big = { items: Array.from({ length: 1000 }, (_, i) => i) };
    const r = evalResult('object.items.all(a, object.items.all(b, object.items.all(c, true))) || true', big);
    assert.ok(!r.ok && r.budgetExceeded);
  });

  it('builds large map/filter results flat (no stack overflow, linear time)', () => {
    const big = { items: Array.from({ length: 100_000 }, (_, i) => i) };
    const started = performance.now();
    const r = evalResult('object.items.map(x, x * 2).filter(x, x % 4 == 0).all(x, x >= 0)', big);
    assert.deepEqual(r, { ok: true, value: true });
    assert.ok(performance.now() - started < 5000);
  });

  it('guards replace() against quadratic results', () => {
    const s = 'x'.repeat(10_000);
    const r = evalResult("object.s.replace('', object.s).size() > 0", { s });
    assert.ok(!r.ok && /replace would produce/.test(r.message));
    assert.equal(run("'a-b-c'.replace('-', '+', 1)"), 'a+b-c');
  });

  it('survives deeply nested input values', () => {
    let v: unknown = 'leaf';
    for (let i = 0; i < 200; i++) v = { n: v };
    assert.equal(run('has(object.n.n.n)', v), true);
  });
});

describe('CEL environment: optional syntax (.? and [?])', () => {
  it('selects optionally, chaining through the rest of the path', () => {
    assert.equal(run('object.?spec.?replicas.orValue(1)', deployment), 3);
    assert.equal(run('object.?spec.?paused.orValue(false)', deployment), false);
    assert.equal(run('object.?metadata.?annotations.owner.orValue("nobody")', deployment), 'nobody');
    assert.equal(run("object.metadata.labels[?'team'].value()", deployment), 'shop');
    assert.equal(run("object.metadata.labels[?'tier'].hasValue()", deployment), true);
    assert.equal(run('object.spec.template.spec.containers[?5].hasValue()', deployment), false);
    assert.equal(run('object.?spec.template.spec.containers[?0].name.orValue("")', deployment), 'app');
    assert.equal(run('has(object.?spec.replicas)', deployment), true);
  });

  it('supports the optional functions and optMap', () => {
    assert.equal(run('optional.of(2).optMap(x, x * 3).value()'), 6);
    assert.equal(run('optional.none().optMap(x, x * 3).hasValue()'), false);
    assert.equal(run('optional.ofNonZeroValue("").or(optional.of("b")).value()'), 'b');
    assert.equal(run('optional.of(1) != optional.of(2) && optional.of([1]) == optional.of([1])'), true);
    assert.equal(run('type(optional.none()) == optional_type'), true);
    assert.throws(() => run('optional.none().value()'), /optional.none\(\) dereference/);
  });

  it('leaves strings, comments and ternaries alone', () => {
    assert.equal(run("'a.?b' + \"[?c]\" + r'''.?'''"), 'a.?b[?c].?');
    assert.equal(run('object.spec.replicas > 2 ? "many" : "few" // x.?y', deployment), 'many');
    assert.equal(run("[1, 2][0] == 1 ? {'k': [3]}['k'][0] : 0"), 3);
  });

  it('maps every rewritten position back to the original text', () => {
    const src = "a.?b[?'k'] + x";
    const r = rewriteOptionalSyntax(src);
    const plus = r.text.indexOf('+');
    assert.equal(src[r.toOriginal(plus)], '+');
    const e = compileError("object.?spec.?replicas.orValue(1) + nope");
    assert.equal(e.column, 37);
  });

  it('explains optional list and map literals, which are not supported', () => {
    assert.match(compileError('[?object.?a]').message, /optional list elements/);
  });
});

describe('CEL environment: helpers', () => {
  it('positions count lines and columns from 1', () => {
    assert.deepEqual(positionIn('ab\ncd', 4), { offset: 4, line: 2, column: 2 });
    assert.deepEqual(positionIn('', 3), { offset: 0, line: 1, column: 1 });
  });

  it('displays values compactly', () => {
    assert.equal(displayCel(toCel({ a: [1, 'x', 1.5, null, true] })), '{"a": [1, "x", 1.5, null, true]}');
    assert.equal(displayCel(toCel(Array.from({ length: 20 }, (_, i) => i))), '[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, … 10 more]');
  });
});
