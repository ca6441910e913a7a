"""`fedns certs DOC [--format text|json] [--lang en|zh-CN]` (SPEC 6a and 8):
per edge pool, the Access Edge certificate's subject and SAN list with the
reason for each entry, and its notes."""
import json

import clitest
from clitest import CliTestCase

TRY = "Try 'fedns --help' for more information.\n"

# Microsoft's example (Lync 2013 certificate summary, public IM): subject
# sip.contoso.com; SAN sip.contoso.com, webcon.contoso.com, sip.fabrikam.com.
DOC = """\
{
  "fedns": 1,
  "sip_domains": [{"name": "contoso.com"}, {"name": "fabrikam.com"}],
  "edge_pools": [{"name": "edge",
                  "access_edge": {"addresses": ["131.107.155.10"]},
                  "webconf_edge": {"fqdn": "webcon.contoso.com",
                                   "addresses": ["131.107.155.20"]},
                  "av_edge": {"fqdn": "av.contoso.com", "addresses": ["131.107.155.30"]}}]
}
"""

TEXT = (
    "pool: edge\n"
    "subject: sip.contoso.com (Access Edge external FQDN of contoso.com, the first SIP "
    "domain the pool serves; never a wildcard)\n"
    "san: sip.contoso.com (the subject again: TLS checks the subject alternative names, "
    "not the subject)\n"
    "san: webcon.contoso.com (Web Conferencing Edge external interface of pool edge: the "
    "same certificate serves it)\n"
    "san: sip.fabrikam.com (Access Edge external FQDN of SIP domain fabrikam.com, which "
    "this pool also serves (federation and client auto-configuration))\n"
    "note: Request the certificate from a public certification authority that supports "
    "subject alternative names.\n"
    "note: Make the private key exportable: every member of a DNS or hardware "
    "load-balanced pool carries the same certificate and key (the A/V Authentication "
    "service needs one key across the pool).\n")


class Certs(CliTestCase):
    def test_text(self):
        self.write("doc.json", DOC)
        self.assertRun(["certs", "doc.json"], 0, stdout=TEXT)

    def test_json(self):
        self.write("doc.json", DOC)
        r = self.fedns("certs", "doc.json", "--format", "json")
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        cert = json.loads(r.stdout)["certificates"][0]
        self.assertEqual(cert["pool"], "edge")
        self.assertEqual(cert["subject"], "sip.contoso.com")
        self.assertEqual([(s["name"], s["reason"]) for s in cert["san"]],
                         [("sip.contoso.com", "subject"),
                          ("webcon.contoso.com", "webconf-edge"),
                          ("sip.fabrikam.com", "sip-domain")])
        self.assertEqual([n["note"] for n in cert["notes"]], ["public-ca", "exportable-key"])

    def test_xmpp_on_sfb2015_and_public_im(self):
        doc = json.loads(DOC)
        doc["server"] = "sfb2015"
        doc["sip_domains"][0]["xmpp"] = True
        doc["edge_pools"][0]["xmpp_proxy"] = True
        doc["xmpp"] = {"partners": [{"domain": "jabber.example.org"}]}
        doc["federation"] = {"allow_federated_users": True, "partner_discovery": True}
        doc["public_im"] = {"enabled": True}
        self.write("doc.json", json.dumps(doc))
        r = self.fedns("certs", "doc.json", "--format=json")
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        cert = json.loads(r.stdout)["certificates"][0]
        self.assertEqual([(s["name"], s["reason"]) for s in cert["san"]],
                         [("sip.contoso.com", "subject"),
                          ("webcon.contoso.com", "webconf-edge"),
                          ("sip.fabrikam.com", "sip-domain"),
                          ("contoso.com", "xmpp-domain"),
                          ("xmpp.contoso.com", "xmpp-proxy")])
        self.assertEqual([n["note"] for n in cert["notes"]],
                         ["public-ca", "exportable-key", "client-eku", "no-wildcard"])

    def test_chinese(self):
        self.write("doc.json", DOC)
        r = self.fedns("certs", "doc.json", "--lang", "zh-CN")
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        self.assertIn("san: sip.fabrikam.com (此池同时服务的 SIP 域 fabrikam.com 的访问边缘"
                      "外部 FQDN（用于联盟和客户端自动配置）)\n", r.stdout)

    def test_no_certificate_needed(self):
        self.write("doc.json", DOC.replace('{"name": "contoso.com"}, {"name": "fabrikam.com"}',
                                           '{"name": "contoso.com", "users": false}'))
        self.assertRun(["certs", "doc.json"], 0, stdout=(
            "No edge pool serves an on-premises SIP domain with users: no Access Edge "
            "certificate is needed.\n"))

    def test_invalid_document_is_refused(self):
        self.write("doc.json", DOC.replace('"fabrikam.com"', '"Contoso.com"'))
        r = self.fedns("certs", "doc.json")
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertTrue(r.stderr.startswith("error V2 contoso.com: "), r.stderr)

    def test_bad_format(self):
        self.assertRun(["certs", "doc.json", "--format", "zone"], 2,
                       stderr="fedns: --format zone: expected one of: text, json\n" + TRY)


if __name__ == "__main__":
    clitest.main()
