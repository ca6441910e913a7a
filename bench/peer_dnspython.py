"""The dnspython peer of bench_fedns.c: the same zone (bench/workload.h)
built as dns.rrset objects and printed with to_text(), and two copies of it
compared as {(owner, type): rrset} maps.

usage: python3 peer_dnspython.py [-r REPEAT] DOMAINS

Run it with the interpreter that has dnspython (Debian python3-dnspython:
/usr/bin/python3). The record texts are generated before the clock starts,
as bench_ldns.c does. Output lines as bench_fedns's:
    time <op> <domains> 0 <best seconds> <items>
"""
import sys
import time

import dns.rdataclass
import dns.rdatatype
import dns.rrset

TTL = 3600
ADDRESS = "131.107.155.10"


def lines(domains):
    """(owner, type, data) of every record, as workload.h's bench_rr()."""
    out = []
    for i in range(domains):
        d = "tenant%d.hosting.example" % i
        out.append(("_sip._tls.%s." % d, "SRV", "0 0 443 sip.%s." % d))
        out.append(("_sipfederationtls._tcp.%s." % d, "SRV", "0 0 5061 sip.%s." % d))
        out.append(("_xmpp-server._tcp.%s." % d, "SRV", "0 0 5269 xmpp.%s." % d))
        out.append(("sip.%s." % d, "A", ADDRESS))
        out.append(("xmpp.%s." % d, "A", ADDRESS))
    return out


def build(records):
    return [dns.rrset.from_text(owner, TTL, dns.rdataclass.IN, rdtype, data)
            for owner, rdtype, data in records]


def render(rrsets):
    return "\n".join(r.to_text() for r in rrsets) + "\n"


def compare(a, b):
    return {(r.name, r.rdtype): r for r in a} == {(r.name, r.rdtype): r for r in b}


def best(repeat, fn):
    """The best wall-clock time of `repeat` calls, and the last result."""
    top, result = None, None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        t = time.perf_counter() - t0
        top = t if top is None or t < top else top
    return top, result


def main(argv):
    repeat = 5
    if len(argv) > 2 and argv[0] == "-r":
        repeat = int(argv[1])
        argv = argv[2:]
    if len(argv) != 1 or repeat < 1 or int(argv[0]) < 1:
        sys.stderr.write("usage: peer_dnspython.py [-r REPEAT] DOMAINS\n")
        return 2
    domains = int(argv[0])
    records = lines(domains)
    # Built and printed once a round: "build+print" is the best round's sum.
    t_build = t_print = t_both = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        rrsets = build(records)
        t1 = time.perf_counter()
        text = render(rrsets)
        t2 = time.perf_counter()
        t_build = min(t_build or t1 - t0, t1 - t0)
        t_print = min(t_print or t2 - t1, t2 - t1)
        t_both = min(t_both or t2 - t0, t2 - t0)
    other = build(records)
    t_compare, same = best(repeat, lambda: compare(rrsets, other))
    if not same:
        sys.stderr.write("peer_dnspython: two copies compared different\n")
        return 1
    n = len(records)
    for op, t, items in (("build", t_build, n), ("print", t_print, len(text)),
                         ("build+print", t_both, len(text)), ("compare", t_compare, n)):
        print("time dnspython-%s %d 0 %.9f %d" % (op, domains, t, items))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
