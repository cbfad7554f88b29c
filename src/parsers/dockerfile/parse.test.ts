import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfileText, type DockerfileValue } from './index.js';

function parse(text: string) {
  const r = parseDockerfileText(text, 'Dockerfile');
  const obj = r.objects[0];
  return { ...r, obj, df: obj?.value as unknown as DockerfileValue };
}

describe('Dockerfile parser: model', () => {
  it('builds stages, resolves global ARG defaults in FROM and links FROM <stage>', () => {
    const { df, errors, obj } = parse('ARG NODE=20\nARG REG\nFROM --platform=$BUILDPLATFORM node:${NODE}-alpine AS Build\nFROM ${REG}/app:${NODE:-18}\nFROM build\nFROM scratch\n');
    assert.deepEqual(errors, []);
    assert.equal(obj?.kind, 'Dockerfile');
    assert.equal(obj?.target, 'dockerfile');
    assert.deepEqual(df.globalArgs, [{ key: 'NODE', value: '20' }, { key: 'REG', value: null }]);
    const [a, b, c, d] = df.stages;
    assert.deepEqual({ ...a!.from }, { line: 3, raw: 'node:${NODE}-alpine', resolved: 'node:20-alpine', image: 'node', tag: '20-alpine', digest: null, platform: '$BUILDPLATFORM', scratch: false, stageRef: null, argsUnresolved: false });
    assert.equal(a!.name, 'Build');
    assert.equal(b!.from.resolved, '${REG}/app:20');
    assert.equal(b!.from.argsUnresolved, true);
    assert.equal(c!.from.stageRef, 0);
    assert.equal(d!.from.scratch, true);
    assert.equal(df.finalStage, 3);
  });

  it('reads flags, exec and shell forms, ENV/LABEL/ARG pairs, heredocs and ONBUILD triggers', () => {
    const { df, errors } = parse(
      'FROM alpine:3.20\nCOPY --chown=app:app --from=x a b /dst/\nRUN --mount=type=cache,target=/a --mount=type=secret,id=s echo hi\nCMD ["node", "app.js"]\nENTRYPOINT echo hi\nENV A="x y" B=z\nENV LEGACY value with spaces\nLABEL "org.label"=\'v\'\nARG ONE TWO=2\nRUN <<EOF\nset -e\necho hi\nEOF\nONBUILD RUN make\nHEALTHCHECK --interval=5s CMD ["curl", "-f", "http://x"]\n',
    );
    assert.deepEqual(errors, []);
    const ins = df.stages[0]!.instructions;
    assert.deepEqual(ins[0]!.flags, { chown: 'app:app', from: 'x' });
    assert.deepEqual(ins[0]!.arguments, ['a', 'b', '/dst/']);
    assert.deepEqual(ins[1]!.flagList.map((f) => f.value), ['type=cache,target=/a', 'type=secret,id=s']);
    assert.equal(ins[1]!.text, 'echo hi');
    assert.deepEqual([ins[2]!.form, ins[2]!.arguments], ['exec', ['node', 'app.js']]);
    assert.deepEqual([ins[3]!.form, ins[3]!.arguments], ['shell', ['echo', 'hi']]);
    assert.deepEqual(ins[4]!.pairs, [{ key: 'A', value: 'x y' }, { key: 'B', value: 'z' }]);
    assert.deepEqual(ins[5]!.pairs, [{ key: 'LEGACY', value: 'value with spaces' }]);
    assert.deepEqual(ins[6]!.pairs, [{ key: 'org.label', value: 'v' }]);
    assert.deepEqual(ins[7]!.pairs, [{ key: 'ONE', value: null }, { key: 'TWO', value: '2' }]);
    assert.deepEqual(ins[8]!.heredocs, [{ name: 'EOF', body: 'set -e\necho hi\n', stripTabs: false, quoted: false }]);
    assert.equal(ins[9]!.trigger?.keyword, 'RUN');
    assert.equal(ins[9]!.trigger?.text, 'make');
    assert.deepEqual([ins[10]!.form, ins[10]!.arguments], ['exec', ['CMD', 'curl', '-f', 'http://x']]);
    assert.equal(ins[10]!.line, 15);
  });

  it('follows BuildKit line rules: continuations, comments and blank lines inside them, escape directive, CRLF', () => {
    const { df } = parse('# escape=`\r\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\r\nRUN echo a `\r\n  # a comment\r\n\r\n  b\r\nWORKDIR C:\\app\r\n');
    const ins = df.stages[0]!.instructions;
    assert.equal(df.directives.escape, '`');
    assert.equal(ins[0]!.text, 'echo a   b');
    assert.equal(ins[1]!.text, 'C:\\app');
    assert.equal(ins[1]!.line, 7);
    // A trailing `\\` continues the line too (BuildKit does not count escapes), as dockerfile-ast agrees.
    const w = parse('FROM alpine:3.20\nCOPY C:\\\\a\\\\ \\\n  /dst/\n');
    assert.equal(w.df.stages[0]!.instructions.length, 1);
  });
});

