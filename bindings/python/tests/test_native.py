"""The C library underneath: how it is found, and that the prototype table
matches fedns.h function for function."""
import ctypes
import os
import re
import subprocess
import sys
import textwrap
import unittest

import fedns
import support
from fedns import _native

# C types of fedns.h and the ctypes type each must have in the table.
_C_TYPES = {
    "void": None,
    "int": ctypes.c_int,
    "fedns_status": ctypes.c_int,
    "size_t": ctypes.c_size_t,
    "int64_t": ctypes.c_int64,
    "uint16_t": ctypes.c_uint16,
    "uint32_t": ctypes.c_uint32,
    "const char *": ctypes.c_char_p,
    "char *": ctypes.POINTER(ctypes.c_char),
    "void *": ctypes.c_void_p,
    "size_t *": ctypes.POINTER(ctypes.c_size_t),
    "int64_t *": ctypes.POINTER(ctypes.c_int64),
    "int *": ctypes.POINTER(ctypes.c_int),
    "const char **": ctypes.POINTER(ctypes.c_char_p),
    "char **": ctypes.POINTER(ctypes.POINTER(ctypes.c_char)),
    "fedns_malloc_fn": _native.MallocFn,
    "fedns_realloc_fn": _native.ReallocFn,
    "fedns_free_fn": _native.FreeFn,
    "fedns_write_fn": _native.WriteFn,
}
_HANDLES = {
    "fedns_deployment": _native.DeploymentP,
    "fedns_sip_domain": _native.SipDomainP,
    "fedns_edge_pool": _native.EdgePoolP,
    "fedns_xmpp_partner": _native.XmppPartnerP,
    "fedns_public_provider": _native.PublicProviderP,
    "fedns_hosting_provider": _native.HostingProviderP,
    "fedns_reverse_proxy": _native.ReverseProxyP,
    "fedns_policy": _native.PolicyP,
    "fedns_certs": _native.CertsP,
    "fedns_observed": _native.ObservedP,
    "fedns_findings": _native.FindingsP,
    "fedns_probes": _native.ProbesP,
    "fedns_diagnostics": _native.DiagnosticsP,
    "fedns_recordset": _native.RecordSetP,
}


def ctype_of(c_type):
    """The ctypes type a C declaration's type must map to."""
    t = re.sub(r"\s+", " ", c_type.replace("*", " * ")).strip()
    t = t.replace(" *", " *").replace("* *", "**")
    t = re.sub(r"\* (?=\*)", "*", t)
    m = re.fullmatch(r"(const )?(fedns_\w+) \*(\*)?", t)
    if m and m.group(2) in _HANDLES:
        p = _HANDLES[m.group(2)]
        return ctypes.POINTER(p) if m.group(3) else p
    return _C_TYPES[t]


def header_functions(path):
    """{name: (return type, [parameter types])} of every FEDNS_API function."""
    with open(path, encoding="utf-8") as f:
        text = re.sub(r"/\*.*?\*/", "", f.read(), flags=re.S)
    out = {}
    for m in re.finditer(r"FEDNS_API\s+([^;(]*?)\b(fedns_\w+)\s*\(([^)]*)\)\s*;", text):
        params = [] if m.group(3).strip() == "void" else [
            re.sub(r"\b\w+$", "", p.strip()).strip() for p in m.group(3).split(",")]
        out[m.group(2)] = (m.group(1).strip(), params)
    return out


class Prototypes(unittest.TestCase):
    def test_table_matches_the_header(self):
        declared = header_functions(support.env_path("FEDNS_HEADER"))
        self.assertGreater(len(declared), 50)
        table = {name: (restype, argtypes) for name, restype, argtypes, _ in
                 _native.prototypes()}
        self.assertEqual(sorted(table), sorted(declared),
                         "the prototype table must cover every function of fedns.h")
        for name, (ret, params) in declared.items():
            with self.subTest(function=name):
                restype, argtypes = table[name]
                self.assertIs(restype, ctype_of(ret), ret)
                self.assertEqual(len(argtypes), len(params))
                for i, (have, c_type) in enumerate(zip(argtypes, params)):
                    self.assertIs(have, ctype_of(c_type), "parameter %d: %s" % (i, c_type))

    def test_every_function_is_bound(self):
        self.assertEqual(_native.missing, (), "the built library lacks these")
        for name, restype, argtypes, errcheck in _native.prototypes():
            with self.subTest(function=name):
                func = getattr(_native.lib, name)
                self.assertIs(func.restype, restype)
                self.assertEqual(tuple(func.argtypes), tuple(argtypes))
                self.assertIs(func.errcheck, errcheck)

    def test_status_names_match_the_library(self):
        for status in range(9):
            with self.subTest(status=status):
                e = fedns.FednsError(status)
                self.assertEqual(e.name, _native.lib.fedns_status_name(status))
        self.assertEqual(_native.lib.fedns_status_name(99), "FEDNS_UNKNOWN")
        self.assertTrue(_native.lib.fedns_strerror(99))


