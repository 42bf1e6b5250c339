#!/usr/bin/env bash
# The whole `gloss merge-driver` command on sidecars of 10,000 annotations per side (the files
# of `cargo bench --bench merge`), against `git merge-file` on the same files: wall time and
# CPU time (user + system) of each of N runs, alternating. CPU time says more than wall time
# on a loaded machine.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-5}"
DIR="$(mktemp -d)"
trap 'rm -rf "$DIR"' EXIT
GLOSS_MERGE_FILES="$DIR" cargo bench --bench merge >/dev/null 2>&1
cargo build --release --quiet
GLOSS="$PWD/target/release/gloss"
ls -l "$DIR"
run() {
  cp "$DIR/ours.toml" "$DIR/a.toml"
  /usr/bin/time -f "$1 wall %e s, cpu %U+%S s, max rss %M KB" "${@:2}" 2>&1 >/dev/null | tail -1 || true
}
for _ in $(seq "$N"); do
  run "gloss merge-driver:" "$GLOSS" merge-driver "$DIR/base.toml" "$DIR/a.toml" "$DIR/theirs.toml"
  run "git merge-file:    " git merge-file "$DIR/a.toml" "$DIR/base.toml" "$DIR/theirs.toml"
done
