/**
 * Recursive-descent parser for HCL native syntax with exact source ranges.
 *
 * Why our own: there is no maintained JavaScript HCL2 parser that keeps source positions. @cdktf/hcl2json is the Go
 * parser compiled to WASM and returns JSON without positions; hcl2-parser is GopherJS output, also without positions.
 * Findings must point at the line and column of the attribute, so the tree has to carry ranges.
 *
 * Errors never stop the parse: a broken attribute or block is reported with its position and the parser resumes at the
 * next line of the same body, so the rest of the file is still checked. Nesting and operator chains are bounded
 * (hostile input must not overflow the stack of the parser or of the evaluator that walks the tree).
 */
import type { Attribute, BinaryOp, Block, Body, Comment, Expr, ForExpr, ObjectItem, Range, TemplatePart } from './ast.js';
import { Lexer, type Token } from './lexer.js';

export interface SyntaxIssue {
  message: string;
  start: number;
  end: number;
}

export interface ParsedHcl {
  body: Body;
  comments: Comment[];
  issues: SyntaxIssue[];
}

/** Brackets, blocks and templates nested deeper than this are an error (real configurations stay below 20). */
export const MAX_NESTING = 128;
/** Longest chain of binary operators or of `.attr` / `[i]` steps in one expression. */
export const MAX_CHAIN = 500;
/** Syntax errors reported per file; after that the file is plainly not HCL. */
const MAX_ISSUES = 50;

class ParseError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    // Caught by the parser itself to resume: no stack trace needed.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}

const PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

