#!/usr/bin/env bash
# Release-build figures for the resource limits (store/limits.rs, README "Limits"): wall time,
# CPU time and peak memory (/usr/bin/time) of `gloss list` (or `gloss themes`) on the largest
# file of each kind gloss accepts, and on one just past it. The files are generated into a
# temporary folder (about 1.2 GB, removed at the end). Usage: benches/limits.sh [N runs]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-3}"
cargo build --release --quiet
GLOSS="$PWD/target/release/gloss"
DIR="$(mktemp -d)"
trap 'rm -rf "$DIR"' EXIT
export GLOSS_CONFIG_DIR="$DIR/config" GLOSS_DATA_DIR="$DIR/data"
mkdir -p "$GLOSS_CONFIG_DIR/themes"
SEED=seeds/micron-cac-probe.txt

python3 - "$DIR" "$SEED" <<'PY'
import os, sys
d, seed = sys.argv[1], sys.argv[2]
text = open(seed, encoding="utf-8").read()
MiB = 1 << 20
def fill(path, limit, unit):
    with open(path, "w", encoding="utf-8") as f:
        n = 0
        while n + len(unit.encode()) <= limit:
            f.write(unit); n += len(unit.encode())
# Briefs: plain at 1 GiB, Markdown at 64 MiB (the seed's paragraphs as Markdown).
fill(f"{d}/big.txt", 1024 * MiB, text + "\n")
md = "".join("## " + p.split("\n")[0][:60] + "\n\n" + p + "\n\n" for p in text.split("\n\n") if p.strip())
fill(f"{d}/big.md", 64 * MiB, md)
# Sidecars on the seed brief: as many entries as fit under 8 MiB; the brief "changed" (its
# stored hash is not the text's and no snapshot is kept), every quote a common word at the
# wrong place with context found nowhere, so each one is searched for afresh: the worst case
# of placing a changed brief's annotations.
def entry(n, quote, note="", start=0, prefix="", suffix=""):
    return (f'[[annotation]]\nid = "0190a000-0000-7000-8000-{n:012x}"\ncreated = "2026-11-24T11:20:03Z"\n'
            f'updated = "2026-11-24T11:20:03Z"\ncolor = "blue"\nnote = "{note}"\nquote = "{quote}"\n'
            f'prefix = "{prefix}"\nsuffix = "{suffix}"\nstart = {start}\nend = {start + len(quote)}\n\n')
for name, head, mk in [
    ("changed.txt", 'version = 1\n[document]\nfile = "changed.txt"\nsha256 = "' + "0" * 64 + '"\n\n',
     lambda n: entry(n, "the", "", 5 + n % 1000, "xq" * 8, "zq" * 8)),
]:
    open(f"{d}/{name}", "w", encoding="utf-8").write(text)
    with open(f"{d}/{name}.gloss.toml", "w", encoding="utf-8") as f:
        f.write(head); size = len(head); n = 0
        while True:
            e = mk(n)
            if size + len(e) > 8 * MiB: break
            f.write(e); size += len(e); n += 1
    print(f"{name}.gloss.toml: {n} annotations, {size} bytes")
# The largest note: one annotation whose note takes what the rest of 8 MiB leaves.
open(f"{d}/note.txt", "w", encoding="utf-8").write(text)
head = 'version = 1\n[document]\nfile = "note.txt"\n\n'
room = 8 * MiB - len(head) - len(entry(1, "Micron")) - 64
open(f"{d}/note.txt.gloss.toml", "w", encoding="utf-8").write(head + entry(1, "Micron", "word " * (room // 5)))
# A sidecar of 1,000,000 entries (past the limit).
open(f"{d}/million.txt", "w", encoding="utf-8").write(text)
with open(f"{d}/million.txt.gloss.toml", "w", encoding="utf-8") as f:
    f.write('version = 1\n[document]\nfile = "million.txt"\n\n')
    for n in range(1_000_000):
        f.write(entry(n, "Micron"))
# The largest theme: a valid theme padded with comments to 1 MiB.
theme = 'inherits = "default"\n'
with open(f"{d}/config/themes/big.toml", "w", encoding="utf-8") as f:
    f.write(theme); f.write(("# " + "x" * 77 + "\n") * ((MiB - len(theme)) // 80))
PY
# The brief unchanged: one real annotation made by gloss, copied (new ids) to fill 8 MiB.
cp "$SEED" "$DIR/exact.txt"
(cd "$DIR" && "$GLOSS" annotate exact.txt --quote "Micron Technology" --note "a note of a line" >/dev/null)
python3 - "$DIR/exact.txt.gloss.toml" <<'PY'
import sys, tomllib, re
path = sys.argv[1]
src = open(path, encoding="utf-8").read()
head, one = src.split("\n[[annotation]]\n", 1)
head += "\n"
one = "[[annotation]]\n" + one.rstrip("\n") + "\n\n"
MiB = 1 << 20
with open(path, "w", encoding="utf-8") as f:
    f.write(head); size = len(head.encode()); n = 0
    while True:
        e = re.sub(r'id = "[^"]*"', f'id = "0190a000-0000-7000-8000-{n:012x}"', one, count=1)
        if size + len(e.encode()) > 8 * MiB: break
        f.write(e); size += len(e.encode()); n += 1
tomllib.loads(open(path, encoding="utf-8").read())
print(f"exact.txt.gloss.toml: {n} annotations, {size} bytes")
PY
# One byte past each limit (sparse: nothing is written, nothing should be read).
truncate -s $((1024 * 1024 * 1024 + 1)) "$DIR/over.txt"
ls -l "$DIR" "$DIR/config/themes"

measure() {
  local what="$1"; shift
  for _ in $(seq "$N"); do
    /usr/bin/time -f "$what: wall %e s, cpu %U+%S s, max rss %M KB, exit %x" "$@" >/dev/null 2>"$DIR/err" || true
    tail -1 "$DIR/err"
  done
  grep -m1 -v "wall" "$DIR/err" | cut -c1-160 || true
}
cd "$DIR"
measure "plain brief 1 GiB (list)" "$GLOSS" list big.txt
measure "plain brief 1 GiB + 1 byte (refused)" "$GLOSS" list over.txt
measure "Markdown brief 64 MiB (list)" "$GLOSS" list big.md
measure "sidecar 8 MiB, brief unchanged (list)" "$GLOSS" list exact.txt
measure "sidecar 8 MiB, brief changed: every annotation placed again (list)" "$GLOSS" list changed.txt
measure "one note of ~8 MiB (list)" "$GLOSS" list note.txt
measure "sidecar of 1,000,000 entries (refused)" "$GLOSS" list million.txt
measure "theme of 1 MiB (themes)" "$GLOSS" themes
