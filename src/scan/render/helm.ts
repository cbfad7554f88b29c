import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { DataPath } from '../../core/location.js';
import { isRecord, parseYamlDocuments } from '../../parsers/k8s-yaml/index.js';
import { toDisplay } from '../walk.js';
import { findRenderer, missingRendererMessage } from './binaries.js';
import { runTool, trimStderr, type ToolLimits } from './exec.js';
import { mappedLocator, parseRendered, relocate, renderTarget, targetIssue, type RenderOutput } from './rendered.js';
import { TemplateText } from './template-lines.js';

export interface HelmChart {
  /** Chart directory, or the packaged chart (.tgz). */
  abs: string;
  archive: boolean;
}

export interface RenderContext {
  cwd: string;
  env: Record<string, string | undefined>;
  limits: ToolLimits;
  helm?: { valuesFiles: string[]; set: string[] };
}

/** Chart archives are read whole to find template text; bigger ones are reported without template lines. */
const MAX_ARCHIVE_BYTES = 20 * 1024 * 1024;

/** A valid release name (DNS label, ≤ 53 characters as helm requires) from the chart name. */
export function releaseName(chartName: string): string {
  const s = chartName.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 53).replace(/-+$/, '');
  return s === '' ? 'release' : s;
}

function chartNameOf(chart: HelmChart): string {
  if (chart.archive) return basename(chart.abs).replace(/\.(tgz|tar\.gz)$/i, '').replace(/-v?\d+\.\d+\.\d+.*$/, '');
  try {
    const doc = parseYamlDocuments(readFileSync(join(chart.abs, 'Chart.yaml'), 'utf8'), 'Chart.yaml').documents[0]?.value;
    if (isRecord(doc) && typeof doc.name === 'string') return doc.name;
  } catch {
    // helm reports an unreadable Chart.yaml itself; the directory name is a fine release name meanwhile.
  }
  return basename(chart.abs);
}

/**
 * Template texts inside a chart archive, by path inside the archive (`mychart/templates/x.yaml`). A ustar reader is a
 * dozen lines over a gunzipped buffer; the image scanner's streaming reader is built for layers, not for this.
 */
export function archiveTexts(abs: string): Map<string, string> {
  const out = new Map<string, string>();
  let buf: Buffer;
  try {
    if (statSync(abs).size > MAX_ARCHIVE_BYTES) return out;
    buf = gunzipSync(readFileSync(abs), { maxOutputLength: 4 * MAX_ARCHIVE_BYTES });
  } catch {
    return out;
  }
  let off = 0;
  let longName: string | undefined;
  while (off + 512 <= buf.length) {
    const h = buf.subarray(off, off + 512);
    if (h.every((b) => b === 0)) break;
    const str = (a: number, n: number): string => h.subarray(a, a + n).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(str(124, 12).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0) break;
    const type = String.fromCharCode(h[156]!);
    const prefix = str(345, 155);
    const name = longName ?? (prefix ? `${prefix}/${str(0, 100)}` : str(0, 100));
    longName = undefined;
    const body = buf.subarray(off + 512, off + 512 + size);
    if (type === 'L') longName = body.toString('utf8').replace(/\0.*$/s, '');
    else if ((type === '0' || type === '\0') && /\.(ya?ml|tpl|txt|json)$/i.test(name)) out.set(name.replace(/^\.\//, ''), body.toString('utf8'));
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

/** `helm template` on one chart; objects are reported at their template file (`# Source:`), see docs/helm-kustomize.md. */
export async function renderHelmChart(chart: HelmChart, ctx: RenderContext): Promise<RenderOutput> {
  const display = toDisplay(ctx.cwd, chart.abs);
  const target = renderTarget(display, 'helm');
  const files = new Set<string>();
  const bin = findRenderer('helm', ctx.env);
  if (!bin) {
    target.errors.push(targetIssue('renderer-missing', missingRendererMessage('helm', 'chart'), display));
    return { target, objects: [], files };
  }
  const name = chartNameOf(chart);
  const args = ['template', releaseName(name), chart.abs];
  for (const f of ctx.helm?.valuesFiles ?? []) args.push('-f', resolve(ctx.cwd, f));
  for (const s of ctx.helm?.set ?? []) args.push('--set', s);
  const run = await runTool(bin, args, { cwd: ctx.cwd, env: ctx.env, limits: ctx.limits });
  if (!run.ok) {
    const why = trimStderr(run.stderr) || run.reason || 'unknown failure';
    const hint = /missing in charts\/ directory/.test(why) && !/helm dependency build/.test(why) ? ` (run \`helm dependency build ${display}\`)` : '';
    // helm names the template and line of a parse or execution error (`(web/templates/pod.yaml:5)`): point there when it exists.
    const at = /\(([^():\s]+\/templates\/[^():\s]+):(\d+)(?::\d+)?\)/.exec(why);
    const file = at && !chart.archive ? join(chart.abs, at[1]!.split('/').slice(1).join('/')) : undefined;
    const where = file && existsSync(file) ? toDisplay(ctx.cwd, file) : display;
    target.errors.push(targetIssue('render-failed', `helm template failed (${run.reason}): ${why}${hint}`, where, where === display ? 1 : Number(at![2])));
    return { target, objects: [], files };
  }
  const archive = chart.archive ? archiveTexts(chart.abs) : undefined;
  const texts = new Map<string, TemplateText | undefined>();
  const templateOf = (source: string): { file: string; text: TemplateText | undefined } => {
    // `# Source: <chart name>/templates/x.yaml`; subcharts: `<chart>/charts/<sub>/templates/x.yaml`.
    const inChart = source.split('/').slice(1).join('/');
    let file: string;
    let text: TemplateText | undefined;
    if (archive) {
      file = `${display}/${source}`;
      if (!texts.has(file)) texts.set(file, archive.has(source) ? new TemplateText(archive.get(source)!) : undefined);
      text = texts.get(file);
    } else {
      const abs = join(chart.abs, inChart);
      // A packaged subchart in charts/ has no file on disk: report it inside its archive's name, without a line.
      file = existsSync(abs) ? toDisplay(ctx.cwd, abs) : `${display}/${inChart}`;
      if (!texts.has(file)) {
        let t: TemplateText | undefined;
        try {
          t = new TemplateText(readFileSync(abs, 'utf8'));
        } catch {
          t = undefined;
        }
        texts.set(file, t);
      }
      text = texts.get(file);
    }
    return { file, text };
  };
  const seen = new Map<string, number>();
  const docs = parseRendered(run.stdout, target);
  const objects = docs.map(({ obj, header }) => {
    const sourceLine = header.find((l) => l.startsWith('# Source:'));
    if (!sourceLine) return obj;
    const { file, text } = templateOf(sourceLine.slice('# Source:'.length).trim());
    const key = `${file}\0${obj.kind}`;
    const nth = seen.get(key) ?? 0;
    seen.set(key, nth + 1);
    files.add(file);
    const place = (existing: DataPath) =>
      text ? text.locate(file, existing, obj.kind, nth) : { path: file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
    return relocate(obj, file, mappedLocator(obj.source, place));
  });
  target.resources = objects.length;
  return { target, objects, files };
}
