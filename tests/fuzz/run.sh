#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the importers' libFuzzer targets with clang (ASan + UBSan) in build-fuzz/ and runs each for a
# bounded time, seeded with the import test fixtures. Usage: tests/fuzz/run.sh [SECONDS_PER_TARGET=20]
# A crash, leak, sanitizer report or timeout (>10 s for one input) fails the script; the input that
# caused it is kept in build-fuzz/fuzz-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
build=${FUZZ_BUILD_DIR:-build-fuzz}
fixtures=tests/data/import

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DFLEETPLAN_FUZZ=ON -DFLEETPLAN_BUILD_BENCHMARKS=OFF >/dev/null
targets=(fuzz_ecs fuzz_kubernetes fuzz_quantity fuzz_cron)
cmake --build "$build" --target "${targets[@]}" --parallel "${FUZZ_JOBS:-2}"

seeds="$build/fuzz-seeds"
rm -rf "$seeds"
mkdir -p "$seeds"/{fuzz_ecs,fuzz_kubernetes,fuzz_quantity,fuzz_cron} "$build/fuzz-artifacts"
cp "$fixtures"/ecs/*.json "$fixtures"/broken/*.json "$seeds/fuzz_ecs/"
cp "$fixtures"/k8s/* "$fixtures"/broken/*.yaml "$fixtures"/broken/*.json "$seeds/fuzz_kubernetes/"
i=0
for q in 250m 0.5 1 1Gi 512Mi 512M 1e3 1.5Gi 100k 2Ti 1E 1Ei -1 +.5 5e-1 1.5.5 1GB Mi ""; do
  printf '%s' "$q" > "$seeds/fuzz_quantity/q$i"; i=$((i + 1))
done
for c in '* * * * *' '*/15 * * * *' '0 2 * * *' '0 */6 * * *' '0,30 9-17 * * 1-5' '5/20 * * JAN,JUL MON-FRI' \
         '@hourly' '@weekly' 'CRON_TZ=UTC 0 23 * * *' '61 * * * *'; do
  printf '%s' "$c" > "$seeds/fuzz_cron/c$i"; i=$((i + 1))
done

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
status=0
for t in "${targets[@]}"; do
  corpus="$build/fuzz-corpus/$t"
  mkdir -p "$corpus"
  echo "== $t: ${seconds}s"
  if ! "$build/tests/fuzz/$t" "$corpus" "$seeds/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -artifact_prefix="$build/fuzz-artifacts/$t-" -print_final_stats=1 >"$build/fuzz-$t.log" 2>&1; then
    status=1
    echo "$t FAILED: see $build/fuzz-$t.log and $build/fuzz-artifacts/"
    tail -40 "$build/fuzz-$t.log"
  fi
  runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$build/fuzz-$t.log" | grep -Eo '[0-9]+$' || echo 0)
  rate=$(grep -Eo 'stat::average_exec_per_sec: *[0-9]+' "$build/fuzz-$t.log" | grep -Eo '[0-9]+$' || echo 0)
  cov=$(grep -Eo 'cov: [0-9]+' "$build/fuzz-$t.log" | tail -1 || true)
  echo "$t: $runs runs, $rate exec/s, $cov"
done
exit $status
