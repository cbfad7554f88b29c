#!/usr/bin/env bash
# Installs the services the test suite talks to for real. Idempotent: safe to run on every CI run.
#
#   clamav-daemon + clamav  → clamd, clamdscan, sigtool (src/scan/malware tests start a PRIVATE clamd)
#   docker-registry skopeo apache2-utils openssl → a private OCI registry on 127.0.0.1 (src/scan/registry tests start it
#                              with an htpasswd file from htpasswd -B and a self-signed certificate; images pushed with skopeo)
#
# It deliberately does NOT start the system clamd service and does NOT run freshclam: CI has no network for
# signature downloads, and the tests build their own tiny signature database with sigtool at test time.
set -euo pipefail

log() { printf 'ci-services: %s\n' "$*"; }

# helm + kustomize (pinned, built with go install; several minutes cold): started now so the build overlaps the apt
# installs and `npm ci`; .ci/run waits for it before `npm test`. It never fails CI (the render tests skip with a reason).
bash "$(dirname "$0")/install-renderers.sh" --background || true

have_clamav() { command -v clamd >/dev/null 2>&1 || [ -x /usr/sbin/clamd ]; }
have_sigtool() { command -v sigtool >/dev/null 2>&1; }

if have_clamav && have_sigtool; then
  log "clamd already installed ($( (command -v clamd || echo /usr/sbin/clamd) )): skipping install"
else
  if [ "$(id -u)" != 0 ]; then
    log "clamd is missing and this is not root: install clamav-daemon and clamav yourself (apt-get install clamav-daemon clamav)"
    exit 1
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    log "clamd is missing and apt-get is not available (not Debian/Ubuntu): install ClamAV by hand"
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine has no package lists; one update is enough.
  if [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v -e '^lock$' -e '^partial$' -e '^auxfiles$' || true)" ]; then
    log "running apt-get update (no package lists yet)"
    apt-get update -qq
  fi
  # Do not let the package's postinst start the system daemon or freshclam (no network for signatures).
  policy_rc=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    policy_rc=/usr/sbin/policy-rc.d
  fi
  log "installing clamav-daemon clamav"
  if ! apt-get install -y -qq --no-install-recommends clamav-daemon clamav >/tmp/ci-services-apt.log 2>&1; then
    log "install failed; retrying after apt-get update"
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends clamav-daemon clamav >/tmp/ci-services-apt.log 2>&1 || {
      cat /tmp/ci-services-apt.log
      [ -n "$policy_rc" ] && rm -f "$policy_rc"
      exit 1
    }
  fi
  [ -n "$policy_rc" ] && rm -f "$policy_rc"
  log "installed clamav-daemon clamav"
fi

# The registry tests start their own docker-registry; the package's own service is never used.
REGISTRY_PKGS=()
command -v docker-registry >/dev/null 2>&1 || [ -x /usr/bin/docker-registry ] || REGISTRY_PKGS+=(docker-registry)
command -v skopeo >/dev/null 2>&1 || REGISTRY_PKGS+=(skopeo)
command -v htpasswd >/dev/null 2>&1 || REGISTRY_PKGS+=(apache2-utils)
command -v openssl >/dev/null 2>&1 || REGISTRY_PKGS+=(openssl)
if [ "${#REGISTRY_PKGS[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    log "missing ${REGISTRY_PKGS[*]} and cannot apt-get install them: the registry tests will skip with a printed reason"
  else
    export DEBIAN_FRONTEND=noninteractive
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d.palisade
    [ -e /usr/sbin/policy-rc.d ] || { cp /usr/sbin/policy-rc.d.palisade /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; RC_ADDED=1; }
    rm -f /usr/sbin/policy-rc.d.palisade
    log "installing ${REGISTRY_PKGS[*]}"
    if ! apt-get install -y -qq --no-install-recommends "${REGISTRY_PKGS[@]}" >/tmp/ci-services-apt2.log 2>&1; then
      apt-get update -qq
      apt-get install -y -qq --no-install-recommends "${REGISTRY_PKGS[@]}" >/tmp/ci-services-apt2.log 2>&1 || { cat /tmp/ci-services-apt2.log; exit 1; }
    fi
    [ -n "${RC_ADDED:-}" ] && rm -f /usr/sbin/policy-rc.d
    log "installed ${REGISTRY_PKGS[*]}"
  fi
fi
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet docker-registry 2>/dev/null; then
  systemctl stop docker-registry && log "stopped system service docker-registry (tests start their own)"
fi

# Belt and braces: if a service manager started the system daemons anyway, stop them (we never use them).
for svc in clamav-daemon clamav-freshclam; do
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$svc" 2>/dev/null; then
    systemctl stop "$svc" && log "stopped system service $svc (tests use a private clamd)"
  fi
done

CLAMD_BIN="$(command -v clamd || echo /usr/sbin/clamd)"
log "clamd: $CLAMD_BIN ($("$CLAMD_BIN" --version 2>/dev/null || echo 'version unknown'))"
log "sigtool: $(command -v sigtool)"
