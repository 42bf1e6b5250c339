#!/usr/bin/env bash
# gloss against `less` on the same briefs, measured the way a user sees it: the real release
# binary typed into a shell that is already running in a 200x50 tmux pane, so neither tmux
# nor a shell's start-up is in any figure.
#
# For each case (a generated brief of 10 KB, 10 MiB or 100 MiB, seed 1, with one last line
# END-OF-BRIEF-7f3a appended) and each program, every run:
#   first screen  from typing `PROGRAM FILE` and Enter (one send-keys) until the pane shows
#                 the brief's first line, a look at the pane starting every 2 ms (the first
#                 after a random part of that, see `await`);
#                 keys are sent and the pane read through one tmux client in control mode
#                 (`tmux -C`), started once, so no poll starts a process: a look at the pane
#                 takes about 0.7 ms (one `tmux capture-pane` process per look took 2-3 ms
#                 and, with a `sleep` process, looked every 4-5 ms);
#   G             from sending `G` after that until the last line (the marker) is on screen,
#                 whatever the program does in between (gloss may still be reading the file);
#   all read      (gloss) from Enter until its status bar says the whole brief is read;
#   search        then, from the top (`g`), `/MARKER` and Enter sent at once, until the last
#                 line is on screen (a word found only at the very end);
#   peak RSS      the program's VmHWM in /proc/PID/status just before `q`: the peak after
#                 `G` and, for gloss, after reading the brief end to end.
# Then `q`, and the shell waits at its prompt for the next run. The programs alternate, run
# after run, so that a burst of load elsewhere hurts them alike. gloss's sidecar is removed
# before each of its runs, so every run opens the brief as a new user would. A run that takes
# longer than TIMEOUT seconds counts as failed.
#
# Usage: benches/vs_less.sh
#   N=7                          runs per case and program (median printed)
#   CASES="10KB 10MiB 100MiB"    which briefs
#   TIMEOUT=60                   seconds per run before it counts as failed
#   BASE=path/to/gloss           also runs that binary (an earlier build) in the same rotation
#   FIRST_ONLY=1                 no search: the first screen, G and the peak RSS (after G)
#   GLOSS=path/to/gloss          this binary instead of building the release binary
#   GEN=path/to/gen_corpus       this built corpus generator instead of `cargo bench`
# Honours CARGO_TARGET_DIR. Needs tmux and less.

set -euo pipefail

cd "$(dirname "$0")/.."
N=${N:-7}
CASES=${CASES:-"10KB 10MiB 100MiB"}
TIMEOUT_S=${TIMEOUT:-60}
BASE=${BASE:-}
GLOSS=${GLOSS:-}
GEN=${GEN:-}
FIRST_ONLY=${FIRST_ONLY:-}
SEED=1
MARKER=END-OF-BRIEF-7f3a
SOCKET="gloss-vs-less-$$"
PROMPT='bench$ '

die() {
    echo "vs_less: $*" >&2
    exit 1
}

# shellcheck source=benches/briefs.sh
source benches/briefs.sh
check_cases "$CASES"
[[ $N =~ ^[1-9][0-9]*$ ]] || die "N must be a whole number above 0, not '$N'"
for tool in tmux less; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
done
if [[ -n $BASE ]]; then
    [[ -x $BASE ]] || die "BASE=$BASE is not an executable"
    BASE=$(realpath "$BASE")
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/gloss-vs-less.XXXXXX")

tm() { tmux -L "$SOCKET" -f /dev/null "$@"; }

# The pane's shell, once it runs.
SHELL_PID=

# Ends what a run left behind (the shell's children), then the tmux server.
cleanup() {
    if [[ -n $SHELL_PID ]]; then
        local child
        for child in $(ps -o pid= --ppid "$SHELL_PID" 2>/dev/null || true); do
            kill "$child" 2>/dev/null || true
        done
    fi
    tm kill-server 2>/dev/null || true
    # The server goes away with its last session but leaves its socket file behind.
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCKET"
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Microseconds since the epoch, without forking `date` inside the polling loops.
now_us() { local t=$EPOCHREALTIME; echo "${t/./}"; }
ms_since() { awk -v us=$(($(now_us) - $1)) 'BEGIN { printf "%.1f", us / 1000 }'; }
# The tmux client in control mode that every key and every look at the pane goes through.
CTL_PID=
# Sends the tmux command $1 through it; its output lines end up in PANE.
ctl() {
    printf '%s\n' "$1" >&"${CTL[1]}"
    local line begun=
    PANE=
    while IFS= read -r line <&"${CTL[0]}"; do
        if [[ -z $begun ]]; then
            # Notifications (%output, %session-changed...) come between answers.
            [[ $line == '%begin '* ]] && begun=1
            continue
        fi
        case $line in
            '%end '* | '%error '*) return 0 ;;
        esac
        PANE+=$line$'\n'
    done
    die "the tmux control client went away"
}
tm_keys() { ctl "send-keys -t run $*"; }
# A pause without a process: a read that times out on a FIFO nobody writes to.
pause() { read -rt "$1" -u "$NEVER_FD" || true; }

