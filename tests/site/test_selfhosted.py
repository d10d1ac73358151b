"""The built site references nothing outside its own origin: no CDN, no web fonts, no trackers."""

from __future__ import annotations

import re

import pytest

from tests.site.helpers import soup

EXTERNAL = re.compile(r"^(https?:)?//", re.IGNORECASE)
RESOURCE_ATTRIBUTES = {
    "script": ["src"], "link": ["href"], "img": ["src", "srcset"], "source": ["src", "srcset"],
    "iframe": ["src"], "video": ["src", "poster"], "audio": ["src"], "embed": ["src"], "object": ["data"],
    "image": ["href", "xlink:href"], "use": ["href", "xlink:href"],
}


def html_files(site):
    return sorted(site.rglob("*.html"))


def test_html_loads_no_external_resource(built_site):
    offenders = []
    for path in html_files(built_site):
        for tag, attributes in RESOURCE_ATTRIBUTES.items():
            for node in soup(path).find_all(tag):
                if tag == "link" and not set(node.get("rel", [])) & {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch", "apple-touch-icon"}:
                    continue  # plain links (e.g. rel=canonical) load nothing
                for attribute in attributes:
                    value = node.get(attribute) or ""
                    if EXTERNAL.match(value.strip()):
                        offenders.append(f"{path.relative_to(built_site)}: <{tag} {attribute}={value}>")
    assert not offenders, "\n".join(offenders[:20])


def test_stylesheets_import_nothing_external(built_site):
    pattern = re.compile(r"(@import\s+(url\()?['\"]?(https?:)?//)|(url\(\s*['\"]?(https?:)?//)", re.IGNORECASE)
    offenders = [str(p.relative_to(built_site)) for p in built_site.rglob("*.css") if pattern.search(p.read_text(encoding="utf-8", errors="replace"))]
    assert not offenders, offenders


def test_no_google_fonts_or_cdn_hosts_anywhere_in_html(built_site):
    hosts = re.compile(r"fonts\.googleapis|fonts\.gstatic|cdn\.jsdelivr|unpkg\.com|cdnjs\.", re.IGNORECASE)
    offenders = [str(p.relative_to(built_site)) for p in html_files(built_site) if hosts.search(p.read_text(encoding="utf-8"))]
    assert not offenders, offenders


@pytest.mark.parametrize("name", ["pyodide.mjs", "pyodide.asm.wasm", "python_stdlib.zip"])
def test_the_python_runtime_is_served_by_the_site_itself(built_site, name):
    assert list((built_site / "assets" / "pyodide").glob(f"*/{name}")), name
