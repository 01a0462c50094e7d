#!/usr/bin/env bash
# Prints the path of schemathesis (PyPI), the API fuzzer `npm test` runs against the OpenAPI document,
# installing it into a virtual environment under .tools/ (git-ignored) when needed. Idempotent.
#   SCHEMATHESIS_PATH=/path/to/schemathesis   use that executable instead
set -euo pipefail
VERSION=4.32.5
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/.tools/schemathesis-$VERSION"
bin="$dir/bin/schemathesis"

if [ -n "${SCHEMATHESIS_PATH:-}" ]; then
  [ -x "$SCHEMATHESIS_PATH" ] || { echo "SCHEMATHESIS_PATH=$SCHEMATHESIS_PATH is not an executable file" >&2; exit 2; }
  echo "$SCHEMATHESIS_PATH"; exit 0
fi
[ -x "$bin" ] && { echo "$bin"; exit 0; }
command -v python3 >/dev/null 2>&1 || { echo "Python 3 is not installed: cannot install schemathesis $VERSION" >&2; exit 3; }

mkdir -p "$(dirname "$dir")"
exec 9>"$dir.lock"
flock 9
if [ ! -x "$bin" ]; then
  echo "Installing schemathesis $VERSION from PyPI (once)…" >&2
  rm -rf "$dir"
  python3 -m venv "$dir" >&2
  "$dir/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$VERSION" >&2
fi
echo "$bin"
