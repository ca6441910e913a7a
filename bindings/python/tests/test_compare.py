"""Drift (SPEC 8): Observed and Deployment.compare() against `fedns diff`,
and Deployment.probes()."""
import dataclasses
import json
import os
import tempfile
import unittest

import fedns
import support

# Types the zone fragments below hold besides fedns's four.
OTHER_TYPES = {"TXT": 16, "MX": 15}


def observed_from_zone(text, source):
    """An Observed of a zone fragment as `fedns records --format zone` writes
    it (one record a line, absolute names, TTLs), each with its line."""
    seen = fedns.Observed(source=source)
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip() or line.startswith(";"):
            continue
        owner, ttl, klass, rrtype, data = line.split(None, 4)
        assert klass == "IN", line
        kw = {"ttl": int(ttl), "line": number}
        if rrtype == "SRV":
            priority, weight, port, target = data.split()
            seen.add_srv(owner, int(priority), int(weight), int(port), target, **kw)
        elif rrtype == "A":
            seen.add_a(owner, data, **kw)
        elif rrtype == "AAAA":
            seen.add_aaaa(owner, data, **kw)
        elif rrtype == "CNAME":
            seen.add_cname(owner, data, **kw)
        else:
            seen.add_other(owner, OTHER_TYPES[rrtype], data, **kw)
    return seen


def observed_from_records(records):
    """An Observed holding exactly the derived records."""
    seen = fedns.Observed()
    for r in records:
        if r.type == "SRV":
            seen.add_srv(r.owner, r.priority, r.weight, r.port, r.target, ttl=r.ttl)
        elif r.type == "CNAME":
            seen.add_cname(r.owner, r.target, ttl=r.ttl)
        elif r.type == "A":
            seen.add_a(r.owner, r.address, ttl=r.ttl)
        else:
            seen.add_aaaa(r.owner, r.address, ttl=r.ttl)
    return seen


def record_lines(zone):
    """Indexes of the record lines of a zone fragment."""
    return [i for i, line in enumerate(zone) if line and not line.startswith(";")]


