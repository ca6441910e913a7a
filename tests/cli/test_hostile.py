"""Hostile documents through the CLI: NUL (\\u0000), newlines, ';', '$',
quotes and spaces in names, comments with newlines, very long names and a
million SIP domains. Each gives a clear error (exit 2 or 1, one line per
diagnostic, nothing on stdout when refused) or correct output; no output line
can read, to a zone-file parser, as a directive or a second record."""
import json
import os
import re
import subprocess

import clitest
from clitest import CliTestCase

POOL = {"name": "edge", "access_edge": {"addresses": ["131.107.155.10"]}}

# A zone line fedns may write: blank, a comment, or one record.
NAME = r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+"
SERVICE = r"_[a-z0-9-]+\._[a-z0-9-]+\."
RECORD = re.compile(
    r"^(?:(?:%s)?%s) \d+ IN (?:A [0-9.]+|AAAA [0-9a-f:.]+|CNAME %s|SRV \d+ \d+ \d+ %s)$"
    % (SERVICE, NAME, NAME, NAME))
CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")

HOSTILE = [
    "contoso .com",
    "contoso.com;",
    "$ORIGIN.com",
    "$INCLUDE /etc/passwd",
    'con"toso.com',
    "con\\toso.com",
    "(contoso.com",
    "contoso.com\nevil.example. 3600 IN A 192.0.2.66",
    "contoso.com\r\n$TTL 1",
    "contoso.com\t3600 IN A 192.0.2.66",
    "\x1b[31mred.com",
    "b\u00fccher.de",
    "a" * 64 + ".com",
    ".".join(["a" * 63] * 4) + ".com",
]


def document(**keys):
    doc = {"fedns": 1, "sip_domains": [{"name": "contoso.com"}], "edge_pools": [POOL]}
    doc.update(keys)
    return json.dumps(doc)


class Nul(CliTestCase):
    """jansson refuses \\u0000 unless asked to allow it, so a name can never
    be cut short at a NUL the C library would not see."""

    def test_nul_in_a_name_is_refused(self):
        self.write("doc.json", '{"fedns": 1, "sip_domains": [{"name": "contoso.com\\u0000evil"}]}')
        for command in (["records", "doc.json"], ["check", "doc.json"]):
            r = self.fedns(*command)
            self.assertEqual(r.returncode, 2, r.stderr)
            self.assertEqual(r.stdout, "")
            self.assertRegex(r.stderr, r"^doc\.json:1:\d+: invalid JSON: .*\\u0000.*\n$")

    def test_nul_in_a_key_and_in_an_address(self):
        for text in ('{"fedns": 1, "ttl\\u0000": 5}',
                     '{"fedns": 1, "edge_pools": [{"name": "e", "access_edge": '
                     '{"addresses": ["131.107.155.10\\u0000"]}}]}',
                     '{"fedns": 1, "federation": {"allowed_domains": [{"domain": "a.com", '
                     '"comment": "x\\u0000y"}]}}'):
            self.write("doc.json", text)
            r = self.fedns("records", "doc.json")
            self.assertEqual((r.returncode, r.stdout), (2, ""), r.stderr)
            self.assertEqual(r.stderr.count("\n"), 1, r.stderr)


class SyntaxErrors(CliTestCase):
    """jansson quotes the offending token in its syntax errors; a control
    character there must not reach the terminal raw (an escape sequence)."""

    def test_control_character_in_a_syntax_error_is_escaped(self):
        for text in ('{\x1bfedns": 5}', '{"fedns": 1, "ttl": \x07}', '{"fedns"\x7f: 1}',
                     '{"fedns": 1,\r\n "x\x01": 2}'):
            with self.subTest(text=text):
                self.write("doc.json", text, dedent=False)
                r = self.fedns("records", "doc.json")
                self.assertEqual((r.returncode, r.stdout), (2, ""), r.stderr)
                self.assertTrue(r.stderr.endswith("\n"), r.stderr)
                self.assertIsNone(CONTROL.search(r.stderr[:-1]), repr(r.stderr))


