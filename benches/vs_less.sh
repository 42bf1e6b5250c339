#!/usr/bin/env bash
# gloss against `less` on the same briefs, measured the way a user sees it: the real release
# binary in a real terminal (tmux, 200x50), side by side, run after run.
#
# For each case (a generated brief of 10 KB, 10 MiB or 100 MiB, seed 1, with one last line
# END-OF-BRIEF-7f3a appended) and each program, every run:
#   first screen  from pressing Enter on `exec PROGRAM FILE` until the first frame is on screen
#                 (gloss: the status bar's ` READ ` tag; less: the brief's first line);
#   G             from sending `G` after that until the last line (the marker) is on screen,
#                 whatever the program does in between (gloss may still be reading the file);
#   max RSS       from `/usr/bin/time -v`, which runs the program (one more fork/exec, the same
#                 for both), read after `q`; gloss quits only once its status bar says the
#                 whole brief is read, so its figure is the peak after reading end to end;
#   all read      (gloss) from Enter until the whole brief is read;
#   search        then, from the top (`g`), `/MARKER` and Enter sent at once, until the last
#                 line is on screen (a word found only at the very end).
# The two programs alternate so that a burst of load elsewhere hurts both alike. Both timings
# include the same tmux, shell and polling overhead (a few ms), which pulls ratios towards 1
# for small files. A run that takes longer than TIMEOUT seconds counts as failed.
#
# Usage: benches/vs_less.sh
#   N=5                          runs per case and program (median printed)
#   CASES="10KB 10MiB 100MiB"    which briefs
#   TIMEOUT=60                   seconds per run before it counts as failed
# Honours CARGO_TARGET_DIR. Needs tmux, less and GNU time (`apt-get install -y time`).

set -euo pipefail

cd "$(dirname "$0")/.."
N=${N:-5}
CASES=${CASES:-"10KB 10MiB 100MiB"}
TIMEOUT_S=${TIMEOUT:-60}
SEED=1
MARKER=END-OF-BRIEF-7f3a
TIME=/usr/bin/time
SOCKET="gloss-vs-less-$$"
PROMPT='bench$ '

die() {
    echo "vs_less: $*" >&2
    exit 1
}

bytes_of() {
    case $1 in
        10KB) echo 10000 ;;
        10MiB) echo $((10 * 1024 * 1024)) ;;
        100MiB) echo $((100 * 1024 * 1024)) ;;
        *) return 1 ;;
    esac
}

for c in $CASES; do
    bytes_of "$c" >/dev/null || die "unknown case '$c' (known: 10KB 10MiB 100MiB)"
done
[[ $N =~ ^[1-9][0-9]*$ ]] || die "N must be a whole number above 0, not '$N'"
for tool in tmux less; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
done
if [[ ! -x $TIME ]] || ! "$TIME" -v -o /dev/null true 2>/dev/null; then
    die "GNU time is needed at $TIME for the peak memory (apt-get install -y time)"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/gloss-vs-less.XXXXXX")
# Every process a run starts (time and the program under it), so none outlives the script.
PIDS="$WORK/pids"
: >"$PIDS"

tm() { tmux -L "$SOCKET" -f /dev/null "$@"; }

