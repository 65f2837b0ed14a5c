#!/usr/bin/env bash
# Signs and sends Discord interaction bodies the way Discord does: Ed25519 over UTF-8(timestamp) + raw body.
# Needs only openssl (1.1.1+, for Ed25519 with -rawin) and curl.
#   sign.sh keygen DIR                 -> DIR/key.pem, prints the public key hex (Discord:PublicKey)
#   sign.sh headers KEY.pem BODY.json  -> prints the two X-Signature-* header lines for BODY
#   sign.sh post KEY.pem BODY.json [URL] -> POSTs BODY signed, prints the status line and JSON
# https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers
set -euo pipefail

hex() { od -An -v -tx1 | tr -d ' \n'; }

case "${1:-}" in
  keygen)
    dir=${2:?dir}
    mkdir -p "$dir"
    openssl genpkey -algorithm ed25519 -out "$dir/key.pem" 2>/dev/null
    # The DER SubjectPublicKeyInfo of an Ed25519 key ends with the 32 raw key bytes.
    openssl pkey -in "$dir/key.pem" -pubout -outform DER | tail -c 32 | hex
    echo
    ;;
  headers)
    key=${2:?key}; body=${3:?body}
    ts=${TIMESTAMP:-$(date +%s)}
    message=$(mktemp)
    { printf '%s' "$ts"; cat "$body"; } > "$message"
    sig=$(openssl pkeyutl -sign -inkey "$key" -rawin -in "$message" | hex)
    rm -f "$message"
    echo "X-Signature-Ed25519: $sig"
    echo "X-Signature-Timestamp: $ts"
    ;;
  post)
    key=${2:?key}; body=${3:?body}; url=${4:-http://127.0.0.1:5080/discord/interactions}
    mapfile -t headers < <("$0" headers "$key" "$body")
    curl -sS -o - -w '\nHTTP %{http_code}\n' -H 'Content-Type: application/json' -H "${headers[0]}" -H "${headers[1]}" --data-binary "@$body" "$url"
    ;;
  *)
    sed -n '2,8p' "$0"; exit 2;;
esac
