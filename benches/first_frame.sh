#!/usr/bin/env bash
# From the start of a program to its first frame, without a terminal multiplexer's polling in
# the figure: each program runs in a 200x50 tmux pane under `perf stat -r RUNS`, with a small
# preloaded library that ends the process (`_exit(0)`) right after its first write of 300
# bytes or more to standard output (a frame; the terminal modes gloss and less send first are
# shorter). What is timed is process start, dynamic loading, the program's own start-up and
# the writing of its first screen. `perf stat` and `env` add the same constant to every
# program, so only differences and ratios mean anything.
#
# Rounds alternate the programs; each round gives each program the mean of RUNS runs, and the
# medians over the rounds are printed: wall-clock time (duration_time), CPU time of all
# threads (task-clock) and page faults.
#
# Usage: benches/first_frame.sh
#   ROUNDS=11 RUNS=30           rounds, runs per round and program
#   CASES="10KB 10MiB 100MiB"   which briefs (generated as benches/vs_less.sh makes them)
#   GLOSS=path/to/gloss         this binary instead of building the release binary
#   BASE=path/to/gloss          also times that binary (an earlier build)
#   GEN=path/to/gen_corpus      this built corpus generator instead of `cargo bench`
# Needs tmux, less, perf and a C compiler (cc). Honours CARGO_TARGET_DIR.

set -euo pipefail

cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-11}
RUNS=${RUNS:-30}
CASES=${CASES:-"10KB 10MiB 100MiB"}
GLOSS=${GLOSS:-}
BASE=${BASE:-}
GEN=${GEN:-}
SOCKET="gloss-first-frame-$$"

die() {
    echo "first_frame: $*" >&2
    exit 1
}

# shellcheck source=benches/briefs.sh
source benches/briefs.sh
check_cases "$CASES"
[[ $ROUNDS =~ ^[1-9][0-9]*$ && $RUNS =~ ^[1-9][0-9]*$ ]] || die "ROUNDS and RUNS are whole numbers"
for tool in tmux less perf cc python3; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/gloss-first-frame.XXXXXX")
tm() { tmux -L "$SOCKET" -f /dev/null "$@"; }
cleanup() {
    tm kill-server 2>/dev/null || true
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCKET"
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cat >"$WORK/first_write_exits.c" <<'EOF'
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <unistd.h>
/* write(2), then the end of the process once a frame (300 bytes or more) went to stdout. */
ssize_t write(int fd, const void *buf, size_t n) {
    ssize_t written = syscall(SYS_write, fd, buf, n);
    if (fd == 1 && n >= 300) _exit(0);
    return written;
}
EOF
cc -O2 -shared -fPIC -o "$WORK/first_write_exits.so" "$WORK/first_write_exits.c"

GLOSS=$(gloss_binary "$GLOSS")
programs=("$GLOSS" "$(command -v less)")
names=(gloss less)
if [[ -n $BASE ]]; then
    [[ -x $BASE ]] || die "BASE=$BASE is not an executable"
    programs+=("$(realpath "$BASE")")
    names+=(base)
fi

for c in $CASES; do
    make_brief "$WORK/brief-$c.txt" "$c" 1
done

tm new-session -d -s run -x 200 -y 50 \
    "env PS1='bench$ ' LESS= LESSOPEN= LESSCLOSE= HISTFILE=/dev/null bash --norc --noprofile"

# One round of one program on one brief: `perf stat` typed into the pane, waited for.
once() {
    local program=$1 file=$2 out=$3
    rm -f "$out" "$out.done" "$file.gloss.toml" "$file.gloss.toml.bak"
    tm send-keys -t run "perf stat -r $RUNS -x, -o '$out' -e duration_time,task-clock,page-faults env LD_PRELOAD='$WORK/first_write_exits.so' '$program' '$file'; touch '$out.done'" Enter
    local waited=0
    until [[ -e $out.done ]]; do
        sleep 0.1
        waited=$((waited + 1))
        ((waited < 3000)) || die "$program on $file did not finish"
    done
    tm send-keys -t run C-l
}

for c in $CASES; do
    : >"$WORK/results.$c"
    for r in $(seq "$ROUNDS"); do
        echo "$c round $r of $ROUNDS..." >&2
        for i in "${!programs[@]}"; do
            out="$WORK/stat.$c.$i"
            once "${programs[$i]}" "$WORK/brief-$c.txt" "$out"
            # CSV lines: value,unit,event,...
            awk -F, -v name="${names[$i]}" '
                $3 ~ /^duration_time/ { d = $1 } $3 ~ /^task-clock/ { t = $1 } $3 ~ /^page-faults/ { f = $1 }
                END { print name, d, t, f }' "$out" >>"$WORK/results.$c"
        done
    done
done

echo
echo "from start to first frame (perf stat -r $RUNS, median of $ROUNDS alternating rounds)"
for c in $CASES; do
    python3 - "$WORK/results.$c" "$c" "${names[@]}" <<'EOF'
import statistics, sys
path, case, names = sys.argv[1], sys.argv[2], sys.argv[3:]
rows = [line.split() for line in open(path)]
figures = {}
for name in names:
    mine = [r for r in rows if r[0] == name]
    figures[name] = (
        statistics.median(float(r[1]) / 1e6 for r in mine),  # duration_time: ns -> ms
        statistics.median(float(r[2]) for r in mine),  # task-clock: ms
        statistics.median(float(r[3]) for r in mine),
    )
for name, (wall, cpu, faults) in figures.items():
    ratio = "" if name == "less" else f"  ({wall / figures['less'][0]:.2f}x less)"
    print(f"{case:7s} {name:6s} wall {wall:6.2f} ms  cpu {cpu:6.2f} ms  faults {faults:5.0f}{ratio}")
EOF
done
