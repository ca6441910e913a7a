#!/bin/bash
# Meta test "imports": libfedns imports only the functions listed in
# abi/imports-allowed.txt, which enforces "no I/O" (STYLE 10) mechanically:
# no stdio, files, sockets, name lookups, clocks, environment or locale.
#
# usage: imports.sh SHARED_LIBRARY STATIC_LIBRARY ALLOWLIST [INSTRUMENTATION]
#
# Checks, in an ordinary build:
#  1. nm -D --undefined-only SHARED_LIBRARY is a subset of ALLOWLIST;
#  2. the same for the objects of STATIC_LIBRARY (what a static consumer links:
#     names undefined in the archive and defined by none of its members);
#  3. the allowlist itself names nothing from the forbidden families below,
#     so it cannot be loosened by accident.
# INSTRUMENTATION (for example "b_sanitize=address b_coverage=true") says the
# build links a sanitizer or gcov runtime, whose own I/O shows up in the shared
# library's imports. Check 1 is then replaced by check 2 with the runtime's
# entry points (__asan_*, __ubsan_*, __gcov_*, ...) set aside; this is printed.
set -euo pipefail
export LC_ALL=C

if [ $# -lt 3 ] || [ $# -gt 4 ]; then
	echo "usage: $0 SHARED_LIBRARY STATIC_LIBRARY ALLOWLIST [INSTRUMENTATION]" >&2
	exit 2
fi
shlib=$1 stlib=$2 allow=$3 instr=${4:-}
fail=0

die() { echo "FAIL: $*" >&2; exit 1; }
command -v nm >/dev/null 2>&1 || die "required tool 'nm' not found (install binutils)"
for f in "$shlib" "$stlib" "$allow"; do
	[ -r "$f" ] || die "cannot read $f"
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Names that must never be imported, whatever the allowlist says.
forbidden='^('
forbidden+='printf|fprintf|vprintf|vfprintf|dprintf|vdprintf|sprintf|vsprintf|asprintf|vasprintf'
forbidden+='|__(printf|fprintf|vprintf|vfprintf|sprintf|vsprintf|dprintf|asprintf)_chk'
forbidden+='|puts|fputs|putchar|putc|fputc|fwrite|fread|fopen|fopen64|fdopen|freopen|fclose|fflush'
forbidden+='|fgets|fgetc|getc|getchar|gets|getline|getdelim|ungetc|scanf|fscanf|sscanf|vscanf|vfscanf|vsscanf'
forbidden+='|perror|setvbuf|setbuf|tmpfile|tmpnam|popen|pclose|open_memstream|fmemopen|fileno'
forbidden+='|stdin|stdout|stderr|_IO_.*|__(fread|fgets|read|pread|readlink)_chk'
forbidden+='|open|open64|openat|__open_2|creat|read|write|close|lseek|lseek64|pread|pwrite|readv|writev'
forbidden+='|stat|fstat|lstat|stat64|fstat64|__x?stat.*|mmap|munmap|unlink|rename|mkdir|opendir|readdir'
forbidden+='|ioctl|fcntl|dup|dup2|pipe|fork|vfork|exec.*|system|syscall|syslog|openlog'
forbidden+='|socket|socketpair|connect|bind|listen|accept|accept4|send|sendto|sendmsg|recv|recvfrom|recvmsg'
forbidden+='|setsockopt|getsockopt|shutdown|poll|ppoll|select|pselect|epoll_.*'
forbidden+='|getaddrinfo|freeaddrinfo|gai_strerror|getnameinfo|gethostbyname.*|gethostbyaddr.*'
forbidden+='|res_.*|__res_.*|dn_.*|__dn_.*'
forbidden+='|time|clock|clock_gettime|__clock_gettime.*|gettimeofday|times|localtime.*|gmtime.*|mktime'
forbidden+='|timegm|strftime|difftime|ctime.*|asctime.*|nanosleep|sleep|usleep|alarm'
forbidden+='|getenv|secure_getenv|__secure_getenv|setenv|putenv|unsetenv|clearenv|environ|__environ'
forbidden+='|setlocale|newlocale|uselocale|duplocale|localeconv|nl_langinfo|__ctype_.*'
forbidden+='|rand|srand|random|srandom|rand_r|getrandom|arc4random.*|dlopen|dlsym|dlclose'
forbidden+='|calloc|strdup|strndup|__strdup|aligned_alloc|posix_memalign|memalign|valloc'
forbidden+=')$'

# Runtime entry points of sanitizers and coverage (instrumented builds only).
instrumented_prefix='^(__asan_|__ubsan_|__lsan_|__tsan_|__msan_|__hwasan_|__sanitizer_|__sancov_|__gcov_|__llvm_)'

# The allowlist: one name a line, "#" comments.
sed -e 's/#.*$//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$allow" | grep -v '^$' |
	sort >"$tmp/allowed" || true
[ -s "$tmp/allowed" ] || die "$allow lists no names"
if grep -n '[[:space:]]' "$tmp/allowed" >/dev/null; then
	die "$allow: one name a line, please"
fi
if grep -E "$forbidden" "$tmp/allowed" >"$tmp/allow.bad"; then
	echo "FAIL: $allow allows names the library must never import:"
	sed 's/^/  /' "$tmp/allow.bad"
	fail=1
fi
sort -u -o "$tmp/allowed" "$tmp/allowed"

# report WHAT NAMES_FILE: fail with the offending names if any is not allowed.
report() {
	local what=$1 names=$2
	comm -23 "$names" "$tmp/allowed" >"$tmp/offending"
	if [ -s "$tmp/offending" ]; then
		fail=1
		echo "FAIL: $what imports names not in $allow:"
		while read -r n; do
			if printf '%s\n' "$n" | grep -qE "$forbidden"; then
				echo "  $n    (forbidden: I/O, clock, environment, locale or a hidden allocation)"
			else
				echo "  $n"
			fi
		done <"$tmp/offending"
	else
		echo "ok: $what imports $(wc -l <"$names") names, all allowed: $(tr '\n' ' ' <"$names")"
	fi
}

# Check 1: the shared library's dynamic imports (version suffixes dropped).
if [ -z "$instr" ]; then
	nm -D --undefined-only "$shlib" >"$tmp/nm.sh" || die "nm -D --undefined-only $shlib failed"
	awk 'NF { n = $NF; sub(/@.*/, "", n); print n }' "$tmp/nm.sh" | sort -u >"$tmp/shlib.imports"
	report "$shlib" "$tmp/shlib.imports"
else
	echo "note: instrumented build ($instr): the shared library carries the runtime's"
	echo "      own imports, so its objects are checked instead, runtime entry points set aside"
fi

# Check 2: the static library's objects.
nm --undefined-only "$stlib" >"$tmp/nm.und" 2>"$tmp/nm.err" || {
	cat "$tmp/nm.err" >&2
	die "nm --undefined-only $stlib failed"
}
nm --defined-only --extern-only "$stlib" >"$tmp/nm.def" 2>>"$tmp/nm.err" || {
	cat "$tmp/nm.err" >&2
	die "nm --defined-only $stlib failed"
}
# Member headers ("alloc.c.o:") have one field and end with a colon.
awk 'NF >= 2 { print $NF }' "$tmp/nm.def" | sort -u >"$tmp/st.defined"
awk 'NF >= 2 { print $NF }' "$tmp/nm.und" | sort -u >"$tmp/st.undefined"
# _GLOBAL_OFFSET_TABLE_ is made by the linker, not imported from a library.
comm -23 "$tmp/st.undefined" "$tmp/st.defined" | grep -vx '_GLOBAL_OFFSET_TABLE_' >"$tmp/st.imports" || true
if [ -n "$instr" ]; then
	grep -E "$instrumented_prefix" "$tmp/st.imports" >"$tmp/st.runtime" || true
	grep -vE "$instrumented_prefix" "$tmp/st.imports" >"$tmp/st.own" || true
	echo "note: set aside $(wc -l <"$tmp/st.runtime") instrumentation runtime names"
	mv "$tmp/st.own" "$tmp/st.imports"
fi
report "$stlib" "$tmp/st.imports"

exit "$fail"
