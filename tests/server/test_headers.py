"""The shipped web-server configurations (deploy/): what nginx really sends, and whether the
Apache and IIS files say the same."""

from __future__ import annotations

import gzip
import re
import subprocess
import xml.etree.ElementTree as ElementTree
from urllib.parse import urljoin, urlparse

import pytest

from tests.server.fixtures import BROTLI_MODULE, IN_CI, free_port, main_config, nginx_path, require_server, root_server
from tests.server.helpers import (
    CSP,
    DEPLOY,
    MIME_TYPES,
    ROOT,
    SECURITY_HEADERS,
    VOORGECOMPRIMEERD,
    YEAR,
    assert_sends_the_builds_copy,
    fetch,
)


def test_nginx_accepts_the_shipped_config_without_warnings(nginx_server):
    # e.g. "duplicate extension" or "could not build optimal types_hash" would show up here.
    assert "[warn]" not in nginx_server["nginx -t"] and "[emerg]" not in nginx_server["nginx -t"]


# --- MIME types ---------------------------------------------------------------------------


@pytest.mark.parametrize("asset, mime", MIME_TYPES)
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


@pytest.mark.parametrize("asset, mime", VOORGECOMPRIMEERD)
def test_nginx_sends_the_builds_gzip_copy(nginx_url, assets, asset, mime, built_site):
    assert_sends_the_builds_copy(nginx_url, built_site, assets[asset], "gz", mime)


@pytest.mark.parametrize("asset, mime", VOORGECOMPRIMEERD)
def test_nginx_with_debians_brotli_module_sends_the_builds_brotli_copy(nginx_url, assets, asset, mime, built_site):
    if not BROTLI_MODULE.exists():
        if IN_CI:
            pytest.fail("de brotli-module van nginx ontbreekt in CI (scripts/setup-browser-tests)")
        pytest.skip("libnginx-mod-http-brotli-static ontbreekt")
    assert_sends_the_builds_copy(nginx_url, built_site, assets[asset], "br", mime)


