import { celMethod, CelScalar, listType, type CelFunc } from '@bufbuild/cel';
import { RE2JS } from '@bufbuild/re2';

/*
 * Regular expressions, all with RE2 syntax and semantics and in linear time — as in Kubernetes, where a policy author's
 * pattern meets data from whoever writes the manifests. A backtracking engine (JavaScript's RegExp) would let
 * `(a+)+$` over thirty characters of a pull request's YAML stall a CI job for minutes.
 *
 * `matches` is CEL's, on the RE2 port @bufbuild/cel ships (@bufbuild/re2); it is overridden only to cache compiled
 * patterns, since a policy applies the same literal pattern to thousands of values. Kubernetes' `find` / `findAll`
 * (library/regex.go) need the position of each match, which that port does not report: it answers yes or no. So they run
 * a Pike VM (Go's regexp/exec.go, leftmost-first, one pass over the input) over the program the port compiled — written
 * here because no maintained pure-JavaScript package offers RE2 with match positions. The port's program layout is read
 * through its public object shape and checked once at load (`VM_READY`); should a future version change it, find and
 * findAll report an error instead of guessing.
 */

const { BOOL, INT, STRING } = CelScalar;

const MAX_CACHED = 512;
const cache = new Map<string, RE2JS>();

/** Compiles an RE2 pattern (cached), throwing an Error with RE2's message when it is invalid. */
export function compileRe2(pattern: string): RE2JS {
  const hit = cache.get(pattern);
  if (hit) return hit;
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern);
  } catch (e) {
    throw new Error(`invalid regular expression ${JSON.stringify(pattern)}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(pattern, re);
  return re;
}

interface Inst {
  op: number;
  out: number;
  arg: number;
  matchRune(r: number): boolean;
}
interface Prog {
  inst: Inst[];
  start: number;
}
interface Ops {
  ALT: number;
  ALT_MATCH: number;
  CAPTURE: number;
  EMPTY_WIDTH: number;
  FAIL: number;
  MATCH: number;
  NOP: number;
  RUNE: number;
  RUNE1: number;
  RUNE_ANY: number;
  RUNE_ANY_NOT_NL: number;
}

function progOf(re: RE2JS): Prog {
  return (re.re2() as unknown as { prog: Prog }).prog;
}

/** The instruction opcodes, read from the instruction class; undefined when the port's layout is not the expected one. */
const OPS: Ops | undefined = (() => {
  try {
    const prog = progOf(RE2JS.compile('a|b'));
    const cls = prog.inst[prog.start]?.constructor as unknown as Partial<Ops> | undefined;
    const names: (keyof Ops)[] = ['ALT', 'ALT_MATCH', 'CAPTURE', 'EMPTY_WIDTH', 'FAIL', 'MATCH', 'NOP', 'RUNE', 'RUNE1', 'RUNE_ANY', 'RUNE_ANY_NOT_NL'];
    if (!cls || !Array.isArray(prog.inst) || !names.every((n) => typeof cls[n] === 'number')) return undefined;
    if (typeof prog.inst[prog.start]!.matchRune !== 'function' && prog.inst.every((i) => typeof i.matchRune !== 'function')) return undefined;
    return cls as Ops;
  } catch {
    return undefined;
  }
})();

// Zero-width assertion flags (RE2's EMPTY_* bits).
const BEGIN_LINE = 0x01;
const END_LINE = 0x02;
const BEGIN_TEXT = 0x04;
const END_TEXT = 0x08;
const WORD_BOUNDARY = 0x10;
const NO_WORD_BOUNDARY = 0x20;

const isWord = (r: number): boolean => (r >= 0x30 && r <= 0x39) || (r >= 0x41 && r <= 0x5a) || (r >= 0x61 && r <= 0x7a) || r === 0x5f;

function context(before: number, after: number): number {
  let flags = 0;
  if (before < 0) flags |= BEGIN_TEXT | BEGIN_LINE;
  if (before === 0x0a) flags |= BEGIN_LINE;
  if (after < 0) flags |= END_TEXT | END_LINE;
  if (after === 0x0a) flags |= END_LINE;
  flags |= isWord(before) !== isWord(after) ? WORD_BOUNDARY : NO_WORD_BOUNDARY;
  return flags;
}

/** Code point at UTF-16 index `i` and its width in code units; [-1, 0] at the end. */
function runeAt(s: string, i: number): [number, number] {
  if (i >= s.length) return [-1, 0];
  const c = s.codePointAt(i)!;
  return [c, c > 0xffff ? 2 : 1];
}

function runeBefore(s: string, i: number): number {
  if (i <= 0) return -1;
  const low = s.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = s.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return s.codePointAt(i - 2)!;
  }
  return low;
}

/** Leftmost-first match of `prog` in `s`, searching from `from`: [start, end] in UTF-16 indexes, or undefined. */
function pikeMatch(prog: Prog, ops: Ops, s: string, from: number): [number, number] | undefined {
  const n = prog.inst.length;
  // A queue holds threads (pc, start of their match) in priority order; its marks dedupe pcs, first come first kept.
  let run: { pc: number; start: number }[] = [];
  let next: { pc: number; start: number }[] = [];
  let runMarks = new Uint8Array(n);
  let nextMarks = new Uint8Array(n);
  let match: [number, number] | undefined;

  const add = (q: { pc: number; start: number }[], marks: Uint8Array, pc: number, start: number, cond: number): void => {
    // Depth-first walk of the ε-closure in priority order (`out` before `arg`), iterative so long chains cannot overflow.
    const stack = [pc];
    while (stack.length > 0) {
      const p = stack.pop()!;
      if (marks[p]) continue;
      marks[p] = 1;
      const inst = prog.inst[p]!;
      switch (inst.op) {
        case ops.FAIL:
          break;
        case ops.ALT:
        case ops.ALT_MATCH:
          stack.push(inst.arg, inst.out);
          break;
        case ops.EMPTY_WIDTH:
          if ((inst.arg & ~cond) === 0) stack.push(inst.out);
          break;
        case ops.NOP:
        case ops.CAPTURE:
          stack.push(inst.out);
          break;
        default:
          // MATCH and the rune instructions wait in the queue for the next character.
          q.push({ pc: p, start });
      }
    }
  };

  let i = from;
  let [r, width] = runeAt(s, i);
  let before = runeBefore(s, i);
  for (;;) {
    if (run.length === 0 && match) break;
    // A new thread starting here, at lower priority than every thread that started earlier.
    if (!match) add(run, runMarks, prog.start, i, context(before, r));
    const nextPos = i + width;
    const nextCond = context(r, runeAt(s, nextPos)[0]);
    for (const t of run) {
      const inst = prog.inst[t.pc]!;
      if (inst.op === ops.MATCH) {
        match = [t.start, i];
        // Leftmost-first: the remaining, lower-priority threads can only give less preferred matches.
        break;
      }
      const ok = inst.op === ops.RUNE_ANY ? r >= 0 : inst.op === ops.RUNE_ANY_NOT_NL ? r >= 0 && r !== 0x0a : r >= 0 && inst.matchRune(r);
      if (ok) add(next, nextMarks, inst.out, t.start, nextCond);
    }
    if (width === 0) break;
    [run, next] = [next, []];
    [runMarks, nextMarks] = [nextMarks, runMarks];
    nextMarks.fill(0);
    before = r;
    i = nextPos;
    [r, width] = runeAt(s, i);
  }
  return match;
}

/** Go's FindAllString: successive non-overlapping matches; an empty match right after a match is skipped. */
export function findAll(s: string, pattern: string, limit: bigint): string[] {
  const re = compileRe2(pattern);
  if (!OPS) throw new Error('find/findAll are not available with this version of @bufbuild/re2');
  const out: string[] = [];
  if (limit === 0n || !re.test(s)) return out;
  const prog = progOf(re);
  let pos = 0;
  let prevEnd = -1;
  while (pos <= s.length && (limit < 0n || BigInt(out.length) < limit)) {
    const m = pikeMatch(prog, OPS, s, pos);
    if (!m) break;
    let accept = true;
    if (m[1] === pos) {
      if (m[0] === prevEnd) accept = false;
      pos += pos < s.length ? runeAt(s, pos)[1] : 1;
    } else pos = m[1];
    prevEnd = m[1];
    if (accept) out.push(s.slice(m[0], m[1]));
  }
  return out;
}

export const regexFuncs: CelFunc[] = [
  // Same overload id as the standard `matches`: replaces it with a caching one.
  celMethod('matches', STRING, [STRING], BOOL, function (pattern) {
    return compileRe2(pattern).test(this);
  }),
  celMethod('find', STRING, [STRING], STRING, function (pattern) {
    return findAll(this, pattern, 1n)[0] ?? '';
  }),
  celMethod('findAll', STRING, [STRING], listType(STRING), function (pattern) {
    return findAll(this, pattern, -1n);
  }),
  celMethod('findAll', STRING, [STRING, INT], listType(STRING), function (pattern, limit) {
    return findAll(this, pattern, limit);
  }),
];

/** Functions whose argument at that position is a regular expression: constant patterns are checked at compile time. */
export const REGEX_ARGUMENTS: Record<string, number> = { matches: 0, find: 0, findAll: 0 };
