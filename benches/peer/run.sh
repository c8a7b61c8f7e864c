#!/usr/bin/env bash
# Peer benchmark: `northwind run` against a pandas/numpy/scipy implementation
# of the same window and circular-shift tests (benches/peer/peer.py).
#
# Run from anywhere, e.g. from the repository root:  bash benches/peer/run.sh
#
# Environment (all optional):
#   SIZES          announcement counts to test          (default "10000 1000000")
#   REPEATS        timed runs per tool and size; the median wall time and the
#                  largest peak RSS are reported          (default 5)
#   SEED           seed of `northwind synth`              (default 20160408)
#   PEER_VENV      virtualenv for the Python side         (default /var/tmp/northwind-peer-venv)
#   PYTHON         interpreter that creates the venv      (default python3)
#   NORTHWIND_BIN  use this northwind binary and skip `cargo build`
#   CARGO_TARGET_DIR  respected by the build step (binary: $CARGO_TARGET_DIR/release/northwind)
#   WORK_DIR       scratch directory for inputs and reports (default: a new mktemp -d,
#                  removed at the end unless KEEP_WORK=1)
#   STEP_TIMINGS   1 (default) = one extra, untimed run of each tool per size that
#                  records where the time goes; 0 = skip
#
# Output: a Markdown table on stdout and in benches/peer/results.md.
# Exit status: 0 if every size agreed, 3 if northwind and Python disagreed on some
# size (results.md is written either way), anything else on a failure.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SIZES="${SIZES:-10000 1000000}"
REPEATS="${REPEATS:-5}"
SEED="${SEED:-20160408}"
PEER_VENV="${PEER_VENV:-/var/tmp/northwind-peer-venv}"
PYTHON="${PYTHON:-python3}"
STEP_TIMINGS="${STEP_TIMINGS:-1}"
RESULTS="$HERE/results.md"
TIME=/usr/bin/time   # GNU time: the shell keyword cannot report peak RSS

log() { printf '[peer] %s\n' "$*" >&2; }

[[ -x "$TIME" ]] || { log "GNU time is needed at $TIME (apt-get install time)"; exit 1; }

# --- scratch directory -------------------------------------------------------
if [[ -n "${WORK_DIR:-}" ]]; then
    WORK="$WORK_DIR"
    mkdir -p "$WORK"
else
    WORK="$(mktemp -d "${TMPDIR:-/tmp}/northwind-peer.XXXXXX")"
    if [[ "${KEEP_WORK:-0}" != 1 ]]; then
        trap 'rm -rf "$WORK"' EXIT
    fi
fi
log "scratch directory: $WORK"

# --- Python side: virtualenv with pinned requirements -------------------------
if [[ ! -x "$PEER_VENV/bin/python" ]]; then
    log "creating virtualenv $PEER_VENV"
    "$PYTHON" -m venv "$PEER_VENV"
fi
log "installing $HERE/requirements.txt"
"$PEER_VENV/bin/python" -m pip install --quiet -r "$HERE/requirements.txt"
PY="$PEER_VENV/bin/python"

# --- northwind: build, or a given binary --------------------------------------
if [[ -n "${NORTHWIND_BIN:-}" ]]; then
    NW="$NORTHWIND_BIN"
    log "using NORTHWIND_BIN=$NW (no cargo build)"
