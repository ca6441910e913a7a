"""The deployment document loader (SPEC 7): every error is one line
`FILE:LINE:COLUMN: KEY.PATH: message` on stderr, nothing on stdout, exit 2.
Columns count characters, as jansson does."""
import clitest
from clitest import CliTestCase

DOMAIN_KEYS = "name, users, mobility, xmpp, hosting, edge_pool"
ROOT_KEYS = ("fedns, ttl, server, sip_domains, edge_pools, federation, xmpp, public_im, "
             "hosting_providers, external_access, reverse_proxy")

# A clean document: one SIP domain served by one single-server edge pool.
CLEAN = """\
{
  "fedns": 1,
  "sip_domains": [{"name": "contoso.com"}],
  "edge_pools": [{"name": "edge", "access_edge": {"addresses": ["131.107.155.10"]}}]
}
"""


class Syntax(CliTestCase):
    """jansson reports syntax errors; the position is its own: the last
    character of the offending token."""

    def test_malformed_json(self):
        self.write("doc.json", '{\n  "fedns": 1,\n}\n')
        self.assertRun(["records", "doc.json"], 2,
                       stderr="doc.json:3:1: invalid JSON: string or '}' expected near '}'\n")

    def test_malformed_json_check_also_exits_2(self):
        self.write("doc.json", '{"fedns": 1, "ttl": x}')
        self.assertRun(["check", "doc.json"], 2,
                       stderr="doc.json:1:21: invalid JSON: invalid token near 'x'\n")

    def test_duplicate_key(self):
        self.write("doc.json", '{\n  "fedns": 1,\n  "ttl": 60,\n  "ttl": 120\n}\n')
        self.assertRun(["records", "doc.json"], 2,
                       stderr="doc.json:4:7: invalid JSON: duplicate object key near '\"ttl\"'\n")

    def test_empty_file(self):
        self.write("doc.json", "")
        self.assertRun(["records", "doc.json"], 2,
                       stderr="doc.json:1:1: invalid JSON: '[' or '{' expected near end of file\n")

    def test_trailing_garbage(self):
        self.write("doc.json", '{"fedns": 1} {}')
        self.assertRun(["records", "doc.json"], 2,
                       stderr="doc.json:1:14: invalid JSON: end of file expected near '{'\n")


