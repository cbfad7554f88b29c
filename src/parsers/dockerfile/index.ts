import type { ConfigObject, InlineSuppression, SourceLocator } from '../../core/config-object.js';
import { formatDataPath, type DataPath, type Location } from '../../core/location.js';
import type { FormatIssue, ParsedObjects } from '../types.js';
import { lex, type RawComment, type RawInstruction } from './lexer.js';
import type { DockerFrom, DockerInstruction, DockerPair, DockerStage, DockerfileValue } from './model.js';
import { expandVariables, looksLikeExecForm, MAX_WORDS, parseExecForm, parseFlags, splitBlank, splitQuoted, type Flag, type Span } from './words.js';

export type { DockerFrom, DockerHeredoc, DockerInstruction, DockerPair, DockerStage, DockerfileValue } from './model.js';

const KNOWN = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);
/** Instructions whose leading `--name=value` words are flags (BuildKit rejects flags elsewhere). */
const FLAGGED = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK']);
const FORMED = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME']);
/** Build arguments BuildKit defines for FROM lines; their values depend on the build, so they stay unresolved. */
const PLATFORM_ARGS = ['BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE'];
/** More issues than this in one file are summarised: a binary or random file would otherwise report every line. */
const MAX_ISSUES = 50;

/** Where the parts of one instruction are, as spans of its logical text (mapped to file positions on demand). */
interface InstructionInfo {
  raw: RawInstruction;
  /** Logical index of the keyword (0, or after `ONBUILD ` for a trigger). */
  start: number;
  keywordEnd: number;
  flags: Flag[];
  /** Logical index of the text after the flags. */
  rest: number;
  exec?: Span[];
  pairs?: Span[];
  /** Index of the heredoc in the raw instruction, per heredoc of the model. */
  trigger?: InstructionInfo;
}

interface StageInfo {
  from: InstructionInfo;
  image?: Span;
  alias?: Span;
  instructions: InstructionInfo[];
}

const IMAGE_KEYS = new Set(['raw', 'resolved', 'image', 'tag', 'digest', 'scratch', 'stageRef', 'argsUnresolved']);

class Positions {
  private readonly lineStarts: number[] = [0];
  constructor(
    private readonly text: string,
    readonly file: string,
  ) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  range(start: number, end: number): Location {
    const sl = this.lineOf(start);
    const el = this.lineOf(Math.max(start, end));
    return { path: this.file, startLine: sl, startColumn: start - this.lineStarts[sl - 1]! + 1, endLine: el, endColumn: Math.max(start, end) - this.lineStarts[el - 1]! + 1 };
  }

  /** File offset of a logical index of an instruction. */
  static offsetOf(raw: RawInstruction, logical: number): number {
    const segs = raw.segments;
    if (segs.length === 0) return raw.start;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid]!.logical <= logical) lo = mid;
      else hi = mid - 1;
    }
    const s = segs[lo]!;
    return s.offset + Math.min(Math.max(logical - s.logical, 0), s.length);
  }

  span(raw: RawInstruction, span: Span): Location {
    const start = Positions.offsetOf(raw, span.start);
    const end = span.end > span.start ? Positions.offsetOf(raw, span.end - 1) + 1 : start;
    return this.range(start, end);
  }

  instruction(info: InstructionInfo): Location {
    return this.range(info.start === 0 ? info.raw.start : Positions.offsetOf(info.raw, info.start), info.raw.end);
  }
}

function isBlankCode(c: number): boolean {
  return c === 32 || c === 9;
}

function skipBlanks(text: string, i: number): number {
  while (i < text.length && isBlankCode(text.charCodeAt(i))) i++;
  return i;
}

/** FNV-1a: a short, stable stand-in for long argument text in fingerprints (no crypto needed in a pure layer). */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

interface Builder {
  escape: string;
  positions: Positions;
  issue(level: 'error' | 'warning', code: string, message: string, location: Location): void;
}

function splitImage(ref: string): { image: string; tag: string | null; digest: string | null } {
  let name = ref;
  let digest: string | null = null;
  const at = name.indexOf('@');
  if (at !== -1) {
    digest = name.slice(at + 1);
    name = name.slice(0, at);
  }
  let tag: string | null = null;
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
  }
  return { image: name, tag, digest };
}

