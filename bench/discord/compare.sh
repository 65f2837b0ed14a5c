#!/usr/bin/env bash
# Our host against Discord's official Node stack (discord-interactions + express, node-baseline/) in one run: both servers
# start side by side on loopback with the same fresh Ed25519 key, and wrk drives them in turn, ours then Node, ROUNDS times,
# with the same signed guild /roadmap fixture (signed afresh per run: the host refuses timestamps older than 5 minutes).
# Interleaving keeps the comparison fair on a shared machine; host CPU time per request (user + kernel, from /proc) stays
# meaningful under load when req/s does not. Prints every wrk report, then one table.
# Usage: bench/discord/compare.sh [DURATION=15s] [CONNECTIONS=64] [THREADS=2]   (env: ROUNDS=3, PING=1 adds PING runs)
# ALT_ENV="DOTNET_gcServer=1 …" starts a second copy of our host with those runtime settings ("alt"), measured in the same
# rounds, to compare settings side by side. BEFORE=<git ref> starts our host built from that ref ("before"), measured right
# after ours in each round: a before/after of a change in the same run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
duration=${1:-15s}; connections=${2:-64}; threads=${3:-2}
rounds=${ROUNDS:-3}
ours_port=${PORT:-5099}; node_port=$((ours_port - 1))
work=$(mktemp -d)
ours_pid=""; node_pid=""; alt_pid=""; alt_port=$((ours_port + 1)); before_pid=""; before_port=$((ours_port + 2))
cleanup() {
  for pid in $ours_pid $node_pid $alt_pid $before_pid; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v node >/dev/null || { echo "node is needed for the baseline"; exit 1; }

echo "publishing the host (Release)…"
dotnet publish "$repo/src/MlMentorBot" -c Release -o "$work/host" --nologo -v quiet >/dev/null
if [[ -n ${BEFORE:-} ]]; then
  echo "publishing our host as of $BEFORE (Release)…"
  mkdir -p "$work/before-src" && git -C "$repo" archive "$BEFORE" | tar -x -C "$work/before-src"
  dotnet publish "$work/before-src/src/MlMentorBot" -c Release -o "$work/before" --nologo -v quiet >/dev/null
fi
echo "installing discord-interactions and express (npm)…"
mkdir -p "$work/node"
cp "$here/node-baseline/package.json" "$here/node-baseline/server.js" "$work/node/"
(cd "$work/node" && npm install --no-audit --no-fund --loglevel=error >/dev/null 2>&1)

public_key=$("$here/sign.sh" keygen "$work")
body="$work/roadmap.json"
tr -d '\n' < "$repo/tests/MlMentorBot.Tests/Fixtures/Discord/command_roadmap_guild.json" | sed 's/  */ /g' > "$body"
ping_body="$repo/tests/MlMentorBot.Tests/Fixtures/Discord/ping.json"

start_host() { # DIR PORT [ENV=VALUE…]
  local dir=$1 port=$2; shift 2
  (
  cd "$dir"
  [[ $# -gt 0 ]] && export "$@"
  export ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production
  export Discord__Enabled=true Discord__Mode=Http Discord__ApplicationId=1143372838210596935 Discord__PublicKey="$public_key"
  # A placeholder token (check-in posting needs one configured) and an API URL nothing listens on: nothing leaves loopback.
  export Discord__BotToken=bench-placeholder-token Discord__ApiBaseUrl=http://127.0.0.1:9/api/v10/
  export Knowledge__Path="$repo/knowledge" Storage__DatabasePath="$work/bot-$port.db" LocalChat__Enabled=false
  export Logging__LogLevel__Default=Warning
  exec ./MlMentorBot
  ) > "$work/host-$port.log" 2>&1 &
}
start_host "$work/host" "$ours_port"
ours_pid=$!
if [[ -n ${ALT_ENV:-} ]]; then
  # shellcheck disable=SC2086 # one word per setting
  start_host "$work/host" "$alt_port" $ALT_ENV
  alt_pid=$!
fi
if [[ -n ${BEFORE:-} ]]; then
  start_host "$work/before" "$before_port"
  before_pid=$!
fi
(cd "$work/node" && PORT=$node_port PUBLIC_KEY=$public_key NODE_ENV=production exec node server.js) > "$work/node.log" 2>&1 &
node_pid=$!
for port in $ours_port ${alt_pid:+$alt_port} ${before_pid:+$before_port}; do
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -sf "http://127.0.0.1:$port/health" >/dev/null || { echo "host did not start:"; cat "$work/host-$port.log"; exit 1; }
done
for _ in $(seq 1 50); do grep -q listening "$work/node.log" 2>/dev/null && break; sleep 0.2; done

ours_url="http://127.0.0.1:$ours_port/discord/interactions"; node_url="http://127.0.0.1:$node_port/interactions"
alt_url="http://127.0.0.1:$alt_port/discord/interactions"; before_url="http://127.0.0.1:$before_port/discord/interactions"
for target in "$ours_url" "$node_url" ${alt_pid:+"$alt_url"} ${before_pid:+"$before_url"}; do
  check=$("$here/sign.sh" post "$work/key.pem" "$body" "$target" | tr '\n' ' ')
  [[ $check == *'HTTP 200 ' && $check == '{"type":4'* ]] || { echo "signed request to $target failed: ${check:0:200}"; cat "$work"/host-*.log "$work/node.log"; exit 1; }
done
echo "node $(node --version), discord-interactions $(node -p "require('$work/node/node_modules/discord-interactions/package.json').version"), express $(node -p "require('$work/node/node_modules/express/package.json').version")"

# shellcheck source=wrk-signed.sh
. "$here/wrk-signed.sh"
: > "$work/results.txt"
for round in $(seq 1 "$rounds"); do
  host_pid=$ours_pid url=$ours_url
  run_wrk "ours /roadmap #$round" "$body" "$duration" | tee -a "$work/all.txt" | grep '^RESULT' | tee -a "$work/results.txt"
  if [[ -n $before_pid ]]; then
    host_pid=$before_pid url=$before_url
    run_wrk "before /roadmap #$round" "$body" "$duration" | tee -a "$work/all.txt" | grep '^RESULT' | tee -a "$work/results.txt"
  fi
  host_pid=$node_pid url=$node_url
  run_wrk "node /roadmap #$round" "$body" "$duration" | tee -a "$work/all.txt" | grep '^RESULT' | tee -a "$work/results.txt"
  if [[ -n $alt_pid ]]; then
    host_pid=$alt_pid url=$alt_url
    run_wrk "alt /roadmap #$round" "$body" "$duration" | tee -a "$work/all.txt" | grep '^RESULT' | tee -a "$work/results.txt"
  fi
  if [[ -n ${PING:-} ]]; then
    host_pid=$ours_pid url=$ours_url
    run_wrk "ours PING #$round" "$ping_body" 10s | tee -a "$work/all.txt" | grep '^RESULT' | tee -a "$work/results.txt"
    host_pid=$node_pid url=$node_url
    run_wrk "node PING #$round" "$ping_body" 10s | tee -a "$work/all.txt" | grep '^RESULT' | tee -a "$work/results.txt"
  fi
done

echo
echo "wrk -t$threads -c$connections -d$duration, $(nproc) cores shared by wrk, the servers and whatever else runs${ALT_ENV:+; alt = ours with $ALT_ENV}${BEFORE:+; before = ours as of $BEFORE}"
python3 - "$work/results.txt" <<'PY'
import re, sys
rows = []
for line in open(sys.argv[1]):
    m = re.match(r"RESULT (\S+) (\S+) #(\d+) req_per_s=(\S+) p50=(\S+) p99=(\S+) non_2xx=(\S+) host_cpu_us_per_request=(\d+) \(kernel (\d+)\).*load_avg_before=(\S+)", line)
    if m: rows.append(m.groups())
print(f"{'round':>5} {'server':<6} {'request':<9} {'req/s':>9} {'p50':>8} {'p99':>8} {'cpu µs/req':>10} {'kernel µs':>9} {'load':>6}")
for server, request, rnd, rps, p50, p99, non2xx, cpu, kernel, load in rows:
    print(f"{rnd:>5} {server:<6} {request:<9} {float(rps):>9.0f} {p50:>8} {p99:>8} {cpu:>10} {kernel:>9} {load:>6}" + ("" if non2xx == "0" else f"  non-2xx {non2xx}"))
for request in sorted({r[1] for r in rows}):
    ours = {r[2]: float(r[3]) for r in rows if r[0] == "ours" and r[1] == request}
    node = {r[2]: float(r[3]) for r in rows if r[0] == "node" and r[1] == request}
    ratios = [ours[k] / node[k] for k in sorted(ours) if k in node and node[k] > 0]
    if ratios: print(f"{request}: ours / node req/s per round: " + ", ".join(f"{x:.1f}x" for x in ratios))
    before = {r[2]: float(r[3]) for r in rows if r[0] == "before" and r[1] == request}
    ratios = [before[k] / node[k] for k in sorted(before) if k in node and node[k] > 0]
    if ratios: print(f"{request}: before / node req/s per round: " + ", ".join(f"{x:.1f}x" for x in ratios))
PY
