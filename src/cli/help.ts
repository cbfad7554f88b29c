export const MAIN_HELP = `palisade — workload protection: one policy library for Kubernetes manifests, Helm, Kustomize, Dockerfiles, compose
files and Terraform, in the editor, in CI and at deploy time.

Usage:
  palisade scan [paths...] [options]     Scan manifests (files, directories, globs, or - for stdin)
  palisade fix [paths...] [--dry-run]    Write the checks' secure-default fixes into the YAML (or print a diff)
  palisade checks list [--format f]      List the built-in checks (table, json, markdown)
  palisade checks explain <id|slug>      Show what a check looks for and how to fix it
  palisade secrets list [--format f]     List the secret rules (with scan --scanners secrets)
  palisade policy test [dir]             Run custom policies against their tests/pass and tests/fail inputs
  palisade policy init <name>            Scaffold a custom policy (CEL, TypeScript or ValidatingAdmissionPolicy) with tests
  palisade db update|import|status       Manage the offline advisory database (OSV) the vuln scanner reads
  palisade version                       Print the version

Run \`palisade scan --help\` for scan options.

Exit codes:
  0  clean: no unsuppressed finding at or above --fail-on
  1  findings at or above the --fail-on severity
  2  usage or configuration error
  3  scan error: a file could not be scanned (broken YAML, unreadable, bad encoding, a check crashed)
`;

