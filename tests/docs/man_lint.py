#!/usr/bin/env python3
"""Man page lint (suite 'docs'): every page of docs/man renders without a
single warning.

usage: man_lint.py MAN_DIR

The pages are copied into a scratch man tree (man1/, man3/), laid out as
meson installs them, so that a redirect page's `.so man3/PAGE.3` resolves as
it does for man(1). Each page is then formatted from the top of that tree by

    groff -man -Tutf8 -ww -z manN/PAGE

(what `man -l` runs, with every warning enabled); any output on standard
error, or a non-zero exit, fails the page. Rendered for an 80-column
terminal (-rLL=78n), no output line may be wider than 80 columns: filled text
wraps, but synopses and examples do not. Pages must also be plain ASCII
(troff escapes stand for anything else) with no trailing white space and no
empty line outside an example (in filled text an empty line is a paragraph
break by accident).

groff comes from Debian's groff-base; a missing groff is a failure. Prints
one line per page and "N passed, N failed".
"""

import concurrent.futures
import glob
import os
import shutil
import subprocess
import sys
import tempfile

WIDTH = 80


def check_page(groff, tree, p):
    """The problems of one page (an empty list if none)."""
    name = os.path.basename(p)
    rel = os.path.join("man" + name.rsplit(".", 1)[1], name)
    problems = []
    with open(p, "rb") as f:
        data = f.read()
    nofill = False
    for n, line in enumerate(data.split(b"\n")[:-1], 1):
        if any(b > 0x7e or (b < 0x20 and b != 0x09) for b in line):
            problems.append("line %d: not plain ASCII (use a troff escape)" % n)
        if line != line.rstrip():
            problems.append("line %d: trailing white space" % n)
        if line.startswith((b".EX", b".nf")):
            nofill = True
        elif line.startswith((b".EE", b".fi")):
            nofill = False
        elif not line and not nofill:
            problems.append("line %d: empty line outside .EX/.nf (use .PP for a "
                            "paragraph)" % n)
    if not data.endswith(b"\n"):
        problems.append("no newline at the end")
    r = subprocess.run([groff, "-man", "-Tutf8", "-ww", "-z", rel], cwd=tree,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       encoding="utf-8", errors="replace", timeout=60)
    if r.returncode != 0:
        problems.append("groff exited %d" % r.returncode)
    problems += ["groff: " + l for l in r.stderr.splitlines()]
    # Rendered for an 80-column terminal, no line may be wider: filled text
    # wraps, but SYNOPSIS and examples do not.
    r = subprocess.run([groff, "-man", "-Tutf8", "-rLL=%dn" % (WIDTH - 2), "-P-cbou", rel],
                       cwd=tree, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                       encoding="utf-8", errors="replace", timeout=60)
    for n, line in enumerate(r.stdout.splitlines(), 1):
        if len(line) > WIDTH:
            problems.append("rendered line %d is %d columns wide (at most %d): %s" %
                            (n, len(line), WIDTH, line.strip()))
    return problems


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: %s MAN_DIR" % sys.argv[0])
    mandir = os.path.abspath(sys.argv[1])
    groff = shutil.which("groff")
    if not groff:
        print("FAIL: groff not found (install groff-base)")
        print("0 passed, 1 failed")
        sys.exit(1)
    pages = sorted(glob.glob(os.path.join(mandir, "*.[0-9]")))
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="fedns-man-") as tree:
        for p in pages:
            section = p.rsplit(".", 1)[1]
            os.makedirs(os.path.join(tree, "man" + section), exist_ok=True)
            shutil.copy(p, os.path.join(tree, "man" + section))
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            checked = list(pool.map(lambda p: (p, check_page(groff, tree, p)), pages))
        for p, problems in checked:
            name = os.path.basename(p)
            if problems:
                failed += 1
                print("FAIL: docs/man/%s" % name)
                for line in problems:
                    print("  " + line)
            else:
                passed += 1
                print("ok: docs/man/%s" % name)
    if not pages:
        print("FAIL: no man pages in %s" % mandir)
        failed += 1
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(0 if failed == 0 else 1)


if __name__ == "__main__":
    main()
