# The production server as a container image: Node 20 on Debian slim, Next's standalone output,
# run as a non-root user. docs/deployment.md explains the three ways to run the site.
#   docker build --build-arg SITE_URL=https://news.example.com -t news-site .
# Content is not baked in: the catalog and article bodies (.contentlayer) come from a volume that
# `npm run content` (the `publisher` service in compose.yaml) writes, so new articles reach every
# instance without a new image.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ARG SITE_URL
ARG BUILD_ID=docker
ENV SITE_URL=$SITE_URL BUILD_ID=$BUILD_ID NEXT_OUTPUT=standalone NEXT_TELEMETRY_DISABLED=1
RUN npm run build

FROM node:20-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
COPY --from=build --chown=node:node /app/.contentlayer ./.contentlayer
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --retries=3 CMD node -e "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "server.js"]
