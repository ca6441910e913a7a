#!/usr/bin/env python3
"""nsupdate test (suite 'formats'): the `nsupdate` rendering, applied by
BIND's nsupdate to a real BIND named, yields exactly the derived records, each
in the zone docs/formats.md says.

usage: nsupdate_apply.py FEDNS_CLI EXAMPLES_DIR

For every EXAMPLES_DIR/*.json, the documents of common.EXTRA_DOCUMENTS, and
each language:
  1. check the script's shape: `zone Z.`, `; comment`, `update add OWNER TTL
     IN TYPE DATA` and `send` lines, one block per zone, absolute names, each
     owner at or under its block's zone, no control characters;
  2. compare the zone of every record with the split rule (common.zone_of);
  3. start named (bind9) on a free loopback port, with its own directory and
     an empty primary zone (SOA, NS) per block allowing updates from
     127.0.0.1; feed `server 127.0.0.1 PORT` and the script to nsupdate
     (bind9-dnsutils), which must exit 0 and print nothing;
  4. transfer every zone with dig (AXFR) and compare its records, SOA and NS
     aside, with the records of `--format json` that belong to it.
named is stopped and its directory removed on every exit path. A missing
tool is a failure, never a skip.
"""

import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

LINE = re.compile(r"update add (\S+) (\d+) IN (A|AAAA|CNAME|SRV) (.+)")
NS = "ns1.example.net."


