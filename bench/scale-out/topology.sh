#!/usr/bin/env bash
# deploy/compose.yaml's topology without containers (docs/scale-out.md): a throwaway PostgreSQL 15 cluster, two published
# bot replicas in Slack HTTP mode on loopback ports, and Debian's nginx with deploy/nginx/mlmentorbot.conf.template
# (ports templated with envsubst), run from a temp folder as an ordinary process, not a system service. Then signed Slack
# slash commands go through nginx; it checks that both replicas served some, and that a step marked through one replica is
# shown as done by the other. Everything is stopped and deleted at the end. Exit 0 when every check passed.
#   bench/scale-out/topology.sh          (env: BASE_PORT=5600; nginx on BASE_PORT, replicas +1 and +2, PostgreSQL +3)
set -euo pipefail
cd "$(dirname "$0")/../.."

BASE_PORT=${BASE_PORT:-5600}
PROXY_PORT=$BASE_PORT
PORT_A=$((BASE_PORT + 1))
PORT_B=$((BASE_PORT + 2))
PG_PORT=$((BASE_PORT + 3))
SECRET=topology-signing-secret
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
work=$(mktemp -d /tmp/mlmentorbot-topology-XXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  [ -d "$work/pg" ] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$work/pg" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx >/dev/null; }
command -v envsubst >/dev/null || { apt-get update -qq && apt-get install -y -qq gettext-base >/dev/null; }

echo "PostgreSQL on 127.0.0.1:$PG_PORT…"
mkdir "$work/pg" && chown postgres "$work/pg" 2>/dev/null || true
as_postgres "$PG_BIN/initdb" -D "$work/pg" -U postgres -A trust -E UTF8 --locale=C >/dev/null
as_postgres "$PG_BIN/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w start \
  -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $work/pg" >/dev/null
as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres mlmentorbot
CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Database=mlmentorbot;Username=postgres"

echo "publishing the host (Release)…"
dotnet publish src/MlMentorBot -c Release -o "$work/app" --nologo -v quiet >/dev/null

start_replica() { # name port
  Storage__Provider=Postgres Storage__ConnectionString="$CONNECTION" \
    Slack__Enabled=true Slack__Mode=Http Slack__SigningSecret=$SECRET Slack__BotToken=xoxb-topology \
    Knowledge__Path="$PWD/knowledge" LocalChat__Enabled=false Logging__LogLevel__Default=Warning \
    ASPNETCORE_URLS="http://127.0.0.1:$2" "$work/app/MlMentorBot" >"$work/$1.log" 2>&1 &
  pids+=($!)
}
start_replica bot-a "$PORT_A"
start_replica bot-b "$PORT_B"

echo "nginx on 127.0.0.1:$PROXY_PORT with deploy/nginx/mlmentorbot.conf.template…"
mkdir -p "$work/nginx"
BOT_A=127.0.0.1:$PORT_A BOT_B=127.0.0.1:$PORT_B LISTEN_PORT=127.0.0.1:$PROXY_PORT \
  envsubst '${BOT_A} ${BOT_B} ${LISTEN_PORT}' <deploy/nginx/mlmentorbot.conf.template >"$work/nginx/mlmentorbot.conf"
cat >"$work/nginx/nginx.conf" <<CONF
daemon on;
pid $work/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 256; }
http {
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  log_format upstream '\$request_uri \$status \$upstream_addr';
  access_log $work/nginx/access.log upstream;
  include $work/nginx/mlmentorbot.conf;
}
CONF
nginx -t -q -c "$work/nginx/nginx.conf" -p "$work/nginx"
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx"

for port in "$PORT_A" "$PORT_B"; do
  for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -sf "http://127.0.0.1:$port/health" >/dev/null || { echo "replica on $port did not start:"; cat "$work"/bot-*.log; exit 1; }
done
echo "both replicas healthy: $(curl -s "http://127.0.0.1:$PORT_A/health" | head -c 120)"

