"""Deployment.from_dict() / from_json(): the deployment document (SPEC 7),
failing where and as the `fedns` command fails."""
import json
import re
import unittest

import fedns
import support

ROOT_KEYS = ("fedns, ttl, server, sip_domains, edge_pools, federation, xmpp, public_im, "
             "hosting_providers, external_access, reverse_proxy")

# Documents the loader refuses after parsing: the binding's message must be
# the CLI's, key path included (the CLI adds FILE:LINE:COLUMN before it).
REFUSED = [
    '{"fedns": 1, "federation": {"allow_federated_users": true, "alowed_domains": []}}',
    '{"fedns": 1, "sip_domains": [{"name": "contoso.com"}, {"name": "f.com", "usres": true}]}',
    '{"fedns": 1, "ttl": 60, "tll": 60}',
    '{"fedns": 1, "reverse_proxy": {"meet": false}}',
    '{"fedns": 1, "reverse_proxy": {"addresses": [], "lyncdiscovery": true}}',
    '{"fedns": 1, "reverse_proxy": {"addresses": ["192.0.2.1", null]}}',
    '{"fedns": 1, "reverse_proxy": {"addresses": [], "dialin": 7}}',
    '{"fedns": 1, "reverse_proxy": {"addresses": [], "web_fqdn": "w.c.com", "meet": "no"}}',
    '{"fedns": 1, "reverse_proxy": true}',
    '{"fedns": 1, "sip_domains": [{"name": "a.com", "hosting": "cloud"}]}',
    '{"fedns": 1, "sip_domains": [{"name": "a.com", "hosting": true}]}',
    '{"fedns": 1, "é": 1, "ü": 2}',
    '{"fedns": 1, "a\\nb": 1}',
    '{"fedns": 1, "\\u0074tl": "60"}',
    '{"fedns": 1, "sip_domains": [{"name": "contoso.com"}, {"users": false}]}',
    '{"ttl": 60}',
    '{"future": true, "fedns": 2}',
    '{"fedns": "1"}',
    '{"fedns": 1.0}',
    '{"fedns": true}',
    '{"fedns": null}',
    '[{"fedns": 1}]',
    '{"fedns": 1, "federation": {"allowed_domains": [{"domain": "f.com"}, {"domain": 42}]}}',
    '{"fedns": 1, "ttl": 3600.0}',
    '{"fedns": 1, "ttl": 1e3}',
    '{"fedns": 1, "federation": {"partner_discovery": null}}',
    '{"fedns": 1, "sip_domains": ["contoso.com"]}',
    '{"fedns": 1, "sip_domains": {"name": "contoso.com"}}',
    '{"fedns": 1, "federation": []}',
    '{"fedns": 1, "edge_pools": [{"name": "e", "access_edge": {"addresses": ["1.2.3.4", 131]}}]}',
    '{"fedns": 1, "edge_pools": [{"name": "e", "access_edge": {"addresses": "1.2.3.4"}}]}',
    '{"fedns": 1, "edge_pools": [{"name": "e", "xmpp_proxy": "yes"}]}',
    '{"fedns": 1, "edge_pools": [{"name": "e", "xmpp_proxy": {}}]}',
    '{"fedns": 1, "edge_pools": [{"name": "e", "xmpp_proxy": {"host": 1}}]}',
    '{"fedns": 1, "edge_pools": [{"name": "e", "xmpp_proxy": {"host": "im", "x": 1}}]}',
    '{"fedns": 1, "edge_pools": [{"name": "e", "access_edge": {"host": "sip", '
    '"fqdn": "s.c.com"}}]}',
    '{"fedns": 1, "edge_pools": [{"name": "e", "webconf_edge": {"fqdn": "w.c.com"}}]}',
    '{"fedns": 1, "edge_pools": [{"name": "e", "av_edge": {"addresses": []}}]}',
    '{"fedns": 1, "edge_pools": [{"name": "e", "av_edge": {"fqdn": "a.c.com", "host": "x", '
    '"addresses": []}}]}',
    '{"fedns": 1, "edge_pools": [{"access_edge": {}}]}',
    '{"fedns": 1, "server": "lync2010"}',
    '{"fedns": 1, "server": "x\\u0001y"}',
    '{"fedns": 1, "server": "' + "s" * 200 + '"}',
    '{"fedns": 1, "server": "' + "é" * 100 + '"}',
    '{"fedns": 1, "' + "k" * 600 + '": 1}',
    '{"fedns": 1, "edge_pools": [{"name": "e", "load_balancing": "dns-rr"}]}',
    '{"fedns": 1, "xmpp": {"partners": [{"domain": "j.example.org", "tls": "yes"}]}}',
    '{"fedns": 1, "xmpp": {"partners": [{"domain": "j.example.org", "sasl": 1}]}}',
    '{"fedns": 1, "xmpp": {"partners": [{"domain": "j.example.org", "type": "open"}]}}',
    '{"fedns": 1, "xmpp": {"partners": [{"domain": "j.example.org", "dialback": "no"}]}}',
    '{"fedns": 1, "xmpp": {"partners": [{"domain": "j.example.org", '
    '"additional_domains": ["c.example.org", 2]}]}}',
    '{"fedns": 1, "xmpp": {"partners": [{"type": "federated"}]}}',
    '{"fedns": 1, "xmpp": {"peers": []}}',
    '{"fedns": 1, "hosting_providers": [{"name": "LyncOnline", "proxy_fqdn": '
    '"sipfed.online.lync.com", "verification": "UseSourceVerification"}]}',
    '{"fedns": 1, "hosting_providers": [{"name": "LyncOnline"}]}',
    '{"fedns": 1, "public_im": {"enabled": true, "providers": [{"proxy_fqdn": "p.example"}]}}',
    '{"fedns": 1, "public_im": {"providers": [{"name": "S", "proxy_fqdn": "p.example", '
    '"domains": ["live.com", 2]}]}}',
    '{"fedns": 1, "public_im": {"enabled": "yes"}}',
    '{"fedns": 1, "external_access": {"enabled": 1}}',
    '{"fedns": 1, "federation": {"blocked_domains": [{"domain": "b.example", "comment": 1}]}}',
    '{"fedns": 1, "federation": {"blocked_domains": ["b.example"]}}',
    '{"fedns": 1, "sip_domains": [{"name": "a.com", "edge_pool": 5}]}',
    # An error after earlier successful keys: the first error counts.
    '{"fedns": 1, "ttl": 60, "sip_domains": [{"name": "a.com", "users": true, "mobility": 0}]}',
]

