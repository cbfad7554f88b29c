import { debianReleaseFor, osvEcosystemFor, type Distro } from '../os-release.js';
import { parsePurl, type PurlParts } from '../purl.js';
import { parseSourceRpm } from '../../rpm/rpm-header.js';

export interface PurlPackage {
  ecosystem: string;
  name: string;
  version: string;
  source?: { name: string; version: string };
  /** Set when the package is usable but something had to be guessed (an OS package without its release). */
  warning?: string;
}

export type PurlPackageResult = { ok: true; value: PurlPackage } | { ok: false; code: 'invalid-purl' | 'unsupported-purl-type' | 'no-version'; message: string };

const LANGUAGE: Record<string, string> = {
  npm: 'npm',
  pypi: 'PyPI',
  golang: 'Go',
  cargo: 'crates.io',
  gem: 'RubyGems',
  maven: 'Maven',
  nuget: 'NuGet',
  composer: 'Packagist',
  hex: 'Hex',
  pub: 'Pub',
};

/** purl namespaces of rpm distros → the os-release ID osvEcosystemFor knows. */
const RPM_VENDOR: Record<string, string> = {
  almalinux: 'almalinux',
  rocky: 'rocky',
  rockylinux: 'rocky',
  redhat: 'rhel',
  rhel: 'rhel',
  opensuse: 'opensuse-leap',
  'opensuse-leap': 'opensuse-leap',
  suse: 'sles',
  sles: 'sles',
  mageia: 'mageia',
  openeuler: 'openeuler',
};

/** `debian-12` → {id: debian, versionId: 12}; `debian-bookworm` → codename; `alpine-3.19.1`; `ubuntu-22.04`. */
function distroOf(qualifier: string | undefined, fallbackId: string): Distro {
  const d: Distro = { id: fallbackId, idLike: [], versionId: '', versionCodename: '', prettyName: '' };
  if (!qualifier) return d;
  const dash = qualifier.indexOf('-');
  const id = (dash > 0 ? qualifier.slice(0, dash) : qualifier).toLowerCase();
  const rest = dash > 0 ? qualifier.slice(dash + 1) : '';
  d.id = RPM_VENDOR[id] ?? id;
  if (/^\d/.test(rest)) d.versionId = rest;
  else d.versionCodename = rest;
  return d;
}

function osPackage(p: PurlParts, version: string): PurlPackage {
  const ns = (p.namespace ?? '').toLowerCase();
  const q = p.qualifiers ?? {};
  const pkg: PurlPackage = { ecosystem: '', name: p.name, version };
  let fallback: string;
  let distro: Distro;
  if (p.type === 'deb') {
    fallback = ns === 'ubuntu' ? 'Ubuntu' : 'Debian';
    distro = distroOf(q['distro'], ns || 'debian');
    // Debian codename alone (`debian-bookworm`) still names a release.
    if (distro.id === 'debian' && distro.versionId === '' && debianReleaseFor(distro.versionCodename)) distro.versionId = debianReleaseFor(distro.versionCodename)!;
  } else if (p.type === 'apk') {
    fallback = ns === 'wolfi' ? 'Wolfi' : ns === 'chainguard' ? 'Chainguard' : 'Alpine';
    distro = distroOf(q['distro'], ns || 'alpine');
  } else {
    fallback = 'Red Hat';
    distro = distroOf(q['distro'], RPM_VENDOR[ns] ?? ns);
    // The purl keeps the epoch in a qualifier; Package.version is rpm's `epoch:version-release`.
    if (q['epoch'] && q['epoch'] !== '0') pkg.version = `${q['epoch']}:${version}`;
  }
  const eco = osvEcosystemFor(distro);
  pkg.ecosystem = eco ?? fallback;
  if (!eco) pkg.warning = `no distro release in ${formatQualifier(q['distro'])}; matched as ${fallback} without a release`;
  const upstream = q['upstream'];
  if (upstream) {
    if (p.type === 'rpm') {
      const src = parseSourceRpm(upstream);
      if (src) pkg.source = { name: src.name, version: `${q['epoch'] && q['epoch'] !== '0' ? `${q['epoch']}:` : ''}${src.version}-${src.release}` };
    } else {
      const at = upstream.indexOf('@');
      pkg.source = at > 0 ? { name: upstream.slice(0, at), version: upstream.slice(at + 1) } : { name: upstream, version: pkg.version };
    }
  }
  return pkg;
}

function formatQualifier(v: string | undefined): string {
  return v ? `distro=${v}` : 'the purl (no distro qualifier)';
}

/** The OSV ecosystem, name and version a purl stands for, in the form Palisade's own readers produce. */
export function packageFromPurl(purl: string): PurlPackageResult {
  const p = parsePurl(purl);
  if (!p) return { ok: false, code: 'invalid-purl', message: `not a package URL: ${purl.slice(0, 200)}` };
  if (!p.version) return { ok: false, code: 'no-version', message: `${purl.slice(0, 200)} has no version; nothing to match` };
  const eco = LANGUAGE[p.type];
  if (eco !== undefined) {
    const ns = p.namespace;
    switch (p.type) {
      case 'npm':
      case 'composer':
        return { ok: true, value: { ecosystem: eco, name: ns ? `${ns}/${p.name}` : p.name, version: p.version } };
      case 'golang':
        // OSV's Go advisories write versions without Go's leading `v`.
        return { ok: true, value: { ecosystem: eco, name: ns ? `${ns}/${p.name}` : p.name, version: p.version.replace(/^v(?=\d)/, '') } };
      case 'maven':
        return { ok: true, value: { ecosystem: eco, name: ns ? `${ns}:${p.name}` : p.name, version: p.version } };
      default:
        return { ok: true, value: { ecosystem: eco, name: p.name, version: p.version } };
    }
  }
  if (p.type === 'deb' || p.type === 'apk' || p.type === 'rpm') return { ok: true, value: osPackage(p, p.version) };
  return { ok: false, code: 'unsupported-purl-type', message: `purl type "${p.type}" is not an ecosystem Palisade matches; ${purl.slice(0, 200)} skipped` };
}
