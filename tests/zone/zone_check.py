#!/usr/bin/env python3
"""Zone check (suite 'zone'): the `zone` rendering of every example document
loads cleanly in two independent DNS servers' strict checkers.

usage: zone_check.py FEDNS_CLI EXAMPLES_DIR

For each EXAMPLES_DIR/*.json and each language (en, zh-CN):
  1. run `FEDNS_CLI records EXAMPLE --format zone --lang LANG` (exit 0, UTF-8,
     byte-identical on a second run: SPEC 6 output is deterministic);
  2. check the fragment's shape (SPEC 6): only `;` comment lines and records
     `OWNER TTL IN TYPE DATA` with absolute owner and target names, no control
     characters, no directives, no duplicate record;
  3. split it into zones: one per SIP domain of the document, holding the
     records at or under it (the most specific domain wins); a record under
     no SIP domain (a web conferencing or A/V edge elsewhere) goes to a zone
     at its parent name;
  4. wrap each zone in $TTL, SOA and an apex NS whose target lies outside the
     zone (BIND does not look up an apex NS out of zone, and -n only rejects
     an NS that is an address), then run
        named-checkzone -k fail -M fail -S fail -n fail -r fail -i full ORIGIN FILE
     and nsd-checkzone ORIGIN FILE. Every output line other than
     "zone ORIGIN/IN: loaded serial N" and "OK" (BIND), "zone ORIGIN is ok"
     (NSD) is a failure, as is a non-zero exit.

The one exception is the set of Microsoft 365 targets of SPEC R9, which are
outside every zone a deployment owns: with `-i full`, BIND resolves an
out-of-zone SRV target through the machine's resolver, so its verdict on them
depends on the network, not on fedns. Lines about exactly those names are
printed as notes; when BIND's live lookup finds one to be a CNAME (which
`-S fail` refuses, and which is Microsoft's published setup), the zone is
checked again with `-S warn` so that the checks BIND runs after that one still
run, and must then pass as above.

A missing tool, a missing example directory or no example at all is a failure.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

LANGS = ("en", "zh-CN")
NAMED_FLAGS = ["-k", "fail", "-M", "fail", "-S", "fail", "-n", "fail", "-r", "fail", "-i", "full"]
# SPEC 2b, R9: the Microsoft 365 names a domain hosted online points to.
EXTERNAL_TARGETS = {"sipdir.online.lync.com", "sipfed.online.lync.com", "webdir.online.lync.com"}
# Apex NS candidates; the first one outside the zone is used.
NS_CANDIDATES = ("ns1.example.net", "ns1.example.org")
# Documentation names for the SOA; the serial does not matter.
SOA_FIELDS = "1 7200 3600 1209600 3600"
HEADER_TTL = 3600

SBIN_DIRS = ("/usr/local/sbin", "/usr/sbin", "/sbin")


def find_tool(name, package):
    """A tool on PATH or in the usual sbin directories (not on a user's PATH)."""
    search = os.pathsep.join([os.environ.get("PATH", os.defpath)] + list(SBIN_DIRS))
    path = shutil.which(name, path=search)
    if path is None:
        raise SystemExit("FAIL: required tool '%s' not found (install %s)" % (name, package))
    return path


def normalize_domain(name):
    """A SIP domain as the CLI renders it: lower case A-labels, no final dot."""
    name = name.strip().rstrip(".").lower()
    try:
        name.encode("ascii")
    except UnicodeEncodeError:
        try:
            name = name.encode("idna").decode("ascii")
        except UnicodeError:
            pass  # the CLI decides; an unmatched name only changes the grouping
    return name


def in_zone(name, origin):
    return name == origin or name.endswith("." + origin)


class Record:
    def __init__(self, lineno, line, owner, rtype, rdata, group):
        self.lineno = lineno
        self.line = line
        self.owner = owner  # lower case, without the final dot
        self.rtype = rtype
        self.rdata = rdata
        self.group = group  # index of the comment block above it, or -1


def parse_fragment(text):
    """Returns (records, comment_blocks, problems)."""
    problems = []
    records = []
    blocks = []
    seen = {}
    current = -1
    after_record = True
    if text and not text.endswith("\n"):
        problems.append("the output does not end with a newline")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for lineno, line in enumerate(lines, 1):
        where = "line %d: %r" % (lineno, line)
        bad = [c for c in line if (ord(c) < 0x20 and c != "\t") or ord(c) == 0x7F]
        if bad:
            problems.append("%s: control character(s) %s" % (where, ", ".join(repr(c) for c in bad)))
            continue
        stripped = line.strip()
        if stripped == "":
            continue
        if stripped.startswith(";"):
            if after_record:
                blocks.append([])
                current = len(blocks) - 1
                after_record = False
            blocks[current].append(line)
            continue
        after_record = True
        if stripped.startswith("$"):
            problems.append("%s: a directive; SPEC 6 fragments hold only records and comments" % where)
            continue
        if line[0] in " \t":
            problems.append("%s: no owner name (every record names its owner, SPEC 6)" % where)
            continue
        fields = line.split(";", 1)[0].split()
        if len(fields) < 5:
            problems.append("%s: expected OWNER TTL IN TYPE DATA" % where)
            continue
        owner, ttl, klass, rtype, rdata = fields[0], fields[1], fields[2], fields[3], fields[4:]
        if not owner.endswith(".") or owner == ".":
            problems.append("%s: owner %s is not absolute (trailing dot)" % (where, owner))
            continue
        if not ttl.isdigit() or int(ttl) > 2147483647:
            problems.append("%s: %s is not a TTL" % (where, ttl))
        if klass != "IN":
            problems.append("%s: class %s, expected IN" % (where, klass))
        arity = {"A": 1, "AAAA": 1, "CNAME": 1, "SRV": 4}.get(rtype)
        if arity is not None and len(rdata) != arity:
            problems.append("%s: %s takes %d data fields, found %d" % (where, rtype, arity, len(rdata)))
        if rtype in ("CNAME", "SRV", "NS", "MX", "PTR") and not rdata[-1].endswith("."):
            problems.append("%s: target %s is not absolute (trailing dot)" % (where, rdata[-1]))
        key = (owner.lower(), rtype, " ".join(rdata).lower())
        if key in seen:
            problems.append("%s: the same record as line %d (SPEC 2: emitted once)" % (where, seen[key]))
        seen[key] = lineno
        records.append(Record(lineno, line, owner.lower().rstrip("."), rtype, rdata, current))
    if not records and not problems:
        problems.append("no records at all")
    return records, blocks, problems


def assign_zones(records, sip_domains):
    """{origin: [records]} in first-appearance order."""
    domains = sorted(set(sip_domains), key=len, reverse=True)
    zones = {}
    for rec in records:
        origin = next((d for d in domains if in_zone(rec.owner, d)), None)
        if origin is None:
            origin = rec.owner.split(".", 1)[1] if "." in rec.owner else ""
        zones.setdefault(origin, []).append(rec)
    return zones


def zone_text(origin, records, blocks, source):
    ns = next(n for n in NS_CANDIDATES if not in_zone(n, origin))
    out = [
        "; %s" % source,
        "$TTL %d" % HEADER_TTL,
        "%s. %d IN SOA %s. hostmaster.%s. %s" % (origin, HEADER_TTL, ns, ns.split(".", 1)[1],
                                                 SOA_FIELDS),
        "%s. %d IN NS %s." % (origin, HEADER_TTL, ns),
    ]
    last_group = None
    for rec in records:
        if rec.group != last_group and rec.group >= 0:
            out.extend(blocks[rec.group])
        last_group = rec.group
        out.append(rec.line)
    return "\n".join(out) + "\n"


def run(cmd, **kwargs):
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=300, **kwargs)
    text = proc.stdout.decode("utf-8", "replace")
    return proc.returncode, [l for l in text.split("\n") if l.strip()]


