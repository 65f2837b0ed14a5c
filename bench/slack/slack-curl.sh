#!/usr/bin/env bash
# Sends a signed Slack slash command to a bot running in HTTP mode, as Slack would (v0 signature,
# https://docs.slack.dev/authentication/verifying-requests-from-slack), and pretty-prints the JSON answer.
#   SLACK_SIGNING_SECRET=... bench/slack/slack-curl.sh /roadmap foundations
# Env: SLACK_URL (default http://127.0.0.1:5090), SLACK_USER (default U0LOCAL01), SLACK_TEAM (default T0LOCAL01).
set -euo pipefail
: "${SLACK_SIGNING_SECRET:?set SLACK_SIGNING_SECRET to the same value as Slack:SigningSecret}"
command=${1:?usage: slack-curl.sh /command [text...]}
shift
text="$*"
url=${SLACK_URL:-http://127.0.0.1:5090}
enc() { python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1],safe=""))' "$1"; }
body="token=unused&team_id=${SLACK_TEAM:-T0LOCAL01}&team_domain=local&channel_id=C0LOCAL01&channel_name=general&user_id=${SLACK_USER:-U0LOCAL01}&user_name=you&command=$(enc "$command")&text=$(enc "$text")&api_app_id=A0LOCAL01&is_enterprise_install=false&response_url=$(enc "https://hooks.slack.com/commands/T0LOCAL01/1/local")&trigger_id=1.2.local"
ts=$(date +%s)
sig="v0=$(printf 'v0:%s:%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$SLACK_SIGNING_SECRET" -r | cut -d' ' -f1)"
curl -sS -w '\nHTTP %{http_code} in %{time_total}s\n' "$url/slack/commands" \
  -H "X-Slack-Request-Timestamp: $ts" -H "X-Slack-Signature: $sig" \
  -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "$body"
