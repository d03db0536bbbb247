#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# CTest installer/mime-type: the shared-mime-info definition of .fleetplan documents, as a desktop sees it.
# Compiles it with update-mime-database into a scratch XDG data folder (beside the system's database) and
# asks GIO, which file managers use, what type three files are:
#   - plan.fleetplan             named *.fleetplan                      -> application/x-fleetplan (glob)
#   - renamed-plan               SQLite header, application_id "FLPN"   -> application/x-fleetplan (magic)
#   - other-database             SQLite header, application_id 0        -> application/vnd.sqlite3 (not ours)
# Usage: test-mime.sh MIME_XML SCRATCH_DIR
set -euo pipefail
xml=$1
scratch=$2
fail() { echo "FAIL: $*" >&2; exit 1; }

rm -rf "$scratch"
mkdir -p "$scratch/data/mime/packages" "$scratch/files" "$scratch/xdg"
chmod 700 "$scratch/xdg"
cp "$xml" "$scratch/data/mime/packages/org.example.fleetplan.xml"
XDG_DATA_HOME="$scratch/data" update-mime-database "$scratch/data/mime" > "$scratch/update-mime-database.log" 2>&1 ||
  { cat "$scratch/update-mime-database.log" >&2; fail "update-mime-database rejected $xml"; }
if grep -q . "$scratch/update-mime-database.log"; then
  cat "$scratch/update-mime-database.log" >&2
  fail "update-mime-database warned about $xml"
fi
grep -qx '50:application/x-fleetplan:\*\.fleetplan' "$scratch/data/mime/globs2" ||
  fail "globs2 has no '*.fleetplan' pattern for application/x-fleetplan: $(cat "$scratch/data/mime/globs2")"

# A SQLite database header (https://www.sqlite.org/fileformat.html): "SQLite format 3\0" at byte 0, the
# 4-byte big-endian application_id at byte 68. Only the header matters to content sniffing.
sqlite_file() { # FILE APPLICATION_ID(4 characters)
  { printf 'SQLite format 3\0'; head -c 52 /dev/zero; printf '%s' "$2"; head -c 956 /dev/zero; } > "$1"
}
sqlite_file "$scratch/files/plan.fleetplan" FLPN
sqlite_file "$scratch/files/renamed-plan" FLPN
sqlite_file "$scratch/files/other-database" '    '   # four spaces: an id that is not Fleetplan's
[ "$(od -An -c -j68 -N4 "$scratch/files/renamed-plan" | tr -d ' ')" = FLPN ] || fail "test file header is wrong"

expect_type() { # FILE TYPE
  local got
  got=$(XDG_DATA_HOME="$scratch/data" XDG_DATA_DIRS=/usr/local/share:/usr/share XDG_RUNTIME_DIR="$scratch/xdg" \
        gio info -a standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p')
  [ "$got" = "$2" ] || fail "$(basename "$1"): content type is '$got', expected '$2'"
  echo "ok: $(basename "$1") is $got"
}
expect_type "$scratch/files/plan.fleetplan" application/x-fleetplan
expect_type "$scratch/files/renamed-plan" application/x-fleetplan
expect_type "$scratch/files/other-database" application/vnd.sqlite3
echo "mime-type: all checks passed"