export const SCAN_HELP = `Usage: palisade scan [paths...] [options]

Scans Kubernetes manifests (YAML, multi-document YAML, JSON, kind: List) with the check library, and lockfiles
(package-lock.json, yarn.lock, pnpm-lock.yaml, go.mod, Cargo.lock, poetry.lock, requirements.txt, pom.xml, …) for
packages with known vulnerabilities, matched offline against the local OSV database (\`palisade db update\`).
Directories are walked recursively, honouring .gitignore and skipping .git and node_modules. With no path, scans the
current directory.

Options:
  -f, --format <fmt[=file]>  Output format: table (default), json, sarif, junit, markdown, and for the inventory:
                             cyclonedx (CycloneDX 1.6 SBOM + vulnerabilities), spdx (SPDX 2.3), openvex (VEX).
                             Repeat for several outputs; fmt=file writes to a file, one format may go to stdout.
  -o, --output <file>        Write the (single) output to a file instead of stdout.
      --fail-on <severity>   critical | high (default) | medium | low | info | none
  -c, --config <file>        Config file (default: .palisade.yaml found upward from the first path)
      --no-config            Ignore .palisade.yaml and .palisade/waivers.yaml
      --waivers <file>       Extra waiver file (repeatable); .palisade/waivers.yaml is read automatically
      --enable <checks>      Enable checks or categories (comma-separated IDs, slugs, category:<name>)
      --disable <checks>     Disable checks or categories
      --scanners <list>      Engines to run: config, vuln (both by default), secrets — e.g. --scanners config,secrets.
                             vuln matches lockfile and image packages against the advisory database; without a
                             database it warns (or fails with exit 3 when vuln was asked for by name)
                             secrets reads every text file (binary skipped) and decoded Secret data; secrets are
                             always redacted (first 4 characters, then a mask) in every output format
      --malware              Stream every file to a ClamAV daemon (clamd) and check SHA-256 deny-lists;
                             an unreachable clamd is a scan error (exit 3), never a pass
      --clamd-socket <addr>  clamd socket path or tcp://host:port (default $PALISADE_CLAMD_SOCKET, then
                             /var/run/clamav/clamd.ctl)
      --malware-denylist <f> SHA-256 deny-list file (lines: <sha256> [name])
      --image <image>        Scan a container image layer by layer: an OCI layout directory or tar, a docker save
                             tar, or a registry reference (registry.example.com/app:1.0, app@sha256:…) pulled over
                             the OCI distribution API, streamed, nothing unpacked to disk. By default: OS packages
                             (dpkg, apk, rpm) and installed language packages for vulnerabilities, and every file
                             for secrets, including files a later layer deletes. Repeatable; alone, only the image(s)
      --platform <os/arch>   Which image of a multi-platform index (default: linux/amd64 or the only one)
      --registry-ca <file>   Extra CA certificates (PEM) for registries with a private CA
      --insecure-registry    Accept plain HTTP and unverified certificates from the registry (loopback hosts may
                             always use plain HTTP). Credentials: $PALISADE_REGISTRY_USERNAME/_PASSWORD, else
                             ~/.docker/config.json
      --rootfs <dir>         An unpacked root filesystem or directory: OS and installed packages (vuln scanner)
      --git <repo>           Scan the repository's git history for secrets: every commit's added lines, each
                             finding with the commit that introduced it. Alone, only history; with paths, both
      --git-range <rev>      Limit --git to a range (A..B) or to commits not in <rev> (e.g. origin/main)
      --db <file>            Advisory database (default $PALISADE_DB, else the user cache dir; see palisade db path)
      --vex <file>           OpenVEX (or CycloneDX VEX) document: not_affected/fixed statements suppress the matching
                             vulnerability findings, shown as suppressed by VEX (repeatable; see docs/sbom-vex.md)
      --ignore-unfixed       Leave out vulnerabilities that have no fixed version yet
      --exclude-dev          Do not match dev dependencies (they stay in the inventory, marked dev)
      --since <git-ref>      Report only findings introduced since the ref (e.g. origin/main): the ref's tree is
                             scanned the same way and findings with the same fingerprint are left out (lines may move)
      --baseline <report>    Report only findings not in an earlier JSON report (palisade scan -f json=report.json)
      --policy <path>        Custom policies: a CEL policy file, ValidatingAdmissionPolicy manifests, a TypeScript or
                             JavaScript policy, a directory of them, or a policy pack (repeatable; docs/custom-policies.md)
      --profile <name>       Compose profiles to scan (repeatable); without it every compose service is scanned
      --tf-var <name=value>  Terraform variable value, as terraform -var (repeatable)
      --tf-var-file <file>   Terraform variable file, applied after terraform.tfvars and *.auto.tfvars (repeatable)
      --helm-values <file>   Values file for every Helm chart found (repeatable; the chart's values.yaml always applies)
      --helm-set <k=v>       Value for every Helm chart found, as helm --set (repeatable)
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
  palisade db update && palisade scan . --scanners vuln --fail-on high
  palisade scan --image app.oci.tar --scanners vuln,secrets --format cyclonedx=sbom.cdx.json
  palisade scan . --since origin/main --format sarif=new.sarif     # only what this branch introduced
  palisade scan infra/ --tf-var env=prod --tf-var-file prod.tfvars
  palisade scan . --policy policies/ --fail-on medium

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

export const POLICY_HELP = `Usage:
  palisade policy test [dir] [--format table|json] [--require-tests]
  palisade policy init <name> [--type cel|typescript|vap] [--dir <folder>] [--id <ID>] [--force]

test   finds every custom policy under dir (policy.yaml, policy.ts, *.policy.ts, YAML with palisade.dev/v1 Policy or
       ValidatingAdmissionPolicy documents, policy packs) and runs each only on its own test inputs, next to it:
         tests/pass/*   must give no finding from the policy
         tests/fail/*   must give at least one; objects named should-fail-* must each fail, should-pass-* must not
         tests/<ID>/pass, tests/<ID>/fail   the same, for one policy of a folder that holds several
       Inputs are read as the policy's target: *.yaml (kubernetes, compose), *.tf (terraform), Dockerfile / *.Dockerfile.
       A policy without tests is a warning (an error with --require-tests).
       Exit: 0 all cases pass · 1 a case fails · 2 a policy or an input is broken (it is printed with file:line:col).
init   scaffolds <dir>/<name>/ with a policy (policy.yaml or policy.ts) and tests/pass, tests/fail inputs that pass
       \`palisade policy test\` straight away. --type: cel (default), typescript, vap. --id defaults to the next CUSTOM-NNNN.

Examples:
  palisade policy init require-team-label --type typescript --dir policies --id ACME-0001
  palisade policy test policies
  palisade policy test . --format json --require-tests
  palisade scan deploy/ --policy policies
`;
