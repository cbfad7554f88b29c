/** `/etc/os-release` (https://www.freedesktop.org/software/systemd/man/os-release.html) and the OSV ecosystem it implies. */

export interface Distro {
  /** `ID`: debian, ubuntu, alpine, almalinux, rocky, rhel, centos, fedora, opensuse-leap, sles, wolfi, … */
  id: string;
  /** `ID_LIKE`, split. */
  idLike: string[];
  /** `VERSION_ID`: `12`, `22.04`, `3.19.1`, `9.3`; empty when absent (Debian testing/sid, distroless without it). */
  versionId: string;
  versionCodename: string;
  prettyName: string;
}

/** Parses the shell-style `KEY=value` file; undefined when no `ID` is set. */
export function parseOsRelease(text: string): Distro | undefined {
  const kv = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line);
    if (!m) continue;
    let v = m[2]!.trim();
    if ((v.startsWith('"') && v.endsWith('"') && v.length >= 2) || (v.startsWith("'") && v.endsWith("'") && v.length >= 2)) {
      v = v.slice(1, -1);
      if (m[2]!.startsWith('"')) v = v.replace(/\\(["\\$`])/g, '$1');
    }
    kv.set(m[1]!, v);
  }
  const id = kv.get('ID');
  if (!id) return undefined;
  return {
    id: id.toLowerCase(),
    idLike: (kv.get('ID_LIKE') ?? '').split(/\s+/).filter((s) => s !== '').map((s) => s.toLowerCase()),
    versionId: kv.get('VERSION_ID') ?? '',
    versionCodename: kv.get('VERSION_CODENAME') ?? '',
    prettyName: kv.get('PRETTY_NAME') ?? '',
  };
}

const DEBIAN_CODENAMES: Record<string, string> = {
  lenny: '5', squeeze: '6', wheezy: '7', jessie: '8', stretch: '9', buster: '10', bullseye: '11', bookworm: '12', trixie: '13', forky: '14',
};

/** Debian release number for a codename (`bookworm` → `12`), as the security tracker and OSV name them. */
export function debianReleaseFor(codename: string): string | undefined {
  return DEBIAN_CODENAMES[codename.toLowerCase()];
}

const major = (v: string): string => v.split('.')[0] ?? v;

/**
 * The OSV ecosystem string for the distro's OS packages, e.g. `Debian:12`, `Ubuntu:22.04`, `Alpine:v3.19`,
 * `AlmaLinux:9`, `Rocky Linux:9`. Undefined when the distro is not one OSV publishes for (or its release is unknown).
 */
export function osvEcosystemFor(d: Distro): string | undefined {
  const v = d.versionId;
  switch (d.id) {
    case 'debian': {
      const rel = v !== '' ? major(v) : debianReleaseFor(d.versionCodename);
      return rel ? `Debian:${rel}` : undefined;
    }
    case 'ubuntu':
      return v ? `Ubuntu:${v}` : undefined;
    case 'alpine': {
      const [a, b] = v.split('.');
      return a && b ? `Alpine:v${a}.${b}` : undefined;
    }
    case 'almalinux':
      return v ? `AlmaLinux:${major(v)}` : undefined;
    case 'rocky':
      return v ? `Rocky Linux:${major(v)}` : undefined;
    case 'rhel':
      return 'Red Hat';
    case 'opensuse-leap':
      return v ? `openSUSE:Leap ${v}` : undefined;
    case 'sles':
      return v ? `SUSE:Linux Enterprise Server ${major(v)}` : undefined;
    case 'wolfi':
      return 'Wolfi';
    case 'chainguard':
      return 'Chainguard';
    case 'mageia':
      return v ? `Mageia:${v}` : undefined;
    case 'openeuler':
      return v ? `openEuler:${v}` : undefined;
    default:
      return undefined;
  }
}

/** The purl `distro` qualifier value: `debian-12`, `alpine-3.19.1`. */
export function purlDistro(d: Distro): string {
  return d.versionId ? `${d.id}-${d.versionId}` : d.id;
}
