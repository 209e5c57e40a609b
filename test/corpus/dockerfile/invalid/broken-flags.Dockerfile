# expect: dockerfile/invalid-flag-value dockerfile/argument-count dockerfile/invalid-json dockerfile/duplicate-stage-name
FROM debian:12 AS one
RUN --mount=type=cache echo missing target
RUN --mount=type=volume,target=/x echo bad type
RUN --network=bridge echo bad network
HEALTHCHECK --interval=often CMD true
COPY onlyone
FROM debian:12 AS ONE
SHELL /bin/bash -c
CMD ['node', 'app.js']
