"""`fedns diff DOC ZONEFILE...` and `fedns verify DOC --server ADDR[:PORT]`
(SPEC 8): findings with the zone file's line, exit 0 no drift, 1 drift,
2 usage error or unreadable input. The live server side is tested against
NSD in tests/nsd/verify.sh; here a server that never answers stands in."""
import json
import socket
import threading

import clitest
from clitest import CliTestCase

TRY = "Try 'fedns --help' for more information.\n"

DOC = """\
{
  "fedns": 1,
  "sip_domains": [{"name": "contoso.com"}],
  "edge_pools": [{"name": "edge", "access_edge": {"addresses": ["131.107.155.10"]}}],
  "federation": {"allow_federated_users": true, "partner_discovery": true}
}
"""

ZONE = """\
$ORIGIN contoso.com.
$TTL 3600
@ IN SOA ns1.example.net. hostmaster.example.net. 1 3600 600 86400 300
@ IN NS ns1.example.net.
www IN A 131.107.155.80
_sip._tls IN SRV 0 0 443 sip
_sipfederationtls._tcp IN SRV ( 0 0
    5061 sip.contoso.com. )
sip IN A 131.107.155.10 ; the Access Edge
"""


class Diff(CliTestCase):
    def setUp(self):
        super().setUp()
        self.write("doc.json", DOC)

    def test_no_drift(self):
        self.write("contoso.zone", ZONE)
        self.assertRun(["diff", "doc.json", "contoso.zone"], 0, stdout="no drift\n")

    def test_rendered_zone_has_no_drift(self):
        r = self.fedns("records", "doc.json", "--format", "zone")
        self.write("rendered.zone", r.stdout, dedent=False)
        self.assertRun(["diff", "doc.json", "rendered.zone"], 0, stdout="no drift\n")

    def test_findings_name_the_line(self):
        self.write("contoso.zone", ZONE.replace("5061 sip", "5062 sip")
                   .replace("sip IN A 131.107.155.10", "sip IN CNAME edge.contoso.net.")
                   .replace("_sip._tls IN", "_sip.tls IN"))
        self.assertRun(["diff", "doc.json", "contoso.zone"], 1, stdout=(
            "D1 missing _sip._tls.contoso.com. SRV: expected 0 0 443 sip.contoso.com.\n"
            "  hint: Publish _sip._tls.contoso.com. 3600 IN SRV 0 0 443 sip.contoso.com. in "
            "external DNS.\n"
            "contoso.zone:6: D4 near-miss _sip.tls.contoso.com. SRV: found 0 0 443 "
            "sip.contoso.com.; the name should be _sip._tls.contoso.com.\n"
            "  hint: _sip.tls.contoso.com. looks like a misspelling of _sip._tls.contoso.com.: "
            "rename the record to _sip._tls.contoso.com. (clients and partners look up only "
            "that name).\n"
            "contoso.zone:7: D3 different _sipfederationtls._tcp.contoso.com. SRV: expected "
            "0 0 5061 sip.contoso.com., found 0 0 5062 sip.contoso.com.\n"
            "  hint: Change _sipfederationtls._tcp.contoso.com. SRV from 0 0 5062 "
            "sip.contoso.com. to 0 0 5061 sip.contoso.com..\n"
            "contoso.zone:9: D5 alias sip.contoso.com. CNAME: found an alias to "
            "edge.contoso.net.; expected addresses 131.107.155.10\n"
            "  hint: sip.contoso.com. is an SRV target and must not be an alias (RFC 2782): "
            "replace the CNAME with A/AAAA records for 131.107.155.10.\n"
            "4 findings\n"))

    def test_line_of_a_record_under_comments_and_blank_lines(self):
        # ldns skips these in the same call that reads the record: the
        # record's own line is reported, not the first skipped one.
        self.write("contoso.zone", "\n\n; leading comment\n" +
                   ZONE.replace("sip IN A 131.107.155.10 ; the Access Edge",
                                "; a comment line\n\n  ; another\nsip IN A 131.107.155.11"))
        self.assertRun(["diff", "doc.json", "contoso.zone"], 1, stdout=(
            "contoso.zone:15: D3 different sip.contoso.com. A: expected 131.107.155.10, found "
            "131.107.155.11\n"
            "  hint: Change sip.contoso.com. A from 131.107.155.11 to 131.107.155.10.\n"
            "1 finding\n"))

    def test_ttl_and_hybrid_leftover(self):
        self.write("contoso.zone", ZONE.replace("sip IN A", "sip 300 IN A") +
                   "lyncdiscover IN CNAME webdir.online.lync.com.\n")
        self.assertRun(["diff", "doc.json", "contoso.zone"], 1, stdout=(
            "contoso.zone:10: D6 online-conflict lyncdiscover.contoso.com. CNAME: found "
            "webdir.online.lync.com.\n"
            "  hint: lyncdiscover.contoso.com. still points to Microsoft 365 "
            "(webdir.online.lync.com.) but the deployment keeps contoso.com. on premises: "
            "remove it (a hybrid leftover sends clients and partners to the online service).\n"
            "contoso.zone:9: D3 different sip.contoso.com. A: expected TTL 3600, found TTL 300\n"
            "  hint: Set the TTL of sip.contoso.com. A 131.107.155.10 to 3600 (it is 300).\n"
            "2 findings\n"))

    def test_several_zone_files(self):
        lines = ZONE.splitlines(keepends=True)
        self.write("a.zone", "".join(lines[:6]))
        self.write("b.zone", "$ORIGIN contoso.com.\n" + "".join(lines[6:]))
        self.assertRun(["diff", "doc.json", "a.zone", "b.zone"], 0, stdout="no drift\n")
        self.write("b.zone", "$ORIGIN contoso.com.\nsip IN A 131.107.155.11\n" +
                   "".join(lines[6:8]))
        self.assertRun(["diff", "doc.json", "a.zone", "b.zone"], 1, stdout=(
            "b.zone:2: D3 different sip.contoso.com. A: expected 131.107.155.10, found "
            "131.107.155.11\n"
            "  hint: Change sip.contoso.com. A from 131.107.155.11 to 131.107.155.10.\n"
            "1 finding\n"))

    def test_origin_option(self):
        self.write("rel.zone", "sip IN A 131.107.155.10\n")
        self.assertRun(["diff", "doc.json", "rel.zone"], 2, stderr=(
            "fedns: rel.zone:1: a relative name and no origin: add $ORIGIN to the file or "
            "give --origin\n"))
        r = self.fedns("diff", "doc.json", "rel.zone", "--origin", "contoso.com")
        self.assertEqual((r.returncode, r.stderr), (1, ""))
        self.assertNotIn("sip.contoso.com. A", r.stdout)

    def test_json(self):
        self.write("contoso.zone", ZONE.replace("5061 sip", "5062 sip"))
        r = self.fedns("diff", "doc.json", "contoso.zone", "--format", "json")
        self.assertEqual((r.returncode, r.stderr), (1, ""))
        self.assertEqual(json.loads(r.stdout), {"fedns": 1, "findings": [{
            "id": "D3", "kind": "different",
            "owner": "_sipfederationtls._tcp.contoso.com.", "type": "SRV",
            "expected_owner": "_sipfederationtls._tcp.contoso.com.",
            "expected": "0 0 5061 sip.contoso.com.", "expected_ttl": 3600,
            "observed": "0 0 5062 sip.contoso.com.", "observed_ttl": 3600,
            "source": "contoso.zone", "line": 7,
            "hint": "Change _sipfederationtls._tcp.contoso.com. SRV from 0 0 5062 "
                    "sip.contoso.com. to 0 0 5061 sip.contoso.com.."}]})

    def test_chinese(self):
        self.write("contoso.zone", ZONE.replace("5061 sip", "5062 sip"))
        r = self.fedns("diff", "doc.json", "contoso.zone", "--lang", "zh-CN")
        self.assertEqual(r.returncode, 1)
        self.assertTrue(r.stdout.endswith(
            "  hint: 请将 _sipfederationtls._tcp.contoso.com. 的 SRV 记录从 0 0 5062 "
            "sip.contoso.com. 改为 0 0 5061 sip.contoso.com.。\n1 项差异\n"), r.stdout)

    def test_unreadable_zone_files_exit_2(self):
        self.assertRun(["diff", "doc.json", "missing.zone"], 2,
                       stderr="fedns: missing.zone: No such file or directory\n")
        self.write("bad.zone", "$ORIGIN contoso.com.\nsip IN A 131.107.155.300\n")
        self.assertRun(["diff", "doc.json", "bad.zone"], 2, stderr=(
            "fedns: bad.zone:2: Syntax error, could not parse the RR's rdata\n"))
        self.write("inc.zone", "$ORIGIN contoso.com.\n$INCLUDE other.zone\n")
        self.assertRun(["diff", "doc.json", "inc.zone"], 2, stderr=(
            "fedns: inc.zone:2: $INCLUDE is not supported: give the included file as "
            "another ZONEFILE\n"))

    def test_invalid_document_is_refused_before_the_zone_is_read(self):
        self.write("doc.json", DOC.replace("131.107.155.10", "131.107.155.300"))
        r = self.fedns("diff", "doc.json", "missing.zone")
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertTrue(r.stderr.startswith("error V5 edge: "), r.stderr)

    def test_missing_zone_file(self):
        self.assertRun(["diff", "doc.json"], 2, stderr=(
            "fedns: diff: missing ZONEFILE (one or more zone files to compare with)\n" + TRY))


