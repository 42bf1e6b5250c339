# Shared by benches/vs_less.sh and benches/first_frame.sh (sourced, not run): the brief sizes
# they know, the gloss binary they time and the generated briefs they time it on. Each script
# defines `die` before sourcing this.

# Bytes of the brief of case $1 (10KB, 10MiB or 100MiB); fails for any other name.
bytes_of() {
    case $1 in
        10KB) echo 10000 ;;
        10MiB) echo $((10 * 1024 * 1024)) ;;
        100MiB) echo $((100 * 1024 * 1024)) ;;
        *) return 1 ;;
    esac
}

# Refuses any case of the list $1 that bytes_of does not know.
check_cases() {
    local c
    for c in $1; do
        bytes_of "$c" >/dev/null || die "unknown case '$c' (known: 10KB 10MiB 100MiB)"
    done
}

# The absolute path of the gloss binary $1, or of the release binary built now when $1 is
# empty.
gloss_binary() {
    local bin=$1
    if [[ -z $bin ]]; then
        echo "building the release binary..." >&2
        bin=$(cargo build --release --bin gloss --message-format=json-render-diagnostics \
            | grep -o '"executable":"[^"]*"' | tail -1 | cut -d'"' -f4)
    fi
    [[ -n "$bin" && -x "$bin" ]] || die "cannot find the gloss binary ($bin)"
    realpath "$bin"
}

# Writes the generated brief of case $2 and seed $3 to $1, with the corpus generator $GEN
# when it is set, else through `cargo bench`.
make_brief() {
    echo "generating the $2 brief..." >&2
    if [[ -n ${GEN:-} ]]; then
        "$GEN" "$1" "$(bytes_of "$2")" "$3" >&2
    else
        cargo bench -q --bench gen_corpus -- "$1" "$(bytes_of "$2")" "$3" >&2
    fi
}
