#!/usr/bin/env python3
"""octoDNS test (suite 'formats'): the `octodns` rendering is YAML that
PyYAML loads the way octoDNS does, with every mapping's keys in the natural
order octoDNS's loader enforces, the record shapes octoDNS expects, the
`lenient` marker on every `_sipfederationtls` record, and exactly the derived
records, each in the zone of the split rule.

usage: octodns_check.py FEDNS_CLI EXAMPLES_DIR

PyYAML comes from Debian's python3-yaml. When the interpreter running this
script cannot import it (the first python3 on PATH need not be Debian's),
the script runs itself again with another python3 that can: those on PATH,
then Debian's /usr/bin/python3. None having it is a failure, not a skip.
"""

import ipaddress
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

RETRIED = "FEDNS_OCTODNS_CHECK_REEXEC"
RECORD_KEYS = {"octodns", "ttl", "type", "value", "values"}
SRV_KEYS = ["port", "priority", "target", "weight"]
SERVICE_MAX = 15  # RFC 6335 section 5.1, without the underscore


def yaml_module():
    try:
        import yaml
        return yaml
    except ImportError:
        pass
    if os.environ.get(RETRIED):
        common.fail("PyYAML not found (install python3-yaml)")
    here = os.path.realpath(sys.executable)
    candidates = [os.path.join(d, "python3")
                  for d in os.environ.get("PATH", os.defpath).split(os.pathsep) if d]
    candidates.append("/usr/bin/python3")
    for cand in candidates:
        if not os.access(cand, os.X_OK) or os.path.realpath(cand) == here:
            continue
        probe = subprocess.run([cand, "-c", "import yaml"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
        if probe.returncode == 0:
            os.execve(cand, [cand] + sys.argv, dict(os.environ, **{RETRIED: "1"}))
    common.fail("no python3 with PyYAML found (install python3-yaml)")


def natural_key(s):
    """natsort's default key (what octoDNS sorts by): text runs and unsigned
    integers, with '' first when the string starts with a digit."""
    key = [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", s) if p]
    if key and isinstance(key[0], int):
        key.insert(0, "")
    return tuple(key)


def loader(yaml, problems):
    """A SafeLoader (YAML 1.1, like octoDNS's) that reports mappings whose
    keys are duplicated or out of natural order."""
    class Checking(yaml.SafeLoader):
        pass

    def mapping(self, node):
        self.flatten_mapping(node)
        pairs = self.construct_pairs(node)
        keys = [k for k, _ in pairs]
        if len(set(keys)) != len(keys):
            problems.append("duplicate keys %s at %s" % (keys, node.start_mark))
        if keys != sorted(keys, key=lambda k: natural_key(str(k))):
            problems.append("keys out of octoDNS's order %s at %s" % (keys, node.start_mark))
        return dict(pairs)

    Checking.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    return Checking


def value_data(rtype, v, where, problems):
    """One value in common.expected_records' form."""
    if rtype == "SRV":
        if not isinstance(v, dict) or sorted(v) != SRV_KEYS:
            problems.append("%s: an SRV value needs exactly %s: %r" % (where, SRV_KEYS, v))
            return None
        if not all(isinstance(v[k], int) for k in SRV_KEYS[:2] + SRV_KEYS[3:]) \
                or not isinstance(v["target"], str) or not v["target"].endswith("."):
            problems.append("%s: bad SRV value %r" % (where, v))
            return None
        return "%d %d %d %s" % (v["priority"], v["weight"], v["port"], v["target"].lower())
    if not isinstance(v, str):
        problems.append("%s: %r is not a string" % (where, v))
        return None
    if rtype == "CNAME":
        if not v.endswith("."):
            problems.append("%s: CNAME %r without its trailing dot" % (where, v))
        return v.lower()
    try:
        addr = ipaddress.ip_address(v)
    except ValueError:
        problems.append("%s: %r is not an address" % (where, v))
        return None
    if addr.version != (4 if rtype == "A" else 6):
        problems.append("%s: %r in an %s record" % (where, v, rtype))
    return str(addr)


def check_record(zone, name, rec, domains, problems):
    """The records one octoDNS record stands for."""
    where = "%s %r" % (zone, name)
    if not isinstance(rec, dict) or not set(rec) <= RECORD_KEYS:
        problems.append("%s: keys %s, expected some of %s" % (where, sorted(rec), RECORD_KEYS))
        return []
    rtype, ttl = rec.get("type"), rec.get("ttl")
    if rtype not in ("A", "AAAA", "CNAME", "SRV") or not isinstance(ttl, int):
        problems.append("%s: type %r, ttl %r" % (where, rtype, ttl))
        return []
    first = name.split(".", 1)[0]
    long_service = rtype == "SRV" and first.startswith("_") and len(first) - 1 > SERVICE_MAX
    want = {"lenient": True} if long_service else None
    if rec.get("octodns") != want:
        problems.append("%s %s: octodns %r, expected %r" % (where, rtype, rec.get("octodns"),
                                                           want))
    if ("value" in rec) == ("values" in rec):
        problems.append("%s %s: exactly one of value and values" % (where, rtype))
        return []
    values = [rec["value"]] if "value" in rec else rec["values"]
    if not isinstance(values, list) or ("values" in rec and len(values) < 2) \
            or (rtype == "CNAME" and "values" in rec):
        problems.append("%s %s: a single value goes in `value`, several in `values`"
                        % (where, rtype))
        return []
    owner = (name + "." if name else "") + zone
    if common.zone_of(owner, domains) + "." != zone:
        problems.append("%s: in zone %s, expected %s." % (owner, zone,
                                                          common.zone_of(owner, domains)))
    out = []
    for v in values:
        data = value_data(rtype, v, "%s %s" % (where, rtype), problems)
        if data is not None:
            out.append((owner.lower(), rtype, ttl, data))
    return out


def check(yaml, text, expected, domains):
    problems = []
    for n, line in enumerate(text.split("\n"), 1):
        if any(ord(c) < 0x20 or ord(c) == 0x7F or c in "\u2028\u2029\x85" for c in line):
            problems.append("line %d: a control character or line break: %r" % (n, line))
    if not text.startswith("---\n"):
        problems.append("no explicit document start")
    try:
        doc = yaml.load(text, Loader=loader(yaml, problems))
    except yaml.YAMLError as e:
        return problems + ["not YAML: %s" % e]
    if not isinstance(doc, dict):
        return problems + ["the document is not a mapping of zones"]
    got, federation = [], 0
    for zone, names in doc.items():
        if not isinstance(zone, str) or not zone.endswith(".") or not isinstance(names, dict):
            problems.append("zone key %r: a name with trailing dot mapping names" % (zone,))
            continue
        for name, body in names.items():
            if not isinstance(name, str) or name == "@" or name.endswith("."):
                problems.append("%s: name %r (the apex is '')" % (zone, name))
                continue
            records = body if isinstance(body, list) else [body]
            types = [r.get("type") for r in records if isinstance(r, dict)]
            if len(set(types)) != len(types) or (isinstance(body, list) and len(body) < 2):
                problems.append("%s %r: one record per type, a list only for several" %
                                (zone, name))
            for rec in records:
                recs = check_record(zone, name, rec, domains, problems)
                got += recs
                federation += sum(1 for r in recs if r[0].startswith("_sipfederationtls."))
    if len(got) != len(set(got)):
        problems.append("a record appears twice")
    if set(got) != expected:
        problems.append("records differ from --format json: missing %s, extra %s"
                        % (sorted(expected - set(got)), sorted(set(got) - expected)))
    want = sum(1 for r in expected if r[0].startswith("_sipfederationtls."))
    if federation != want:
        problems.append("%d _sipfederationtls records checked, %d derived" % (federation, want))
    return problems


def self_test(yaml):
    """The order check itself: natsort's order, and octoDNS's reading."""
    if sorted(["b", "a10", "a9", "", "_x", "1"], key=natural_key) != \
            ["", "1", "_x", "a9", "a10", "b"]:
        common.fail("self-test: natural order")
    problems = []
    yaml.load("---\nb: 1\na: 2\n", Loader=loader(yaml, problems))
    if not problems:
        common.fail("self-test: keys out of order not seen")
    if yaml.safe_load("on: 1") != {True: 1}:
        common.fail("self-test: PyYAML no longer reads YAML 1.1 booleans; quoting test moot")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: octodns_check.py FEDNS_CLI EXAMPLES_DIR")
    cli, examples = sys.argv[1:]
    yaml = yaml_module()
    self_test(yaml)
    passed, failures, lenient = 0, [], 0
    with tempfile.TemporaryDirectory(prefix="fedns-octodns-") as tmp:
        for label, doc in common.documents(examples, tmp):
            expected = common.expected_records(cli, doc)
            domains = common.sip_domains(doc)
            for lang in common.LANGS:
                text = common.render(cli, doc, "octodns", lang)
                problems = check(yaml, text, expected, domains)
                lenient += text.count("lenient: true")
                if problems:
                    failures += ["%s (%s): %s" % (label, lang, p) for p in problems]
                else:
                    passed += 1
                    print("ok: %s (%s): %d records" % (label, lang, len(expected)))
    if not lenient:
        failures.append("no document had a _sipfederationtls record: the marker went untested")
    common.report(passed, failures)


if __name__ == "__main__":
    main()
