#!/usr/bin/env bash
# POST /slack/commands /roadmap in one run against two peers: a bare Kestrel endpoint returning the same bytes (BareKestrel/,
# the ceiling) and Slack's Bolt for JavaScript (bolt-baseline/, ExpressReceiver with the signing secret, acking with the same
# Block Kit). Our host answers first; its JSON is captured and served by both peers. All three run side by side on loopback
# and wrk drives them in turn (ours, bare, Bolt) ROUNDS times, so load from other processes falls on all of them alike.
# Host CPU time per request (user + kernel, from /proc) stays meaningful under load when req/s does not.
# BEFORE=<git ref> adds a fourth server, our host built from that ref, driven right after ours in each round: a before/after
# of a change in the same run (it shares the database file settings, not the file).
# Usage: bench/slack/compare.sh   (env: DURATION=15s CONNECTIONS=64 THREADS=2 ROUNDS=3 PORT=5091 BEFORE=)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
DURATION=${DURATION:-15s}; CONNECTIONS=${CONNECTIONS:-64}; THREADS=${THREADS:-2}; ROUNDS=${ROUNDS:-3}
ours_port=${PORT:-5091}; bare_port=$((ours_port + 1)); bolt_port=$((ours_port + 2)); before_port=$((ours_port + 3))
SECRET=bench-signing-secret
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v node >/dev/null || { echo "node is needed for the Bolt baseline"; exit 1; }

echo "publishing the host and the bare Kestrel endpoint (Release)…"
dotnet publish "$repo/src/MlMentorBot" -c Release -o "$work/host" --nologo -v quiet >/dev/null
dotnet publish "$here/BareKestrel" -c Release -o "$work/bare" --nologo -v quiet >/dev/null
if [[ -n ${BEFORE:-} ]]; then
  echo "publishing our host as of $BEFORE (Release)…"
  mkdir -p "$work/before-src" && git -C "$repo" archive "$BEFORE" | tar -x -C "$work/before-src"
  dotnet publish "$work/before-src/src/MlMentorBot" -c Release -o "$work/before" --nologo -v quiet >/dev/null
fi
echo "installing @slack/bolt (npm)…"
mkdir -p "$work/bolt" && cp "$here/bolt-baseline/package.json" "$here/bolt-baseline/app.js" "$work/bolt/"
(cd "$work/bolt" && npm install --no-audit --no-fund --loglevel=error >/dev/null 2>&1)

wait_for() { # PORT: until something answers HTTP there
  for _ in $(seq 1 150); do curl -s -o /dev/null "http://127.0.0.1:$1/" 2>/dev/null && return 0; sleep 0.2; done
  echo "nothing listens on port $1"; exit 1
}

(cd "$work/host" && exec env Slack__Enabled=true Slack__Mode=Http Slack__SigningSecret=$SECRET Slack__BotToken=xoxb-bench \
  Storage__DatabasePath="$work/bench.db" Knowledge__Path="$repo/knowledge" LocalChat__Enabled=false \
  Logging__LogLevel__Default=Warning ASPNETCORE_URLS="http://127.0.0.1:$ours_port" ./MlMentorBot) >"$work/host.log" 2>&1 &
ours_pid=$!; pids+=("$ours_pid")
wait_for "$ours_port"
if [[ -n ${BEFORE:-} ]]; then
  (cd "$work/before" && exec env Slack__Enabled=true Slack__Mode=Http Slack__SigningSecret=$SECRET Slack__BotToken=xoxb-bench \
    Storage__DatabasePath="$work/before.db" Knowledge__Path="$repo/knowledge" LocalChat__Enabled=false \
    Logging__LogLevel__Default=Warning ASPNETCORE_URLS="http://127.0.0.1:$before_port" ./MlMentorBot) >"$work/before.log" 2>&1 &
  before_pid=$!; pids+=("$before_pid")
  wait_for "$before_port"
fi

body="token=bench&team_id=T0BENCH01&team_domain=bench&channel_id=C0BENCH01&channel_name=general&user_id=U0BENCH01&user_name=bench&command=%2Froadmap&text=&api_app_id=A0BENCH01&is_enterprise_install=false&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0BENCH01%2F1%2Fbench&trigger_id=1.2.bench"
sign() { # -> sets ts and sig for $body, now (Slack's and our 300 s window)
  ts=$(date +%s)
  sig="v0=$(printf 'v0:%s:%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$SECRET" -r | cut -d' ' -f1)"
}
sign
status=$(curl -s -o "$work/reply.json" -w '%{http_code}' "http://127.0.0.1:$ours_port/slack/commands" \
  -H "X-Slack-Request-Timestamp: $ts" -H "X-Slack-Signature: $sig" -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "$body")
