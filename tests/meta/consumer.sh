#!/bin/bash
# Meta test "consumer": what a user gets from `meson install` works.
#  - install the build into a temporary DESTDIR;
#  - exactly one header is installed, fedns/fedns.h, identical to the source;
#  - the installed library has SONAME libfedns.so.1 (objdump -p), and the
#    libfedns.so -> libfedns.so.1 link chain resolves;
#  - pkg-config finds fedns.pc, reports the project version, and a program
#    built with `cc consumer.c $(pkg-config --cflags --libs fedns)` loads the
#    installed library and prints FEDNS_VERSION_STRING;
#  - the same program links statically with the installed libfedns.a.
#
# usage: consumer.sh MESON BUILD_DIR SOURCE_DIR PROJECT_VERSION
#   MESON       the meson command
#   BUILD_DIR   the build directory to install from
#   SOURCE_DIR  tests/meta (holds consumer.c); the header is ../../include
# env: FEDNS_TEST_CC  C compiler command (default: cc)
#      FEDNS_TEST_LDFLAGS  extra link flags (sanitizer or coverage runtime)
set -euo pipefail
export LC_ALL=C

if [ $# -ne 4 ]; then
	echo "usage: $0 MESON BUILD_DIR SOURCE_DIR PROJECT_VERSION" >&2
	exit 2
fi
meson=$1 build=$2 src=$3 project_version=$4
source_header=$src/../../include/fedns/fedns.h

die() { echo "FAIL: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "required tool '$1' not found ($2)"; }
read -r -a cc <<<"${FEDNS_TEST_CC:-cc}"
read -r -a ldflags <<<"${FEDNS_TEST_LDFLAGS:-}"
need "$meson" "install meson"
need pkg-config "install pkg-config (pkgconf)"
need objdump "install binutils"
need ldd "install libc-bin"
need "${cc[0]}" "install gcc, or set FEDNS_TEST_CC"
[ -r "$src/consumer.c" ] || die "cannot read $src/consumer.c"
[ -r "$source_header" ] || die "cannot read $source_header"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dest=$tmp/dest

# 1. Install what meson test has built. With --suite, meson test builds only
#    the targets the selected tests depend on: the test's `depends:` in
#    tests/meta/meson.build must list every built target that is installed.
if ! "$meson" install -C "$build" --no-rebuild --destdir "$dest" >"$tmp/install.log" 2>&1; then
	cat "$tmp/install.log"
	die "meson install --destdir failed (an installed target missing from the consumer test's depends:?)"
fi

# 2. The headers.
find "$dest" -name '*.h' | sed "s|^$dest||" | sort >"$tmp/headers"
if [ "$(wc -l <"$tmp/headers")" -ne 1 ] || ! grep -q '/include/fedns/fedns\.h$' "$tmp/headers"; then
	echo "installed headers:"
	sed 's/^/  /' "$tmp/headers"
	die "expected exactly one installed header, <prefix>/include/fedns/fedns.h"
fi
installed_header=$dest$(cat "$tmp/headers")
cmp -s "$installed_header" "$source_header" || die "the installed fedns.h differs from include/fedns/fedns.h"
header_version=$(sed -n 's/^#define FEDNS_VERSION_STRING "\(.*\)"$/\1/p' "$installed_header")
[ "$header_version" = "$project_version" ] ||
	die "the header says FEDNS_VERSION_STRING \"$header_version\", the project $project_version"
echo "ok: one header installed, $(cat "$tmp/headers")"

# 3. pkg-config, restricted to the installed tree. The sysroot maps the .pc
#    file's paths into DESTDIR; system paths must not be filtered out, since
#    the prefix may be /usr.
pcs=$(find "$dest" -name fedns.pc -path '*/pkgconfig/*')
[ -n "$pcs" ] || die "no fedns.pc installed"
[ "$(printf '%s\n' "$pcs" | wc -l)" -eq 1 ] || die "several fedns.pc installed: $pcs"
export PKG_CONFIG_LIBDIR="${pcs%/fedns.pc}" PKG_CONFIG_PATH=
export PKG_CONFIG_SYSROOT_DIR=$dest PKG_CONFIG_ALLOW_SYSTEM_CFLAGS=1 PKG_CONFIG_ALLOW_SYSTEM_LIBS=1
pc_version=$(pkg-config --modversion fedns) || die "pkg-config --modversion fedns failed"
[ "$pc_version" = "$project_version" ] || die "fedns.pc says version $pc_version, the project $project_version"
cflags_s=$(pkg-config --cflags fedns) || die "pkg-config --cflags fedns failed"
libs_s=$(pkg-config --libs fedns) || die "pkg-config --libs fedns failed"
static_s=$(pkg-config --static --libs fedns) || die "pkg-config --static --libs fedns failed"
read -r -a cflags <<<"$cflags_s"
read -r -a libs <<<"$libs_s"
echo "ok: pkg-config fedns $pc_version: ${cflags[*]} ${libs[*]}"
libdir=
for flag in "${libs[@]}"; do
	case $flag in -L*) libdir=${flag#-L} ;; esac
done
if [ -z "$libdir" ] || [ ! -d "$libdir" ]; then
	die "pkg-config --libs fedns names no installed library directory"
fi
case $libdir in "$dest"/*) ;; *) die "pkg-config's library directory $libdir is outside the install" ;; esac

# 4. The shared library: SONAME and link chain.
[ -f "$libdir/libfedns.so.1" ] || die "$libdir/libfedns.so.1 is missing"
soname=$(objdump -p "$libdir/libfedns.so.1" | awk '$1 == "SONAME" { print $2 }')
[ "$soname" = libfedns.so.1 ] || die "SONAME of the installed library is '$soname', not libfedns.so.1"
if [ ! -L "$libdir/libfedns.so" ] || [ "$(readlink "$libdir/libfedns.so")" != libfedns.so.1 ]; then
	die "libfedns.so is not a link to libfedns.so.1"
fi
echo "ok: SONAME libfedns.so.1; libfedns.so -> libfedns.so.1 -> $(readlink "$libdir/libfedns.so.1" || echo '(file)')"

# 5. Build, check what it loads, run.
"${cc[@]}" -o "$tmp/consumer" "$src/consumer.c" "${cflags[@]}" "${libs[@]}" \
	${ldflags[@]+"${ldflags[@]}"} >"$tmp/cc.log" 2>&1 || {
	cat "$tmp/cc.log"
	die "cc consumer.c \$(pkg-config --cflags --libs fedns) failed"
}
export LD_LIBRARY_PATH=$libdir
ldd "$tmp/consumer" >"$tmp/ldd" 2>&1 || { cat "$tmp/ldd"; die "ldd failed on the consumer"; }
loaded=$(awk '$1 == "libfedns.so.1" { print $3 }' "$tmp/ldd")
[ "$loaded" = "$libdir/libfedns.so.1" ] || {
	cat "$tmp/ldd"
	die "the consumer loads libfedns.so.1 from '$loaded', not from the installed $libdir"
}
out=$("$tmp/consumer") || die "the consumer failed (printed: $out)"
[ "$out" = "$project_version" ] ||
	die "the consumer printed '$out', FEDNS_VERSION_STRING is $project_version"
echo "ok: consumer built with pkg-config flags loads the installed library, prints $out"

# 6. The static library.
[ -f "$libdir/libfedns.a" ] || die "$libdir/libfedns.a is missing"
# pkg-config --static adds Libs.private; -lfedns becomes the archive itself.
static_libs=()
for flag in $static_s; do
	case $flag in
	-lfedns) static_libs+=("$libdir/libfedns.a") ;;
	-L*) ;;
	*) static_libs+=("$flag") ;;
	esac
done
"${cc[@]}" -o "$tmp/consumer-static" "$src/consumer.c" "${cflags[@]}" "${static_libs[@]}" \
	${ldflags[@]+"${ldflags[@]}"} >"$tmp/cc.log" 2>&1 || {
	cat "$tmp/cc.log"
	die "linking the consumer with the installed libfedns.a failed"
}
if LD_LIBRARY_PATH='' ldd "$tmp/consumer-static" 2>/dev/null | grep -q libfedns; then
	die "the statically linked consumer still needs libfedns.so"
fi
out=$(LD_LIBRARY_PATH='' "$tmp/consumer-static") || die "the static consumer failed (printed: $out)"
[ "$out" = "$project_version" ] || die "the static consumer printed '$out', expected $project_version"
echo "ok: consumer linked with the installed libfedns.a prints $out"
