# The API, the worker and the migrations in one image; docker-compose.yml picks the command.
#   docker build -t lead-referrals:local .

FROM node:20.19.5-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm 10 (this image's) ignores package.json's allowScripts, so dependencies' install scripts are
# skipped here as npm 11 skips them; the one the project needs, prisma generate, runs below.
# npm install, not npm ci: see .ci/run.
RUN npm install --ignore-scripts --no-audit --no-fund
COPY . .
# npm run build: the service compiled to dist/, the pages' scripts and the workflow bundle prebuilt;
# the runtime keeps production dependencies only (no tsx, no esbuild, no TypeScript).
RUN bash scripts/prisma-generate.sh \
 && npm run build \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:20.19.5-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Owned by root and read-only for the process: nothing under /app is written at run time.
COPY --from=build /app /app
# Where docker-compose.yml's volume of Temporal's mTLS certificates is mounted: owned by node, who
# writes them once (the temporal-certs job); Temporal's images read them as the same uid, 1000.
RUN mkdir /temporal-certs && chown node:node /temporal-certs
USER node
EXPOSE 3000
# The API answers /readyz on PORT, the worker on WORKER_HEALTH_PORT (set on the worker only).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.WORKER_HEALTH_PORT || process.env.PORT || 3000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node rather than npm run …: one process, which receives SIGTERM itself and shuts down gracefully.
CMD ["node", "dist/src/main/api.js"]
