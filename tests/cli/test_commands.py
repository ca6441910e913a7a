"""Commands, options and exit statuses (SPEC 8): 0 success, 1 findings,
2 usage error or an unreadable or invalid document."""
import json
import os
import subprocess

import clitest
from clitest import CliTestCase

TRY = "Try 'fedns --help' for more information.\n"
# SPEC 8's record formats, in its order.
RECORD_FORMATS = "zone, table, sheet, csv, json, markdown, nsupdate, powershell, octodns"

# One SIP domain served by one single-server edge pool: no diagnostic.
CLEAN = """\
{
  "fedns": 1,
  "sip_domains": [{"name": "contoso.com"}],
  "edge_pools": [{"name": "edge", "access_edge": {"addresses": ["131.107.155.10"]}}]
}
"""

# CLEAN with one error of each kind the library's validation finds in
# names and addresses.
BAD_NAME = CLEAN.replace('"contoso.com"', '"contoso..com"')
BAD_ADDRESS = CLEAN.replace('"131.107.155.10"', '"131.107.155.300"')
DUPLICATE_DOMAIN = CLEAN.replace('{"name": "contoso.com"}',
                                 '{"name": "contoso.com"}, {"name": "Contoso.com."}')

# Federation on, discovery off, no allowed domain: warning V12 and nothing
# worse.
WARNING_ONLY = CLEAN.replace('"edge_pools"', '"federation": {"allow_federated_users": true},\n'
                             '  "edge_pools"')

V1 = ("error V1 contoso..com: sip_domains[0].name: label 2 of \"contoso..com\" is empty "
      "(two dots in a row, or a dot at the start); correct the name.\n")
V2 = ("error V2 contoso.com: SIP domain \"contoso.com\" (sip_domains[1].name) is listed "
      "twice: it repeats sip_domains[0].name once case and the trailing dot are ignored; "
      "remove the duplicate.\n")
V5 = ("error V5 edge: edge_pools[0].access_edge.addresses[0]: \"131.107.155.300\" is not a "
      "valid IPv4 address: part 4 \"300\" is over 255; write a dotted quad or RFC 4291 IPv6 "
      "text.\n")
V12 = ("warning V12 deployment: allow_federated_users is on but partner_discovery is off and "
       "there are no allowed domains, so no partner and no hosting provider can federate; add "
       "the partners' domains (and push.lync.com for push notifications) to the allowed "
       "domains, or turn partner_discovery on.\n")
V23 = ("info V23 contoso.com: no federation SRV record is published for SIP domain "
       "\"contoso.com\": partners that list \"contoso.com\" as an allowed domain without a "
       "proxy FQDN cannot find this Access Edge; give them the Access Edge FQDN "
       "\"sip.contoso.com\", or set discoverable.\n")

class Usage(CliTestCase):
    def test_no_arguments(self):
        self.assertRun([], 2, stderr="fedns: missing command\n" + TRY)

    def test_unknown_command(self):
        self.assertRun(["frobnicate", "doc.json"], 2,
                       stderr="fedns: unknown command 'frobnicate' (commands: records, check, "
                       "policy, certs, diff, verify)\n" + TRY)

    def test_unknown_global_option(self):
        self.assertRun(["--verbose"], 2, stderr="fedns: unknown option '--verbose'\n" + TRY)

    def test_unknown_command_option(self):
        self.assertRun(["records", "doc.json", "--strict"], 2,
                       stderr="fedns: records: unknown option '--strict'\n" + TRY)

    def test_unknown_short_option(self):
        self.assertRun(["check", "-s", "doc.json"], 2,
                       stderr="fedns: check: unknown option '-s'\n" + TRY)

    def test_missing_document(self):
        self.assertRun(["check", "--strict"], 2, stderr=(
            "fedns: check: missing DOC (a deployment document, or '-' for standard input)\n"
            + TRY))

    def test_two_documents(self):
        self.assertRun(["records", "a.json", "b.json"], 2,
                       stderr="fedns: records: unexpected argument 'b.json'\n" + TRY)

    def test_every_format_of_spec_8_is_accepted(self):
        # The output itself is tested in tests/check_formats.c and tests/formats.
        self.write("doc.json", CLEAN)
        for fmt in RECORD_FORMATS.split(", "):
            with self.subTest(format=fmt):
                r = self.fedns("records", "doc.json", "--format", fmt)
                self.assertEqual((r.returncode, r.stderr), (0, ""))
                self.assertIn("contoso.com", r.stdout)

    def test_check_format(self):
        self.assertRun(["check", "doc.json", "--format=zone"], 2,
                       stderr="fedns: --format zone: expected one of: text, json\n" + TRY)

    def test_bad_language(self):
        self.assertRun(["records", "doc.json", "--lang", "zh"], 2,
                       stderr="fedns: --lang zh: expected one of: en, zh-CN\n" + TRY)

    def test_option_needs_a_value(self):
        self.assertRun(["records", "doc.json", "--domain"], 2,
                       stderr="fedns: records: option '--domain' needs a value\n" + TRY)

    def test_flag_takes_no_value(self):
        self.assertRun(["check", "doc.json", "--strict=yes"], 2,
                       stderr="fedns: check: option '--strict' takes no value\n" + TRY)

    def test_usage_is_checked_before_the_document_is_read(self):
        # doc.json does not exist: the usage error comes first.
        self.assertRun(["records", "doc.json", "--format", "yaml"], 2,
                       stderr="fedns: --format yaml: expected one of: %s\n" % RECORD_FORMATS
                       + TRY)

    def test_double_dash_ends_options(self):
        self.write("--strict", CLEAN)
        self.assertRun(["check", "--", "--strict"], 0, stdout="0 errors, 0 warnings, 0 info\n")