describe('Dockerfile parser: positions and fingerprints', () => {
  const text = 'ARG V=1\nFROM node:20 AS build\n# note\nRUN apt-get install \\\n      curl git\nCOPY --chown=app:app a /b/\nENV A=1 SECRET=x\n';
  it('maps data paths to the instruction, token, flag or pair', () => {
    const { obj } = parse(text);
    const at = (p: (string | number)[]) => {
      const l = obj!.source.locate(p);
      return [l.startLine, l.startColumn, l.endLine, l.endColumn];
    };
    assert.deepEqual(at([]), [1, 1, 1, 1]);
    assert.deepEqual(at(['stages', 0]), [2, 1, 2, 22]);
    assert.deepEqual(at(['stages', 0, 'from', 'image']), [2, 6, 2, 13]);
    assert.deepEqual(at(['stages', 0, 'name']), [2, 17, 2, 22]);
    assert.deepEqual(at(['stages', 0, 'instructions', 0]), [4, 1, 5, 15]);
    assert.deepEqual(at(['stages', 0, 'instructions', 0, 'arguments', 3]), [5, 12, 5, 15]);
    assert.deepEqual(at(['stages', 0, 'instructions', 1, 'flags', 'chown']), [6, 6, 6, 21]);
    assert.deepEqual(at(['stages', 0, 'instructions', 2, 'pairs', 1]), [7, 9, 7, 17]);
    assert.deepEqual(at(['globalArgs', 0]), [1, 5, 1, 8]);
    // Missing paths fall back to the nearest existing parent.
    assert.deepEqual(obj!.source.resolve(['stages', 0, 'instructions', 9, 'flags']).matched, 3);
    assert.deepEqual(obj!.source.resolve(['stages', 0, 'instructions', 1, 'flags', 'nope']).matched, 5);
  });

  it('gives fingerprint keys that do not move when a line is inserted above', () => {
    const a = parse(text).obj!;
    const b = parse(text.replace('# note\n', '# note\nRUN echo inserted\nLABEL x=y\n')).obj!;
    assert.equal(a.stableKey!(['stages', 0, 'instructions', 0]), b.stableKey!(['stages', 0, 'instructions', 2]));
    assert.equal(a.stableKey!(['stages', 0, 'instructions', 2, 'pairs', 1]), b.stableKey!(['stages', 0, 'instructions', 4, 'pairs', 1]));
    assert.notEqual(a.stableKey!(['stages', 0, 'instructions', 0]), a.stableKey!(['stages', 0, 'instructions', 1]));
    const twice = parse('FROM a:1\nRUN x\nRUN x\n').obj!;
    assert.notEqual(twice.stableKey!(['stages', 0, 'instructions', 0]), twice.stableKey!(['stages', 0, 'instructions', 1]));
  });
});

describe('Dockerfile parser: comment suppressions', () => {
  it('collects palisade, hadolint, trivy and checkov comments with the instruction they cover', () => {
    const { obj } = parse(
      '# hadolint global ignore=DL3008\n# checkov:skip=CKV_DOCKER_2:no healthcheck for jobs\nARG TOKEN=x\n# trivy:ignore:AVD-DS-0001:exp:2027-01-01\nFROM node:latest\n# palisade:ignore=PAL-DOCKER-0019,sudo-in-run vendor installer expires=2026-12-31\n# hadolint ignore=DL3004, DL3003\nRUN sudo cd /x\n\n# hadolint ignore=DL3003\n\nRUN cd /y\n',
    );
    const s = obj!.inlineSuppressions!.map((x) => ({ by: x.by, ids: x.ids, prefix: x.pathPrefix, expires: x.expires, reason: x.reason, line: x.location.startLine }));
    assert.deepEqual(s, [
      { by: 'hadolint-comment', ids: ['DL3008'], prefix: '', expires: undefined, reason: 'hadolint global ignore comment', line: 1 },
      { by: 'checkov-comment', ids: ['CKV_DOCKER_2'], prefix: '', expires: undefined, reason: 'no healthcheck for jobs', line: 2 },
      { by: 'trivy-comment', ids: ['AVD-DS-0001'], prefix: 'stages[0].from', expires: '2027-01-01', reason: 'trivy:ignore comment', line: 4 },
      { by: 'palisade-comment', ids: ['PAL-DOCKER-0019', 'sudo-in-run'], prefix: 'stages[0].instructions[0]', expires: '2026-12-31', reason: 'vendor installer', line: 6 },
      { by: 'hadolint-comment', ids: ['DL3004', 'DL3003'], prefix: 'stages[0].instructions[0]', expires: undefined, reason: 'hadolint ignore comment', line: 7 },
    ]);
  });
});

