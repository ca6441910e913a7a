#!/usr/bin/env python3
"""Documentation examples (suite 'docs'): every example the documents show
runs, and prints exactly what the document says it prints.

usage: doc_examples.py SOURCE_ROOT BUILD_ROOT LIBRARY FEDNS_CLI

  SOURCE_ROOT  the top of the source tree (README.md, docs/, include/)
  BUILD_ROOT   the build directory, installed from with `meson install
               --destdir` so that examples can use pkg-config as a user would
  LIBRARY      the built libfedns.so
  FEDNS_CLI    the built `fedns`

env: FEDNS_TEST_CC        the C compiler command (default: cc)
     FEDNS_TEST_LDFLAGS   extra link flags (the sanitizer runtime of the build)
     FEDNS_TEST_SANITIZE  meson's b_sanitize: with a sanitizer, its runtime is
                          preloaded for the Python and shell examples
     MESON                the meson command (default: meson)

What is tested. In the Markdown documents below, each fenced code block whose
language is tested there (README.md: c and python; docs/guide.md: c, python
and sh) is an example, and the next fenced block after it must be a `text`
block: its output. An example that is a C program is compiled with
`-std=c99 -pedantic -Wall -Wextra -Werror` against include/ and the built
library and run; a Python example is run with FEDNS_LIBRARY (the built
library) and PYTHONPATH (bindings/python) set; a shell example is run by bash
with the built `fedns` first on PATH, and with pkg-config finding fedns in a
`meson install --destdir` of the build (the system's other packages stay
visible). In an instrumented build (sanitizers, coverage) the shell examples'
`cc` links with the build's runtime flags (FEDNS_TEST_LDFLAGS), and Python
and shell examples run with the sanitizer runtime preloaded. Standard output and standard error
together must equal the text block, byte for byte, and the exit status must
be 0 (an example that shows a failing command ends with `echo "exit status:
$?"`).

Each document's examples run in order in one scratch directory holding a copy
of docs/examples/ (so `docs/examples/contoso.json` means what it means at the
top of the source tree) and `subprojects/fedns`, a link to the source tree (the
meson subproject example). A fenced block whose info string names a file
after the language (```c app.c, ```meson meson.build, ```json doc.json) is
also written to that file first, for later examples to use.

The EXAMPLES section of every man page in docs/man that holds a whole C
program (one with `main`) is compiled and run the same way; it must exit 0.

Prints one line per example and "N passed, N failed"; a missing tool or an
example without its output block is a failure, never a skip.
"""

import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

# Document -> the languages whose blocks are examples there. README's shell
# blocks install packages and build the tree; they are not run here.
DOCUMENTS = {
    "README.md": ("c", "python"),
    "docs/guide.md": ("c", "python", "sh"),
}
ALIASES = {"c": "c", "python": "python", "py": "python", "python3": "python",
           "sh": "sh", "shell": "sh", "bash": "sh"}
FENCE = re.compile(r"^(```+|~~~+)[ \t]*([^`\s]*)[ \t]*(.*)$")
TIMEOUT = 600

results = []


def report(ok, what, detail=""):
    results.append(ok)
    print("%s: %s" % ("ok" if ok else "FAIL", what))
    if detail:
        print("  " + detail.rstrip("\n").replace("\n", "\n  "))


class Block:
    def __init__(self, doc, line, lang, extra, text):
        self.doc, self.line, self.lang, self.extra, self.text = doc, line, lang, extra, text

    @property
    def file(self):
        """The file name after the language, if any ("```c app.c")."""
        words = self.extra.split()
        if words and "." in words[0] and "=" not in words[0]:
            return words[0]
        return None

    def where(self):
        return "%s:%d (```%s%s)" % (self.doc, self.line, self.lang,
                                    " " + self.extra if self.extra else "")


def closes(line, fence):
    """Whether `line` closes a block opened with `fence` (CommonMark: the
    same character, at least as many, nothing else)."""
    s = line.strip()
    return len(s) >= len(fence) and set(s) == {fence[0]}


def blocks(doc, text):
    """The fenced code blocks of a Markdown document, in order."""
    out, lines, i = [], text.split("\n"), 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, start, body = m.group(1), i + 1, []
        i += 1
        while i < len(lines) and not closes(lines[i], fence):
            body.append(lines[i])
            i += 1
        if i == len(lines):
            raise SystemExit("%s:%d: unterminated code block" % (doc, start))
        out.append(Block(doc, start, m.group(2).lower(), m.group(3).strip(),
                         "\n".join(body) + "\n" if body else ""))
        i += 1
    return out


