#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# CTest installer/package (label "packaging"): builds the Debian package the way a user does
# (cpack -G DEB), checks its control fields and contents with dpkg-deb, unpacks it into a scratch root
# and runs the unpacked program there without a display: --version, --help, and a command on the
# installed sample. Then it registers the unpacked desktop integration in a scratch XDG data folder and
# asks GIO which program opens a .fleetplan document (the double-click path).
# Usage: test-package.sh BUILD_DIR SCRATCH_DIR VERSION EXPECT_CATALOG(0|1) EXPECT_MANPAGE(0|1) BUILT_FLEETPLAN
set -euo pipefail
build=$1
scratch=$2
version=$3
expect_catalog=$4
expect_manpage=$5
built_exe=$6   # the build tree's fleetplan: the installed one must print the same figures
cpack=${CPACK:-cpack}   # CTest passes the cpack of the CMake that configured the build
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

rm -rf "$scratch"
mkdir -p "$scratch"

# --- Build the package ------------------------------------------------------------------------------------
if ! "$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$scratch/out" > "$scratch/cpack.log" 2>&1; then
  cat "$scratch/cpack.log" >&2
  fail "cpack -G DEB failed (log above)"
fi
arch=$(dpkg --print-architecture)
deb="$scratch/out/fleetplan_${version}_${arch}.deb"
[ -f "$deb" ] || fail "cpack did not write $(basename "$deb"); it wrote: $(ls "$scratch/out")"
ok "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

# --- Control fields ---------------------------------------------------------------------------------------
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = fleetplan ] || fail "Package is '$(field Package)', expected fleetplan"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', expected $version"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture is '$(field Architecture)', expected $arch"
[ -n "$(field Maintainer)" ] || fail "no Maintainer field"
[ -n "$(field Section)" ] || fail "no Section field"
[ -n "$(field Description)" ] || fail "no Description field"
depends=$(field Depends)
echo "Depends: $depends"
# One entry per library the binary links (found by dpkg-shlibdeps) plus the plugins Qt loads at run time
# (QSQLITE for the catalog and .fleetplan documents, the SVG plugins). Names only, versions stripped.
echo "$depends" | tr ',' '\n' | sed -e 's/^ *//' -e 's/ .*//' > "$scratch/depends.txt"
for pkg in libc6 'libstdc++6' libqt6core6 libqt6gui6 libqt6widgets6 libqt6sql6 libqcustomplot2.1-qt6 \
           libqt6sql6-sqlite libqt6svg6; do
  grep -qxF "$pkg" "$scratch/depends.txt" || fail "Depends lacks $pkg: $depends"
done
grep -Eqx 'libyaml-cpp[0-9.]+' "$scratch/depends.txt" || fail "Depends lacks libyaml-cpp: $depends"
ok "control fields and Depends"

# --- Contents ---------------------------------------------------------------------------------------------
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' > "$scratch/contents.txt"
expected=(
  /usr/bin/fleetplan
  /usr/share/fleetplan/samples/online-shop.json
  /usr/share/applications/org.example.fleetplan.desktop
  /usr/share/metainfo/org.example.fleetplan.metainfo.xml
  /usr/share/mime/packages/org.example.fleetplan.xml
  /usr/share/icons/hicolor/scalable/apps/org.example.fleetplan.svg
  /usr/share/icons/hicolor/scalable/mimetypes/application-x-fleetplan.svg
  /usr/share/doc/fleetplan/copyright
  /usr/share/doc/fleetplan/changelog.gz
)
for size in 16 32 48 64 128 256; do
  expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/org.example.fleetplan.png")
done
[ "$expect_catalog" = 1 ] && expected+=(/usr/share/fleetplan/catalog.sqlite)
[ "$expect_manpage" = 1 ] && expected+=(/usr/share/man/man1/fleetplan.1.gz)
for f in "${expected[@]}"; do
  grep -qxF "$f" "$scratch/contents.txt" || fail "the package lacks $f"
done
# Nothing from the build leaks in: no headers, no static libraries, nothing outside /usr/bin and /usr/share.
if grep -v '/$' "$scratch/contents.txt" | grep -Ev '^/usr/(bin|share)/' ; then
  fail "the package installs files outside /usr/bin and /usr/share (listed above)"
fi
if grep -E '\.(a|h|o|cmake)$' "$scratch/contents.txt"; then
  fail "the package carries build files (listed above)"
fi
ok "contents: ${#expected[@]} expected files, nothing outside /usr/bin and /usr/share"

# --- Unpack and look at what a user gets --------------------------------------------------------------------
root="$scratch/root"
dpkg-deb -x "$deb" "$root"
exe="$root/usr/bin/fleetplan"
[ -x "$exe" ] || fail "usr/bin/fleetplan is not executable"
grep -q ', stripped' <<<"$(file -L "$exe")" || fail "usr/bin/fleetplan is not stripped: $(file -L "$exe")"
for size in 16 32 48 64 128 256; do
  png="$root/usr/share/icons/hicolor/${size}x${size}/apps/org.example.fleetplan.png"
  grep -q "PNG image data, $size x $size," <<<"$(file "$png")" || fail "$png is not a ${size}x${size} PNG: $(file "$png")"
