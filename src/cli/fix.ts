import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { BUILTIN_CHECKS } from '../checks/index.js';
import { EXIT, exitCodeFor } from '../core/report.js';
import { formatIssue } from '../policy/located.js';
import { resolveSelector } from '../policy/select.js';
import { runFixes, MAX_ROUNDS, type ChangedFile, type FixedFinding, type UnfixedFinding } from '../scan/fix.js';
import type { CliIO } from './io.js';
import { UsageError, failOnFlag, maxFileSizeFlag, parse, splitList } from './args.js';
import { TOOL_NAME, toolVersion } from './version.js';

export const FIX_HELP = `Usage: palisade fix [paths...] [options]

Writes the secure default of every finding that has a safe automatic fix into the Kubernetes manifests (YAML or JSON,
multi-document, kind: List), in place. Only the fixed fields change: comments, key order, quoting, indentation and blank
lines stay as they are. Files are scanned again after each round of fixes (at most ${MAX_ROUNDS} rounds) and written once,
atomically, at the end. Helm chart templates, compose files, objects derived from Terraform and input from stdin are
reported and left alone.

Options:
      --dry-run              Write nothing; print the changes as a unified diff (apply it with \`git apply\`)
      --diff                 Write the files and print the unified diff of what changed
      --only <checks>        Apply only the fixes of these checks (comma-separated IDs or slugs; repeatable)
      --fail-on <severity>   Exit 1 when findings at or above it remain after fixing: critical | high (default) |
                             medium | low | info | none
  -c, --config <file>        Config file (default: .palisade.yaml found upward from the first path)
      --no-config            Ignore .palisade.yaml and .palisade/waivers.yaml
      --waivers <file>       Extra waiver file (repeatable); waived findings are never fixed
      --enable <checks>      Enable checks or categories (as for scan)
      --disable <checks>     Disable checks or categories (as for scan)
      --max-file-size <n>    Skip files larger than n bytes
  -q, --quiet                Print only the diff (with --dry-run/--diff) and errors, no summary
  -h, --help                 Show this help

Exit codes (the same gate as \`palisade scan\`, on the fixed files):
  0  nothing at or above --fail-on remains after fixing
  1  findings at or above --fail-on remain (no automatic fix exists, or it could not be applied)
  2  usage or configuration error
  3  a file could not be scanned or written

Examples:
  palisade fix deploy/ --dry-run
  palisade fix deploy/ --dry-run > fixes.patch && git apply fixes.patch
  palisade fix . --only allow-privilege-escalation,read-only-root-filesystem
`;

/** Temp file beside the target + rename: a crash or a full disk never leaves a half-written manifest. */
function writeAtomic(abs: string, text: string, expectedBefore: string): void {
  // Through a symlink, the link's target is what gets edited; the link stays a link.
  const real = realpathSync(abs);
  if (readFileSync(real, 'utf8') !== expectedBefore) throw new Error('the file changed on disk while fixing; run fix again');
  const mode = statSync(real).mode & 0o7777;
  const tmp = join(dirname(real), `.${basename(real)}.${randomBytes(6).toString('hex')}.palisade-fix.tmp`);
  try {
    writeFileSync(tmp, text, { flag: 'wx' });
    chmodSync(tmp, mode);
    renameSync(tmp, real);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // Already renamed or never created.
    }
    throw e;
  }
}

export function unifiedDiff(files: readonly ChangedFile[]): string {
  return files.map((f) => createTwoFilesPatch(`a/${f.display}`, `b/${f.display}`, f.before, f.after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY })).join('');
}

