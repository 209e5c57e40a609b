# syntax=docker/dockerfile:1.10
# check=error=true
ARG DEBIAN_RELEASE=bookworm

FROM debian:${DEBIAN_RELEASE}-slim AS fetch
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d \
    https://example.com/tool-1.2.3.tar.gz /tmp/tool.tar.gz
ADD --keep-git-dir=true https://github.com/example/repo.git#v1.2.3 /src/repo
RUN --mount=type=secret,id=netrc,target=/root/.netrc,required=true \
    --mount=type=ssh,id=default \
    --mount=type=tmpfs,target=/tmp/scratch,size=67108864 \
    --network=default \
    ls /src/repo

FROM debian:${DEBIAN_RELEASE}-slim
ARG APP_USER=app
COPY --from=fetch --parents --exclude=*.md /src/repo/docs/ /opt/
COPY --link --chmod=755 bin/ /usr/local/bin/
COPY a.txt b.txt /etc/acme/
RUN --mount=type=bind,from=fetch,source=/tmp/tool.tar.gz,target=/tmp/tool.tar.gz \
    tar -xzf /tmp/tool.tar.gz -C /usr/local \
    && useradd --system ${APP_USER}
RUN --network=none --security=sandbox true
HEALTHCHECK NONE
USER ${APP_USER}
CMD ["/usr/local/bin/tool", "serve"]
