#!/bin/bash
# Integration test (suite 'nsd'): fedns against a real authoritative server.
#
# usage: verify.sh FEDNS
#
# Starts NSD on a free loopback port (IPv4 and, when the host has it, IPv6)
# with a zone that `fedns records --format zone` renders plus SOA and NS, in
# a temporary directory of its own (own config, pidfile, `nsd -c CONF`), and
# stops it on exit. Then:
#   - `fedns verify` reports no drift, over IPv4 and over [::1]:PORT;
#   - `dig` returns the SRV and A/AAAA data SPEC 2's rules require (written
#     out here from the rules, not taken from fedns);
#   - after one record is removed, changed, added or misspelt, `verify`
#     names exactly that record (and `diff` the zone file's line);
#   - a zone the server cannot load (SERVFAIL) and a server that never
#     answers (timeout) are reported per name, never as missing records.
# A missing nsd, nsd-checkzone or dig fails the test, naming the package.
set -euo pipefail
export LC_ALL=C

if [ $# -ne 1 ]; then
	echo "usage: $0 FEDNS" >&2
	exit 2
fi
FEDNS=$1

die() { echo "FAIL: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "required tool '$1' not found (install $2)"; }
need nsd "the Debian package nsd"
need nsd-checkzone "the Debian package nsd"
need dig "the Debian package bind9-dnsutils"
need python3 "python3"
[ -x "$FEDNS" ] || die "cannot run $FEDNS"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/fedns-nsd.XXXXXX")
NSD_PID=
SINK_PID=

stop_nsd() {
	if [ -n "$NSD_PID" ] && kill -0 "$NSD_PID" 2>/dev/null; then
		kill "$NSD_PID" 2>/dev/null || true
		for _ in $(seq 50); do
			kill -0 "$NSD_PID" 2>/dev/null || break
			sleep 0.1
		done
		kill -9 "$NSD_PID" 2>/dev/null || true
	fi
	NSD_PID=
}

cleanup() {
	stop_nsd
	if [ -n "$SINK_PID" ]; then
		kill "$SINK_PID" 2>/dev/null || true
	fi
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

PASSED=0
FAILED=0
pass() { PASSED=$((PASSED + 1)); echo "ok: $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL: $*"; }

# A port free on UDP and TCP, on 127.0.0.1 and (when there is one) ::1.
HAVE_V6=$(python3 -c '
import socket
try:
    s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM); s.bind(("::1", 0)); print(1)
except OSError:
    print(0)')
free_port() {
	python3 - "$HAVE_V6" <<'EOF'
import socket, sys
v6 = sys.argv[1] == "1"
for _ in range(100):
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    held = []
    try:
        for fam, host in [(socket.AF_INET, "127.0.0.1")] + ([(socket.AF_INET6, "::1")] if v6 else []):
            for kind in (socket.SOCK_DGRAM, socket.SOCK_STREAM):
                s = socket.socket(fam, kind)
                held.append(s)
                s.bind((host, port))
    except OSError:
        continue
    finally:
        for s in held:
            s.close()
    print(port)
    break
else:
    sys.exit("no free port")
EOF
}

# ---- The deployment and its zone ------------------------------------------

# contoso.com: a DNS load-balanced pool of two members (two IPv4 addresses
# and one IPv6), federation discoverable, XMPP, a web conferencing edge.
cat >"$TMP/doc.json" <<'EOF'
{
  "fedns": 1,
  "ttl": 3600,
  "sip_domains": [{"name": "contoso.com", "xmpp": true}],
  "edge_pools": [
    {"name": "edge", "load_balancing": "dns", "xmpp_proxy": true,
     "access_edge": {"addresses": ["131.107.155.11", "131.107.155.10", "2001:db8::10"]},
     "webconf_edge": {"fqdn": "webcon.contoso.com",
                      "addresses": ["131.107.155.20", "131.107.155.21"]}}
  ],
  "federation": {"allow_federated_users": true, "discoverable": true,
                 "allowed_domains": [{"domain": "fabrikam.com"}]},
  "xmpp": {"partners": [{"domain": "jabber.example.org", "dialback": false,
                         "tls": "required", "sasl": "required"}]}
}
EOF
# The same with a second SIP domain, fabrikam.com, whose zone NSD cannot load.
python3 - "$TMP/doc.json" "$TMP/doc2.json" <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
doc["sip_domains"].append({"name": "fabrikam.com"})
doc["federation"]["allowed_domains"] = [{"domain": "litware.com"}]
json.dump(doc, open(sys.argv[2], "w"), indent=2)
EOF

"$FEDNS" records "$TMP/doc.json" --format zone >"$TMP/records.zone" ||
	die "fedns records --format zone failed"

# zone FILE: the rendered records with SOA and NS above them.
make_zone() {
	{
		echo '$ORIGIN contoso.com.'
		echo '$TTL 3600'
		echo '@ IN SOA ns1.example.net. hostmaster.example.net. 1 3600 600 86400 300'
		echo '@ IN NS ns1.example.net.'
		cat
	} >"$1"
}
make_zone "$TMP/contoso.zone" <"$TMP/records.zone"
nsd-checkzone contoso.com "$TMP/contoso.zone" >/dev/null || die "nsd-checkzone refused the zone"

# ---- The server ---------------------------------------------------------------

PORT=$(free_port)

# start_nsd ZONEFILE [broken]: (re)starts NSD serving contoso.com from
# ZONEFILE, and with "broken" also fabrikam.com from a file it cannot load.
start_nsd() {
	stop_nsd
	cp "$1" "$TMP/served.zone"
	{
		echo 'server:'
		echo "  ip-address: 127.0.0.1@$PORT"
		[ "$HAVE_V6" = 1 ] && echo "  ip-address: ::1@$PORT"
		echo "  port: $PORT"
		echo '  username: ""'
		echo '  chroot: ""'
		echo "  zonesdir: \"$TMP\""
		echo '  database: ""'
		echo "  zonelistfile: \"$TMP/zone.list\""
		echo "  pidfile: \"$TMP/nsd.pid\""
		echo "  xfrdfile: \"$TMP/xfrd.state\""
		echo "  xfrdir: \"$TMP\""
		echo "  logfile: \"$TMP/nsd.log\""
		echo '  server-count: 1'
		echo '  verbosity: 1'
		echo 'remote-control:'
		echo '  control-enable: no'
		echo 'zone:'
		echo '  name: contoso.com'
		echo '  zonefile: "served.zone"'
		if [ "${2:-}" = broken ]; then
			echo 'zone:'
			echo '  name: fabrikam.com'
			echo '  zonefile: "broken.zone"'
		fi
	} >"$TMP/nsd.conf"
	echo 'this is not a zone file' >"$TMP/broken.zone"
	rm -f "$TMP/nsd.pid"
	nsd -c "$TMP/nsd.conf" || die "nsd did not start: $(cat "$TMP/nsd.log" 2>/dev/null)"
	for _ in $(seq 100); do
		[ -s "$TMP/nsd.pid" ] && break
		sleep 0.1
	done
	NSD_PID=$(cat "$TMP/nsd.pid" 2>/dev/null) || die "nsd wrote no pidfile"
	# Serving once it answers the SOA.
	for _ in $(seq 100); do
		if dig @127.0.0.1 -p "$PORT" +time=1 +tries=1 +short contoso.com SOA 2>/dev/null |
			grep -q hostmaster; then
			return 0
		fi
		sleep 0.1
	done
	die "nsd does not answer on port $PORT: $(cat "$TMP/nsd.log")"
}

# run_verify DOC [ARGS...]: sets OUT and RC.
run_verify() {
	local doc=$1
	shift
	set +e
	OUT=$("$FEDNS" verify "$doc" --server "127.0.0.1:$PORT" --timeout 2 "$@" 2>&1)
	RC=$?
	set -e
}

# expect_findings NAME WANT: the finding lines (not hints, not the count) of
# OUT are exactly WANT, and the exit status is 1.
expect_findings() {
	local got
	got=$(printf '%s\n' "$OUT" | grep -v '^  hint: ' | grep -v '^[0-9]* findings\?$' || true)
	if [ "$RC" = 1 ] && [ "$got" = "$2" ]; then
		pass "$1"
	else
		fail "$1: exit $RC, got:"
		printf '%s\n' "$OUT" | sed 's/^/    /'
		echo "  want:"
		printf '%s\n' "$2" | sed 's/^/    /'
	fi
}

# ---- Clean --------------------------------------------------------------------

start_nsd "$TMP/contoso.zone"
run_verify "$TMP/doc.json"
if [ "$RC" = 0 ] && [ "$OUT" = "no drift" ]; then
	pass "verify: the served zone has no drift"
else
	fail "verify on the clean zone: exit $RC: $OUT"
fi

if [ "$HAVE_V6" = 1 ]; then
	set +e
	OUT=$("$FEDNS" verify "$TMP/doc.json" --server "[::1]:$PORT" 2>&1)
	RC=$?
	set -e
	if [ "$RC" = 0 ] && [ "$OUT" = "no drift" ]; then
		pass "verify over IPv6 ([::1]:$PORT)"
	else
		fail "verify over IPv6: exit $RC: $OUT"
	fi
else
	echo "note: this host has no ::1; the IPv6 server address was not exercised"
fi

# dig against the same server returns what SPEC 2 requires: R2, R3, R5 SRV
# records (priority 0, weight 0, ports 443, 5061, 5269), R1 and R5 hosts on
# every access edge address, R6 on the web conferencing addresses.
dig_is() {
	local got
	got=$(dig @127.0.0.1 -p "$PORT" +short +time=2 +tries=1 "$2" "$3" | sort)
	if [ "$got" = "$4" ]; then
		pass "dig $2 $3"
	else
		fail "dig $2 $3: got '$got', want '$4'"
	fi
}
dig_is R2 _sip._tls.contoso.com SRV "0 0 443 sip.contoso.com."
dig_is R3 _sipfederationtls._tcp.contoso.com SRV "0 0 5061 sip.contoso.com."
dig_is R5 _xmpp-server._tcp.contoso.com SRV "0 0 5269 xmpp.contoso.com."
dig_is R1 sip.contoso.com A "$(printf '131.107.155.10\n131.107.155.11')"
dig_is R1 sip.contoso.com AAAA "2001:db8::10"
dig_is R5 xmpp.contoso.com A "$(printf '131.107.155.10\n131.107.155.11')"
dig_is R5 xmpp.contoso.com AAAA "2001:db8::10"
dig_is R6 webcon.contoso.com A "$(printf '131.107.155.20\n131.107.155.21')"

# ---- One record removed, changed, added, misspelt ------------------------------

FED='^_sipfederationtls\._tcp\.contoso\.com\. '
line_of() { grep -n "$1" "$TMP/$2" | head -1 | cut -d: -f1; }

grep -v "$FED" "$TMP/records.zone" | make_zone "$TMP/removed.zone"
start_nsd "$TMP/removed.zone"
run_verify "$TMP/doc.json"
expect_findings "verify: a removed record" \
	"D1 missing _sipfederationtls._tcp.contoso.com. SRV: expected 0 0 5061 sip.contoso.com."

sed 's/^sip\.contoso\.com\. 3600 IN A 131\.107\.155\.11$/sip.contoso.com. 3600 IN A 131.107.155.12/' \
	"$TMP/records.zone" | make_zone "$TMP/changed.zone"
grep -q '131.107.155.12' "$TMP/changed.zone" || die "the test could not change the A record"
start_nsd "$TMP/changed.zone"
run_verify "$TMP/doc.json"
expect_findings "verify: a changed record" \
	"D3 different sip.contoso.com. A: expected 131.107.155.11, found 131.107.155.12"

{ cat "$TMP/records.zone"; echo 'xmpp.contoso.com. 3600 IN A 131.107.155.99'; } |
	make_zone "$TMP/added.zone"
start_nsd "$TMP/added.zone"
run_verify "$TMP/doc.json"
expect_findings "verify: an added record" \
	"D2 unexpected xmpp.contoso.com. A: found 131.107.155.99"

sed 's/^_sipfederationtls\._tcp\./_sipfederationtls.tcp./' "$TMP/records.zone" |
	make_zone "$TMP/misspelt.zone"
start_nsd "$TMP/misspelt.zone"
run_verify "$TMP/doc.json"
expect_findings "verify: a misspelt owner name" \
	"D1 missing _sipfederationtls._tcp.contoso.com. SRV: expected 0 0 5061 sip.contoso.com.
D4 near-miss _sipfederationtls.tcp.contoso.com. SRV: found 0 0 5061 sip.contoso.com.; the name should be _sipfederationtls._tcp.contoso.com."

# diff names the zone file's line of the same record.
set +e
OUT=$("$FEDNS" diff "$TMP/doc.json" "$TMP/changed.zone" 2>&1)
RC=$?
set -e
LINE=$(line_of '131.107.155.12' changed.zone)
expect_findings "diff: the changed record with its line" \
	"$TMP/changed.zone:$LINE: D3 different sip.contoso.com. A: expected 131.107.155.11, found 131.107.155.12"

# ---- Failures are reported per name, never as missing ----------------------------

start_nsd "$TMP/contoso.zone" broken
run_verify "$TMP/doc2.json"
expect_findings "verify: SERVFAIL per name" \
	"D7 lookup-failed _sip._tls.fabrikam.com.: look-up failed: SERVFAIL
D7 lookup-failed _sip.tls.fabrikam.com.: look-up failed: SERVFAIL
D7 lookup-failed _sip_.tls.fabrikam.com.: look-up failed: SERVFAIL
D7 lookup-failed _sipfederationtls._tcp.fabrikam.com.: look-up failed: SERVFAIL
D7 lookup-failed _sipfederationtls._tls.fabrikam.com.: look-up failed: SERVFAIL
D7 lookup-failed _sipfederationtls._udp.fabrikam.com.: look-up failed: SERVFAIL
D7 lookup-failed _sipfederationtls.tcp.fabrikam.com.: look-up failed: SERVFAIL
D7 lookup-failed _sipfederationtls_.tcp.fabrikam.com.: look-up failed: SERVFAIL
D7 lookup-failed _xmpp-server._tcp.fabrikam.com.: look-up failed: SERVFAIL
D7 lookup-failed _xmpp-server._tls.fabrikam.com.: look-up failed: SERVFAIL
D7 lookup-failed _xmpp-server._udp.fabrikam.com.: look-up failed: SERVFAIL
D7 lookup-failed _xmpp-server.tcp.fabrikam.com.: look-up failed: SERVFAIL
D7 lookup-failed _xmpp-server_.tcp.fabrikam.com.: look-up failed: SERVFAIL
D7 lookup-failed lyncdiscover.fabrikam.com.: look-up failed: SERVFAIL
D7 lookup-failed sip._tls.fabrikam.com.: look-up failed: SERVFAIL
D7 lookup-failed sip.fabrikam.com.: look-up failed: SERVFAIL
D7 lookup-failed sipfederationtls._tcp.fabrikam.com.: look-up failed: SERVFAIL
D7 lookup-failed xmpp-server._tcp.fabrikam.com.: look-up failed: SERVFAIL"
stop_nsd

# A server that takes queries and never answers.
python3 - "$PORT" <<'EOF' &
import socket, sys, time
port = int(sys.argv[1])
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(("127.0.0.1", port))
t = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
t.bind(("127.0.0.1", port))
t.listen(16)
time.sleep(120)
EOF
SINK_PID=$!
sleep 0.5
set +e
OUT=$("$FEDNS" verify "$TMP/doc.json" --server "127.0.0.1:$PORT" --timeout 1 2>&1)
RC=$?
set -e
kill "$SINK_PID" 2>/dev/null || true
SINK_PID=
FINDINGS=$(printf '%s\n' "$OUT" | grep -c '^D' || true)
TIMEOUTS=$(printf '%s\n' "$OUT" | grep -c '^D7 lookup-failed .*: look-up failed: timeout: no answer within 1 s$' || true)
if [ "$RC" = 1 ] && [ "$TIMEOUTS" -ge 1 ] && [ "$FINDINGS" -gt 0 ] &&
	! printf '%s\n' "$OUT" | grep -q '^D[1-6] '; then
	pass "verify: a silent server gives per-name timeouts, nothing missing"
else
	fail "verify against a silent server: exit $RC:"
	printf '%s\n' "$OUT" | sed 's/^/    /'
fi

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