GLOSS=$(gloss_binary "$GLOSS")

for c in $CASES; do
    file="$WORK/brief-$c.txt"
    make_brief "$file" "$c" "$SEED"
    printf '%s\n' "$MARKER" >>"$file"
done

# The one shell every run is typed into.
tm new-session -d -s run -x 200 -y 50 \
    "env PS1='$PROMPT' LESS= LESSOPEN= LESSCLOSE= HISTFILE=/dev/null bash --norc --noprofile"
SHELL_PID=$(tm display-message -p -t run '#{pane_pid}')
mkfifo "$WORK/never"
exec {NEVER_FD}<>"$WORK/never"
coproc CTL { tmux -L "$SOCKET" -f /dev/null -C attach -t run 2>&1; }
CTL_PID=$CTL_PID
# The attach answers first, with a block of its own.
while IFS= read -r line <&"${CTL[0]}"; do
    [[ $line == '%end '* || $line == '%error '* ]] && break
done
# No copy of everything the pane prints: only the answers.
ctl "refresh-client -f no-output"

# Whether the pane shows a line matching the regular expression $1 (letters, digits, spaces,
# `.`, `^`, `*`, `|` only): tmux searches the pane itself (`#{C/r:...}`), so a look answers
# with one short line. (bash reads a pipe a byte at a time: a whole captured screen took
# milliseconds of CPU to read, beside the program being timed.)
shows_re() {
    ctl "display-message -p -t run '#{C/r:$1}'"
    [[ ${PANE%$'\n'} != 0 ]]
}
# Whether the pane shows the text $1, any character but a letter, digit or space standing for
# itself or any other.
shows() { shows_re "${1//[^A-Za-z0-9 ]/.}"; }
hides() { ! shows "$1"; }
# Whether the status bar (the last row) shows none of the words of the extended regex $1.
status_hides() {
    ctl "capture-pane -p -t run -S 49 -E 49"
    ! [[ $PANE =~ $1 ]]
}
# capture-pane drops trailing blanks, so the prompt is looked for without its space.
at_prompt() { [[ -z $(ps -o pid= --ppid "$SHELL_PID" 2>/dev/null) ]] && shows "${PROMPT% }"; }

# Sleeps until the time $1 (microseconds since the epoch), if it is still to come.
wait_until() {
    local left=$(($1 - $(now_us)))
    ((left > 0)) && pause "$(printf '0.%06d' "$left")"
    return 0
}

# Inside run_once: looks every 2 ms until the test "$@" (after the message $1) passes; past
# the run's deadline it says what did not happen and fails. A look starts every 2 ms (not 2 ms
# after the last look ended, which made it every 2.7 ms), the first after a random part of
# that: a screen that lands at any moment is seen 0-2 ms later, evenly spread, whichever
# program drew it. (With the looks' phase fixed to the key press, a program whose screen landed
# just after a look waited a whole period for the next, so medians stepped between 1.0x and
# 1.5x instead of telling how far apart two programs are.)
await() {
    local what=$1 next
    shift
    next=$(($(now_us) + RANDOM % 2000))
    while :; do
        wait_until "$next"
        "$@" && return 0
        if ((SECONDS >= deadline)); then
            echo "vs_less: $name $what within ${TIMEOUT_S}s" >&2
            return 1
        fi
        next=$((next + 2000))
    done
}

# Stops whatever the shell still runs and brings it back to a clear prompt.
recover() {
    local child
    for child in $(ps -o pid= --ppid "$SHELL_PID" 2>/dev/null || true); do
        kill "$child" 2>/dev/null || true
    done
    sleep 0.5
    for child in $(ps -o pid= --ppid "$SHELL_PID" 2>/dev/null || true); do
        kill -KILL "$child" 2>/dev/null || true
    done
    tm_keys C-c
    sleep 0.2
    tm_keys C-l
}

# Peak resident set of process $1 in KB (VmHWM), or nothing once it is gone.
hwm_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status" 2>/dev/null || true; }

