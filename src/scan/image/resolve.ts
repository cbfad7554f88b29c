/** Resolve an image source to its configuration and ordered layer list (OCI layout or `docker save`). */
import { ImageError, blobPath, normalisePath, readJson } from './store.js';
import type { Store } from './store.js';

export interface LayerPlan {
  /** Path of the layer in the store. */
  path: string;
  digest: string;
  mediaType: string;
  size: number;
  /** Which bytes `verifyDigest` covers: the blob as stored (OCI), or the uncompressed tar (docker save diff_id). */
  verify?: { digest: string; over: 'blob' | 'tar' };
}

export interface ResolvedImage {
  digest?: string;
  os?: string;
  architecture?: string;
  layers: LayerPlan[];
}

export interface ResolveIssue {
  code: string;
  message: string;
  level: 'error' | 'warning';
}

export interface Descriptor {
  mediaType?: string;
  digest: string;
  size: number;
  platform?: { os?: string; architecture?: string; variant?: string };
  annotations?: Record<string, string>;
}

export const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function descriptor(v: unknown, what: string): Descriptor {
  if (!isObj(v) || typeof v.digest !== 'string' || typeof v.size !== 'number') {
    throw new ImageError('invalid-manifest', `${what}: not a valid descriptor (needs digest and size)`);
  }
  blobPath(v.digest);
  const d: Descriptor = { digest: v.digest, size: v.size };
  if (typeof v.mediaType === 'string') d.mediaType = v.mediaType;
  if (isObj(v.platform)) {
    const p = v.platform;
    d.platform = {};
    if (typeof p.os === 'string') d.platform.os = p.os;
    if (typeof p.architecture === 'string') d.platform.architecture = p.architecture;
    if (typeof p.variant === 'string') d.platform.variant = p.variant;
  }
  if (isObj(v.annotations)) d.annotations = v.annotations as Record<string, string>;
  return d;
}

const platformOf = (d: Descriptor): string =>
  d.platform ? [d.platform.os ?? '?', d.platform.architecture ?? '?', d.platform.variant].filter(Boolean).join('/') : 'unspecified';

function isAttestation(d: Descriptor): boolean {
  return d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' || (d.platform?.os === 'unknown' && d.platform.architecture === 'unknown');
}

function pick(all: Descriptor[], platform: string | undefined, issues: ResolveIssue[]): Descriptor {
  const candidates = all.filter((d) => !isAttestation(d));
  if (candidates.length === 0) throw new ImageError('invalid-manifest', 'the image index lists no image manifests');
  if (platform !== undefined) {
    const [os, arch, variant] = platform.split('/');
    const hit = candidates.find(
      (d) => d.platform?.os === os && d.platform?.architecture === arch && (variant === undefined || d.platform?.variant === variant),
    );
    if (hit) return hit;
    const unlabelled = candidates.filter((d) => !d.platform);
    if (candidates.length === 1 && unlabelled.length === 1) return unlabelled[0]!; // checked against the config later
    throw new ImageError('platform-not-found', `no manifest for platform ${platform}; available: ${candidates.map(platformOf).join(', ')}`);
  }
  if (candidates.length === 1) return candidates[0]!;
  const amd64 = candidates.find((d) => d.platform?.os === 'linux' && d.platform?.architecture === 'amd64');
  if (amd64) return amd64;
  issues.push({
    code: 'platform-ambiguous',
    level: 'warning',
    message: `the index lists ${candidates.length} manifests and none is linux/amd64; scanning the first (${platformOf(candidates[0]!)}); pass a platform to choose`,
  });
  return candidates[0]!;
}

function checkPlatform(platform: string | undefined, os: string | undefined, arch: string | undefined): void {
  if (platform === undefined) return;
  const [wantOs, wantArch] = platform.split('/');
  if ((os !== undefined && os !== wantOs) || (arch !== undefined && arch !== wantArch)) {
    throw new ImageError('platform-not-found', `the image is ${os ?? '?'}/${arch ?? '?'}, not ${platform}`);
  }
}

function layerMediaTypeOk(mt: string): boolean {
  return /^application\/vnd\.(oci\.image\.layer\.(v1\.)?|docker\.image\.rootfs\.(foreign\.)?diff\.)tar/.test(mt) || mt.includes('layer');
}

/** Reads the documents an index or manifest points at (digest-verified): local blobs for a layout, HTTP for a registry. */
export interface ManifestReader {
  manifest(d: Descriptor, what: string): Promise<unknown>;
  config(d: Descriptor, what: string): Promise<unknown>;
  /** Where the store serves a layer blob from. */
  layerPath(digest: string): string;
}

/**
 * Walks from an index (OCI index, docker manifest list) or a manifest (OCI, docker schema 2) down to the image manifest
 * for the platform, and lists its layers. Shared by OCI layouts and registries.
 */
