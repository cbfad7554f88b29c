import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { BUILTIN_CHECKS } from '../checks/index.js';
import type { Check } from '../checks/define-check.js';
import { EXIT, exitCodeFor } from '../core/report.js';
import { FORMATTER_IDS, getFormatter } from '../formatters/index.js';
import type { FormatContext } from '../formatters/define-formatter.js';
import { formatIssue } from '../policy/located.js';
import { resolveSelector } from '../policy/select.js';
import { SCANNERS, scan, type Scanner } from '../scan/scan.js';
import { checkExplain, checkMarkdown, checksIndexMarkdown, secretRulesMarkdown } from './check-docs.js';
import { CHECKS_HELP, MAIN_HELP, SCAN_HELP } from './help.js';
import { dbPathFor, runDb } from './db.js';
import { processIO, useColor, type CliIO } from './io.js';
import { DOCS_BASE_URL, INFORMATION_URI, TOOL_NAME, toolVersion } from './version.js';
import { UsageError, failOnFlag, keyValues, maxFileSizeFlag, parse, splitList } from './args.js';


interface OutputSpec {
  id: string;
  file: string | undefined;
}

function parseFormats(specs: string[], output: string | undefined): OutputSpec[] {
  const list = (specs.length ? specs : ['table']).map((s) => {
    const eq = s.indexOf('=');
    const id = (eq >= 0 ? s.slice(0, eq) : s).trim();
    const file = eq >= 0 ? s.slice(eq + 1) : undefined;
    if (!getFormatter(id)) throw new UsageError(`unknown format "${id}"; choose one of: ${FORMATTER_IDS.join(', ')}`);
    if (file === '') throw new UsageError(`--format ${id}= needs a file name after "="`);
    return { id, file };
  });
  const toStdout = list.filter((o) => o.file === undefined);
  if (output !== undefined) {
    if (toStdout.length !== 1) throw new UsageError('--output applies to exactly one format without "=file"');
    toStdout[0]!.file = output;
  } else if (toStdout.length > 1) {
    throw new UsageError(`only one format can go to stdout; write the others to files, e.g. --format ${toStdout[1]!.id}=report.${toStdout[1]!.id}`);
  }
  return list;
}

