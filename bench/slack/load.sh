#!/usr/bin/env bash
# Load test for POST /slack/commands (issue #3): publishes the host in Release, starts it in Slack HTTP mode on loopback,
# signs one /roadmap slash command (v0 HMAC-SHA256; the timestamp stays inside Slack's 300 s window for the whole run),
# and drives it with wrk. Prints req/s, p50 and p99, then stops the host. Target: >= 40 000 req/s, p99 < 5 ms.
#   bench/slack/load.sh            (env: DURATION=15s CONNECTIONS=64 THREADS=2 PORT=5091 COMMAND=roadmap TEXT=)
# COMMAND=help gives a cheaper handler for comparison; UNSIGNED=1 measures the 401 path (body read + HMAC, no handler).
# MEMBERS=N spreads the requests over N members: N bodies (user_id U0000000 … ) are signed up front with one timestamp, and
# wrk's Lua rotates through them (each thread from its own offset). MEMBERS=1 (the default) sends one member's body.
# PROVIDER=postgres stores in a throwaway PostgreSQL cluster (bench/scale-out/pg-cluster.sh) instead of a SQLite file;
# APP_DIR=<folder> reuses an earlier `dotnet publish` output instead of publishing again (bench/scale-out/run.sh does both).
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
PORT=${PORT:-5091}
COMMAND=${COMMAND:-roadmap}
TEXT=${TEXT:-}
PROVIDER=${PROVIDER:-sqlite}
MEMBERS=${MEMBERS:-1}
SECRET=bench-signing-secret
work=$(mktemp -d)
host_pid=""
. bench/scale-out/pg-cluster.sh
cleanup() {
  if [ -n "$host_pid" ] && kill -0 "$host_pid" 2>/dev/null; then
    kill "$host_pid"
    wait "$host_pid" 2>/dev/null || true
  fi
  pg_cluster_stop
  rm -rf "$work"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

app=${APP_DIR:-$work/app}
if [ -z "${APP_DIR:-}" ]; then
  echo "publishing the host (Release)…"
  dotnet publish src/MlMentorBot -c Release -o "$app" --nologo -v quiet >/dev/null
fi

storage=(Storage__DatabasePath="$work/bench.db")
if [ "$PROVIDER" = postgres ]; then
  pg_cluster_start
  storage=(Storage__Provider=Postgres Storage__ConnectionString="$(pg_cluster_create_db bench)")
fi
echo "storage: $PROVIDER"

env "${storage[@]}" Slack__Enabled=true Slack__Mode=Http Slack__SigningSecret=$SECRET Slack__BotToken=xoxb-bench \
  Knowledge__Path="$PWD/knowledge" LocalChat__Enabled=false \
  Logging__LogLevel__Default=Warning ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
  "$app/MlMentorBot" >"$work/host.log" 2>&1 &
host_pid=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -sf "http://127.0.0.1:$PORT/health" >/dev/null || { echo "host did not start:"; cat "$work/host.log"; exit 1; }
# Another process on PORT would answer the health check while ours failed to bind: make sure ours is the one running.
kill -0 "$host_pid" 2>/dev/null || { echo "host exited (is port $PORT taken?):"; cat "$work/host.log"; exit 1; }

ts=$(date +%s)
# The bodies and their v0 signatures (HMAC-SHA256 of "v0:<timestamp>:<body>"), written as a Lua table for wrk. TEXT may
# use spaces or '+' between words; the body is form-encoded either way.
MEMBERS=$MEMBERS TS=$ts SECRET=$SECRET COMMAND=$COMMAND TEXT="$TEXT" UNSIGNED="${UNSIGNED:-}" python3 - >"$work/bodies.lua" <<'PY'
import hashlib, hmac, os
from urllib.parse import quote_plus
ts, secret, command = os.environ["TS"], os.environ["SECRET"].encode(), os.environ["COMMAND"]
text = quote_plus(os.environ["TEXT"].replace("+", " "))
print("bodies, sigs = {}, {}")
for n in range(int(os.environ["MEMBERS"])):
    user = "U0BENCH01" if os.environ["MEMBERS"] == "1" else f"U{n:07d}"
    body = (f"token=bench&team_id=T0BENCH01&team_domain=bench&channel_id=C0BENCH01&channel_name=general&user_id={user}"
            f"&user_name=bench&command=%2F{command}&text={text}&api_app_id=A0BENCH01&is_enterprise_install=false"
            "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0BENCH01%2F1%2Fbench&trigger_id=1.2.bench")
    sig = "v0=" + ("0" * 64 if os.environ["UNSIGNED"] else hmac.new(secret, f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest())
    print(f'bodies[{n + 1}] = "{body}"; sigs[{n + 1}] = "{sig}"')
PY
body=$(sed -n '2s/^bodies\[1\] = "\(.*\)"; sigs.*/\1/p' "$work/bodies.lua")
sig=$(sed -n '2s/.*sigs\[1\] = "\(.*\)"$/\1/p' "$work/bodies.lua")
expected=200
if [ -n "${UNSIGNED:-}" ]; then
  expected=401
fi
cat "$work/bodies.lua" - >"$work/roadmap.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["X-Slack-Request-Timestamp"] = "$ts"
local threads = 0
setup = function(thread)
  thread:set("offset", threads * math.floor(#bodies / 2))
  threads = threads + 1
end
local i = 0
init = function(args)
  i = tonumber(wrk.thread:get("offset")) or 0
end
request = function()
  i = i % #bodies + 1
  wrk.headers["X-Slack-Signature"] = sigs[i]
  return wrk.format(nil, nil, nil, bodies[i])
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT req/s=%.0f p50=%.2fms p99=%.2fms requests=%d socket_errors=%d non2xx=%d timeouts=%d members=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, errors,
    summary.errors.status, summary.errors.timeout, #bodies))
end
LUA

# One signed request first: it must be a 200 with Block Kit, or the numbers below mean nothing.
status=$(curl -s -o "$work/first.json" -w '%{http_code}' "http://127.0.0.1:$PORT/slack/commands" \
  -H "X-Slack-Request-Timestamp: $ts" -H "X-Slack-Signature: $sig" -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "$body")
[ "$status" = "$expected" ] && { [ "$expected" = 401 ] || { grep -q '"blocks"' "$work/first.json" && ! grep -q 'Unknown command' "$work/first.json"; }; } \
  || { echo "/$COMMAND: expected HTTP $expected, got $status"; cat "$work/first.json"; exit 1; }

echo "answer: $(head -c 160 "$work/first.json")…  ($(wc -c <"$work/first.json") bytes)"
echo "warming up…"
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s "$work/roadmap.lua" "http://127.0.0.1:$PORT/slack/commands" >/dev/null
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency POST /slack/commands (/$COMMAND, expecting $expected)"
# Host CPU time per request (user and kernel) stays meaningful when other processes share the machine, unlike req/s.
load_before=$(cut -d" " -f1 /proc/loadavg)
read -r user_before sys_before < <(awk '{print $14, $15}' "/proc/$host_pid/stat")
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$work/roadmap.lua" "http://127.0.0.1:$PORT/slack/commands" | tee "$work/wrk.txt"
read -r user_after sys_after < <(awk '{print $14, $15}' "/proc/$host_pid/stat")
awk -v u=$((user_after - user_before)) -v s=$((sys_after - sys_before)) -v hz="$(getconf CLK_TCK)" -v load="$load_before" \
  -v n="$(sed -n 's/^RESULT.* requests=\([0-9]*\).*/\1/p' "$work/wrk.txt")" \
  'BEGIN { printf "CPU host_cpu_us_per_request=%.0f user=%.0f sys=%.0f load_avg_before=%s\n", (u + s) / hz * 1e6 / n, u / hz * 1e6 / n, s / hz * 1e6 / n, load }'