/** ENV/LABEL `k=v k2="v 2"` or the legacy `ENV k v with spaces`; ARG `name[=default] …`. */
function parsePairs(keyword: string, raw: RawInstruction, rest: number, b: Builder, loc: () => Location): { pairs: DockerPair[]; spans: Span[] } {
  const { words, truncated } = splitQuoted(raw.text, rest, b.escape);
  if (truncated) b.issue('warning', 'dockerfile-too-many-words', `${keyword} has more than ${MAX_WORDS} words; the rest is not analysed`, loc());
  const pairs: DockerPair[] = [];
  const spans: Span[] = [];
  if (words.length === 0) return { pairs, spans };
  const first = words[0]!;
  if (keyword !== 'ARG' && !first.value.includes('=')) {
    // Legacy `ENV key value`: the value is the rest of the line.
    const rem = words.slice(1);
    if (rem.length === 0) b.issue('error', 'dockerfile-syntax', `${keyword} ${first.value} has no value: write ${keyword} ${first.value}=<value>`, loc());
    pairs.push({ key: first.value, value: rem.map((w) => w.value).join(' ') });
    spans.push({ start: first.start, end: rem.length > 0 ? rem[rem.length - 1]!.end : first.end });
    return { pairs, spans };
  }
  for (const w of words) {
    const eq = w.value.indexOf('=');
    if (eq === -1) {
      if (keyword === 'ARG') {
        pairs.push({ key: w.value, value: null });
        spans.push(w);
        continue;
      }
      b.issue('error', 'dockerfile-syntax', `${keyword}: "${w.value.slice(0, 80)}" is not of the form name=value`, loc());
      continue;
    }
    if (eq === 0) {
      b.issue('error', 'dockerfile-syntax', `${keyword}: a name is missing before "="`, loc());
      continue;
    }
    pairs.push({ key: w.value.slice(0, eq), value: w.value.slice(eq + 1) });
    spans.push(w);
  }
  return { pairs, spans };
}

/** Builds one instruction from the logical text starting at `start` (0, or the trigger of an ONBUILD). */
function buildInstruction(raw: RawInstruction, start: number, b: Builder, line: number): { ins: DockerInstruction; info: InstructionInfo } {
  const t = raw.text;
  let kwEnd = start;
  while (kwEnd < t.length && !isBlankCode(t.charCodeAt(kwEnd))) kwEnd++;
  const keyword = t.slice(start, kwEnd).toUpperCase();
  const argsStart = skipBlanks(t, kwEnd);
  const info: InstructionInfo = { raw, start, keywordEnd: kwEnd, flags: [], rest: argsStart };
  const loc = (): Location => b.positions.instruction(info);
  if (FLAGGED.has(keyword)) {
    const f = parseFlags(t, argsStart, b.escape);
    info.flags = f.flags;
    info.rest = f.rest;
  }
  const flags: Record<string, string> = {};
  for (const f of info.flags) flags[f.name] = f.value;
  const ins: DockerInstruction = {
    keyword,
    line,
    args: t.slice(argsStart).trimEnd(),
    flags,
    flagList: info.flags.map((f) => ({ name: f.name, value: f.value })),
    text: t.slice(info.rest).trimEnd(),
    arguments: [],
  };

  let formFrom = -1;
  if (FORMED.has(keyword)) formFrom = info.rest;
  else if (keyword === 'HEALTHCHECK') {
    const sub = /^(\S+)/.exec(t.slice(info.rest, info.rest + 64));
    if (sub && sub[1]!.toUpperCase() === 'CMD') formFrom = skipBlanks(t, info.rest + 3);
  }
  if (formFrom !== -1) {
    const exec = parseExecForm(t, formFrom);
    if (exec) {
      ins.form = 'exec';
      info.exec = exec.spans;
      ins.arguments = keyword === 'HEALTHCHECK' ? ['CMD', ...exec.values] : exec.values;
      if (keyword === 'HEALTHCHECK') info.exec = [{ start: info.rest, end: info.rest + 3 }, ...exec.spans];
    } else {
      ins.form = 'shell';
      if (keyword === 'SHELL') b.issue('error', 'dockerfile-syntax', 'SHELL requires the exec form: SHELL ["executable", "parameters"]', loc());
      else if (looksLikeExecForm(t, formFrom) && keyword !== 'COPY' && keyword !== 'ADD' && keyword !== 'VOLUME') {
        b.issue('warning', 'dockerfile-json-args', `${keyword} looks like exec form but is not a valid JSON array of strings (use double quotes); it runs as a shell command`, loc());
      }
    }
  }
  if (keyword === 'ENV' || keyword === 'LABEL' || keyword === 'ARG') {
    const p = parsePairs(keyword, raw, info.rest, b, loc);
    ins.pairs = p.pairs;
    info.pairs = p.spans;
  }
  if (ins.form !== 'exec') {
    const { words, truncated } = splitBlank(t, info.rest);
    if (truncated) b.issue('warning', 'dockerfile-too-many-words', `${keyword} has more than ${MAX_WORDS} words; the rest is not analysed`, loc());
    ins.arguments = words.map((w) => w.value);
  }
  if (start === 0 && raw.heredocs.length > 0) {
    ins.heredocs = raw.heredocs.map((h) => ({ name: h.name, body: h.body, stripTabs: h.stripTabs, quoted: h.quoted }));
  }
  if (keyword === 'ONBUILD' && info.rest < t.length) {
    const trig = buildInstruction(raw, info.rest, b, line);
    const tk = trig.ins.keyword;
    if (tk === 'ONBUILD' || tk === 'FROM' || tk === 'MAINTAINER') b.issue('error', 'dockerfile-syntax', `${tk} is not allowed as an ONBUILD trigger`, loc());
    else if (!KNOWN.has(tk)) b.issue('error', 'dockerfile-unknown-instruction', `unknown instruction after ONBUILD: ${tk.slice(0, 40)}`, loc());
    ins.trigger = trig.ins;
    info.trigger = trig.info;
  }
  checkArity(ins, raw, b, loc);
  return { ins, info };
}