async function runScan(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string', short: 'f', multiple: true },
    output: { type: 'string', short: 'o' },
    'fail-on': { type: 'string' },
    config: { type: 'string', short: 'c' },
    'no-config': { type: 'boolean' },
    waivers: { type: 'string', multiple: true },
    enable: { type: 'string', multiple: true },
    disable: { type: 'string', multiple: true },
    'max-file-size': { type: 'string' },
    scanners: { type: 'string', multiple: true },
    git: { type: 'string' },
    malware: { type: 'boolean' },
    image: { type: 'string', multiple: true },
    platform: { type: 'string' },
    'clamd-socket': { type: 'string' },
    'malware-denylist': { type: 'string' },
    'git-range': { type: 'string' },
    db: { type: 'string' },
    vex: { type: 'string', multiple: true },
    rootfs: { type: 'string', multiple: true },
    'registry-ca': { type: 'string' },
    'insecure-registry': { type: 'boolean' },
    'ignore-unfixed': { type: 'boolean' },
    'exclude-dev': { type: 'boolean' },
    profile: { type: 'string', multiple: true },
    'tf-var': { type: 'string', multiple: true },
    'tf-var-file': { type: 'string', multiple: true },
    'helm-values': { type: 'string', multiple: true },
    'helm-set': { type: 'string', multiple: true },
    policy: { type: 'string', multiple: true },
    since: { type: 'string' },
    baseline: { type: 'string' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(SCAN_HELP);
    return EXIT.clean;
  }
  const failOnRaw = failOnFlag(values['fail-on']);
  const maxFileSize = maxFileSizeFlag(values['max-file-size']);
  const outputs = parseFormats(values.format ?? [], values.output);
  const scanners = splitList(values.scanners);
  for (const sc of scanners) if (!(SCANNERS as readonly string[]).includes(sc)) throw new UsageError(`unknown scanner "${sc}"; choose from ${SCANNERS.join(', ')}`);
  const colorFlag = values['no-color'] ? false : values.color ? true : undefined;
  const progress = !values.quiet && io.stderr.isTTY === true;
  let lastDraw = 0;
  const now = io.now();
  if (values['git-range'] !== undefined && values.git === undefined) throw new UsageError('--git-range needs --git <repo>');
  const images = values.image ?? [];
  const rootfs = values.rootfs ?? [];
  const gitOnly = (values.git !== undefined || images.length > 0 || rootfs.length > 0) && positionals.length === 0;
  if ((values['registry-ca'] !== undefined || values['insecure-registry']) && images.length === 0) throw new UsageError('--registry-ca and --insecure-registry need --image <reference>');
  if (values.platform !== undefined && images.length === 0) throw new UsageError('--platform needs --image <path>');
  if ((values['clamd-socket'] !== undefined || values['malware-denylist'] !== undefined) && !values.malware) throw new UsageError('--clamd-socket and --malware-denylist need --malware');
  const clamdSocket = values['clamd-socket'] ?? io.env.PALISADE_CLAMD_SOCKET;
  // By default: the check library and known vulnerabilities in lockfiles; images are also searched for secrets.
  // An explicit --scanners list applies to everything, images included.
  const activeScanners: Scanner[] = scanners.length ? (scanners as Scanner[]) : ['config', 'vuln'];
  const imageSecrets = images.length > 0 && (scanners.length === 0 || scanners.includes('secrets'));
  if ((values['ignore-unfixed'] || values['exclude-dev'] || values.db !== undefined || rootfs.length > 0) && !activeScanners.includes('vuln')) {
    throw new UsageError('--db, --ignore-unfixed, --exclude-dev and --rootfs need the vuln scanner (--scanners vuln)');
  }
  const outcome = await scan({
    // `--git <repo>` or `--image` alone scans only that; with paths, both.
    inputs: gitOnly ? [] : positionals.length ? positionals : ['.'],
    cwd: io.cwd,
    configPath: values.config,
    noConfig: values['no-config'] === true,
    waiverFiles: values.waivers ?? [],
    vexFiles: values.vex ?? [],
    enable: splitList(values.enable),
    disable: splitList(values.disable),
    failOn: failOnRaw,
    maxFileSize,
    scanners: activeScanners,
    secretRules: activeScanners.includes('secrets') || values.git !== undefined || imageSecrets ? await secretRules() : undefined,
    ...(images.length > 0
      ? {
          images: {
            paths: images,
            secrets: imageSecrets,
            ...(values.platform ? { platform: values.platform } : {}),
            registry: { insecure: values['insecure-registry'] === true, ...(values['registry-ca'] ? { caFile: values['registry-ca'] } : {}), env: io.env },
          },
        }
      : {}),
    ...(rootfs.length > 0 ? { rootfs } : {}),
    ...(activeScanners.includes('vuln')
      ? {
          vuln: {
            dbPath: await dbPathFor(io, values.db),
            required: scanners.includes('vuln'),
            ignoreUnfixed: values['ignore-unfixed'] === true,
            excludeDev: values['exclude-dev'] === true,
          },
        }
      : {}),
    ...(values.malware
      ? { malware: { clamd: clamdSocket ? { socket: clamdSocket } : {}, ...(values['malware-denylist'] ? { denylistFile: values['malware-denylist'] } : {}) } }
      : {}),
    ...(values.git !== undefined ? { git: { repo: values.git, ...(values['git-range'] ? { range: values['git-range'] } : {}) } } : {}),
    env: io.env,
    ...(values.profile ? { composeProfiles: splitList(values.profile) } : {}),
    ...(values['tf-var'] ? { terraformVars: keyValues(values['tf-var'], '--tf-var') } : {}),
    ...(values['tf-var-file'] ? { terraformVarFiles: values['tf-var-file'] } : {}),
    ...(values['helm-values'] || values['helm-set']
      ? { helm: { valuesFiles: values['helm-values'] ?? [], set: values['helm-set'] ?? [] } }
      : {}),
    ...(values.policy ? { policyPaths: values.policy } : {}),
    ...(values.since !== undefined ? { since: values.since } : {}),
    ...(values.baseline !== undefined ? { baseline: values.baseline } : {}),
    now,
    tool: { name: TOOL_NAME, version: toolVersion() },
    onProgress: progress
      ? (done, total) => {
          const t = Date.now();
          if (done !== total && t - lastDraw < 100) return;
          lastDraw = t;
          io.stderr.write(done === total ? '\r\x1b[K' : `\rScanning ${done}/${total} files…`);
        }
      : undefined,
  });
  if (!outcome.ok) {
    io.stderr.write(`palisade: invalid configuration\n${outcome.issues.map((i) => '  ' + formatIssue(i)).join('\n')}\n`);
    io.stderr.write('Fix the file above (see docs/configuration.md), or run with --no-config.\n');
    return EXIT.usage;
  }
  const checks = outcome.active.map((a) => ({ ...a.check.meta, severity: a.severity }));
  for (const out of outputs) {
    const f = getFormatter(out.id)!;
    const ctx: FormatContext = {
      toolName: TOOL_NAME,
      toolVersion: toolVersion(),
      informationUri: INFORMATION_URI,
      checks,
      cwd: io.cwd,
      now: now.toISOString(),
      color: out.file === undefined ? useColor(io, colorFlag) : false,
      width: Math.max(60, io.stdout.columns ?? 100),
      docsBaseUrl: DOCS_BASE_URL,
    };
    const text = f.format(outcome.report, ctx);
    if (out.file === undefined) io.stdout.write(text);
    else {
      const path = resolve(io.cwd, out.file);
      try {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
      } catch (e) {
        io.stderr.write(`palisade: cannot write ${out.file}: ${(e as Error).message}\n`);
        return EXIT.usage;
      }
    }
  }
  return exitCodeFor(outcome.report, outcome.failOn);
}