class VersionAndHelp(CliTestCase):
    def test_version(self):
        self.assertRun(["--version"], 0,
                       stdout="fedns %s\n" % os.environ["FEDNS_EXPECTED_VERSION"])

    def test_version_takes_no_arguments(self):
        self.assertRun(["--version", "x"], 2,
                       stderr="fedns: --version takes no arguments\n" + TRY)

    def test_help(self):
        r = self.fedns("--help")
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        self.assertTrue(r.stdout.startswith("Usage: fedns COMMAND DOC [OPTIONS]\n"))
        self.assertIn("  records DOC [--format %s]" % RECORD_FORMATS.replace(", ", "|"),
                      r.stdout)
        self.assertIn("  check DOC [--strict] [--format text|json]", r.stdout)

    def test_command_help(self):
        self.assertEqual(self.fedns("check", "--help").stdout, self.fedns("-h").stdout)


class Check(CliTestCase):
    def test_clean(self):
        self.write("doc.json", CLEAN)
        self.assertRun(["check", "doc.json"], 0, stdout="0 errors, 0 warnings, 0 info\n")

    def test_bad_name_is_a_finding(self):
        self.write("doc.json", BAD_NAME)
        self.assertRun(["check", "doc.json"], 1, stdout=V1 + "1 error, 0 warnings, 0 info\n")

    def test_bad_address_is_a_finding(self):
        self.write("doc.json", BAD_ADDRESS)
        self.assertRun(["check", "doc.json"], 1, stdout=V5 + "1 error, 0 warnings, 0 info\n")

    def test_duplicate_domain_is_a_finding(self):
        self.write("doc.json", DUPLICATE_DOMAIN)
        self.assertRun(["check", "doc.json"], 1, stdout=V2 + "1 error, 0 warnings, 0 info\n")

    def test_warning(self):
        self.write("doc.json", WARNING_ONLY)
        self.assertRun(["check", "doc.json"], 0,
                       stdout=V12 + V23 + "0 errors, 1 warning, 1 info\n")

    def test_strict_counts_warnings(self):
        self.write("doc.json", WARNING_ONLY)
        self.assertRun(["check", "--strict", "doc.json"], 1,
                       stdout=V12 + V23 + "0 errors, 1 warning, 1 info\n")

    def test_strict_ignores_info(self):
        self.write("doc.json", CLEAN.replace('"edge_pools"', '"federation": '
                                             '{"allow_federated_users": true, '
                                             '"partner_discovery": true},\n  "edge_pools"'))
        self.assertRun(["check", "doc.json", "--strict"], 0,
                       stdout="0 errors, 0 warnings, 0 info\n")

    def test_json(self):
        self.write("doc.json", BAD_NAME)
        r = self.fedns("check", "doc.json", "--format", "json")
        self.assertEqual((r.returncode, r.stderr), (1, ""))
        self.assertEqual(json.loads(r.stdout), {"fedns": 1, "diagnostics": [{
            "rule": "V1", "severity": "error", "subject": "contoso..com",
            "message": V1.split(": ", 1)[1].rstrip("\n")}]})
        self.assertTrue(r.stdout.endswith("}\n"))

    def test_json_clean(self):
        self.write("doc.json", CLEAN)
        self.assertRun(["check", "doc.json", "--format", "json"], 0,
                       stdout='{\n  "fedns": 1,\n  "diagnostics": []\n}\n')

    def test_chinese(self):
        self.write("doc.json", WARNING_ONLY)
        r = self.fedns("check", "doc.json", "--lang", "zh-CN")
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        lines = r.stdout.splitlines()
        self.assertEqual(len(lines), 3)
        self.assertTrue(lines[0].startswith("warning V12 deployment: "))
        self.assertNotEqual(lines[0], V12.rstrip("\n"))
        self.assertEqual(lines[2], "0 个错误，1 个警告，1 条提示")


