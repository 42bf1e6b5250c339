#!/usr/bin/env bash
# Peak memory of the library at research scale, as a user runs it: the release binary in a
# 200x50 tmux pane on a generated library (benches/library.rs -- --into DIR makes one), read
# from /proc/PID/status (VmHWM) after
#   1. the library's scan is done (every brief's first screen and sidecar read);
#   2. the notes view (n) has every annotation of the library;
#   3. a search across the library (/, a word in every brief) is done.
# Usage: benches/library_rss.sh DIR      (honours CARGO_TARGET_DIR; needs tmux)
# BIN=path/to/gloss measures that binary instead of this tree's release build (a baseline).
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:?usage: benches/library_rss.sh DIR}
if [ -z "${BIN:-}" ]; then
    BIN="${CARGO_TARGET_DIR:-target}/release/gloss"
    cargo build --release --quiet
fi
SOCKET="gloss-rss-$$"
DATA=$(mktemp -d)
trap 'tmux -L "$SOCKET" kill-server 2>/dev/null || true; rm -rf "$DATA"' EXIT
tmux -L "$SOCKET" -f /dev/null new-session -d -x 200 -y 50 \
    env PS1='rss$ ' TERM=screen-256color GLOSS_DATA_DIR="$DATA" sh
sleep 0.3
tmux -L "$SOCKET" send-keys -l "exec $BIN $DIR"
tmux -L "$SOCKET" send-keys Enter
wait_for() { # text, what
    for _ in $(seq 1 3000); do
        if tmux -L "$SOCKET" capture-pane -p | grep -q -- "$1"; then return 0; fi
        sleep 0.02
    done
    echo "library_rss: timed out waiting for $2" >&2
    tmux -L "$SOCKET" capture-pane -p >&2
    exit 1
}
pid() { tmux -L "$SOCKET" list-panes -F '#{pane_pid}'; }
# The peak, and what is resident now (a peak well above it was passing).
hwm() { awk '/VmHWM/ {h = $2} /VmRSS/ {r = $2} END {printf "%.1f MB (now %.1f MB)", h / 1024, r / 1024}' "/proc/$(pid)/status"; }
wait_for ' briefs ·' 'the scan to end'
echo "library scanned ($(tmux -L "$SOCKET" capture-pane -p | grep -o '[0-9]* briefs' | head -1)): peak RSS $(hwm)"
tmux -L "$SOCKET" send-keys n
wait_for 'annotations ·' 'every annotation'
echo "notes view with every annotation: peak RSS $(hwm)"
tmux -L "$SOCKET" send-keys q /
tmux -L "$SOCKET" send-keys -l "the"
tmux -L "$SOCKET" send-keys Enter
wait_for 'briefs searched' 'the search'
echo "search for a word in every brief: peak RSS $(hwm)"
