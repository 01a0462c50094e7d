#!/usr/bin/env bash
# `prisma generate` never runs the schema engine, but the Prisma CLI looks for one and, offline,
# fails trying to download it. Point it at any existing file unless a real engine is configured.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-$PWD/package.json}"
export CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
exec node_modules/.bin/prisma generate
