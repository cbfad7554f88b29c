import type { Location } from './location.js';

/** The image layer a package (or file) came from. */
export interface LayerRef {
  /** 0-based index in the image's layer list. */
  index: number;
  /** The layer's digest as the manifest names it (`sha256:…`). */
  digest: string;
}

/**
 * One package a workload ships, as found in a lockfile, an OS package database, a binary or an SBOM.
 * The unit of the inventory (SBOM) and of vulnerability matching.
 */
export interface Package {
  /**
   * The exact OSV ecosystem string, with the release suffix where the ecosystem has one:
   * `npm`, `PyPI`, `Go`, `crates.io`, `Debian:12`, `Alpine:v3.19`, `AlmaLinux:9`.
   */
  ecosystem: string;
  /** The name as the source writes it (not normalised); matching normalises per ecosystem. */
  name: string;
  version: string;
  /** Package URL (https://github.com/package-url/purl-spec). */
  purl: string;
  /** Where the package is declared: lockfile path and line of its entry; in an image `<image>!/<path in image>`. */
  location: Location;
  /** Set for packages found in a container image: the layer that added the file declaring it. */
  layer?: LayerRef;
  /** Only needed to develop or test (npm `dev`, poetry `category = "dev"`, Pipfile `develop`, pnpm `dev: true`, …). */
  dev?: boolean;
  /** Optional dependency (npm `optional`, …). */
  optional?: boolean;
  /** Declared directly by the project (not transitive), where the source tells. */
  direct?: boolean;
  /** OS packages: the source package advisories are filed under (dpkg `Source:`, rpm SOURCERPM, apk `o:` origin). */
  source?: { name: string; version: string };
  /** Which reader found it: `package-lock.json`, `yarn.lock`, `dpkg-status`, `apk-installed`, `rpmdb`, `go-binary`, … */
  foundBy: string;
}

/** A problem reading an inventory source. Warnings do not stop the parse; errors (the `Result` error side) do. */
export interface ParseIssue {
  code: string;
  message: string;
  location: Location;
}

/** What a lockfile or package database yields. */
export interface Inventory {
  packages: Package[];
  warnings: ParseIssue[];
}
