#!/usr/bin/env bash
# The operator's procedures of docs/scale-out.md, run for real on loopback: SQLite online backup (sqlite3 .backup and
# VACUUM INTO while the bot runs) and restore; storage migrate into PostgreSQL; pg_dump -Fc / pg_restore into a fresh
# database. After every restore the bot is started on the restored data and a member's /progress show must say 1 done.
#   bench/scale-out/backup-restore.sh      (env: PORT=5700 PG_PORT=5701)
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
PORT=${PORT:-5700}
PG_PORT=${PG_PORT:-5701}
SECRET=ops-signing-secret
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
work=$(mktemp -d /tmp/mlmentorbot-ops-XXXX)
chmod 755 "$work"
bot=""
stop_bot() { [ -n "$bot" ] && kill "$bot" 2>/dev/null && wait "$bot" 2>/dev/null; bot=""; }
cleanup() {
  stop_bot || true
  [ -d "$work/pg" ] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$work/pg" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
run() { echo "\$ $*"; "$@"; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

dotnet publish src/MlMentorBot -c Release -o "$work/app" --nologo -v quiet >/dev/null
start_bot() { # Storage settings as env assignments
  env "$@" Slack__Enabled=true Slack__Mode=Http Slack__SigningSecret=$SECRET Slack__BotToken=xoxb-ops \
    Knowledge__Path="$repo/knowledge" LocalChat__Enabled=false Logging__LogLevel__Default=Warning \
    ASPNETCORE_URLS="http://127.0.0.1:$PORT" "$work/app/MlMentorBot" >>"$work/bot.log" 2>&1 &
  bot=$!
  for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && return; sleep 0.2; done
  cat "$work/bot.log"; exit 1
}
slack() { # text
  local body="token=t&team_id=T0OPS0001&team_domain=ops&channel_id=C0OPS0001&channel_name=general&user_id=U0OPS0001&user_name=m&command=%2Fprogress&text=$1&api_app_id=A0OPS0001&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0OPS0001%2F1%2Fx&trigger_id=1.2.3"
  local ts; ts=$(date +%s)
  local sig="v0=$(printf 'v0:%s:%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$SECRET" -r | cut -d' ' -f1)"
  curl -s "http://127.0.0.1:$PORT/slack/commands" -H "X-Slack-Request-Timestamp: $ts" -H "X-Slack-Signature: $sig" \
    -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "$body"
}
expect_one_done() { # where
  local shown; shown=$(slack show | grep -o '[0-9]\+ done' | head -1)
  echo "  /progress show on $1: $shown"
  [ "$shown" = "1 done" ] || { echo "FAIL: expected 1 done on $1"; exit 1; }
}
cd "$work"

echo "== SQLite: online backup while the bot runs"
start_bot Storage__DatabasePath="$work/mlmentorbot.db"
slack "mark+python+done" >/dev/null
run sqlite3 mlmentorbot.db ".backup 'backup-dot.db'"
run sqlite3 mlmentorbot.db "VACUUM INTO 'backup-vacuum.db'"
run sqlite3 backup-vacuum.db "PRAGMA integrity_check"
echo "== SQLite: restore = stop, replace the file (and drop its -wal/-shm), start"
stop_bot
run rm -f mlmentorbot.db mlmentorbot.db-wal mlmentorbot.db-shm
run cp backup-vacuum.db mlmentorbot.db
start_bot Storage__DatabasePath="$work/mlmentorbot.db"
expect_one_done "the restored SQLite file"
stop_bot

echo "== PostgreSQL: a throwaway server on 127.0.0.1:$PG_PORT"
mkdir pg && chown postgres pg 2>/dev/null || true
as_postgres "$PG_BIN/initdb" -D "$work/pg" -U postgres -A trust -E UTF8 --locale=C >/dev/null
as_postgres "$PG_BIN/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w start -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $work/pg" >/dev/null
run "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres mlmentorbot
echo "== storage migrate"
run "$work/app/MlMentorBot" storage migrate --from sqlite:mlmentorbot.db --to "postgres:Host=127.0.0.1;Port=$PG_PORT;Database=mlmentorbot;Username=postgres"
start_bot Storage__Provider=Postgres Storage__ConnectionString="Host=127.0.0.1;Port=$PG_PORT;Database=mlmentorbot;Username=postgres"
expect_one_done "PostgreSQL after storage migrate"
echo "== PostgreSQL: pg_dump -Fc while the bot runs, pg_restore into a fresh database"
run "$PG_BIN/pg_dump" -h 127.0.0.1 -p "$PG_PORT" -U postgres -Fc -f mlmentorbot.dump mlmentorbot
stop_bot
run "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres mlmentorbot_restored
run "$PG_BIN/pg_restore" -h 127.0.0.1 -p "$PG_PORT" -U postgres --no-owner --exit-on-error -d mlmentorbot_restored mlmentorbot.dump
start_bot Storage__Provider=Postgres Storage__ConnectionString="Host=127.0.0.1;Port=$PG_PORT;Database=mlmentorbot_restored;Username=postgres"
expect_one_done "the restored PostgreSQL database"
slack "mark+math+done" >/dev/null
echo "  a new write after the restore: $(slack show | grep -o '[0-9]\+ done' | head -1)"
stop_bot
echo "backup-restore: all checks passed"
