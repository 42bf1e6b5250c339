#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60) and prints executions and findings.
# Needs cargo-fuzz (`cargo install cargo-fuzz`). On a stable toolchain RUSTC_BOOTSTRAP=1 lets
# cargo-fuzz use the -Z flags it needs; a nightly toolchain works without it.
# Usage: fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(brief html sidecar theme keymap codebook reanchor merge)
fi
export RUSTC_BOOTSTRAP="${RUSTC_BOOTSTRAP:-1}"
mkdir -p logs
cargo fuzz build
status=0
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t" "seeds/$t"
    log="logs/$t.log"
    if cargo fuzz run "$t" "corpus/$t" "seeds/$t" -- -max_total_time="$secs" \
        -max_len=65536 -timeout=10 -rss_limit_mb=2048 >"$log" 2>&1; then
        result="no crash"
    else
        result="FOUND (see fuzz/$log and fuzz/artifacts/$t/)"
        status=1
    fi
    execs=$(grep -o 'Done [0-9]* runs' "$log" | grep -o '[0-9]*' | tail -1 || true)
    echo "$t: ${execs:-?} executions in ${secs} s, $result"
done
exit $status
