import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Attribute, Block, Body, Expr } from './ast.js';
import { parseTerraformText } from './index.js';
import { LineMap } from './lines.js';
import { evaluateConstant } from './module.js';
import { MAX_CHAIN, MAX_NESTING, parseHcl, parseHclExpression, parseHclTemplate } from './parser.js';

function attr(body: Body, name: string): Attribute {
  const a = body.items.find((i): i is Attribute => i.kind === 'attribute' && i.name === name);
  assert.ok(a, `attribute ${name}`);
  return a;
}

function block(body: Body, type: string, n = 0): Block {
  const b = body.items.filter((i): i is Block => i.kind === 'block' && i.type === type)[n];
  assert.ok(b, `block ${type}`);
  return b;
}

/** The value of `text` as one expression (no variables). */
function value(text: string): unknown {
  const p = parseHclExpression(text);
  assert.deepEqual(p.issues, [], `${text}: ${p.issues.map((i) => i.message).join('; ')}`);
  return evaluateConstant(p.expr!);
}

function pos(text: string, offset: number): string {
  const l = new LineMap(text, 'f.tf');
  return `${l.line(offset)}:${l.column(offset)}`;
}

describe('HCL parser: structure and positions', () => {
  it('reads blocks with labels, attributes and nested blocks with exact ranges', () => {
    const text = 'resource "aws_s3_bucket" "logs" {\n  bucket = "x"\n  versioning {\n    enabled = true\n  }\n}\n';
    const p = parseHcl(text);
    assert.deepEqual(p.issues, []);
    const r = block(p.body, 'resource');
    assert.deepEqual(
      r.labels.map((l) => l.value),
      ['aws_s3_bucket', 'logs'],
    );
    assert.equal(pos(text, r.r.start), '1:1');
    assert.equal(pos(text, r.r.end), '6:2');
    assert.equal(text.slice(r.r.start, r.headerEnd), 'resource "aws_s3_bucket" "logs" {');
    const b = attr(r.body, 'bucket');
    assert.equal(pos(text, b.r.start), '2:3');
    assert.equal(text.slice(b.r.start, b.r.end), 'bucket = "x"');
    const v = block(r.body, 'versioning');
    assert.equal(text.slice(v.r.start, v.r.end), 'versioning {\n    enabled = true\n  }');
  });

  it('reads one-line blocks and identifier labels', () => {
    const p = parseHcl('variable foo { default = 1 }\nempty "a" {}\n');
    assert.deepEqual(p.issues, []);
    assert.equal(block(p.body, 'variable').labels[0]!.value, 'foo');
    assert.equal(evaluateConstant(attr(block(p.body, 'variable').body, 'default').expr), 1);
    assert.equal(block(p.body, 'empty').body.items.length, 0);
  });

  it('skips all three comment styles and keeps them for suppressions', () => {
    const p = parseHcl('# one\n// two\n/* three\n still */ a = 1 # four\n');
    assert.deepEqual(p.issues, []);
    assert.deepEqual(
      p.comments.map((c) => c.text),
      ['# one', '// two', '/* three\n still */', '# four'],
    );
    assert.equal(evaluateConstant(attr(p.body, 'a').expr), 1);
  });

  it('reports a duplicate attribute', () => {
    const p = parseHcl('a = 1\na = 2\n');
    assert.equal(p.issues.length, 1);
    assert.match(p.issues[0]!.message, /defined more than once/);
  });

  it('accepts CRLF line endings and a byte order mark', () => {
    const p = parseHcl('\ufeffa = 1\r\nb {\r\n  c = "x"\r\n}\r\n');
    assert.deepEqual(p.issues, []);
    assert.equal(evaluateConstant(attr(block(p.body, 'b').body, 'c').expr), 'x');
  });
});

