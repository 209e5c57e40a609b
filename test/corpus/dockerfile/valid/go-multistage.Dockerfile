# syntax=docker/dockerfile:1.7
# check=skip=JSONArgsRecommended

ARG GO_VERSION=1.22.5
ARG ALPINE_VERSION=3.20

FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine${ALPINE_VERSION} AS build
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \
    go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/server ./cmd/server

FROM build AS test
RUN --mount=type=cache,target=/root/.cache/go-build go test ./...

FROM gcr.io/distroless/static-debian12:nonroot AS final
LABEL org.opencontainers.image.source="https://example.com/acme/server" \
      org.opencontainers.image.licenses="MIT"
COPY --from=build --link /out/server /usr/local/bin/server
EXPOSE 8080/tcp
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/server"]
CMD ["--listen", ":8080"]
