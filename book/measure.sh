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
#      when an experiment's wall times spread over its bound (10 % for the
#      CPU-bound ones) or a verdict differs between runs. Then nothing is
#      changed: the committed results stay as they were, the runs are kept
#      in target/measure-refused/ to look at, and this script exits 1;
#   4. otherwise the runs replace book/results/ (committed: the source of the
#      pages' numbers), the pictures the programs drew (from the last run)
#      replace book/src/pictures/, and the tables, with their takeaways and
#      spreads, and the one-value files the pages include are rendered
#      (book/src/results/);
#   5. the real runs the pages show (book/src/output/), captured from the
#      commands the snapshots record, and the page stamp.
#
# Run it with nothing else busy: the programs measure wall time and CPU time,
# and other work steals both. It prints how long it took; keep it under about
# 15 minutes on 2 cores. Then `cargo test -p course-book` checks the captures.
#
#   bash book/measure.sh
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

# Runs of every measurement: their median is shown, their spread checked.
runs=3
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
run -p course-book --bin results -- --stamp --records "$measured"
for k in $(seq 1 "$runs"); do
    results=$measured/run-$k
    pictures=$measured/pictures
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
rm -rf book/results
mkdir -p book/results
mv "$measured"/run-* "$measured/provenance.txt" book/results/
cp "$measured"/pictures/* book/src/pictures/
run -p course-book --bin results
run -p course-book --bin capture
printf '\nmeasure.sh: everything regenerated in %d s\n' $((SECONDS - started)) >&2