describe('HCL expressions', () => {
  it('numbers, strings, escapes, bools, null', () => {
    assert.equal(value('42'), 42);
    assert.equal(value('1.5e3'), 1500);
    assert.equal(value('-3'), -3);
    assert.equal(value('"a\\n\\t\\"b\\\\"'), 'a\n\t"b\\');
    assert.equal(value('"\\u00e9\\U0001F600"'), 'é😀');
    assert.equal(value('"$${x} %%{y}"'), '${x} %{y}');
    assert.equal(value('true'), true);
    assert.equal(value('null'), null);
  });

  it('operators with HCL precedence', () => {
    assert.equal(value('1 + 2 * 3'), 7);
    assert.equal(value('(1 + 2) * 3'), 9);
    assert.equal(value('10 - 4 - 3'), 3);
    assert.equal(value('7 % 4 + 1'), 4);
    assert.equal(value('1 < 2 && 2 >= 2'), true);
    assert.equal(value('!true || false'), false);
    assert.equal(value('1 == 1 && "a" != "b"'), true);
    assert.equal(value('false || true && false'), false);
    assert.equal(value('true ? 1 : 2'), 1);
    assert.equal(value('false ? 1 : true ? 2 : 3'), 2);
    assert.equal(value('-(2 + 3)'), -5);
  });

  it('tuples and objects with = and :, commas or newlines, trailing commas', () => {
    assert.deepEqual(value('[1, "a", [true],]'), [1, 'a', [true]]);
    assert.deepEqual(value('{ a = 1, "b" : 2 }'), { a: 1, b: 2 });
    assert.deepEqual(value('{\n  a = 1\n  b = { c = [\n 1,\n 2\n ] }\n}'), { a: 1, b: { c: [1, 2] } });
    assert.deepEqual(value('[\n  { a = 1, b = 2 },\n  {\n    c = 3\n  },\n]'), [{ a: 1, b: 2 }, { c: 3 }]);
    assert.deepEqual(value('{ (true ? "k" : "j") = 1 }'), { k: 1 });
  });

  it('index, legacy index, attribute access and splats', () => {
    assert.equal(value('[10, 20][1]'), 20);
    assert.equal(value('{ a = [1, 2] }.a.1'), 2);
    assert.equal(value('{ a = { b = "x" } }["a"].b'), 'x');
    assert.deepEqual(value('[{ a = 1 }, { a = 2 }][*].a'), [1, 2]);
    assert.deepEqual(value('[{ a = 1 }, { a = 2 }].*.a'), [1, 2]);
    assert.deepEqual(value('[{ a = [5] }, { a = [6] }][*].a[0]'), [5, 6]);
    assert.deepEqual(value('null[*].a'), []);
  });

  it('function calls with expansion', () => {
    assert.equal(value('max(1, 5, 3)'), 5);
    assert.equal(value('max([1, 5, 3]...)'), 5);
    assert.equal(value('join("-", ["a", "b"])'), 'a-b');
    assert.equal(value('upper(\n  "a",\n)'), 'A');
  });

  it('for expressions over lists and maps, with conditions and grouping', () => {
    assert.deepEqual(value('[for x in [1, 2, 3] : x * 2 if x != 2]'), [2, 6]);
    assert.deepEqual(value('[for i, x in ["a", "b"] : "${i}${x}"]'), ['0a', '1b']);
    assert.deepEqual(value('{for k, v in { b = 2, a = 1 } : v => k}'), { 1: 'a', 2: 'b' });
    assert.deepEqual(value('{for x in ["a", "b", "a"] : x => x...}'), { a: ['a', 'a'], b: ['b'] });
    assert.deepEqual(value('[\n  for x in [1]\n  : x\n]'), [1]);
  });

  it('templates: interpolation, directives, strip markers', () => {
    assert.equal(value('"a${1 + 1}b"'), 'a2b');
    assert.deepEqual(value('"${[1]}"'), [1], 'a lone interpolation keeps its type');
    assert.equal(value('"%{ if true }yes%{ else }no%{ endif }"'), 'yes');
    assert.equal(value('"%{ for x in ["a", "b"] }${x},%{ endfor }"'), 'a,b,');
    assert.equal(value('"x  ${~ "y" ~}  z"'), 'xyz');
    assert.equal(value('"%{ for k, v in { a = 1 } }${k}=${v}%{ endfor }"'), 'a=1');
    assert.equal(value('"${ {a = "b"}["a"] }"'), 'b');
  });

  it('heredocs, plain and indented', () => {
    const p = parseHcl('a = <<EOT\n  x ${1}\n  y\nEOT\nb = <<-EOT\n    one\n      two\n    EOT\nc = 1\n');
    assert.deepEqual(p.issues, []);
    assert.equal(evaluateConstant(attr(p.body, 'a').expr), '  x 1\n  y\n');
    assert.equal(evaluateConstant(attr(p.body, 'b').expr), 'one\n  two\n');
    assert.equal(evaluateConstant(attr(p.body, 'c').expr), 1);
  });

  it('heredoc with a template directive and an interpolation at a line start', () => {
    const p = parseHcl('a = <<-EOT\n  %{ for x in ["p", "q"] ~}\n  ${x}\n  %{ endfor ~}\n  EOT\n');
    assert.deepEqual(p.issues, []);
    assert.equal(evaluateConstant(attr(p.body, 'a').expr), 'p\nq\n');
  });

  it('.tf.json strings are templates', () => {
    const t = parseHclTemplate('a-${"b"}-%{ if true }c%{ endif }');
    assert.deepEqual(t.issues, []);
    assert.equal(evaluateConstant(t.expr!), 'a-b-c');
  });

  it('unbalanced template directives are errors', () => {
    assert.match(parseHclExpression('"%{ if true }x"').issues[0]!.message, /no matching %\{ endif \}/);
    assert.match(parseHclExpression('"%{ endfor }"').issues[0]!.message, /without a matching/);
  });
});

