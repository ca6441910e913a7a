"""`fedns policy DOC DOMAIN [--protocol sip|xmpp]` (SPEC 4 and 8): the
decision, reason and route lines, and the exit status: 0 allow or internal,
1 deny, 2 usage error, invalid document or invalid DOMAIN (P8)."""
import clitest
from clitest import CliTestCase

TRY = "Try 'fedns --help' for more information.\n"

DOC = """\
{
  "fedns": 1,
  "sip_domains": [{"name": "contoso.com", "xmpp": true}, {"name": "fabrikam.net"}],
  "edge_pools": [{"name": "edge", "xmpp_proxy": true,
                  "access_edge": {"addresses": ["131.107.155.10"]}}],
  "federation": {
    "allow_federated_users": true, "push_notifications": true,
    "allowed_domains": [{"domain": "push.lync.com"},
                        {"domain": "Partner.example", "proxy_fqdn": "SIP.Partner.example."},
                        {"domain": "litware.com"}],
    "blocked_domains": [{"domain": "blocked.example"}]
  },
  "xmpp": {"partners": [{"domain": "jabber.example.org", "type": "federated",
                         "proxy_fqdn": "xmpp.example.org", "dialback": false},
                        {"domain": "gmail.com", "type": "public_verified",
                         "dialback": false}]},
  "public_im": {"enabled": true,
                "providers": [{"name": "WLM", "proxy_fqdn": "federation.messenger.msn.com",
                               "domains": ["hotmail.com"]}]},
  "hosting_providers": [{"name": "LyncOnline", "proxy_fqdn": "sipfed.online.lync.com",
                         "verification": "use_source_verification"}]
}
"""


def decision(verdict, reason, route):
    return "decision: %s\nreason: %s\nroute: %s\n" % (verdict, reason, route)


class Policy(CliTestCase):
    def setUp(self):
        super().setUp()
        self.write("doc.json", DOC)

    def test_P3_allowed_through_its_proxy(self):
        self.assertRun(["policy", "doc.json", "partner.EXAMPLE."], 0,
                       stdout=decision("allow", "allowed", "sip.partner.example"))

    def test_P3_allowed_by_dns_srv(self):
        self.assertRun(["policy", "doc.json", "Litware.com"], 0, stdout=decision(
            "allow", "allowed", "DNS SRV (_sipfederationtls._tcp.litware.com)"))

    def test_P3_push_through_the_clearing_house(self):
        self.assertRun(["policy", "doc.json", "push.lync.com"], 0,
                       stdout=decision("allow", "allowed", "sipfed.online.lync.com"))

    def test_P2_blocked_exits_1(self):
        self.assertRun(["policy", "doc.json", "blocked.example"], 1,
                       stdout=decision("deny", "blocked", "none"))

    def test_P4_public_provider(self):
        self.assertRun(["policy", "doc.json", "hotmail.com"], 0, stdout=decision(
            "allow", "public-provider", "federation.messenger.msn.com"))

    def test_P5_not_allowed_exits_1(self):
        self.assertRun(["policy", "doc.json", "example.net", "--protocol", "sip"], 1,
                       stdout=decision("deny", "not-allowed", "none"))

    def test_P6_xmpp_partner(self):
        self.assertRun(["policy", "--protocol=xmpp", "doc.json", "jabber.example.org"], 0,
                       stdout=decision("allow", "federated", "xmpp.example.org"))
        self.assertRun(["policy", "doc.json", "gmail.com", "--protocol", "xmpp"], 0,
                       stdout=decision("allow", "public-verified",
                                       "DNS SRV (_xmpp-server._tcp.gmail.com)"))
        self.assertRun(["policy", "doc.json", "litware.com", "--protocol", "xmpp"], 1,
                       stdout=decision("deny", "not-allowed", "none"))

    def test_P7_own_domain_is_internal_and_exits_0(self):
        self.assertRun(["policy", "doc.json", "FABRIKAM.net"], 0,
                       stdout=decision("internal", "internal", "none"))
        self.assertRun(["policy", "doc.json", "contoso.com", "--protocol", "xmpp"], 0,
                       stdout=decision("internal", "internal", "none"))

    def test_P8_invalid_domain_exits_2_without_a_decision(self):
        self.assertRun(["policy", "doc.json", "bad..example"], 2, stderr=(
            "fedns: policy: label 2 of \"bad..example\" is empty (two dots in a row, or a "
            "dot at the start)\n"))

    def test_standard_input(self):
        self.assertRun(["policy", "-", "blocked.example"], 1, stdin=DOC,
                       stdout=decision("deny", "blocked", "none"))


class Usage(CliTestCase):
    def test_missing_domain(self):
        self.assertRun(["policy", "doc.json"], 2, stderr=(
            "fedns: policy: missing DOMAIN (the remote domain to decide on)\n" + TRY))

    def test_two_domains(self):
        self.assertRun(["policy", "doc.json", "a.example", "b.example"], 2,
                       stderr="fedns: policy: unexpected argument 'b.example'\n" + TRY)

    def test_bad_protocol(self):
        self.assertRun(["policy", "doc.json", "a.example", "--protocol", "smtp"], 2,
                       stderr="fedns: --protocol smtp: expected one of: sip, xmpp\n" + TRY)

    def test_option_of_another_command(self):
        self.assertRun(["policy", "doc.json", "a.example", "--strict"], 2,
                       stderr="fedns: policy: unknown option '--strict'\n" + TRY)

    def test_invalid_document_is_refused_with_its_diagnostics(self):
        self.write("doc.json", DOC.replace('"litware.com"', '"blocked.example"'))
        r = self.fedns("policy", "doc.json", "a.example")
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertIn("error V11 blocked.example: ", r.stderr)


if __name__ == "__main__":
    clitest.main()