cleanup() {
    local pid
    while read -r pid; do
        kill "$pid" 2>/dev/null || true
    done <"$PIDS"
    sleep 0.2
    while read -r pid; do
        kill -KILL "$pid" 2>/dev/null || true
    done <"$PIDS"
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
screen() { tm capture-pane -p -t run; }

echo "building the release binary..." >&2
GLOSS=$(cargo build --release --bin gloss --message-format=json-render-diagnostics \
    | grep -o '"executable":"[^"]*"' | tail -1 | cut -d'"' -f4)
[[ -n "$GLOSS" && -x "$GLOSS" ]] || die "cannot find the gloss binary after building"

for c in $CASES; do
    echo "generating the $c brief..." >&2
    file="$WORK/brief-$c.txt"
    cargo bench -q --bench gen_corpus -- "$file" "$(bytes_of "$c")" "$SEED" >&2
    printf '%s\n' "$MARKER" >>"$file"
done

# Ends process `pid` (and its children) if `q` did not, waiting up to `wait` hundredths of
# a second for it to go by itself first. Returns 1 if it had to be killed.
reap() {
    local pid=$1 wait=$2 child
    for _ in $(seq "$wait"); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.01
    done
    kill -0 "$pid" 2>/dev/null || return 0
    local children
    children=$(ps -o pid= --ppid "$pid" 2>/dev/null || true)
    for child in $children; do
        kill "$child" 2>/dev/null || true
    done
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.01
    done
    for child in $children $pid; do
        kill -KILL "$child" 2>/dev/null || true
    done
    return 1
}

# Ends the run's session and forgets its processes once they are gone.
end_run() {
    local pid=$1
    tm kill-session -t run 2>/dev/null || true
    kill -0 "$pid" 2>/dev/null || : >"$PIDS"
}

# Whether the pane shows the text $1; the same for an extended regex; the opposite of that.
shows() { screen | grep -qF -- "$1"; }
shows_re() { screen | grep -qE -- "$1"; }
hides_re() { ! shows_re "$1"; }

# Inside run_once: polls until the test "$@" (after the message $1) passes; past the run's
# deadline it says what did not happen, cleans up and fails.
await() {
    local what=$1
    shift
    until "$@"; do
        if ((SECONDS >= deadline)); then
            echo "vs_less: $name $what within ${TIMEOUT_S}s" >&2
            reap "$pid" 0 || true
            end_run "$pid"
            return 1
        fi
        sleep 0.002
    done
}

# One run: a fresh 200x50 session with a bare shell; `exec time -v PROGRAM FILE` is typed,
# the pane is polled for NEEDLE, then `G` is sent and the pane polled for the marker, then
# (gloss) until the status bar says the whole brief is read, then `q`. Prints
# "FIRST_MS G_MS MAXRSS_KB ALL_MS SEARCH_MS" (ALL_MS: from Enter until the whole brief is read, gloss
# only, "-" for less); on failure says why and returns 1.
run_once() {
    local program=$1 file=$2 needle=$3 rss="$WORK/rss"
    rm -f "$rss"
    tm new-session -d -s run -x 200 -y 50 \
        "env PS1='$PROMPT' LESS= LESSOPEN= LESSCLOSE= HISTFILE=/dev/null bash --norc --noprofile"
    local deadline=$((SECONDS + TIMEOUT_S))
    # capture-pane drops trailing blanks, so look for the prompt without its space.
    until screen | grep -qF "${PROMPT% }"; do
        if ((SECONDS >= deadline)); then
            echo "vs_less: the shell never started" >&2
            tm kill-session -t run 2>/dev/null || true
            return 1
        fi
        sleep 0.01
    done
    # The shell becomes `time` (exec), which runs the program as its child.
    local pid
    pid=$(tm display-message -p -t run '#{pane_pid}')
    echo "$pid" >>"$PIDS"
    local name=${program##*/} start launch first g all=- search
    start=$(now_us)
    launch=$start
    tm send-keys -t run "exec $TIME -v -o '$rss' $program '$file'" Enter
    await "showed no first screen ('$needle')" shows "$needle" || return 1
    first=$(ms_since "$start")
    ps -o pid= --ppid "$pid" >>"$PIDS" 2>/dev/null || true
    if shows "$MARKER"; then
        echo "vs_less: warning: $name shows the last line on its first screen" >&2
    fi
    start=$(now_us)
    tm send-keys -t run G
    await "did not show the last line after G" shows "$MARKER" || return 1
    g=$(ms_since "$start")
    # gloss shows the end before it has read the rest; RSS counts once all of it is in.
    if [[ $name == gloss ]]; then
        await "did not finish reading" hides_re '· reading|shown early' || return 1
        all=$(ms_since "$launch")
    fi
    # Back to the top, then search for the last line's marker (one word, only at the end).
    tm send-keys -t run g
    await "did not go back to the top" hides_re "$MARKER" || return 1
    start=$(now_us)
    tm send-keys -t run "/$MARKER" Enter
    # The line itself, not the query echoed on the prompt line.
    await "did not find the last line" shows_re "^ *$MARKER" || return 1
    search=$(ms_since "$start")
    tm send-keys -t run q
    # Quitting ends the pane's only process; killing the session first would leave the
    # program on a vanished terminal.
    local quit=yes
    reap "$pid" 2000 || quit=
    end_run "$pid"
    local kb
    kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$rss" 2>/dev/null || true)
    if [[ -z $quit || -z $kb ]]; then
        echo "vs_less: $name did not quit within 20 s of q" >&2
        return 1
    fi
    echo "$first $g $kb $all $search"
}

# Median of the numbers on stdin ("-" when there are none).
median() { sort -n | awk '{ v[NR] = $1 } END { print NR ? v[int((NR + 1) / 2)] : "-" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.1fx", a / b }'; }
mb() { awk -v kb="$1" 'BEGIN { if (kb == "-") print "-"; else printf "%.1f", kb / 1024 }'; }
per_size() {
    awk -v kb="$1" -v size="$2" 'BEGIN { if (kb == "-") print "-"; else printf "%.2fx", kb * 1024 / size }'
}

failed=()
rows=()
for c in $CASES; do
    file="$WORK/brief-$c.txt"
    size=$(stat -c %s "$file")
    title=$(head -c 40 "$file" | head -n 1)
    : >"$WORK/gloss.runs"
    : >"$WORK/less.runs"
    for i in $(seq "$N"); do
        echo "$c run $i of $N..." >&2
        for p in gloss less; do
            if [[ $p == gloss ]]; then
                result=$(run_once "$GLOSS" "$file" " READ ") || result=
            else
                result=$(run_once less "$file" "$title") || result=
            fi
            if [[ -n $result ]]; then
                echo "$result" >>"$WORK/$p.runs"
                echo "  $p: first ${result%% *} ms, G $(cut -d' ' -f2 <<<"$result") ms," \
                    "max RSS $(cut -d' ' -f3 <<<"$result") KB" >&2
            else
                failed+=("$c $p run $i")
            fi
        done
    done
    for p in gloss less; do
        for k in 1 2 3 4 5; do
            declare "m_${p}_$k=$(cut -d' ' -f"$k" "$WORK/$p.runs" | median)"
        done
    done
    rows+=("$(printf '%-7s %10s | %9s %9s %7s | %9s %9s %7s | %8s %8s %7s %7s | %8s | %8s %8s %7s' \
        "$c" "$size" \
        "$m_gloss_1" "$m_less_1" "$(ratio "$m_gloss_1" "$m_less_1")" \
        "$m_gloss_2" "$m_less_2" "$(ratio "$m_gloss_2" "$m_less_2")" \
        "$(mb "$m_gloss_3")" "$(mb "$m_less_3")" \
        "$(per_size "$m_gloss_3" "$size")" "$(per_size "$m_less_3" "$size")" \
        "$m_gloss_4" \
        "$m_gloss_5" "$m_less_5" "$(ratio "$m_gloss_5" "$m_less_5")")")
done

echo
echo "gloss vs less, 200x50 tmux, median of $N runs (times in ms, RSS in MB)"
printf '%-7s %10s | %9s %9s %7s | %9s %9s %7s | %8s %8s %7s %7s | %8s | %8s %8s %7s\n' \
    case bytes "1st gloss" "1st less" ratio "G gloss" "G less" ratio \
    "RSS gl" "RSS less" "gl/size" "le/size" "all read" "/ gloss" "/ less" ratio
printf '%s\n' "${rows[@]}"
if ((${#failed[@]})); then
    echo
    echo "FAILED runs (left out of the medians): ${#failed[@]}"
    printf '  %s\n' "${failed[@]}"
    exit 1
fi