# One run: the shell is cleared, `PROGRAM FILE` typed, the pane polled for NEEDLE (the first
# line), then `G` and the marker, (gloss) the end of reading, `g`, the search, the peak RSS
# and `q`. Prints "FIRST_MS G_MS MAXRSS_KB ALL_MS SEARCH_MS" ("-" for what was not timed);
# on failure says why and returns 1.
run_once() {
    local program=$1 file=$2 needle=$3 kind=$4
    local name=$kind deadline=$((SECONDS + TIMEOUT_S))
    rm -f "$file.gloss.toml" "$file.gloss.toml.bak"
    tm_keys C-l
    await "left no clear prompt" at_prompt || return 1
    until ! shows "$needle"; do pause 0.002; done
    local start launch first g=- all=- search=- pid kb
    start=$(now_us)
    launch=$start
    tm_keys "\"$program '$file'\"" Enter
    await "showed no first screen ('$needle')" shows "$needle" || return 1
    first=$(ms_since "$start")
    pid=$(ps -o pid= --ppid "$SHELL_PID" | head -n 1 | tr -d ' ')
    [[ -n $pid ]] || { echo "vs_less: $name ended by itself" >&2; return 1; }
    if shows "$MARKER"; then
        echo "vs_less: warning: $name shows the last line on its first screen" >&2
    fi
    start=$(now_us)
    tm_keys G
    await "did not show the last line after G" shows "$MARKER" || return 1
    g=$(ms_since "$start")
    # gloss shows the end before it has read the rest; RSS counts once all of it is in.
    if [[ $kind != less ]]; then
        await "did not finish reading" status_hides '· reading|shown early' || return 1
        all=$(ms_since "$launch")
    fi
    if [[ -z $FIRST_ONLY ]]; then
        # Back to the top, then search for the last line's marker (one word, only at the end).
        tm_keys g
        await "did not go back to the top" hides "$MARKER" || return 1
        start=$(now_us)
        tm_keys "/$MARKER" Enter
        # The line itself, not the query echoed on the prompt line.
        await "did not find the last line" shows_re "^ *$MARKER" || return 1
        search=$(ms_since "$start")
    fi
    kb=$(hwm_kb "$pid")
    tm_keys q
    await "did not quit after q" at_prompt || return 1
    [[ -n $kb ]] || { echo "vs_less: no VmHWM for $name" >&2; return 1; }
    echo "$first $g $kb $all $search"
}

# Median of the numbers on stdin ("-" when there are none).
median() { grep -v '^-$' | sort -n | awk '{ v[NR] = $1 } END { print NR ? v[int((NR + 1) / 2)] : "-" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2fx", a / b }'; }
mb() { awk -v kb="$1" 'BEGIN { if (kb == "-") print "-"; else printf "%.1f", kb / 1024 }'; }
per_size() {
    awk -v kb="$1" -v size="$2" 'BEGIN { if (kb == "-") print "-"; else printf "%.2fx", kb * 1024 / size }'
}

programs=(gloss less)
[[ -n $BASE ]] && programs=(gloss less base)

failed=()
rows=()
for c in $CASES; do
    file="$WORK/brief-$c.txt"
    size=$(stat -c %s "$file")
    # The first line as every program shows it: its first 40 bytes, cut back to a whole word.
    title=$(head -n 1 "$file" | head -c 40 | sed 's/ [^ ]*$//')
    for p in "${programs[@]}"; do : >"$WORK/$p.runs"; done
    for i in $(seq "$N"); do
        echo "$c run $i of $N..." >&2
        for p in "${programs[@]}"; do
            case $p in
                gloss) bin=$GLOSS ;;
                base) bin=$BASE ;;
                less) bin=less ;;
            esac
            if result=$(run_once "$bin" "$file" "$title" "$p"); then
                echo "$result" >>"$WORK/$p.runs"
                echo "  $p: first ${result%% *} ms, G $(cut -d' ' -f2 <<<"$result") ms," \
                    "peak RSS $(cut -d' ' -f3 <<<"$result") KB" >&2
            else
                failed+=("$c $p run $i")
                recover
            fi
        done
    done
    for p in "${programs[@]}"; do
        for k in 1 2 3 4 5; do
            declare "m_${p}_$k=$(cut -d' ' -f"$k" "$WORK/$p.runs" | median)"
        done
    done
    row=$(printf '%-7s %10s | %9s %9s %7s | %9s %9s %7s | %8s %8s %7s %7s | %8s | %8s %8s %7s' \
        "$c" "$size" \
        "$m_gloss_1" "$m_less_1" "$(ratio "$m_gloss_1" "$m_less_1")" \
        "$m_gloss_2" "$m_less_2" "$(ratio "$m_gloss_2" "$m_less_2")" \
        "$(mb "$m_gloss_3")" "$(mb "$m_less_3")" \
        "$(per_size "$m_gloss_3" "$size")" "$(per_size "$m_less_3" "$size")" \
        "$m_gloss_4" \
        "$m_gloss_5" "$m_less_5" "$(ratio "$m_gloss_5" "$m_less_5")")
    if [[ -n $BASE ]]; then
        row+=$(printf ' | %9s %7s %8s %7s' "$m_base_1" "$(ratio "$m_base_1" "$m_less_1")" \
            "$(mb "$m_base_3")" "$(per_size "$m_base_3" "$size")")
    fi
    rows+=("$row")
done

echo
echo "gloss vs less, a shell in a 200x50 tmux pane, median of $N runs (times in ms, RSS in MiB)"
header=$(printf '%-7s %10s | %9s %9s %7s | %9s %9s %7s | %8s %8s %7s %7s | %8s | %8s %8s %7s' \
    case bytes "1st gloss" "1st less" ratio "G gloss" "G less" ratio \
    "RSS gl" "RSS less" "gl/size" "le/size" "all read" "/ gloss" "/ less" ratio)
[[ -n $BASE ]] && header+=$(printf ' | %9s %7s %8s %7s' "1st base" ratio "RSS base" "/size")
echo "$header"
printf '%s\n' "${rows[@]}"
if ((${#failed[@]})); then
    echo
    echo "FAILED runs (left out of the medians): ${#failed[@]}"
    printf '  %s\n' "${failed[@]}"
    exit 1
fi
