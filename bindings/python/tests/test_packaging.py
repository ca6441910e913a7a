"""bindings/python installs offline as a pure-Python package: plain `pip
install` and `pip wheel`, with no package index, build a wheel (through the
binding's own standard-library build backend) that holds the package and
nothing else, and works once installed."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest
import zipfile

import support

SOURCE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# Debian's python3-pip (build.sh installs it) belongs to the system
# interpreter, which need not be the python3 that runs the tests.
SYSTEM_PYTHON = os.environ.get("FEDNS_SYSTEM_PYTHON", "/usr/bin/python3")


class Wheel(unittest.TestCase):
    def setUp(self):
        r = subprocess.run([SYSTEM_PYTHON, "-m", "pip", "--version"], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, encoding="utf-8", timeout=60)
        self.assertEqual(r.returncode, 0, "%s has no pip (Debian: python3-pip): %s"
                         % (SYSTEM_PYTHON, r.stdout))
        self.tmp = tempfile.TemporaryDirectory(prefix="fedns-wheel-")
        self.addCleanup(self.tmp.cleanup)

    def pip(self, *args):
        env = dict(os.environ, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1",
                   PYTHONDONTWRITEBYTECODE="1")
        r = subprocess.run([SYSTEM_PYTHON, "-m", "pip", *args], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           encoding="utf-8", timeout=300)
        self.assertEqual(r.returncode, 0, r.stdout)

    def test_pip_install_from_the_source_tree(self):
        src = os.path.join(self.tmp.name, "src")
        shutil.copytree(SOURCE, src, ignore=shutil.ignore_patterns("__pycache__"))
        target = os.path.join(self.tmp.name, "site")
        self.pip("install", "--no-deps", "--target", target, src)
        self.assertTrue(os.path.isfile(os.path.join(target, "fedns", "_native.py")))
        self.assertEqual(sorted(os.listdir(src)), sorted(os.listdir(SOURCE)),
                         "the build left files in the source tree")

    def test_build_and_install_offline(self):
        # A copy, so that the in-tree build leaves nothing in the source tree.
        src = os.path.join(self.tmp.name, "src")
        shutil.copytree(SOURCE, src, ignore=shutil.ignore_patterns(
            "build", "dist", "*.egg-info", "__pycache__"))
        out = os.path.join(self.tmp.name, "wheels")
        self.pip("wheel", "--no-deps", "-w", out, src)
        wheels = os.listdir(out)
        self.assertEqual(len(wheels), 1, wheels)
        self.assertTrue(wheels[0].endswith("-py3-none-any.whl"), wheels[0])
        with zipfile.ZipFile(os.path.join(out, wheels[0])) as z:
            names = z.namelist()
        package = sorted(n for n in names if not n.split("/")[0].endswith(".dist-info"))
        self.assertEqual(package, sorted(
            "fedns/" + n for n in os.listdir(os.path.join(SOURCE, "fedns"))
            if n.endswith(".py") or n == "py.typed"))
        target = os.path.join(self.tmp.name, "site")
        self.pip("install", "--no-deps", "--target", target, os.path.join(out, wheels[0]))
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": target,
               "FEDNS_LIBRARY": support.env_path("FEDNS_LIBRARY"),
               "PYTHONDONTWRITEBYTECODE": "1"}
        code = ("import fedns, json, sys; d = fedns.Deployment.from_dict(json.loads("
                "sys.argv[1])); print(fedns.__file__); print(d.render('zone'), end='')")
        r = subprocess.run([SYSTEM_PYTHON, "-c", code, json.dumps(support.CLEAN)], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, encoding="utf-8",
                           timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        first, zone = r.stdout.split("\n", 1)
        self.assertTrue(first.startswith(target), first)
        self.assertIn("sip.contoso.com. 3600 IN A 131.107.155.10", zone)


if __name__ == "__main__":
    unittest.main()
