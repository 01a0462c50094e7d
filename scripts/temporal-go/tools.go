//go:build tools

// The Temporal binaries this project builds from the Go module proxy, pinned together in one module:
// the CLI (dev server and Web UI), the server, its SQL tool and the stand-alone Web UI server. One set
// of dependency versions means each package is compiled once and shared by all four builds
// (scripts/provide-temporal-cli.sh, scripts/provide-temporal-server.sh).
package tools

import (
	_ "github.com/temporalio/cli/cmd/temporal"
	_ "github.com/temporalio/ui-server/v2/cmd/server"
	_ "go.temporal.io/server/cmd/server"
	_ "go.temporal.io/server/cmd/tools/sql"
)
