#!/usr/bin/env bash
# Issue #11's storage figures, PostgreSQL beside SQLite in one run:
#  1. Slack HTTP load (bench/slack/load.sh, one published build) for /roadmap, /progress mark (one member, then 1 000
#     members) and /progress show on each provider: req/s, p50/p99, host CPU per request, load average.
#  2. The check-in store benchmark (500-member digest, member history) with 100 000 members and 1 000 000 check-ins, on
#     SQLite and on a throwaway PostgreSQL cluster seeded by binary COPY.
#   bench/scale-out/run.sh        (env: DURATION=10s; SKIP_LOAD=1 or SKIP_STORE=1 to run one half;
#                                  CASES="progress|mark+roadmap.foundations.math+done|1000 …" to pick load cases)
# Providers alternate within each case, so both see about the same load from whatever else runs on the machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DURATION=${DURATION:-10s}
work=$(mktemp -d)
. bench/scale-out/pg-cluster.sh
trap 'pg_cluster_stop; rm -rf "$work"' EXIT

if [ -z "${SKIP_LOAD:-}" ]; then
  echo "publishing the host (Release)…"
  dotnet publish src/MlMentorBot -c Release -o "$work/app" --nologo -v quiet >/dev/null
  # command|text|members: the one-member mark is the worst case for a database (every request writes the same row);
  # MEMBERS=1000 spreads the same marks over a thousand members, as a community's real traffic is.
  IFS=' ' read -r -a cases <<<"${CASES:-roadmap||1 progress|mark+roadmap.foundations.math+done|1 progress|mark+roadmap.foundations.math+done|1000 progress|show|1}"
  for case in "${cases[@]}"; do
    IFS='|' read -r command text members <<<"$case"
    for provider in sqlite postgres; do
      echo "=== $provider /$command $text (members: $members)"
      PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])') \
        APP_DIR="$work/app" PROVIDER=$provider COMMAND=$command TEXT=$text MEMBERS=$members bench/slack/load.sh | grep -E '^(RESULT|CPU|storage|host|/)' || true
    done
  done
fi

if [ -z "${SKIP_STORE:-}" ]; then
  pg_cluster_start
  MLMENTORBOT_BENCH_POSTGRES="$(pg_cluster_create_db checkins)" \
    dotnet run -c Release --project bench/MlMentorBot.Benchmarks -- --filter '*CheckInStoreBenchmarks*' --exporters markdown \
    | grep -E '^\|| Seeded|// \*' || true
fi