class Keys(CliTestCase):
    def test_unknown_key_points_at_the_key(self):
        self.write("doc.json", """\
            {
              "fedns": 1,
              "federation": {
                "allow_federated_users": true,
                "alowed_domains": []
              }
            }
            """)
        self.assertRun(["records", "doc.json"], 2, stderr=(
            "doc.json:5:5: federation.alowed_domains: unknown key; expected one of: "
            "allow_federated_users, partner_discovery, discoverable, push_notifications, "
            "allowed_domains, blocked_domains\n"))

    def test_unknown_key_in_array_element(self):
        self.write("doc.json", """\
            {"fedns": 1,
             "sip_domains": [
               {"name": "contoso.com"},
               {"name": "fabrikam.com", "usres": true}
             ]}
            """)
        self.assertRun(["records", "doc.json"], 2, stderr=(
            "doc.json:4:29: sip_domains[1].usres: unknown key; expected one of: "
            + DOMAIN_KEYS + "\n"))

    def test_unknown_root_key(self):
        self.write("doc.json", '{"fedns": 1, "ttl": 60, "tll": 60}')
        self.assertRun(["records", "doc.json"], 2, stderr=(
            "doc.json:1:25: tll: unknown key; expected one of: " + ROOT_KEYS + "\n"))

    def test_reverse_proxy_needs_addresses(self):
        self.write("doc.json", '{"fedns": 1, "reverse_proxy": {"meet": false}}')
        self.assertRun(["records", "doc.json"], 2, stderr=(
            "doc.json:1:31: reverse_proxy.addresses: required key is missing\n"))

    def test_reverse_proxy_unknown_key(self):
        self.write("doc.json", '{"fedns": 1, "reverse_proxy": {"addresses": [], "lyncdiscovery": true}}')
        self.assertRun(["records", "doc.json"], 2, stderr=(
            "doc.json:1:49: reverse_proxy.lyncdiscovery: unknown key; expected one of: "
            "addresses, lyncdiscover, meet, dialin, web_fqdn\n"))

    def test_bad_hosting(self):
        self.write("doc.json", '{"fedns": 1, "sip_domains": [{"name": "a.com", "hosting": "cloud"}]}')
        self.assertRun(["records", "doc.json"], 2, stderr=(
            "doc.json:1:59: sip_domains[0].hosting: unknown value \"cloud\"; expected one of: "
            "on_premises, online\n"))

    def test_column_counts_characters(self):
        # "é" is two bytes and one character.
        self.write("doc.json", '{"fedns": 1, "é": 1, "ü": 2}')
        self.assertRun(["records", "doc.json"], 2, stderr=(
            "doc.json:1:14: é: unknown key; expected one of: " + ROOT_KEYS + "\n"))

    def test_control_character_in_key_is_escaped(self):
        self.write("doc.json", '{"fedns": 1, "a\\nb": 1}')
        self.assertRun(["records", "doc.json"], 2, stderr=(
            "doc.json:1:14: a\\x0ab: unknown key; expected one of: " + ROOT_KEYS + "\n"))

    def test_position_after_tricky_siblings(self):
        # Earlier values hold brackets, quotes and escapes inside strings:
        # jansson measures them, so the walk is not fooled.
        self.write("doc.json", r"""
            {"fedns": 1, "federation": {"allowed_domains": [
              {"domain": "a.example", "comment": "}], \"{[ nested"},
              {"domain": "b.example", "comment": "\u005d\u007d"},
              {"domain": "c.example", "proxy": "sip.c.example"}]}}
            """.lstrip("\n"))
        self.assertRun(["records", "doc.json"], 2, stderr=(
            "doc.json:4:27: federation.allowed_domains[2].proxy: unknown key; expected one "
            "of: domain, proxy_fqdn, comment\n"))

    def test_escaped_key_is_found(self):
        # The document spells "ttl" with an escape; the key is still found.
        self.write("doc.json", '{"fedns": 1, "\\u0074tl": "60"}')
        self.assertRun(["records", "doc.json"], 2,
                       stderr="doc.json:1:26: ttl: expected an integer, found a string\n")

    def test_missing_required_key_points_at_its_object(self):
        self.write("doc.json", """\
            {"fedns": 1,
             "sip_domains": [
               {"name": "contoso.com"},
               {"users": false}
             ]}
            """)
        self.assertRun(["records", "doc.json"], 2,
                       stderr="doc.json:4:4: sip_domains[1].name: required key is missing\n")


class Version(CliTestCase):
    def test_missing_fedns_key(self):
        self.write("doc.json", '\n  {"ttl": 60}\n', dedent=False)
        self.assertRun(["records", "doc.json"], 2, stderr=(
            "doc.json:2:3: fedns: required key is missing; a deployment document begins "
            "with \"fedns\": 1\n"))

    def test_version_is_checked_before_unknown_keys(self):
        self.write("doc.json", '{"future": true, "fedns": 2}')
        self.assertRun(["records", "doc.json"], 2, stderr=(
            "doc.json:1:27: fedns: unsupported document version 2; this fedns reads version 1\n"))

    def test_version_of_wrong_type(self):
        self.write("doc.json", '{"fedns": "1"}')
        self.assertRun(["records", "doc.json"], 2,
                       stderr="doc.json:1:11: fedns: expected an integer, found a string\n")

    def test_root_must_be_an_object(self):
        self.write("doc.json", '  [{"fedns": 1}]', dedent=False)
        self.assertRun(["records", "doc.json"], 2, stderr=(
            "doc.json:1:3: a deployment document is a JSON object, not an array\n"))


