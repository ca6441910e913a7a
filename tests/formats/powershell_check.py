#!/usr/bin/env python3
"""PowerShell test (suite 'formats'): every line of the `powershell` rendering
has the shape of one Windows DNS Server cmdlet call of SPEC 6, with correct
quoting, or is a comment; together the calls add exactly the derived records.
PowerShell itself is not needed: each cmdlet has its regular expression.

usage: powershell_check.py FEDNS_CLI EXAMPLES_DIR

For every EXAMPLES_DIR/*.json, the documents of common.EXTRA_DOCUMENTS, and
each language:
  - a line is blank, a `# ` comment, or exactly one of
      Add-DnsServerResourceRecord -ZoneName "Z" -Srv -Name "N" -DomainName "T"
        -Priority P -Weight W -Port P -TimeToLive [d.]hh:mm:ss
      Add-DnsServerResourceRecordA -ZoneName "Z" -Name "N" -IPv4Address "A" -TimeToLive ...
      Add-DnsServerResourceRecordAAAA ... -IPv6Address "A" ...
      Add-DnsServerResourceRecordCName ... -HostNameAlias "T" ...
    (one line each); strings are double-quoted and hold nothing PowerShell
    expands or ends a string with (`"`, `$`, backtick, typographic quotes)
    unless a backtick escapes it;
  - a comment line starts every group (after the start or a blank line);
  - Z is the zone the split rule gives (common.zone_of), N is the owner
    relative to Z ("@" at its apex), T a name without trailing dot, the TTL a
    valid TimeSpan equal to the record's TTL;
  - the calls add exactly the records of `--format json`.
"""

import ipaddress
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

# The content of a double-quoted string: any character but the ones that end
# it or expand inside it, or a backtick escape.
STR = r'"((?:[^"`$\u201c\u201d\u201e\r\n]|`[^\r\n])*)"'
TTL = r"((?:\d+\.)?\d{2}:\d{2}:\d{2})"
CMDLETS = {
    "SRV": re.compile(r"Add-DnsServerResourceRecord -ZoneName %s -Srv -Name %s "
                      r"-DomainName %s -Priority (\d+) -Weight (\d+) -Port (\d+) "
                      r"-TimeToLive %s" % (STR, STR, STR, TTL)),
    "A": re.compile(r"Add-DnsServerResourceRecordA -ZoneName %s -Name %s -IPv4Address %s "
                    r"-TimeToLive %s" % (STR, STR, STR, TTL)),
    "AAAA": re.compile(r"Add-DnsServerResourceRecordAAAA -ZoneName %s -Name %s "
                       r"-IPv6Address %s -TimeToLive %s" % (STR, STR, STR, TTL)),
    "CNAME": re.compile(r"Add-DnsServerResourceRecordCName -ZoneName %s -Name %s "
                        r"-HostNameAlias %s -TimeToLive %s" % (STR, STR, STR, TTL)),
}
LABEL = r"(?:_?[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)"
NAME = re.compile(r"%s(?:\.%s)*" % (LABEL, LABEL))


def unquote(s):
    """The value of a double-quoted string's content."""
    return re.sub(r"`(.)", r"\1", s)


def seconds(timespan):
    """[d.]hh:mm:ss in seconds, or None when a field is out of range."""
    days, _, clock = timespan.rpartition(".")
    h, m, s = (int(x) for x in clock.split(":"))
    if h > 23 or m > 59 or s > 59:
        return None
    return int(days or 0) * 86400 + h * 3600 + m * 60 + s


