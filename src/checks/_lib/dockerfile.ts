/**
 * Shared reading of a parsed Dockerfile for the Dockerfile checks: which stages end up in the built image, who the
 * image runs as, and the shell commands inside RUN instructions.
 *
 * The shell reading is deliberately small (no full POSIX grammar): a RUN line is split into simple commands at `&&`,
 * `||`, `;`, `|`, `&`, newlines and parentheses, with quotes respected, redirections dropped, leading `VAR=value`
 * assignments and wrappers (`sudo`, `env`, `exec`, …) set aside. That is what the peers (hadolint, Trivy, Checkov) look
 * at too, and it is enough to tell `apt-get install -y` from `apt-get install`. Nothing here throws or backtracks: the
 * cost is linear in the text.
 */
import type { ConfigObject } from '../../core/config-object.js';
import type { DataPath } from '../../core/location.js';
import type { DockerInstruction, DockerStage, DockerfileValue } from '../../parsers/dockerfile/index.js';
import { parseImage, type ImageRef } from './image.js';

export type { DockerInstruction, DockerStage, DockerfileValue } from '../../parsers/dockerfile/index.js';

/** The parsed model of a Dockerfile object, or undefined for anything else. */
export function dockerfileOf(obj: ConfigObject): DockerfileValue | undefined {
  if (obj.target !== 'dockerfile') return undefined;
  const v = obj.value as unknown as DockerfileValue;
  return Array.isArray(v.stages) ? v : undefined;
}

export function instructionPath(stage: number, index: number, ...rest: (string | number)[]): DataPath {
  return ['stages', stage, 'instructions', index, ...rest];
}

export function fromPath(stage: number, ...rest: (string | number)[]): DataPath {
  return ['stages', stage, 'from', ...rest];
}

/**
 * Stages whose instructions are part of the image `docker build` produces: the final stage and the stages it is
 * built FROM (`FROM build`), nearest first. Build-only stages (copied from with `COPY --from`) are not included.
 */
export function finalImageStages(df: DockerfileValue): DockerStage[] {
  const out: DockerStage[] = [];
  const seen = new Set<number>();
  let i: number | null = df.finalStage;
  while (i !== null && i >= 0 && !seen.has(i)) {
    seen.add(i);
    const s: DockerStage | undefined = df.stages[i];
    if (!s) break;
    out.push(s);
    i = s.from.stageRef;
  }
  return out;
}

export interface Located {
  stage: DockerStage;
  index: number;
  ins: DockerInstruction;
  path: DataPath;
}

/** The last instruction with this keyword in the final image (the final stage, then the stages it builds on). */
export function lastInFinalImage(df: DockerfileValue, keyword: string): Located | undefined {
  for (const stage of finalImageStages(df)) {
    for (let i = stage.instructions.length - 1; i >= 0; i--) {
      const ins = stage.instructions[i]!;
      if (ins.keyword === keyword) return { stage, index: i, ins, path: instructionPath(stage.index, i) };
    }
  }
  return undefined;
}

/** Every instruction with one of the keywords, in file order. */
export function* instructionsOf(df: DockerfileValue, ...keywords: string[]): Generator<Located> {
  const want = new Set(keywords);
  for (const stage of df.stages) {
    for (let i = 0; i < stage.instructions.length; i++) {
      const ins = stage.instructions[i]!;
      if (want.has(ins.keyword)) yield { stage, index: i, ins, path: instructionPath(stage.index, i) };
    }
  }
}

