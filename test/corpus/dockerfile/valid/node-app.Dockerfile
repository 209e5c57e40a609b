# syntax=docker/dockerfile:1
ARG NODE_VERSION=20.15.1

FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY . .
RUN npm run build

FROM node:${NODE_VERSION}-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000
RUN apt-get update \
    && apt-get install -y --no-install-recommends tini \
    && rm -rf /var/lib/apt/lists/*
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node --chmod=644 package.json ./
# A zero interval and zero retries mean "use the defaults"; both are valid.
HEALTHCHECK --interval=0s --timeout=3s --start-period=10s --start-interval=2s --retries=0 \
    CMD ["node", "dist/healthcheck.js"]
EXPOSE ${PORT}
USER node
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/server.js"]