TOLERATED = [
    re.compile(r"zone \S+: \S+/SRV '([^']+)' \(out of zone\) has no addresses records \(A or AAAA\)"),
    re.compile(r"zone \S+: \S+/SRV '([^']+)' \(out of zone\) is a CNAME '[^']*' \(illegal\)"),
    re.compile(r"zone \S+: getaddrinfo\(([^)]+)\) failed: .*"),
]
EXTERNAL_CNAME = TOLERATED[1]


def check_named(named, origin, path):
    """Returns (problems, notes)."""
    # Bound the resolver's wait for the out-of-zone lookups of R9's targets.
    env = dict(os.environ, RES_OPTIONS="timeout:2 attempts:1")
    loaded = re.compile(r"zone %s/IN: loaded serial \d+" % re.escape(origin))
    not_loaded = "zone %s/IN: not loaded due to errors." % origin

    def classify(lines):
        notes, other, external_cname = [], [], False
        for line in lines:
            if loaded.fullmatch(line) or line == "OK":
                continue
            match = next((m for m in (p.fullmatch(line) for p in TOLERATED) if m), None)
            if match and match.group(1).rstrip(".").lower() in EXTERNAL_TARGETS:
                notes.append("note: live DNS, not fedns (SPEC R9 target): " + line)
                external_cname = external_cname or bool(EXTERNAL_CNAME.fullmatch(line))
                continue
            other.append(line)
        return notes, other, external_cname

    cmd = [named] + NAMED_FLAGS + [origin, path]
    rc, lines = run(cmd, env=env)
    notes, other, external_cname = classify(lines)
    if rc != 0 and external_cname and other == [not_loaded]:
        notes.append("note: refused only for the CNAME above; checking again with -S warn")
        cmd = [named] + NAMED_FLAGS + [origin, path]
        cmd[cmd.index("-S") + 1] = "warn"
        rc, lines = run(cmd, env=env)
        more, other, _ = classify(lines)
        notes.extend(more)
    problems = []
    if rc != 0 or other or not any(loaded.fullmatch(l) for l in lines) or "OK" not in lines:
        problems.append("$ " + " ".join(cmd) + "   (exit %d)" % rc)
        problems.extend("  " + l for l in lines)
    return problems, notes


