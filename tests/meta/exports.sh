#!/bin/bash
# Meta test "exports": the shared library exports exactly the names of the
# linker version script, each with its node as default version (name@@NODE),
# and those names are exactly the FEDNS_API declarations of the public header.
#
# usage: exports.sh LIBRARY VERSION_SCRIPT HEADER
# env:   FEDNS_TEST_CC  the C compiler command (default: cc); used only as a
#                       preprocessor, to read the header the way a compiler does
set -euo pipefail
export LC_ALL=C

if [ $# -ne 3 ]; then
	echo "usage: $0 LIBRARY VERSION_SCRIPT HEADER" >&2
	exit 2
fi
lib=$1 sym=$2 header=$3
fail=0

die() { echo "FAIL: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "required tool '$1' not found ($2)"; }

need nm "install binutils"
need awk "install gawk or mawk"
read -r -a cc <<<"${FEDNS_TEST_CC:-cc}"
need "${cc[0]}" "install gcc, or set FEDNS_TEST_CC"
for f in "$lib" "$sym" "$header"; do
	[ -r "$f" ] || die "cannot read $f"
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. The version script: "name node" for every name under a global: label.
#    Comments (/* */ and #) are dropped, then the script is read token by token.
sed -e 's/#.*$//' "$sym" | tr '\n' ' ' |
	sed -e 's:/\*\([^*]\|\*\+[^*/]\)*\*\+/: :g' -e 's/\([{};:]\)/ \1 /g' |
	tr -s '[:blank:]' '\n' |
	awk -v symfile="$sym" '
	function bad(msg) { print symfile ": " msg > "/dev/stderr"; err = 1 }
	$0 == "" { next }
	state == "out" || state == "" {
		if ($0 == ";") next
		node = $0; state = "open"; next
	}
	state == "open" {
		if ($0 != "{") bad("expected { after node " node)
		state = "in"; section = "global"; next
	}
	state == "in" {
		if ($0 == "}") { state = "close"; next }
		if ($0 == ";") next
		if (($0 == "global" || $0 == "local") ) { pending = $0; next }
		if ($0 == ":") { section = pending; next }
		if (section == "global") {
			if ($0 ~ /[*?\[]/) bad("wildcard \"" $0 "\" in global: section of " node)
			print $0, node
		} else if ($0 != "*") {
			bad("name \"" $0 "\" in local: section of " node " (local: must be just *)")
		}
		next
	}
	state == "close" {
		if ($0 == ";") { state = "out"; next }
		parent = $0; next   # the node this one inherits from
	}
	END {
		if (state != "out") bad("unterminated node " node)
		exit err
	}' >"$tmp/sym.list" || die "cannot parse the version script $sym"
sort -u "$tmp/sym.list" >"$tmp/sym.sorted"
awk '{ print $1 }' "$tmp/sym.sorted" | sort >"$tmp/sym.names"
awk '{ print $2 }' "$tmp/sym.list" | sort -u >"$tmp/sym.nodes"
if [ "$(uniq -d "$tmp/sym.names" | wc -l)" -ne 0 ]; then
	echo "FAIL: names listed more than once in $sym:"
	uniq -d "$tmp/sym.names" | sed 's/^/  /'
	fail=1
fi
sort -u -o "$tmp/sym.names" "$tmp/sym.names"
[ -s "$tmp/sym.names" ] || die "no global names found in $sym"

# 2. The library: every defined dynamic symbol. The only symbol allowed
#    without a version suffix is a version node's own (absolute) symbol.
nm -D --defined-only "$lib" >"$tmp/nm.out" || die "nm -D --defined-only $lib failed"
: >"$tmp/exported"
while read -r _addr type name; do
	[ -n "${name:-}" ] || { name=$type; type='?'; }
	case $name in
	*@@*)
		echo "${name%%@@*} ${name#*@@}" >>"$tmp/exported"
		;;
	*@*)
		echo "FAIL: $name is exported with a non-default version (single @)"
		fail=1
		;;
	*)
		if grep -qxF -- "$name" "$tmp/sym.nodes"; then
			[ "$type" = A ] || { echo "FAIL: version node symbol $name has type $type, not A"; fail=1; }
		else
			echo "FAIL: $name ($type) is exported without a symbol version"
			fail=1
		fi
		;;
	esac
