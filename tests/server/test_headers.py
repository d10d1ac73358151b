"""The shipped web-server configurations (deploy/): what nginx really sends, and whether the
Apache and IIS files say the same."""

from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
CSP = (DEPLOY / "csp.txt").read_text(encoding="utf-8").strip()
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}
YEAR = 31536000


def fetch(url: str, *, gzip_ok: bool = False):
    """(status, headers, body) without following errors into exceptions."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def first(site: Path, pattern: str) -> str:
    """Site-relative URL path of the first built file matching ``pattern``."""
    matches = sorted(site.glob(pattern))
    assert matches, f"geen bestand {pattern} in de gebouwde site"
    return matches[0].relative_to(site).as_posix()


@pytest.fixture(scope="session")
def assets(built_site) -> dict[str, str]:
    return {
        "wasm": first(built_site, "assets/pyodide/*/pyodide.asm.wasm"),
        "mjs": first(built_site, "assets/pyodide/*/pyodide.mjs"),
        "stdlib": first(built_site, "assets/pyodide/*/python_stdlib.zip"),
        "whl": first(built_site, "assets/rekenkern/*/*.whl"),
        "lock": first(built_site, "assets/rekenkern/*/pyodide-lock.json"),
        "bundle": first(built_site, "assets/javascripts/bundle.*.min.js"),
        "search_worker": first(built_site, "assets/javascripts/workers/search.*.min.js"),
        "main_css": first(built_site, "assets/stylesheets/main.*.min.css"),
        "inline": first(built_site, "assets/javascripts/inline/*.js"),
        "own_js": "assets/javascripts/rekenhulp.js",
        "search_index": "search/search_index.json",
        "sitemap": "sitemap.xml",
        "html": "",
    }


def test_nginx_accepts_the_shipped_config_without_warnings(nginx_server):
    # e.g. "duplicate extension" or "could not build optimal types_hash" would show up here.
    assert "[warn]" not in nginx_server["nginx -t"] and "[emerg]" not in nginx_server["nginx -t"]


# --- MIME types ---------------------------------------------------------------------------

@pytest.mark.parametrize("asset, mime", [
    ("wasm", "application/wasm"),
    ("mjs", "text/javascript"),
    ("bundle", "text/javascript"),
    ("inline", "text/javascript"),
    ("whl", "application/zip"),
    ("stdlib", "application/zip"),
    ("lock", "application/json"),
    ("search_index", "application/json"),
    ("main_css", "text/css"),
    ("html", "text/html"),
])
def test_mime_type(nginx_url, assets, asset, mime):
    status, headers, _ = fetch(nginx_url + assets[asset])
    assert status == 200, assets[asset]
    assert headers.get_content_type() == mime, (assets[asset], headers["Content-Type"])


# --- caching ------------------------------------------------------------------------------

@pytest.mark.parametrize("asset", ["wasm", "mjs", "whl", "lock", "bundle", "search_worker", "main_css", "inline"])
def test_versioned_assets_are_cached_for_a_year(nginx_url, assets, asset):
    _, headers, _ = fetch(nginx_url + assets[asset])
    cache = headers.get("Cache-Control", "")
    assert "immutable" in cache and f"max-age={YEAR}" in cache, (assets[asset], cache)


@pytest.mark.parametrize("asset", ["html", "search_index", "sitemap", "own_js"])
def test_html_and_unversioned_files_are_revalidated(nginx_url, assets, asset):
    _, headers, _ = fetch(nginx_url + assets[asset])
    assert headers.get("Cache-Control") == "no-cache", (assets[asset], headers.get("Cache-Control"))
    assert headers.get("ETag"), "zonder ETag kan de browser niet goedkoop revalideren"


# --- compression --------------------------------------------------------------------------

@pytest.mark.parametrize("asset", ["html", "bundle", "mjs", "main_css", "wasm", "search_index"])
def test_text_and_wasm_are_gzipped(nginx_url, assets, asset, built_site):
    status, headers, body = fetch(nginx_url + assets[asset], gzip_ok=True)
    assert status == 200
    assert headers.get("Content-Encoding") == "gzip", assets[asset]
    assert "Accept-Encoding" in headers.get("Vary", "")
    path = built_site / (assets[asset] or "index.html")
    assert gzip.decompress(body) == path.read_bytes()


@pytest.mark.parametrize("asset", ["whl", "stdlib"])
def test_zip_files_are_not_compressed_twice(nginx_url, assets, asset):
    _, headers, _ = fetch(nginx_url + assets[asset], gzip_ok=True)
    assert headers.get("Content-Encoding") is None


# --- security headers ---------------------------------------------------------------------

@pytest.mark.parametrize("asset", ["html", "wasm", "mjs", "bundle", "inline", "search_index", "own_js", "missing"])
def test_security_headers_on_every_response(nginx_url, assets, asset):
    status, headers, _ = fetch(nginx_url + assets.get(asset, "bestaat-niet/"))
    assert status == (404 if asset == "missing" else 200)
    for name, value in SECURITY_HEADERS.items():
        assert headers.get_all(name) == [value], (asset, name)


def test_csp_allows_only_the_own_origin_plus_wasm():
    directives = dict((part.split()[0], part.split()[1:]) for part in CSP.split(";") if part.strip())
    assert directives["script-src"] == ["'self'", "'wasm-unsafe-eval'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    for name, sources in directives.items():
        assert "'unsafe-eval'" not in sources, name
        # Only keywords, and data: for inline images; no host, scheme-wide or wildcard source.
        assert all(source.startswith("'") or (name, source) == ("img-src", "data:") for source in sources), (name, sources)
        # Inline styles (Material's style attributes, Mermaid's SVG): never inline scripts.
        assert name == "style-src" or "'unsafe-inline'" not in sources, name


def test_missing_page_gets_the_sites_404_page(nginx_url):
    status, _, body = fetch(nginx_url + "bestaat/niet/")
    assert status == 404
    assert b"md-content" in body  # Material's page, not nginx's bare error page


# --- sub-path hosting ---------------------------------------------------------------------

def test_subpath_serves_the_site_and_its_assets(nginx_subpath_url, assets):
    status, headers, body = fetch(nginx_subpath_url)
    assert status == 200 and headers.get_content_type() == "text/html"
    assert b"Afsprakenwijzer" in body
    for asset, mime in (("wasm", "application/wasm"), ("mjs", "text/javascript"), ("bundle", "text/javascript")):
        status, headers, _ = fetch(nginx_subpath_url + assets[asset])
        assert (status, headers.get_content_type()) == (200, mime), assets[asset]
        assert "immutable" in headers.get("Cache-Control", "")
        assert headers.get("Content-Security-Policy") == CSP


def test_subpath_missing_page_gets_the_sites_404_page(nginx_subpath_url):
    status, headers, body = fetch(nginx_subpath_url + "bestaat/niet/")
    assert status == 404 and b"md-content" in body
    assert headers.get("Content-Security-Policy") == CSP


# --- the same rules in the Apache and IIS files -------------------------------------------

EXTENSIONS = {".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript",
              ".json": "application/json", ".whl": "application/zip"}


def nginx_headers_file() -> str:
    return (DEPLOY / "nginx" / "afsprakenwijzer-headers.conf").read_text(encoding="utf-8")


def test_nginx_headers_file_holds_the_shared_policy():
    found = dict(re.findall(r'^add_header\s+(\S+)\s+"([^"]*)"\s+always;', nginx_headers_file(), re.MULTILINE))
    assert found == SECURITY_HEADERS


def test_apache_htaccess_has_the_same_types_and_headers():
    text = (DEPLOY / "apache" / ".htaccess").read_text(encoding="utf-8")
    types = {ext: mime for mime, exts in re.findall(r"^\s*AddType\s+(\S+)\s+(.+)$", text, re.MULTILINE)
             for ext in exts.split()}
    for extension, mime in EXTENSIONS.items():
        assert types.get(extension) == mime, extension
    headers = dict(re.findall(r'^\s*Header always set\s+(\S+)\s+"([^"]*)"', text, re.MULTILINE))
    assert headers == SECURITY_HEADERS
    assert "immutable" in text and "application/wasm" in re.search(r"AddOutputFilterByType DEFLATE(.*)", text).group(1)
    # Every <Tag> is closed: a broken .htaccess means a 500 error for the whole site.
    for tag in ("IfModule", "If"):
        assert len(re.findall(rf"^\s*<{tag}\b", text, re.MULTILINE)) == len(re.findall(rf"^\s*</{tag}>", text, re.MULTILINE))


def test_iis_web_config_has_the_same_types_and_headers():
    root = ElementTree.parse(DEPLOY / "iis" / "web.config").getroot()  # well-formed XML, or this raises
    server = root.find("system.webServer")
    types = {m.get("fileExtension"): m.get("mimeType").split(";")[0] for m in server.iter("mimeMap")}
    for extension, mime in EXTENSIONS.items():
        assert types.get(extension) == mime, extension
        assert server.find(f"staticContent/remove[@fileExtension='{extension}']") is not None, extension
    headers = {h.get("name"): h.get("value") for h in server.find("httpProtocol/customHeaders").iter("add")}
    assert headers == SECURITY_HEADERS
    cached = {location.get("path") for location in root.findall("location")
              if "immutable" in (location.find(".//clientCache").get("cacheControlCustom") or "")}
    assert {"assets/pyodide", "assets/rekenkern", "assets/javascripts/inline"} <= cached


def test_hosting_guide_shows_the_shipped_policy():
    guide = (ROOT / "docs" / "beheer" / "hosting.md").read_text(encoding="utf-8")
    assert CSP in guide
    assert SECURITY_HEADERS["Permissions-Policy"] in guide