function checkArity(ins: DockerInstruction, raw: RawInstruction, b: Builder, loc: () => Location): void {
  const n = ins.arguments.length;
  const k = ins.keyword;
  const heredoc = raw.heredocs.length > 0;
  let problem = '';
  if ((k === 'COPY' || k === 'ADD') && n < 2 && !heredoc) problem = `${k} requires at least two arguments: a source and a destination`;
  else if (n === 0 && !heredoc && ['ARG', 'ENV', 'EXPOSE', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR', 'HEALTHCHECK', 'ENTRYPOINT'].includes(k) && !(ins.form === 'exec' && k !== 'SHELL')) {
    problem = `${k} requires at least one argument`;
  } else if (k === 'STOPSIGNAL' && n > 1) problem = 'STOPSIGNAL requires exactly one argument';
  else if (k === 'HEALTHCHECK' && n > 0) {
    const sub = ins.arguments[0]!.toUpperCase();
    if (sub !== 'CMD' && sub !== 'NONE') problem = `HEALTHCHECK takes CMD <command> or NONE, not "${ins.arguments[0]!.slice(0, 40)}"`;
    else if (sub === 'NONE' && n > 1) problem = 'HEALTHCHECK NONE takes no arguments';
    else if (sub === 'CMD' && n < 2) problem = 'HEALTHCHECK CMD requires a command';
  }
  if (problem) b.issue('error', 'dockerfile-syntax', problem, loc());
}

/** `FROM [--platform=…] image [AS name]`, with the global ARG defaults substituted. */
function buildFrom(ins: DockerInstruction, info: InstructionInfo, stages: DockerStage[], globals: ReadonlyMap<string, string | null>, b: Builder): { from: DockerFrom; name: string; image?: Span; alias?: Span } {
  const { words } = splitBlank(info.raw.text, info.rest, 8);
  const loc = (): Location => b.positions.instruction(info);
  const raw = words[0]?.value ?? '';
  let name = '';
  let alias: Span | undefined;
  if (words.length === 0) b.issue('error', 'dockerfile-syntax', 'FROM requires an image', loc());
  else if (words.length === 3 && words[1]!.value.toUpperCase() === 'AS') {
    name = words[2]!.value;
    alias = words[2]!;
    if (!/^[a-zA-Z][a-zA-Z0-9_.-]*$/.test(name)) b.issue('error', 'dockerfile-syntax', `invalid stage name "${name.slice(0, 80)}": it must start with a letter and use only letters, digits, "_", "-" and "."`, loc());
  } else if (words.length !== 1) b.issue('error', 'dockerfile-syntax', 'FROM takes an image and optionally AS <name>', loc());
  const { value: resolved, unresolved } = expandVariables(raw, globals, b.escape);
  const parts = splitImage(resolved);
  const plain = parts.tag === null && parts.digest === null;
  const lower = parts.image.toLowerCase();
  let stageRef: number | null = null;
  if (plain && unresolved.length === 0) {
    for (let i = stages.length - 1; i >= 0; i--) {
      if (stages[i]!.name !== '' && stages[i]!.name.toLowerCase() === lower) {
        stageRef = i;
        break;
      }
    }
  }
  const platform = ins.flags.platform ?? null;
  const from: DockerFrom = {
    line: ins.line,
    raw,
    resolved,
    image: parts.image,
    tag: parts.tag,
    digest: parts.digest,
    platform,
    scratch: stageRef === null && lower === 'scratch',
    stageRef,
    argsUnresolved: unresolved.length > 0,
  };
  const out: { from: DockerFrom; name: string; image?: Span; alias?: Span } = { from, name };
  if (words[0]) out.image = words[0];
  if (alias) out.alias = alias;
  return out;
}

const PALISADE_IGNORE = /^\s*palisade:ignore=(\S+)\s*(.*)$/i;
const HADOLINT_IGNORE = /^\s*hadolint\s+(global\s+)?ignore=\s*([A-Za-z0-9_,\s]+)/i;
const TRIVY_IGNORE = /trivy:ignore:([A-Za-z0-9_-]+)((?::[a-z]+:[^:\s]+)*)/gi;
const CHECKOV_SKIP = /checkov:skip=([A-Za-z0-9_]+)(?::([^\n]*))?/gi;

/** Suppressions a comment carries; `targetPath` is the formatted data path of the instruction below it ('' = none). */
function suppressionsOf(c: RawComment, targetPath: string | undefined, location: Location): InlineSuppression[] {
  const out: InlineSuppression[] = [];
  const text = c.text;
  const pal = PALISADE_IGNORE.exec(text);
  if (pal && targetPath !== undefined) {
    let reason = pal[2]!;
    let expires: string | undefined;
    const ex = /(?:^|\s)expires=(\d{4}-\d{2}-\d{2})\b/.exec(reason);
    if (ex) {
      expires = ex[1]!;
      reason = (reason.slice(0, ex.index) + reason.slice(ex.index + ex[0].length)).trim();
    }
    const s: InlineSuppression = { by: 'palisade-comment', ids: pal[1]!.split(',').map((s) => s.trim()).filter(Boolean), reason: reason.trim() || 'palisade:ignore comment', pathPrefix: targetPath, location };
    if (expires) s.expires = expires;
    out.push(s);
  }
  const had = HADOLINT_IGNORE.exec(text);
  if (had) {
    const ids = had[2]!.split(/[\s,]+/).filter((s) => /^(DL|SC)\d{4}$/i.test(s)).map((s) => s.toUpperCase());
    const global = had[1] !== undefined;
    if (ids.length > 0 && (global || targetPath !== undefined)) {
      out.push({ by: 'hadolint-comment', ids, reason: global ? 'hadolint global ignore comment' : 'hadolint ignore comment', pathPrefix: global ? '' : targetPath!, location });
    }
  }
  if (targetPath !== undefined && text.includes('trivy:ignore:')) {
    for (const m of text.matchAll(TRIVY_IGNORE)) {
      const s: InlineSuppression = { by: 'trivy-comment', ids: [m[1]!], reason: 'trivy:ignore comment', pathPrefix: targetPath, location };
      const exp = /:exp:(\d{4}-\d{2}-\d{2})/.exec(m[2] ?? '');
      if (exp) s.expires = exp[1]!;
      out.push(s);
    }
  }
  if (text.includes('checkov:skip=')) {
    for (const m of text.matchAll(CHECKOV_SKIP)) {
      out.push({ by: 'checkov-comment', ids: [m[1]!], reason: m[2]?.trim() || 'checkov:skip comment', pathPrefix: '', location });
    }
  }
  return out;
}

/** Parses one Dockerfile into one ConfigObject (target `dockerfile`, kind `Dockerfile`). Never throws on bad input. */
export function parseDockerfileText(text: string, file: string): ParsedObjects {
  const errors: FormatIssue[] = [];
  const warnings: FormatIssue[] = [];
  const positions = new Positions(text, file);
  if (text.includes('\u0000')) {
    const nul = text.indexOf('\u0000');
    errors.push({ code: 'dockerfile-binary', message: 'not a Dockerfile: the file contains NUL bytes (binary content)', location: positions.range(nul, nul + 1) });
    return { objects: [], errors, warnings };
  }
  let dropped = 0;
  const b: Builder = {
    escape: '\\',
    positions,
    issue(level, code, message, location) {
      if (errors.length + warnings.length >= MAX_ISSUES) {
        dropped++;
        return;
      }
      (level === 'error' ? errors : warnings).push({ code, message, location });
    },
  };
  const lexed = lex(text);
  b.escape = lexed.escape;
  for (const p of lexed.problems) {
    b.issue(p.kind === 'escape' ? 'warning' : 'error', p.kind === 'escape' ? 'dockerfile-directive' : 'dockerfile-heredoc', p.message, positions.range(p.offset, p.offset));
  }

  const stages: DockerStage[] = [];
  const stageInfos: StageInfo[] = [];
  const globalArgs: DockerPair[] = [];
  const globalSpans: { info: InstructionInfo; span: Span }[] = [];
  const globals = new Map<string, string | null>(PLATFORM_ARGS.map((a) => [a, null]));
  /** Formatted data path of the instruction starting on each line, for comments directly above it. */
  const byLine = new Map<number, string>();

  for (const raw of lexed.instructions) {
    const line = positions.lineOf(raw.start);
    const { ins, info } = buildInstruction(raw, 0, b, line);
    const kw = ins.keyword;
    if (!KNOWN.has(kw)) b.issue('error', 'dockerfile-unknown-instruction', `unknown instruction: ${kw.slice(0, 40)}`, positions.instruction(info));
    if (kw === 'FROM') {
      const f = buildFrom(ins, info, stages, globals, b);
      const index = stages.length;
      stages.push({ index, name: f.name, from: f.from, instructions: [] });
      const si: StageInfo = { from: info, instructions: [] };
      if (f.image) si.image = f.image;
      if (f.alias) si.alias = f.alias;
      stageInfos.push(si);
      byLine.set(line, formatDataPath(['stages', index, 'from']));
      continue;
    }
    const stage = stages[stages.length - 1];
    if (!stage) {
      if (kw === 'ARG') {
        byLine.set(line, formatDataPath(['globalArgs', globalArgs.length]));
        (ins.pairs ?? []).forEach((p, i) => {
          globalArgs.push(p);
          globalSpans.push({ info, span: info.pairs![i]! });
          globals.set(p.key, p.value);
        });
      } else if (KNOWN.has(kw)) {
        b.issue('error', 'dockerfile-syntax', `${kw} before the first FROM: only ARG may come before FROM`, positions.instruction(info));
      }
      continue;
    }
    byLine.set(line, formatDataPath(['stages', stage.index, 'instructions', stage.instructions.length]));
    stage.instructions.push(ins);
    stageInfos[stage.index]!.instructions.push(info);
  }
  if (lexed.instructions.length === 0) {
    b.issue('warning', 'dockerfile-empty', 'the Dockerfile has no instructions', positions.range(0, 0));
    return { objects: [], errors, warnings };
  }
  if (stages.length === 0) b.issue('error', 'dockerfile-no-from', 'the Dockerfile has no FROM instruction', positions.range(lexed.instructions[0]!.start, lexed.instructions[0]!.start));
  if (dropped > 0) {
    (errors.length > 0 ? errors : warnings).push({ code: 'dockerfile-too-many-issues', message: `${dropped} more problems in this file are not listed`, location: positions.range(0, 0) });
  }

  const commentLines = new Set(lexed.comments.map((c) => c.line));
  const inlineSuppressions: InlineSuppression[] = [];
  for (const c of lexed.comments) {
    if (!/ignore|skip/i.test(c.text)) continue;
    let next = c.line + 1;
    while (commentLines.has(next)) next++;
    const loc = positions.range(c.offset, c.offset + c.text.length + 1);
    inlineSuppressions.push(...suppressionsOf(c, byLine.get(next), loc));
  }

  const value: DockerfileValue = {
    stages,
    globalArgs,
    finalStage: stages.length - 1,
    directives: { syntax: lexed.directives.find((d) => d.name === 'syntax')?.value ?? null, escape: lexed.escape },
  };

  const locator = makeLocator(positions, stageInfos, stages, globalSpans);
  let keys: string[][] | undefined;
  const obj: ConfigObject = {
    target: 'dockerfile',
    apiVersion: '',
    kind: 'Dockerfile',
    name: '',
    namespace: '',
    labels: {},
    annotations: {},
    value: value as unknown as Record<string, unknown>,
    file,
    docIndex: 0,
    basePath: [],
    source: locator,
    docText: () => text,
    stableKey(path) {
      keys ??= stableInstructionKeys(stages);
      return stableKeyOf(path, stages, globalArgs, keys);
    },
    inlineSuppressions,
  };
  return { objects: [obj], errors, warnings };
}

/** `RUN(apt-get update)#0`: keyword, normalised arguments and occurrence, so inserting a line above changes nothing. */
function stableInstructionKeys(stages: DockerStage[]): string[][] {
  return stages.map((s) => {
    const seen = new Map<string, number>();
    return s.instructions.map((ins) => {
      const norm = ins.args.replace(/\s+/g, ' ').trim();
      const base = `${ins.keyword}(${norm.length > 256 ? `~${fnv1a(norm)}:${norm.length}` : norm})`;
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      return `${base}#${n}`;
    });
  });
}

function suffix(rest: DataPath): string {
  const f = formatDataPath(rest);
  return f === '' || f.startsWith('[') ? f : `.${f}`;
}

function stableKeyOf(path: DataPath, stages: DockerStage[], globalArgs: DockerPair[], keys: string[][]): string {
  if (path[0] === 'stages' && typeof path[1] === 'number' && stages[path[1]]) {
    const s = stages[path[1]]!;
    const sk = s.name !== '' ? `stages[${JSON.stringify(s.name.toLowerCase())}]` : `stages[${s.index}]`;
    if (path[2] === 'instructions' && typeof path[3] === 'number' && keys[s.index]![path[3]] !== undefined) {
      return `${sk}.${keys[s.index]![path[3]]}${suffix(path.slice(4))}`;
    }
    return `${sk}${suffix(path.slice(2))}`;
  }
  if (path[0] === 'globalArgs' && typeof path[1] === 'number' && globalArgs[path[1]]) {
    return `globalArgs[${JSON.stringify(globalArgs[path[1]]!.key)}]${suffix(path.slice(2))}`;
  }
  return formatDataPath(path);
}

function makeLocator(positions: Positions, infos: StageInfo[], stages: DockerStage[], globalSpans: { info: InstructionInfo; span: Span }[]): SourceLocator {
  const fileStart = (): Location => positions.range(0, 0);

  /** Location of a path inside one instruction; `matched` counts the segments of `rest` that exist. */
  const inInstruction = (info: InstructionInfo, ins: DockerInstruction, rest: DataPath): { location: Location; matched: number } => {
    const whole = { location: positions.instruction(info), matched: 0 };
    if (rest.length === 0) return whole;
    const [head, key] = rest;
    switch (head) {
      case 'keyword':
        return { location: positions.span(info.raw, { start: info.start, end: info.keywordEnd }), matched: 1 };
      case 'flags': {
        const f = typeof key === 'string' ? info.flags.findLast((x) => x.name === key) : undefined;
        return f ? { location: positions.span(info.raw, f.span), matched: 2 } : { ...whole, matched: 1 };
      }
      case 'flagList': {
        const f = typeof key === 'number' ? info.flags[key] : undefined;
        return f ? { location: positions.span(info.raw, f.span), matched: 2 } : { ...whole, matched: 1 };
      }
      case 'arguments': {
        if (typeof key !== 'number' || key < 0 || key >= ins.arguments.length) return { ...whole, matched: 1 };
        const span = info.exec ? info.exec[key] : splitBlank(info.raw.text, info.rest, key + 1).words[key];
        return span ? { location: positions.span(info.raw, span), matched: 2 } : { ...whole, matched: 1 };
      }
      case 'pairs': {
        const span = typeof key === 'number' ? info.pairs?.[key] : undefined;
        if (!span) return { ...whole, matched: ins.pairs ? 1 : 0 };
        const extra = rest[2] === 'key' || rest[2] === 'value' ? 1 : 0;
        return { location: positions.span(info.raw, span), matched: 2 + extra };
      }
      case 'heredocs': {
        const h = typeof key === 'number' ? info.raw.heredocs[key] : undefined;
        if (!h || info.start !== 0) return { ...whole, matched: ins.heredocs ? 1 : 0 };
        return { location: positions.range(h.start, h.end), matched: rest.length > 2 ? 3 : 2 };
      }
      case 'trigger': {
        if (!info.trigger || !ins.trigger) return whole;
        const r = inInstruction(info.trigger, ins.trigger, rest.slice(1));
        return { location: r.location, matched: r.matched + 1 };
      }
      default:
        return { ...whole, matched: typeof head === 'string' && head in ins ? 1 : 0 };
    }
  };

  const resolve = (path: DataPath): { location: Location; matched: number } => {
    if (path.length === 0) return { location: fileStart(), matched: 0 };
    if (path[0] === 'globalArgs') {
      const g = typeof path[1] === 'number' ? globalSpans[path[1]] : undefined;
      if (!g) return { location: globalSpans[0] ? positions.instruction(globalSpans[0].info) : fileStart(), matched: 1 };
      return { location: positions.span(g.info.raw, g.span), matched: path.length > 2 && (path[2] === 'key' || path[2] === 'value') ? 3 : 2 };
    }
    if (path[0] === 'finalStage' || path[0] === 'directives') {
      const last = infos[infos.length - 1];
      return { location: last && path[0] === 'finalStage' ? positions.instruction(last.from) : fileStart(), matched: 1 };
    }
    if (path[0] !== 'stages') return { location: fileStart(), matched: 0 };
    const s = typeof path[1] === 'number' ? path[1] : -1;
    const si = infos[s];
    const stage = stages[s];
    if (!si || !stage) return { location: infos[0] ? positions.instruction(infos[0].from) : fileStart(), matched: 1 };
    const fromLoc = positions.instruction(si.from);
    if (path.length === 2) return { location: fromLoc, matched: 2 };
    const part = path[2];
    if (part === 'from') {
      if (path.length === 3) return { location: fromLoc, matched: 3 };
      const k = path[3];
      if (typeof k === 'string' && IMAGE_KEYS.has(k) && si.image) return { location: positions.span(si.from.raw, si.image), matched: 4 };
      if (k === 'platform') {
        const f = si.from.flags.findLast((x) => x.name === 'platform');
        return f ? { location: positions.span(si.from.raw, f.span), matched: 4 } : { location: fromLoc, matched: 3 };
      }
      return { location: fromLoc, matched: 3 };
    }
    if (part === 'name') return si.alias ? { location: positions.span(si.from.raw, si.alias), matched: 3 } : { location: fromLoc, matched: 2 };
    if (part === 'index') return { location: fromLoc, matched: 3 };
    if (part !== 'instructions') return { location: fromLoc, matched: 2 };
    const i = typeof path[3] === 'number' ? path[3] : -1;
    const info = si.instructions[i];
    const ins = stage.instructions[i];
    if (!info || !ins) return { location: fromLoc, matched: 3 };
    const r = inInstruction(info, ins, path.slice(4));
    return { location: r.location, matched: 4 + r.matched };
  };
  return { resolve, locate: (path) => resolve(path).location };
}
