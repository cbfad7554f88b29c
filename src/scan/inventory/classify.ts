/** Which files of an image or root filesystem declare installed packages. Shared by image and directory inventories. */
import { lockfileParserFor } from '../../ecosystems/index.js';
import { isJavaArchive } from '../../ecosystems/maven/jar.js';

export type InventoryFileKind =
  | 'os-release'
  | 'dpkg-status'
  | 'dpkg-status-d'
  | 'apk-installed'
  | 'rpmdb-sqlite'
  | 'rpmdb-bdb'
  | 'rpmdb-ndb'
  | 'npm-package-json'
  | 'python-dist-info'
  | 'python-egg-info'
  | 'java-archive'
  | 'lockfile'
  /** Decided by content, not path (see {@link isExecutableCandidate}): an ELF executable that may carry Go build info. */
  | 'go-binary';

/** OS package databases: one per image, the last layer's copy wins, and they are read once the distro is known. */
export const OS_DB_KINDS: ReadonlySet<InventoryFileKind> = new Set(['dpkg-status', 'dpkg-status-d', 'apk-installed', 'rpmdb-sqlite', 'rpmdb-bdb', 'rpmdb-ndb']);

const RPM_DIRS = ['var/lib/rpm/', 'usr/lib/sysimage/rpm/'];

/**
 * The kind of a file by its path inside the image or root (normalised: no leading `/`), or undefined when its path says
 * it holds no package data. Executables are recognised by content instead.
 */
export function classifyPath(path: string): InventoryFileKind | undefined {
  switch (path) {
    case 'etc/os-release':
    case 'usr/lib/os-release':
      return 'os-release';
    case 'var/lib/dpkg/status':
      return 'dpkg-status';
    case 'lib/apk/db/installed':
      return 'apk-installed';
    default:
      break;
  }
  if (path.startsWith('var/lib/dpkg/status.d/')) {
    const rest = path.slice('var/lib/dpkg/status.d/'.length);
    // distroless also ships `<pkg>.md5sums` beside each stanza file; those list files, not packages.
    return rest !== '' && !rest.includes('/') && !rest.endsWith('.md5sums') && !rest.startsWith('.') ? 'dpkg-status-d' : undefined;
  }
  for (const d of RPM_DIRS) {
    if (!path.startsWith(d) || path.indexOf('/', d.length) >= 0) continue;
    const base = path.slice(d.length);
    if (base === 'rpmdb.sqlite') return 'rpmdb-sqlite';
    if (base === 'Packages') return 'rpmdb-bdb';
    if (base === 'Packages.db') return 'rpmdb-ndb';
  }
  const segs = path.split('/');
  const base = segs[segs.length - 1]!;
  const n = segs.length;
  if (base === 'package.json' && n >= 3) {
    if (segs[n - 3] === 'node_modules' && !segs[n - 2]!.startsWith('.') && !segs[n - 2]!.startsWith('@')) return 'npm-package-json';
    if (n >= 4 && segs[n - 4] === 'node_modules' && segs[n - 3]!.startsWith('@') && segs[n - 3]!.length > 1) return 'npm-package-json';
  }
  if (n >= 2 && base === 'METADATA' && segs[n - 2]!.endsWith('.dist-info')) return 'python-dist-info';
  if (n >= 2 && base === 'PKG-INFO' && segs[n - 2]!.endsWith('.egg-info')) return 'python-egg-info';
  if (isJavaArchive(base)) return 'java-archive';
  // A lockfile shipped inside an installed npm package is the package author's, not what this image installed.
  if (!segs.includes('node_modules') && lockfileParserFor(base)) return 'lockfile';
  return undefined;
}

/** Worth reading the head of to see whether it is an ELF executable: executable bits set, and larger than any script stub. */
export function isExecutableCandidate(mode: number, size: number): boolean {
  return (mode & 0o111) !== 0 && size >= 4096;
}
