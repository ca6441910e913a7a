#!/bin/bash
# Build fedns and run it or its tests, installing missing build dependencies
# first (Debian 12; as root, or through sudo).
#
#   ./build.sh run [ARGS...]  build, then run the CLI: build/tools/fedns ARGS
#                             (default: records docs/examples/contoso.json)
#   ./build.sh test           build, then meson test -C build --print-errorlogs
#   ./build.sh deps           only install the missing packages
#   ./build.sh build          only build
#
# FEDNS_BUILD_DIR names the build directory (default: build).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
build=${FEDNS_BUILD_DIR:-build}

# Everything the build and every test suite need.
packages=(meson ninja-build pkg-config gcc g++ check libjansson-dev libldns-dev bind9 bind9-utils
	bind9-dnsutils nsd python3 python3-yaml python3-pip binutils
	valgrind abigail-tools gcovr clang libclang-rt-14-dev groff-base)

die() { echo "build.sh: $*" >&2; exit 1; }

deps() {
	local missing=() p
	if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
		# Not Debian: say what is needed, build if the tools are there.
		for p in meson ninja pkg-config cc c++ nm python3 named-checkzone; do
			command -v "$p" >/dev/null 2>&1 || missing+=("$p")
		done
		[ ${#missing[@]} -eq 0 ] ||
			die "not a Debian system; install the equivalents of: ${packages[*]} (missing: ${missing[*]})"
		return 0
	fi
	for p in "${packages[@]}"; do
		dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null | grep -q '^ii' || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0

	local sudo=()
	if [ "$(id -u)" -ne 0 ]; then
		command -v sudo >/dev/null 2>&1 || die "missing packages: ${missing[*]}; run as root or install them"
		sudo=(sudo)
	fi
	echo "build.sh: installing ${missing[*]}" >&2
	export DEBIAN_FRONTEND=noninteractive
	"${sudo[@]}" apt-get update -q
	"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
}

compile() {
	deps
	if [ ! -f "$build/meson-private/coredata.dat" ]; then
		meson setup "$build"
	fi
	meson compile -C "$build"
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case $cmd in
run)
	compile >&2
	if [ $# -eq 0 ]; then
		set -- records docs/examples/contoso.json
	fi
	exec "$build/tools/fedns" "$@"
	;;
test)
	compile
	exec meson test -C "$build" --print-errorlogs "$@"
	;;
deps)
	deps
	;;
build)
	compile
	;;
*)
	sed -n '2,11s/^# \{0,1\}//p' "$0" >&2
	exit 2
	;;
esac
