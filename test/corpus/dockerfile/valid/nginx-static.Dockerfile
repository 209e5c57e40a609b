FROM node:20.15.1-alpine3.20 AS site
WORKDIR /site
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM nginxinc/nginx-unprivileged:1.27-alpine
COPY nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=site /site/dist/ /usr/share/nginx/html/
EXPOSE 8080
USER 101
