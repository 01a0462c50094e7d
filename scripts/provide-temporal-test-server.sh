#!/usr/bin/env bash
# Prints the path of an executable that runs Temporal's time-skipping test server, assembled from
# Maven Central (io.temporal:temporal-test-server and its dependencies). Idempotent; cached in
# .tools/ (git-ignored).
#   TEMPORAL_TEST_SERVER_PATH=/path/to/temporal-test-server   use that executable instead
# Exit status 3 means "neither an executable nor Java+Maven here": callers fall back to the SDK's
# own download.
set -euo pipefail
VERSION=1.38.0
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/.tools/temporal-test-server-$VERSION"
bin="$dir/temporal-test-server"

if [ -n "${TEMPORAL_TEST_SERVER_PATH:-}" ]; then
  [ -x "$TEMPORAL_TEST_SERVER_PATH" ] || { echo "TEMPORAL_TEST_SERVER_PATH=$TEMPORAL_TEST_SERVER_PATH is not an executable file" >&2; exit 2; }
  echo "$TEMPORAL_TEST_SERVER_PATH"; exit 0
fi
[ -x "$bin" ] && { echo "$bin"; exit 0; }
if ! command -v java >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1; then
  echo "Java and Maven are needed to assemble the Temporal test server $VERSION" >&2; exit 3
fi

mkdir -p "$dir"
exec 9>"$dir/.lock"
flock 9
if [ ! -x "$bin" ]; then
  echo "Fetching the Temporal test server $VERSION from Maven Central (once)…" >&2
  cat > "$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.lead</groupId><artifactId>temporal-test-server-runtime</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>io.temporal</groupId><artifactId>temporal-test-server</artifactId><version>$VERSION</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-nop</artifactId><version>1.7.36</version></dependency>
  </dependencies>
</project>
POM
  mvn -q -B -f "$dir/pom.xml" dependency:copy-dependencies -DoutputDirectory="$dir/lib" -DincludeScope=runtime >&2
  # The SDK stops the server by killing the process it started, so the wrapper must become java.
  cat > "$bin.tmp" <<'SH'
#!/usr/bin/env bash
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec java -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$here/lib/*" io.temporal.testserver.TestServer "$@"
SH
  chmod +x "$bin.tmp"
  mv "$bin.tmp" "$bin"
fi
echo "$bin"
