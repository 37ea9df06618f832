#!/usr/bin/env bash
# Regenerates every measured number and every output block in the book, from
# release runs on this machine, in one go:
#
#   1. one release build of the workspace;
#   2. $runs runs of each chapter's measurements and of the Python-against-
#      Rust comparison (Rust only when python3 is missing), taken in turn so
#      that a moment of load touches one run of each, not all of them: each
#      run's records (JSON lines) go to its own folder, run-<k>/<crate>.jsonl;
#   3. the check: the `results` command merges the runs (each row: the run
#      with the median wall time) and refuses them, naming the experiment,
#      when an experiment spreads over its bound (10 % for most: the cores
#      a CPU-bound row kept busy, else its wall time, see book/checks/merge.rs)
#      or a verdict differs between runs. Then nothing is
#      changed: the committed results stay as they were, the runs are kept
#      in target/measure-refused/ to look at, and this script exits 1;
#   4. otherwise the runs replace book/results/ (committed: the source of the
#      pages' numbers); of each program's runs, the one with the median total
#      wall time is the one the book shows: its tables, with their takeaways
#      and spreads, and the one-value files the pages include are rendered
#      (book/src/results/), and the pictures that run drew replace those in
#      book/src/pictures/;
#   5. the real runs the pages show (book/src/output/), captured from the
#      commands the snapshots record, and the page stamp.
#
# Then `cargo run --release -p course-book --bin results -- --claims` says
# which of the book's sentences your runs confirm and which they contradict.
#
# A side set: the same runs made on purpose under a condition (one core, a
# loaded machine), kept beside the book's to hold its sentences to other
# machines (book/tests/claims.rs). It replaces nothing of the book:
#
#   taskset -c 0 bash book/measure.sh --set one-core --runs 1 \
#       --label "pinned to one core with taskset -c 0"
#
# writes book/results/sets/one-core/ (its runs, provenance with the label,
# and the pictures of its shown run) and skips the noise check.
#
# Run it with nothing else busy: the programs measure wall time and CPU time,
# and other work steals both. It prints how long it took; keep it under about
# 15 minutes on 2 cores. Then `cargo test -p course-book` checks the captures.
#
#   bash book/measure.sh [--set NAME] [--runs N] [--label TEXT]
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

# Runs of every measurement: their median is shown, their spread checked.
runs=3
set_name=
label=
while [ $# -gt 0 ]; do
    case $1 in
    --set) set_name=$2 ;;
    --runs) runs=$2 ;;
    --label) label=$2 ;;
    *)
        echo "usage: bash book/measure.sh [--set NAME] [--runs N] [--label TEXT]" >&2
        exit 2
        ;;
    esac
    shift 2
done
measured=$(mktemp -d)
trap 'rm -rf "$measured"' EXIT
# `run -p PACKAGE [--bin NAME] -- ARGS` runs the release binary the one
# workspace build made (a `cargo run -p` would build each package again with
# its own features, minutes lost to compiling in the first run).
release=${CARGO_TARGET_DIR:-target}/release
run() {
    printf '\n=== %s\n' "$*" >&2
    local from=$SECONDS binary=$2
    shift 2
    if [ "${1:-}" = --bin ]; then
        binary=$2
        shift 2
    fi
    if [ "${1:-}" = -- ]; then
        shift
    fi
    "$release/$binary" "$@"
    printf '=== took %d s\n' $((SECONDS - from)) >&2
}

cargo build --quiet --release --workspace
run -p course-book --bin results -- --stamp --records "$measured" ${label:+--label "$label"}
for k in $(seq 1 "$runs"); do
    results=$measured/run-$k
    # Each run's pictures apart: the book shows those of the median run.
    pictures=$measured/pictures/run-$k
    mkdir -p "$results" "$pictures"
    printf '\n##### run %d of %d\n' "$k" "$runs" >&2
    run -p chapter-02-mixed-tasks -- --all-runtimes --ticks 5 --json "$results/chapter-02-mixed-tasks.jsonl" \
        --pictures "$pictures"
    run -p chapter-03-cpu-bound -- --workload both --json "$results/chapter-03-cpu-bound.jsonl" \
        --pictures "$pictures"
    run -p chapter-04-parallelism -- --pictures "$pictures" --json "$results/chapter-04-parallelism.jsonl"
    # The algorithms are a second run of chapter 4; their records join the first's.
    algorithms=$measured/algorithms.jsonl
    run -p chapter-04-parallelism -- --algorithms --pictures "$pictures" --json "$algorithms"
    cat "$algorithms" >>"$results/chapter-04-parallelism.jsonl"
    rm "$algorithms"
    run -p chapter-05-cancellation-and-backpressure -- --pictures "$pictures" --json "$results/chapter-05-cancellation-and-backpressure.jsonl"
    # The comparison prints its records on stdout with --json (its commentary
    # goes to stderr).
    printf '\n=== compare --json\n' >&2
    from=$SECONDS
    "$release/compare" --json >"$results/python-vs-rust.jsonl"
    printf '=== took %d s\n' $((SECONDS - from)) >&2
done

if [ -n "$set_name" ]; then
    set_dir=book/results/sets/$set_name
    rm -rf "$set_dir"
    mkdir -p "$set_dir"
    mv "$measured"/run-* "$measured/provenance.txt" "$set_dir"/
    run -p course-book --bin results -- --records "$set_dir" --side-set --pictures "$measured/pictures"
    printf '\nmeasure.sh: side set %s written in %d s\n' "$set_dir" $((SECONDS - started)) >&2
    exit 0
fi

# Too noisy: say so and change nothing. (Not through `run`, whose status is
# its last printf's.)
printf '\n=== results --check\n' >&2
if ! "$release/results" --records "$measured" --check; then
    refused=target/measure-refused
    rm -rf "$refused"
    mkdir -p "$refused"
    mv "$measured"/* "$refused"/
    printf '\nmeasure.sh: the runs were refused (see above); the book is unchanged, the runs are in %s (%d s)\n' \
        "$refused" $((SECONDS - started)) >&2
    exit 1
fi
# The book's runs are replaced; the side sets (book/results/sets/) stay.
rm -rf book/results/run-* book/results/provenance.txt book/results/pictures.txt
mkdir -p book/results
mv "$measured"/run-* "$measured/provenance.txt" book/results/
run -p course-book --bin results -- --pictures "$measured/pictures"
run -p course-book --bin capture
printf '\nmeasure.sh: everything regenerated in %d s\n' $((SECONDS - started)) >&2
