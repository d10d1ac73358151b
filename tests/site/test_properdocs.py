"""The way forward from MkDocs 1.x (docs/beheer/toekomst-bouwomgeving.md): ProperDocs, the maintained
continuation of MkDocs 1.x, builds this site strictly with the same theme, plugins and hooks, and
the result is the MkDocs build, byte for byte, apart from the generator line."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from tests.site.helpers import ROOT

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
LASTMOD = re.compile(rb"<lastmod>[^<]*</lastmod>")  # the build date: the two builds may straddle midnight
# The service worker lists every file with its hash: the pages' hashes differ by the generator line.
REVISIES = re.compile(rb'"[0-9a-f]{16}"')


def test_properdocs_builds_the_same_site(built_site, tmp_path):
    target = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "--clean", "-f", "mkdocs.yml", "-d", str(target)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr[-4000:]
    assert "WARNING" not in result.stderr, result.stderr[-4000:]
    ours = {path.relative_to(target).as_posix() for path in target.rglob("*") if path.is_file()}
    mkdocs = {path.relative_to(built_site).as_posix() for path in built_site.rglob("*") if path.is_file()}
    assert ours == mkdocs
    differing = []
    for name in sorted(ours):
        if name.endswith((".gz", ".br")):  # compressed copies of files compared here (and gzip stores a time stamp)
            continue
        a, b = (target / name).read_bytes(), (built_site / name).read_bytes()
        if name.endswith(".html"):
            a, b = GENERATOR.sub(b"", a), GENERATOR.sub(b"", b)
        if name == "sitemap.xml":
            a, b = LASTMOD.sub(b"", a), LASTMOD.sub(b"", b)
        if name == "sw.js":
            a, b = REVISIES.sub(b"", a), REVISIES.sub(b"", b)
        if a != b:
            differing.append(name)
    assert differing == []
    assert b"ProperDocs" in (target / "index.html").read_bytes()