class Constants(unittest.TestCase):
    """ctypes cannot see the header's enums: the binding's copies must match."""

    def header_values(self):
        with open(support.env_path("FEDNS_HEADER"), encoding="utf-8") as f:
            return {m.group(1): int(m.group(2)) for m in
                    re.finditer(r"\b(FEDNS_[A-Z0-9_]+)\s*=\s*(\d+)", f.read())}

    def test_options_and_statuses(self):
        from fedns import _errors, _model
        values = self.header_values()
        options = {k: v for k, v in values.items() if k.startswith("FEDNS_OPT_")}
        self.assertGreater(len(options), 20)
        for name, value in options.items():
            with self.subTest(option=name):
                self.assertEqual(getattr(_model, name[len("FEDNS_"):]), value)
        for name, value in values.items():
            if re.fullmatch(r"FEDNS_(OK|E[A-Z]+)", name):
                with self.subTest(status=name):
                    self.assertEqual(getattr(_errors, name[len("FEDNS_"):]), value)

    def test_words(self):
        from fedns import _args
        values = self.header_values()
        tables = [
            (_args.SERVERS, "FEDNS_SERVER_"), (_args.LOAD_BALANCINGS, "FEDNS_LB_"),
            (_args.XMPP_TYPES, "FEDNS_XMPP_"), (_args.NEGOTIATIONS, "FEDNS_NEGOTIATION_"),
            (_args.VERIFICATIONS, "FEDNS_VERIFICATION_"), (_args.HOSTINGS, "FEDNS_HOSTING_"),
            (_args.ROLES, "FEDNS_EDGE_"), (_args.PROXY_NAMES, "FEDNS_PROXY_"),
            (_args.LANGS, "FEDNS_LANG_"), (_args.FORMATS, "FEDNS_FORMAT_"),
        ]
        for words, prefix in tables:
            declared = {k for k in values if k.startswith(prefix)}
            self.assertEqual(len(words), len(declared), prefix)
            for word, value in words.items():
                name = prefix + word.upper().replace("-", "_")
                if name == "FEDNS_VERIFICATION_USE_SOURCE_VERIFICATION":
                    name = "FEDNS_VERIFICATION_USE_SOURCE"
                with self.subTest(word=word):
                    self.assertEqual(values[name], value)

    def test_results_and_their_library_names(self):
        # Numbers the library reports, with the names its *_name() functions
        # give them: the binding's copies must match both.
        from fedns import _args
        lib = _native.lib
        values = self.header_values()
        tables = [
            (_args.PROTOCOLS, "FEDNS_PROTOCOL_", None),
            (_args.VERDICTS, "FEDNS_VERDICT_", lib.fedns_verdict_name),
            (_args.REASONS, "FEDNS_REASON_", lib.fedns_reason_name),
            (_args.SAN_REASONS, "FEDNS_SAN_", lib.fedns_san_reason_name),
            (_args.CERT_NOTES, "FEDNS_NOTE_", lib.fedns_cert_note_name),
            (_args.DRIFT_KINDS, "FEDNS_DRIFT_", lib.fedns_finding_kind_name),
            (_args.RRTYPES, "FEDNS_RR_", lib.fedns_rrtype_name),
        ]
        for words, prefix, name_of in tables:
            with self.subTest(prefix=prefix):
                declared = {v for k, v in values.items() if k.startswith(prefix)}
                self.assertEqual(set(words.values()), declared)
                self.assertEqual(len(words), len(declared))
                for word, value in words.items():
                    if name_of is not None:
                        self.assertEqual(name_of(value), word)
                    if prefix in ("FEDNS_PROTOCOL_", "FEDNS_VERDICT_", "FEDNS_RR_"):
                        self.assertEqual(values[prefix + word.upper()], value)
                if name_of is not None:
                    self.assertIsNone(name_of(0))
                    self.assertIsNone(name_of(max(declared) + 1))

    def test_ttl_unknown(self):
        with open(support.env_path("FEDNS_HEADER"), encoding="utf-8") as f:
            m = re.search(r"#define FEDNS_TTL_UNKNOWN (0x[0-9a-fA-F]+)u", f.read())
        self.assertIsNotNone(m)
        self.assertEqual(fedns.TTL_UNKNOWN, int(m.group(1), 16))