done
if [ "$expect_catalog" = 1 ]; then
  [ "$(head -c 15 "$root/usr/share/fleetplan/catalog.sqlite")" = 'SQLite format 3' ] ||
    fail "usr/share/fleetplan/catalog.sqlite is not a SQLite file"
fi
grep -q "<release version=\"$version\"" "$root/usr/share/metainfo/org.example.fleetplan.metainfo.xml" ||
  fail "the AppStream metainfo has no <release version=\"$version\">: add the release to installer/org.example.fleetplan.metainfo.xml"
grep -q "^fleetplan ($version) " <<<"$(zcat "$root/usr/share/doc/fleetplan/changelog.gz" | sed -n 1p)" ||
  fail "the top entry of usr/share/doc/fleetplan/changelog.gz is not version $version: add it to installer/changelog"
ok "unpacked: executable stripped, icons at their sizes, metainfo and changelog list release $version"
# The installed tree as a software centre reads it: metainfo, its launchable .desktop file, the icons.
if command -v appstreamcli > /dev/null; then
  appstreamcli validate-tree --no-net --pedantic "$root" ||
    fail "appstreamcli validate-tree rejects the installed metainfo, .desktop file or icons"
  ok "appstreamcli validate-tree on the unpacked package"
fi

# --- Would apt-get install on a fresh machine bring every library? ---------------------------------------------
# Every shared library the program and the Qt plugins it may load (platforms, SQLite driver, SVG) resolve to
# must come from a Debian package inside the dependency closure of Depends.
if command -v apt-cache > /dev/null; then
  plugins=$(dpkg -L libqt6gui6 libqt6sql6-sqlite libqt6svg6 | grep '/plugins/.*\.so$')
  # shellcheck disable=SC2086
  { ldd "$exe"; for so in $plugins; do ldd "$so"; done; } > "$scratch/ldd.txt"
  if grep 'not found' "$scratch/ldd.txt"; then fail "libraries not found (listed above)"; fi
  # One dpkg -S for all of them (it reads its whole database per call). Debian 12 merges /lib into /usr/lib,
  # but dpkg knows some files by their /lib path: ask for both.
  awk '/=>/ {print $3}' "$scratch/ldd.txt" | sort -u > "$scratch/libs.txt"
  echo "$plugins" >> "$scratch/libs.txt"
  while read -r lib; do
    real=$(readlink -f "$lib")
    printf '%s\n%s\n' "$real" "${real#/usr}"
  done < "$scratch/libs.txt" | sort -u > "$scratch/paths.txt"
  # shellcheck disable=SC2046
  dpkg -S $(cat "$scratch/paths.txt") 2> /dev/null > "$scratch/dpkg-S.txt" || true
  while read -r lib; do
    real=$(readlink -f "$lib")
    awk -F': ' -v a="$real" -v b="${real#/usr}" '$NF == a || $NF == b {f = 1} END {exit !f}' "$scratch/dpkg-S.txt" ||
      fail "$lib ($real) belongs to no Debian package: a fresh machine would not have it"
  done < "$scratch/libs.txt"
  sed 's/: .*//' "$scratch/dpkg-S.txt" | tr ',' '\n' | sed -e 's/^ *//' -e 's/:.*//' | sort -u > "$scratch/owners.txt"
  # shellcheck disable=SC2046
  apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces \
    --no-enhances $(cat "$scratch/depends.txt") 2> /dev/null | grep -v '^ ' | sed 's/:.*//' | sort -u > "$scratch/closure.txt"
  missing=$(comm -23 "$scratch/owners.txt" "$scratch/closure.txt")
  [ -z "$missing" ] || fail "libraries come from packages that Depends does not pull in: $missing"
  ok "$(wc -l < "$scratch/owners.txt") packages provide the libraries of fleetplan and its Qt plugins; Depends pulls in all of them"
fi

