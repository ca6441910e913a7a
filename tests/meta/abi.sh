#!/bin/bash
# Meta test "abi": the built libfedns.so has the ABI of the baseline
# abi/libfedns.abi (STYLE 20): abidiff --no-added-syms must exit 0. Any other
# exit fails, 4 included (an "ABI change" that abidiff calls compatible can be
# a changed parameter). Added functions are fine; everything else that
# changes needs a new version-script node and a new baseline (abi/update).
#
# usage: abi.sh LIBRARY BASELINE HEADERS_DIR
set -euo pipefail
export LC_ALL=C

if [ $# -ne 3 ]; then
	echo "usage: $0 LIBRARY BASELINE HEADERS_DIR" >&2
	exit 2
fi
lib=$1 baseline=$2 headers=$3

die() { echo "FAIL: $*" >&2; exit 1; }
for tool in abidw abidiff; do
	command -v "$tool" >/dev/null 2>&1 || die "required tool '$tool' not found (install abigail-tools)"
done
[ -r "$lib" ] || die "cannot read $lib"
[ -r "$baseline" ] || die "no baseline $baseline: run abi/update"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The same options as abi/update.
abidw --headers-dir "$headers" --drop-private-types --no-corpus-path \
	--no-comp-dir-path --short-locs --type-id-style hash \
	--out-file "$tmp/current.abi" "$lib"
grep -q '<function-decl ' "$tmp/current.abi" ||
	die "$lib has no debug information: the ABI check needs a -g build (buildtype debug or debugoptimized)"

set +e
abidiff --no-added-syms "$baseline" "$tmp/current.abi" >"$tmp/report" 2>&1
rc=$?
set -e
if [ "$rc" -ne 0 ]; then
	cat "$tmp/report"
	echo "FAIL: abidiff exited $rc (bits: 1 error, 2 usage, 4 ABI change, 8 incompatible change)."
	echo "      If the change is intended, it needs a new version-script node in"
	echo "      lib/fedns.sym and a new baseline: abi/update."
	exit 1
fi
echo "abi: $(grep -c '<elf-symbol ' "$baseline") baseline symbols unchanged"