def test_nginx_without_the_brotli_module_accepts_the_config(built_site, tmp_path):
    # The brotli snippet lives apart (deploy/nginx/brotli/): afsprakenwijzer.conf includes it by a pattern that
    # matches nothing until an administrator with the module copies it in. Without both, nginx -t is content.
    executable = require_server(nginx_path(), "nginx")
    snippets = tmp_path / "snippets"
    snippets.mkdir()
    for conf in (DEPLOY / "nginx").glob("*.conf"):
        (snippets / conf.name).symlink_to(conf)
    config = tmp_path / "nginx.conf"
    config.write_text(main_config(tmp_path, root_server(free_port(), built_site), brotli=False))
    check = subprocess.run(
        [executable, "-t", "-p", str(tmp_path), "-c", str(config), "-e", str(tmp_path / "error.log")],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0 and "warn" not in check.stderr, check.stderr
    assert "brotli_static on;" in (DEPLOY / "nginx" / "brotli" / "afsprakenwijzer-brotli.conf").read_text(
        encoding="utf-8"
    )


def test_the_404_page_is_not_precompressed(built_site):
    # The server rewrites its addresses under a sub-path (sub_filter, Substitute): it must be the page itself.
    assert not list(built_site.glob("404.html.*"))


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
    directives = {part.split()[0]: part.split()[1:] for part in CSP.split(";") if part.strip()}
    # Nothing is allowed unless named: every source the site needs is explicit.
    assert directives["default-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["script-src"] == ["'self'", "'wasm-unsafe-eval'"]
    for name in ("worker-src", "connect-src", "font-src", "manifest-src", "base-uri", "form-action"):
        assert directives[name] == ["'self'"], name
    for name, sources in directives.items():
        assert "'unsafe-eval'" not in sources, name
        # Only keywords, and data: for inline images; no host, scheme-wide or wildcard source.
        assert all(source.startswith("'") or (name, source) == ("img-src", "data:") for source in sources), (
            name,
            sources,
        )
        # Inline styles (Mermaid's SVG, the print edition): never inline scripts.
        assert name == "style-src" or "'unsafe-inline'" not in sources, name


def test_nginx_does_not_tell_its_version(nginx_url, nginx_subpath_url):
    for url in (nginx_url, nginx_subpath_url, nginx_url + "bestaat/niet/"):
        _, headers, body = fetch(url)
        assert headers.get("Server") == "nginx", url
        assert b"nginx/" not in body


@pytest.mark.parametrize("asset", ["html", "search_index", "own_js"])
def test_nginx_answers_a_second_visit_with_304(nginx_url, assets, asset):
    # As a browser asks: with gzip, and the validators of the compressed answer.
    status, headers, _ = fetch(nginx_url + assets[asset], gzip_ok=True)
    assert status == 200 and headers.get("Content-Encoding") == "gzip"
    status, _, body = fetch(
        nginx_url + assets[asset],
        gzip_ok=True,
        headers={"If-None-Match": headers["ETag"], "If-Modified-Since": headers["Last-Modified"]},
    )
    assert (status, body) == (304, b""), assets[asset]


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


@pytest.mark.parametrize("where", ["root", "subpath"])
def test_missing_page_gets_the_sites_404_page_with_its_own_addresses(nginx_server, where):
    # The page is built with "/./" before every address; nginx makes that the folder it serves it from.
    base = nginx_server[where]
    status, headers, body = fetch(base + "bestaat/niet/")
    assert status == 404 and b"md-content" in body and b"Deze pagina bestaat niet" in body
    assert headers.get("Content-Security-Policy") == CSP
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', body.decode())
    assert stylesheets and b'"/./' not in body
    for href in stylesheets:
        assert href.startswith(urlparse(base).path), href
        status, headers, _ = fetch(urljoin(base, href))
        assert (status, headers.get_content_type()) == (200, "text/css"), href


# --- the same rules in the Apache and IIS files -------------------------------------------

EXTENSIONS = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".whl": "application/zip",
}


def nginx_headers_file() -> str:
    return (DEPLOY / "nginx" / "afsprakenwijzer-headers.conf").read_text(encoding="utf-8")


def test_nginx_headers_file_holds_the_shared_policy():
    found = dict(re.findall(r'^add_header\s+(\S+)\s+"([^"]*)"\s+always;', nginx_headers_file(), re.MULTILINE))
    assert found == SECURITY_HEADERS


def test_apache_htaccess_has_the_same_types_and_headers():
    text = (DEPLOY / "apache" / ".htaccess").read_text(encoding="utf-8")
    types = {
        ext: mime
        for mime, exts in re.findall(r"^\s*AddType\s+(\S+)\s+(.+)$", text, re.MULTILINE)
        for ext in exts.split()
    }
    for extension, mime in EXTENSIONS.items():
        assert types.get(extension) == mime, extension
    headers = dict(re.findall(r'^\s*Header always set\s+(\S+)\s+"([^"]*)"', text, re.MULTILINE))
    assert headers == SECURITY_HEADERS
    assert "immutable" in text and "application/wasm" in re.search(r"AddOutputFilterByType DEFLATE(.*)", text).group(1)
    # Deliberately not wrapped in <IfModule mod_headers.c>: without the module Apache must fail
    # loudly (500) instead of serving the site without its headers (tests/server/test_apache.py).
    assert not re.search(r"^\s*<IfModule\s+mod_headers", text, re.MULTILINE)
    # Every <Tag> is closed: a broken .htaccess means a 500 error for the whole site.
    for tag in ("IfModule", "If"):
        assert len(re.findall(rf"^\s*<{tag}\b", text, re.MULTILINE)) == len(
            re.findall(rf"^\s*</{tag}>", text, re.MULTILINE)
        )


def test_iis_web_config_has_the_same_types_and_headers():
    root = ElementTree.parse(DEPLOY / "iis" / "web.config").getroot()  # well-formed XML, or this raises
    server = root.find("system.webServer")
    types = {m.get("fileExtension"): m.get("mimeType").split(";")[0] for m in server.iter("mimeMap")}
    for extension, mime in EXTENSIONS.items():
        assert types.get(extension) == mime, extension
    headers = {h.get("name"): h.get("value") for h in server.find("httpProtocol/customHeaders").iter("add")}
    assert headers == SECURITY_HEADERS
    cached = {
        location.get("path")
        for location in root.findall("location")
        if "immutable" in (location.find(".//clientCache").get("cacheControlCustom") or "")
    }
    assert {"assets/pyodide", "assets/rekenkern", "assets/javascripts/inline"} <= cached


def removed_before_added(parent, add_tag: str, remove_tag: str, key: str) -> list[str]:
    """Keys that are added without being removed first (IIS: 500.19 "duplicate collection entry"
    on a server that already has an entry, e.g. .mjs or .wasm in newer IIS builds)."""
    removed, problems, seen = set(), [], set()
    for element in parent:
        name = element.get(key)
        if element.tag == remove_tag:
            removed.add(name)
        elif element.tag == add_tag:
            if name not in removed or name in seen:
                problems.append(name)
            seen.add(name)
    return problems


def test_iis_web_config_avoids_the_known_pitfalls():
    text = (DEPLOY / "iis" / "web.config").read_text(encoding="utf-8")
    root = ElementTree.fromstring(text)
    server = root.find("system.webServer")
    static = server.find("staticContent")
    # Every mimeMap is preceded by a remove of the same extension, and none is mapped twice.
    assert removed_before_added(static, "mimeMap", "remove", "fileExtension") == []
    assert removed_before_added(server.find("httpProtocol/customHeaders"), "add", "remove", "name") == []
    # Without .wasm and .mjs IIS answers 404.3 and the calculator cannot start.
    assert {".wasm", ".mjs", ".whl", ".zip"} <= {m.get("fileExtension") for m in static.iter("mimeMap")}
    # MIME types without parameters: IIS matches the plain type against its compression list.
    assert all(";" not in m.get("mimeType") for m in static.iter("mimeMap"))
    assert server.find("urlCompression").get("doStaticCompression") == "true"
    # httpCompression may only be set server-wide (applicationHost.config): in web.config it is a
    # 500.19 error. The .wasm compression is therefore the documented appcmd command.
    assert server.find("httpCompression") is None
    wasm_command = "staticTypes.[mimeType='application/wasm',enabled='True']"
    assert wasm_command in text
    assert wasm_command in (ROOT / "docs" / "beheer" / "hosting.md").read_text(encoding="utf-8")
    # The site's own 404 page, as on nginx and Apache (a path from the site root, with a remove before it).
    errors = server.find("httpErrors")
    assert errors.get("errorMode") == "Custom" and errors.get("existingResponse") == "Replace"
    assert [(e.tag, e.get("statusCode")) for e in errors] == [("remove", "404"), ("error", "404")]
    assert errors.find("error").get("path") == "/404.html" and errors.find("error").get("responseMode") == "ExecuteURL"
    # The versioned folders are cached for a year; everything else is revalidated.
    assert static.find("clientCache").get("cacheControlMode") == "DisableCache"
    for location in root.findall("location"):
        cache = location.find("system.webServer/staticContent/clientCache")
        assert cache.get("cacheControlMode") == "UseMaxAge" and cache.get("cacheControlMaxAge") == "365.00:00:00"


def test_hosting_guide_shows_the_shipped_policy():
    guide = (ROOT / "docs" / "beheer" / "hosting.md").read_text(encoding="utf-8")
    assert CSP in guide
    assert SECURITY_HEADERS["Permissions-Policy"] in guide
