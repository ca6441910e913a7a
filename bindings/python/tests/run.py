"""Runs test modules of the Python binding and prints "N passed, N failed".

    python3 run.py [--strict] MODULE...

meson runs one module per test with --strict: a skipped test then counts as
failed, so that a missing tool, FEDNS_CLI or FEDNS_EXAMPLES cannot pass
silently.
Without meson, `python3 -m unittest discover -s bindings/python/tests` works
too (tests that need the built CLI are skipped).
"""
import os
import sys
import unittest


def main(argv):
    strict = "--strict" in argv
    names = [a for a in argv if a != "--strict"]
    if not names:
        sys.exit("usage: run.py [--strict] MODULE...")
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    suite = unittest.defaultTestLoader.loadTestsFromNames(names)
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    # A test with several failing subtests counts once.
    failed_ids = {getattr(t, "test_case", t).id()
                  for t, _ in result.failures + result.errors}
    failed_ids |= {t.id() for t in result.unexpectedSuccesses}
    skipped_ids = set()
    for test, reason in result.skipped:
        if strict:
            print("skipped under --strict, counted as failed: %s: %s" % (test.id(), reason))
            failed_ids.add(test.id())
        else:
            skipped_ids.add(test.id())
    failed = len(failed_ids)
    passed = max(result.testsRun - len(failed_ids | skipped_ids), 0)
    print("%d passed, %d failed, %d skipped" % (passed, failed, len(skipped_ids)))
    return 0 if failed == 0 and result.testsRun > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
