#!/usr/bin/env bash
# Idempotent install of gitleaks v8 (the secret-scanning peer) into bench/.peers/bin/gitleaks (gitignored).
# A measuring stick only: never a product dependency, never needed by `npm test`.
# A failed install is reported and the script continues; it always exits 0.
#
# Like Trivy (see install.sh), gitleaks is built from a throw-away wrapper module that requires a pinned version:
# the module proxy reachable here serves pinned versions but refuses version lists (@latest, @v/list).
# GITLEAKS_VERSION=vX.Y.Z picks one version; otherwise the pinned versions below are tried newest first.
# FORCE=1 rebuilds.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
PEERS="$ROOT/bench/.peers"
mkdir -p "$PEERS/bin" "$PEERS/logs"
export GOBIN="$PEERS/bin"
export GOFLAGS="${GOFLAGS:-} -trimpath -buildvcs=false"
GO="${GO:-$(command -v go || echo /usr/local/go/bin/go)}"
MODULE=github.com/zricethezav/gitleaks/v8
VERSIONS="${GITLEAKS_VERSION:-v8.30.1 v8.30.0 v8.29.1 v8.28.0}"
LOG="$PEERS/logs/gitleaks.log"

note() { printf '[install-gitleaks] %s\n' "$*"; }

build_one() {
  local ver=$1 src="$PEERS/src/gitleaks"
  rm -rf "$src"; mkdir -p "$src"
  printf 'module palisade.local/bench/peers/gitleaks\n\ngo 1.24\n' > "$src/go.mod"
  printf '//go:build tools\n\npackage tools\n\nimport _ "%s"\n' "$MODULE" > "$src/tools.go"
  ( cd "$src" \
    && "$GO" get "$MODULE@$ver" \
    && "$GO" mod tidy \
    && "$GO" build -o "$GOBIN/gitleaks.tmp" \
         -ldflags "-s -w -X $MODULE/version.Version=$ver" \
         "$MODULE" \
    && mv "$GOBIN/gitleaks.tmp" "$GOBIN/gitleaks" )
}

if [ -x "$GOBIN/gitleaks" ] && [ -z "${FORCE:-}" ]; then
  note "gitleaks already installed"
else
  : > "$LOG"
  ok=
  for ver in $VERSIONS; do
    note "installing gitleaks $ver (go build of a pinned module) ..."
    echo "=== $ver" >> "$LOG"
    if build_one "$ver" >>"$LOG" 2>&1; then ok=$ver; break; fi
    note "  $ver failed:"; grep -v '^go: downloading' "$LOG" | tail -3 | sed 's/^/    /'
  done
  if [ -z "$ok" ]; then
    note "gitleaks FAILED (see bench/.peers/logs/gitleaks.log)"
    note "summary: gitleaks: FAILED"
    exit 0
  fi
fi
v=$("$GOBIN/gitleaks" version 2>/dev/null | head -1)
mv_=$("$GO" version -m "$GOBIN/gitleaks" 2>/dev/null | awk '$1=="mod"{print $3; exit}')
echo "${v:-${mv_:-unknown}}" > "$PEERS/gitleaks.version"
note "gitleaks version: ${v:-?} (module ${mv_:-?})"
note "summary: gitleaks: ok ${v:-?}"
exit 0
