#!/bin/bash
# Meta test "static-namespace": the version script hides internal names only
# in the shared library. A program linked with the static archive sees every
# global symbol of it, so each one must carry the fedns_ prefix (internal
# functions are fedns__name) and cannot clash with the program's own names.
#
# usage: static-namespace.sh STATIC_LIBRARY
set -euo pipefail
export LC_ALL=C

if [ $# -ne 1 ]; then
	echo "usage: $0 STATIC_LIBRARY" >&2
	exit 2
fi
stlib=$1

die() { echo "FAIL: $*" >&2; exit 1; }
command -v nm >/dev/null 2>&1 || die "required tool 'nm' not found (install binutils)"
[ -r "$stlib" ] || die "cannot read $stlib"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# -A prefixes each line with "archive:member:", which names the culprit.
nm -A --defined-only --extern-only "$stlib" >"$tmp/nm.out" 2>"$tmp/nm.err" || {
	cat "$tmp/nm.err" >&2
	die "nm --defined-only --extern-only $stlib failed"
}
awk 'NF >= 3 { print }' "$tmp/nm.out" >"$tmp/globals"
[ -s "$tmp/globals" ] || die "$stlib defines no global symbol"
# AddressSanitizer adds an ODR indicator, __odr_asan.NAME, for each global
# NAME: it is ours when NAME is.
awk '{ n = $NF; sub(/^__odr_asan[._]/, "", n) }
     n !~ /^fedns_/ { m = $1; sub(/^.*\//, "", m); print "  " m " " $(NF-1) " " $NF }' \
	"$tmp/globals" >"$tmp/bad"
if [ -s "$tmp/bad" ]; then
	echo "FAIL: global symbols of $stlib outside the fedns_ namespace"
	echo "      (make them static, or name them fedns__...):"
	cat "$tmp/bad"
	exit 1
fi
echo "ok: $(wc -l <"$tmp/globals") global symbols of $stlib, all fedns_*"
