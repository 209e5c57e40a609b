# Shell idioms that are no mistake (corpus classes DW1, DW2, DW5): a shell test at the start of a
# RUN, apt-get options on a continuation line, an install through xargs after the update.
FROM debian:12.5-slim
COPY packages.txt /tmp/packages.txt
RUN [ -f /etc/os-release ] || exit 1
RUN apt-get update \
 && apt-get install \
      --yes --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/*
RUN apt-get update && grep -v '^#' /tmp/packages.txt | xargs -r apt-get install --yes --no-install-recommends && rm -rf /var/lib/apt/lists/*
USER nobody
CMD ["bash"]
