"""docs/examples through the binding and through the `fedns` command: the
same bytes, the same records, the same diagnostics."""
import dataclasses
import json
import os
import unittest

import fedns
import support

LANGS = ("en", "zh-CN")
RECORD_FIELDS = [f.name for f in dataclasses.fields(fedns.Record)]
DIAGNOSTIC_FIELDS = [f.name for f in dataclasses.fields(fedns.Diagnostic)]


class Examples(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.paths = support.examples()

    def cli_out(self, *args):
        r = support.cli(*args)
        self.assertEqual(r.returncode, 0, r.stderr.decode("utf-8", "replace"))
        return r.stdout

    def load(self, path):
        return fedns.Deployment.from_json(support.read(path))

    def test_zone_is_byte_identical(self):
        for path in self.paths:
            with self.subTest(example=os.path.basename(path)):
                with self.load(path) as d:
                    ours = d.render("zone").encode("utf-8")
                self.assertEqual(ours, self.cli_out("records", path, "--format", "zone"))

    def test_every_format_and_language_is_byte_identical(self):
        for path in self.paths:
            with self.load(path) as d:
                for fmt in fedns.FORMATS:
                    for lang in LANGS:
                        with self.subTest(example=os.path.basename(path), format=fmt,
                                          lang=lang):
                            self.assertEqual(
                                d.render(fmt, lang).encode("utf-8"),
                                self.cli_out("records", path, "--format", fmt,
                                             "--lang", lang))

    def assertRecordsEqual(self, records, expected):
        """Record objects against the CLI's JSON records, field by field."""
        self.assertEqual(len(records), len(expected))
        for i, (ours, theirs) in enumerate(zip(records, expected)):
            self.assertLessEqual(set(theirs), set(RECORD_FIELDS),
                                 "the CLI has a field Record lacks")
            for field in RECORD_FIELDS:
                want = theirs.get(field)
                if field == "purposes":
                    want = tuple(want)
                with self.subTest(record=i, field=field):
                    self.assertEqual(getattr(ours, field), want)

    def test_records_equal_the_cli_json_field_by_field(self):
        for path in self.paths:
            for lang in LANGS:
                with self.subTest(example=os.path.basename(path), lang=lang):
                    out = json.loads(self.cli_out("records", path, "--format", "json",
                                                  "--lang", lang))
                    with self.load(path) as d:
                        self.assertRecordsEqual(d.records(lang), out["records"])
                        self.assertEqual(
                            [dataclasses.asdict(x) for x in d.warnings(lang)],
                            out["diagnostics"])

    def test_records_of_one_domain_equal_the_cli(self):
        for path in self.paths:
            doc = json.loads(support.read(path))
            for domain in [s["name"] for s in doc.get("sip_domains", [])]:
                with self.subTest(example=os.path.basename(path), domain=domain):
                    out = json.loads(self.cli_out("records", path, "--format", "json",
                                                  "--domain", domain))
                    with self.load(path) as d:
                        self.assertRecordsEqual(d.records(domain=domain), out["records"])
                        self.assertEqual(
                            d.render("zone", domain=domain).encode("utf-8"),
                            self.cli_out("records", path, "--format", "zone",
                                         "--domain", domain))

    def test_validate_equals_cli_check(self):
        for path in self.paths:
            for lang in LANGS:
                with self.subTest(example=os.path.basename(path), lang=lang):
                    r = support.cli("check", path, "--format", "json", "--lang", lang)
                    out = json.loads(r.stdout)
                    with self.load(path) as d:
                        self.assertEqual([dataclasses.asdict(x) for x in d.validate(lang)],
                                         out["diagnostics"])

    def test_from_dict_equals_from_json(self):
        for path in self.paths:
            with self.subTest(example=os.path.basename(path)):
                text = support.read(path)
                with fedns.Deployment.from_json(text) as a, \
                        fedns.Deployment.from_dict(json.loads(text)) as b:
                    self.assertEqual(a.render("zone"), b.render("zone"))
                    self.assertEqual(a.records(), b.records())

    def test_from_json_takes_utf8_bytes(self):
        for path in self.paths:
            with open(path, "rb") as f:
                data = f.read()
            with fedns.Deployment.from_json(data) as a, self.load(path) as b:
                self.assertEqual(a.records(), b.records())

    def test_seed_records(self):
        # contoso.json reproduces the seed's tables (SPEC 2, section 7).
        path = os.path.join(support.env_path("FEDNS_EXAMPLES"), "contoso.json")
        with self.load(path) as d:
            records = d.records()
        self.assertEqual(
            [(r.owner, r.type, r.port, r.target or r.address) for r in records], [
                ("_sip._tls.contoso.com.", "SRV", 443, "sip.contoso.com."),
                ("_sipfederationtls._tcp.contoso.com.", "SRV", 5061, "sip.contoso.com."),
                ("_xmpp-server._tcp.contoso.com.", "SRV", 5269, "xmpp.contoso.com."),
                ("sip.contoso.com.", "A", None, "131.107.155.10"),
                ("xmpp.contoso.com.", "A", None, "131.107.155.10"),
            ])
        self.assertEqual(records[3].purposes, ("external-access", "public-im"))
        self.assertEqual(records[0].location, "external")
        self.assertEqual((records[0].priority, records[0].weight), (0, 0))
        with self.assertRaises(dataclasses.FrozenInstanceError):
            records[0].ttl = 60  # type: ignore[misc]


if __name__ == "__main__":
    unittest.main()