# --- Run the unpacked program without a display ---------------------------------------------------------------
run() { env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM HOME="$scratch/home" "$exe" "$@"; }
mkdir -p "$scratch/home"
out=$(run --version) || fail "fleetplan --version exited $?"
[ "$out" = "fleetplan $version" ] || fail "fleetplan --version printed '$out', expected 'fleetplan $version'"
ok "fleetplan --version: $out"
help=$(run --help) || fail "fleetplan --help exited $?"
sample="$root/usr/share/fleetplan/samples/online-shop.json"
# The installed program (stripped, reading the installed catalog) must print exactly what the build tree's
# program prints for the same file.
same_as_built() { # COMMAND ARGS...
  local installed built
  installed=$(run "$@" 2>&1) || fail "installed 'fleetplan $*' exited non-zero: $installed"
  built=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM HOME="$scratch/home" "$built_exe" "$@" 2>&1) ||
    fail "the build tree's 'fleetplan $*' exited non-zero: $built"
  if [ "$installed" != "$built" ]; then
    diff <(echo "$built") <(echo "$installed") >&2 || true
    fail "installed 'fleetplan $1' prints other output than the build tree's (diff above)"
  fi
  printf '%s\n' "$installed"
}
if grep -Eq '^  compare ' <<<"$help"; then
  out=$(same_as_built compare "$sample")
  for platform in 'ECS on EC2' 'ECS Fargate' 'ECS Fargate Spot' 'EKS managed nodes' 'EKS Fargate'; do
    grep -Eq "^${platform} +[0-9]" <<<"$out" || { echo "$out"; fail "fleetplan compare printed no '$platform' row"; }
  done
  ok "fleetplan compare on the installed sample: all five platforms, same figures as the build tree"
  sed -n 1,8p <<<"$out"
else
  echo "note: this build has no compare command yet"
fi
out=$(same_as_built validate "$sample")
grep -Eq '\b[1-9][0-9]* services\b' <<<"$out" || fail "fleetplan validate printed '$out'"
ok "fleetplan validate on the installed sample: $out"

# --- Double-click: which program opens a .fleetplan document --------------------------------------------------
if command -v gio > /dev/null && command -v update-desktop-database > /dev/null; then
  share="$root/usr/share"
  mkdir -p "$scratch/xdg" "$scratch/config"
  chmod 700 "$scratch/xdg"
  xdg() { env XDG_DATA_HOME="$share" XDG_DATA_DIRS=/usr/local/share:/usr/share XDG_CONFIG_HOME="$scratch/config" \
              XDG_CONFIG_DIRS="$scratch/config" XDG_RUNTIME_DIR="$scratch/xdg" PATH="$root/usr/bin:$PATH" "$@"; }
  xdg update-mime-database "$share/mime" > /dev/null
  xdg update-desktop-database "$share/applications"
  grep -q '^application/x-fleetplan=.*org\.example\.fleetplan\.desktop' "$share/applications/mimeinfo.cache" ||
    fail "update-desktop-database did not register org.example.fleetplan.desktop for application/x-fleetplan"
  # Any SQLite file named *.fleetplan (an empty one would be sniffed as text/plain before the glob counts).
  { printf 'SQLite format 3\0'; head -c 1008 /dev/zero; } > "$scratch/plan.fleetplan"
  type=$(xdg gio info -a standard::content-type "$scratch/plan.fleetplan" | sed -n 's/^ *standard::content-type: //p')
  [ "$type" = application/x-fleetplan ] || fail "plan.fleetplan has content type '$type' with the package's MIME data"
  handlers=$(xdg gio mime application/x-fleetplan)
  grep -q 'org\.example\.fleetplan\.desktop' <<<"$handlers" ||
    fail "GIO offers no org.example.fleetplan.desktop for application/x-fleetplan: $handlers"
  ok "a .fleetplan document is application/x-fleetplan and opens with org.example.fleetplan.desktop"
fi

# --- The portable archive: unpacked anywhere, it runs from its own bin/ -----------------------------------------
if ! "$cpack" -G TGZ --config "$build/CPackConfig.cmake" -B "$scratch/out-tgz" > "$scratch/cpack-tgz.log" 2>&1; then
  cat "$scratch/cpack-tgz.log" >&2
  fail "cpack -G TGZ failed (log above)"
fi
tgz="$scratch/out-tgz/fleetplan-${version}-Linux-$(uname -m).tar.gz"
[ -f "$tgz" ] || fail "cpack did not write $(basename "$tgz"); it wrote: $(ls "$scratch/out-tgz")"
mkdir -p "$scratch/portable"
tar -C "$scratch/portable" -xzf "$tgz"
top="$scratch/portable/fleetplan-${version}-Linux-$(uname -m)"
for f in bin/fleetplan share/fleetplan/samples/online-shop.json share/applications/org.example.fleetplan.desktop \
         share/doc/fleetplan/LICENSE; do
  [ -f "$top/$f" ] || fail "the archive lacks $(basename "$top")/$f"
done
exe="$top/bin/fleetplan"
out=$(cd "$scratch" && run --version) || fail "the archive's bin/fleetplan --version exited $?"
[ "$out" = "fleetplan $version" ] || fail "the archive's bin/fleetplan --version printed '$out'"
out=$(cd "$scratch" && same_as_built validate "$top/share/fleetplan/samples/online-shop.json")
if grep -Eq '^  compare ' <<<"$help"; then
  (cd "$scratch" && same_as_built compare "$top/share/fleetplan/samples/online-shop.json" > /dev/null)
fi
ok "archive $(basename "$tgz"): bin/fleetplan runs from where it was unpacked, same output as the build tree"

echo "package: all checks passed for $(basename "$deb") and $(basename "$tgz")"