class Verify(CliTestCase):
    def setUp(self):
        super().setUp()
        self.write("doc.json", DOC)

    def test_usage(self):
        self.assertRun(["verify", "doc.json"], 2, stderr=(
            "fedns: verify: missing --server ADDR[:PORT] (the DNS server to ask)\n" + TRY))
        for bad in ("ns1.example.net", "300.1.1.1", "[::1", "[::1]:0", "127.0.0.1:99999",
                    "[::1]x"):
            with self.subTest(server=bad):
                self.assertRun(["verify", "doc.json", "--server", bad], 2, stderr=(
                    "fedns: --server %s: expected ADDR, ADDR:PORT or [IPv6]:PORT with an "
                    "IPv4 or IPv6 address\n" % bad + TRY))
        self.assertRun(["verify", "doc.json", "--server", "127.0.0.1", "--timeout", "0"], 2,
                       stderr="fedns: --timeout 0: expected whole seconds, 1 to 60\n" + TRY)
        self.assertRun(["verify", "doc.json", "zone", "--server", "127.0.0.1"], 2,
                       stderr="fedns: verify: unexpected argument 'zone'\n" + TRY)

    def test_a_silent_server_is_a_lookup_failure_never_a_missing_record(self):
        udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        udp.bind(("127.0.0.1", 0))
        port = udp.getsockname()[1]
        tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        tcp.bind(("127.0.0.1", port))
        tcp.listen(8)
        try:
            r = self.fedns("verify", "doc.json", "--server", "127.0.0.1:%d" % port,
                           "--timeout", "1")
        finally:
            udp.close()
            tcp.close()
        self.assertEqual((r.returncode, r.stderr), (1, ""))
        findings = [l for l in r.stdout.splitlines() if l.startswith("D")]
        self.assertTrue(findings)
        self.assertEqual(findings[0], "D7 lookup-failed _sip._tls.contoso.com.: look-up "
                         "failed: timeout: no answer within 1 s")
        self.assertTrue(all(l.startswith("D7 lookup-failed ") for l in findings), findings)


if __name__ == "__main__":
    clitest.main()
