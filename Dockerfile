# syntax=docker/dockerfile:1
# The API and the indexer in one image: `node dist/src/server.js` (default) or
# `node dist/indexer/cli.js <paths...>`. Built with `docker compose build` or `docker build .`.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- toolchain: better-sqlite3 compiles its addon here when no prebuilt binary matches ---------
FROM ${NODE_IMAGE} AS toolchain
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# No install-time telemetry from dependencies that ship it.
ENV SCARF_ANALYTICS=false
COPY package.json package-lock.json ./

# --- build: every dependency, then TypeScript -> dist/ and the reader page -> dist/web --------
FROM toolchain AS build
RUN npm ci
COPY . .
RUN npm run build

# --- production dependencies only, native addon compiled against the runtime's Node and glibc -
FROM toolchain AS prod-deps
RUN npm ci --omit=dev && npm cache clean --force

# --- runtime: same base image as the stages above, so the addon's ABI matches ----------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY seed ./seed
# The embedded engine writes data/articles.db; the app itself stays read-only to its user.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/server.js"]
