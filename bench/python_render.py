"""Deployment.render() of the Python binding on the hosting workload of
bench/workload.h, timed with time.perf_counter, for comparison with the C
library's derive + render (bench_fedns's "derive+render").

usage: python3 python_render.py [-r REPEAT] [-o ZONEFILE] DOMAINS

The binding must be importable and find the library: run with
PYTHONPATH=bindings/python and FEDNS_LIBRARY=<build>/lib/libfedns.so.1
(bench/run sets both). Output lines as bench_fedns's:
    time <op> <domains> 0 <best seconds> <items>
"""
import sys
import time

import fedns


def deployment(domains):
    d = fedns.Deployment(ttl=3600, allow_federated_users=True, partner_discovery=True)
    d.add_edge_pool("edge", xmpp_proxy=True, access_edge_addresses=["131.107.155.10"])
    d.add_xmpp_partner("jabber.example.org", type="federated", dialback=False)
    for i in range(domains):
        d.add_sip_domain("tenant%d.hosting.example" % i, xmpp=True)
    return d


def main(argv):
    repeat, zonefile = 5, None
    while len(argv) > 2 and argv[0] in ("-r", "-o"):
        if argv[0] == "-r":
            repeat = int(argv[1])
        else:
            zonefile = argv[1]
        argv = argv[2:]
    if len(argv) != 1 or repeat < 1 or int(argv[0]) < 1:
        sys.stderr.write("usage: python_render.py [-r REPEAT] [-o ZONEFILE] DOMAINS\n")
        return 2
    domains = int(argv[0])
    t0 = time.perf_counter()
    d = deployment(domains)
    t_build = time.perf_counter() - t0
    t_render, text = None, ""
    for _ in range(repeat):
        text = None  # the last result is freed outside the time, as in C
        t0 = time.perf_counter()
        text = d.render("zone")
        t = time.perf_counter() - t0
        t_render = t if t_render is None or t < t_render else t_render
    d.close()
    if zonefile:
        with open(zonefile, "w", encoding="utf-8", newline="") as f:
            f.write(text)
    size = len(text.encode("utf-8"))
    print("time python-build %d 0 %.9f %d" % (domains, t_build, domains))
    print("time python-render %d 0 %.9f %d" % (domains, t_render, size))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
