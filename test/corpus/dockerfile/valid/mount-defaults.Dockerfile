# syntax=docker/dockerfile:1
# Mounts BuildKit builds (corpus classes D1, D2): a mount without target lands in the working
# directory, and ro/readonly/rw stand alone.
FROM golang:1.22.5-alpine3.20 AS bin
WORKDIR /src
RUN --mount=type=cache,target=/root/.cache/go-build go version > /version

FROM alpine:3.20.1 AS test
WORKDIR /work
RUN --mount=from=bin ls
RUN --mount=type=bind,from=bin,source=/version cat version
RUN --mount=target=.,ro ls
RUN --mount=type=bind,target=/src,readonly ls /src
RUN --mount=type=cache,id=apk,sharing=locked apk --version
RUN --mount=type=secret,id=npm,required ls /run/secrets
USER nobody