class Types(CliTestCase):
    def test_wrong_type_in_nested_array(self):
        self.write("doc.json", """\
            {
              "fedns": 1,
              "federation": {
                "allowed_domains": [
                  {"domain": "fabrikam.com"},
                  {"domain": 42}
                ]
              }
            }
            """)
        self.assertRun(["records", "doc.json"], 2, stderr=(
            "doc.json:6:18: federation.allowed_domains[1].domain: expected a string, "
            "found an integer\n"))

    def test_real_is_not_an_integer(self):
        self.write("doc.json", '{"fedns": 1, "ttl": 3600.0}')
        self.assertRun(["records", "doc.json"], 2, stderr=(
            "doc.json:1:21: ttl: expected an integer, found a number with a fraction or "
            "exponent\n"))

    def test_null_is_not_accepted(self):
        self.write("doc.json", '{"fedns": 1, "federation": {"partner_discovery": null}}')
        self.assertRun(["records", "doc.json"], 2, stderr=(
            "doc.json:1:50: federation.partner_discovery: expected a boolean, found null\n"))

    def test_array_element_of_wrong_type(self):
        self.write("doc.json", '{"fedns": 1, "sip_domains": ["contoso.com"]}')
        self.assertRun(["records", "doc.json"], 2, stderr=(
            "doc.json:1:30: sip_domains[0]: expected an object, found a string\n"))

    def test_address_of_wrong_type(self):
        self.write("doc.json", """\
            {"fedns": 1, "edge_pools": [
              {"name": "edge",
               "access_edge": {"addresses": ["131.107.155.10", 131]}}]}
            """)
        self.assertRun(["records", "doc.json"], 2, stderr=(
            "doc.json:3:52: edge_pools[0].access_edge.addresses[1]: expected a string, "
            "found an integer\n"))

    def test_xmpp_proxy_takes_a_boolean_or_an_object(self):
        self.write("doc.json", '{"fedns": 1, "edge_pools": [{"name": "e", "xmpp_proxy": "yes"}]}')
        self.assertRun(["records", "doc.json"], 2, stderr=(
            "doc.json:1:57: edge_pools[0].xmpp_proxy: expected a boolean or an object, "
            "found a string\n"))

    def test_xmpp_proxy_object_needs_host(self):
        self.write("doc.json", '{"fedns": 1, "edge_pools": [{"name": "e", "xmpp_proxy": {}}]}')
        self.assertRun(["records", "doc.json"], 2, stderr=(
            "doc.json:1:57: edge_pools[0].xmpp_proxy.host: required key is missing\n"))

    def test_access_edge_host_and_fqdn_exclude_each_other(self):
        self.write("doc.json", """\
            {"fedns": 1, "edge_pools": [{"name": "e", "access_edge": {
              "host": "sip",
              "fqdn": "sip.contoso.com"}}]}
            """)
        self.assertRun(["records", "doc.json"], 2, stderr=(
            "doc.json:3:3: edge_pools[0].access_edge.fqdn: give either \"host\" or "
            "\"fqdn\", not both\n"))

    def test_webconf_edge_needs_addresses(self):
        self.write("doc.json", """\
            {"fedns": 1, "edge_pools": [{"name": "e",
              "webconf_edge": {"fqdn": "webconf.contoso.com"}}]}
            """)
        self.assertRun(["records", "doc.json"], 2, stderr=(
            "doc.json:2:19: edge_pools[0].webconf_edge.addresses: required key is missing\n"))


class Enums(CliTestCase):
    def test_bad_server(self):
        self.write("doc.json", '{"fedns": 1, "server": "lync2010"}')
        self.assertRun(["records", "doc.json"], 2, stderr=(
            "doc.json:1:24: server: unknown value \"lync2010\"; expected one of: "
            "lync2013, sfb2015, sfb2019, sfbse\n"))

    def test_bad_load_balancing(self):
        self.write("doc.json", '{"fedns": 1, "edge_pools": [{"name": "e", "load_balancing": "dns-rr"}]}')
        self.assertRun(["records", "doc.json"], 2, stderr=(
            "doc.json:1:61: edge_pools[0].load_balancing: unknown value \"dns-rr\"; "
            "expected one of: single, dns, hardware\n"))

    def test_bad_xmpp_negotiation(self):
        self.write("doc.json", '{"fedns": 1, "xmpp": {"partners": [{"domain": "jabber.example.org", "tls": "yes"}]}}')
        self.assertRun(["records", "doc.json"], 2, stderr=(
            "doc.json:1:76: xmpp.partners[0].tls: unknown value \"yes\"; expected one of: "
            "required, optional, not_supported\n"))

    def test_bad_verification(self):
        self.write("doc.json", """\
            {"fedns": 1, "hosting_providers": [
              {"name": "LyncOnline", "proxy_fqdn": "sipfed.online.lync.com",
               "verification": "UseSourceVerification"}]}
            """)
        self.assertRun(["records", "doc.json"], 2, stderr=(
            "doc.json:3:20: hosting_providers[0].verification: unknown value "
            "\"UseSourceVerification\"; expected one of: use_source_verification, "
            "always_verifiable, always_unverifiable\n"))


