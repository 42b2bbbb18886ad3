# The proxy with the built SPA, as one image (docs/deploy.md). The proxy runs its TypeScript
# through tsx, as `npm start` does, so the image carries the sources it needs and no build output
# of its own; the SPA is built in the first stage.

FROM node:20.20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 (a dev dependency: the local hub emulator) compiles from source when no prebuilt
# binary can be fetched.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx vite build

FROM node:20.20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production
# Production dependencies only: what src/proxy imports (a unit test keeps package.json honest).
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# tsx reads its compiler options (verbatimModuleSyntax, JSX, target) from the Node project's
# tsconfig; tsconfig.json itself only names the projects.
COPY tsconfig.base.json tsconfig.node.json ./
ENV TSX_TSCONFIG_PATH=/app/tsconfig.node.json
COPY src/proxy ./src/proxy
COPY src/core ./src/core
COPY src/contracts ./src/contracts
COPY --from=build /app/dist ./dist
ENV PROXY_HOST=0.0.0.0 PROXY_PORT=8080 PROXY_STATIC_DIR=/app/dist
EXPOSE 8080
USER node
CMD ["node", "--import", "tsx", "src/proxy/main.ts"]
