#!/usr/bin/env bash
# Whole-program time to first screen, measured the way a user sees it: in a real terminal
# (tmux, 200x50), from pressing Enter on the command to the first frame being on screen.
#
# For a 10 KB and a 10 MiB generated brief it runs `gloss FILE` N times (default 7) and waits
# for the status bar's ` READ ` tag, then does the same with `less FILE` (waiting for the
# title line) as a baseline, and prints the median of each and their ratio. Both include the
# same tmux, shell and polling overhead (a few ms), which pulls the ratio towards 1 for
# small files.
#
# Usage: benches/first_screen.sh            (honours CARGO_TARGET_DIR and N)

set -euo pipefail

cd "$(dirname "$0")/.."
N=${N:-7}
# The reader should show its first screen long before this; past it a run counts as failed.
TIMEOUT_S=60
SOCKET="gloss-bench-$$"
WORK=$(mktemp -d)
PROMPT='bench$ '

tm() { tmux -L "$SOCKET" -f /dev/null "$@"; }

cleanup() {
    tm kill-server 2>/dev/null || true
    # The server goes away with its last session but leaves its socket file behind.
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCKET"
    rm -rf "$WORK"
}
trap cleanup EXIT

# Microseconds since the epoch, without forking `date` inside the polling loop.
now_us() { local t=$EPOCHREALTIME; echo "${t/./}"; }

echo "building the release binary..." >&2
GLOSS=$(cargo build --release --bin gloss --message-format=json-render-diagnostics \
    | grep -o '"executable":"[^"]*"' | tail -1 | cut -d'"' -f4)
if [[ -z "$GLOSS" || ! -x "$GLOSS" ]]; then
    echo "first_screen: cannot find the gloss binary after building" >&2
    exit 1
fi

SIZES=(10KB:10000 10MiB:10485760)
for entry in "${SIZES[@]}"; do
    name=${entry%%:*}
    bytes=${entry#*:}
    echo "generating the $name brief..." >&2
    cargo bench -q --bench gen_corpus -- "$WORK/brief-$name.txt" "$bytes" >&2
done

# One timed run: a fresh 200x50 session with a bare shell; `exec PROGRAM FILE` is typed,
# and the pane is polled until it shows NEEDLE. Prints the elapsed milliseconds.
time_once() {
    local program=$1 file=$2 needle=$3 quit=$4
    tm new-session -d -s run -x 200 -y 50 \
        "env PS1='$PROMPT' LESS= LESSOPEN= HISTFILE=/dev/null bash --norc --noprofile"
    local deadline=$((SECONDS + TIMEOUT_S))
    # capture-pane drops trailing blanks, so look for the prompt without its space.
    until tm capture-pane -p -t run | grep -qF "${PROMPT% }"; do
        ((SECONDS < deadline)) || { echo "first_screen: the shell never started" >&2; return 1; }
        sleep 0.01
    done
    # The shell becomes the program (exec), so this pid is the one to clean up after.
    local pid
    pid=$(tm display-message -p -t run '#{pane_pid}')
    local start
    start=$(now_us)
    tm send-keys -t run "exec $program '$file'" Enter
    until tm capture-pane -p -t run | grep -qF -- "$needle"; do
        if ((SECONDS >= deadline)); then
            echo "first_screen: $program never showed '$needle'" >&2
            kill "$pid" 2>/dev/null || true
            return 1
        fi
        sleep 0.002
    done
    local end
    end=$(now_us)
    tm send-keys -t run "$quit"
    # Quitting ends the pane's only process; killing the session first would leave the
    # program on a vanished terminal.
    for _ in $(seq 200); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.01
    done
    kill "$pid" 2>/dev/null || true
    tm kill-session -t run 2>/dev/null || true
    awk -v us=$((end - start)) 'BEGIN { printf "%.1f\n", us / 1000 }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '%-8s %10s %12s %12s %11s\n' brief bytes "gloss ms" "less ms" "gloss/less"
for entry in "${SIZES[@]}"; do
    name=${entry%%:*}
    file="$WORK/brief-$name.txt"
    title=$(head -c 40 "$file" | head -n 1)
    gloss_runs=()
    less_runs=()
    for _ in $(seq "$N"); do
        # Alternate the two so a burst of load elsewhere hurts both alike.
        gloss_runs+=("$(time_once "$GLOSS" "$file" " READ " q)")
        less_runs+=("$(time_once less "$file" "$title" q)")
    done
    echo "$name gloss: ${gloss_runs[*]}" >&2
    echo "$name less:  ${less_runs[*]}" >&2
    g=$(printf '%s\n' "${gloss_runs[@]}" | median)
    l=$(printf '%s\n' "${less_runs[@]}" | median)
    printf '%-8s %10s %12s %12s %11s\n' "$name" "$(stat -c %s "$file")" "$g" "$l" \
        "$(awk -v g="$g" -v l="$l" 'BEGIN { printf "%.2f", g / l }')"
done
