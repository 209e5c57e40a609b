# expect: dockerfile/unknown-instruction dockerfile/unknown-flag dockerfile/unknown-stage dockerfile/invalid-port
FROM alpine:3.20 AS build
RUNN echo hi
COPY --form=build /a /b
FROM alpine:3.20
COPY --from=biuld /a /b
EXPOSE 99999
