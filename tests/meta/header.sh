#!/bin/bash
# Meta test "header": the public header is self-contained, includes only
# <stddef.h>, <stdint.h> (and <stdbool.h>), compiles as C99 and as C++11 with
# -pedantic-errors -Wall -Wextra -Werror, and its C++ users link with the
# library (every function is extern "C").
#
# usage: header.sh INCLUDE_DIR SOURCE_DIR SHARED_LIBRARY
#   INCLUDE_DIR     the directory holding fedns/fedns.h
#   SOURCE_DIR      tests/meta, with header_c.c and header_cxx.cpp
# env: FEDNS_TEST_CC   C compiler command (default: cc)
#      FEDNS_TEST_CXX  C++ compiler command (default: c++)
#      FEDNS_TEST_LDFLAGS  extra link flags (sanitizer runtime of the build)
set -euo pipefail
export LC_ALL=C

if [ $# -ne 3 ]; then
	echo "usage: $0 INCLUDE_DIR SOURCE_DIR SHARED_LIBRARY" >&2
	exit 2
fi
inc=$1 src=$2 shlib=$3
header=$inc/fedns/fedns.h
fail=0

die() { echo "FAIL: $*" >&2; exit 1; }
read -r -a cc <<<"${FEDNS_TEST_CC:-cc}"
read -r -a cxx <<<"${FEDNS_TEST_CXX:-c++}"
read -r -a ldflags <<<"${FEDNS_TEST_LDFLAGS:-}"
command -v "${cc[0]}" >/dev/null 2>&1 || die "C compiler '${cc[0]}' not found (install gcc)"
command -v "${cxx[0]}" >/dev/null 2>&1 || die "C++ compiler '${cxx[0]}' not found (install g++)"
for f in "$header" "$src/header_c.c" "$src/header_cxx.cpp" "$shlib"; do
	[ -r "$f" ] || die "cannot read $f"
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run DESCRIPTION COMMAND...: run a compiler, show its output if it fails.
run() {
	local what=$1
	shift
	if "$@" >"$tmp/out" 2>&1; then
		echo "ok: $what"
	else
		fail=1
		echo "FAIL: $what"
		echo "  \$ $*"
		sed 's/^/  /' "$tmp/out"
	fi
}

# 1. Only the allowed standard headers.
grep -E '^[[:space:]]*#[[:space:]]*include' "$header" |
	grep -vE '^[[:space:]]*#[[:space:]]*include[[:space:]]*<(stddef|stdint|stdbool)\.h>' \
		>"$tmp/includes" || true
if [ -s "$tmp/includes" ]; then
	fail=1
	echo "FAIL: $header includes more than <stddef.h>, <stdint.h>, <stdbool.h>:"
	sed 's/^/  /' "$tmp/includes"
else
	echo "ok: $header includes only <stddef.h>/<stdint.h>/<stdbool.h>"
fi

# 2. C99, pedantic.
run "compiles as C99 (${cc[0]} -std=c99 -pedantic-errors -Wall -Wextra -Werror)" \
	"${cc[@]}" -std=c99 -pedantic-errors -Wall -Wextra -Werror \
	-Wstrict-prototypes -Wundef -I"$inc" -c "$src/header_c.c" -o "$tmp/header_c.o"

# 3. C++11, pedantic, linked with the library and run.
run "compiles as C++11 and links (${cxx[0]} -std=c++11 -pedantic-errors -Wall -Wextra -Werror)" \
	"${cxx[@]}" -std=c++11 -pedantic-errors -Wall -Wextra -Werror -Wundef \
	-I"$inc" "$src/header_cxx.cpp" -o "$tmp/header_cxx" "$shlib" ${ldflags[@]+"${ldflags[@]}"}
if [ -x "$tmp/header_cxx" ]; then
	libdir=$(cd "$(dirname "$shlib")" && pwd)
	run "the C++ program runs against $shlib" \
		env LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$tmp/header_cxx"
fi

exit "$fail"