[[ $status == 200 ]] && grep -q '"blocks"' "$work/reply.json" || { echo "/roadmap: HTTP $status"; cat "$work/reply.json" "$work/host.log"; exit 1; }
echo "our answer: $(wc -c <"$work/reply.json") bytes of Block Kit JSON; bolt $(node -p "require('$work/bolt/node_modules/@slack/bolt/package.json').version"), node $(node --version)"

(cd "$work/bare" && exec env BODY_FILE="$work/reply.json" ASPNETCORE_URLS="http://127.0.0.1:$bare_port" ./BareKestrel) >"$work/bare.log" 2>&1 &
bare_pid=$!; pids+=("$bare_pid")
(cd "$work/bolt" && exec env BODY_FILE="$work/reply.json" SLACK_SIGNING_SECRET=$SECRET PORT=$bolt_port NODE_ENV=production node app.js) >"$work/bolt.log" 2>&1 &
bolt_pid=$!; pids+=("$bolt_pid")
wait_for "$bare_port"; wait_for "$bolt_port"

for port in "$bare_port" "$bolt_port"; do
  sign
  status=$(curl -s -o "$work/peer.json" -w '%{http_code}' "http://127.0.0.1:$port/slack/commands" \
    -H "X-Slack-Request-Timestamp: $ts" -H "X-Slack-Signature: $sig" -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "$body")
  [[ $status == 200 ]] && grep -q '"blocks"' "$work/peer.json" || { echo "peer on $port: HTTP $status"; cat "$work/peer.json" "$work/bolt.log"; exit 1; }
done

run() { # NAME PID PORT ROUND
  local name=$1 pid=$2 port=$3 round=$4 url="http://127.0.0.1:$3/slack/commands"
  sign
  cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.body = "$body"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["X-Slack-Request-Timestamp"] = "$ts"
wrk.headers["X-Slack-Signature"] = "$sig"
done = function(summary, latency, requests)
  io.write(string.format("WRK %.0f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s "$work/post.lua" "$url" >/dev/null # warm-up (JIT tiers, pools)
  local load before after
  load=$(cut -d" " -f1 /proc/loadavg)
  before=$(awk '{print $14 + $15, $15}' "/proc/$pid/stat")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$work/post.lua" "$url" >"$work/wrk.txt"
  after=$(awk '{print $14 + $15, $15}' "/proc/$pid/stat")
  read -r _ rps p50 p99 requests errors < <(grep '^WRK' "$work/wrk.txt")
  awk -v b="$before" -v a="$after" -v hz="$(getconf CLK_TCK)" -v n="$requests" -v name="$name" -v r="$round" -v rps="$rps" \
    -v p50="$p50" -v p99="$p99" -v e="$errors" -v load="$load" 'BEGIN {
      split(b, bb, " "); split(a, aa, " ")
      printf "RESULT %s %s %s %s %s %.0f %.0f %s %s\n", r, name, rps, p50, p99, (aa[1] - bb[1]) / hz * 1e6 / n, (aa[2] - bb[2]) / hz * 1e6 / n, e, load }' \
    | tee -a "$work/results.txt"
}

for round in $(seq 1 "$ROUNDS"); do
  run ours "$ours_pid" "$ours_port" "$round"
  if [[ -n ${BEFORE:-} ]]; then run before "$before_pid" "$before_port" "$round"; fi
  run bare "$bare_pid" "$bare_port" "$round"
  run bolt "$bolt_pid" "$bolt_port" "$round"
done

echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION POST /slack/commands (/roadmap), $(nproc) cores shared by wrk, the three servers and whatever else runs"
python3 - "$work/results.txt" <<'PY'
import sys
rows = [line.split()[1:] for line in open(sys.argv[1])]
print(f"{'round':>5} {'server':<6} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'cpu µs/req':>10} {'kernel µs':>9} {'errors':>6} {'load':>6}")
for r in rows:
    print(f"{r[0]:>5} {r[1]:<6} {r[2]:>8} {r[3]:>7} {r[4]:>7} {r[5]:>10} {r[6]:>9} {r[7]:>6} {r[8]:>6}")
by = {(r[0], r[1]): r for r in rows}
for rnd in sorted({r[0] for r in rows}):
    o, b, j, p = by.get((rnd, "ours")), by.get((rnd, "bare")), by.get((rnd, "bolt")), by.get((rnd, "before"))
    if p and b:
        print(f"round {rnd}: before = {100 * float(p[2]) / float(b[2]):.0f} % of bare Kestrel req/s ({100 * float(b[5]) / float(p[5]):.0f} % by CPU per request)")
    if o and b and j:
        print(f"round {rnd}: ours = {100 * float(o[2]) / float(b[2]):.0f} % of bare Kestrel req/s ({100 * float(b[5]) / float(o[5]):.0f} % by CPU per request), "
              f"{float(o[2]) / float(j[2]):.1f}x Bolt req/s ({float(j[5]) / float(o[5]):.1f}x by CPU per request)")
PY
