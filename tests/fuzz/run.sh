#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets (importers, scenario JSON and .fleetplan readers, price-list importer,
# Markdown and HTML reports) with clang (ASan + UBSan) in build-fuzz/ and runs each for a bounded time, seeded with
# the test fixtures and hostile cases. Usage: tests/fuzz/run.sh [SECONDS_PER_TARGET=20]
# The .fleetplan seeds are made by `fleetplan convert` from resources/samples, with $FLEETPLAN
# (default build/app/fleetplan, the README's build); without it that target starts from the JSON seeds only.
# A crash, leak, sanitizer report or timeout (>10 s for one input) fails the script; the input that
# caused it is kept in build-fuzz/fuzz-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
build=${FUZZ_BUILD_DIR:-build-fuzz}
fixtures=tests/data/import

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DFLEETPLAN_FUZZ=ON -DFLEETPLAN_BUILD_BENCHMARKS=OFF >/dev/null
targets=(fuzz_ecs fuzz_kubernetes fuzz_terraform fuzz_cloudformation fuzz_quantity fuzz_cron fuzz_scenariojson fuzz_document fuzz_pricelist fuzz_report fuzz_htmlreport)
cmake --build "$build" --target "${targets[@]}" --parallel "${FUZZ_JOBS:-2}"

seeds="$build/fuzz-seeds"
rm -rf "$seeds"
for t in "${targets[@]}"; do mkdir -p "$seeds/$t"; done
mkdir -p "$build/fuzz-artifacts"
cp "$fixtures"/ecs/*.json "$fixtures"/broken/*.json "$seeds/fuzz_ecs/"
cp "$fixtures"/k8s/* "$fixtures"/k8s-real/* "$fixtures"/broken/*.yaml "$fixtures"/broken/*.json "$seeds/fuzz_kubernetes/"
cp "$fixtures"/terraform/*.json "$fixtures"/broken/bad-terraform-plan.json "$seeds/fuzz_terraform/"
cp "$fixtures"/cloudformation/*.yaml "$fixtures"/cloudformation/cdk.out/*.json "$fixtures"/broken/bad-cloudformation.yaml \
  "$seeds/fuzz_cloudformation/"
# Small hand-made seeds: unknown-after-apply values, module nesting, intrinsic short forms and a self-reference.
printf '%s' '{"format_version":"1.2","resource_changes":[{"address":"aws_ecs_service.s","type":"aws_ecs_service","change":{"after":{"name":"s","desired_count":1},"after_unknown":{"task_definition":true}}}]}' \
  > "$seeds/fuzz_terraform/unknown.json"
printf '%s' '{"values":{"root_module":{"child_modules":[{"child_modules":[{"resources":[{"type":"kubernetes_pod_v1","address":"p","values":{"metadata":[{"name":"p"}],"spec":[{"container":[{"name":"c"}]}]}}]}]}]}}}' \
  > "$seeds/fuzz_terraform/modules.json"
printf 'Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties: {ServiceName: !GetAtt S.Name, TaskDefinition: !Ref T, DesiredCount: !Sub "${N}"}\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties: {Family: !Ref T, ContainerDefinitions: [{Name: a, Memory: !Join ["", ["5", "12"]]}]}\n' \
  > "$seeds/fuzz_cloudformation/short-forms.yaml"
i=0
for q in 250m 0.5 1 1Gi 512Mi 512M 1e3 1.5Gi 100k 2Ti 1E 1Ei -1 +.5 5e-1 1.5.5 1GB Mi ""; do
  printf '%s' "$q" > "$seeds/fuzz_quantity/q$i"; i=$((i + 1))
done
for c in '* * * * *' '*/15 * * * *' '0 2 * * *' '0 */6 * * *' '0,30 9-17 * * 1-5' '5/20 * * JAN,JUL MON-FRI' \
         '@hourly' '@weekly' 'CRON_TZ=UTC 0 23 * * *' '61 * * * *'; do
  printf '%s' "$c" > "$seeds/fuzz_cron/c$i"; i=$((i + 1))
