/**
 * The rpm header blob as rpm stores it per package in `rpmdb.sqlite` (`Packages.blob`), in `Packages.db` (ndb) and in the
 * BerkeleyDB `Packages` file: a header without the lead and without the 8-byte header magic.
 *
 *   int32 il (index entries) · int32 dl (data bytes) · il × {int32 tag, uint32 type, int32 offset, uint32 count} · dl bytes
 *
 * All integers are big-endian. The blob comes out of a container image, so it is hostile input: every count and offset is
 * checked against the blob before it is read.
 */
import type { Location } from '../../core/location.js';
import type { Package } from '../../core/package.js';
import { err, ok, type Result } from '../../core/result.js';
import { formatPurl } from '../_lib/purl.js';
import { osvEcosystemFor, purlDistro, type Distro } from '../_lib/os-release.js';

export interface RpmHeaderInfo {
  name: string;
  version: string;
  release: string;
  epoch?: number;
  arch?: string;
  /** `name-version-release.src.rpm` of the source package the binary was built from. */
  sourceRpm?: string;
}

const TAG_NAME = 1000;
const TAG_VERSION = 1001;
const TAG_RELEASE = 1002;
const TAG_EPOCH = 1003;
const TAG_ARCH = 1022;
const TAG_SOURCERPM = 1044;

const TYPE_INT32 = 4;
const TYPE_STRING = 6;
const TYPE_STRING_ARRAY = 8;
const TYPE_I18NSTRING = 9;

// rpm's own sanity limits (lib/header_internal.h: HEADER_TAGS_MAX, HEADER_DATA_MAX): a blob claiming more is corrupt or hostile.
const MAX_INDEX_ENTRIES = 0xffff;
const MAX_DATA_BYTES = 256 * 1024 * 1024;
const ENTRY_SIZE = 16;

const decoder = new TextDecoder('utf-8', { fatal: false });

/** Reads one rpm header blob; a truncated, inconsistent or hostile blob is an error, never an exception. */
export function parseRpmHeader(blob: Uint8Array): Result<RpmHeaderInfo, string> {
  if (blob.length < 8) return err(`rpm header: ${blob.length} bytes, shorter than the 8-byte preamble`);
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const il = view.getInt32(0, false);
  const dl = view.getInt32(4, false);
  if (il < 1 || il > MAX_INDEX_ENTRIES) return err(`rpm header: index count ${il} out of range 1..${MAX_INDEX_ENTRIES}`);
  if (dl < 0 || dl > MAX_DATA_BYTES) return err(`rpm header: data size ${dl} out of range 0..${MAX_DATA_BYTES}`);
  const dataStart = 8 + il * ENTRY_SIZE;
  // rpm itself (hdrblobInit) rejects a blob whose length is not exactly preamble + index + data.
  if (dataStart + dl !== blob.length) return err(`rpm header: ${il} index entries and ${dl} data bytes need ${dataStart + dl} bytes, blob has ${blob.length}`);

  const strings = new Map<number, string>();
  let epoch: number | undefined;
  for (let i = 0; i < il; i++) {
    const at = 8 + i * ENTRY_SIZE;
    const tag = view.getInt32(at, false);
    const type = view.getUint32(at + 4, false);
    const offset = view.getInt32(at + 8, false);
    const count = view.getUint32(at + 12, false);
    if (tag !== TAG_NAME && tag !== TAG_VERSION && tag !== TAG_RELEASE && tag !== TAG_EPOCH && tag !== TAG_ARCH && tag !== TAG_SOURCERPM) continue;
    if (offset < 0 || offset >= dl) return err(`rpm header: tag ${tag} offset ${offset} outside the ${dl}-byte data store`);
    if (tag === TAG_EPOCH) {
      if (type !== TYPE_INT32) return err(`rpm header: EPOCH has type ${type}, expected INT32`);
      if (count < 1 || offset + 4 > dl) return err(`rpm header: EPOCH at offset ${offset} runs past the data store`);
      epoch = view.getInt32(dataStart + offset, false);
      if (epoch < 0) return err(`rpm header: negative EPOCH ${epoch}`);
      continue;
    }
    if (type !== TYPE_STRING && type !== TYPE_I18NSTRING && type !== TYPE_STRING_ARRAY) return err(`rpm header: tag ${tag} has type ${type}, expected a string`);
    if (count < 1) return err(`rpm header: tag ${tag} has count 0`);
    // For I18NSTRING and STRING_ARRAY the first string is the untranslated / first value, which is all we need.
    const start = dataStart + offset;
    const end = blob.indexOf(0, start);
    if (end < 0 || end >= dataStart + dl) return err(`rpm header: string of tag ${tag} at offset ${offset} is not NUL-terminated inside the data store`);
    strings.set(tag, decoder.decode(blob.subarray(start, end)));
  }
  const name = strings.get(TAG_NAME);
  const version = strings.get(TAG_VERSION);
  const release = strings.get(TAG_RELEASE);
  if (!name) return err('rpm header: no NAME tag');
  if (!version) return err(`rpm header: package ${name} has no VERSION tag`);
  if (!release) return err(`rpm header: package ${name} has no RELEASE tag`);
  const info: RpmHeaderInfo = { name, version, release };
  if (epoch !== undefined) info.epoch = epoch;
  const arch = strings.get(TAG_ARCH);
  if (arch) info.arch = arch;
  const sourceRpm = strings.get(TAG_SOURCERPM);
  if (sourceRpm) info.sourceRpm = sourceRpm;
  return ok(info);
}

/** `[epoch:]version-release`, the form OSV's RPM ecosystems write (AlmaLinux: `1:0.1.15-2.el8`, and no `0:` for epoch 0). */
export function rpmVersionString(epoch: number | undefined, version: string, release: string): string {
  return epoch ? `${epoch}:${version}-${release}` : `${version}-${release}`;
}

/** Splits `name-version-release.src.rpm` (also `.nosrc.rpm`); undefined when it does not have that shape. */
export function parseSourceRpm(sourceRpm: string): { name: string; version: string; release: string } | undefined {
  const m = /^(.+)-([^-]+)-([^-]+)\.(?:no)?src\.rpm$/.exec(sourceRpm);
  if (!m) return undefined;
  return { name: m[1]!, version: m[2]!, release: m[3]! };
}

/**
 * One installed rpm as a Package. The ecosystem comes from os-release; without a distro OSV publishes for, it falls back to
 * `Red Hat` (the rpm family most images come from), as dpkg falls back to `Debian` and apk to `Alpine`.
 * Callers skip the `gpg-pubkey` pseudo-packages rpm keeps in the same table.
 */
export function rpmPackage(info: RpmHeaderInfo, location: Location, distro: Distro | undefined): Package {
  const version = rpmVersionString(info.epoch, info.version, info.release);
  const pkg: Package = {
    ecosystem: (distro && osvEcosystemFor(distro)) ?? 'Red Hat',
    name: info.name,
    version,
    purl: formatPurl({
      type: 'rpm',
      namespace: distro?.id,
      name: info.name,
      version: `${info.version}-${info.release}`,
      qualifiers: {
        arch: info.arch,
        epoch: info.epoch ? String(info.epoch) : undefined,
        distro: distro ? purlDistro(distro) : undefined,
      },
    }),
    location,
    foundBy: 'rpmdb',
  };
  const src = info.sourceRpm ? parseSourceRpm(info.sourceRpm) : undefined;
  // A source rpm carries no epoch of its own in its file name; the binary's epoch is the package's epoch.
  if (src) pkg.source = { name: src.name, version: rpmVersionString(info.epoch, src.version, src.release) };
  return pkg;
}