# JSON the parser refuses: both refuse it; the binding says "invalid JSON"
# (positions differ: jansson's and Python's parsers count differently).
SYNTAX = [
    '{\n  "fedns": 1,\n}\n',
    '{"fedns": 1, "ttl": x}',
    '{\n  "fedns": 1,\n  "ttl": 60,\n  "ttl": 120\n}\n',
    "",
    '{"fedns": 1} {}',
    '{"fedns": 1, "ttl": NaN}',
    '{"fedns": 1, "ttl": -Infinity}',
    '{"fedns": 1, "ttl": 99999999999999999999}',
    '{"fedns": 1, "ttl": ' + "9" * 5000 + "}",
    '{"fedns": 1, "sip_domains": [{"name": "a\tb"}]}',
]

# Strings C cannot take: jansson refuses them when it parses; the binding
# when it reaches them, with their key path.
BAD_STRINGS = [
    ('{"fedns": 1, "sip_domains": [{"name": "a\\u0000b"}]}', "sip_domains[0].name"),
    ('{"fedns": 1, "federation": {"allowed_domains": [{"domain": "a.com", '
     '"comment": "x\\u0000"}]}}', "federation.allowed_domains[0].comment"),
    ('{"fedns": 1, "edge_pools": [{"name": "e", "access_edge": {"addresses": '
     '["1.2.3.4\\u0000"]}}]}', "edge_pools[0].access_edge.addresses[0]"),
    ('{"fedns": 1, "sip_domains": [{"name": "\\ud800"}]}', "sip_domains[0].name"),
]

CLI_ERROR = re.compile(r"<stdin>:(\d+):(\d+): (.*)\n\Z", re.S)


