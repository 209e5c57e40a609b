# escape=x
# expect: dockerfile/invalid-escape
FROM alpine:3.20
