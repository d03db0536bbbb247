#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fleetplan's one entry point for a fresh Debian 12 machine (run as root, or with sudo available):
#   scripts/quickstart.sh run    install what is missing, build, open the app on the bundled sample
#   scripts/quickstart.sh test   install what is missing, build, run every test (CTest)
#   scripts/quickstart.sh build  install what is missing and build only
# Environment: BUILD_DIR (default build), BUILD_TYPE (default RelWithDebInfo),
#              SANITIZE=1 (AddressSanitizer + UBSan), CMAKE_ARGS (extra configure arguments).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-run}
shift || true
BUILD_DIR=${BUILD_DIR:-build}
BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo}

# Debian 12 packages Fleetplan builds, tests and packages with. apt-get runs only if one is absent.
packages=(
  cmake ninja-build g++ pkg-config ccache file dpkg-dev
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-svg-dev libqt6svg6 libgl-dev
  libqcustomplot-dev libyaml-cpp-dev libbenchmark-dev libglpk-dev libsqlite3-dev
  xvfb xauth imagemagick poppler-utils fonts-dejavu-core
  desktop-file-utils appstream shared-mime-info libglib2.0-bin
  clang libclang-rt-14-dev clang-format clang-tidy zsh
)
missing=()
for p in "${packages[@]}"; do
  [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = 'install ok installed' ] || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "quickstart: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

sanitize=OFF
[ "${SANITIZE:-0}" = 1 ] && sanitize=ON
# shellcheck disable=SC2086
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" -DFLEETPLAN_SANITIZE="$sanitize" ${CMAKE_ARGS:-}
cmake --build "$BUILD_DIR" --parallel "$(nproc)"

export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
chmod 700 "$XDG_RUNTIME_DIR"

case "$mode" in
  run)
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "quickstart: no display found; starting the app under Xvfb (xvfb-run)"
      exec xvfb-run -a -s "-screen 0 1440x900x24" "$BUILD_DIR/app/fleetplan" "$@"
    fi
    exec "$BUILD_DIR/app/fleetplan" "$@"
    ;;
  test)
    cd "$BUILD_DIR"
    exec ctest --output-on-failure --parallel "$(nproc)" "$@"
    ;;
  build) ;;
  *) echo "usage: $0 run|test|build" >&2; exit 1 ;;
esac