function describe(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'the end of the file';
    case 'newline':
      return 'a new line';
    case 'ident':
      return `'${t.text}'`;
    case 'number':
      return `number ${t.text}`;
    case 'oquote':
    case 'string':
    case 'lit':
      return 'a string';
    case 'oheredoc':
      return 'a heredoc';
    case 'interp':
      return "'${'";
    case 'control':
      return "'%{'";
    case 'seqend':
      return "'}'";
    case 'invalid': {
      const cp = t.text.codePointAt(0) ?? 0;
      return cp < 32 || cp === 127 || cp === 0xfffd ? `character U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : `'${String.fromCodePoint(cp)}'`;
    }
    default:
      return `'${t.text}'`;
  }
}

type FlatItem =
  | { k: 'lit'; s: string; r: Range }
  | { k: 'interp'; e: Expr; stripL: boolean; stripR: boolean; r: Range }
  | { k: 'if'; cond: Expr; stripL: boolean; stripR: boolean; r: Range }
  | { k: 'else' | 'endif' | 'endfor'; stripL: boolean; stripR: boolean; r: Range }
  | { k: 'for'; keyVar: string | undefined; valVar: string; coll: Expr; stripL: boolean; stripR: boolean; r: Range };

class Parser {
  private readonly lx: Lexer;
  private buf: Token[] = [];
  private head = 0;
  /** true: newlines are skipped (inside parentheses, brackets, interpolations); false: they separate items. */
  private readonly nl: boolean[] = [false];
  private depth = 0;
  /** Openers of everything consumed and not yet closed (`{`, `[`, `(`, and `$` for templates), for resuming after an error. */
  private readonly openers: string[] = [];
  readonly issues: SyntaxIssue[] = [];
  private dropped = 0;

  constructor(text: string, templateOnly = false) {
    this.lx = new Lexer(text, templateOnly);
  }

  get comments(): Comment[] {
    return this.lx.comments;
  }

  // ---- token access ----

  private raw(k: number): Token {
    while (this.buf.length - this.head <= k) this.buf.push(this.lx.next());
    return this.buf[this.head + k]!;
  }

  private skipNl(): boolean {
    return this.nl[this.nl.length - 1]!;
  }

  /** The k-th significant token ahead (newlines skipped where they do not matter). */
  private peek(k = 0): Token {
    const skip = this.skipNl();
    let j = 0;
    for (;;) {
      const t = this.raw(j);
      if (skip && t.kind === 'newline') {
        j++;
        continue;
      }
      if (k === 0) return t;
      k--;
      j++;
    }
  }

  private next(): Token {
    const skip = this.skipNl();
    for (;;) {
      const t = this.raw(0);
      this.head++;
      if (this.head > 1024) {
        this.buf = this.buf.slice(this.head);
        this.head = 0;
      }
      this.track(t);
      if (skip && t.kind === 'newline') continue;
      return t;
    }
  }

  private track(t: Token): void {
    switch (t.kind) {
      case 'punct':
        if (t.text === '{' || t.text === '[' || t.text === '(') this.openers.push(t.text);
        else if (t.text === '}') this.close('{');
        else if (t.text === ']') this.close('[');
        else if (t.text === ')') this.close('(');
        break;
      case 'interp':
      case 'control':
      case 'oquote':
      case 'oheredoc':
        this.openers.push('$');
        break;
      case 'seqend':
      case 'cquote':
      case 'cheredoc':
        this.close('$');
        break;
      default:
    }
  }

  /** Pops up to the matching opener; a closer without one is ignored (the parser reports it). */
  private close(opener: string): void {
    const i = this.openers.lastIndexOf(opener);
    if (i !== -1) this.openers.length = i;
  }

  private isPunct(t: Token, p: string): boolean {
    return t.kind === 'punct' && t.text === p;
  }

  private expectPunct(p: string, what: string): Token {
    const t = this.peek();
    if (!this.isPunct(t, p)) throw new ParseError(`expected '${p}' ${what}, found ${describe(t)}`, t.start, t.end);
    return this.next();
  }

  private fail(message: string, t: Token): never {
    throw new ParseError(message, t.start, Math.max(t.end, t.start));
  }

  private enter(t: Token): void {
    if (++this.depth > MAX_NESTING) this.fail(`nested more than ${MAX_NESTING} levels deep`, t);
  }

  private leave(): void {
    this.depth--;
  }

  // Newline modes are pushed and popped by hand (no closures: this is the parser's hot path). A ParseError unwinds
  // past the pops; parseBody restores the stack to its length at the start of the item.
  private pushNl(skip: boolean): void {
    this.nl.push(skip);
  }

  private popNl(): void {
    this.nl.pop();
  }

  report(message: string, start: number, end: number): void {
    if (this.issues.length >= MAX_ISSUES) {
      this.dropped++;
      return;
    }
    this.issues.push({ message, start, end });
  }

  finish(): void {
    for (const i of this.lx.issues) this.report(i.message, i.start, i.end);
    this.issues.sort((a, b) => a.start - b.start);
    if (this.issues.length >= MAX_ISSUES) {
      // After this many errors the file is plainly not HCL: parsing stopped there.
      const last = this.issues[this.issues.length - 1]!;
      this.issues.push({ message: `too many syntax errors (${MAX_ISSUES}${this.dropped > 0 ? ` shown, ${this.dropped} more` : ''}); the rest of the file was not read`, start: last.start, end: last.end });
    }
  }

  /** The whole input as one expression; undefined (with an issue) when it does not parse. */
  parseStandaloneExpr(): Expr | undefined {
    try {
      this.pushNl(true);
      const e = this.parseExpr();
      const t = this.peek();
      if (t.kind !== 'eof') this.fail(`unexpected ${describe(t)} after the expression`, t);
      return e;
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      this.report(e.message, e.start, e.end);
      return undefined;
    }
  }

  /** The whole input as template text (a `.tf.json` string): literal text with `${…}` and `%{…}`. */
  parseTemplateOnly(): Expr | undefined {
    try {
      return this.parseTemplate('cheredoc', { kind: 'oheredoc', text: '', start: 0, end: 0, strip: false, flush: false });
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      this.report(e.message, e.start, e.end);
      return undefined;
    }
  }

  // ---- bodies ----

  parseFile(): Body {
    const body = this.parseBody(false, 0);
    return body;
  }

  /** Items up to `}` (inBlock) or the end of the file. Leaves the closing brace unconsumed. */
  private parseBody(inBlock: boolean, start: number): Body {
    const items: (Attribute | Block)[] = [];
    const seen = new Map<string, Attribute>();
    for (;;) {
      const t = this.raw(0);
      if (t.kind === 'newline') {
        this.next();
        continue;
      }
      if (t.kind === 'eof') break;
      if (inBlock && this.isPunct(t, '}')) break;
      if (this.issues.length >= MAX_ISSUES) break;
      const bal0 = this.openers.length;
      const depth0 = this.depth;
      const nl0 = this.nl.length;
      try {
        const item = this.parseItem();
        if (item.kind === 'attribute') {
          const prev = seen.get(item.name);
          if (prev) this.report(`attribute "${item.name}" is defined more than once in this body`, item.nameRange.start, item.nameRange.end);
          seen.set(item.name, item);
        }
        items.push(item);
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        this.report(e.message, e.start, e.end);
        this.depth = depth0;
        this.nl.length = nl0;
        this.resync(bal0, inBlock);
      }
    }
    const end = this.raw(0).start;
    return { items, r: { start, end } };
  }

  /**
   * After an error: skip to the end of the broken item — a newline with every bracket the item opened closed — or to
   * the `}` that closes the enclosing block when the item left a `[` or `(` open (`x = [1, 2` then `}`).
   */
  private resync(bal0: number, inBlock: boolean): void {
    for (;;) {
      const t = this.raw(0);
      if (t.kind === 'eof') return;
      if (this.openers.length <= bal0 && t.kind === 'newline') {
        this.head++;
        return;
      }
      if (inBlock && this.isPunct(t, '}') && this.openers.lastIndexOf('{') < bal0) {
        this.openers.length = bal0;
        return;
      }
      this.head++;
      if (this.head > 1024) {
        this.buf = this.buf.slice(this.head);
        this.head = 0;
      }
      this.track(t);
      if (this.openers.length < bal0) {
        // Closed more than was opened: the enclosing construct ended inside the broken item.
        return;
      }
    }
  }

  private parseItem(): Attribute | Block {
    const name = this.raw(0);
    if (name.kind !== 'ident') this.fail(`expected an attribute or block name, found ${describe(name)}`, name);
    this.next();
    const after = this.raw(0);
    if (this.isPunct(after, '=')) {
      this.next();
      const expr = this.parseExpr();
      const end = this.raw(0);
      if (end.kind !== 'newline' && end.kind !== 'eof' && !this.isPunct(end, '}')) {
        this.fail(`expected a new line after the value of "${name.text}", found ${describe(end)}`, end);
      }
      return { kind: 'attribute', name: name.text, nameRange: { start: name.start, end: name.end }, expr, r: { start: name.start, end: expr.r.end } };
    }
    const labels: { value: string; r: Range }[] = [];
    for (;;) {
      const t = this.raw(0);
      if (t.kind === 'ident') {
        this.next();
        labels.push({ value: t.text, r: { start: t.start, end: t.end } });
        continue;
      }
      if (t.kind === 'oquote' || t.kind === 'string') {
        const e = this.parsePrimary();
        if (e.t !== 'lit' || typeof e.v !== 'string') this.fail('a block label must be a plain quoted string, without ${…} interpolation', t);
        labels.push({ value: e.v, r: e.r });
        continue;
      }
      break;
    }
    const open = this.raw(0);
    if (!this.isPunct(open, '{')) {
      if (labels.length === 0) this.fail(`expected '=' or '{' after "${name.text}", found ${describe(open)}`, open);
      this.fail(`expected '{' to open the "${name.text}" block, found ${describe(open)}`, open);
    }
    this.enter(open);
    this.next();
    this.pushNl(false);
    const body = this.parseBody(true, open.end);
    this.popNl();
    const close = this.raw(0);
    if (!this.isPunct(close, '}')) {
      this.leave();
      throw new ParseError(`block "${name.text}" opened here is not closed with '}' before the end of the file`, name.start, open.end);
    }
    this.next();
    this.leave();
    const end = this.raw(0);
    if (end.kind !== 'newline' && end.kind !== 'eof' && !this.isPunct(end, '}')) {
      this.report(`expected a new line after the closing brace of "${name.text}", found ${describe(end)}`, end.start, end.end);
    }
    return { kind: 'block', type: name.text, typeRange: { start: name.start, end: name.end }, labels, body, r: { start: name.start, end: close.end }, headerEnd: open.end };
  }

  // ---- expressions ----

  parseExpr(): Expr {
    const cond = this.parseBinary(1);
    const q = this.peek();
    if (!this.isPunct(q, '?')) return cond;
    this.enter(q);
    this.next();
    const then = this.parseExpr();
    this.expectPunct(':', 'between the two results of a conditional');
    const other = this.parseExpr();
    this.leave();
    return { t: 'cond', cond, then, else: other, r: { start: cond.r.start, end: other.r.end } };
  }

  private parseBinary(minPrec: number): Expr {
    let left = this.parseUnary();
    let chain = 0;
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'punct') return left;
      const p = PRECEDENCE[t.text];
      if (p === undefined || p < minPrec) return left;
      this.next();
      const right = this.parseBinary(p + 1);
      if (++chain > MAX_CHAIN) this.fail(`more than ${MAX_CHAIN} operators in one expression`, t);
      left = { t: 'binop', op: t.text as BinaryOp, left, right, r: { start: left.r.start, end: right.r.end } };
    }
  }

  private parseUnary(): Expr {
    const t = this.peek();
    if (this.isPunct(t, '!') || this.isPunct(t, '-')) {
      this.enter(t);
      this.next();
      const e = this.parseUnary();
      this.leave();
      if (t.text === '-' && e.t === 'lit' && typeof e.v === 'number') return { t: 'lit', v: -e.v, r: { start: t.start, end: e.r.end } };
      return { t: 'unop', op: t.text as '!' | '-', e, r: { start: t.start, end: e.r.end } };
    }
    return this.parsePostfix();
  }

  private parsePostfix(): Expr {
    let e = this.parsePrimary();
    let chain = 0;
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'punct' || (t.text !== '.' && t.text !== '[')) return e;
      if (++chain > MAX_CHAIN) this.fail(`more than ${MAX_CHAIN} attribute or index steps in one expression`, t);
      if (t.text === '.') {
        const after = this.peek(1);
        if (this.isPunct(after, '*')) {
          this.next();
          this.next();
          e = this.parseSplat(e, false, after.end);
          continue;
        }
        this.next();
        const step = this.next();
        if (step.kind === 'ident') e = { t: 'getattr', obj: e, name: step.text, r: { start: e.r.start, end: step.end } };
        else if (step.kind === 'number' && /^\d+$/.test(step.text)) {
          // Legacy index syntax `list.0`, still accepted by Terraform.
          e = { t: 'index', obj: e, key: { t: 'lit', v: Number(step.text), r: { start: step.start, end: step.end } }, r: { start: e.r.start, end: step.end } };
        } else if (step.kind === 'number' && /^\d+\.\d+$/.test(step.text)) {
          // `a.0.1` scans as `a` `.` `0.1`: two legacy index steps.
          const [x, y] = step.text.split('.');
          const mid = step.start + x!.length;
          e = { t: 'index', obj: e, key: { t: 'lit', v: Number(x), r: { start: step.start, end: mid } }, r: { start: e.r.start, end: mid } };
          e = { t: 'index', obj: e, key: { t: 'lit', v: Number(y), r: { start: mid + 1, end: step.end } }, r: { start: e.r.start, end: step.end } };
        } else this.fail(`expected an attribute name after '.', found ${describe(step)}`, step);
        continue;
      }
      // '['
      const after = this.peek(1);
      if (this.isPunct(after, '*') && this.isPunct(this.peek(2), ']')) {
        this.next();
        this.next();
        const close = this.next();
        e = this.parseSplat(e, true, close.end);
        continue;
      }
      this.enter(t);
      this.next();
      this.pushNl(true);
      const key = this.parseExpr();
      const close = this.expectPunct(']', 'to close the index');
      this.popNl();
      this.leave();
      e = { t: 'index', obj: e, key, r: { start: e.r.start, end: close.end } };
    }
  }

  /** `src.*.a.b` (attribute-only) or `src[*].a[0].b` (full): the steps after the splat apply to each element. */
  private parseSplat(src: Expr, full: boolean, end: number): Expr {
    let each: Expr = { t: 'splatitem', r: { start: end, end } };
    let chain = 0;
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'punct') break;
      if (++chain > MAX_CHAIN) this.fail(`more than ${MAX_CHAIN} attribute or index steps in one expression`, t);
      if (t.text === '.' && this.peek(1).kind === 'ident') {
        this.next();
        const step = this.next();
        each = { t: 'getattr', obj: each, name: step.text, r: { start: each.r.start, end: step.end } };
        end = step.end;
        continue;
      }
      if (full && t.text === '[' && !(this.isPunct(this.peek(1), '*') && this.isPunct(this.peek(2), ']'))) {
        this.enter(t);
        this.next();
        this.pushNl(true);
        const key = this.parseExpr();
        const close = this.expectPunct(']', 'to close the index');
        this.popNl();
        this.leave();
        each = { t: 'index', obj: each, key, r: { start: each.r.start, end: close.end } };
        end = close.end;
        continue;
      }
      break;
    }
    return { t: 'splat', src, each, r: { start: src.r.start, end } };
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    switch (t.kind) {
      case 'number': {
        this.next();
        return { t: 'lit', v: Number(t.text), r: { start: t.start, end: t.end } };
      }
      case 'ident': {
        this.next();
        const r = { start: t.start, end: t.end };
        if (t.text === 'true') return { t: 'lit', v: true, r };
        if (t.text === 'false') return { t: 'lit', v: false, r };
        if (t.text === 'null') return { t: 'lit', v: null, r };
        let name = t.text;
        // Provider-defined functions: `provider::aws::arn_parse(…)`.
        while (this.isPunct(this.raw(0), ':') && this.isPunct(this.raw(1), ':') && this.raw(2).kind === 'ident' && this.raw(0).start === this.raw(1).start - 1) {
          this.next();
          this.next();
          name += '::' + this.next().text;
        }
        if (this.isPunct(this.raw(0), '(')) return this.parseCall(name, t);
        if (name !== t.text) this.fail(`expected '(' after the function name ${name}`, this.raw(0));
        return { t: 'var', name, r };
      }
      case 'punct':
        if (t.text === '(') {
          this.enter(t);
          this.next();
          this.pushNl(true);
          const inner = this.parseExpr();
          const close = this.expectPunct(')', 'to close the parenthesis');
          this.popNl();
          this.leave();
          return { t: 'paren', e: inner, r: { start: t.start, end: close.end } };
        }
        if (t.text === '[') return this.parseTuple(t);
        if (t.text === '{') return this.parseObject(t);
        break;
      case 'string':
        this.next();
        return { t: 'lit', v: t.text, r: { start: t.start, end: t.end } };
      case 'oquote':
        return this.parseTemplate('cquote');
      case 'oheredoc':
        return this.parseTemplate('cheredoc');
      default:
    }
    this.fail(`expected an expression, found ${describe(t)}`, t);
  }

  private parseCall(name: string, nameTok: Token): Expr {
    const open = this.raw(0);
    this.enter(open);
    this.next();
    this.pushNl(true);
    const args: Expr[] = [];
    let expand = false;
    {
      for (;;) {
        const t = this.peek();
        if (this.isPunct(t, ')')) break;
        if (expand) this.fail(`'...' may only expand the last argument of ${name}()`, t);
        args.push(this.parseExpr());
        const sep = this.peek();
        if (this.isPunct(sep, '...')) {
          this.next();
          expand = true;
          continue;
        }
        if (this.isPunct(sep, ',')) {
          this.next();
          continue;
        }
        if (!this.isPunct(sep, ')')) this.fail(`expected ',' or ')' in the arguments of ${name}(), found ${describe(sep)}`, sep);
      }
    }
    const close = this.next();
    this.popNl();
    this.leave();
    return { t: 'call', name, args, expand, r: { start: nameTok.start, end: close.end } };
  }

  private isForStart(): boolean {
    const f = this.peek(1);
    if (f.kind !== 'ident' || f.text !== 'for') return false;
    return this.peek(2).kind === 'ident';
  }

  private parseTuple(open: Token): Expr {
    this.enter(open);
    this.pushNl(true);
    let res: Expr;
    if (this.isForStart()) res = this.parseFor(open, false);
    else {
      this.next();
      const items: Expr[] = [];
      for (;;) {
        const t = this.peek();
        if (this.isPunct(t, ']')) break;
        items.push(this.parseExpr());
        const sep = this.peek();
        if (this.isPunct(sep, ',')) {
          this.next();
          continue;
        }
        if (!this.isPunct(sep, ']')) this.fail(`expected ',' or ']' in the list, found ${describe(sep)}`, sep);
      }
      const close = this.next();
      res = { t: 'tuple', items, r: { start: open.start, end: close.end } };
    }
    this.popNl();
    this.leave();
    return res;
  }

  private parseObject(open: Token): Expr {
    this.enter(open);
    let res: Expr;
    this.pushNl(true);
    const isFor = this.isForStart();
    if (isFor) {
      res = this.parseFor(open, true);
      this.popNl();
    } else {
      this.popNl();
      // The brace is consumed under the caller's newline mode (a tuple may have skipped newlines before it).
      this.next();
      this.pushNl(false);
      {
        const items: ObjectItem[] = [];
        for (;;) {
          let t = this.peek();
          while (t.kind === 'newline') {
            this.next();
            t = this.peek();
          }
          if (this.isPunct(t, '}')) break;
          let key: Expr;
          let staticKey: string | undefined;
          if (t.kind === 'ident' && (this.isPunct(this.peek(1), '=') || this.isPunct(this.peek(1), ':'))) {
            this.next();
            key = { t: 'lit', v: t.text, r: { start: t.start, end: t.end } };
            staticKey = t.text;
          } else {
            this.pushNl(true);
            key = this.parseBinary(1);
            this.popNl();
            if (key.t === 'lit' && typeof key.v === 'string') staticKey = key.v;
            else if (key.t === 'lit' && key.v !== null) staticKey = String(key.v);
          }
          const eq = this.peek();
          if (!this.isPunct(eq, '=') && !this.isPunct(eq, ':')) this.fail(`expected '=' or ':' after the object key, found ${describe(eq)}`, eq);
          this.next();
          const value = this.parseExpr();
          items.push({ key, staticKey, value, r: { start: key.r.start, end: value.r.end } });
          const sep = this.peek();
          if (this.isPunct(sep, ',') || sep.kind === 'newline') {
            this.next();
            continue;
          }
          if (!this.isPunct(sep, '}')) this.fail(`expected ',', a new line or '}' after the object item, found ${describe(sep)}`, sep);
        }
        const close = this.next();
        res = { t: 'object', items, r: { start: open.start, end: close.end } };
      }
      this.popNl();
    }
    this.leave();
    return res;
  }

  private parseFor(open: Token, isObject: boolean): ForExpr {
    this.next(); // [ or {
    this.next(); // for
    const first = this.next();
    if (first.kind !== 'ident') this.fail(`expected a variable name after 'for', found ${describe(first)}`, first);
    let keyVar: string | undefined;
    let valVar = first.text;
    if (this.isPunct(this.peek(), ',')) {
      this.next();
      const second = this.next();
      if (second.kind !== 'ident') this.fail(`expected a second variable name, found ${describe(second)}`, second);
      keyVar = first.text;
      valVar = second.text;
    }
    const inTok = this.next();
    if (inTok.kind !== 'ident' || inTok.text !== 'in') this.fail(`expected 'in' in the for expression, found ${describe(inTok)}`, inTok);
    const coll = this.parseExpr();
    this.expectPunct(':', 'after the collection of the for expression');
    let keyExpr: Expr | undefined;
    let valExpr = this.parseExpr();
    let group = false;
    if (isObject) {
      this.expectPunct('=>', 'between key and value of an object for expression');
      keyExpr = valExpr;
      valExpr = this.parseExpr();
      if (this.isPunct(this.peek(), '...')) {
        this.next();
        group = true;
      }
    }
    let cond: Expr | undefined;
    const maybeIf = this.peek();
    if (maybeIf.kind === 'ident' && maybeIf.text === 'if') {
      this.next();
      cond = this.parseExpr();
    }
    const close = this.expectPunct(isObject ? '}' : ']', 'to close the for expression');
    return { t: 'for', keyVar, valVar, coll, keyExpr, valExpr, cond, group, r: { start: open.start, end: close.end } };
  }

  // ---- templates ----

  private parseTemplate(endKind: 'cquote' | 'cheredoc', synthetic?: Token): Expr {
    const open = synthetic ?? this.next();
    this.enter(open);
    const flat: FlatItem[] = [];
    let close: Token | undefined;
    this.pushNl(false);
    {
      for (;;) {
        const t = this.raw(0);
        if (t.kind === endKind) {
          close = this.next();
          break;
        }
        if (t.kind === 'lit') {
          this.next();
          const last = flat[flat.length - 1];
          if (last && last.k === 'lit') {
            last.s += t.text;
            last.r = { start: last.r.start, end: t.end };
          } else flat.push({ k: 'lit', s: t.text, r: { start: t.start, end: t.end } });
          continue;
        }
        if (t.kind === 'interp') {
          this.next();
          this.enter(t);
          this.pushNl(true);
          const e = this.parseExpr();
          const end = this.peek();
          if (end.kind !== 'seqend') this.fail(`expected '}' to close the interpolation, found ${describe(end)}`, end);
          this.next();
          this.popNl();
          this.leave();
          flat.push({ k: 'interp', e, stripL: t.strip === true, stripR: end.strip === true, r: { start: t.start, end: end.end } });
          continue;
        }
        if (t.kind === 'control') {
          this.next();
          this.enter(t);
          this.pushNl(true);
          flat.push(this.parseDirective(t));
          this.popNl();
          this.leave();
          continue;
        }
        if (t.kind === 'eof') this.fail(endKind === 'cquote' ? 'string is not closed before the end of the file' : 'heredoc is not closed before the end of the file', open);
        this.fail(`unexpected ${describe(t)} in a template`, t);
      }
    }
    this.popNl();
    this.leave();
    const end = close!.end;
    if (open.flush) flushIndent(flat);
    applyStrip(flat);
    const parts = this.buildTemplate(flat);
    const r = { start: synthetic ? 0 : open.start, end };
    if (parts.length === 0) return { t: 'lit', v: '', r };
    if (parts.length === 1 && parts[0]!.t === 'lit') return { t: 'lit', v: parts[0]!.s, r };
    return { t: 'tmpl', parts, r };
  }

  private parseDirective(open: Token): FlatItem {
    const kw = this.next();
    if (kw.kind !== 'ident') this.fail(`expected if, else, endif, for or endfor after '%{', found ${describe(kw)}`, kw);
    let item: FlatItem;
    const stripL = open.strip === true;
    switch (kw.text) {
      case 'if': {
        const cond = this.parseExpr();
        item = { k: 'if', cond, stripL, stripR: false, r: { start: open.start, end: cond.r.end } };
        break;
      }
      case 'else':
      case 'endif':
      case 'endfor':
        item = { k: kw.text, stripL, stripR: false, r: { start: open.start, end: kw.end } };
        break;
      case 'for': {
        const a = this.next();
        if (a.kind !== 'ident') this.fail(`expected a variable name after 'for', found ${describe(a)}`, a);
        let keyVar: string | undefined;
        let valVar = a.text;
        if (this.isPunct(this.peek(), ',')) {
          this.next();
          const b = this.next();
          if (b.kind !== 'ident') this.fail(`expected a second variable name, found ${describe(b)}`, b);
          keyVar = a.text;
          valVar = b.text;
        }
        const inTok = this.next();
        if (inTok.kind !== 'ident' || inTok.text !== 'in') this.fail(`expected 'in' in the template for directive, found ${describe(inTok)}`, inTok);
        const coll = this.parseExpr();
        item = { k: 'for', keyVar, valVar, coll, stripL, stripR: false, r: { start: open.start, end: coll.r.end } };
        break;
      }
      default:
        this.fail(`unknown template directive '${kw.text}' (expected if, else, endif, for or endfor)`, kw);
    }
    const end = this.peek();
    if (end.kind !== 'seqend') this.fail(`expected '}' to close the template directive, found ${describe(end)}`, end);
    this.next();
    item.stripR = end.strip === true;
    item.r = { start: item.r.start, end: end.end };
    return item;
  }

  /** Turns the flat sequence into nested if/for parts, checking that directives are balanced. */
  private buildTemplate(flat: FlatItem[]): TemplatePart[] {
    let i = 0;
    const build = (until: ReadonlySet<string>): { parts: TemplatePart[]; end: FlatItem | undefined } => {
      const parts: TemplatePart[] = [];
      while (i < flat.length) {
        const it = flat[i]!;
        if (until.has(it.k)) {
          i++;
          return { parts, end: it };
        }
        i++;
        switch (it.k) {
          case 'lit':
            if (it.s !== '') parts.push({ t: 'lit', s: it.s, r: it.r });
            break;
          case 'interp':
            parts.push({ t: 'interp', e: it.e, r: it.r });
            break;
          case 'if': {
            const a = build(new Set(['else', 'endif']));
            let b: TemplatePart[] = [];
            let end = a.end;
            if (a.end?.k === 'else') {
              const c = build(new Set(['endif']));
              b = c.parts;
              end = c.end;
            }
            if (!end) throw new ParseError('%{ if } has no matching %{ endif }', it.r.start, it.r.end);
            parts.push({ t: 'if', cond: it.cond, then: a.parts, else: b, r: { start: it.r.start, end: end.r.end } });
            break;
          }
          case 'for': {
            const a = build(new Set(['endfor']));
            if (!a.end) throw new ParseError('%{ for } has no matching %{ endfor }', it.r.start, it.r.end);
            parts.push({ t: 'for', keyVar: it.keyVar, valVar: it.valVar, coll: it.coll, body: a.parts, r: { start: it.r.start, end: a.end.r.end } });
            break;
          }
          default:
            throw new ParseError(`%{ ${it.k} } without a matching opening directive`, it.r.start, it.r.end);
        }
      }
      return { parts, end: undefined };
    };
    return build(new Set()).parts;
  }
}

/** `<<-` heredocs: the smallest indentation of the non-blank lines is removed from every line. */
function flushIndent(flat: FlatItem[]): void {
  let min = Infinity;
  let atLineStart = true;
  for (let idx = 0; idx < flat.length; idx++) {
    const it = flat[idx]!;
    if (it.k !== 'lit') {
      if (atLineStart) min = 0;
      atLineStart = false;
      continue;
    }
    const s = it.s;
    let p = 0;
    while (p < s.length) {
      if (atLineStart) {
        let q = p;
        while (s.charCodeAt(q) === 32 || s.charCodeAt(q) === 9) q++;
        const blank = q >= s.length ? idx === flat.length - 1 : s.charCodeAt(q) === 10 || s.charCodeAt(q) === 13;
        if (!blank) min = Math.min(min, q - p);
      }
      const nlAt = s.indexOf('\n', p);
      if (nlAt === -1) {
        atLineStart = false;
        break;
      }
      p = nlAt + 1;
      atLineStart = true;
    }
  }
  if (min === Infinity || min === 0) return;
  atLineStart = true;
  for (const it of flat) {
    if (it.k !== 'lit') {
      atLineStart = false;
      continue;
    }
    let out = '';
    const s = it.s;
    let p = 0;
    while (p < s.length) {
      if (atLineStart) {
        let q = p;
        while (q - p < min && (s.charCodeAt(q) === 32 || s.charCodeAt(q) === 9)) q++;
        p = q;
      }
      const nlAt = s.indexOf('\n', p);
      if (nlAt === -1) {
        out += s.slice(p);
        atLineStart = false;
        break;
      }
      out += s.slice(p, nlAt + 1);
      p = nlAt + 1;
      atLineStart = true;
    }
    it.s = out;
  }
}

/** `${~ …}` trims the whitespace before it, `{… ~}` the whitespace after it. */
function applyStrip(flat: FlatItem[]): void {
  for (let i = 0; i < flat.length; i++) {
    const it = flat[i]!;
    if (it.k === 'lit') continue;
    if (it.stripL) {
      const prev = flat[i - 1];
      if (prev && prev.k === 'lit') prev.s = prev.s.replace(/\s+$/, '');
    }
    if (it.stripR) {
      const next = flat[i + 1];
      if (next && next.k === 'lit') next.s = next.s.replace(/^\s+/, '');
    }
  }
}

/** Parses a whole `.tf` file. Never throws on bad input: problems are in `issues`, the rest of the file is in `body`. */
export function parseHcl(text: string): ParsedHcl {
  const p = new Parser(text);
  const body = p.parseFile();
  p.finish();
  return { body, comments: p.comments, issues: p.issues };
}

/** Parses one expression (a `-var` value, a `.tf.json` string): the whole text must be the expression. */
export function parseHclExpression(text: string): { expr: Expr | undefined; issues: SyntaxIssue[] } {
  const p = new Parser(text);
  const res = p.parseStandaloneExpr();
  p.finish();
  return { expr: res, issues: p.issues };
}

/** Parses template text without quotes (strings of `.tf.json`). */
export function parseHclTemplate(text: string): { expr: Expr | undefined; issues: SyntaxIssue[] } {
  const p = new Parser(text, true);
  const res = p.parseTemplateOnly();
  p.finish();
  return { expr: res, issues: p.issues };
}
