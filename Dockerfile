# JWT Workbench behind nginx, with the same deploy/nginx.conf as `npm run serve:nginx` (docs/deploy.md).
#   docker build -t jwt-workbench . && docker run --rm -p 8080:8080 jwt-workbench
# Narrow who the page may fetch from, or serve it under a sub-path, at build time:
#   docker build --build-arg CONNECT_SRC="https://login.example.com" --build-arg BASE_PATH=/tools/jwt/ .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
ARG CONNECT_SRC=""
ARG BASE_PATH="/"
RUN CONNECT_SRC="$CONNECT_SRC" BASE_PATH="$BASE_PATH" npm run build && CONNECT_SRC="$CONNECT_SRC" npm run headers

FROM nginx:stable
COPY --from=build /app/deploy/nginx.conf /app/deploy/security-headers.conf /etc/nginx/
ARG BASE_PATH="/"
COPY --from=build /app/dist /usr/share/nginx/html${BASE_PATH}
EXPOSE 8080
