#!/usr/bin/env bash
# Regenerates every measured number and every output block in the book, from
# release runs on this machine, in one go:
#
#   1. one release build of the workspace;
#   2. each chapter's measurements, as records (JSON lines), into
#      book/results/<crate>.jsonl, with the pictures the programs draw
#      from them (book/src/pictures/) (committed: the source of the pages'
#      numbers), and the Python-against-Rust comparison into
#      book/results/python-vs-rust.jsonl (Rust only when python3 is missing);
#   3. the tables and one-value files rendered from those records
#      (book/src/results/<name>.md, book/src/results/values/<name>/);
#   4. the real runs the pages show (book/src/output/), captured from the
#      commands the snapshots record, and the page stamp.
#
# Run it with nothing else busy: the programs measure wall time and CPU time,
# and other work steals both. It prints how long it took; keep it under about
# 10 minutes on 2 cores. Then `cargo test -p course-book` checks the captures.
#
#   bash book/measure.sh
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

results=book/results
mkdir -p "$results"
run() {
    printf '\n=== %s\n' "$*" >&2
    local from=$SECONDS
    cargo run --quiet --release "$@"
    printf '=== took %d s\n' $((SECONDS - from)) >&2
}

cargo build --quiet --release --workspace
run -p course-book --bin results -- --stamp
pictures=book/src/pictures
run -p chapter-02-mixed-tasks -- --all-runtimes --ticks 5 --json "$results/chapter-02-mixed-tasks.jsonl" \
    --pictures "$pictures"
run -p chapter-03-cpu-bound -- --workload both --repeat 5 --json "$results/chapter-03-cpu-bound.jsonl" \
    --pictures "$pictures"
run -p chapter-04-parallelism -- --repeat 3 --pictures "$pictures" --json "$results/chapter-04-parallelism.jsonl"
# The algorithms are a second run of chapter 4; their records join the first's.
algorithms=$(mktemp)
trap 'rm -f "$algorithms"' EXIT
run -p chapter-04-parallelism -- --algorithms --pictures "$pictures" --json "$algorithms"
cat "$algorithms" >>"$results/chapter-04-parallelism.jsonl"
# The comparison prints its records on stdout with --json (its commentary
# goes to stderr).
printf '\n=== compare --json\n' >&2
from=$SECONDS
cargo run --quiet --release -p course-book --bin compare -- --json >"$results/python-vs-rust.jsonl"
printf '=== took %d s\n' $((SECONDS - from)) >&2
run -p course-book --bin results
run -p course-book --bin capture
printf '\nmeasure.sh: everything regenerated in %d s\n' $((SECONDS - started)) >&2
