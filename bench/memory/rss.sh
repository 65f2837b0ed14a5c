#!/usr/bin/env bash
# Host memory after load (issue #10's memory target: RSS <= 120 MB after 10,000 mixed signed commands from 2,000
# members, start to ready < 1 s). Publishes the host in Release once, then for each GC setting side by side in one run:
# starts the host in Slack HTTP mode on a fresh SQLite file, times start to ready (/health 200), sends the commands with
# drive.py, and reads VmRSS / VmHWM from /proc. Usage: bench/memory/rss.sh [REQUESTS=10000] [MEMBERS=2000]
# Env: CONFIGS="name:ENV=VAL,ENV=VAL ..." to choose the settings compared (default below); PORT (default 5095). The pseudo
# setting R2R=1 runs a ReadyToRun publish of the same source (PublishReadyToRun, linux-x64) instead of the plain one.
# BEFORE=<git ref> also publishes that commit (git archive, so no worktree is touched) and the pseudo setting BUILD=before
# runs it; with BEFORE and no CONFIGS the configs are "before:BUILD=before now:". BUILDS="name=ref name=ref …" publishes
# more commits the same way, each run by BUILD=name. ROUNDS=N (default 1) runs the config list N times, alternating, so a
# change and its baseline see the same machine load.
# Columns: wall and CPU time (user + kernel) from start to the first /health 200, the host's CPU for the load divided by
# the commands (first requests included, so it carries JIT work), RSS idle (at ready), after the load, its anonymous,
# file-backed and shared-memory (the JIT's W^X double mapping) parts after the load, and the peak.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
requests=${1:-10000}; members=${2:-2000}
port=${PORT:-5095}
secret=bench-signing-secret
work=$(mktemp -d)
host_pid=""
cleanup() { if [[ -n $host_pid ]]; then kill "$host_pid" 2>/dev/null || true; wait "$host_pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

# Each config: a name, then the GC environment it runs with (https://learn.microsoft.com/dotnet/core/runtime-config/garbage-collector).
# "as-shipped" is what the csproj sets (workstation GC, no dynamic PGO, ConserveMemory 5, a 2 MB gen0 budget); "server-pgo"
# restores the runtime defaults of an ASP.NET Core app, as shipped before issue 10; the others vary one thing from as-shipped
# (an environment variable wins over runtimeconfig.json: DOTNET_GCGen0MaxBudget=1000000, hex, is the 16 MB the GC would pick
# here without the cap).
default_configs="as-shipped: gen0-uncapped:DOTNET_GCGen0MaxBudget=1000000 server-pgo:DOTNET_gcServer=1,DOTNET_TieredPGO=1,DOTNET_GCConserveMemory=0,DOTNET_GCGen0MaxBudget=0 tiered-compilation-off:DOTNET_TieredCompilation=0"
before=${BEFORE:-}
if [[ -n $before ]]; then default_configs="before:BUILD=before now:"; fi
configs=${CONFIGS:-$default_configs}
rounds=${ROUNDS:-1}

echo "publishing the host (Release)…"
dotnet publish "$repo/src/MlMentorBot" -c Release -o "$work/host" --nologo -v quiet >/dev/null
if [[ $configs == *R2R=1* ]]; then
  echo "publishing the host ReadyToRun (Release, linux-x64)…"
  dotnet publish "$repo/src/MlMentorBot" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/host-r2r" --nologo -v quiet >/dev/null
fi
builds=${BUILDS:-}
if [[ -n $before ]]; then builds="before=$before $builds"; fi
for named in $builds; do
  echo "publishing ${named#*=} as ${named%%=*} (Release)…"
  mkdir -p "$work/src-${named%%=*}"
  git -C "$repo" archive "${named#*=}" | tar -x -C "$work/src-${named%%=*}"
  dotnet publish "$work/src-${named%%=*}/src/MlMentorBot" -c Release -o "$work/host-${named%%=*}" --nologo -v quiet >/dev/null
done

printf '%-28s %8s %8s %8s %8s %9s %8s %8s %8s %8s\n' config ready_ms cpu_ms cmd_us idle_mb after_mb anon_mb file_mb shmem_mb peak_mb
for round in $(seq 1 "$rounds"); do
for config in $configs; do
  name=${config%%:*}; settings=${config#*:}
  rm -f "$work"/bot.db*
  env_args=()
  IFS=',' read -ra pairs <<<"$settings"
  build=host
  for pair in "${pairs[@]}"; do
    if [[ $pair == R2R=1 ]]; then build=host-r2r; elif [[ $pair == BUILD=* ]]; then build=host-${pair#BUILD=}; elif [[ -n $pair ]]; then env_args+=("$pair"); fi
  done
  start=$(date +%s%N)
  (
    cd "$work/$build"
    exec env "${env_args[@]}" ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
      Slack__Enabled=true Slack__Mode=Http Slack__SigningSecret=$secret Slack__BotToken=xoxb-placeholder-bench \
      Slack__ApiBaseUrl=http://127.0.0.1:9/api/ Knowledge__Path="$repo/knowledge" Storage__DatabasePath="$work/bot.db" \
      LocalChat__Enabled=false Logging__LogLevel__Default=Warning ./MlMentorBot
  ) >"$work/host-$name.log" 2>&1 &
  host_pid=$!
  for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.02; done
  ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.0f", ($14 + $15) / hz * 1000}' "/proc/$host_pid/stat"; }
  cpu_ms=$(cpu)
  rss() { awk -v k="$1" '$1 == k":" {printf "%.1f", $2 / 1024}' "/proc/$host_pid/status"; }
  idle=$(rss VmRSS)
  python3 "$here/drive.py" "http://127.0.0.1:$port" "$secret" "$requests" "$members" >"$work/drive-$name.txt" \
    || { echo "$name: load failed: $(cat "$work/drive-$name.txt")"; tail -20 "$work/host-$name.log"; exit 1; }
  cmd_us=$(( ($(cpu) - cpu_ms) * 1000 / requests ))
  sleep 2 # let background GC settle, as a scrape a few seconds later would see it
  printf '%-28s %8s %8s %8s %8s %9s %8s %8s %8s %8s   (%s, load %s)\n' "$name" "$ready_ms" "$cpu_ms" "$cmd_us" "$idle" "$(rss VmRSS)" "$(rss RssAnon)" \
    "$(rss RssFile)" "$(rss RssShmem)" "$(rss VmHWM)" "$(cat "$work/drive-$name.txt")" "$(cut -d' ' -f1 /proc/loadavg)"
  kill "$host_pid"; wait "$host_pid" 2>/dev/null || true; host_pid=""
done
done
