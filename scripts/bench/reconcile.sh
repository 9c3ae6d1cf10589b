#!/usr/bin/env bash
# Reconcile benchmark (not a test): plan at scale vs a small stack, and apply under EC2-style throttling, with the
# release binary against `mirrorplan lab serve` (see reconcile.py for what is measured).
#
#   scripts/bench/reconcile.sh          # RUNS=5 plans per row (median); BENCH_DIR=/tmp/mirrorplan-bench-reconcile
#
# The topology and manifests are generated into $BENCH_DIR, never into the repo. Results go to stdout as
# Markdown; copy them into docs/benchmarks.md with the date and machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
BENCH_DIR=${BENCH_DIR:-/tmp/mirrorplan-bench-reconcile}
RUNS=${RUNS:-5}
mkdir -p "$BENCH_DIR"

echo "building release..." >&2
swift build -c release --product mirrorplan >&2
BIN=$(swift build -c release --show-bin-path)/mirrorplan

python3 scripts/bench/make_reconcile_stack.py "$BENCH_DIR"
python3 scripts/bench/reconcile.py "$BIN" "$BENCH_DIR" "$RUNS"