# A signed slash command as Slack sends it (v0 HMAC-SHA256 over "v0:timestamp:body").
slack() { # url user text-urlencoded command
  local body="token=t&team_id=T0TOPO001&team_domain=topo&channel_id=C0TOPO001&channel_name=general&user_id=$2&user_name=m&command=%2F${4:-progress}&text=$3&api_app_id=A0TOPO001&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0TOPO001%2F1%2Fx&trigger_id=1.2.3"
  local ts; ts=$(date +%s)
  local sig="v0=$(printf 'v0:%s:%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$SECRET" -r | cut -d' ' -f1)"
  curl -s -w '\n%{http_code}' "$1/slack/commands" -H "X-Slack-Request-Timestamp: $ts" -H "X-Slack-Signature: $sig" \
    -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "$body"
}
fail=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; fail=1; fi; }

proxy="http://127.0.0.1:$PROXY_PORT"
for i in $(seq 1 20); do
  out=$(slack "$proxy" "U0MEMBER$((i % 5))" "show")
  [ "$(tail -1 <<<"$out")" = 200 ] || { echo "request $i through nginx: $(tail -1 <<<"$out")"; fail=1; }
done
served_a=$(grep -c "127.0.0.1:$PORT_A" "$work/nginx/access.log" || true)
served_b=$(grep -c "127.0.0.1:$PORT_B" "$work/nginx/access.log" || true)
echo "nginx spread 20 signed /progress show: bot-a $served_a, bot-b $served_b"
check "both replicas served requests through nginx" '[ "$served_a" -gt 0 ] && [ "$served_b" -gt 0 ]'

# Write through bot-a, read through bot-b (which has served this member before, so a stale cache would show).
before=$(slack "http://127.0.0.1:$PORT_B" U0WRITER1 "show")
mark=$(slack "http://127.0.0.1:$PORT_A" U0WRITER1 "mark+python+done")
after=$(slack "http://127.0.0.1:$PORT_B" U0WRITER1 "show")
echo "bot-b before: $(head -c 200 <<<"$before" | tr '\n' ' ')…"
echo "bot-a mark:   $(head -c 200 <<<"$mark" | tr '\n' ' ')…"
echo "bot-b after:  $(head -c 200 <<<"$after" | tr '\n' ' ')…"
done_count() { grep -o '[0-9]\+ done\|[0-9]\+/[0-9]\+' <<<"$1" | head -1; }
check "the mark through bot-a was accepted" '[ "$(tail -1 <<<"$mark")" = 200 ]'
check "bot-b shows a different count after bot-a's write ($(done_count "$before") → $(done_count "$after"))" '[ "$(done_count "$before")" != "$(done_count "$after")" ]'
rows=$(as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d mlmentorbot -tAc \
  "SELECT count(*) FROM step_progress p JOIN members m ON m.id = p.member_id WHERE m.user_id = 'U0WRITER1' AND p.status = 'done'")
check "PostgreSQL holds the step as done ($rows row)" '[ "$rows" = 1 ]'

# Through nginx as well: both replicas serve the member first (so each may have cached it), then a mark through the proxy
# must be shown by every later /progress show through the proxy, whichever replica answers.
slack "$proxy" U0WRITER2 "show" >/dev/null
slack "$proxy" U0WRITER2 "show" >/dev/null
slack "$proxy" U0WRITER2 "mark+python+done" >/dev/null
shown=0
for _ in 1 2 3 4; do [ "$(done_count "$(slack "$proxy" U0WRITER2 "show")")" = "1 done" ] && shown=$((shown + 1)); done
check "4 of 4 /progress show through nginx after a mark through nginx show it ($shown)" '[ "$shown" = 4 ]'

[ "$fail" = 0 ] && echo "topology: all checks passed" || { echo "topology: some checks failed; replica logs:"; tail -n 20 "$work"/bot-*.log; }
exit "$fail"
