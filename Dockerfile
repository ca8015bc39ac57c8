# REAP Tracker for City IT: build with `docker build -t reap-tracker .`, or run it with its
# PostgreSQL server through compose.yaml. The image runs compiled JavaScript as a non-root
# user; configuration comes from the environment (README, "Configuration").

# ---- build: install everything, generate the Prisma client, compile, then drop dev tools
FROM node:26-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm ci --no-audit --no-fund
RUN npm run build
RUN npm prune --omit=dev --no-audit --no-fund

# ---- run: the compiled app, its production dependencies, migrations, manifests and the
# chart font (assets/fonts/, which src/charts/renderer.ts finds next to dist/)
FROM node:26-bookworm-slim
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/prisma/migrations ./prisma/migrations
COPY --chown=node:node manifests ./manifests
COPY --chown=node:node assets ./assets
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/main.js", "start"]