describe('HCL syntax errors: located, and the rest of the file still read', () => {
  it('a broken attribute is reported at its line and the next items are kept', () => {
    const text = 'resource "a" "b" {\n  x = = 1\n  y = 2\n}\nresource "a" "c" {\n  z = 3\n}\n';
    const r = parseTerraformText(text, 'main.tf');
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0]!.code, 'hcl-syntax');
    assert.equal(r.errors[0]!.location.startLine, 2);
    assert.equal(r.errors[0]!.location.startColumn, 7);
    assert.deepEqual(
      r.objects.map((o) => [o.name, o.value]),
      [
        ['a.b', { y: 2 }],
        ['a.c', { z: 3 }],
      ],
    );
  });

  it('an unterminated string is reported on its own line', () => {
    const r = parseTerraformText('resource "a" "b" {\n  x = "abc\n  y = 2\n}\n', 'main.tf');
    assert.equal(r.errors[0]!.location.startLine, 2);
    assert.match(r.errors[0]!.message, /not closed on its line/);
    assert.deepEqual(r.objects[0]!.value, { x: 'abc', y: 2 });
  });

  it('an unterminated heredoc points at its opening marker', () => {
    const r = parseTerraformText('a = 1\nb = <<EOF\nhello\n', 'main.tf');
    const e = r.errors.find((x) => /heredoc/.test(x.message))!;
    assert.equal(e.location.startLine, 2);
    assert.equal(e.location.startColumn, 5);
  });

  it('an unclosed block is reported at its header', () => {
    const r = parseTerraformText('resource "a" "b" {\n  x = 1\n', 'main.tf');
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0]!.message, /not closed/);
    assert.equal(r.errors[0]!.location.startLine, 1);
  });

  it('an unexpected character names itself', () => {
    const r = parseTerraformText('a = 1 @ 2\n', 'main.tf');
    assert.match(r.errors.map((e) => e.message).join(' '), /'@'/);
  });

  it('a missing newline between attributes', () => {
    const r = parseTerraformText('a = 1 b = 2\nc = 3\n', 'main.tf');
    assert.equal(r.errors[0]!.location.startColumn, 7);
  });
});

