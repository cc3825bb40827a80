# Follow-up Slack app: one image for the web receiver, the workers and the migration step.
#   docker build -t followup .
#   docker run --env-file .env followup                          # web + workers (npm start)
#   docker run --env-file .env followup node scripts/migrate.mjs deploy   # apply migrations
#   docker run -e LOCAL_WORKSPACE=true -e HOST=0.0.0.0 -p 127.0.0.1:3000:3000 -e DATABASE_URL=… -e REDIS_URL=… followup
#                                                    # the local trial workspace (no Slack app)
# docker-compose.yml wires both for you (with no .env: the local trial).

# ---- build: compile TypeScript and generate the Prisma client --------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
# Dependencies first, so a code change does not reinstall them. --ignore-scripts: nothing here
# needs an install script (the Prisma CLI would otherwise try to download native engines; the
# client is generated offline by scripts/prisma-generate.js and migrations run on WebAssembly).
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts ./scripts
COPY src ./src
COPY workflows ./workflows
# Generates src/generated/prisma (TypeScript), compiles src/ and workflows/ to dist/, and bundles
# the local trial workspace's page (src/local/page, esbuild) into dist/local/page.
RUN npm run build

# ---- runtime: production dependencies, compiled code, migrations --------------------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only: @prisma/client (its runtime and query-compiler wasm),
# @prisma/adapter-pg, pg, @prisma/schema-engine-wasm and @prisma/driver-adapter-utils (migrations),
# Bolt, BullMQ, ioredis, luxon, zod, pino, the chart and calendar libraries. --omit=optional as well: the Prisma CLI and TypeScript
# are optional peers of @prisma/client, which --omit=dev alone keeps (~250 MB); the other optional
# packages are msgpackr's native speed-up (BullMQ falls back to JS) and pg's Cloudflare socket.
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund && npm cache clean --force
# Charts: @napi-rs/canvas ships its native part (Skia) prebuilt inside an optional per-platform
# npm package (here @napi-rs/canvas-linux-x64-gnu or -linux-arm64-gnu), which --omit=optional
# leaves out; take the one the build stage installed for this platform. No install script, no
# download. The chart font (DejaVu Sans, æøå) comes from the `dejavu-fonts-ttf` npm package.
COPY --from=build /app/node_modules/@napi-rs ./node_modules/@napi-rs
# The compiled app (the generated Prisma client is compiled into dist/src/generated) and the
# local trial workspace's page (dist/local/page).
COPY --from=build /app/dist ./dist
# What `node scripts/migrate.mjs deploy` (npm run db:migrate) reads: the schema and migrations.
COPY prisma ./prisma
COPY scripts/migrate.mjs ./scripts/migrate.mjs
# The image's own unprivileged user (uid 1000), owner of nothing it could rewrite.
USER node
# The live heap stays small (≈50 MB in a 10,000-reminder burst), but V8 lets garbage grow the heap
# towards its default limit (gigabytes on a large host) before a full collection: a 10,000 fan-out
# peaked at 1.5 GB RSS. Capped, it stays under 400 MB (bench/fanout/README.md).
ENV NODE_OPTIONS="--max-old-space-size=256"
EXPOSE 3000
# Liveness: /livez answers 200 while the process runs, whatever PostgreSQL and Redis do (readiness
# is /readyz, alias /healthz). No curl in the slim image: Node 20's fetch does the probe.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/livez').then(r=>process.exit(r.status===200?0:1),()=>process.exit(1))"]
# Web receiver and workers in one process; pass `web` or `worker` to run one of them.
CMD ["node", "dist/src/main.js"]
