# The Launchpad control plane image (docker-compose.yml builds it).
# Stage 1 installs every dependency (sqlite3 compiles here), compiles the control plane to JavaScript and
# builds the dashboard; stage 2 keeps the runtime dependencies and the two builds only (no TypeScript, no tsx).
FROM node:20-alpine AS build
RUN apk add --no-cache python3 make g++ git
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY server/package.json server/
COPY web/package.json web/
COPY cli/package.json cli/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build -w server && npm run build -w web && npm prune --omit=dev

FROM node:20-alpine
RUN apk add --no-cache git openssh-client tini
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/server/package.json ./server/
COPY --from=build /app/server/dist ./server/dist
COPY --from=build /app/web/dist ./web/dist
ENV NODE_ENV=production LAUNCHPAD_HOST=0.0.0.0
EXPOSE 8080
# Root is needed to use the mounted Docker socket unless its group is mapped in; see README.
ENTRYPOINT ["/sbin/tini", "--"]
CMD ["node", "server/dist/main.js"]
