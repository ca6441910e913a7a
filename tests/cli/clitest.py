"""Shared helpers of the command-line tests.

Each test script is run by meson as `python3 test_x.py FEDNS EXAMPLES`: the
path of the built `fedns` binary and of docs/examples. Only the standard
library is used.
"""
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

FEDNS = None
EXAMPLES = None


class CliTestCase(unittest.TestCase):
    """Runs `fedns` in a scratch directory, so that error messages carry
    short, predictable file names."""

    maxDiff = None

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="fedns-cli-")
        self.dir = self._tmp.name

    def tearDown(self):
        self._tmp.cleanup()

    def write(self, name, text, dedent=True):
        """Writes `text` (dedented, so documents can be indented in the
        test) to `name` in the scratch directory and returns `name`."""
        with open(os.path.join(self.dir, name), "w", encoding="utf-8") as f:
            f.write(textwrap.dedent(text) if dedent else text)
        return name

    def fedns(self, *args, stdin=None, stdout=subprocess.PIPE):
        # A fixed environment: the tool must not depend on the caller's.
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C"}
        return subprocess.run([FEDNS, *args], input=stdin, stdout=stdout,
                              stderr=subprocess.PIPE, cwd=self.dir, env=env,
                              encoding="utf-8", timeout=60)

    def assertRun(self, args, code, stdout="", stderr="", stdin=None):
        """Runs fedns and asserts its exit status and its whole output."""
        r = self.fedns(*args, stdin=stdin)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (code, stdout, stderr))
        return r


def main():
    """Runs the calling script's tests and prints "N passed, N failed"."""
    global FEDNS, EXAMPLES
    if len(sys.argv) != 3:
        sys.exit("usage: %s FEDNS EXAMPLES_DIR" % sys.argv[0])
    FEDNS = os.path.abspath(sys.argv[1])
    EXAMPLES = os.path.abspath(sys.argv[2])
    suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules["__main__"])
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    failed = len(result.failures) + len(result.errors)
    passed = result.testsRun - failed - len(result.skipped)
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(0 if failed == 0 and result.testsRun > 0 else 1)
