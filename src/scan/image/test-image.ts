// Builds real OCI image layouts for tests (tar-stream + zlib + sha256). Test-only: not imported by product code.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
export const LAYER_TAR = 'application/vnd.oci.image.layer.v1.tar';
export const LAYER_GZ = 'application/vnd.oci.image.layer.v1.tar+gzip';
export const LAYER_ZSTD = 'application/vnd.oci.image.layer.v1.tar+zstd';

const tmpRoots: string[] = [];
export async function tmp(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'palisade-image-'));
  tmpRoots.push(d);
  return d;
}
after(async () => {
  for (const d of tmpRoots) await rm(d, { recursive: true, force: true });
});

export const sha = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

export interface E {
  name: string;
  type?: 'file' | 'directory' | 'symlink' | 'link';
  content?: string | Buffer;
  linkname?: string;
  mode?: number;
}

export async function tarOf(entries: E[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const e of entries) {
    const type = e.type ?? 'file';
    if (type === 'file') pack.entry({ name: e.name, type, mode: e.mode ?? 0o644 }, Buffer.from(e.content ?? ''));
    else pack.entry({ name: e.name, type, mode: 0o755, ...(e.linkname !== undefined ? { linkname: e.linkname } : {}) });
  }
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export interface Desc {
  mediaType: string;
  digest: string;
  size: number;
  platform?: { os: string; architecture: string };
}

export async function putBlob(dir: string, data: Buffer, mediaType: string): Promise<Desc> {
  const digest = sha(data);
  await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true });
  await writeFile(join(dir, 'blobs', 'sha256', digest.slice(7)), data);
  return { mediaType, digest, size: data.length };
}

export interface LayerIn {
  data: Buffer;
  mediaType: string;
  /** Uncompressed tar, for the config's diff_ids. */
  tar?: Buffer;
}

export async function putImage(dir: string, layers: LayerIn[], arch = 'amd64'): Promise<Desc> {
  const layerDescs: Desc[] = [];
  for (const l of layers) layerDescs.push(await putBlob(dir, l.data, l.mediaType));
  const config = { architecture: arch, os: 'linux', rootfs: { type: 'layers', diff_ids: layers.map((l) => sha(l.tar ?? l.data)) } };
  const cfg = await putBlob(dir, Buffer.from(JSON.stringify(config)), OCI_CONFIG);
  const manifest = { schemaVersion: 2, mediaType: OCI_MANIFEST, config: cfg, layers: layerDescs };
  return putBlob(dir, Buffer.from(JSON.stringify(manifest)), OCI_MANIFEST);
}

export async function writeIndex(dir: string, manifests: Desc[]): Promise<void> {
  await writeFile(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  await writeFile(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests }));
}

/** A one-image OCI layout in a fresh directory. */
export async function oci(layers: LayerIn[]): Promise<{ dir: string; manifest: Desc }> {
  const dir = await tmp();
  const manifest = await putImage(dir, layers);
  await writeIndex(dir, [manifest]);
  return { dir, manifest };
}

export const gz = (t: Buffer): LayerIn => ({ data: gzipSync(t), mediaType: LAYER_GZ, tar: t });
export const plain = (t: Buffer): LayerIn => ({ data: t, mediaType: LAYER_TAR, tar: t });

