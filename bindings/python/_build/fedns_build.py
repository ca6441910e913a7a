"""The binding's own PEP 517 build backend, standard library only.

The package is pure Python, so a wheel is a zip of fedns/ and its metadata.
Needing no setuptools, `pip install bindings/python` works offline: pip's
isolated build environment has nothing to download.
"""
import base64
import hashlib
import io
import os
import tarfile
import zipfile

NAME = "fedns"
VERSION = "1.0.0"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
METADATA = """\
Metadata-Version: 2.1
Name: {name}
Version: {version}
Summary: DNS records for Lync Server 2013 / Skype for Business edge federation \
(ctypes binding of libfedns)
License: MIT
Requires-Python: >=3.9
Classifier: License :: OSI Approved :: MIT License
Classifier: Operating System :: POSIX
Classifier: Programming Language :: Python :: 3
Classifier: Topic :: Internet :: Name Service (DNS)
Classifier: Typing :: Typed
Description-Content-Type: text/markdown

""".format(name=NAME, version=VERSION)
WHEEL = """\
Wheel-Version: 1.0
Generator: fedns_build
Root-Is-Purelib: true
Tag: py3-none-any
"""
DIST_INFO = "%s-%s.dist-info" % (NAME, VERSION)


def _package_files():
    """The package's files, relative to ROOT, in a stable order."""
    names = sorted(os.listdir(os.path.join(ROOT, NAME)))
    return [NAME + "/" + n for n in names if n.endswith(".py") or n == "py.typed"]


def _metadata():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        return METADATA + f.read()


def _record_line(path, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "%s,sha256=%s,%d\n" % (path, digest.decode("ascii"), len(data))


def _write_dist_info(directory):
    """prepare_metadata_for_build_wheel's files, written to `directory`."""
    path = os.path.join(directory, DIST_INFO)
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, "METADATA"), "w", encoding="utf-8") as f:
        f.write(_metadata())
    with open(os.path.join(path, "WHEEL"), "w", encoding="utf-8") as f:
        f.write(WHEEL)
    return DIST_INFO


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    return _write_dist_info(metadata_directory)


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    filename = "%s-%s-py3-none-any.whl" % (NAME, VERSION)
    entries = []
    for rel in _package_files():
        with open(os.path.join(ROOT, rel), "rb") as f:
            entries.append((rel, f.read()))
    entries.append((DIST_INFO + "/METADATA", _metadata().encode("utf-8")))
    entries.append((DIST_INFO + "/WHEEL", WHEEL.encode("utf-8")))
    record = "".join(_record_line(p, d) for p, d in entries) + DIST_INFO + "/RECORD,,\n"
    entries.append((DIST_INFO + "/RECORD", record.encode("utf-8")))
    with zipfile.ZipFile(os.path.join(wheel_directory, filename), "w",
                         zipfile.ZIP_DEFLATED) as z:
        for path, data in entries:
            # A fixed date: the same sources give the same wheel.
            info = zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            z.writestr(info, data, zipfile.ZIP_DEFLATED)
    return filename


def build_sdist(sdist_directory, config_settings=None):
    base = "%s-%s" % (NAME, VERSION)
    filename = base + ".tar.gz"
    files = _package_files() + ["README.md", "pyproject.toml", "_build/fedns_build.py"]
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz") as tar:
        for rel in files:
            tar.add(os.path.join(ROOT, rel), arcname=base + "/" + rel)
        pkg_info = _metadata().encode("utf-8")
        info = tarfile.TarInfo(base + "/PKG-INFO")
        info.size = len(pkg_info)
        tar.addfile(info, io.BytesIO(pkg_info))
    return filename