function table(rows: string[][], header: string[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    '  ' +
    r
      .map((v, i) => (i < r.length - 1 ? v.padEnd(widths[i]!) : v))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

function summary(applied: readonly FixedFinding[], notApplied: readonly UnfixedFinding[], settled: number, files: number, remaining: number, dryRun: boolean, rounds: number): string {
  let out = '';
  if (applied.length === 0) out += dryRun ? 'Nothing to fix.\n' : 'Nothing fixed.\n';
  else {
    const verb = dryRun ? 'Would fix' : 'Fixed';
    const also = settled > 0 ? `, and ${settled} more finding${settled === 1 ? '' : 's'} ${dryRun ? 'would go' : 'went'} away with these changes` : '';
    out += `${verb} ${applied.length} finding${applied.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}${rounds > 1 ? ` (${rounds} rounds)` : ''}${also}${dryRun ? '; nothing written (dry run)' : ''}:\n\n`;
    // By file, objects in the order they were met (the file's order), each object's fixes round by round. No line
    // numbers: a later round's fix was found on text an earlier round had already changed.
    const order = new Map<string, number>();
    for (const a of applied) if (!order.has(`${a.file}\u0000${a.object}`)) order.set(`${a.file}\u0000${a.object}`, order.size);
    const sorted = [...applied].sort((a, b) => order.get(`${a.file}\u0000${a.object}`)! - order.get(`${b.file}\u0000${b.object}`)! || a.round - b.round);
    out += table(
      sorted.map((a) => [a.file, a.object, a.slug, a.description]),
      ['FILE', 'OBJECT', 'CHECK', 'CHANGE'],
    );
  }
  if (notApplied.length > 0) {
    out += `\nNot fixed (${notApplied.length}):\n\n`;
    out += table(
      notApplied.map((u) => [u.file, u.object, u.slug, u.reason]),
      ['FILE', 'OBJECT', 'CHECK', 'WHY'],
    );
  }
  if (remaining > 0) out += `\n${remaining} finding${remaining === 1 ? '' : 's'} remain${remaining === 1 ? 's' : ''}${dryRun ? ' after these fixes' : ''}; run \`palisade scan\` to see them.\n`;
  return out;
}

export async function runFix(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, {
    'dry-run': { type: 'boolean' },
    diff: { type: 'boolean' },
    only: { type: 'string', multiple: true },
    'fail-on': { type: 'string' },
    config: { type: 'string', short: 'c' },
    'no-config': { type: 'boolean' },
    waivers: { type: 'string', multiple: true },
    enable: { type: 'string', multiple: true },
    disable: { type: 'string', multiple: true },
    'max-file-size': { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(FIX_HELP);
    return EXIT.clean;
  }
  const failOnRaw = failOnFlag(values['fail-on']);
  const maxFileSize = maxFileSizeFlag(values['max-file-size']);
  if (positionals.includes('-')) throw new UsageError('fix edits files in place; it cannot read stdin (use `palisade scan -` to check piped input)');
  let onlyChecks: Set<string> | undefined;
  const only = splitList(values.only);
  if (values.only !== undefined) {
    if (only.length === 0) throw new UsageError('--only needs check IDs or slugs');
    onlyChecks = new Set();
    for (const sel of only) {
      const hits = resolveSelector(BUILTIN_CHECKS, sel);
      if (hits.length === 0) throw new UsageError(`--only: unknown check "${sel}"; run \`palisade checks list\` to see every ID and slug`);
      for (const c of hits) onlyChecks.add(c.meta.id);
    }
  }
  const dryRun = values['dry-run'] === true;
  const showDiff = dryRun || values.diff === true;

  const outcome = await runFixes({
    inputs: positionals.length ? positionals : ['.'],
    cwd: io.cwd,
    configPath: values.config,
    noConfig: values['no-config'] === true,
    waiverFiles: values.waivers ?? [],
    enable: splitList(values.enable),
    disable: splitList(values.disable),
    failOn: failOnRaw,
    maxFileSize,
    env: io.env,
    now: io.now(),
    tool: { name: TOOL_NAME, version: toolVersion() },
    ...(onlyChecks ? { onlyChecks } : {}),
  });
  if (!outcome.ok) {
    io.stderr.write(`palisade: invalid configuration\n${outcome.issues.map((i) => '  ' + formatIssue(i)).join('\n')}\n`);
    io.stderr.write('Fix the file above (see docs/configuration.md), or run with --no-config.\n');
    return EXIT.usage;
  }

  let writeFailed = false;
  if (!dryRun) {
    for (const f of outcome.files) {
      try {
        writeAtomic(f.abs, f.after, f.before);
      } catch (e) {
        writeFailed = true;
        io.stderr.write(`palisade: cannot write ${f.display}: ${(e as Error).message}\n`);
      }
    }
  }
  // The diff is the product of --dry-run/--diff and goes to stdout (pipe it to `git apply`); the summary then goes to stderr.
  if (showDiff) io.stdout.write(unifiedDiff(outcome.files));
  const remaining = outcome.report.findings.filter((f) => !f.suppressed).length;
  if (!values.quiet) {
    const text = summary(outcome.applied, outcome.notApplied, outcome.settled, outcome.files.length, remaining, dryRun, outcome.rounds);
    (showDiff ? io.stderr : io.stdout).write(text);
  }
  for (const t of outcome.report.targets) {
    for (const e of t.errors) io.stderr.write(`palisade: ${e.location.path}:${e.location.startLine}: ${e.message}\n`);
  }
  if (writeFailed) return EXIT.scanError;
  return exitCodeFor(outcome.report, outcome.failOn);
}
