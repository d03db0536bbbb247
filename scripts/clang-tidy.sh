#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs clang-tidy (checks and opt-outs in .clang-tidy, warnings are errors) over the sources of the given
# folders, using the compile commands of a configured build folder.
#   scripts/clang-tidy.sh [FOLDER...]      default: pricing views (what CI checks)
# Environment: BUILD_DIR (default build; configure it first: scripts/quickstart.sh build).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
[ -f "$build/compile_commands.json" ] || { echo "clang-tidy.sh: run scripts/quickstart.sh build first ($build/compile_commands.json)" >&2; exit 1; }
folders=("$@")
((${#folders[@]})) || folders=(pricing views)
mapfile -t files < <(git ls-files "${folders[@]/%//*.cpp}" | grep -v '/tools/')
echo "clang-tidy: ${#files[@]} files in ${folders[*]}"
printf '%s\n' "${files[@]}" | xargs -P "$(nproc)" -n 2 clang-tidy -p "$build" --quiet
echo "clang-tidy: no warnings"
