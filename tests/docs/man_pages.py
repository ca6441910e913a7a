#!/usr/bin/env python3
"""Meta test "man-pages" (suite 'meta'): the manual covers the public
surface, and names nothing that is not in it.

usage: man_pages.py SOURCE_ROOT BUILD_ROOT

Checks, over docs/man and against lib/fedns.sym and include/fedns/fedns.h:
  1. every exported function (lib/fedns.sym) and every public type (each
     typedef of the header) has its own page file, docs/man/NAME.3; every
     page is named after one of them (or is fedns.3 or fedns.1);
  2. a page is either a redirect, exactly one line `.so man3/TARGET.3`, whose
     TARGET is a page with content listing the redirect's name in its NAME
     section; or a page with content, every name of whose NAME section other
     than its own is a redirect to it;
  3. a page with content has the sections its kind needs: a function page
     NAME, LIBRARY, SYNOPSIS, DESCRIPTION, OWNERSHIP, RETURN VALUE, ERRORS,
     SEE ALSO and HISTORY; a type page NAME, LIBRARY, SYNOPSIS, DESCRIPTION,
     SEE ALSO and HISTORY; its SYNOPSIS includes <fedns/fedns.h> and declares
     each function and type of its NAME section exactly as the header does
     (compared token by token, enum values included), and nothing else;
  4. a function page's HISTORY names the version node of each of its
     functions (FEDNS_1.0, ...), as lib/fedns.sym assigns them;
  5. every fedns_* name in any page is an exported function or a public type
     (`fedns_x_*` must match at least one), every FEDNS_* name is defined by
     the header (or is a version node of lib/fedns.sym), and every fedns page
     a page refers to as NAME(N) exists;
  6. meson installs every page, as <mandir>/manN/PAGE (BUILD_ROOT's
     meson-info/intro-installed.json).

Prints one line per check and "N passed, N failed".
"""

import glob
import json
import os
import re
import sys

# FEDNS_ names a page may use that the header does not define.
KNOWN_CONSTANTS = {
    "FEDNS_UNKNOWN": "the text fedns_status_name() gives for an unknown status",
    "FEDNS_LIBRARY": "the Python binding's environment variable naming the library",
}
FUNCTION_SECTIONS = ("NAME", "LIBRARY", "SYNOPSIS", "DESCRIPTION", "OWNERSHIP", "RETURN VALUE",
                     "ERRORS", "SEE ALSO", "HISTORY")
TYPE_SECTIONS = ("NAME", "LIBRARY", "SYNOPSIS", "DESCRIPTION", "SEE ALSO", "HISTORY")
OVERVIEW_SECTIONS = {
    "fedns.3": ("NAME", "LIBRARY", "SYNOPSIS", "DESCRIPTION", "SEE ALSO"),
    "fedns.1": ("NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "OPTIONS", "EXIT STATUS",
                "DIAGNOSTICS", "SEE ALSO"),
}

results = []


def report(ok, what, problems=()):
    results.append(ok)
    print("%s: %s" % ("ok" if ok else "FAIL", what))
    for p in problems:
        print("  " + p)


def check(what, problems):
    problems = sorted(set(problems))
    report(not problems, what, problems)


# ---- The public surface ----------------------------------------------------

def tokens(text):
    """C tokens: identifiers, numbers, punctuation."""
    return re.findall(r"[A-Za-z_][A-Za-z0-9_]*|[0-9][A-Za-z0-9_]*|\.\.\.|[^\sA-Za-z0-9_]", text)


def strip_c_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def statements(code):
    """Top-level statements (split at ';' outside braces), preprocessor
    lines removed."""
    code = "\n".join(l for l in code.replace("\\\n", " ").split("\n")
                     if not l.lstrip().startswith("#"))
    code = re.sub(r'extern\s*"C"\s*\{', " ", code)
    out, depth, cur = [], 0, []
    for c in code:
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        if c == ";" and depth == 0:
            out.append("".join(cur).strip())
            cur = []
        else:
            cur.append(c)
    return [s for s in out if s]