done <"$tmp/nm.out"
sort -u "$tmp/exported" -o "$tmp/exported"

if ! cmp -s "$tmp/sym.sorted" "$tmp/exported"; then
	fail=1
	echo "FAIL: the exports of $lib differ from $sym"
	echo "  exported but not in the version script (or under another node):"
	comm -13 "$tmp/sym.sorted" "$tmp/exported" | awk '{ print "    " $1 "@@" $2 }'
	echo "  in the version script but not exported (or under another node):"
	comm -23 "$tmp/sym.sorted" "$tmp/exported" | awk '{ print "    " $1 "@@" $2 }'
fi

# 3. The header, read through the preprocessor (comments, line continuations
#    and macros handled as a compiler would) with empty stand-ins for the
#    system headers, so only the header's own declarations remain. With
#    FEDNS_BUILDING_LIBRARY defined, FEDNS_API carries visibility("default"):
#    that marks the exported declarations.
mkdir "$tmp/stub"
for h in stddef.h stdint.h stdbool.h; do : >"$tmp/stub/$h"; done
"${cc[@]}" -E -P -nostdinc -I"$tmp/stub" -DFEDNS_BUILDING_LIBRARY -x c "$header" \
	>"$tmp/header.i" 2>"$tmp/cpp.err" || {
	cat "$tmp/cpp.err" >&2
	die "the preprocessor failed on $header"
}
awk '
	# Split into top-level declarations: a ";" ends one only outside braces.
	{ text = text " " $0 }
	END {
		n = length(text); depth = 0; stmt = ""
		for (i = 1; i <= n; i++) {
			c = substr(text, i, 1)
			if (c == "{") depth++
			else if (c == "}") depth--
			if (c == ";" && depth == 0) { decl(stmt); stmt = "" }
			else stmt = stmt c
		}
	}
	function decl(s,    exported, head, name) {
		gsub(/^[ \t]+|[ \t]+$/, "", s)
		if (s == "" || s ~ /^typedef[ \t]/) return
		exported = sub(/__attribute__ *\( *\( *visibility *\( *"default" *\) *\) *\)/, "", s)
		head = s
		if (index(head, "(")) head = substr(head, 1, index(head, "(") - 1)
		sub(/[ \t]*=.*$/, "", head); sub(/[ \t]*\[.*$/, "", head)
		if (!match(head, /[A-Za-z_][A-Za-z0-9_]*[ \t]*$/)) return
		name = substr(head, RSTART, RLENGTH); gsub(/[ \t]/, "", name)
		print (exported ? "api " : "plain ") name
	}' "$tmp/header.i" >"$tmp/header.decls"
awk '$1 == "api" { print $2 }' "$tmp/header.decls" | sort >"$tmp/header.names"
if [ "$(uniq -d "$tmp/header.names" | wc -l)" -ne 0 ]; then
	echo "FAIL: declared more than once in the header:"
	uniq -d "$tmp/header.names" | sed 's/^/  /'
	fail=1
fi
sort -u -o "$tmp/header.names" "$tmp/header.names"
if awk '$1 == "plain"' "$tmp/header.decls" | grep -q .; then
	echo "FAIL: declarations in $header without FEDNS_API (a caller could not link them):"
	awk '$1 == "plain" { print "  " $2 }' "$tmp/header.decls"
	fail=1
fi
[ -s "$tmp/header.names" ] || die "no FEDNS_API declarations found in $header"

if ! cmp -s "$tmp/sym.names" "$tmp/header.names"; then
	fail=1
	echo "FAIL: the FEDNS_API declarations of $header differ from $sym"
	echo "  declared in the header, not in the version script:"
	comm -13 "$tmp/sym.names" "$tmp/header.names" | sed 's/^/    /'
	echo "  in the version script, not declared in the header:"
	comm -23 "$tmp/sym.names" "$tmp/header.names" | sed 's/^/    /'
fi

if [ "$fail" -ne 0 ]; then
	exit 1
fi
echo "ok: $(wc -l <"$tmp/sym.names") names; exports == version script == header" \
	"(nodes: $(tr '\n' ' ' <"$tmp/sym.nodes"| sed 's/ $//'))"
