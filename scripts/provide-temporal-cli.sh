#!/usr/bin/env bash
# Prints the path of a Temporal CLI (dev server + Web UI), building it from the Go module proxy
# when needed, with the dependency versions pinned in scripts/temporal-go/ (shared with the server's
# build, so that one compiles little more). Idempotent; the build is cached in .tools/ (git-ignored).
#   TEMPORAL_CLI_PATH=/path/to/temporal   use that binary instead
# Exit status 3 means "neither a binary nor Go here": callers fall back to the SDK's own download.
set -euo pipefail
VERSION=v1.5.1 # as pinned in scripts/temporal-go/go.mod
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/.tools/temporal-cli-$VERSION"
bin="$dir/temporal"

if [ -n "${TEMPORAL_CLI_PATH:-}" ]; then
  [ -x "$TEMPORAL_CLI_PATH" ] || { echo "TEMPORAL_CLI_PATH=$TEMPORAL_CLI_PATH is not an executable file" >&2; exit 2; }
  echo "$TEMPORAL_CLI_PATH"; exit 0
fi
[ -x "$bin" ] && { echo "$bin"; exit 0; }
command -v go >/dev/null 2>&1 || { echo "Go is not installed: cannot build the Temporal CLI $VERSION" >&2; exit 3; }

mkdir -p "$dir"
exec 9>"$dir/.lock"
flock 9
if [ ! -x "$bin" ]; then
  echo "Building the Temporal CLI $VERSION from the Go module proxy (a few minutes, once)…" >&2
  go build -C "$root/scripts/temporal-go" -o "$bin.tmp" github.com/temporalio/cli/cmd/temporal >&2
  mv -f "$bin.tmp" "$bin"
fi
echo "$bin"