class Surface:
    def __init__(self, source):
        header = os.path.join(source, "include", "fedns", "fedns.h")
        with open(header, encoding="utf-8") as f:
            raw = f.read()
        code = strip_c_comments(raw)
        self.functions = {}  # name -> tokens of the declaration
        self.types = {}      # name -> tokens of the typedef
        for s in statements(code):
            t = tokens(s)
            if t and t[0] == "FEDNS_API":
                t = t[1:]
                name = t[t.index("(") - 1]
                self.functions[name] = t
            elif t and t[0] == "typedef":
                m = re.search(r"\(\s*\*\s*(\w+)\s*\)", s)
                name = m.group(1) if m else [x for x in t if re.match(r"[A-Za-z_]", x)][-1]
                self.types[name] = t
        self.constants = set(re.findall(r"\bFEDNS_[A-Z0-9_]*[A-Z0-9]\b", code))
        self.nodes = {}  # function -> version node
        with open(os.path.join(source, "lib", "fedns.sym"), encoding="utf-8") as f:
            sym = strip_c_comments(f.read())
        for m in re.finditer(r"(FEDNS_[0-9.]+)\s*\{(.*?)\}", sym, flags=re.S):
            body = m.group(2).split("local:")[0].replace("global:", " ")
            for name in re.findall(r"\b(\w+)\s*;", body):
                self.nodes[name] = m.group(1)
        self.node_names = set(self.nodes.values())

    def is_name(self, name):
        return name in self.nodes or name in self.types


# ---- Man pages ---------------------------------------------------------------

ESCAPES = [(r"\\f(\[[^\]]*\]|\(..|.)", ""), (r"\\s[-+]?[0-9]", ""), (r"\\\(aq", "'"),
           (r"\\\(dq", '"'), (r"\\\(ga", "`"), (r"\\\(ti", "~"), (r"\\\(ha", "^"),
           (r"\\\(em", "--"), (r"\\\(en", "-"), (r"\\\(bu", "*"), (r"\\\[[^\]]*\]", "?"),
           (r"\\-", "-"), (r"\\e", "\\\\"), (r"\\[&%:|^]", ""), (r"\\[~ ]", " "),
           (r'\\".*$', "")]


def plain(text):
    for pattern, repl in ESCAPES:
        text = re.sub(pattern, repl, text, flags=re.M)
    return text


def macro_args(rest):
    """The arguments of a macro call, quotes respected."""
    return [a[1:-1] if a.startswith('"') else a
            for a in re.findall(r'"(?:[^"]|"")*"|\S+', rest)]


def page_text(lines):
    """A man page's lines as plain text: font macros' arguments joined as
    troff would join them, other requests dropped."""
    out = []
    for line in lines:
        if line.startswith((".", "'")):
            m = re.match(r"[.'](\S+)\s*(.*)", line)
            if not m:
                continue
            mac, rest = m.group(1), m.group(2)
            if mac in ("B", "I", "SM", "SB"):
                out.append(" ".join(macro_args(rest)))
            elif mac in ("BI", "IB", "BR", "RB", "IR", "RI"):
                out.append("".join(macro_args(rest)))
            elif mac in ("SH", "SS", "TP", "IP", "TQ"):
                out.append(" ".join(macro_args(rest)))
            continue
        out.append(line)
    return plain("\n".join(out))


class Page:
    def __init__(self, path):
        self.path = path
        self.file = os.path.basename(path)
        self.name, _, self.section = self.file.rpartition(".")
        with open(path, encoding="utf-8") as f:
            self.raw = f.read()
        lines = [l for l in self.raw.split("\n") if not l.startswith('.\\"')]
        body = [l for l in lines if l.strip()]
        self.redirect = None
        if body and body[0].startswith(".so "):
            self.redirect = body[0][4:].strip()
            self.extra = body[1:]
            return
        self.sections = {}  # title -> raw lines
        current = None
        for line in lines:
            if line.startswith(".SH"):
                current = " ".join(macro_args(line[3:]))
                self.sections.setdefault(current, [])
            elif current:
                self.sections[current].append(line)
        self.text = page_text(lines)
        name_text = page_text(self.sections.get("NAME", [])).replace("\n", " ")
        names = name_text.split(" - ")[0] if " - " in name_text else ""
        self.names = [n.strip() for n in names.split(",") if n.strip()]

    def where(self):
        return "docs/man/" + self.file