class Input(CliTestCase):
    def test_stdin(self):
        self.write("doc.json", CLEAN)
        from_file = self.fedns("records", "doc.json", "--format", "zone")
        from_stdin = self.fedns("records", "-", "--format", "zone", stdin=CLEAN)
        self.assertEqual(from_file.returncode, 0, from_file.stderr)
        self.assertNotEqual(from_file.stdout, "")
        self.assertEqual((from_stdin.returncode, from_stdin.stdout, from_stdin.stderr),
                         (0, from_file.stdout, from_file.stderr))

    def test_stdin_errors_are_named_stdin(self):
        self.assertRun(["check", "-"], 2, stdin='{"fedns": 1,\n "x": 0}', stderr=(
            "<stdin>:2:2: x: unknown key; expected one of: " + ROOT_KEYS + "\n"))

    def test_missing_file(self):
        self.assertRun(["records", "missing.json"], 2,
                       stderr="fedns: missing.json: No such file or directory\n")

    def test_directory(self):
        self.assertRun(["check", "."], 2, stderr="fedns: .: Is a directory\n")

    def test_every_key_of_spec_7(self):
        # SPEC 7's example without reverse_proxy: every other key loads.
        self.write("doc.json", """\
            {
              "fedns": 1, "ttl": 3600, "server": "lync2013",
              "sip_domains": [{"name": "contoso.com", "users": true, "mobility": true,
                               "xmpp": true, "edge_pool": "edge"}],
              "edge_pools": [
                {"name": "edge", "federation_route": true, "xmpp_proxy": {"host": "im"},
                 "load_balancing": "dns",
                 "access_edge": {"host": "sip", "addresses": ["131.107.155.10", "2001:db8::10"]},
                 "webconf_edge": {"fqdn": "webcon.contoso.com", "addresses": ["131.107.155.20"]},
                 "av_edge": {"fqdn": "av.contoso.com", "addresses": ["131.107.155.30"]}}],
              "federation": {
                "allow_federated_users": true, "partner_discovery": false, "discoverable": true,
                "push_notifications": true,
                "allowed_domains": [{"domain": "push.lync.com"},
                                    {"domain": "fabrikam.com", "proxy_fqdn": "sip.fabrikam.com",
                                     "comment": "partner"}],
                "blocked_domains": [{"domain": "blocked.example", "comment": "no"}]},
              "xmpp": {"partners": [{"domain": "jabber.example.org",
                                     "additional_domains": ["chat.example.org"],
                                     "type": "federated", "tls": "required",
                                     "sasl": "optional", "dialback": false,
                                     "proxy_fqdn": "xmpp.example.org"}]},
              "public_im": {"enabled": false, "providers": [
                {"name": "Skype", "proxy_fqdn": "federation.messenger.msn.com",
                 "domains": ["live.com"], "enabled": false}]},
              "hosting_providers": [{"name": "LyncOnline", "proxy_fqdn": "sipfed.online.lync.com",
                                     "verification": "use_source_verification",
                                     "enabled": true}],
              "external_access": {"enabled": true}
            }
            """)
        r = self.fedns("check", "doc.json")
        self.assertIn(r.returncode, (0, 1), r.stderr)
        self.assertEqual(r.stderr, "")


if __name__ == "__main__":
    clitest.main()
