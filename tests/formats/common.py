"""Shared by the format tests (suite 'formats'): the documents they render,
the CLI runner, the expected records (from `--format json`) and the zone
split rule of docs/formats.md, written here independently of lib/zone_split.c.

Standard library only."""

import glob
import ipaddress
import json
import os
import shutil
import subprocess
import sys

LANGS = ("en", "zh-CN")
SBIN_DIRS = ("/usr/local/sbin", "/usr/sbin", "/sbin")

# Documents beside docs/examples that reach the corners of the zone split
# and of the TTL forms.
EXTRA_DOCUMENTS = {
    # A web conferencing edge under no SIP domain (its zone is its parent
    # name) and an A/V edge under one; two SIP domains.
    "outside.json": {
        "fedns": 1,
        "ttl": 90061,
        "sip_domains": [{"name": "contoso.com"}, {"name": "fabrikam.com"}],
        "edge_pools": [{
            "name": "edge",
            "access_edge": {"host": "sip", "addresses": ["131.107.155.10", "2001:db8::10"]},
            "webconf_edge": {"fqdn": "webconf.edge.litwareinc.net",
                             "addresses": ["131.107.155.20"]},
            "av_edge": {"fqdn": "av.fabrikam.com", "addresses": ["131.107.155.30"]},
        }],
        "external_access": {"enabled": True},
    },
    # A SIP domain inside another: the inner zone holds its own names.
    "nested.json": {
        "fedns": 1,
        "ttl": 0,
        "sip_domains": [{"name": "contoso.com"}, {"name": "eu.contoso.com"}],
        "edge_pools": [{"name": "edge",
                        "access_edge": {"host": "sip", "addresses": ["131.107.155.10"]}}],
        "federation": {"allow_federated_users": True, "partner_discovery": True},
        "external_access": {"enabled": True},
    },
}


def fail(message):
    raise SystemExit("FAIL: " + message)


def find_tool(name, package):
    """A tool on PATH or in the usual sbin directories (not on a user's PATH)."""
    search = os.pathsep.join([os.environ.get("PATH", os.defpath)] + list(SBIN_DIRS))
    path = shutil.which(name, path=search)
    if path is None:
        fail("required tool '%s' not found (install %s)" % (name, package))
    return path


def documents(examples_dir, tmpdir):
    """[(label, path)]: every docs/examples/*.json, then EXTRA_DOCUMENTS."""
    paths = sorted(glob.glob(os.path.join(examples_dir, "*.json")))
    if not paths:
        fail("no example documents in %s" % examples_dir)
    docs = [(os.path.basename(p), p) for p in paths]
    for name, doc in sorted(EXTRA_DOCUMENTS.items()):
        path = os.path.join(tmpdir, name)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f)
        docs.append((name, path))
    return docs


def render(cli, doc, fmt, lang="en"):
    """The CLI's output, which must be UTF-8 and the same on a second run."""
    outs = []
    for _ in range(2):
        proc = subprocess.run([cli, "records", doc, "--format", fmt, "--lang", lang],
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=60)
        if proc.returncode != 0:
            fail("fedns records %s --format %s --lang %s: exit %d: %s"
                 % (doc, fmt, lang, proc.returncode, proc.stderr.decode("utf-8", "replace")))
        outs.append(proc.stdout)
    if outs[0] != outs[1]:
        fail("fedns records %s --format %s --lang %s: two runs differ" % (doc, fmt, lang))
    try:
        return outs[0].decode("utf-8")
    except UnicodeDecodeError as e:
        fail("fedns records %s --format %s: not UTF-8: %s" % (doc, fmt, e))


def rdata(rtype, text):
    """Record data in one comparable form."""
    if rtype in ("A", "AAAA"):
        return str(ipaddress.ip_address(text))
    return text.lower()


def expected_records(cli, doc):
    """{(owner, type, ttl, data)} from `--format json`; owner and targets
    absolute, lower case; SRV data "priority weight port target"."""
    records = set()
    for r in json.loads(render(cli, doc, "json"))["records"]:
        if r["type"] == "SRV":
            data = "%d %d %d %s" % (r["priority"], r["weight"], r["port"], r["target"].lower())
        elif r["type"] == "CNAME":
            data = r["target"].lower()
        else:
            data = rdata(r["type"], r["address"])
        records.add((r["owner"].lower(), r["type"], r["ttl"], data))
    return records


def sip_domains(doc):
    with open(doc, encoding="utf-8") as f:
        return [d["name"].lower().rstrip(".") for d in json.load(f)["sip_domains"]]


def zone_of(owner, domains):
    """docs/formats.md: the longest SIP domain that is the owner or above it;
    else the owner's parent name. `owner` absolute; the zone without dot."""
    name = owner.rstrip(".")
    best = None
    for d in domains:
        if (name == d or name.endswith("." + d)) and (best is None or len(d) > len(best)):
            best = d
    if best is not None:
        return best
    return name.split(".", 1)[1] if "." in name else name


def report(passed, failures):
    for f in failures:
        print("FAIL: " + f)
    print("%d passed, %d failed" % (passed, len(failures)))
    sys.exit(1 if failures else 0)