class MatchesTheCli(unittest.TestCase):
    maxDiff = None

    def cli_error(self, text):
        r = support.cli("records", "-", stdin=text.encode("utf-8"))
        self.assertEqual((r.returncode, r.stdout), (2, b""), r.stderr)
        m = CLI_ERROR.match(r.stderr.decode("utf-8"))
        self.assertIsNotNone(m, r.stderr)
        return m

    def test_messages_and_key_paths_equal_the_cli(self):
        for text in REFUSED:
            with self.subTest(document=text[:100]):
                m = self.cli_error(text)
                with self.assertRaises(fedns.DocumentError) as cm:
                    fedns.Deployment.from_json(text)
                e = cm.exception
                self.assertEqual(str(e), m.group(3))
                self.assertEqual((e.line, e.column), (None, None))
                self.assertEqual(e.status, 2)
                # from_dict() says the same about the same objects.
                with self.assertRaises(fedns.DocumentError) as cm2:
                    fedns.Deployment.from_dict(json.loads(text))
                self.assertEqual(str(cm2.exception), str(e))

    def test_syntax_errors(self):
        for text in SYNTAX:
            with self.subTest(document=text[:100]):
                m = self.cli_error(text)
                self.assertTrue(m.group(3).startswith("invalid JSON: "), m.group(3))
                with self.assertRaises(fedns.DocumentError) as cm:
                    fedns.Deployment.from_json(text)
                e = cm.exception
                self.assertEqual(e.path, "")
                self.assertTrue(e.message.startswith("invalid JSON: "), e.message)

    def test_strings_c_cannot_take(self):
        for text, path in BAD_STRINGS:
            with self.subTest(document=text):
                self.cli_error(text)
                with self.assertRaises(fedns.DocumentError) as cm:
                    fedns.Deployment.from_json(text)
                self.assertEqual(cm.exception.path, path)

    def test_names_and_addresses_are_left_to_validation(self):
        # The loader passes them on; validation reports them (V1, V5), as the
        # CLI's `check` does.
        text = json.dumps({
            "fedns": 1, "sip_domains": [{"name": "bad_name.example"}],
            "edge_pools": [{"name": "e", "access_edge": {"addresses": ["300.1.2.3"]}}]})
        r = support.cli("check", "-", "--format", "json", stdin=text.encode("utf-8"))
        self.assertEqual(r.returncode, 1, r.stderr)
        with fedns.Deployment.from_json(text) as d:
            ours = [(x.rule, x.severity, x.subject, x.message) for x in d.validate()]
        theirs = [(x["rule"], x["severity"], x["subject"], x["message"])
                  for x in json.loads(r.stdout)["diagnostics"]]
        self.assertEqual(ours, theirs)
        self.assertEqual({rule for rule, *_ in ours} >= {"V1", "V5"}, True)


class Errors(unittest.TestCase):
    def test_errors_survive_pickling(self):
        import pickle
        with self.assertRaises(fedns.DocumentError) as cm:
            fedns.Deployment.from_dict({"fedns": 1, "tll": 60})
        copy = pickle.loads(pickle.dumps(cm.exception))
        self.assertIs(type(copy), fedns.DocumentError)
        self.assertEqual((str(copy), copy.path, copy.status, copy.name),
                         (str(cm.exception), "tll", 2, "FEDNS_EINVAL"))
        with fedns.Deployment() as d:
            with self.assertRaises(fedns.FednsError) as cm:
                d.records()
        copy = pickle.loads(pickle.dumps(cm.exception))
        self.assertEqual(copy.diagnostics, cm.exception.diagnostics)

    def test_syntax_error_has_line_and_column(self):
        with self.assertRaises(fedns.DocumentError) as cm:
            fedns.Deployment.from_json('{\n  "fedns": 1,\n  "ttl": x\n}')
        e = cm.exception
        self.assertEqual((e.line, e.column), (3, 10))
        self.assertEqual(str(e), "3:10: invalid JSON: Expecting value")
        self.assertIsInstance(e, fedns.FednsError)
        self.assertIsInstance(e, ValueError)

    def test_invalid_utf8_has_its_position(self):
        with self.assertRaises(fedns.DocumentError) as cm:
            fedns.Deployment.from_json(b'{"fedns": 1,\n "ttl": "\xff"}')
        self.assertEqual((cm.exception.line, cm.exception.column), (2, 10))
        self.assertIn("invalid UTF-8", str(cm.exception))

    def test_key_path_example_of_the_issue(self):
        doc = {"fedns": 1, "federation": {"allowed_domains": [
            {"domain": "push.lync.com"}, {"domain": 7}]}}
        with self.assertRaises(fedns.DocumentError) as cm:
            fedns.Deployment.from_dict(doc)
        e = cm.exception
        self.assertEqual(e.path, "federation.allowed_domains[1].domain")
        self.assertEqual(e.message, "expected a string, found an integer")
        self.assertEqual(str(e), "federation.allowed_domains[1].domain: expected a string, "
                                 "found an integer")

    def test_unknown_key_lists_the_accepted_ones(self):
        with self.assertRaises(fedns.DocumentError) as cm:
            fedns.Deployment.from_dict({"fedns": 1, "tll": 60})
        self.assertEqual(str(cm.exception),
                         "tll: unknown key; expected one of: " + ROOT_KEYS)

    def test_python_values_that_are_not_json(self):
        cases = [
            ({"fedns": 1, "ttl": 60.5}, "ttl: expected an integer, found a number with a "
                                        "fraction or exponent"),
            ({"fedns": 1, "sip_domains": {"a.com"}},
             "sip_domains: expected an array, found a Python set (not JSON)"),
            ({"fedns": 1, "ttl": b"60"},
             "ttl: expected an integer, found a Python bytes (not JSON)"),
            ({"fedns": 1, 7: 1}, "keys are strings, not an integer"),
            ({"fedns": 1, "ttl": 1 << 64}, "ttl: integer 18446744073709551616 is out of "
                                           "range"),
            ({"fedns": 1, "ttl": None}, "ttl: expected an integer, found null"),
            ("{}", "a deployment document is a JSON object, not a string"),
            (None, "a deployment document is a JSON object, not null"),
        ]
        for doc, message in cases:
            with self.subTest(doc=repr(doc)[:60]):
                with self.assertRaises(fedns.DocumentError) as cm:
                    fedns.Deployment.from_dict(doc)
                self.assertEqual(str(cm.exception), message)

    def test_tuples_are_arrays(self):
        doc = {"fedns": 1, "sip_domains": ({"name": "contoso.com"},),
               "edge_pools": ({"name": "edge",
                               "access_edge": {"addresses": ("131.107.155.10",)}},)}
        with fedns.Deployment.from_dict(doc) as a, \
                fedns.Deployment.from_dict(support.CLEAN) as b:
            self.assertEqual(a.records(), b.records())

    def test_from_json_wants_text(self):
        for bad in (None, 1, ["{}"], {"fedns": 1}):
            with self.subTest(value=bad):
                with self.assertRaises(fedns.FednsTypeError):
                    fedns.Deployment.from_json(bad)

    def test_deep_nesting(self):
        with self.assertRaises(fedns.DocumentError) as cm:
            fedns.Deployment.from_json("[" * 200000 + "]" * 200000)
        self.assertIn("invalid JSON", str(cm.exception))
        deep = []
        for _ in range(100000):
            deep = [deep]
        with self.assertRaises(fedns.DocumentError):
            fedns.Deployment.from_dict({"fedns": 1, "sip_domains": [deep]})

    def test_cyclic_python_objects(self):
        doc = {"fedns": 1}
        doc["federation"] = doc
        with self.assertRaises(fedns.DocumentError) as cm:
            fedns.Deployment.from_dict(doc)
        self.assertEqual(cm.exception.path, "federation.fedns")


