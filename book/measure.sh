#!/usr/bin/env bash
# Regenerates every measured number in the book from one release run on this
# machine: each chapter's program writes its own results fragment (and chapter
# 4 its chart) into book/src/results/, and the compare command runs the same
# experiments in Python beside Rust (Rust only when python3 is missing). Run it with nothing else busy: the
# programs measure wall time and CPU time, and other work steals both.
#
#   bash book/measure.sh          # about 7 minutes on two cores
set -euo pipefail
cd "$(dirname "$0")/.."

results=book/src/results
run() {
    printf '\n=== %s\n' "$*" >&2
    cargo run --quiet --release "$@"
}

cargo build --quiet --release --workspace
run -p chapter-02-mixed-tasks -- --only-ticks --markdown "$results/chapter-02-mixed-tasks.md"
run -p chapter-03-cpu-bound -- --workload both --repeat 5 --markdown "$results/chapter-03-cpu-bound.md"
run -p chapter-04-parallelism -- --repeat 3 --chart "$results/chapter-04-parallelism.svg" \
    --markdown "$results/chapter-04-parallelism.md"
run -p course-book --bin compare -- --markdown "$results/python-vs-rust.md"
echo "results written to $results/" >&2