/** True when the variable reference cannot be judged statically (`$USER`, `${UID}`). */
export function hasVariable(s: string): boolean {
  return /\$(?:\{|[A-Za-z_])/.test(s);
}

/** `USER root`, `USER 0`, `USER root:root`, `USER 0:0` (the group does not change who the process runs as). */
export function isRootUser(user: string): boolean {
  const u = user.trim().split(':')[0]!.trim().toLowerCase();
  return u === 'root' || /^0+$/.test(u);
}

/**
 * Base images whose default user is not root, by tag convention: distroless and Chainguard `:nonroot`,
 * `…-nonroot`, `:debug-nonroot`. Only the tag decides: the registry cannot tell what user an image sets.
 */
export function baseImageRunsAsNonRoot(stage: DockerStage): boolean {
  const tag = stage.from.tag ?? '';
  return /(^|[-_.])nonroot($|[-_.])/i.test(tag);
}

/** Windows base images run `cmd` / PowerShell, not a POSIX shell: the shell checks do not apply to them. */
function windowsImage(stage: DockerStage): boolean {
  return /(^|\/)(windows|nanoserver|servercore|windowsservercore)([/:-]|$)|mcr\.microsoft\.com\/windows/i.test(stage.from.image);
}

const POSIX_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Whether RUN shell-form commands of each stage run under a POSIX shell (`SHELL` and Windows bases change that). */
export function posixShellPerInstruction(df: DockerfileValue): Map<DockerInstruction, boolean> {
  const out = new Map<DockerInstruction, boolean>();
  const endShell: boolean[] = [];
  for (const stage of df.stages) {
    let posix = stage.from.stageRef !== null ? (endShell[stage.from.stageRef] ?? true) : !windowsImage(stage);
    for (const ins of stage.instructions) {
      if (ins.keyword === 'SHELL' && ins.form === 'exec' && ins.arguments.length > 0) posix = POSIX_SHELLS.has(basename(ins.arguments[0]!).toLowerCase());
      out.set(ins, posix);
    }
    endShell[stage.index] = posix;
  }
  return out;
}

export interface RunSite extends Located {
  /** The shell scripts this RUN executes (its command line and any heredoc bodies run by a shell). */
  scripts: string[];
  /** Simple commands of all scripts, in order. */
  commands: ShellCommand[];
}

/** The POSIX shell scripts of a RUN (empty when it runs under another shell, or is an exec form of another program). */
export function runScripts(ins: DockerInstruction, posix = true): string[] {
  if (!posix) return [];
  if (ins.form === 'exec') {
    const argv = ins.arguments;
    const sh = argv[0] !== undefined && POSIX_SHELLS.has(basename(argv[0]).toLowerCase());
    const c = argv.indexOf('-c');
    if (sh && c !== -1 && argv[c + 1] !== undefined) return [argv[c + 1]!];
    return [argv.map((a) => (/[\s'"\\$`;&|<>()]/.test(a) ? `'${a.replace(/'/g, "'\\''")}'` : a)).join(' ')];
  }
  const scripts = [ins.text];
  for (const h of ins.heredocs ?? []) {
    // A heredoc is a script when the shell itself reads it (`RUN <<EOF`, `RUN bash <<EOF`); otherwise it is data (`cat <<EOF > file`).
    const before = ins.text.slice(0, ins.text.indexOf(`<<`)).trim();
    const reader = before === '' ? '' : basename(before.split(/\s+/)[0]!).toLowerCase();
    if (reader === '' || POSIX_SHELLS.has(reader)) scripts.push(h.body);
  }
  return scripts;
}

const siteCache = new WeakMap<DockerfileValue, RunSite[]>();

/**
 * Every RUN instruction that runs POSIX shell code, with its parsed commands. Computed once per Dockerfile and shared
 * by all checks of a scan (the array must not be mutated).
 */
export function runSites(df: DockerfileValue): readonly RunSite[] {
  const cached = siteCache.get(df);
  if (cached) return cached;
  const shells = posixShellPerInstruction(df);
  const out: RunSite[] = [];
  for (const loc of instructionsOf(df, 'RUN')) {
    const scripts = runScripts(loc.ins, shells.get(loc.ins) ?? true);
    if (scripts.length > 0) out.push({ ...loc, scripts, commands: scripts.flatMap((s) => shellCommands(s)) });
  }
  siteCache.set(df, out);
  return out;
}

export interface ShellCommand {
  /** Program name without its directory (`apt-get`, `curl`); '' for an empty command. */
  name: string;
  /** Arguments after the program name, quotes removed. */
  args: string[];
  /** Words before the program that changed how it runs: `sudo`, `env`, `exec`, … */
  wrappers: string[];
  /** `VAR=value` assignments in front of the command. */
  env: Record<string, string>;
  /** Output goes into a pipe (`cmd | …`). */
  pipesOut: boolean;
  /** Input comes from a pipe (`… | cmd`). */
  pipesIn: boolean;
  /** Inside `( … )` or `$( … )`: runs in a subshell, so `cd` there does not leak. */
  subshell: boolean;
}

/** Words that prefix another command without being the command. */
const WRAPPERS = new Set(['sudo', 'env', 'exec', 'command', 'time', 'nice', 'nohup', 'builtin', 'doas', 'xargs', 'gosu', 'su-exec', 'chroot', 'eatmydata', 'stdbuf', 'ionice', 'timeout']);
/** Shell words that start a compound command; the command follows them. */
const RESERVED_PREFIX = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time']);
const RESERVED_ALONE = new Set(['fi', 'done', 'esac', '}', ';;']);
/** More words than this in one script are not read further (a hostile file); everything before is still checked. */
const MAX_SHELL_WORDS = 200_000;

interface Token {
  kind: 'word' | 'op';
  value: string;
}

function tokenize(script: string): Token[] {
  const out: Token[] = [];
  const n = script.length;
  let i = 0;
  let word = '';
  let inWord = false;
  const pending: string[] = [];
  const flush = (): void => {
    if (inWord) out.push({ kind: 'word', value: word });
    word = '';
    inWord = false;
  };
  while (i < n && out.length < MAX_SHELL_WORDS) {
    const c = script[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      flush();
      i++;
    } else if (c === '\n') {
      flush();
      out.push({ kind: 'op', value: ';' });
      i++;
      // Bodies of `cmd <<EOF` heredocs inside the script are data, not commands.
      for (const d of pending) {
        while (i < n) {
          const e = script.indexOf('\n', i);
          const line = script.slice(i, e === -1 ? n : e);
          i = e === -1 ? n : e + 1;
          if (line.replace(/^\t+/, '').trimEnd() === d) break;
        }
      }
      pending.length = 0;
    } else if (c === '#' && !inWord) {
      const e = script.indexOf('\n', i);
      i = e === -1 ? n : e;
    } else if (c === '\\') {
      if (script[i + 1] === '\n') i += 2;
      else {
        word += script[i + 1] ?? '';
        inWord = true;
        i += 2;
      }
    } else if (c === "'") {
      const e = script.indexOf("'", i + 1);
      const end = e === -1 ? n : e;
      word += script.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      inWord = true;
      i++;
      while (i < n && script[i] !== '"') {
        if (script[i] === '\\' && i + 1 < n) {
          word += '"\\$`\n'.includes(script[i + 1]!) ? script[i + 1] : script.slice(i, i + 2);
          i += 2;
        } else word += script[i++];
      }
      i++;
    } else if (c === '$' && script[i + 1] === '(') {
      // Command substitution: its commands run too (`$(curl … | sh)`); read them as a subshell.
      flush();
      out.push({ kind: 'op', value: '(' });
      i += 2;
    } else if (c === '`') {
      flush();
      out.push({ kind: 'op', value: '`' });
      i++;
    } else if (c === '&' || c === '|' || c === ';') {
      flush();
      const two = script.slice(i, i + 2);
      if (two === '&&' || two === '||' || two === ';;' || two === '|&') {
        out.push({ kind: 'op', value: two === '|&' ? '|' : two });
        i += 2;
      } else if (c === '&' && script[i + 1] === '>') {
        out.push({ kind: 'op', value: '>' });
        i += script[i + 2] === '>' ? 3 : 2;
      } else {
        out.push({ kind: 'op', value: c });
        i++;
      }
    } else if (c === '(' || c === ')') {
      flush();
      out.push({ kind: 'op', value: c });
      i++;
    } else if (c === '>' || c === '<') {
      // A redirection: `2>&1`, `>>file`, `<<EOF`, `<(…)`; the fd number in front belongs to it.
      if (inWord && /^\d+$/.test(word)) {
        word = '';
        inWord = false;
      } else flush();
      let j = i + 1;
      while (j < n && (script[j] === '>' || script[j] === '<' || script[j] === '&' || script[j] === '|' || script[j] === '-')) j++;
      if (script[j] === '(') {
        out.push({ kind: 'op', value: '(' });
        i = j + 1;
        continue;
      }
      const op = script.slice(i, j);
      const here = /^<<-?$/.test(op) ? /^\s*(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\1/.exec(script.slice(j, j + 300)) : null;
      if (here) {
        pending.push(here[2]!);
        out.push({ kind: 'op', value: '>&' });
        i = j + here[0].length;
        continue;
      }
      if (op.endsWith('&')) {
        // `2>&1`: duplicates a descriptor, no file word follows.
        while (j < n && script[j]! >= '0' && script[j]! <= '9') j++;
        out.push({ kind: 'op', value: '>&' });
      } else out.push({ kind: 'op', value: op.includes('&') ? '>&' : '>' });
      i = j;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  flush();
  return out;
}

/** Splits a shell script into simple commands. */
export function shellCommands(script: string): ShellCommand[] {
  const tokens = tokenize(script);
  const out: ShellCommand[] = [];
  let depth = 0;
  let backtick = false;
  let cur: string[] = [];
  let pipesIn = false;
  let skipNext = false;
  const end = (pipesOut: boolean): void => {
    const cmd = toCommand(cur, pipesIn, pipesOut, depth > 0 || backtick);
    if (cmd) out.push(cmd);
    cur = [];
    pipesIn = pipesOut;
  };
  for (const t of tokens) {
    if (t.kind === 'word') {
      if (skipNext) {
        skipNext = false;
        continue;
      }
      cur.push(t.value);
      continue;
    }
    skipNext = false;
    switch (t.value) {
      case '>':
        skipNext = true;
        break;
      case '>&':
        break;
      case '|':
        end(true);
        break;
      case '(':
        end(false);
        depth++;
        break;
      case ')':
        end(false);
        depth = Math.max(0, depth - 1);
        break;
      case '`':
        end(false);
        backtick = !backtick;
        break;
      default:
        end(false);
    }
  }
  end(false);
  return out;
}

function toCommand(words: string[], pipesIn: boolean, pipesOut: boolean, subshell: boolean): ShellCommand | undefined {
  let i = 0;
  const env: Record<string, string> = {};
  const wrappers: string[] = [];
  while (i < words.length && RESERVED_PREFIX.has(words[i]!)) i++;
  if (i < words.length && RESERVED_ALONE.has(words[i]!)) i++;
  for (;;) {
    const w = words[i];
    if (w === undefined) break;
    const eq = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/.exec(w);
    if (eq) {
      env[eq[1]!] = eq[2]!;
      i++;
      continue;
    }
    const base = basename(w);
    if (WRAPPERS.has(base)) {
      wrappers.push(base);
      i++;
      // Options of the wrapper (`sudo -u app`, `env -i`, `timeout 10`) come before the real command.
      while (i < words.length && (words[i]!.startsWith('-') || (base === 'timeout' && /^\d/.test(words[i]!)))) {
        const opt = words[i]!;
        i++;
        if (base === 'sudo' && /^-[ugCchpr]$/.test(opt)) i++;
      }
      continue;
    }
    break;
  }
  if (i >= words.length && wrappers.length === 0 && Object.keys(env).length === 0) return undefined;
  const name = i < words.length ? basename(words[i]!) : '';
  if (name === 'for' || name === 'case' || name === 'in') return undefined;
  return { name, args: words.slice(i + 1), wrappers, env, pipesOut, pipesIn, subshell };
}

/** True when any argument is one of the options, as `-y`, `--yes`, or inside a short-option bundle (`-qy`). */
export function hasOption(args: readonly string[], short: string[], long: string[]): boolean {
  for (const a of args) {
    if (a === '--') return false;
    if (a.startsWith('--')) {
      const name = a.slice(2).split('=')[0]!;
      if (long.includes(name)) return true;
    } else if (a.startsWith('-') && a.length > 1) {
      for (const s of short) if (s.length === 1 ? a.slice(1).includes(s) && /^-[A-Za-z0-9]+$/.test(a) : a === `-${s}`) return true;
    }
  }
  return false;
}

/** The first word that is not an option: the subcommand (`apt-get -y install` → `install`). */
export function subcommand(args: readonly string[], optionsWithValue: readonly string[] = []): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('-')) {
      if (optionsWithValue.includes(a)) i++;
      continue;
    }
    return a;
  }
  return undefined;
}

/** Non-option words after the subcommand: the packages of `apt-get install -y curl git`. */
export function operands(args: readonly string[], optionsWithValue: readonly string[] = []): string[] {
  const out: string[] = [];
  let sub = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('-')) {
      if (optionsWithValue.includes(a)) i++;
      continue;
    }
    if (!sub) sub = true;
    else out.push(a);
  }
  return out;
}

/** `RUN --mount=type=cache,target=/var/cache/apt`: the cache lives outside the image, so cleaning it is moot. */
export function hasCacheMount(ins: DockerInstruction, target: RegExp): boolean {
  return ins.flagList.some((f) => f.name === 'mount' && /(^|,)type=cache(,|$)/.test(f.value) && target.test(f.value));
}

/** Stages built FROM an image (not `scratch`, not an earlier stage), with the parsed reference. */
export function* baseImages(df: DockerfileValue): Generator<{ stage: DockerStage; img: ImageRef }> {
  for (const stage of df.stages) {
    if (stage.from.scratch || stage.from.stageRef !== null) continue;
    const img = parseImage(stage.from.resolved);
    if (img) yield { stage, img };
  }
}

/** `http(s)://…`, `ftp://…` and git remotes (`git@host:repo.git`): sources ADD fetches over the network. */
export function isRemoteSource(src: string): boolean {
  return /^(?:https?|ftp):\/\//i.test(src) || /^git@[^:]+:/.test(src) || /^(?:git|ssh):\/\//i.test(src);
}

/** COPY/ADD sources (every argument but the destination); empty for heredoc forms. */
export function copySources(ins: DockerInstruction): { value: string; index: number }[] {
  if ((ins.heredocs?.length ?? 0) > 0) return [];
  return ins.arguments.slice(0, -1).map((value, index) => ({ value, index }));
}

/** apt-get / apt options that take a value, so the word after them is not the subcommand. */
export const APT_VALUE_OPTIONS = ['-o', '-c', '-t', '--option', '--config-file', '--target-release', '--default-release'];

/** The subcommand of `apt-get`, `yum`, `dnf`, `zypper`, `apk`, `pip`, … (`python -m pip install` → pip's `install`). */
export function packageManager(cmd: ShellCommand): { tool: string; sub: string | undefined; args: string[] } | undefined {
  let tool = cmd.name;
  let args = cmd.args;
  if (/^python[\d.]*$/.test(tool) && args[0] === '-m' && /^pip[\d.]*$/.test(args[1] ?? '')) {
    tool = 'pip';
    args = args.slice(2);
  }
  if (/^pip[\d.]*$/.test(tool)) tool = 'pip';
  if (!['apt-get', 'apt', 'apk', 'yum', 'dnf', 'microdnf', 'zypper', 'pip', 'tdnf'].includes(tool)) return undefined;
  const withValue = tool === 'apt-get' || tool === 'apt' ? APT_VALUE_OPTIONS : tool === 'apk' ? ['-X', '--repository', '-p', '--root', '--arch'] : tool === 'zypper' ? ['--root', '-R', '--repo', '-r'] : tool === 'pip' ? ['-r', '-c', '-i', '--index-url', '--extra-index-url', '-e', '-t', '--target'] : ['--setopt', '--releasever', '--installroot', '-c', '--config', '--repo', '--enablerepo', '--disablerepo'];
  return { tool, sub: subcommand(args, withValue), args };
}

/** Commands of one RUN that are a given package manager's subcommand. */
export function packageCommands(site: RunSite, tools: readonly string[], subs: readonly string[]): { cmd: ShellCommand; args: string[] }[] {
  const out: { cmd: ShellCommand; args: string[] }[] = [];
  for (const cmd of site.commands) {
    const pm = packageManager(cmd);
    if (pm && tools.includes(pm.tool) && pm.sub !== undefined && subs.includes(pm.sub)) out.push({ cmd, args: pm.args });
  }
  return out;
}

/** True when a command of the RUN removes a path under one of the prefixes (`rm -rf /var/lib/apt/lists/*`). */
export function removesPath(site: RunSite, prefixes: readonly string[]): boolean {
  return site.commands.some((c) => c.name === 'rm' && c.args.some((a) => prefixes.some((p) => a === p || a.startsWith(p))));
}

/** `apt-get install -s` and friends only simulate: they neither prompt nor install. */
export function aptSimulates(args: readonly string[]): boolean {
  return hasOption(args, ['s'], ['simulate', 'dry-run', 'just-print', 'no-act', 'recon']);
}

/** RUN instructions of the stages that end up in the final image (the others are discarded with their caches). */
export function finalImageRunSites(df: DockerfileValue): RunSite[] {
  const keep = new Set(finalImageStages(df).map((s) => s.index));
  return runSites(df).filter((site) => keep.has(site.stage.index));
}

/** An EXPOSE argument: `80`, `80/tcp`, `8000-8010/udp`; undefined for variables and garbage. */
export function exposedPorts(arg: string): { from: number; to: number; protocol: string } | undefined {
  const m = /^(\d+)(?:-(\d+))?(?:\/([A-Za-z]+))?$/.exec(arg.trim());
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  return { from, to, protocol: (m[3] ?? 'tcp').toLowerCase() };
}

/** Instructions of one stage with the keyword, in order. */
export function stageInstructions(stage: DockerStage, keyword: string): Located[] {
  const out: Located[] = [];
  stage.instructions.forEach((ins, i) => {
    if (ins.keyword === keyword) out.push({ stage, index: i, ins, path: instructionPath(stage.index, i) });
  });
  return out;
}

/** For instructions where only the last one of a stage counts (CMD, ENTRYPOINT, HEALTHCHECK): reports the others. */
export function reportAllButLast(df: DockerfileValue, keyword: string, ctx: { report(d: { path: DataPath; data?: Record<string, string | number> }): void }): void {
  for (const stage of df.stages) {
    const found = stageInstructions(stage, keyword);
    const last = found[found.length - 1];
    for (const f of found.slice(0, -1)) ctx.report({ path: f.path, data: { line: last!.ins.line } });
  }
}