export async function resolveManifestTree(root: unknown, rootWhat: string, rootDigest: string | undefined, reader: ManifestReader, platform: string | undefined, issues: ResolveIssue[]): Promise<ResolvedImage> {
  let node = root;
  let nodeWhat = rootWhat;
  let digest = rootDigest;
  let labelled = false;
  for (let depth = 0; depth < 8; depth++) {
    if (isObj(node) && Array.isArray(node.manifests)) {
      const list = node.manifests.map((m, i) => descriptor(m, `${nodeWhat} manifests[${i}]`));
      const chosen = pick(list, platform, issues);
      node = await reader.manifest(chosen, `manifest ${chosen.digest}`);
      nodeWhat = `manifest ${chosen.digest}`;
      digest = chosen.digest;
      labelled = chosen.platform !== undefined;
      continue;
    }
    if (isObj(node) && node.schemaVersion === 1) {
      throw new ImageError('unsupported-manifest', `${nodeWhat} is a docker schema 1 manifest (deprecated since 2017); it is not supported — re-push the image with a current client`);
    }
    if (!isObj(node) || !Array.isArray(node.layers)) throw new ImageError('invalid-manifest', `${nodeWhat} has no "layers" array`);
    const doc = node;
    const layers: unknown[] = node.layers;
    const out: ResolvedImage = { layers: [] };
    if (digest !== undefined) out.digest = digest;
    if (doc.config !== undefined) {
      const cfgDesc = descriptor(doc.config, `${nodeWhat} config`);
      try {
        const cfg = await reader.config(cfgDesc, `config ${cfgDesc.digest}`);
        if (isObj(cfg)) {
          if (typeof cfg.os === 'string') out.os = cfg.os;
          if (typeof cfg.architecture === 'string') out.architecture = cfg.architecture;
        }
      } catch (err) {
        if (!(err instanceof ImageError)) throw err;
        issues.push({ code: err.code, level: 'error', message: err.message });
      }
    }
    if (!labelled) checkPlatform(platform, out.os, out.architecture);
    layers.forEach((l, i) => {
      const d = descriptor(l, `${nodeWhat} layers[${i}]`);
      const mediaType = d.mediaType ?? 'application/vnd.oci.image.layer.v1.tar';
      if (!layerMediaTypeOk(mediaType)) {
        issues.push({ code: 'unexpected-media-type', level: 'warning', message: `layer ${i} has media type ${mediaType}; reading it as a tar` });
      }
      out.layers.push({ path: reader.layerPath(d.digest), digest: d.digest, mediaType, size: d.size, verify: { digest: d.digest, over: 'blob' } });
    });
    return out;
  }
  throw new ImageError('invalid-manifest', 'image indexes nest more than 8 deep');
}

export async function resolveOci(store: Store, platform: string | undefined, issues: ResolveIssue[]): Promise<ResolvedImage> {
  const index = await readJson(store, 'index.json', 'index.json');
  if (!isObj(index) || !Array.isArray(index.manifests)) throw new ImageError('invalid-manifest', 'index.json has no "manifests" array');
  const reader: ManifestReader = {
    manifest: (d, what) => readJson(store, blobPath(d.digest), what, d.digest),
    config: (d, what) => readJson(store, blobPath(d.digest), what, d.digest),
    layerPath: blobPath,
  };
  return resolveManifestTree(index, 'index.json', undefined, reader, platform, issues);
}

/** Classic `docker save` layout: manifest.json with Config and Layers paths. */
export async function resolveDockerSave(store: Store, platform: string | undefined, issues: ResolveIssue[]): Promise<ResolvedImage> {
  const manifest = await readJson(store, 'manifest.json', 'manifest.json');
  if (!Array.isArray(manifest) || manifest.length === 0 || !isObj(manifest[0])) {
    throw new ImageError('invalid-manifest', 'manifest.json is not a non-empty array of image entries');
  }
  if (manifest.length > 1) {
    issues.push({ code: 'multiple-images', level: 'warning', message: `the archive holds ${manifest.length} images; scanning the first` });
  }
  const entry = manifest[0];
  if (typeof entry.Config !== 'string' || !Array.isArray(entry.Layers) || !entry.Layers.every((l) => typeof l === 'string')) {
    throw new ImageError('invalid-manifest', 'manifest.json entry needs a "Config" path and a "Layers" array of paths');
  }
  const safe = (p: string): string => {
    const n = normalisePath(p);
    if (n === undefined || n === '') throw new ImageError('path-traversal', `manifest.json path ${JSON.stringify(p)} escapes the archive`);
    return n;
  };
  const digestFromPath = (p: string): string | undefined => {
    const m = /^blobs\/(sha256)\/([a-f0-9]{64})$/.exec(p) ?? /^()([a-f0-9]{64})\.json$/.exec(p);
    return m ? `sha256:${m[2]}` : undefined;
  };
  const cfgPath = safe(entry.Config);
  const out: ResolvedImage = { layers: [] };
  let diffIds: unknown[] = [];
  try {
    const cfg = await readJson(store, cfgPath, `config ${cfgPath}`, digestFromPath(cfgPath));
    if (isObj(cfg)) {
      if (typeof cfg.os === 'string') out.os = cfg.os;
      if (typeof cfg.architecture === 'string') out.architecture = cfg.architecture;
      if (isObj(cfg.rootfs) && Array.isArray(cfg.rootfs.diff_ids)) diffIds = cfg.rootfs.diff_ids;
    }
    const cfgDigest = digestFromPath(cfgPath);
    if (cfgDigest) out.digest = cfgDigest;
  } catch (err) {
    if (!(err instanceof ImageError)) throw err;
    issues.push({ code: err.code, level: 'error', message: err.message });
  }
  checkPlatform(platform, out.os, out.architecture);
  for (const [i, raw] of (entry.Layers as string[]).entries()) {
    const path = safe(raw);
    const size = (await store.size(path)) ?? 0;
    const blobDigest = digestFromPath(path);
    const diffId = typeof diffIds[i] === 'string' && /^sha256:[a-f0-9]{64}$/.test(diffIds[i] as string) ? (diffIds[i] as string) : undefined;
    const plan: LayerPlan = { path, digest: blobDigest ?? diffId ?? path, mediaType: 'application/vnd.docker.image.rootfs.diff.tar', size };
    if (blobDigest) plan.verify = { digest: blobDigest, over: 'blob' };
    else if (diffId) plan.verify = { digest: diffId, over: 'tar' };
    out.layers.push(plan);
  }
  return out;
}
