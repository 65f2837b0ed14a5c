# syntax=docker/dockerfile:1
# MlMentorBot: restore → test → publish → run on the ASP.NET runtime as a non-root user.
# Build:  docker build -t mlmentorbot .
# Run:    docker run -e Slack__Enabled=true -e Slack__AppToken=… -e Slack__BotToken=… -v mlmentorbot-data:/data mlmentorbot
# (No Docker engine runs on the development machines here; this file is kept correct by reading.)

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so the restore layer is cached until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props MlMentorBot.sln ./
COPY src/MlMentorBot/MlMentorBot.csproj src/MlMentorBot/
COPY src/MlMentorBot.Core/MlMentorBot.Core.csproj src/MlMentorBot.Core/
COPY src/MlMentorBot.Discord/MlMentorBot.Discord.csproj src/MlMentorBot.Discord/
COPY src/MlMentorBot.Slack/MlMentorBot.Slack.csproj src/MlMentorBot.Slack/
COPY tests/MlMentorBot.Tests/MlMentorBot.Tests.csproj tests/MlMentorBot.Tests/
COPY bench/MlMentorBot.Benchmarks/MlMentorBot.Benchmarks.csproj bench/MlMentorBot.Benchmarks/
RUN dotnet restore MlMentorBot.sln
COPY . .

FROM build AS test
RUN dotnet test MlMentorBot.sln --no-restore

# Publishing from the test stage makes a red test fail the image build (BuildKit skips stages nothing depends on).
FROM test AS publish
RUN dotnet publish src/MlMentorBot/MlMentorBot.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=publish /app ./
COPY knowledge ./knowledge
# The SQLite file lives on a volume so progress survives container upgrades.
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME ["/data"]
ENV ASPNETCORE_URLS=http://+:8080 \
    Storage__DatabasePath=/data/mlmentorbot.db \
    Knowledge__Path=/app/knowledge \
    LocalChat__Enabled=false
EXPOSE 8080
# GC and JIT settings (workstation GC, no dynamic PGO, GC ConserveMemory 5) travel in MlMentorBot.runtimeconfig.json from the
# csproj, so no DOTNET_ variables are needed here; docs/operations.md "Memory" has the measurements behind them.
# $APP_UID is the non-root "app" user the .NET images ship with.
USER $APP_UID
# Health: GET /health on port 8080 (200 ok / 503 degraded) for the orchestrator's probe; the image has no curl.
ENTRYPOINT ["dotnet", "MlMentorBot.dll"]