def check_nsd(nsd, origin, path):
    cmd = [nsd, origin, path]
    rc, lines = run(cmd)
    if rc != 0 or lines != ["zone %s is ok" % origin]:
        return ["$ " + " ".join(cmd) + "   (exit %d)" % rc] + ["  " + l for l in lines]
    return []


def show(text):
    return "\n".join("    %3d  %s" % (i, l) for i, l in enumerate(text.rstrip("\n").split("\n"), 1))


def main(argv):
    if len(argv) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    cli, examples_dir = argv[1], argv[2]
    named = find_tool("named-checkzone", "bind9-utils")
    nsd = find_tool("nsd-checkzone", "nsd")
    if not (os.path.isfile(cli) and os.access(cli, os.X_OK)):
        print("FAIL: the fedns CLI %s is missing or not executable" % cli)
        return 1
    if not os.path.isdir(examples_dir):
        print("FAIL: no example directory %s" % examples_dir)
        return 1
    examples = sorted(f for f in os.listdir(examples_dir) if f.endswith(".json"))
    if not examples:
        print("FAIL: no example documents (*.json) in %s" % examples_dir)
        return 1

    failures = 0
    zones_checked = 0
    with tempfile.TemporaryDirectory(prefix="fedns-zone-") as tmp:
        for example in examples:
            path = os.path.join(examples_dir, example)
            try:
                with open(path, encoding="utf-8") as f:
                    doc = json.load(f)
                sip_domains = [normalize_domain(d["name"]) for d in doc.get("sip_domains", [])]
            except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
                print("FAIL %s: cannot read its SIP domains: %s" % (example, e))
                failures += 1
                continue
            for lang in LANGS:
                label = "%s [%s]" % (example, lang)
                cmd = [cli, "records", path, "--format", "zone", "--lang", lang]
                outputs = []
                for _ in range(2):
                    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                          stderr=subprocess.PIPE, timeout=120)
                    outputs.append(proc)
                    if proc.returncode != 0:
                        break
                proc = outputs[0]
                if proc.returncode != 0:
                    print("FAIL %s: `%s` exited %d" % (label, " ".join(cmd), proc.returncode))
                    sys.stdout.write(proc.stderr.decode("utf-8", "replace"))
                    failures += 1
                    continue
                if outputs[1].stdout != proc.stdout:
                    print("FAIL %s: two runs gave different output (SPEC 6: byte-deterministic)" % label)
                    failures += 1
                try:
                    text = proc.stdout.decode("utf-8")
                except UnicodeDecodeError as e:
                    print("FAIL %s: output is not UTF-8: %s" % (label, e))
                    failures += 1
                    continue
                records, blocks, problems = parse_fragment(text)
                if problems:
                    print("FAIL %s: the zone fragment breaks SPEC 6:" % label)
                    for p in problems:
                        print("  " + p)
                    failures += 1
                    continue
                for origin, recs in assign_zones(records, sip_domains).items():
                    if not origin:
                        print("FAIL %s: record owner %s has no parent to make a zone of"
                              % (label, recs[0].owner))
                        failures += 1
                        continue
                    text_z = zone_text(origin, recs, blocks,
                                       "fedns records %s --format zone --lang %s" % (example, lang))
                    zpath = os.path.join(tmp, "%s.%s.%s.zone" % (example, lang, origin))
                    with open(zpath, "w", encoding="utf-8") as f:
                        f.write(text_z)
                    problems, notes = check_named(named, origin, zpath)
                    problems += check_nsd(nsd, origin, zpath)
                    zones_checked += 1
                    kind = "SIP domain" if origin in sip_domains else "other names"
                    for n in notes:
                        print("  " + n)
                    if problems:
                        failures += 1
                        print("FAIL %s: zone %s (%s, %d records):" % (label, origin, kind, len(recs)))
                        for p in problems:
                            print("  " + p)
                        print("  zone file:")
                        print(show(text_z))
                    else:
                        print("ok   %s: zone %s (%s): %d records pass named-checkzone and nsd-checkzone"
                              % (label, origin, kind, len(recs)))
    print("%d zone(s) checked from %d example(s), %d failure(s)" % (zones_checked, len(examples), failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