else
    log "cargo build --release --locked"
    (cd "$ROOT" && cargo build --release --locked --quiet)
    target="${CARGO_TARGET_DIR:-target}"
    [[ "$target" = /* ]] || target="$ROOT/$target"   # cargo resolves it from the root
    NW="$target/release/northwind"
fi
[[ -x "$NW" ]] || { log "no northwind binary at $NW"; exit 1; }
NW="$(cd "$(dirname "$NW")" && pwd)/$(basename "$NW")"

# --- helpers ---------------------------------------------------------------------

# timed OUTFILE CMD...: runs CMD with GNU time, appends "wall_s maxrss_kb" to OUTFILE.
# The wall time is read from the nanosecond clock around the command (GNU time's %e has
# a resolution of 10 ms, too coarse for runs of 50 ms); GNU time gives the peak RSS.
# northwind runs in $WORK so that no northwind.toml in the caller's directory
# changes its settings: both tools use the built-in defaults.
timed() {
    local out="$1"
    shift
    local one="$WORK/time.one" start end
    sync   # no dirty pages of an earlier run left to write back during this one
    start="$(date +%s%N)"
    (cd "$WORK" && "$TIME" -f '%M' -o "$one" "$@" >/dev/null)
    end="$(date +%s%N)"
    printf '%s %s\n' "$(awk -v ns="$((end - start))" 'BEGIN {printf "%.3f", ns / 1e9}')" \
        "$(tail -1 "$one")" >>"$out"
}

# median_wall FILE / max_rss_mb FILE: summaries of the "wall rss" lines of timed.
median_wall() {
    sort -n -k1,1 "$1" | awk '{w[NR] = $1} END {print (NR % 2 ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2)}'
}
max_rss_mb() { awk '$2 > m {m = $2} END {printf "%.0f", m / 1024}' "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "n/a"}'; }

# step_timings SIZE DIR A E: one extra run of each tool showing where the time goes
# (northwind prints each step's wall time when NORTHWIND_TIMINGS=1).
step_timings() {
    local size="$1" dir="$2" ann="$3" ev="$4" mode
    {
        printf '\n### Where the time goes, N = %s (one extra run each)\n\n' "$size"
        for mode in tables full; do
            local flags=()
            [[ "$mode" == tables ]] && flags=(--no-charts --no-joined)
            rm -rf "$dir/nw-steps"
            printf 'northwind, %s (per step):\n\n```\n' "$mode"
            (cd "$WORK" && NORTHWIND_TIMINGS=1 "$NW" run --quiet "${flags[@]}" --announcements "$ann" \
                --events "$ev" --out "$dir/nw-steps" 2>&1 >/dev/null) | sed 's/^northwind: /  /'
            printf '```\n\n'
        done
        printf 'python (per step):\n\n```\n'
        { "$PY" "$HERE/peer.py" --announcements "$ann" --events "$ev" --out "$dir/py-steps" --timings >/dev/null; } 2>&1
        printf '```\n'
    } >>"$WORK/steps.md"
}

# --- the benchmark ----------------------------------------------------------------
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
table="$WORK/table.md"
{
    echo "| size (announcements) | northwind tables wall (s) | northwind tables peak (MB) | northwind full wall (s) | northwind full peak (MB) | python wall (s) | python peak (MB) | wall ratio (python / northwind tables) | memory ratio (python / northwind tables) | wall ratio (python / northwind full) | results agree |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---|"
} >"$table"
: >"$WORK/agreement.txt"
: >"$WORK/raw.txt"
: >"$WORK/steps.md"
status=0

for n in $SIZES; do
    dir="$WORK/n$n"
    mkdir -p "$dir"
    log "N=$n: northwind synth (seed $SEED)"
    "$NW" synth --out "$dir/input" --announcements "$n" --seed "$SEED" --force >/dev/null
    ann="$dir/input/announcements.csv"
    ev="$dir/input/events.csv"

    : >"$dir/nw.times"
    : >"$dir/full.times"
    : >"$dir/py.times"
    for ((i = 1; i <= REPEATS; i++)); do
        # No previous report to replace: northwind would delete it inside the timed run.
        rm -rf "$dir/nw" "$dir/full" "$dir/py"
        log "N=$n: run $i/$REPEATS: northwind run --no-charts --no-joined (every test and table)"
        timed "$dir/nw.times" "$NW" run --announcements "$ann" --events "$ev" --out "$dir/nw" --quiet \
            --no-charts --no-joined
        log "N=$n: run $i/$REPEATS: northwind run (full report: tables, joined.csv and charts)"
        timed "$dir/full.times" "$NW" run --announcements "$ann" --events "$ev" --out "$dir/full" --quiet
        log "N=$n: run $i/$REPEATS: python peer.py"
        timed "$dir/py.times" "$PY" "$HERE/peer.py" --announcements "$ann" --events "$ev" --out "$dir/py"
    done

    events="$(($(wc -l <"$ev") - 1))"
    log "N=$n: comparing window_tests.csv"
    cmp -s "$dir/nw/tables/window_tests.csv" "$dir/full/tables/window_tests.csv" \
        || { log "N=$n: the tables-only and full northwind runs differ"; exit 1; }
    if verdict="$("$PY" "$HERE/compare.py" "$dir/nw/tables/window_tests.csv" "$dir/py/window_tests.csv")"; then
        agree="yes"
    else
        agree="**no**"
        status=3
    fi
    fence='```'
    printf '#### N = %s\n\n%s\n%s\n%s\n\n' "$n" "$fence" "$verdict" "$fence" >>"$WORK/agreement.txt"
    printf '%s\n' "$verdict" | head -1 >&2

    runs() { awk '{printf "%s%s s / %.0f MB", (NR > 1 ? ", " : ""), $1, $2 / 1024}' "$1"; }
    printf -- '- N = %s: northwind tables %s; northwind full %s; python %s\n' "$n" \
        "$(runs "$dir/nw.times")" "$(runs "$dir/full.times")" "$(runs "$dir/py.times")" >>"$WORK/raw.txt"
    nw_wall="$(median_wall "$dir/nw.times")"
    nw_mb="$(max_rss_mb "$dir/nw.times")"
    full_wall="$(median_wall "$dir/full.times")"
    full_mb="$(max_rss_mb "$dir/full.times")"
    py_wall="$(median_wall "$dir/py.times")"
    py_mb="$(max_rss_mb "$dir/py.times")"
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$nw_wall" "$nw_mb" \
        "$full_wall" "$full_mb" "$py_wall" "$py_mb" "$(ratio "$py_wall" "$nw_wall")" \
        "$(ratio "$py_mb" "$nw_mb")" "$(ratio "$py_wall" "$full_wall")" "$agree" >>"$table"

    if [[ "$STEP_TIMINGS" == 1 ]]; then
        log "N=$n: step timings"
        step_timings "$n" "$dir" "$ann" "$ev"
    fi
    # Reports of large sizes are big (joined.csv, timeline.svg): free the space.
    rm -rf "$dir/nw" "$dir/full" "$dir/py" "$dir/nw-steps" "$dir/py-steps"
done

# --- report ---------------------------------------------------------------------------
cpu="$(lscpu | sed -n 's/^Model name: *//p' | head -1)"
mem="$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
# shellcheck source=/dev/null
os="$(. /etc/os-release && echo "$PRETTY_NAME")"
versions="$("$PY" -c 'import sys, numpy, pandas, scipy; print(f"Python {sys.version.split()[0]}, pandas {pandas.__version__}, numpy {numpy.__version__}, scipy {scipy.__version__}")')"
{
    echo "# Peer benchmark: northwind vs Python (pandas/numpy/scipy)"
    echo
    echo "Generated by \`bash benches/peer/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'). See README.md beside this file."
    echo
    echo "- Machine: $(nproc) CPUs ($cpu), $mem RAM, $os, kernel $(uname -r)"
    echo "- northwind: $("$NW" --version) ($NW)"
    echo "- Python side: $versions"
    echo "- Inputs: \`northwind synth --announcements N --seed $SEED\` (30 years, $events events in 3 groups)"
    echo "- Each tool run $REPEATS times per size: median wall time (nanosecond clock around the process), largest peak RSS (GNU time %M)"
    echo "- Load average before / after the benchmark: $load_before / $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "northwind tables: \`northwind run --quiet --no-charts --no-joined\`: every test and table of the report"
    echo "(window, shift, binomial, peri-event histograms with exact envelopes, phase, weekday,"
    echo "Poisson regression, delay summary), summary.json, summary.md and index.html; no charts and"
    echo "no joined.csv. This is the like-for-like comparison: it does at least the Python side's work."
    echo
    echo "northwind full: \`northwind run --quiet\`, the whole report, with every chart (PNG and SVG)"
    echo "and tables/joined.csv (one row per announcement)."
    echo
    echo "Python: \`peer.py\`, the window, binomial and exact circular-shift tests only."
    echo
    cat "$table"
    echo
    echo "Every run (wall / peak RSS), in order:"
    echo
    cat "$WORK/raw.txt"
    echo
    echo "## Agreement (window_tests.csv; integers equal, floats within relative 1e-9)"
    echo
    cat "$WORK/agreement.txt"
    cat "$WORK/steps.md"
} >"$RESULTS"

echo
cat "$table"
log "wrote $RESULTS"
if [[ "$status" != 0 ]]; then
    log "northwind and Python DISAGREE on some size: see $RESULTS"
fi
exit "$status"