describe('HCL parser: hostile input', () => {
  const quick = (text: string): ReturnType<typeof parseTerraformText> => {
    const t0 = performance.now();
    const r = parseTerraformText(text, 'main.tf');
    assert.ok(performance.now() - t0 < 10_000, 'took too long');
    return r;
  };

  it('a 10 MB line', () => {
    const r = quick('resource "a" "b" {\n  x = "' + 'x'.repeat(10_000_000) + '"\n}\n');
    assert.deepEqual(r.errors, []);
    assert.equal((r.objects[0]!.value.x as string).length, 10_000_000);
  });

  it('5,000-deep nesting of tuples, objects, parentheses, blocks, templates and unary operators', () => {
    const n = 5000;
    for (const text of [
      'a = ' + '['.repeat(n) + ']'.repeat(n),
      'a = ' + '{a='.repeat(n) + '1' + '}'.repeat(n),
      'a = ' + '('.repeat(n) + '1' + ')'.repeat(n),
      'a {\n'.repeat(n) + '}\n'.repeat(n),
      'a = ' + '"${'.repeat(n) + '1' + '}"'.repeat(n),
      'a = ' + '!'.repeat(n) + 'true',
      'a = ' + '[for x in '.repeat(n) + '[]' + ' : x]'.repeat(n),
    ]) {
      const r = quick(text + '\nresource "x" "after" {\n  ok = true\n}\n');
      assert.ok(r.errors.some((e) => e.message.includes(`nested more than ${MAX_NESTING} levels deep`)), text.slice(0, 20));
      assert.ok(r.errors[0]!.location.startLine >= 1);
    }
  });

  it('the rest of the file after deep nesting is still read', () => {
    const r = quick('locals {\n  a = ' + '['.repeat(5000) + ']'.repeat(5000) + '\n}\nresource "x" "after" {\n  ok = true\n}\n');
    assert.deepEqual(
      r.objects.map((o) => o.name),
      ['x.after'],
    );
  });

  it('long operator and attribute chains are cut, not recursed', () => {
    const a = quick('a = ' + '1 + '.repeat(200_000) + '1\n');
    assert.match(a.errors[0]!.message, new RegExp(`more than ${MAX_CHAIN} operators`));
    const b = quick('a = x' + '.b'.repeat(200_000) + '\n');
    assert.match(b.errors[0]!.message, /attribute or index steps/);
  });

  it('unterminated constructs at the end of the file', () => {
    for (const text of ['a = "abc', 'a = <<EOF\nx', 'a = "${', 'a = [1, 2', 'a = {', 'b {', '/* x', 'a = "%{ if true }']) {
      const r = quick(text);
      assert.ok(r.errors.length > 0, JSON.stringify(text));
    }
  });

  it('binary content stops after a bounded number of errors', () => {
    const r = quick('\u0000\u0001garbage\u00ff\n'.repeat(100_000));
    assert.ok(r.errors.length <= 52, String(r.errors.length));
    assert.match(r.errors[r.errors.length - 1]!.message, /too many syntax errors/);
  });

  it('random input never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '=', '"', '$', '{', '}', '[', ']', '(', ')', '\n', ' ', '<<', 'EOF', '%', '~', '#', '/', '*', '.', ',', ':', '?', '1', 'for', 'in', 'if', '-', '\\') , maxLength: 80 }), (s) => {
        const r = parseTerraformText(s, 'main.tf');
        for (const e of r.errors) assert.ok(e.location.startLine >= 1 && e.location.startColumn >= 1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('expression ranges', () => {
  it('object items are located from key to value', () => {
    const text = 'a = {\n  k = "v"\n}\n';
    const p = parseHcl(text);
    const e = attr(p.body, 'a').expr as Extract<Expr, { t: 'object' }>;
    assert.equal(text.slice(e.items[0]!.r.start, e.items[0]!.r.end), 'k = "v"');
  });
});
