import { createHash } from 'node:crypto';
import type { Finding } from '../core/finding.js';
import type { Target, TargetIssue } from '../core/report.js';
import type { SecretRule } from '../secrets/define-rule.js';
import { scanText } from '../secrets/engine.js';
import { scanImage, type ImageFileEntry, type ImageSource } from './image/index.js';
import { ClamdClient, type ClamdVerdict } from './malware/clamd.js';
import { MALWARE_CHECKS, malwareFinding } from './malware/scan-dir.js';
import { textSecretFinding } from './secrets.js';

export interface ImageScanOptions {
  secretRules?: readonly SecretRule[];
  malware?: { clamd: { socket?: string; host?: string; port?: number }; denylist?: Map<string, string> };
  /** Larger files are not scanned for secrets (a warning says so); with malware on they are streamed to clamd. */
  maxFileBytes: number;
  platform?: string;
}

async function readAll(stream: NodeJS.ReadableStream, max: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of stream as AsyncIterable<Buffer>) {
    n += c.length;
    if (n > max) return undefined;
    chunks.push(c);
  }
  return Buffer.concat(chunks);
}

/**
 * Secrets and malware in a container image (OCI layout, OCI tar or `docker save` archive), layer by layer as a
 * stream: every file of every layer, including files a later layer deletes — they are still shipped in the image.
 * Finding paths read `<image>!/<path in the image>`; the message names the layer.
 */
export async function scanImageTarget(source: ImageSource, display: string, opts: ImageScanOptions): Promise<{ findings: Finding[]; target: Target }> {
  const target: Target = { path: display, kind: 'image', resources: 0, skippedDocuments: 0, errors: [], warnings: [] };
  const findings: { finding: Finding; layer: number; path: string }[] = [];
  const clamd = opts.malware ? new ClamdClient(opts.malware.clamd) : undefined;
  let clamdDown: string | undefined;
  let unscanned = 0;
  const at = (path: string): TargetIssue['location'] => ({ path: `${display}!/${path}`, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });

  const malwareVerdict = async (sha256: string, v: ClamdVerdict, e: ImageFileEntry, where: string, layerNote: string): Promise<void> => {
    const name = opts.malware?.denylist?.get(sha256);
    if (name !== undefined) {
      findings.push({ finding: malwareFinding(MALWARE_CHECKS[1]!, where, sha256, `File SHA-256 ${sha256} is on the deny-list ("${name}")${layerNote}.`), layer: e.layer, path: e.path });
    }
    if (v.status === 'infected') {
      findings.push({ finding: malwareFinding(MALWARE_CHECKS[0]!, where, sha256, `ClamAV signature "${v.signature}" matched this file${layerNote}.`), layer: e.layer, path: e.path });
    } else if (v.status === 'not-scanned') {
      target.warnings.push({ code: 'malware-not-scanned', message: `${e.path}: ${v.reason}`, location: at(e.path) });
    } else if (v.status === 'error') {
      if (v.unavailable) {
        clamdDown = v.message;
        unscanned++;
      } else target.errors.push({ code: 'malware-scan-failed', message: `${e.path}: ${v.message}`, location: at(e.path) });
    }
  };

  const onFile = async (e: ImageFileEntry): Promise<void> => {
    if (e.type !== 'file' || !e.stream) return;
    const where = `${display}!/${e.path}`;
    const layerNote = ` (layer ${e.layer}, ${e.layerDigest.slice(0, 19)})`;
    if (e.size > opts.maxFileBytes) {
      target.warnings.push({ code: 'too-large', message: `${e.path} in layer ${e.layer} is over ${opts.maxFileBytes} bytes: not scanned for secrets`, location: at(e.path) });
      if (!opts.malware || clamdDown) return;
      // Large files go to clamd as a stream, hashed on the way; whatever clamd does not read is drained for the hash.
      const hash = createHash('sha256');
      const source = e.stream as AsyncIterable<Buffer>;
      const iterator = source[Symbol.asyncIterator]();
      const hashed: AsyncIterable<Buffer> = {
        [Symbol.asyncIterator]: () => ({
          next: async () => {
            const r = await iterator.next();
            if (!r.done) hash.update(r.value);
            return r;
          },
        }),
      };
      const v = await clamd!.scanStream(hashed, { size: e.size });
      for (let r = await iterator.next(); !r.done; r = await iterator.next()) hash.update(r.value);
      await malwareVerdict(hash.digest('hex'), v, e, where, layerNote);
      return;
    }
    const content = await readAll(e.stream, opts.maxFileBytes);
    if (!content) return;
    if (opts.secretRules && !content.subarray(0, 8192).includes(0)) {
      for (const h of scanText(content.toString('utf8'), opts.secretRules)) {
        const f = textSecretFinding(h, { path: where, startLine: h.startLine, startColumn: h.startColumn, endLine: h.endLine, endColumn: h.endColumn });
        findings.push({ finding: { ...f, message: f.message.replace(/\.$/, '') + layerNote + '.' }, layer: e.layer, path: e.path });
      }
    }
    if (opts.malware) {
      const sha256 = createHash('sha256').update(content).digest('hex');
      if (clamdDown) {
        unscanned++;
        await malwareVerdict(sha256, { status: 'clean' }, e, where, layerNote);
        return;
      }
      await malwareVerdict(sha256, await clamd!.scanStream(content), e, where, layerNote);
    }
  };

  // With malware on, every file is streamed (large ones straight to clamd); otherwise the reader skips large contents.
  const res = await scanImage(source, onFile, { ...(opts.malware ? {} : { maxFileBytes: opts.maxFileBytes }), ...(opts.platform ? { platform: opts.platform } : {}) });
  for (const i of res.issues) {
    const issue: TargetIssue = { code: i.code, message: i.message, location: at(i.path ?? '') };
    (i.level === 'error' ? target.errors : target.warnings).push(issue);
  }
  if (clamdDown) {
    target.errors.push({ code: 'clamd-unavailable', message: `${clamdDown} — ${unscanned} files of the image not scanned for malware`, location: at('') });
  }
  // A file deleted or replaced by a later layer is not in the running container, but it is in the image anyone can pull.
  const deleted = new Map(res.deleted.map((d) => [`${d.layer}\u0000${d.path}`, d.deletedInLayer]));
  const out = findings.map(({ finding, layer, path }) => {
    const by = deleted.get(`${layer}\u0000${path}`);
    return by === undefined ? finding : { ...finding, message: `${finding.message.replace(/\.$/, '')} — deleted by layer ${by}, but still shipped in the image.` };
  });
  target.resources = res.image.layers.length;
  return { findings: out, target };
}