class Runner:
    def __init__(self, source, build, library, cli):
        self.source, self.build = source, build
        self.library, self.cli = library, cli
        self.cc = shlex.split(os.environ.get("FEDNS_TEST_CC", "cc"))
        if self.cc and shutil.which(self.cc[0]):
            # Absolute, so that the `cc` wrapper below never finds itself.
            self.cc[0] = shutil.which(self.cc[0])
        self.ldflags = shlex.split(os.environ.get("FEDNS_TEST_LDFLAGS", ""))
        self.meson = shlex.split(os.environ.get("MESON", "meson"))
        self.tmp = tempfile.mkdtemp(prefix="fedns-docs-")
        self.count = 0
        self.env = self.environment()

    def close(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def environment(self):
        """Installs the build into a scratch DESTDIR (for pkg-config) and
        returns the environment every example runs in."""
        dest = os.path.join(self.tmp, "dest")
        r = subprocess.run(self.meson + ["install", "-C", self.build, "--no-rebuild",
                                         "--destdir", dest],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           encoding="utf-8", errors="replace")
        if r.returncode != 0:
            raise SystemExit("meson install --destdir failed (a target missing from the "
                             "test's depends:?):\n" + r.stdout)
        pcs = glob.glob(os.path.join(dest, "**", "pkgconfig", "fedns.pc"), recursive=True)
        if len(pcs) != 1:
            raise SystemExit("expected one installed fedns.pc, found %r" % pcs)
        # A copy of fedns.pc whose prefix is the DESTDIR one, first on
        # pkg-config's path: the system's packages stay visible (the meson
        # subproject example needs jansson), and fedns resolves to the
        # scratch install, as it would to /usr/local after `meson install`.
        with open(pcs[0], encoding="utf-8") as f:
            pc = f.read()
        prefix = re.search(r"^prefix=(.*)$", pc, flags=re.M)
        if not prefix or not prefix.group(1).startswith("/"):
            raise SystemExit("%s has no absolute prefix= line" % pcs[0])
        pcdir = os.path.join(self.tmp, "pkgconfig")
        os.makedirs(pcdir)
        with open(os.path.join(pcdir, "fedns.pc"), "w", encoding="utf-8") as f:
            f.write(pc.replace(prefix.group(0), "prefix=" + dest + prefix.group(1), 1))
        libdirs = glob.glob(os.path.join(dest, "**", "libfedns.so.1"), recursive=True)
        if len(libdirs) != 1:
            raise SystemExit("expected one installed libfedns.so.1, found %r" % libdirs)
        env = {
            "PATH": os.pathsep.join([os.path.dirname(os.path.abspath(self.cli)),
                                     os.environ.get("PATH", os.defpath)]),
            "HOME": self.tmp,
            "LC_ALL": "C.UTF-8",
            "PYTHONDONTWRITEBYTECODE": "1",
            "FEDNS_LIBRARY": os.path.abspath(self.library),
            "PYTHONPATH": os.path.join(self.source, "bindings", "python"),
            "PKG_CONFIG_PATH": pcdir,
            "LD_LIBRARY_PATH": os.path.dirname(libdirs[0]),
        }
        for name in ("FEDNS_TEST_CC", "FEDNS_TEST_LDFLAGS", "TMPDIR"):
            if name in os.environ:
                env[name] = os.environ[name]
        env.update(self.sanitizer_preload())
        if self.ldflags:
            # An instrumented build (sanitizers, coverage): `cc` in the shell
            # examples links with the build's runtime flags, as the library
            # needs, through a wrapper first on PATH.
            bindir = os.path.join(self.tmp, "bin")
            os.makedirs(bindir)
            wrapper = os.path.join(bindir, "cc")
            with open(wrapper, "w", encoding="utf-8") as f:
                f.write("#!/bin/sh\n"
                        "# Links with the instrumented build's runtime (doc_examples.py).\n"
                        "case \" $* \" in *\" -c \"*|*\" -E \"*|*\" -S \"*) exec %s \"$@\" ;; esac\n"
                        "exec %s \"$@\" %s\n" % (" ".join(map(shlex.quote, self.cc)),
                                                  " ".join(map(shlex.quote, self.cc)),
                                                  " ".join(map(shlex.quote, self.ldflags))))
            os.chmod(wrapper, 0o755)
            env["PATH"] = os.pathsep.join([bindir, env["PATH"]])
        meson_dir = os.path.dirname(shutil.which(self.meson[0]) or "")
        if meson_dir:
            env["PATH"] = os.pathsep.join([env["PATH"], meson_dir])
        return env

    def sanitizer_preload(self):
        """In a sanitizer build (FEDNS_TEST_SANITIZE, meson's b_sanitize),
        the library needs the sanitizer runtime loaded first: Python, and
        programs built with plain `cc $(pkg-config ...)`, get it preloaded,
        as CI does for the Python binding's tests. Leak checking is off for
        them (the interpreter's own allocations are not fedns's); the C
        examples are linked with the runtime and keep it."""
        sanitize = os.environ.get("FEDNS_TEST_SANITIZE", "none")
        if sanitize in ("", "none"):
            return {}
        libs = []
        for part, lib in (("address", "libasan.so"), ("undefined", "libubsan.so")):
            if part in sanitize:
                r = subprocess.run(self.cc + ["-print-file-name=" + lib], stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, encoding="utf-8")
                path = r.stdout.strip()
                if r.returncode != 0 or not os.path.isabs(path):
                    raise SystemExit("b_sanitize=%s: %s -print-file-name=%s finds no runtime"
                                     % (sanitize, " ".join(self.cc), lib))
                libs.append(path)
        return {"LD_PRELOAD": " ".join(libs),
                "ASAN_OPTIONS": "detect_leaks=0:abort_on_error=1",
                "UBSAN_OPTIONS": "print_stacktrace=1:halt_on_error=1"}

    def workdir(self, name):
        """A fresh scratch directory with docs/examples and subprojects/fedns."""
        work = os.path.join(self.tmp, re.sub(r"[^A-Za-z0-9]+", "-", name))
        os.makedirs(os.path.join(work, "docs"))
        shutil.copytree(os.path.join(self.source, "docs", "examples"),
                        os.path.join(work, "docs", "examples"))
        os.makedirs(os.path.join(work, "subprojects"))
        os.symlink(self.source, os.path.join(work, "subprojects", "fedns"))
        return work

    def run(self, argv, cwd, env=None, stdin=None):
        try:
            r = subprocess.run(argv, cwd=cwd, env=env or self.env, stdin=stdin or subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            return 124, "(timed out after %d s)\n" % TIMEOUT
        return r.returncode, r.stdout.decode("utf-8", errors="replace")

    def c_env(self):
        """The environment of a C example: the built library first, and the
        sanitizer runtime (if any) linked in rather than preloaded."""
        env = {k: v for k, v in self.env.items() if k != "LD_PRELOAD"}
        env["LD_LIBRARY_PATH"] = os.path.dirname(os.path.abspath(self.library))
        if "ASAN_OPTIONS" in env:
            env["ASAN_OPTIONS"] = "abort_on_error=1"
        return env

    def compile_c(self, source, cwd):
        """Compiles a C file against include/ and the built library;
        returns (executable, None) or (None, the compiler's output)."""
        self.count += 1
        exe = os.path.join(self.tmp, "example-%d" % self.count)
        argv = self.cc + ["-std=c99", "-pedantic", "-Wall", "-Wextra", "-Werror",
                          "-I" + os.path.join(self.source, "include"), "-o", exe, source,
                          os.path.abspath(self.library)] + self.ldflags
        rc, out = self.run(argv, cwd, self.c_env())
        if rc != 0:
            return None, "$ %s\n%s" % (" ".join(map(shlex.quote, argv)), out)
        return exe, None

    def run_example(self, block, cwd):
        """Runs one example; returns (exit status, output) or (None, why)."""
        self.count += 1
        if block.lang == "c":
            source = os.path.join(self.tmp, "example-%d.c" % self.count)
            with open(source, "w", encoding="utf-8") as f:
                f.write(block.text)
            exe, err = self.compile_c(source, cwd)
            if not exe:
                return None, "does not compile:\n" + err
            return self.run([exe], cwd, self.c_env())
        script = os.path.join(self.tmp, "example-%d.%s" % (self.count, block.lang))
        with open(script, "w", encoding="utf-8") as f:
            f.write(block.text)
        if block.lang == "python":
            return self.run([sys.executable, script], cwd)
        return self.run(["bash", "--noprofile", "--norc", "-o", "pipefail", script], cwd)


def diff(expected, actual):
    """The first differing line, for the report."""
    e, a = expected.split("\n"), actual.split("\n")
    for i in range(max(len(e), len(a))):
        el = e[i] if i < len(e) else "(end of output)"
        al = a[i] if i < len(a) else "(end of output)"
        if el != al:
            return ("output line %d differs:\n  expected: %r\n  actual:   %r\n"
                    "whole output:\n%s" % (i + 1, el, al, actual))
    return "output differs"


def check_document(runner, name, langs):
    path = os.path.join(runner.source, name)
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        report(False, name, "cannot read: %s" % e)
        return
    found = blocks(name, text)
    work = runner.workdir(name)
    examples = 0
    for k, block in enumerate(found):
        if block.file:
            target = os.path.join(work, block.file)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8") as f:
                f.write(block.text)
        lang = ALIASES.get(block.lang)
        if lang not in langs:
            continue
        examples += 1
        block.lang = lang
        output = next((b for b in found[k + 1:] if b.lang), None)
        if output is None or output.lang != "text":
            report(False, block.where(), "no ```text block with its output follows it")
            continue
        rc, actual = runner.run_example(block, work)
        if rc is None:
            report(False, block.where(), actual)
        elif rc != 0:
            report(False, block.where(), "exit status %d; output:\n%s" % (rc, actual))
        elif actual != output.text:
            report(False, block.where(), diff(output.text, actual))
        else:
            report(True, block.where())
    if examples == 0:
        report(False, name, "no example found (languages %s)" % ", ".join(langs))


ROFF = [(r"\e", "\\"), (r"\-", "-"), (r"\(aq", "'"), (r"\(dq", '"'), (r"\(ga", "`"),
        (r"\(ti", "~"), (r"\(ha", "^"), (r"\&", ""), (r"\~", " "), (r"\ ", " ")]


def roff_text(line):
    """A line of a man page's .EX block as plain text."""
    if line.startswith(".") or line.startswith("'"):
        return None  # a request inside the example (.EE ends it)
    out = line
    # \e first would turn "\e-" into "\-": replace escapes in one pass.
    pattern = re.compile("|".join(re.escape(k) for k, _ in ROFF))
    table = dict(ROFF)
    return pattern.sub(lambda m: table[m.group(0)], out)


def check_man_examples(runner):
    pages = sorted(glob.glob(os.path.join(runner.source, "docs", "man", "*.[0-9]")))
    if not pages:
        report(False, "docs/man", "no man pages")
        return
    programs = 0
    for page in pages:
        name = "docs/man/" + os.path.basename(page)
        with open(page, encoding="utf-8") as f:
            lines = f.read().split("\n")
        section, inside, example, start = None, False, [], 0
        for n, line in enumerate(lines, 1):
            if line.startswith(".SH"):
                section = line[3:].strip().strip('"')
            elif line.startswith(".EX"):
                inside, example, start = True, [], n
            elif line.startswith(".EE"):
                inside = False
                code = "\n".join(example) + "\n"
                if section != "EXAMPLES" or not re.search(r"\bmain\s*\(", code):
                    continue
                programs += 1
                where = "%s:%d (EXAMPLES)" % (name, start)
                work = runner.workdir("%s-%d" % (name, start))
                source = os.path.join(work, "example.c")
                with open(source, "w", encoding="utf-8") as f:
                    f.write(code)
                exe, err = runner.compile_c(source, work)
                if not exe:
                    report(False, where, "does not compile:\n" + err)
                    continue
                rc, out = runner.run([exe], work, runner.c_env())
                report(rc == 0, where, "" if rc == 0 else "exit status %d:\n%s" % (rc, out))
            elif inside:
                text = roff_text(line)
                if text is None:
                    report(False, "%s:%d" % (name, n), "a request inside .EX: %r" % line)
                else:
                    example.append(text)
    if programs == 0:
        report(False, "docs/man", "no man page has a whole C program in EXAMPLES")


def main():
    if len(sys.argv) != 5:
        sys.exit("usage: %s SOURCE_ROOT BUILD_ROOT LIBRARY FEDNS_CLI" % sys.argv[0])
    source, build, library, cli = (os.path.abspath(a) for a in sys.argv[1:])
    for tool in ("bash", "pkg-config"):
        if not shutil.which(tool):
            print("FAIL: required tool '%s' not found" % tool)
            print("0 passed, 1 failed")
            sys.exit(1)
    runner = Runner(source, build, library, cli)
    try:
        for name, langs in DOCUMENTS.items():
            check_document(runner, name, langs)
        check_man_examples(runner)
    finally:
        runner.close()
    passed = sum(1 for r in results if r)
    failed = len(results) - passed
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(0 if failed == 0 and passed > 0 else 1)


if __name__ == "__main__":
    main()
