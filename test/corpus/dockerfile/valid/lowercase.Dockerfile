from alpine:3.20 as base
run apk add --no-cache ca-certificates
workdir /app
copy . .
user 65534
cmd ["./app"]
