#!/usr/bin/env bash
# Throughput of `zos-schema validate` on a generated corpus, against a bare serde_json
# parse of the same files (schema-cli/examples/bare_parse.rs) and, when it is
# installed, `jsonschema-cli` with our emitted schemas.
#
#   bench/run.sh [N] [OUT_DIR]        (defaults: 10000 documents, bench/out)
#   FAULTY=10 bench/run.sh            (a tenth of the documents with one fault each)
#
# Writes the corpus with `cargo run -p schemas --example corpus -- DIR N` (kept between
# runs), builds release binaries, warms the page cache, then times each command
# RUNS times (default 5) and keeps the best (least disturbed) run. Prints a table and
# writes it to OUT_DIR/results.txt. Targets: zos-schema --jobs 1 at least 0.7x the bare
# parse, at least 3x jsonschema-cli, and --jobs 2 at least 1.7x --jobs 1.
set -euo pipefail

cd "$(dirname "$0")/.."
N=${1:-10000}
OUT=${2:-bench/out}
RUNS=${RUNS:-5}
FAULTY=${FAULTY:-0}
CORPUS="$OUT/corpus-$N"
if [ "$FAULTY" != 0 ]; then CORPUS="$OUT/corpus-$N-faulty-$FAULTY"; fi

mkdir -p "$OUT"
echo "== building (release)" >&2
cargo build --release --quiet -p schema-cli --bin zos-schema --example bare_parse
cargo build --release --quiet -p schemas --example corpus
BIN=target/release/zos-schema
BARE=target/release/examples/bare_parse

if [ ! -f "$CORPUS/.complete" ]; then
    echo "== writing $N documents to $CORPUS" >&2
    rm -rf "$CORPUS"
    target/release/examples/corpus "$CORPUS" "$N" 0 --faulty "$FAULTY" >&2
    touch "$CORPUS/.complete"
fi
DOCS=$(find "$CORPUS" -name '*.json' | wc -l)
BYTES=$(find "$CORPUS" -name '*.json' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
cat "$CORPUS"/*.json > /dev/null # page cache

# best_of CMD...: the fastest wall-clock time of RUNS runs, in seconds. Exit status 0
# (all valid) and 1 (some invalid) are both normal here; anything else stops the run.
best_of() {
    local best="" start end t rc
    for _ in $(seq "$RUNS"); do
        start=$(date +%s.%N)
        rc=0
        "$@" > /dev/null 2>&1 || rc=$?
        end=$(date +%s.%N)
        if [ "$rc" -gt 1 ]; then
            echo "failed ($rc): $*" >&2
            exit 2
        fi
        t=$(echo "$end - $start" | bc -l)
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
    done
    echo "$best"
}

row() { # name seconds
    printf '%-34s %8.3f s %9.0f docs/s %8.1f MiB/s\n' "$1" "$2" \
        "$(echo "$DOCS / $2" | bc -l)" "$(echo "$BYTES / $2 / 1048576" | bc -l)"
}
ratio() { echo "$1 / $2" | bc -l | xargs printf '%.2f'; }

echo "== timing ($RUNS runs each, best kept)" >&2
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
T_BARE1=$(best_of "$BARE" "$CORPUS" --jobs 1)
T_BARE2=$(best_of "$BARE" "$CORPUS" --jobs 2)
T_ZOS1=$(best_of "$BIN" validate --jobs 1 --format json "$CORPUS")
T_ZOS2=$(best_of "$BIN" validate --jobs 2 --format json "$CORPUS")
T_ZOS=$(best_of "$BIN" validate --format json "$CORPUS")

T_JS=""
JS_NOTE="jsonschema-cli: not installed (cargo install jsonschema-cli), skipped"
if command -v jsonschema-cli > /dev/null; then
    # One jsonschema-cli call per type, with every instance of that type: the corpus
    # names its files <index>.<Type>[.<fault>].json.
    SCHEMAS="$OUT/schemas"
    "$BIN" schema --all --out "$SCHEMAS" 2> /dev/null
    js_all() {
        local rc=0 t
        for t in $(ls "$CORPUS" | grep '\.json$' | cut -d. -f2 | sort -u); do
            # shellcheck disable=SC2046
            jsonschema-cli validate "$SCHEMAS/$t.json" --offline --errors-only \
                -i $(ls "$CORPUS"/*."$t".json "$CORPUS"/*."$t".*.json 2> /dev/null) > /dev/null 2>&1 || rc=1
        done
        return $rc
    }
    T_JS=$(best_of js_all)
    JS_NOTE="jsonschema-cli: $(jsonschema-cli --version 2>/dev/null | head -1)"
fi

{
    echo "corpus: $DOCS documents ($FAULTY % with a fault), $BYTES bytes ($CORPUS); machine: $(nproc) cores; best of $RUNS runs"
    echo "load average before/after: $LOAD_BEFORE / $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews the 2-thread figures)"
    row "bare serde_json parse, 1 thread" "$T_BARE1"
    row "bare serde_json parse, 2 threads" "$T_BARE2"
    row "zos-schema validate --jobs 1" "$T_ZOS1"
    row "zos-schema validate --jobs 2" "$T_ZOS2"
    row "zos-schema validate (all cores)" "$T_ZOS"
    if [ -n "$T_JS" ]; then row "jsonschema-cli (one call per type)" "$T_JS"; fi
    echo "$JS_NOTE"
    echo "zos-schema --jobs 1 vs bare parse (1 thread):   $(ratio "$T_BARE1" "$T_ZOS1")x  (target >= 0.7x)"
    echo "zos-schema --jobs 2 vs bare parse (2 threads):  $(ratio "$T_BARE2" "$T_ZOS2")x"
    echo "zos-schema --jobs 2 vs --jobs 1 (speed-up):     $(ratio "$T_ZOS1" "$T_ZOS2")x  (target >= 1.7x)"
    if [ -n "$T_JS" ]; then
        echo "zos-schema (all cores) vs jsonschema-cli:       $(ratio "$T_JS" "$T_ZOS")x  (target >= 3x)"
    fi
} | tee "$OUT/results.txt"
