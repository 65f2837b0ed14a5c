#!/usr/bin/env bash
# Load test for POST /discord/interactions (HTTP mode): publishes the host in Release, starts it on 127.0.0.1 with a fresh
# Ed25519 key, signs one guild /roadmap interaction (Discord's scheme does not check timestamp freshness, so one signature
# can be replayed), runs wrk, and prints req/s, p50 and p99. Then measures one Ed25519 verification on its own, since
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
  export Knowledge__Path="$repo/knowledge" Storage__DatabasePath="$work/bot.db" LocalChat__Enabled=false
  export Logging__LogLevel__Default=Warning
  exec ./MlMentorBot
) > "$work/host.log" 2>&1 &
host_pid=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.2
done

check=$("$here/sign.sh" post "$work/key.pem" "$body" "http://127.0.0.1:$port/discord/interactions" | tr '\n' ' ')
[[ $check == *'HTTP 200 ' && $check == '{"type":4'* ]] || { echo "signed request failed: ${check:0:200}"; cat "$work/host.log"; exit 1; }

cpu_ticks() { awk '{print $14 + $15}' "/proc/$host_pid/stat"; }
sys_ticks() { awk '{print $15}' "/proc/$host_pid/stat"; }

# run_wrk LABEL BODY DURATION: signed POSTs of BODY; prints wrk's report and a RESULT line with host CPU per request.
run_wrk() {
  local label=$1 file=$2 length=$3 sig ts
  mapfile -t signed < <(TIMESTAMP=1732183200 "$here/sign.sh" headers "$work/key.pem" "$file")
  sig=${signed[0]#X-Signature-Ed25519: }; ts=${signed[1]#X-Signature-Timestamp: }
  cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Signature-Ed25519"] = "$sig"
wrk.headers["X-Signature-Timestamp"] = "$ts"
local f = io.open("$file", "rb"); wrk.body = f:read("*a"); f:close()
LUA
  wrk -t"$threads" -c"$connections" -d3s -s "$work/post.lua" "http://127.0.0.1:$port/discord/interactions" >/dev/null # warm-up
  local load_before ticks_before ticks_after
  load_before=$(cut -d" " -f1 /proc/loadavg)
  ticks_before=$(cpu_ticks)
  sys_before=$(sys_ticks)
  echo "wrk -t$threads -c$connections -d$length --latency POST /discord/interactions ($label)"
  wrk -t"$threads" -c"$connections" -d"$length" --latency -s "$work/post.lua" "http://127.0.0.1:$port/discord/interactions" | tee "$work/wrk.txt"
  ticks_after=$(cpu_ticks)
  sys_after=$(sys_ticks)
  local rps p50 p99 non2xx requests cpu_us sys_us
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
  non2xx=$(awk '/Non-2xx/ {print $4}' "$work/wrk.txt")
  requests=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
  # Host CPU time per request stays meaningful when other processes share the machine, unlike req/s.
  cpu_us=$(awk -v t=$((ticks_after - ticks_before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN { printf "%.0f", t / hz * 1e6 / n }')
  sys_us=$(awk -v t=$((sys_after - sys_before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN { printf "%.0f", t / hz * 1e6 / n }')
  echo "RESULT $label req_per_s=$rps p50=$p50 p99=$p99 non_2xx=${non2xx:-0} host_cpu_us_per_request=$cpu_us (kernel $sys_us) cores=$(nproc) load_avg_before=$load_before"
  echo
}

run_wrk "guild /roadmap" "$body" "$duration"
# PING is verification plus a constant answer: the floor every interaction pays.
run_wrk "PING" "$repo/tests/MlMentorBot.Tests/Fixtures/Discord/ping.json" 10s
kill "$host_pid"; wait "$host_pid" 2>/dev/null || true; host_pid=""

echo "measuring one Ed25519 verification (BouncyCastle, process CPU time over 10 000 runs)…"
dotnet run -c Release --project "$here/VerifyBench" --nologo -v quiet