class Idn(unittest.TestCase):
    def pool(self):
        return {"name": "edge", "access_edge": {"addresses": ["131.107.155.10"]}}

    def test_unicode_names_become_a_labels(self):
        doc = {"fedns": 1, "sip_domains": [{"name": "Bücher.example"}],
               "edge_pools": [self.pool()],
               "federation": {"allow_federated_users": True, "allowed_domains": [
                   {"domain": "例子.测试", "proxy_fqdn": "sip.例子.测试"}]}}
        with fedns.Deployment.from_dict(doc) as d:
            owners = [r.owner for r in d.records()]
            subjects = {x.subject for x in d.validate()}
        self.assertIn("sip.xn--bcher-kva.example.", owners)
        self.assertNotIn("bücher", "".join(owners))
        self.assertFalse(any("例子" in s for s in subjects))

    def test_same_records_as_the_cli_with_a_labels(self):
        unicode_doc = {"fedns": 1, "sip_domains": [{"name": "bücher.example"}],
                       "edge_pools": [self.pool()]}
        ascii_doc = {"fedns": 1, "sip_domains": [{"name": "xn--bcher-kva.example"}],
                     "edge_pools": [self.pool()]}
        cli = support.cli("records", "-", "--format", "zone",
                          stdin=json.dumps(ascii_doc).encode("utf-8"))
        self.assertEqual(cli.returncode, 0, cli.stderr)
        with fedns.Deployment.from_dict(unicode_doc) as d:
            self.assertEqual(d.render("zone").encode("utf-8"), cli.stdout)
        # The CLI itself takes no Unicode name: the core refuses raw UTF-8 (V1).
        raw = support.cli("records", "-", stdin=json.dumps(unicode_doc,
                                                           ensure_ascii=False).encode())
        self.assertEqual(raw.returncode, 2)
        self.assertIn(b"V1", raw.stderr)

    def test_name_idna_cannot_convert_names_its_key(self):
        cases = [
            ({"sip_domains": [{"name": "bü..example"}]}, "sip_domains[0].name"),
            ({"federation": {"allowed_domains": [{"domain": "a.com",
                                                  "proxy_fqdn": "ü" * 70 + ".com"}]}},
             "federation.allowed_domains[0].proxy_fqdn"),
            ({"xmpp": {"partners": [{"domain": "j.org",
                                     "additional_domains": ["ok.org", "x..ü"]}]}},
             "xmpp.partners[0].additional_domains[1]"),
            ({"hosting_providers": [{"name": "H", "proxy_fqdn": "ü" * 2000}]},
             "hosting_providers[0].proxy_fqdn"),
        ]
        for extra, path in cases:
            with self.subTest(path=path):
                with self.assertRaises(fedns.DocumentError) as cm:
                    fedns.Deployment.from_dict(dict({"fedns": 1}, **extra))
                self.assertEqual(cm.exception.path, path)
                self.assertEqual(cm.exception.status, 3)  # FEDNS_EBADNAME


if __name__ == "__main__":
    unittest.main()
