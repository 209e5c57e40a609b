# A line that ends in an escaped backslash ends the instruction (corpus class D3, as in the mongo
# Windows images); the blank line and the ENV after it are no part of the COPY.
FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS build
RUN echo built > C:\\a.dll && echo built > C:\\b.dll

FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
COPY --from=build C:\\a.dll C:\\b.dll C:\\Windows\\System32\\

ENV MONGO_VERSION=7.0.37
USER ContainerUser
CMD ["cmd", "/c", "echo", "%MONGO_VERSION%"]
