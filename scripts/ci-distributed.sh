#!/usr/bin/env bash
# CI end-to-end for scale-out: two `competency worker` processes of the *built* CLI on the machine's Redis,
# one distributed rank and one batch, each compared byte for byte with the in-process command. Bounded in
# time; stops the workers it started (by PID) and deletes its own queue keys.
set -euo pipefail
cd "$(dirname "$0")/.."
CLI="node bin/competency.js"
REDIS=redis://127.0.0.1:6379
PREFIX="ci-$$"
DIR=$(mktemp -d)
W1=""
W2=""
cleanup() {
  for pid in $W1 $W2; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in $W1 $W2; do wait "$pid" 2>/dev/null || true; done
  redis-cli -h 127.0.0.1 --scan --pattern "$PREFIX:*" | xargs -r redis-cli -h 127.0.0.1 del >/dev/null
  rm -rf "$DIR"
}
trap cleanup EXIT

# 20,000 seeded candidates and 2,000 batch pairs (a Park–Miller generator, so every run sees the same input).
node -e '
const names = ["TypeScript","React","Node.js","Go","SQL","Docker","Kubernetes","Forklift Operation","Patient Care","AutoCAD"];
let s = 1; const r = () => (s = (s * 16807) % 2147483647) / 2147483647;
const skills = () => names.filter(() => r() < 0.5).map((name) => ({ name, level: { value: 1 + ((r() * 5) | 0), max: 5 } }));
const fs = require("node:fs");
const c = []; for (let i = 0; i < 20000; i++) { const k = skills(); c.push(JSON.stringify({ id: "c" + i, skills: k.length ? k : [{ name: "SQL", level: { value: 1, max: 5 } }] })); }
fs.writeFileSync(process.argv[1] + "/candidates.jsonl", c.join("\n") + "\n");
const role = require("./examples/role.json");
const p = []; for (let i = 0; i < 2000; i++) p.push(JSON.stringify({ id: "p" + i, candidate: JSON.parse(c[i]).skills, required: role.skills ?? role }));
fs.writeFileSync(process.argv[1] + "/pairs.jsonl", p.join("\n") + "\n");
' "$DIR"

$CLI worker --redis "$REDIS" --prefix "$PREFIX" 2>"$DIR/w1.err" & W1=$!
$CLI worker --redis "$REDIS" --prefix "$PREFIX" 2>"$DIR/w2.err" & W2=$!
for _ in $(seq 1 120); do
  if grep -q ready "$DIR/w1.err" && grep -q ready "$DIR/w2.err"; then break; fi
  sleep 0.5
done
grep -q ready "$DIR/w1.err" && grep -q ready "$DIR/w2.err" || { cat "$DIR"/w*.err; echo "workers did not start" >&2; exit 1; }

$CLI rank examples/role.json "$DIR/candidates.jsonl" --top 50 > "$DIR/rank-local.jsonl"
timeout 300 $CLI rank examples/role.json "$DIR/candidates.jsonl" --top 50 --redis "$REDIS" --prefix "$PREFIX" --shard-size 2000 > "$DIR/rank-dist.jsonl"
cmp "$DIR/rank-local.jsonl" "$DIR/rank-dist.jsonl"
echo "distributed rank of 20,000 candidates on 2 workers: identical to in-process ($(wc -l < "$DIR/rank-dist.jsonl") lines)"

$CLI batch "$DIR/pairs.jsonl" > "$DIR/batch-local.jsonl"
timeout 300 $CLI batch "$DIR/pairs.jsonl" --redis "$REDIS" --prefix "$PREFIX" --out "$DIR/batch-dist.jsonl"
cmp "$DIR/batch-local.jsonl" "$DIR/batch-dist.jsonl"
echo "distributed batch of 2,000 pairs on 2 workers: identical to in-process ($(wc -l < "$DIR/batch-dist.jsonl") lines)"
