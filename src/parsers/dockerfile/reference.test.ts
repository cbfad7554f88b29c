// Differential test: our lexer against dockerfile-ast (a maintained Dockerfile parser used by the Docker VS Code
// extension) on every Dockerfile of the shared corpus and the check fixtures: same instructions, keywords and lines.
// Arguments are compared where dockerfile-ast does not apply escape processing (it unescapes `\x` in RUN text,
// which BuildKit passes to the shell verbatim) and the instruction has no heredoc.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { lex } from './lexer.js';
import { parseFlags, splitBlank } from './words.js';

/** Instructions whose leading `--flags` both parsers take out of the arguments. */
const FLAGGED = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK']);

const REPO = join(import.meta.dirname, '..', '..', '..');
const CORPUS = join(REPO, '..', 'shared', 'corpus', 'dockerfile');

function files(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p, keep) : keep(name) ? [p] : [];
  });
}

describe('lexer agrees with dockerfile-ast', () => {
  const inputs = [...files(CORPUS, () => true), ...files(join(REPO, 'src', 'checks', 'dockerfile'), (n) => n.endsWith('.Dockerfile'))];
  it('on every corpus Dockerfile and fixture', () => {
    assert.ok(inputs.length > 500);
    let instructions = 0;
    let argsCompared = 0;
    for (const file of inputs) {
      const text = readFileSync(file, 'utf8');
      const ref = DockerfileParser.parse(text).getInstructions();
      const mine = lex(text).instructions;
      const lineStarts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
      const lineOf = (o: number): number => {
        let lo = 0;
        let hi = lineStarts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (lineStarts[mid]! <= o) lo = mid;
          else hi = mid - 1;
        }
        return lo;
      };
      assert.equal(mine.length, ref.length, `${file}: instruction count`);
      ref.forEach((r, i) => {
        const m = mine[i]!;
        const kw = m.text.split(/[ \t]/)[0]!.toUpperCase();
        assert.equal(kw, r.getKeyword(), `${file}: keyword of instruction ${i}`);
        assert.equal(lineOf(m.start), r.getRange().start.line, `${file}: start line of ${kw}`);
        if (m.heredocs.length === 0) assert.equal(lineOf(m.end), r.getRange().end.line, `${file}: end line of ${kw} at line ${lineOf(m.start) + 1}`);
        const refArgs = r.getArguments().map((a) => a.getValue());
        const from = FLAGGED.has(kw) ? parseFlags(m.text, kw.length, '\\').rest : kw.length;
        if (m.heredocs.length === 0 && !m.text.includes('\\') && !m.text.includes('`') && (FLAGGED.has(kw) || !/^\S+\s+--/.test(m.text))) {
          assert.deepEqual(splitBlank(m.text, from).words.map((w) => w.value), refArgs, `${file}: arguments of ${kw} at line ${lineOf(m.start) + 1}`);
          argsCompared++;
        }
        instructions++;
      });
    }
    assert.ok(instructions > 7000 && argsCompared > 4000, `${instructions} instructions, ${argsCompared} argument lists compared`);
  });
});
