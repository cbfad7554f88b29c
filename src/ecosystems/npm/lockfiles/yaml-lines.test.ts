import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { keyLines, readKey, splitLines, splitYamlDocuments, topLevelSection } from './yaml-lines.js';

describe('yaml-lines', () => {
  it('reads plain, single- and double-quoted keys the way YAML does', () => {
    assert.deepEqual(readKey('  /a@1.0.0(b@2.0.0):', 2), { key: '/a@1.0.0(b@2.0.0)', end: 19 });
    assert.deepEqual(readKey("  '@s/a@1.0.0': {}", 2), { key: '@s/a@1.0.0', end: 14 });
    assert.deepEqual(readKey("'it''s@1.0.0':", 0), { key: "it's@1.0.0", end: 13 });
    assert.deepEqual(readKey('"a@npm:^1, a@npm:^2":', 0), { key: 'a@npm:^1, a@npm:^2', end: 20 });
    assert.deepEqual(readKey('"a\\"b":', 0), { key: 'a"b', end: 6 });
    // a colon not followed by a space belongs to a plain key
    assert.deepEqual(readKey('a@https://x/y.tgz: {}', 0), { key: 'a@https://x/y.tgz', end: 17 });
    for (const not of ['- item', '# comment', 'no colon here', "'unclosed:", '"x" y:']) assert.equal(readKey(not, 0), undefined, not);
  });

  it('finds keys at exactly one indent inside a top-level section', () => {
    const lines = splitLines("a: 1\r\npackages:\r\n\r\n  x@1:\r\n    y@2: {}\r\n  'z@3': {}\r\n# c\r\nsnapshots:\r\n  w@4: {}\r\n");
    const section = topLevelSection(lines, 0, lines.length, 'packages');
    assert.deepEqual(section, { start: 1, end: 7 });
    assert.deepEqual([...keyLines(lines, section!.start + 1, section!.end, 2)], [
      ['x@1', { line: 4, column: 3, endColumn: 6 }],
      ['z@3', { line: 6, column: 3, endColumn: 8 }],
    ]);
  });

  it('splits a stream at --- and ... lines, dropping documents with nothing in them', () => {
    const docs = splitYamlDocuments(splitLines('# head\n---\na: 1\n...\n# between\n--- \nb: 2\n---\n# only a comment\n'));
    assert.deepEqual(docs.map((d) => [d.firstLine, d.endLine, d.text]), [
      [1, 3, '---\na: 1'],
      [5, 7, '--- \nb: 2'],
    ]);
  });
});
