#!/usr/bin/env python3
"""Sends N signed Slack slash commands from M members to a bot in Slack HTTP mode (v0 HMAC-SHA256 signatures,
https://docs.slack.dev/authentication/verifying-requests-from-slack): every read command plus progress writes, in a
seeded order, over a few keep-alive connections. Prints how many answers were 200 and how long it took.
Usage: drive.py URL SECRET [REQUESTS=10000] [MEMBERS=2000] [CONNECTIONS=8]"""
import hashlib, hmac, http.client, random, sys, threading, time, urllib.parse

url, secret = sys.argv[1], sys.argv[2].encode()
requests = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
members = int(sys.argv[4]) if len(sys.argv) > 4 else 2000
connections = int(sys.argv[5]) if len(sys.argv) > 5 else 8
parsed = urllib.parse.urlparse(url)

# Every read command with typical arguments, and progress writes; weights roughly as members use them.
commands = [
    ("roadmap", "", 5), ("roadmap", "foundations", 2), ("salary", "", 2), ("salary", "entry", 2), ("skills", "", 2),
    ("skills", "frameworks", 2), ("resources", "", 1), ("resources", "certifications", 2), ("help", "", 1),
    ("ask", "how much does an entry level ml engineer earn", 2), ("ask", "which framework should i learn first", 2),
    ("progress", "show", 3), ("progress", "mark math done", 2), ("progress", "mark python learning", 2),
    ("progress", "mark roadmap.foundations.statistics done", 1), ("progress", "export", 1),
]
plan = [c for c in commands for _ in range(c[2])]
rng = random.Random(42)
work = [(rng.randrange(members), *rng.choice(plan)[:2]) for _ in range(requests)]

def body(member, command, text):
    return urllib.parse.urlencode({
        "token": "unused", "team_id": "T0MEM0001", "team_domain": "bench", "channel_id": "C0MEM0001",
        "channel_name": "general", "user_id": f"U{member:08d}", "user_name": f"m{member}", "command": "/" + command,
        "text": text, "api_app_id": "A0MEM0001", "is_enterprise_install": "false",
        "response_url": f"https://hooks.slack.com/commands/T0MEM0001/{member}/bench", "trigger_id": "1.2.bench"})

ok, failed, lock = 0, 0, threading.Lock()

def run(chunk):
    global ok, failed
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
    for member, command, text in chunk:
        data = body(member, command, text)
        ts = str(int(time.time()))
        sig = "v0=" + hmac.new(secret, f"v0:{ts}:{data}".encode(), hashlib.sha256).hexdigest()
        conn.request("POST", "/slack/commands", data, {"Content-Type": "application/x-www-form-urlencoded",
                                                        "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sig})
        response = conn.getresponse()
        response.read()
        with lock:
            if response.status == 200: ok += 1
            else: failed += 1

start = time.time()
threads = [threading.Thread(target=run, args=(work[i::connections],)) for i in range(connections)]
for t in threads: t.start()
for t in threads: t.join()
print(f"sent {requests} commands from {members} members: {ok} answered 200, {failed} not, in {time.time() - start:.1f} s")
sys.exit(0 if failed == 0 else 1)