def check_call(rtype, m, domains):
    """(record, problems) of one matched cmdlet line."""
    g = [unquote(x) for x in m.groups()]
    zone, name = g[0], g[1]
    problems = []
    if not NAME.fullmatch(zone):
        problems.append("zone %r is not a DNS name" % zone)
    if name != "@" and not NAME.fullmatch(name):
        problems.append("name %r is neither @ nor a relative name" % name)
    owner = (zone if name == "@" else name + "." + zone) + "."
    if common.zone_of(owner, domains) != zone:
        problems.append("%s in zone %s, expected %s" % (owner, zone,
                                                        common.zone_of(owner, domains)))
    ttl = seconds(g[-1])
    if ttl is None:
        problems.append("TimeToLive %s is not a TimeSpan" % g[-1])
    if rtype == "SRV":
        target, prio, weight, port = g[2], int(g[3]), int(g[4]), int(g[5])
        if not NAME.fullmatch(target):
            problems.append("DomainName %r is not a name without trailing dot" % target)
        data = "%d %d %d %s." % (prio, weight, port, target)
    elif rtype == "CNAME":
        if not NAME.fullmatch(g[2]):
            problems.append("HostNameAlias %r is not a name without trailing dot" % g[2])
        data = g[2] + "."
    else:
        try:
            addr = ipaddress.ip_address(g[2])
        except ValueError:
            addr = None
        if addr is None or addr.version != (4 if rtype == "A" else 6):
            problems.append("%r is not an IPv%s address" % (g[2], 4 if rtype == "A" else 6))
            data = g[2]
        else:
            data = str(addr)
    return (owner, rtype, ttl, data.lower()), problems


def check(text, expected, domains):
    problems, got = [], []
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    else:
        problems.append("the script does not end with a newline")
    at_group_start = True
    for n, line in enumerate(lines, 1):
        where = "line %d: %r" % (n, line)
        if any(ord(c) < 0x20 or ord(c) == 0x7F or c in "\u2028\u2029\x85" for c in line):
            problems.append("%s: a control character or line break" % where)
            continue
        if line == "":
            at_group_start = True
            continue
        if line.startswith("# "):
            at_group_start = False
            continue
        if at_group_start:
            problems.append("%s: a group without its comment line" % where)
        matches = [(t, r.fullmatch(line)) for t, r in CMDLETS.items()]
        matches = [(t, m) for t, m in matches if m]
        if len(matches) != 1:
            problems.append("%s: not one of the four cmdlet shapes" % where)
            continue
        record, bad = check_call(matches[0][0], matches[0][1], domains)
        problems += ["%s: %s" % (where, b) for b in bad]
        got.append(record)
    if len(got) != len(set(got)):
        problems.append("a record is added twice")
    if set(got) != expected:
        problems.append("the calls differ from --format json: missing %s, extra %s"
                        % (sorted(expected - set(got)), sorted(set(got) - expected)))
    return problems


def self_test():
    """The expressions accept SPEC 6's example and refuse bad quoting."""
    spec = ('Add-DnsServerResourceRecord -ZoneName "contoso.com" -Srv '
            '-Name "_sipfederationtls._tcp" -DomainName "sip.contoso.com" -Priority 0 '
            '-Weight 0 -Port 5061 -TimeToLive 01:00:00')
    if not CMDLETS["SRV"].fullmatch(spec):
        common.fail("self-test: SPEC 6's example does not match")
    for bad in ('-Name "a"b"', '-Name "a$b"', '-Name "a`"', "-Name 'a'", '-Name a'):
        line = ('Add-DnsServerResourceRecordA -ZoneName "z.example" %s '
                '-IPv4Address "192.0.2.1" -TimeToLive 01:00:00' % bad)
        if CMDLETS["A"].fullmatch(line):
            common.fail("self-test: bad quoting accepted: " + line)
    if unquote('a`"b`$') != 'a"b$' or seconds("1.01:01:01") != 90061 \
            or seconds("00:60:00") is not None:
        common.fail("self-test: unquote or seconds")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: powershell_check.py FEDNS_CLI EXAMPLES_DIR")
    cli, examples = sys.argv[1:]
    self_test()
    passed, failures = 0, []
    with tempfile.TemporaryDirectory(prefix="fedns-powershell-") as tmp:
        for label, doc in common.documents(examples, tmp):
            expected = common.expected_records(cli, doc)
            domains = common.sip_domains(doc)
            for lang in common.LANGS:
                problems = check(common.render(cli, doc, "powershell", lang), expected, domains)
                if problems:
                    failures += ["%s (%s): %s" % (label, lang, p) for p in problems]
                else:
                    passed += 1
                    print("ok: %s (%s): %d cmdlet calls" % (label, lang, len(expected)))
    common.report(passed, failures)


if __name__ == "__main__":
    main()
