# Secretary for production: one image, several roles (serve, worker, migrate).
# Node 24 runs the TypeScript sources directly (type stripping), so there is no build step.
FROM node:24-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# `npm install` builds the Mini App (web/ → web/dist) in its prepare step; web/node_modules is
# only needed for that build.
COPY scripts ./scripts
COPY web ./web
RUN npm install --omit=dev --no-audit --no-fund && rm -rf web/node_modules && npm cache clean --force
COPY src ./src
COPY migrations ./migrations
# DATA_DIR (./data): capabilities keep generated files there (the booking capability's Web Push
# VAPID keys). Writable by the non-root user; compose.yaml mounts one volume on it for every process.
RUN mkdir -p data && chown node:node data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["node", "src/cli/main.ts"]
CMD ["serve"]