class AgainstTheCli(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        tmp = tempfile.TemporaryDirectory(prefix="fedns-diff-")
        self.addCleanup(tmp.cleanup)
        self.tmp = tmp.name

    def mutations(self, zone, d):
        """name -> the zone's lines after a change."""
        lines = zone.split("\n")
        records = record_lines(lines)
        first = records[0]
        a = next(i for i in records if " IN A " in lines[i])
        domain = d.records()[0].owner.split(".", 2)[2]
        out = {"unchanged": lines}
        out["removed"] = lines[:first] + lines[first + 1:]
        changed = list(lines)
        changed[a] = changed[a].rsplit(".", 1)[0] + ".99"
        out["changed"] = changed
        mixed = list(lines)
        mixed[a] = mixed[a].replace(" 3600 ", " 60 ", 1)
        mixed[records[-1]] = ""
        mixed += [
            "_sipfederationtls.tcp.%s 3600 IN SRV 0 0 5061 sip.%s" % (domain, domain),
            "sip.%s%s 3600 IN A 192.0.2.1" % (domain, domain),
            "%s 3600 IN MX 10 mail.%s" % (lines[first].split()[0], domain),
        ]
        out["mixed"] = mixed
        # Only record lines: `fedns diff` gives a record below a comment line
        # the comment's line number (tools/zonefile.c).
        return {k: [x for x in v if x and not x.startswith(";")] for k, v in out.items()}

    def test_compare_equals_fedns_diff(self):
        kinds = set()
        for path in support.examples():
            with fedns.Deployment.from_json(support.read(path)) as d:
                zone = d.render("zone")
                for name, lines in self.mutations(zone, d).items():
                    with self.subTest(example=os.path.basename(path), mutation=name):
                        zonefile = os.path.join(self.tmp, name + ".zone")
                        text = "\n".join(lines) + "\n"
                        with open(zonefile, "w", encoding="utf-8") as f:
                            f.write(text)
                        r = support.cli("diff", path, zonefile, "--format", "json")
                        theirs = json.loads(r.stdout)["findings"]
                        with observed_from_zone(text, zonefile) as seen:
                            ours = d.compare(seen)
                        self.assertEqual(r.returncode, 1 if theirs else 0)
                        self.assertEqual(len(ours), len(theirs))
                        for i, (a, b) in enumerate(zip(ours, theirs)):
                            got = dataclasses.asdict(a)
                            self.assertEqual(got.pop("rrtype"), fedns._args.RRTYPES.get(
                                b["type"], OTHER_TYPES.get(b["type"])))
                            for field in b:
                                with self.subTest(finding=i, field=field):
                                    self.assertEqual(got[field], b[field])
                            self.assertEqual(set(got), set(b))
                            kinds.add(a.kind)
                        if name == "unchanged":
                            self.assertEqual(ours, [])
                        elif name == "removed":
                            self.assertEqual([(f.id, f.kind) for f in ours], [("D1", "missing")])
                        elif name == "changed":
                            self.assertEqual([(f.id, f.kind) for f in ours],
                                             [("D3", "different")])
        self.assertLessEqual({"missing", "different", "near-miss", "unexpected"}, kinds)


class Comparison(unittest.TestCase):
    maxDiff = None

    def test_derived_records_give_no_finding(self):
        for path in support.examples():
            with self.subTest(example=os.path.basename(path)):
                with fedns.Deployment.from_json(support.read(path)) as d:
                    records = d.records()
                    with observed_from_records(records) as seen:
                        self.assertEqual(len(seen), len(records))
                        self.assertEqual(d.compare(seen), [])
                        # A record observed twice counts once.
                        r = records[0]
                        seen.add_srv(r.owner, r.priority, r.weight, r.port, r.target,
                                     ttl=r.ttl)
                        self.assertEqual(d.compare(seen), [])

    def test_a_removed_and_a_changed_record(self):
        with support.clean_deployment() as d:
            records = d.records()
            srv = records[0]
            a = next(r for r in records if r.type == "A")
            with observed_from_records(records[1:]) as seen:
                [f] = d.compare(seen)
            self.assertEqual(f, fedns.Finding(
                id="D1", kind="missing", owner=srv.owner, type="SRV", rrtype=33,
                expected_owner=srv.owner,
                expected="%d %d %d %s" % (srv.priority, srv.weight, srv.port, srv.target),
                expected_ttl=3600, observed=None, observed_ttl=None, source=None, line=None,
                hint=f.hint))
            self.assertIn(srv.owner, f.hint)
            with observed_from_records([r for r in records if r is not a]) as seen:
                seen.set_source("contoso.zone")
                seen.add_a(a.owner, "131.107.155.11", line=12)
                [f] = d.compare(seen, lang="zh-CN")
            self.assertEqual(
                (f.id, f.kind, f.owner, f.type, f.expected, f.observed, f.observed_ttl,
                 f.source, f.line),
                ("D3", "different", a.owner, "A", "131.107.155.10", "131.107.155.11", None,
                 "contoso.zone", 12))
            self.assertFalse(f.hint.isascii())

    def test_ttl_and_failures(self):
        with support.clean_deployment() as d:
            records = d.records()
            # A failed look-up: reported once, and the record not as missing.
            self.assertEqual(records[0].owner, "_sip._tls.contoso.com.")
            with observed_from_records(records[1:]) as seen:
                seen.add_failure("_sip._tls.contoso.com", "timeout: no answer within 3 s",
                                 rrtype="SRV")
                [f] = d.compare(seen)
                self.assertEqual((f.id, f.kind, f.type, f.observed),
                                 ("D7", "lookup-failed", "SRV", "timeout: no answer within 3 s"))
            with observed_from_records(records[:-1]) as seen:
                last = records[-1]
                seen.add_a(last.owner, last.address, ttl=60)
                [f] = d.compare(seen)
                self.assertEqual((f.kind, f.expected_ttl, f.observed_ttl),
                                 ("different", 3600, 60))
            with fedns.Observed() as seen:
                seen.add_failure("sip.contoso.com.", "SERVFAIL")
                self.assertEqual([(f.id, f.type, f.rrtype) for f in d.compare(seen)
                                  if f.owner == "sip.contoso.com."], [("D7", None, 0)])

    def test_observed_names_and_sources(self):
        with fedns.Observed() as seen:
            self.assertIsNone(seen.source)
            seen.source = "a.zone"
            self.assertEqual(seen.source, "a.zone")
            seen.add_a("SIP.Contoso.COM", "131.107.155.10", ttl=3600, line=3)
            seen.add_a("sip.bücher.example.", "131.107.155.10")
            seen.set_source(None)
            seen.add_cname("lyncdiscover.contoso.com", "webdir.online.lync.com.")
            self.assertEqual(len(seen), 3)
            self.assertIn("3 records", repr(seen))
        self.assertIn("closed", repr(seen))

    def test_observed_refusals_come_from_the_library(self):
        with fedns.Observed() as seen:
            cases = {
                "FEDNS_EBADADDR": lambda: seen.add_a("sip.contoso.com", "2001:db8::1"),
                "FEDNS_EBADADDR ": lambda: seen.add_aaaa("sip.contoso.com", "131.107.155.10"),
                "FEDNS_EBADNAME": lambda: seen.add_cname("sip..contoso.com", "x.example"),
                "FEDNS_EBADNAME ": lambda: seen.add_srv("a.example", 0, 0, 1, "bad name"),
                "FEDNS_EINVAL": lambda: seen.add_other("a.example", 1, "131.107.155.10"),
            }
            for name, call in cases.items():
                with self.subTest(case=name):
                    with self.assertRaises(fedns.FednsError) as cm:
                        call()
                    self.assertEqual(cm.exception.name, name.strip())
                    self.assertTrue(cm.exception.detail)
                    self.assertNotEqual(cm.exception.detail, cm.exception.name)
            self.assertEqual(len(seen), 0)

    def test_a_deployment_with_errors_compares_nothing(self):
        with fedns.Deployment() as d, fedns.Observed() as seen:
            d.add_sip_domain("contoso.com")
            with self.assertRaises(fedns.FednsError) as cm:
                d.compare(seen)
            self.assertEqual(cm.exception.name, "FEDNS_EINVALID")
            self.assertTrue(cm.exception.diagnostics)
            with self.assertRaises(fedns.FednsError) as cm:
                d.probes()
            self.assertEqual(cm.exception.name, "FEDNS_EINVALID")


class Probes(unittest.TestCase):
    def test_probes_cover_the_derived_names(self):
        with support.clean_deployment() as d:
            probes = d.probes()
            names = {(p.name, p.type) for p in probes}
            self.assertEqual(len(names), len(probes))
            for r in d.records():
                self.assertIn((r.owner, r.type if r.type != "AAAA" else "AAAA"), names)
            self.assertIn(("sip.contoso.com.", "AAAA"), names)
            self.assertIn(("lyncdiscover.contoso.com.", "CNAME"), names)
            self.assertIn(("_sipfederationtls.tcp.contoso.com.", "SRV"), names)
            self.assertTrue(all(isinstance(p, fedns.Probe) for p in probes))


if __name__ == "__main__":
    unittest.main()
