export const MAIN_HELP = `palisade — workload protection: one policy library for your Kubernetes manifests, in the editor, in CI and at deploy time.

Usage:
  palisade scan [paths...] [options]     Scan manifests (files, directories, globs, or - for stdin)
  palisade checks list [--format f]      List the built-in checks (table, json, markdown)
  palisade checks explain <id|slug>      Show what a check looks for and how to fix it
  palisade secrets list [--format f]     List the secret rules (with scan --scanners secrets)
  palisade version                       Print the version

Run \`palisade scan --help\` for scan options.

Exit codes:
  0  clean: no unsuppressed finding at or above --fail-on
  1  findings at or above the --fail-on severity
  2  usage or configuration error
  3  scan error: a file could not be scanned (broken YAML, unreadable, bad encoding, a check crashed)
`;

export const SCAN_HELP = `Usage: palisade scan [paths...] [options]

Scans Kubernetes manifests (YAML, multi-document YAML, JSON, kind: List). Directories are walked recursively,
honouring .gitignore and skipping .git and node_modules. With no path, scans the current directory.

Options:
  -f, --format <fmt[=file]>  Output format: table (default), json, sarif, junit, markdown.
                             Repeat for several outputs; fmt=file writes to a file, one format may go to stdout.
  -o, --output <file>        Write the (single) output to a file instead of stdout.
      --fail-on <severity>   critical | high (default) | medium | low | info | none
  -c, --config <file>        Config file (default: .palisade.yaml found upward from the first path)
      --no-config            Ignore .palisade.yaml and .palisade/waivers.yaml
      --waivers <file>       Extra waiver file (repeatable); .palisade/waivers.yaml is read automatically
      --enable <checks>      Enable checks or categories (comma-separated IDs, slugs, category:<name>)
      --disable <checks>     Disable checks or categories
      --scanners <list>      Engines to run: config (default), secrets — e.g. --scanners config,secrets.
                             secrets reads every text file (binary skipped) and decoded Secret data; secrets are
                             always redacted (first 4 characters, then a mask) in every output format
      --malware              Stream every file to a ClamAV daemon (clamd) and check SHA-256 deny-lists;
                             an unreachable clamd is a scan error (exit 3), never a pass
      --clamd-socket <addr>  clamd socket path or tcp://host:port (default $PALISADE_CLAMD_SOCKET, then
                             /var/run/clamav/clamd.ctl)
      --malware-denylist <f> SHA-256 deny-list file (lines: <sha256> [name])
      --image <path>         Scan a container image (OCI layout directory or tar, docker save tar) layer by layer
                             for secrets (and malware with --malware), including files a later layer deletes.
                             Repeatable; alone, only the image(s)
      --platform <os/arch>   Which image of a multi-platform index (default: linux/amd64 or the only one)
      --git <repo>           Scan the repository's git history for secrets: every commit's added lines, each
                             finding with the commit that introduced it. Alone, only history; with paths, both
      --git-range <rev>      Limit --git to a range (A..B) or to commits not in <rev> (e.g. origin/main)
      --max-file-size <n>    Skip files larger than n bytes (default 20971520), with a warning
      --color / --no-color   Force colour on or off (default: on for a terminal, off with NO_COLOR)
  -q, --quiet                No progress on stderr
  -h, --help                 Show this help

Examples:
  palisade scan deploy/
  palisade scan 'k8s/**/*.yaml' --fail-on medium
  helm template ./chart | palisade scan -
  palisade scan . --format sarif=palisade.sarif --format table
  palisade scan . --format json -o report.json --fail-on none
  palisade scan . --enable image-registry-not-allowed --disable category:resources

Exit codes: 0 clean · 1 findings at/above --fail-on · 2 usage or config error · 3 a file could not be scanned.
Waive a finding: annotate the object with palisade.dev/waive: "<id-or-slug>,..." and palisade.dev/waive-reason: "...",
or add it to .palisade/waivers.yaml (see docs/waivers.md).
`;

export const CHECKS_HELP = `Usage:
  palisade checks list [--format table|json|markdown] [--out <dir>] [--all]
  palisade checks explain <id|slug>

list     prints every built-in check. --format markdown --out docs/checks writes one page per check and an index.
explain  prints a check's rationale, remediation, standards, peer IDs and examples.

Examples:
  palisade checks list
  palisade checks list --format json | jq '.[] | select(.severity=="critical") | .id'
  palisade checks explain privileged-container
  palisade checks explain PAL-K8S-0001
`;
