"""Helpers shared by the binding's tests (standard library only).

meson sets, for each test: FEDNS_LIBRARY (the built libfedns), PYTHONPATH
(bindings/python), FEDNS_CLI (the built `fedns`), FEDNS_EXAMPLES
(docs/examples), FEDNS_HEADER (include/fedns/fedns.h) and
FEDNS_EXPECTED_VERSION (the project version).
"""
import os
import subprocess
import unittest

import fedns


def env_path(name):
    """The path in environment variable `name`; skips the test when unset."""
    value = os.environ.get(name)
    if not value:
        raise unittest.SkipTest("%s is not set (meson test sets it)" % name)
    return value


def cli(*args, stdin=None):
    """Runs the built `fedns` with a fixed environment; returns the
    CompletedProcess with stdout and stderr as bytes."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C"}
    return subprocess.run([env_path("FEDNS_CLI"), *args], input=stdin,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                          timeout=60)


def examples():
    """The paths of docs/examples/*.json, sorted."""
    root = env_path("FEDNS_EXAMPLES")
    names = sorted(n for n in os.listdir(root) if n.endswith(".json"))
    if not names:
        raise AssertionError("no examples in " + root)
    return [os.path.join(root, n) for n in names]


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


# A clean document: one SIP domain served by one single-server edge pool.
CLEAN = {
    "fedns": 1,
    "sip_domains": [{"name": "contoso.com"}],
    "edge_pools": [{"name": "edge", "access_edge": {"addresses": ["131.107.155.10"]}}],
}


def clean_deployment():
    """A fresh deployment that derives (the CLEAN document, through the API)."""
    d = fedns.Deployment()
    d.add_sip_domain("contoso.com")
    d.add_edge_pool("edge", access_edge_addresses=["131.107.155.10"])
    return d
