#!/usr/bin/env bash
# Prints the path of a directory holding a real Temporal server and its companions, building them
# from the Go module proxy when needed, with the dependency versions pinned in scripts/temporal-go/
# (shared with the CLI's build). Idempotent; the build is cached in .tools/ (git-ignored).
# The directory holds:
#   temporal-server       go.temporal.io/server/cmd/server           (the Temporal server)
#   temporal-sql-tool     go.temporal.io/server/cmd/tools/sql        (creates/migrates its SQL schema)
#   temporal-ui-server    github.com/temporalio/ui-server/v2/cmd/server (the Web UI, stand-alone)
#   schema/postgresql/v12/            the server module's PostgreSQL schema (temporal, visibility)
#   config/development-postgres12.yaml the server module's sample PostgreSQL config
#   TEMPORAL_SERVER_TOOLS_DIR=/path/to/dir   use that directory (same layout) instead
# Exit status 3 means "neither the tools nor Go here".
set -euo pipefail
VERSION=v1.29.1     # the server version that the Temporal CLI v1.5.1 embeds (scripts/temporal-go/go.mod)
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/.tools/temporal-server-$VERSION"

complete() { # is $1 a finished tools directory?
  [ -x "$1/temporal-server" ] && [ -x "$1/temporal-sql-tool" ] && [ -x "$1/temporal-ui-server" ] &&
    [ -d "$1/schema/postgresql/v12/temporal" ] && [ -d "$1/schema/postgresql/v12/visibility" ] &&
    [ -f "$1/config/development-postgres12.yaml" ]
}

if [ -n "${TEMPORAL_SERVER_TOOLS_DIR:-}" ]; then
  complete "$TEMPORAL_SERVER_TOOLS_DIR" || {
    echo "TEMPORAL_SERVER_TOOLS_DIR=$TEMPORAL_SERVER_TOOLS_DIR lacks temporal-server, temporal-sql-tool, temporal-ui-server, schema/postgresql/v12 or config/development-postgres12.yaml" >&2
    exit 2
  }
  echo "$TEMPORAL_SERVER_TOOLS_DIR"; exit 0
fi
complete "$dir" && { echo "$dir"; exit 0; }
command -v go >/dev/null 2>&1 || { echo "Go is not installed: cannot build the Temporal server $VERSION" >&2; exit 3; }

mkdir -p "$dir"
exec 9>"$dir/.lock"
flock 9

# build NAME PACKAGE: go build within the pinned module, then move the binary into place under NAME.
build() {
  local name="$1" pkg="$2" start=$SECONDS
  [ -x "$dir/$name" ] && return 0
  echo "Building $name from $pkg (a few minutes the first time, seconds after the CLI's build)…" >&2
  go build -C "$root/scripts/temporal-go" -o "$dir/.$name.tmp" "$pkg" >&2
  mv -f "$dir/.$name.tmp" "$dir/$name"
  echo "Built $name in $((SECONDS - start)) s" >&2
}
build temporal-server go.temporal.io/server/cmd/server
build temporal-sql-tool go.temporal.io/server/cmd/tools/sql
build temporal-ui-server github.com/temporalio/ui-server/v2/cmd/server

if [ ! -d "$dir/schema/postgresql/v12/visibility" ] || [ ! -f "$dir/config/development-postgres12.yaml" ]; then
  # `go install` above put the server module into the module cache; fetch it if it is not there.
  src="$(go env GOMODCACHE)/go.temporal.io/server@$VERSION"
  [ -d "$src/schema/postgresql/v12" ] || go mod download -C "$root/scripts/temporal-go" "go.temporal.io/server" >&2
  rm -rf "$dir/schema" "$dir/config"
  mkdir -p "$dir/schema/postgresql" "$dir/config"
  cp -R "$src/schema/postgresql/v12" "$dir/schema/postgresql/v12"
  cp "$src/config/development-postgres12.yaml" "$dir/config/"
  chmod -R u+w "$dir/schema" "$dir/config" # the module cache is read-only
fi
echo "$dir"