done

# Scenario JSON: the samples and fixtures, and the hostile cases of issue 15 (crash-class numbers, a
# duplicate key, a period of 2^31 - 1 days).
cp resources/samples/*.json tests/data/scenarios/*.json tests/data/simulation/*.json "$seeds/fuzz_scenariojson/"
hostile=(
  '{"fleetplan_scenario":1,"services":[{"name":"a","replicas":1000000000,"max_replicas":1000000000}]}'
  '{"fleetplan_scenario":1,"load_profiles":[{"name":"p","hourly":[1e308,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]}],"services":[{"name":"a","load_profile":"p"}]}'
  '{"fleetplan_scenario":1,"services":[{"name":"j","kind":"job","replicas":2147483647,"runs_per_day":2000000000,"run_seconds":2000000000}]}'
  '{"fleetplan_scenario":1,"period":{"days":2147483647},"services":[{"name":"a"}]}'
  '{"fleetplan_scenario":1,"services":[{"name":"a"}],"services":[]}'
  '{"fleetplan_scenario":1,"services":[{"name":"a","cpu":1e308,"containers":[{"cpu":1e308,"memory_mib":1e308}]}]}'
)
for h in "${hostile[@]}"; do printf '%s' "$h" > "$seeds/fuzz_scenariojson/h$i"; i=$((i + 1)); done
# .fleetplan documents made from the samples by the program itself.
fleetplan=${FLEETPLAN:-build/app/fleetplan}
if [ -x "$fleetplan" ]; then
  for f in resources/samples/*.json tests/data/scenarios/minimal.json; do
    QT_QPA_PLATFORM=offscreen "$fleetplan" convert "$f" "$seeds/fuzz_document/$(basename "$f" .json).fleetplan" >/dev/null
  done
else
  echo "note: no $fleetplan: fuzz_document starts without .fleetplan seeds"
  cp tests/data/scenarios/minimal.json "$seeds/fuzz_document/"
fi
# Price lists: the fixtures, and the hostile rows of issue 15 (a price of 1e308, a date of 99/99/9999).
cp tests/data/pricing/* "$seeds/fuzz_pricelist/"
sed -e '8s/0\.0460000000/1e308/' tests/data/pricing/ecs-fargate-offer-eu-west-1-2020-12.csv > "$seeds/fuzz_pricelist/price1e308.csv"
sed -e 's|01/01/2022|99/99/9999|' tests/data/pricing/ecs-fargate-offer-eu-west-1-2020-12.csv > "$seeds/fuzz_pricelist/baddate.csv"
# Report names: markup, formulas, links, terminal escapes (skipped by the target, as validation refuses them).
for n in $'Shop\n<script>alert(1)</script>' $'=HYPERLINK("x")\n+1\n-1\n@SUM(A1)' $'[a](javascript:alert(1))\n<img src=x onerror=alert(1)>' \
         $'a|b\n`code`\n*bold*' $'ok\n\e[31mred'; do
  printf '%s' "$n" > "$seeds/fuzz_report/n$i"; printf '%s' "$n" > "$seeds/fuzz_htmlreport/n$i"; i=$((i + 1))
done

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan.supp"
export QT_QPA_PLATFORM=offscreen
status=0
for t in "${targets[@]}"; do
  corpus="$build/fuzz-corpus/$t"
  mkdir -p "$corpus"
  echo "== $t: ${seconds}s"
  max_len=65536
  [ "$t" = fuzz_document ] && max_len=262144 # a document of the sample is 72 KiB
  if ! "$build/tests/fuzz/$t" "$corpus" "$seeds/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len="$max_len" -artifact_prefix="$build/fuzz-artifacts/$t-" -print_final_stats=1 >"$build/fuzz-$t.log" 2>&1; then
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
