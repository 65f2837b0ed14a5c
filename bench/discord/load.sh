#!/usr/bin/env bash
# Load test for POST /discord/interactions (HTTP mode): publishes the host in Release, starts it on 127.0.0.1 with a fresh
# Ed25519 key, signs one guild /roadmap interaction (with a fresh timestamp per run: the host refuses ones older than
# 5 minutes), runs wrk, and prints req/s, p50 and p99. Then measures one Ed25519 verification on its own, since
# that fixed cost bounds throughput. Usage: bench/discord/load.sh [DURATION=15s] [CONNECTIONS=64] [THREADS=2]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
duration=${1:-15s}; connections=${2:-64}; threads=${3:-2}
port=${PORT:-5099}
work=$(mktemp -d)
host_pid=""
cleanup() { [[ -n $host_pid ]] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  echo "installing wrk…"
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

echo "publishing the host (Release)…"
dotnet publish "$repo/src/MlMentorBot" -c Release -o "$work/host" --nologo -v quiet >/dev/null

public_key=$("$here/sign.sh" keygen "$work")
body="$work/roadmap.json"
# The guild /roadmap fixture, minified as Discord sends it.
tr -d '\n' < "$repo/tests/MlMentorBot.Tests/Fixtures/Discord/command_roadmap_guild.json" | sed 's/  */ /g' > "$body"

echo "starting the host on 127.0.0.1:$port (HTTP mode)…"
(
  cd "$work/host"
  export ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=${GC_SERVER:-1}
  export Discord__Enabled=true Discord__Mode=Http Discord__ApplicationId=1143372838210596935 Discord__PublicKey="$public_key"
  # A placeholder token (check-in posting needs one configured) and an API URL nothing listens on: nothing leaves loopback.
  export Discord__BotToken=bench-placeholder-token Discord__ApiBaseUrl=http://127.0.0.1:9/api/v10/
  export Knowledge__Path="$repo/knowledge" Storage__DatabasePath="$work/bot.db" LocalChat__Enabled=false
  export Logging__LogLevel__Default=Warning
  exec ./MlMentorBot
) > "$work/host.log" 2>&1 &
host_pid=$!
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.2
done

check=$("$here/sign.sh" post "$work/key.pem" "$body" "http://127.0.0.1:$port/discord/interactions" | tr '\n' ' ')
[[ $check == *'HTTP 200 ' && $check == '{"type":4'* ]] || { echo "signed request failed: ${check:0:200}"; cat "$work/host.log"; exit 1; }

url="http://127.0.0.1:$port/discord/interactions"
# shellcheck source=wrk-signed.sh
. "$here/wrk-signed.sh"

run_wrk "guild /roadmap" "$body" "$duration"
# PING is verification plus a constant answer: the floor every interaction pays.
run_wrk "PING" "$repo/tests/MlMentorBot.Tests/Fixtures/Discord/ping.json" 10s
kill "$host_pid"; wait "$host_pid" 2>/dev/null || true; host_pid=""

echo "measuring one Ed25519 verification (NSec/libsodium, process CPU time over 10 000 runs)…"
dotnet run -c Release --project "$here/VerifyBench" --nologo -v quiet