function findOne(id: string): Check<unknown> {
  const hits = resolveSelector(BUILTIN_CHECKS, id).filter(() => !id.startsWith('category:'));
  if (hits.length !== 1) throw new UsageError(`unknown check "${id}"; run \`palisade checks list\` to see every ID and slug`);
  return hits[0]!;
}

function runChecks(args: string[], io: CliIO): number {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout.write(CHECKS_HELP);
    return sub ? EXIT.clean : EXIT.usage;
  }
  if (sub === 'explain') {
    const { positionals, values } = parse(rest, { help: { type: 'boolean', short: 'h' } });
    if (values.help) {
      io.stdout.write(CHECKS_HELP);
      return EXIT.clean;
    }
    if (positionals.length !== 1) throw new UsageError('checks explain takes exactly one check ID or slug');
    io.stdout.write(checkExplain(findOne(positionals[0]!)));
    return EXIT.clean;
  }
  if (sub !== 'list') throw new UsageError(`unknown checks subcommand "${sub}"; use list or explain`);
  const { values } = parse(rest, { format: { type: 'string', short: 'f' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.stdout.write(CHECKS_HELP);
    return EXIT.clean;
  }
  const fmt = values.format ?? 'table';
  const checks = BUILTIN_CHECKS;
  if (fmt === 'json') {
    io.stdout.write(JSON.stringify(checks.map((c) => c.meta), null, 2) + '\n');
  } else if (fmt === 'markdown') {
    if (values.out) {
      const dir = resolve(io.cwd, values.out);
      mkdirSync(dir, { recursive: true });
      for (const c of checks) writeFileSync(join(dir, `${c.meta.slug}.md`), checkMarkdown(c));
      writeFileSync(join(dir, 'README.md'), checksIndexMarkdown(checks));
      io.stderr.write(`wrote ${checks.length} check pages and README.md to ${values.out}\n`);
    } else io.stdout.write(checksIndexMarkdown(checks));
  } else if (fmt === 'table') {
    const rows = checks.map((c) => [c.meta.id, c.meta.slug + (c.meta.defaultEnabled ? '' : ' (opt-in)'), c.meta.severity, c.meta.category, c.meta.title]);
    const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['ID', 'SLUG', 'SEVERITY', 'CATEGORY'][i]!.length));
    const line = (r: string[]) => r.map((v, i) => (i < 4 ? v.padEnd(widths[i]!) : v)).join('  ');
    io.stdout.write([line(['ID', 'SLUG', 'SEVERITY', 'CATEGORY', 'TITLE']), ...rows.map(line)].join('\n') + `\n\n${checks.length} checks\n`);
  } else throw new UsageError(`checks list --format must be table, json or markdown, got "${fmt}"`);
  return EXIT.clean;
}

/** Loaded on demand: a config-only scan (the editor and pre-commit case) should not pay for 85 secret rules. */
async function secretRules() {
  return (await import('../secrets/rules/index.js')).BUILTIN_SECRET_RULES;
}

async function runSecrets(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'list') throw new UsageError('usage: palisade secrets list [--format table|json|markdown]');
  const { values } = parse(rest, { format: { type: 'string', short: 'f' } });
  const fmt = values.format ?? 'table';
  const rules = await secretRules();
  if (fmt === 'json') io.stdout.write(JSON.stringify(rules.map((r) => ({ ...r.meta, pattern: r.pattern.source })), null, 2) + '\n');
  else if (fmt === 'markdown') io.stdout.write(secretRulesMarkdown(rules));
  else if (fmt === 'table') {
    const w = Math.max(...rules.map((r) => r.meta.slug.length));
    io.stdout.write(rules.map((r) => `${r.meta.id}  ${r.meta.slug.padEnd(w)}  ${r.meta.severity.padEnd(8)}  ${r.meta.title}`).join('\n') + `\n\n${rules.length} secret rules\n`);
  } else throw new UsageError(`secrets list --format must be table, json or markdown, got "${fmt}"`);
  return EXIT.clean;
}

/** The whole CLI; returns the exit code. Never throws for user mistakes: they become exit 2 with a message. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'scan':
        return await runScan(rest, io);
      case 'checks':
        return runChecks(rest, io);
      case 'secrets':
        return await runSecrets(rest, io);
      case 'fix':
        return await (await import('./fix.js')).runFix(rest, io);
      case 'policy':
        return await (await import('./policy.js')).runPolicy(rest, io);
      case 'db':
        return await runDb(rest, io, (a, o) => parse(a, o) as { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] });
      case 'version':
      case '--version':
      case '-v':
        io.stdout.write(`${TOOL_NAME} ${toolVersion()}\n`);
        return EXIT.clean;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(MAIN_HELP);
        return cmd === undefined ? EXIT.usage : EXIT.clean;
      default:
        throw new UsageError(`unknown command "${cmd}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`palisade: ${e.message}\nRun \`palisade --help\` for usage.\n`);
      return EXIT.usage;
    }
    const err = e as Error;
    io.stderr.write(`palisade: internal error: ${err.message}\nThis is a bug; please report it with the command you ran.\n`);
    if (io.env.PALISADE_DEBUG) io.stderr.write(`${err.stack ?? ''}\n`);
    return EXIT.scanError;
  }
}