describe('Dockerfile parser: problems', () => {
  const issues = (text: string) => {
    const r = parseDockerfileText(text, 'Dockerfile');
    return { objects: r.objects.length, errors: r.errors.map((e) => `${e.location.startLine}:${e.code}`), warnings: r.warnings.map((e) => `${e.location.startLine}:${e.code}`) };
  };
  it('reports empty files, missing FROM, unknown and misplaced instructions, with lines, and keeps checking the rest', () => {
    assert.deepEqual(issues(''), { objects: 0, errors: [], warnings: ['1:dockerfile-empty'] });
    assert.deepEqual(issues('# only a comment\n\n'), { objects: 0, errors: [], warnings: ['1:dockerfile-empty'] });
    assert.deepEqual(issues('ARG A=1\n'), { objects: 1, errors: ['1:dockerfile-no-from'], warnings: [] });
    assert.deepEqual(issues('RUN x\nFROM a:1\nFROBNICATE y\nUSER app\n'), { objects: 1, errors: ['1:dockerfile-syntax', '3:dockerfile-unknown-instruction'], warnings: [] });
    const r = parse('FROM a:1\nFROBNICATE y\nUSER app\n');
    assert.deepEqual(r.df.stages[0]!.instructions.map((i) => i.keyword), ['FROBNICATE', 'USER']);
  });
  it('reports malformed instructions', () => {
    assert.deepEqual(issues('FROM\nFROM a b\nFROM a AS 1x\nCOPY a\nWORKDIR\nSHELL bash -c\nENV X\nHEALTHCHECK foo\nONBUILD FROM x\nCMD [\'a\']\n').errors, [
      '1:dockerfile-syntax',
      '2:dockerfile-syntax',
      '3:dockerfile-syntax',
      '4:dockerfile-syntax',
      '5:dockerfile-syntax',
      '6:dockerfile-syntax',
      '7:dockerfile-syntax',
      '8:dockerfile-syntax',
      '9:dockerfile-syntax',
    ]);
    assert.deepEqual(issues("FROM a:1\nCMD ['a']\n").warnings, ['2:dockerfile-json-args']);
    assert.deepEqual(issues('FROM a:1\nRUN <<EOF\necho\n').errors, ['2:dockerfile-heredoc']);
    assert.deepEqual(issues('# escape=x\nFROM a:1\n').warnings, ['1:dockerfile-directive']);
  });
});

describe('Dockerfile parser: hostile input', () => {
  const timed = (text: string) => {
    const start = performance.now();
    const r = parseDockerfileText(text, 'Dockerfile');
    return { r, ms: performance.now() - start };
  };
  // Bounds are generous for loaded CI machines; each case takes well under a second on an idle one.
  it('parses a 10 MB single line in linear time', () => {
    const { r, ms } = timed('FROM a:1\nRUN ' + 'x'.repeat(10_000_000) + '\n');
    assert.equal(r.objects.length, 1);
    assert.ok(ms < 10_000, `${ms} ms`);
  });
  it('caps the words of a 10 MB line of short words with a warning', () => {
    const { r, ms } = timed('FROM a:1\nRUN ' + 'x '.repeat(5_000_000) + '\n');
    assert.deepEqual(r.warnings.map((w) => w.code), ['dockerfile-too-many-words']);
    assert.equal((r.objects[0]!.value as unknown as DockerfileValue).stages[0]!.instructions[0]!.arguments.length, 10_000);
    assert.ok(ms < 10_000, `${ms} ms`);
  });
  it('parses 100k instructions and a 100k-line continuation', () => {
    const many = timed('FROM a:1\n' + 'RUN echo hi\n'.repeat(100_000));
    assert.equal((many.r.objects[0]!.value as unknown as DockerfileValue).stages[0]!.instructions.length, 100_000);
    assert.ok(many.ms < 10_000, `${many.ms} ms`);
    const cont = timed('FROM a:1\nRUN echo \\\n' + '  a \\\n'.repeat(100_000) + '  b\n');
    assert.equal(cont.r.errors.length, 0);
    assert.equal(cont.r.objects[0]!.source.locate(['stages', 0, 'instructions', 0, 'arguments', 5_000]).startLine, 5_002);
    assert.deepEqual(cont.r.warnings.map((w) => w.code), ['dockerfile-too-many-words']);
    assert.ok(cont.ms < 10_000, `${cont.ms} ms`);
  });
  it('rejects binary content and caps the issues of random text', () => {
    assert.deepEqual(parseDockerfileText('FROM a\u0000\u0001', 'x').errors.map((e) => e.code), ['dockerfile-binary']);
    let seed = 7;
    let garbage = '';
    for (let i = 0; i < 200_000; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const c = 1 + (seed % 255);
      garbage += String.fromCharCode(c === 0 ? 1 : c);
    }
    const { r, ms } = timed(garbage);
    assert.ok(r.errors.length + r.warnings.length <= 51, `${r.errors.length} errors`);
    assert.ok(r.errors.some((e) => e.code === 'dockerfile-too-many-issues'));
    assert.ok(ms < 10_000, `${ms} ms`);
  });
  it('survives unbalanced quotes, brackets, variables and heredoc markers', () => {
    for (const t of ['FROM a:${X\nRUN "unterminated\nCMD ["a", \nENV A="x\nLABEL =\nRUN <<\nRUN <<-"EOF\nARG =x\n', 'FROM ' + '${A:-'.repeat(10_000) + '\n', 'FROM a:1\nRUN ' + '<<A'.repeat(10_000) + '\n']) {
      const r = parseDockerfileText(t, 'x');
      assert.equal(r.objects.length, 1);
    }
  });
});
