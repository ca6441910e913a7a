"""docs/examples: each loads, draws no error or warning, and derives the
records it was written to show."""
import json
import os

import clitest
from clitest import CliTestCase

EXAMPLES = ("contoso.json", "multi-domain.json", "dns-pool.json", "hybrid.json")


def key(r):
    """A record reduced to what DNS sees."""
    if r["type"] == "SRV":
        data = "%d %d %d %s" % (r["priority"], r["weight"], r["port"], r["target"])
    else:
        data = r.get("address") or r["target"]
    return (r["owner"], r["type"], data)


class Examples(CliTestCase):
    def path(self, name):
        return os.path.join(clitest.EXAMPLES, name)

    def records(self, name, *args):
        r = self.fedns("records", self.path(name), "--format", "json", *args)
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        return json.loads(r.stdout)

    def test_no_error_or_warning(self):
        for name in EXAMPLES:
            with self.subTest(example=name):
                r = self.fedns("check", "--strict", self.path(name))
                self.assertEqual((r.returncode, r.stderr), (0, ""), r.stdout)

    def test_contoso_reproduces_the_seed(self):
        # The seed's three tables, plus R2's remote sign-in SRV.
        out = self.records("contoso.json")
        self.assertEqual([key(r) for r in out["records"]], [
            ("_sip._tls.contoso.com.", "SRV", "0 0 443 sip.contoso.com."),
            ("_sipfederationtls._tcp.contoso.com.", "SRV", "0 0 5061 sip.contoso.com."),
            ("_xmpp-server._tcp.contoso.com.", "SRV", "0 0 5269 xmpp.contoso.com."),
            ("sip.contoso.com.", "A", "131.107.155.10"),
            ("xmpp.contoso.com.", "A", "131.107.155.10"),
        ])
        self.assertEqual(out["records"][3]["purposes"], ["external-access", "public-im"])

    def test_multi_domain_push_without_discovery(self):
        # R4 publishes the federation SRV for the mobility domains only; R3
        # does not fire (discovery off).
        out = self.records("multi-domain.json")
        srv = [(r["owner"], r["purposes"]) for r in out["records"]
               if r["owner"].startswith("_sipfederationtls.")]
        self.assertEqual(srv, [
            ("_sipfederationtls._tcp.contoso.com.", ["mobility-push"]),
            ("_sipfederationtls._tcp.litwareinc.com.", ["mobility-push"]),
        ])
        owners = {r["owner"] for r in out["records"]}
        for domain in ("contoso.com.", "litwareinc.com.", "adatum.com."):
            self.assertIn("sip." + domain, owners)
            self.assertIn("_sip._tls." + domain, owners)

    def test_dns_pool(self):
        out = self.records("dns-pool.json")
        self.assertEqual([key(r) for r in out["records"]], [
            ("_sip._tls.contoso.com.", "SRV", "0 0 443 sip.contoso.com."),
            ("_sipfederationtls._tcp.contoso.com.", "SRV", "0 0 5061 sip.contoso.com."),
            ("sip.contoso.com.", "A", "131.107.155.10"),
            ("sip.contoso.com.", "A", "131.107.155.11"),
            ("sip.contoso.com.", "AAAA", "2001:db8:155::10"),
            ("sip.contoso.com.", "AAAA", "2001:db8:155::11"),
            ("av.contoso.com.", "A", "131.107.155.30"),
            ("av.contoso.com.", "A", "131.107.155.31"),
            ("av.contoso.com.", "AAAA", "2001:db8:155::30"),
            ("av.contoso.com.", "AAAA", "2001:db8:155::31"),
            ("webconf.contoso.com.", "A", "131.107.155.20"),
            ("webconf.contoso.com.", "A", "131.107.155.21"),
            ("webconf.contoso.com.", "AAAA", "2001:db8:155::20"),
            ("webconf.contoso.com.", "AAAA", "2001:db8:155::21"),
        ])

    def test_hybrid_on_premises_and_microsoft_365_side_by_side(self):
        # contoso.com on premises with a reverse proxy (R1-R4, R7, R8);
        # fabrikam.com moved to Microsoft 365 (R9 only); then R8's names.
        r = self.fedns("records", self.path("hybrid.json"), "--format", "zone")
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        lines = [l for l in r.stdout.splitlines() if l and not l.startswith(";")]
        self.assertEqual(lines, [
            "_sip._tls.contoso.com. 3600 IN SRV 0 0 443 sip.contoso.com.",
            "_sipfederationtls._tcp.contoso.com. 3600 IN SRV 0 0 5061 sip.contoso.com.",
            "lyncdiscover.contoso.com. 3600 IN A 131.107.155.40",
            "meet.contoso.com. 3600 IN A 131.107.155.40",
            "sip.contoso.com. 3600 IN A 131.107.155.10",
            "_sip._tls.fabrikam.com. 3600 IN SRV 100 1 443 sipdir.online.lync.com.",
            "_sipfederationtls._tcp.fabrikam.com. 3600 IN SRV 100 1 5061 sipfed.online.lync.com.",
            "lyncdiscover.fabrikam.com. 3600 IN CNAME webdir.online.lync.com.",
            "sip.fabrikam.com. 3600 IN CNAME sipdir.online.lync.com.",
            "dialin.contoso.com. 3600 IN A 131.107.155.40",
            "webext.contoso.com. 3600 IN A 131.107.155.40",
        ])

    def test_every_format_renders(self):
        for name in EXAMPLES:
            for fmt in ("zone", "table", "csv", "json"):
                for lang in ("en", "zh-CN"):
                    with self.subTest(example=name, format=fmt, lang=lang):
                        r = self.fedns("records", self.path(name), "--format", fmt,
                                       "--lang", lang)
                        self.assertEqual((r.returncode, r.stderr), (0, ""))
                        self.assertNotEqual(r.stdout, "")


if __name__ == "__main__":
    clitest.main()