class Named:
    """A named serving `zones` (names without the trailing dot) as
    primaries that accept updates from 127.0.0.1."""

    def __init__(self, named, dig, zones, workdir):
        self.named, self.dig, self.zones, self.dir = named, dig, zones, workdir
        self.proc = None
        self.port = None

    def _config(self, port):
        lines = [
            "options {",
            '  directory "%s";' % self.dir,
            '  pid-file "%s";' % os.path.join(self.dir, "named.pid"),
            '  session-keyfile "%s";' % os.path.join(self.dir, "session.key"),
            '  managed-keys-directory "%s";' % self.dir,
            "  listen-on port %d { 127.0.0.1; };" % port,
            "  listen-on-v6 { none; };",
            "  recursion no;",
            "  dnssec-validation no;",
            "  notify no;",
            "};",
            "controls { };",
        ]
        for z in self.zones:
            path = os.path.join(self.dir, z + ".db")
            with open(path, "w", encoding="ascii") as f:
                f.write("$TTL 3600\n%s. IN SOA %s hostmaster.example.net. 1 7200 3600 1209600 "
                        "3600\n%s. IN NS %s\n" % (z, NS, z, NS))
            # A fresh journal each start: the zone files are rewritten.
            if os.path.exists(path + ".jnl"):
                os.unlink(path + ".jnl")
            lines.append('zone "%s" { type primary; file "%s"; allow-update { 127.0.0.1; }; };'
                         % (z, path))
        conf = os.path.join(self.dir, "named.conf")
        with open(conf, "w", encoding="ascii") as f:
            f.write("\n".join(lines) + "\n")
        return conf

    def start(self):
        for _ in range(5):
            port = free_port()
            conf = self._config(port)
            log = open(os.path.join(self.dir, "named.log"), "wb")
            # -g: foreground, log to stderr; -u only where named may drop root.
            cmd = [self.named, "-g", "-n", "1", "-c", conf]
            if hasattr(os, "geteuid") and os.geteuid() == 0:
                cmd += ["-u", "root"]
            self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log,
                                         stderr=subprocess.STDOUT)
            log.close()
            self.port = port
            if self._wait_ready():
                return
            self.stop()
        fail_log = open(os.path.join(self.dir, "named.log"), encoding="utf-8",
                        errors="replace").read()
        common.fail("named did not start:\n" + fail_log)

    def _wait_ready(self):
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return False
            out = subprocess.run([self.dig, "@127.0.0.1", "-p", str(self.port), self.zones[0],
                                  "SOA", "+short", "+time=1", "+tries=1"],
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            if out.returncode == 0 and out.stdout.strip():
                return True
            time.sleep(0.2)
        return False

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def axfr(self, zone):
        out = subprocess.run([self.dig, "@127.0.0.1", "-p", str(self.port), zone, "AXFR",
                              "+noall", "+answer", "+time=5", "+tries=1"],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60)
        text = out.stdout.decode("utf-8", "replace")
        if out.returncode != 0:
            common.fail("dig AXFR %s: exit %d: %s" % (zone, out.returncode, text))
        records = set()
        for line in text.splitlines():
            f = line.split()
            if not f or f[0].startswith(";"):
                continue
            owner, ttl, rtype, data = f[0].lower(), int(f[1]), f[3], " ".join(f[4:])
            if rtype in ("SOA", "NS"):
                continue
            records.add((owner, rtype, ttl, common.rdata(rtype, data)))
        return records


def free_port():
    """A loopback port free for both TCP and UDP just now."""
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as t:
            t.bind(("127.0.0.1", 0))
            port = t.getsockname()[1]
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u:
                try:
                    u.bind(("127.0.0.1", port))
                except OSError:
                    continue
        return port


def parse(text):
    """[(zone, [(owner, type, ttl, data)])] and a list of problems."""
    blocks, problems = [], []
    current = None
    lines = text.split("\n")
    if text and lines[-1] != "":
        problems.append("the script does not end with a newline")
    if lines and lines[-1] == "":
        lines.pop()
    for n, line in enumerate(lines, 1):
        where = "line %d: %r" % (n, line)
        if any(ord(c) < 0x20 or ord(c) == 0x7F for c in line):
            problems.append("%s: control character" % where)
        elif line.startswith("; "):
            if current is None:
                problems.append("%s: a comment outside a block" % where)
        elif line.startswith("zone "):
            zone = line[5:]
            if current is not None or not zone.endswith(".") or " " in zone:
                problems.append("%s: expected `zone NAME.` outside a block" % where)
            current = (zone.rstrip(".").lower(), [])
        elif line == "send":
            if current is None or not current[1]:
                problems.append("%s: send without updates" % where)
            else:
                blocks.append(current)
            current = None
        elif line == "":
            # Only between blocks: inside one it would send the message.
            if current is not None:
                problems.append("%s: a blank line inside a block" % where)
        else:
            m = LINE.fullmatch(line)
            if not m or current is None:
                problems.append("%s: not `update add OWNER TTL IN TYPE DATA` in a block" % where)
                continue
            owner, ttl, rtype, data = m.groups()
            if not owner.endswith(".") or (rtype in ("CNAME", "SRV")
                                           and not data.endswith(".")):
                problems.append("%s: a name without its trailing dot" % where)
            name = owner.rstrip(".").lower()
            if not (name == current[0] or name.endswith("." + current[0])):
                problems.append("%s: owner outside zone %s" % (where, current[0]))
            current[1].append((owner.lower(), rtype, int(ttl), common.rdata(rtype, data)))
    if current is not None:
        problems.append("the last block has no send")
    return blocks, problems


def check(label, doc, lang, text, expected, tools, tmp):
    """The problems of one rendering; [] when it passes."""
    blocks, problems = parse(text)
    if problems:
        return problems
    zones = [z for z, _ in blocks]
    if len(set(zones)) != len(zones):
        return ["a zone has two blocks: %s" % zones]
    domains = common.sip_domains(doc)
    for zone, records in blocks:
        for r in records:
            want = common.zone_of(r[0], domains)
            if want != zone:
                problems.append("%s is in zone %s, expected %s" % (r[0], zone, want))
    got = [r for _, records in blocks for r in records]
    if set(got) != expected or len(got) != len(expected):
        problems.append("the script's records differ from --format json: missing %s, extra %s"
                        % (sorted(expected - set(got)), sorted(set(got) - expected)))
    if problems:
        return problems
    workdir = tempfile.mkdtemp(prefix="named-", dir=tmp)
    server = Named(tools["named"], tools["dig"], zones, workdir)
    try:
        server.start()
        script = "server 127.0.0.1 %d\n%s" % (server.port, text)
        proc = subprocess.run([tools["nsupdate"]], input=script.encode("utf-8"),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
        said = proc.stdout.decode("utf-8", "replace")
        if proc.returncode != 0 or said.strip():
            return ["nsupdate exit %d: %s" % (proc.returncode, said)]
        for zone, records in blocks:
            have = server.axfr(zone)
            if have != set(records):
                problems.append("zone %s after nsupdate: missing %s, extra %s"
                                % (zone, sorted(set(records) - have), sorted(have - set(records))))
    finally:
        server.stop()
    return problems


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: nsupdate_apply.py FEDNS_CLI EXAMPLES_DIR")
    cli, examples = sys.argv[1:]
    tools = {
        "named": common.find_tool("named", "bind9"),
        "nsupdate": common.find_tool("nsupdate", "bind9-dnsutils"),
        "dig": common.find_tool("dig", "bind9-dnsutils"),
    }
    # SIGTERM (meson's timeout) and SIGINT unwind through the finally
    # clauses, so named never outlives the test.
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: sys.exit("FAIL: interrupted"))
    passed, failures = 0, []
    with tempfile.TemporaryDirectory(prefix="fedns-nsupdate-") as tmp:
        for label, doc in common.documents(examples, tmp):
            expected = common.expected_records(cli, doc)
            for lang in common.LANGS:
                text = common.render(cli, doc, "nsupdate", lang)
                problems = check(label, doc, lang, text, expected, tools, tmp)
                if problems:
                    failures += ["%s (%s): %s" % (label, lang, p) for p in problems]
                else:
                    passed += 1
                    print("ok: %s (%s): %d records in %d zone(s)"
                          % (label, lang, len(expected), text.count("\nsend\n")))
    common.report(passed, failures)


if __name__ == "__main__":
    main()
