# Sourced by load.sh and node-baseline.sh, so both servers are driven and measured the same way.
# Needs: $here (this folder), $work (scratch dir holding key.pem), $host_pid (the server's pid), $url, $threads,
# $connections.

cpu_ticks() { awk '{print $14 + $15}' "/proc/$host_pid/stat"; }
sys_ticks() { awk '{print $15}' "/proc/$host_pid/stat"; }

# run_wrk LABEL BODY DURATION: signed POSTs of BODY to $url; prints wrk's report and a RESULT line with the server's CPU
# time per request (user + kernel, from /proc), which stays meaningful when other processes share the machine.
run_wrk() {
  local label=$1 file=$2 length=$3 sig ts
  # Signed now: the host refuses timestamps more than 5 minutes from its clock (SignatureVerifier.MaxSkewSeconds), so each
  # run signs afresh; the warm-up plus the run stay well inside that window.
  mapfile -t signed < <(TIMESTAMP=$(date +%s) "$here/sign.sh" headers "$work/key.pem" "$file")
  sig=${signed[0]#X-Signature-Ed25519: }; ts=${signed[1]#X-Signature-Timestamp: }
  cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Signature-Ed25519"] = "$sig"
wrk.headers["X-Signature-Timestamp"] = "$ts"
local f = io.open("$file", "rb"); wrk.body = f:read("*a"); f:close()
LUA
  wrk -t"$threads" -c"$connections" -d5s -s "$work/post.lua" "$url" >/dev/null # warm-up (JIT tiers, pools)
  local load_before ticks_before ticks_after sys_before sys_after
  load_before=$(cut -d" " -f1 /proc/loadavg)
  ticks_before=$(cpu_ticks)
  sys_before=$(sys_ticks)
  echo "wrk -t$threads -c$connections -d$length --latency POST $url ($label)"
  wrk -t"$threads" -c"$connections" -d"$length" --latency -s "$work/post.lua" "$url" | tee "$work/wrk.txt"
  ticks_after=$(cpu_ticks)
  sys_after=$(sys_ticks)
  local rps p50 p99 non2xx requests cpu_us sys_us
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
  non2xx=$(awk '/Non-2xx/ {print $4}' "$work/wrk.txt")
  requests=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
  cpu_us=$(awk -v t=$((ticks_after - ticks_before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN { printf "%.0f", t / hz * 1e6 / n }')
  sys_us=$(awk -v t=$((sys_after - sys_before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN { printf "%.0f", t / hz * 1e6 / n }')
  echo "RESULT $label req_per_s=$rps p50=$p50 p99=$p99 non_2xx=${non2xx:-0} host_cpu_us_per_request=$cpu_us (kernel $sys_us) cores=$(nproc) load_avg_before=$load_before"
  echo
}
