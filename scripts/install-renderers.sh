#!/usr/bin/env bash
# Installs PINNED helm and kustomize for the Helm/Kustomize rendering tests (test/render.test.ts) and for local use.
# Built from source with `go install` (no Debian packages exist; the Go module proxy is reachable where release
# downloads may not be). Idempotent: an existing binary of the pinned version is kept.
#
#   PALISADE_TOOLS_DIR   where the binaries go (default ~/.cache/palisade-tools/bin; the scanner looks there after PATH)
#   RENDERERS_TIMEOUT    seconds per `go install` (default 600)
#
# It never fails the caller: on any problem it prints why and exits 0; the tests then skip with a printed reason.
set -uo pipefail

HELM_VERSION=v3.22.0
KUSTOMIZE_VERSION=v5.6.0
DIR="${PALISADE_TOOLS_DIR:-${HOME:-/root}/.cache/palisade-tools/bin}"
TIMEOUT="${RENDERERS_TIMEOUT:-600}"
log() { printf 'install-renderers: %s\n' "$*"; }

# CI overlaps the build with `npm ci`: `--background` starts it detached, `--wait` (before `npm test`) waits and shows its log.
STATE="${TMPDIR:-/tmp}/palisade-install-renderers"
case "${1:-}" in
  --background)
    nohup bash "$0" >"$STATE.log" 2>&1 </dev/null &
    echo $! >"$STATE.pid"
    log "started in the background (pid $!, log $STATE.log)"
    exit 0
    ;;
  --wait)
    if [ -f "$STATE.pid" ]; then
      pid="$(cat "$STATE.pid")"
      waited=0
      while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt $((2 * TIMEOUT + 60)) ]; do sleep 2; waited=$((waited + 2)); done
      kill -0 "$pid" 2>/dev/null && log "still running after ${waited}s; not waiting longer (the render tests will skip)"
      cat "$STATE.log" 2>/dev/null
      rm -f "$STATE.pid"
    else
      log "no background install was started"
    fi
    exit 0
    ;;
esac

GO="$(command -v go || true)"
[ -z "$GO" ] && [ -x /usr/local/go/bin/go ] && GO=/usr/local/go/bin/go
if [ -z "$GO" ]; then
  log "go is not installed: cannot build helm/kustomize; the render tests will skip (install helm and kustomize by hand)"
  exit 0
fi
mkdir -p "$DIR" || { log "cannot create $DIR"; exit 0; }

# The module version a binary was built from, read from its embedded build info.
built_version() { "$GO" version -m "$1" 2>/dev/null | awk -v m="$2" '$1 == "mod" && $2 == m { print $3 }'; }

install_one() {
  local name="$1" module="$2" pkg="$3" version="$4"
  if [ -x "$DIR/$name" ] && [ "$(built_version "$DIR/$name" "$module")" = "$version" ]; then
    log "$name $version already in $DIR"
    return 0
  fi
  log "building $name $version into $DIR (go install, up to ${TIMEOUT}s)"
  local started=$SECONDS
  if GOBIN="$DIR" GOFLAGS=-mod=mod timeout "$TIMEOUT" "$GO" install "$pkg@$version" >"/tmp/install-$name.log" 2>&1; then
    log "$name $version installed in $((SECONDS - started))s"
  else
    log "$name $version could not be installed (see /tmp/install-$name.log):"
    tail -5 "/tmp/install-$name.log" | sed 's/^/  /'
  fi
}

install_one kustomize sigs.k8s.io/kustomize/kustomize/v5 sigs.k8s.io/kustomize/kustomize/v5 "$KUSTOMIZE_VERSION"
install_one helm helm.sh/helm/v3 helm.sh/helm/v3/cmd/helm "$HELM_VERSION"
exit 0