class MissingFunctions(unittest.TestCase):
    def test_a_function_an_older_library_lacks_raises(self):
        stand_in = _native._Missing("fedns_future_function")
        with self.assertRaises(fedns.FednsError) as cm:
            stand_in(1, 2)
        self.assertIn("fedns_future_function", str(cm.exception))


class Versions(unittest.TestCase):
    def test_library_package_and_project_agree(self):
        expected = support.env_path("FEDNS_EXPECTED_VERSION")
        self.assertEqual(fedns.library_version(), expected)
        self.assertEqual(fedns.__version__, expected)
        major, minor, patch = (int(x) for x in expected.split("."))
        self.assertEqual(_native.lib.fedns_version_number(),
                         major * 10000 + minor * 100 + patch)
        backend = os.path.join(os.path.dirname(os.path.dirname(
            os.path.abspath(__file__))), "_build", "fedns_build.py")
        with open(backend, encoding="utf-8") as f:
            self.assertRegex(f.read(), r'(?m)^VERSION = "%s"$' % re.escape(expected))


class Loading(unittest.TestCase):
    """The load order: FEDNS_LIBRARY, then libfedns.so.1, then find_library."""

    def run_python(self, code, env):
        base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                "PYTHONPATH": os.environ.get("PYTHONPATH", ""),
                "PYTHONDONTWRITEBYTECODE": "1"}
        base.update(env)
        return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=base,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              encoding="utf-8", timeout=60)

    def test_fedns_library_comes_first(self):
        built = support.env_path("FEDNS_LIBRARY")
        self.assertEqual(fedns.library_name, built)
        r = self.run_python("import fedns; print(fedns.library_name)",
                            {"FEDNS_LIBRARY": built})
        self.assertEqual((r.returncode, r.stdout.strip()), (0, built), r.stderr)

    def test_a_bad_fedns_library_is_an_error_not_a_fallback(self):
        r = self.run_python("import fedns", {"FEDNS_LIBRARY": "/nonexistent/libfedns.so.1"})
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("ImportError: fedns: cannot load FEDNS_LIBRARY=/nonexistent/", r.stderr)

    def test_soname_next(self):
        built = support.env_path("FEDNS_LIBRARY")
        libdir = os.path.dirname(os.path.realpath(built))
        if not os.path.exists(os.path.join(libdir, _native.SONAME)):
            self.fail("no %s beside %s" % (_native.SONAME, built))
        r = self.run_python("import fedns; print(fedns.library_name, fedns.library_version())",
                            {"LD_LIBRARY_PATH": libdir})
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.split()[0], "libfedns.so.1")

    def test_find_library_last(self):
        # Neither FEDNS_LIBRARY nor the SONAME loads: find_library's answer is
        # used (here made to point at the built library).
        built = support.env_path("FEDNS_LIBRARY")
        r = self.run_python("""
            import ctypes, ctypes.util, sys
            real = ctypes.CDLL
            def cdll(name, *a, **k):
                if name == "libfedns.so.1":
                    raise OSError("hidden by the test")
                return real(name, *a, **k)
            ctypes.CDLL = cdll
            ctypes.util.find_library = lambda name: sys.argv[1] if name == "fedns" else None
            import fedns
            print(fedns.library_name)
            """.replace("sys.argv[1]", repr(built)), {})
        self.assertEqual((r.returncode, r.stdout.strip()), (0, built), r.stderr)

    def test_nothing_found(self):
        r = self.run_python("""
            import ctypes, ctypes.util
            real = ctypes.CDLL
            def cdll(name, *a, **k):
                raise OSError("hidden by the test")
            ctypes.CDLL = cdll
            ctypes.util.find_library = lambda name: None
            import fedns
            """, {})
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("set FEDNS_LIBRARY", r.stderr)
        self.assertIn("libfedns.so.1", r.stderr)


if __name__ == "__main__":
    unittest.main()
