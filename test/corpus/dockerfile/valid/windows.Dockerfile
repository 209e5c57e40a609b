# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"]
ENV APP_HOME=C:\app
WORKDIR C:\app
RUN New-Item -ItemType Directory -Path C:\data | Out-Null; `
    Write-Host 'ready'
COPY app\ C:\app\
VOLUME C:\data
EXPOSE 80
USER ContainerUser
ENTRYPOINT ["powershell", "-File", "C:\\app\\start.ps1"]