class Names(CliTestCase):
    def test_records_refuses_each_hostile_name_on_stderr_only(self):
        for name in HOSTILE:
            with self.subTest(name=name):
                self.write("doc.json", document(sip_domains=[{"name": name}]))
                r = self.fedns("records", "doc.json", "--format", "zone")
                self.assertEqual((r.returncode, r.stdout), (2, ""), r.stderr)
                self.assertIn("V1", r.stderr)
                for line in r.stderr.splitlines():
                    self.assertIsNone(CONTROL.search(line), line)
                    self.assertFalse(line.startswith("$"), line)

    def test_check_prints_one_line_per_diagnostic(self):
        domains = [{"name": name} for name in HOSTILE]
        self.write("doc.json", document(sip_domains=domains))
        r = self.fedns("check", "doc.json")
        self.assertEqual(r.returncode, 1, r.stderr)
        lines = r.stdout.splitlines()
        self.assertRegex(lines[-1], r"^\d+ errors?, \d+ warnings?, \d+ info$")
        for line in lines[:-1]:
            self.assertRegex(line, r"^(error|warning|info) V\d+ ")
            self.assertIsNone(CONTROL.search(line), line)
        self.assertGreaterEqual(len(lines) - 1, len(HOSTILE))

    def test_check_json_keeps_the_names_exact(self):
        domains = [{"name": name} for name in HOSTILE]
        self.write("doc.json", document(sip_domains=domains))
        r = self.fedns("check", "doc.json", "--format", "json")
        self.assertEqual(r.returncode, 1, r.stderr)
        diags = json.loads(r.stdout)["diagnostics"]
        for d in diags:
            self.assertRegex(d["rule"], r"^V\d+$")
            self.assertTrue(d["message"])
        self.assertEqual({d["rule"] for d in diags if d["severity"] == "error"}, {"V1"})


class Comments(CliTestCase):
    """Comments, pool and provider names are free text: they may hold
    anything, and none of it reaches a zone line."""

    def test_free_text_never_reaches_the_zone(self):
        evil = "x\n$INCLUDE /etc/shadow\nevil.example. 1 IN A 192.0.2.66\n"
        doc = document(
            edge_pools=[dict(POOL, name=evil)],
            sip_domains=[{"name": "contoso.com", "edge_pool": evil}],
            federation={"allow_federated_users": True, "partner_discovery": True,
                        "allowed_domains": [{"domain": "fabrikam.com", "comment": evil}],
                        "blocked_domains": [{"domain": "blocked.example", "comment": evil}]},
            hosting_providers=[{"name": evil, "proxy_fqdn": "sip.host.example"}])
        self.write("doc.json", doc)
        for fmt in ("zone", "table", "csv", "json"):
            with self.subTest(format=fmt):
                r = self.fedns("records", "doc.json", "--format", fmt)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertNotIn("$INCLUDE", r.stdout)
                self.assertNotIn("192.0.2.66", r.stdout)
                if fmt == "zone":
                    for line in r.stdout.splitlines():
                        if line and not line.startswith("; "):
                            self.assertRegex(line, RECORD)
                        self.assertIsNone(CONTROL.search(line), line)


class Scale(CliTestCase):
    """A million SIP domains: checked, and one domain's records derived."""

    N = 1000000

    def run_long(self, *args):
        # clitest's fedns() allows 60 s; a sanitizer build needs more here.
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C"}
        return subprocess.run([clitest.FEDNS, *args], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, cwd=self.dir, env=env,
                              encoding="utf-8", timeout=600)

    def test_a_million_domains(self):
        with open(self.dir + "/doc.json", "w", encoding="utf-8") as f:
            f.write('{"fedns": 1, "edge_pools": [%s], "sip_domains": [' % json.dumps(POOL))
            f.write(",".join('{"name": "d%d.example"}' % i for i in range(self.N)))
            f.write("]}")
        r = self.run_long("check", "doc.json")
        self.assertEqual(r.returncode, 0, r.stderr[-2000:])
        self.assertEqual(r.stdout, "0 errors, 0 warnings, 0 info\n")
        last = "d%d.example" % (self.N - 1)
        r = self.run_long("records", "doc.json", "--format", "zone", "--domain", last)
        self.assertEqual(r.returncode, 0, r.stderr[-2000:])
        records = [line for line in r.stdout.splitlines() if line and not line.startswith(";")]
        self.assertEqual(records, ["_sip._tls.%s. 3600 IN SRV 0 0 443 sip.%s." % (last, last),
                                   "sip.%s. 3600 IN A 131.107.155.10" % last])


if __name__ == "__main__":
    clitest.main()