class Records(CliTestCase):
    def records(self, doc, *args):
        self.write("doc.json", doc)
        r = self.fedns("records", "doc.json", "--format", "json", *args)
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        return json.loads(r.stdout)["records"]

    def test_default_format_is_table(self):
        self.write("doc.json", CLEAN)
        self.assertEqual(self.fedns("records", "doc.json").stdout,
                         self.fedns("records", "doc.json", "--format", "table").stdout)

    def test_formats(self):
        self.write("doc.json", CLEAN)
        for fmt, start in (("zone", ";"), ("table", "Location/Type/Port"),
                           ("csv", "location,type,owner"), ("json", '{"fedns":1,')):
            with self.subTest(format=fmt):
                r = self.fedns("records", "doc.json", "--format", fmt)
                self.assertEqual((r.returncode, r.stderr), (0, ""))
                self.assertTrue(r.stdout.startswith(start), r.stdout)

    def test_clean_records(self):
        records = self.records(CLEAN)
        self.assertEqual([(r["owner"], r["type"]) for r in records],
                         [("_sip._tls.contoso.com.", "SRV"), ("sip.contoso.com.", "A")])

    def test_domain(self):
        doc = CLEAN.replace('{"name": "contoso.com"}',
                            '{"name": "contoso.com"}, {"name": "fabrikam.com"}')
        owners = [r["owner"] for r in self.records(doc, "--domain", "fabrikam.com")]
        self.assertEqual(owners, ["_sip._tls.fabrikam.com.", "sip.fabrikam.com."])

    def test_unknown_domain(self):
        self.write("doc.json", CLEAN)
        self.assertRun(["records", "doc.json", "--domain", "fabrikam.com"], 2,
                       stderr="fedns: --domain: fabrikam.com is not a SIP domain of the "
                       "deployment\n")

    def test_chinese(self):
        self.write("doc.json", CLEAN)
        en = self.fedns("records", "doc.json", "--format", "zone")
        zh = self.fedns("records", "doc.json", "--format", "zone", "--lang", "zh-CN")
        self.assertEqual((zh.returncode, zh.stderr), (0, ""))
        self.assertNotEqual(zh.stdout, en.stdout)
        # Only the comments change.
        data = [l for l in en.stdout.splitlines() if l and not l.startswith(";")]
        self.assertEqual(data, [l for l in zh.stdout.splitlines()
                                if l and not l.startswith(";")])

    def test_bad_name_refused(self):
        self.write("doc.json", BAD_NAME)
        self.assertRun(["records", "doc.json"], 2, stderr=V1)

    def test_bad_address_refused(self):
        self.write("doc.json", BAD_ADDRESS)
        self.assertRun(["records", "doc.json", "--format", "zone"], 2, stderr=V5)

    def test_duplicate_domain_refused(self):
        self.write("doc.json", DUPLICATE_DOMAIN)
        self.assertRun(["records", "doc.json", "--format", "json"], 2, stderr=V2)

    def test_warnings_go_to_stderr(self):
        # Info diagnostics are left to `fedns check`.
        self.write("doc.json", WARNING_ONLY)
        r = self.fedns("records", "doc.json", "--format", "zone")
        self.assertEqual((r.returncode, r.stderr), (0, V12))
        self.assertIn("sip.contoso.com. 3600 IN A 131.107.155.10\n", r.stdout)


class Output(CliTestCase):
    def test_full_disk(self):
        if not os.path.exists("/dev/full"):
            self.skipTest("no /dev/full")
        self.write("doc.json", CLEAN)
        with open("/dev/full", "w") as full:
            r = self.fedns("records", "doc.json", stdout=full)
        self.assertEqual((r.returncode, r.stderr),
                         (2, "fedns: cannot write output: No space left on device\n"))

    def test_closed_pipe(self):
        # The reader has gone: exit 2, and no message (as after `| head`).
        self.write("doc.json", CLEAN)
        read_end, write_end = os.pipe()
        os.close(read_end)
        try:
            r = self.fedns("check", "doc.json", stdout=write_end)
        finally:
            os.close(write_end)
        self.assertEqual((r.returncode, r.stderr), (2, ""))

    def test_closed_stdout(self):
        self.write("doc.json", CLEAN)
        r = subprocess.run([clitest.FEDNS, "--version"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, encoding="utf-8",
                           preexec_fn=lambda: os.close(1), cwd=self.dir)
        self.assertEqual((r.returncode, r.stderr),
                         (2, "fedns: cannot write output: Bad file descriptor\n"))


if __name__ == "__main__":
    clitest.main()
