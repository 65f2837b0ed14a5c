#!/usr/bin/env bash
# The issue #4 baseline on this machine: Discord's official Node stack (discord-interactions + express, node-baseline/),
# driven exactly like load.sh drives our host (same signed guild /roadmap fixture, same wrk settings, same RESULT lines),
# so the two can be compared side by side. Installs its npm packages into a scratch folder.
# Usage: bench/discord/node-baseline.sh [DURATION=15s] [CONNECTIONS=64] [THREADS=2]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
duration=${1:-15s}; connections=${2:-64}; threads=${3:-2}
port=${PORT:-5098}
work=$(mktemp -d)
host_pid=""
cleanup() { [[ -n $host_pid ]] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v node >/dev/null || { echo "node is needed for the baseline"; exit 1; }

echo "installing discord-interactions and express (npm)…"
cp "$here/node-baseline/package.json" "$here/node-baseline/server.js" "$work/"
(cd "$work" && npm install --no-audit --no-fund --loglevel=error >/dev/null 2>&1)
echo "node $(node --version), discord-interactions $(node -p "require('$work/node_modules/discord-interactions/package.json').version"), express $(node -p "require('$work/node_modules/express/package.json').version")"

public_key=$("$here/sign.sh" keygen "$work")
body="$work/roadmap.json"
tr -d '\n' < "$repo/tests/MlMentorBot.Tests/Fixtures/Discord/command_roadmap_guild.json" | sed 's/  */ /g' > "$body"

(cd "$work" && PORT=$port PUBLIC_KEY=$public_key NODE_ENV=production exec node server.js) > "$work/node.log" 2>&1 &
host_pid=$!
for _ in $(seq 1 50); do grep -q listening "$work/node.log" 2>/dev/null && break; sleep 0.2; done

url="http://127.0.0.1:$port/interactions"
check=$("$here/sign.sh" post "$work/key.pem" "$body" "$url" | tr '\n' ' ')
[[ $check == *'HTTP 200 ' && $check == '{"type":4'* ]] || { echo "signed request failed: ${check:0:200}"; cat "$work/node.log"; exit 1; }

# shellcheck source=wrk-signed.sh
. "$here/wrk-signed.sh"
run_wrk "node guild /roadmap" "$body" "$duration"
run_wrk "node PING" "$repo/tests/MlMentorBot.Tests/Fixtures/Discord/ping.json" 10s
