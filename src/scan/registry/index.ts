/**
 * Images pulled straight from a registry (OCI distribution API v2) and read as a stream: the manifest and config are
 * fetched, each layer blob is streamed through the same layer walker as a local image (gunzip, digest check, tar) —
 * nothing is written to disk and no layer is held in memory.
 */
import type { Readable } from 'node:stream';
import { resolveManifestTree, type ManifestReader, type ResolveIssue, type ResolvedImage } from '../image/resolve.js';
import { ImageError, blobPath } from '../image/store.js';
import type { Store } from '../image/store.js';
import { RegistryClient, type RegistryClientOptions } from './client.js';
import { ReferenceError, formatImageReference, parseImageReference, type ImageReference } from './reference.js';

export { RegistryClient, MANIFEST_MEDIA_TYPES, type RegistryClientOptions } from './client.js';
export { parseImageReference, formatImageReference, isLoopbackHost, ReferenceError, type ImageReference } from './reference.js';
export { resolveCredentials, parseChallenges, type Credentials, type CredentialInputs } from './auth.js';

/** An image in a registry, for `scanImage` and `imageInventory`: `{ kind: 'registry', ref: 'ghcr.io/org/app:1.2' }`. */
export interface RegistrySource {
  kind: 'registry';
  /** `[registry/]repository[:tag][@digest]`; Docker Hub is the default registry. */
  ref: string;
  options?: RegistryClientOptions;
}

/** Serves layer blobs from the registry by their layout path (`blobs/sha256/<hex>`), sizes from the manifest. */
class RegistryStore implements Store {
  readonly kind = 'registry';
  readonly sizes = new Map<string, { digest: string; size: number }>();
  constructor(private readonly client: RegistryClient) {}

  async size(path: string): Promise<number | undefined> {
    return this.sizes.get(path)?.size;
  }

  private blob(path: string): { digest: string; size: number } {
    const b = this.sizes.get(path);
    if (!b) throw new ImageError('missing-blob', `${path} is not a layer of this image`);
    return b;
  }

  async head(path: string, n: number): Promise<Buffer> {
    const b = this.blob(path);
    return b.size === 0 ? Buffer.alloc(0) : this.client.blobHead(b.digest, Math.min(n, b.size));
  }

  open(path: string): Readable {
    const b = this.blob(path);
    return this.client.openBlob(b.digest, b.size);
  }

  async close(): Promise<void> {
    this.client.close();
  }
}

/** Resolves a registry image for the layer walker; the returned store must be closed. Throws ImageError with the cause. */
export async function openRegistryImage(source: RegistrySource, platform: string | undefined, issues: ResolveIssue[]): Promise<{ store: Store; resolved: ResolvedImage; ref: ImageReference }> {
  let ref: ImageReference;
  try {
    ref = parseImageReference(source.ref);
  } catch (e) {
    if (e instanceof ReferenceError) throw new ImageError('invalid-reference', e.message);
    throw e;
  }
  const client = new RegistryClient(ref, source.options ?? {});
  const store = new RegistryStore(client);
  try {
    if (client.credentialNote) issues.push({ code: 'registry-credential-helper', level: 'warning', message: client.credentialNote });
    const root = await client.manifest(ref.digest ?? ref.tag ?? 'latest');
    const reader: ManifestReader = {
      manifest: async (d) => (await client.manifest(d.digest)).doc,
      config: (d, what) => client.blobJson(d.digest, what),
      layerPath: blobPath,
    };
    const resolved = await resolveManifestTree(root.doc, `manifest ${formatImageReference(ref)}`, root.digest, reader, platform, issues);
    const byDigest = new Map<string, number>();
    for (const l of resolved.layers) {
      if (store.sizes.has(l.path) && byDigest.get(l.digest) !== l.size) throw new ImageError('invalid-manifest', `layer ${l.digest} is listed twice with different sizes`);
      byDigest.set(l.digest, l.size);
      store.sizes.set(l.path, { digest: l.digest, size: l.size });
    }
    return { store, resolved, ref };
  } catch (e) {
    await store.close();
    throw e;
  }
}
