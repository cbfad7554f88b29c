import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/** Bounds on what one zip may make us inflate; a file past any of them is refused as a whole, with its name. */
export interface ZipLimits {
  /** Entries in the central directory. osv.dev's npm all.zip holds a few hundred thousand. */
  maxEntries: number;
  /** Inflated bytes of one entry: a single OSV record is kilobytes. */
  maxEntryBytes: number;
  /** Inflated bytes of all entries together. */
  maxTotalBytes: number;
}

export class ZipLimitError extends Error {}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    // validateEntrySizes makes yauzl fail an entry whose inflated bytes differ from the size the directory declares,
    // which is what catches an entry that claims a tiny size and inflates to gigabytes.
    yauzl.open(path, { lazyEntries: true, autoClose: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) reject(err ?? new Error('cannot open zip'));
      else resolve(zip);
    });
  });
}

/** Walks a zip's entries one at a time; yauzl reports problems through 'error' at any moment, so one listener stays attached throughout. */
class EntryWalker {
  private failure: Error | undefined;
  private pending: { resolve(e: yauzl.Entry | undefined): void; reject(e: Error): void } | undefined;
  private ended = false;

  constructor(readonly zip: yauzl.ZipFile) {
    zip.on('error', (e: Error) => {
      this.failure = e;
      const p = this.pending;
      this.pending = undefined;
      p?.reject(e);
    });
    zip.on('entry', (e: yauzl.Entry) => {
      const p = this.pending;
      this.pending = undefined;
      p?.resolve(e);
    });
    zip.on('end', () => {
      this.ended = true;
      const p = this.pending;
      this.pending = undefined;
      p?.resolve(undefined);
    });
  }

  next(): Promise<yauzl.Entry | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.zip.readEntry();
    });
  }

  close(): void {
    if (this.zip.isOpen) this.zip.close();
  }
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream?: Readable) => {
      if (err || !stream) {
        reject(err ?? new Error('cannot read entry'));
        return;
      }
      const chunks: Buffer[] = [];
      let n = 0;
      stream.on('data', (c: Buffer) => {
        n += c.length;
        // Counted here as well as by yauzl's size check, so the cap holds even for an entry that declares a huge size honestly.
        if (n > maxBytes) {
          stream.destroy(new ZipLimitError(`inflates past ${maxBytes} bytes (the per-entry limit)`));
          return;
        }
        chunks.push(c);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

/**
 * Calls `onEntry` with each file entry's bytes, in directory order. The central directory is walked once up front
 * (cheap: no inflation) so an archive over the entry or declared-size limits is refused before anything is inflated.
 */
export async function forEachZipEntry(path: string, limits: ZipLimits, onEntry: (name: string, data: Buffer) => void | Promise<void>): Promise<void> {
  const first = await openZip(path);
  const pre = new EntryWalker(first);
  try {
    if (first.entryCount > limits.maxEntries) throw new ZipLimitError(`has ${first.entryCount} entries, over the limit of ${limits.maxEntries}`);
    let declared = 0;
    for (let e = await pre.next(); e; e = await pre.next()) {
      if (e.fileName.endsWith('/')) continue;
      if (e.uncompressedSize > limits.maxEntryBytes) throw new ZipLimitError(`entry ${e.fileName} declares ${e.uncompressedSize} bytes, over the per-entry limit of ${limits.maxEntryBytes}`);
      declared += e.uncompressedSize;
      if (declared > limits.maxTotalBytes) throw new ZipLimitError(`entries declare more than ${limits.maxTotalBytes} bytes in total (the limit)`);
    }
  } finally {
    pre.close();
  }

  const zip = await openZip(path);
  const walker = new EntryWalker(zip);
  let total = 0;
  try {
    for (let e = await walker.next(); e; e = await walker.next()) {
      if (e.fileName.endsWith('/')) continue;
      let data: Buffer;
      try {
        data = await readEntry(zip, e, Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total));
      } catch (err) {
        const message = `entry ${e.fileName}: ${(err as Error).message}`;
        throw err instanceof ZipLimitError ? new ZipLimitError(message) : new Error(message);
      }
      total += data.length;
      await onEntry(e.fileName, data);
    }
  } finally {
    walker.close();
  }
}