def synopsis_decls(page):
    """The declarations of a page's SYNOPSIS: name -> tokens."""
    text = page_text(page.sections.get("SYNOPSIS", []))
    includes = re.findall(r"^\s*#\s*include\s*(<[^>]*>)", text, flags=re.M)
    code = "\n".join(l for l in text.split("\n") if not l.lstrip().startswith("#"))
    decls = {}
    for s in statements(code):
        t = tokens(s)
        if not t:
            continue
        if t[0] == "typedef":
            m = re.search(r"\(\s*\*\s*(\w+)\s*\)", s)
            name = m.group(1) if m else [x for x in t if re.match(r"[A-Za-z_]", x)][-1]
        elif "(" in t:
            name = t[t.index("(") - 1]
        else:
            name = " ".join(t)
        decls[name] = t
    return includes, decls


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: %s SOURCE_ROOT BUILD_ROOT" % sys.argv[0])
    source, build = (os.path.abspath(a) for a in sys.argv[1:])
    surface = Surface(source)
    mandir = os.path.join(source, "docs", "man")
    paths = sorted(glob.glob(os.path.join(mandir, "*.[0-9]")))
    pages = {os.path.basename(p): Page(p) for p in paths}
    if not pages:
        report(False, "docs/man has pages")
        return finish()

    # 1. Coverage, both ways.
    wanted = set(surface.nodes) | set(surface.types)
    check("every exported function (%d) and public type (%d) has its own page" %
          (len(surface.nodes), len(surface.types)),
          ["no page docs/man/%s.3 for %s %s" % (n, "function" if n in surface.nodes else "type", n)
           for n in wanted if n + ".3" not in pages])
    check("every page is named after a function, a type or the library",
          ["%s: no function or type %s" % (p.where(), p.name) for p in pages.values()
           if p.file not in OVERVIEW_SECTIONS and not (p.section == "3" and p.name in wanted)])

    # 2. Redirects and NAME sections.
    problems = []
    for p in pages.values():
        if p.redirect is not None:
            m = re.fullmatch(r"man3/([A-Za-z0-9_]+\.3)", p.redirect)
            if p.extra:
                problems.append("%s: a redirect page holds more than its .so line" % p.where())
            if not m or m.group(1) not in pages:
                problems.append("%s: .so %s is not man3/PAGE.3 of an existing page" %
                                (p.where(), p.redirect))
                continue
            target = pages[m.group(1)]
            if target.redirect is not None:
                problems.append("%s: redirects to %s, itself a redirect" % (p.where(), target.file))
            elif p.name not in target.names:
                problems.append("%s: redirects to %s, whose NAME section does not list %s" %
                                (p.where(), target.file, p.name))
        else:
            if not p.names:
                problems.append("%s: no NAME section of the form 'name, ... \\- summary'" %
                                p.where())
            elif p.names[0] != p.name:
                problems.append("%s: NAME lists %s first, not the page's own name" %
                                (p.where(), p.names[0]))
            for n in p.names[1:]:
                alias = pages.get(n + ".3")
                if alias is None or alias.redirect != "man3/" + p.file:
                    problems.append("%s: NAME lists %s, but docs/man/%s.3 is not "
                                    "'.so man3/%s'" % (p.where(), n, n, p.file))
    check("redirect pages point at the page that documents them", problems)

    # 3, 4. Sections, synopses, history.
    sections, synopses, history = [], [], []
    for p in pages.values():
        if p.redirect is not None:
            continue
        functions = [n for n in p.names if n in surface.nodes]
        types = [n for n in p.names if n in surface.types]
        required = OVERVIEW_SECTIONS.get(p.file) or (FUNCTION_SECTIONS if functions
                                                     else TYPE_SECTIONS)
        for s in required:
            if s not in p.sections:
                sections.append("%s: no %s section" % (p.where(), s))
        if p.file in OVERVIEW_SECTIONS:
            continue
        includes, decls = synopsis_decls(p)
        if "<fedns/fedns.h>" not in includes:
            synopses.append("%s: SYNOPSIS does not include <fedns/fedns.h>" % p.where())
        for n in functions:
            if n not in decls:
                synopses.append("%s: SYNOPSIS does not declare %s" % (p.where(), n))
            elif decls[n] != surface.functions[n]:
                synopses.append("%s: SYNOPSIS declares %s as '%s', the header as '%s'" %
                                (p.where(), n, " ".join(decls[n]),
                                 " ".join(surface.functions[n])))
        for n in types:
            if n not in decls:
                synopses.append("%s: SYNOPSIS does not declare type %s" % (p.where(), n))
            elif decls[n] != surface.types[n]:
                synopses.append("%s: SYNOPSIS declares type %s as '%s', the header as '%s'" %
                                (p.where(), n, " ".join(decls[n]), " ".join(surface.types[n])))
        for n in decls:
            if n not in p.names:
                synopses.append("%s: SYNOPSIS declares %s, which NAME does not list" %
                                (p.where(), n))
        hist = page_text(p.sections.get("HISTORY", []))
        for n in functions:
            node = surface.nodes[n]
            if not re.search(r"\b%s\b" % re.escape(node), hist):
                history.append("%s: HISTORY does not name %s, the version node of %s" %
                               (p.where(), node, n))
    check("pages have the sections their kind needs", sections)
    check("SYNOPSIS declarations equal the header's", synopses)
    check("HISTORY names the version node of each function", history)

    # 5. Names used in the text.
    names = []
    for p in pages.values():
        if p.redirect is not None:
            continue
        for n in set(re.findall(r"\bfedns_[a-z0-9_]*[a-z0-9](?![a-z0-9_]*\*)", p.text)):
            if not surface.is_name(n):
                names.append("%s: names %s, which is neither an exported function nor "
                             "a public type" % (p.where(), n))
        for prefix in set(re.findall(r"\b(fedns_[a-z0-9_]*)\*", p.text)):
            if not any(x.startswith(prefix) for x in list(surface.nodes) + list(surface.types)):
                names.append("%s: %s* matches no function or type" % (p.where(), prefix))
        text = p.text
        for node in set(re.findall(r"\bFEDNS_[0-9]+\.[0-9]+\b", text)):
            if node not in surface.node_names:
                names.append("%s: %s is not a version node of lib/fedns.sym" % (p.where(), node))
        text = re.sub(r"\bFEDNS_[0-9]+\.[0-9]+\b", "", text)
        for c in set(re.findall(r"\bFEDNS_[A-Z0-9_]*[A-Z0-9](?![A-Z0-9_]*\*)", text)):
            if c not in surface.constants and c not in KNOWN_CONSTANTS:
                names.append("%s: names %s, which the header does not define" % (p.where(), c))
        for prefix in set(re.findall(r"\b(FEDNS_[A-Z0-9_]*)\*", text)):
            if not any(c.startswith(prefix) for c in surface.constants):
                names.append("%s: %s* matches no constant of the header" % (p.where(), prefix))
        for ref, sec in set(re.findall(r"\b(fedns[a-z0-9_]*)\s*\(([0-9])\)", p.text)):
            if "%s.%s" % (ref, sec) not in pages:
                names.append("%s: refers to %s(%s), which has no page" % (p.where(), ref, sec))
    check("pages name only functions, types and constants that exist", names)

    # 6. Installation.
    intro = os.path.join(build, "meson-info", "intro-installed.json")
    try:
        with open(intro, encoding="utf-8") as f:
            installed = json.load(f)
    except (OSError, ValueError) as e:
        report(False, "meson installs every page", ["cannot read %s: %s" % (intro, e)])
        return finish()
    installed = {os.path.realpath(k): v for k, v in installed.items()}
    problems = []
    for p in pages.values():
        dest = installed.get(os.path.realpath(p.path))
        want = "/man/man%s/%s" % (p.section, p.file)
        if dest is None:
            problems.append("%s is not installed (add it to docs/meson.build)" % p.where())
        elif not dest.replace(os.sep, "/").endswith(want):
            problems.append("%s is installed as %s, not .../man%s" % (p.where(), dest, want))
    check("meson installs every page (%d) into <mandir>/manN" % len(pages), problems)
    return finish()


def finish():
    passed = sum(1 for r in results if r)
    failed = len(results) - passed
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(0 if failed == 0 and passed > 0 else 1)


if __name__ == "__main__":
    main()
