#!/usr/bin/env bash
# Sends one signed interaction per command (and autocomplete, a button, both modal shapes) to a host running in HTTP mode,
# and prints a short summary of each JSON answer. Usage: try-all.sh KEY.pem [URL]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
fixtures="$here/../../tests/MlMentorBot.Tests/Fixtures/Discord"
key=${1:?key.pem}; url=${2:-http://127.0.0.1:5080/discord/interactions}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
n=0

command_body() { # NAME OPTIONS_JSON [guild|dm]
  n=$((n + 1))
  local who='"guild_id":"1111111111111111111","member":{"nick":"Ada","permissions":"2248473465835073","roles":[],"user":{"id":"4444444444444444444","username":"ada","global_name":"Ada L."}}'
  [[ ${3:-guild} == dm ]] && who='"user":{"id":"6666666666666666666","username":"grace","global_name":"Grace H."}'
  printf '{"id":"13000000000000%05d","application_id":"1143372838210596935","type":2,"token":"tok%d","version":1,"channel_id":"2222222222222222222",%s,"data":{"id":"3333333333333333333","name":"%s","type":1,"options":%s}}' \
    "$n" "$n" "$who" "$1" "$2" > "$work/body.json"
}

show() { # LABEL
  local out; out=$("$here/sign.sh" post "$key" "$work/body.json" "$url")
  printf '%-34s %s\n' "$1" "$(printf '%s' "$out" | python3 -c '
import json, sys
text = sys.stdin.read(); body, _, status = text.rpartition("\n")
body = body.rsplit("\n", 1)[0] if body.endswith("\n") else body
try:
    j = json.loads(body.strip())
except Exception:
    print(status.strip(), body[:80]); sys.exit()
d = j.get("data") or {}
e = (d.get("embeds") or [{}])[0]
bits = [status.strip(), "type=%s" % j.get("type")]
if "flags" in d: bits.append("flags=%s" % d["flags"])
if e.get("title"): bits.append("title=%r" % e["title"][:40])
if d.get("choices") is not None: bits.append("choices=%s" % [c["value"] for c in d["choices"]][:4])
if d.get("components"): bits.append("buttons=%d" % sum(len(r.get("components", [])) for r in d["components"]))
if e.get("footer"): bits.append("footer=%r" % e["footer"]["text"][:30])
print(" ".join(bits))')"
}

"$here/sign.sh" post "$key" "$fixtures/ping.json" "$url" | head -1 | sed 's/^/ping                               /'
command_body help '[]'; show "/help"
command_body help '[{"name":"command","type":3,"value":"progress"}]'; show "/help progress"
command_body roadmap '[]'; show "/roadmap"
command_body roadmap '[{"name":"stage","type":3,"value":"foundations"}]'; show "/roadmap foundations"
command_body roadmap '[{"name":"stage","type":3,"value":"foundatoins"}]'; show "/roadmap foundatoins (typo)"
command_body roadmap '[{"name":"user","type":6,"value":"6666666666666666666"}]'; show "/roadmap user:@grace"
command_body salary '[{"name":"level","type":3,"value":"entry"}]'; show "/salary entry"
command_body skills '[{"name":"area","type":3,"value":"programming"}]'; show "/skills programming"
command_body resources '[{"name":"topic","type":3,"value":"certifications"}]'; show "/resources certifications"
command_body ask '[{"name":"question","type":3,"value":"how much does an entry level ML engineer earn?"}]'; show "/ask salary question"
command_body progress '[{"name":"mark","type":1,"options":[{"name":"step","type":3,"value":"roadmap.foundations.math"},{"name":"status","type":3,"value":"done"}]}]' dm; show "/progress mark (DM)"
command_body progress '[{"name":"show","type":1,"options":[]}]' dm; show "/progress show (DM)"
command_body progress '[{"name":"export","type":1,"options":[]}]' dm; show "/progress export (DM)"
command_body progress '[{"name":"delete","type":1,"options":[{"name":"confirm","type":3,"value":"yes"}]}]' dm; show "/progress delete confirm:yes (DM)"
cp "$fixtures/autocomplete_roadmap_stage.json" "$work/body.json"; show "autocomplete stage:fou"
cp "$fixtures/component_button_on_private_reply.json" "$work/body.json"; show "button c:/progress show"
cp "$fixtures/modal_submit_label.json" "$work/body.json"; show "modal submit (Label shape)"
cp "$fixtures/modal_submit_action_row.json" "$work/body.json"; show "modal submit (action-row shape)"
printf '{"type":2}' > "$work/body.json"
printf '%-34s HTTP %s\n' "bad signature" "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -H "X-Signature-Ed25519: $(printf '0%.0s' {1..128})" -H 'X-Signature-Timestamp: 1' --data-binary @"$work/body.json" "$url")"
