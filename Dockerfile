# esp-cancel-mock as a container: all four vendors on port 4010, `serve`'s flags passed through,
# `verify` and `validate` from the same image. See docs/guides/container.md.
#
#   docker build -t esp-cancel-mock .
#   docker run --rm -p 4010:4010 esp-cancel-mock
#
# NODE_IMAGE builds the package (it needs npm); RUNTIME_IMAGE runs the CLI: it needs only `node` and `sh`.
# Both default to the official Node.js image; any Debian-like image with Node.js >= 20 works.
ARG NODE_IMAGE=node:22-trixie-slim
ARG RUNTIME_IMAGE=${NODE_IMAGE}

FROM ${NODE_IMAGE} AS build
WORKDIR /build
COPY package.json package-lock.json ./
# No install scripts: nothing the build needs runs one, and none may fetch a binary.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
# Then only the runtime dependencies stay, at the lockfile's versions (the CLI needs no msw, a peer);
# prune leaves the emptied @scope folders behind.
# Of swagger-ui-dist (the API reference page's renderer) the server serves two files: the rest (source
# maps, other bundles) would double the image.
RUN npm run build && npm prune --omit=dev --omit=peer --no-audit --no-fund \
  && find node_modules -mindepth 1 -maxdepth 1 -type d -empty -delete \
  && find node_modules/swagger-ui-dist -type f ! -name swagger-ui-bundle.js ! -name swagger-ui.css \
       ! -name package.json ! -name LICENSE ! -name NOTICE -delete

FROM ${RUNTIME_IMAGE}
WORKDIR /app
COPY --from=build /build/package.json /build/LICENSE ./
COPY --from=build /build/node_modules ./node_modules
COPY --from=build /build/openapi ./openapi
COPY --from=build /build/dist/esp-cancel-mock.mjs ./dist/
COPY --from=build /build/dist/chunks ./dist/chunks
COPY --from=build /build/dist/ui ./dist/ui
COPY --from=build /build/dist/openapi ./dist/openapi
COPY --from=build /build/dist/THIRD-PARTY-LICENSES.md ./dist/
COPY container/entrypoint.sh ./entrypoint.sh
ENV NODE_ENV=production \
    PORT=4010
# Any unprivileged uid works (`docker run --user`); a numeric one lets Kubernetes' runAsNonRoot check it.
USER 10001:10001
EXPOSE 4010
# /__admin/health answers without the admin token. The port is $PORT: change it with -e PORT=…
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4010)+'/__admin/health',{signal:AbortSignal.timeout(2500)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The server finishes in-flight requests on SIGTERM, then exits 0; node runs as PID 1 (exec below).
STOPSIGNAL SIGTERM
ENTRYPOINT ["/app/entrypoint.sh"]
CMD ["serve"]
