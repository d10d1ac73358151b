"""The site behind Debian's Apache 2.4 with the shipped .htaccess, unchanged: headers, MIME types,
caching, compression and revalidation as the hosting page promises; and without mod_headers,
a loud failure instead of a site that quietly lacks its security headers."""

from __future__ import annotations

import gzip
import re
from urllib.parse import urljoin, urlparse

import pytest

from tests.server.helpers import (
    MIME_TYPES,
    SECURITY_HEADERS,
    VOORGECOMPRIMEERD,
    YEAR,
    assert_sends_the_builds_copy,
    fetch,
)


@pytest.mark.parametrize("asset, mime", MIME_TYPES)
def test_mime_type(apache_url, assets, asset, mime):
    status, headers, _ = fetch(apache_url + assets[asset])
    assert (status, headers.get_content_type()) == (200, mime), assets[asset]


@pytest.mark.parametrize("asset", ["html", "wasm", "mjs", "bundle", "search_index", "own_js", "missing"])
def test_security_headers_on_every_response(apache_url, assets, asset):
    status, headers, body = fetch(apache_url + assets.get(asset, "bestaat-niet/"))
    assert status == (404 if asset == "missing" else 200)
    for name, value in SECURITY_HEADERS.items():
        assert headers.get_all(name) == [value], (asset, name)
    if asset == "missing":
        assert b"md-content" in body  # Material's 404 page through ErrorDocument


@pytest.mark.parametrize("asset", ["wasm", "mjs", "whl", "lock", "bundle", "search_worker", "main_css", "inline"])
def test_versioned_assets_are_cached_for_a_year(apache_url, assets, asset):
    _, headers, _ = fetch(apache_url + assets[asset])
    assert headers.get("Cache-Control") == f"public, max-age={YEAR}, immutable", assets[asset]


@pytest.mark.parametrize("asset", ["html", "search_index", "sitemap", "own_js"])
def test_html_and_unversioned_files_are_revalidated(apache_url, assets, asset):
    _, headers, _ = fetch(apache_url + assets[asset])
    assert headers.get("Cache-Control") == "no-cache", assets[asset]


@pytest.mark.parametrize("asset", ["html", "bundle", "mjs", "wasm", "search_index"])
def test_text_and_wasm_are_gzipped(apache_url, assets, asset, built_site):
    status, headers, body = fetch(apache_url + assets[asset], gzip_ok=True)
    assert status == 200 and headers.get("Content-Encoding") == "gzip", assets[asset]
    assert "Accept-Encoding" in headers.get("Vary", "")
    assert gzip.decompress(body) == (built_site / (assets[asset] or "index.html")).read_bytes()


@pytest.mark.parametrize("soort", ["gz", "br"])
@pytest.mark.parametrize("asset, mime", VOORGECOMPRIMEERD)
def test_apache_sends_the_builds_compressed_copies(apache_url, assets, asset, mime, soort, built_site):
    assert_sends_the_builds_copy(apache_url, built_site, assets[asset], soort, mime)


@pytest.mark.parametrize("soort", ["gz", "br"])
def test_apache_sends_the_builds_copies_under_a_subpath_too(apache_subpath, assets, soort, built_site):
    assert_sends_the_builds_copy(apache_subpath["url"], built_site, assets["wasm"], soort, "application/wasm")


@pytest.mark.parametrize("asset", ["html", "search_index", "own_js"])
def test_a_second_visit_gets_304_also_when_gzipped(apache_url, assets, asset):
    # mod_deflate's "-gzip" ETag never matched again; the .htaccess revalidates by Last-Modified.
    status, headers, _ = fetch(apache_url + assets[asset], gzip_ok=True)
    assert status == 200 and headers.get("Content-Encoding") == "gzip"
    validators = {"If-Modified-Since": headers["Last-Modified"]}
    if headers.get("ETag"):
        validators["If-None-Match"] = headers["ETag"]
    status, _, body = fetch(apache_url + assets[asset], gzip_ok=True, headers=validators)
    assert (status, body) == (304, b""), assets[asset]


def test_without_mod_headers_apache_fails_loudly_and_names_the_module(apache_without_headers, assets):
    for asset in ("html", "wasm", "missing"):
        status, headers, _ = fetch(apache_without_headers["url"] + assets.get(asset, "bestaat-niet/"))
        assert status == 500, asset
        assert headers.get("Content-Security-Policy") is None
    log = apache_without_headers["log"].read_text(errors="replace")
    assert "Invalid command 'Header'" in log and ".htaccess" in log


@pytest.mark.parametrize("where", ["root", "subpath"])
def test_missing_page_gets_the_sites_dutch_404_page_with_working_styles(apache_url, apache_subpath, where):
    # At the root unchanged; under /afspraken/ with the one Substitute line the hosting page names.
    base = apache_url if where == "root" else apache_subpath["url"]
    status, headers, body = fetch(base + "a/b/bestaat-niet", gzip_ok=True)
    page = (gzip.decompress(body) if headers.get("Content-Encoding") == "gzip" else body).decode()
    assert status == 404 and "Deze pagina bestaat niet" in page and 'lang="nl"' in page
    assert headers.get("Content-Security-Policy") == SECURITY_HEADERS["Content-Security-Policy"]
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)
    assert stylesheets and '"/./' not in page
    for href in stylesheets:
        assert href.startswith(urlparse(base).path), href
        status, headers, _ = fetch(urljoin(base, href))
        assert (status, headers.get_content_type()) == (200, "text/css"), href


def test_under_a_subpath_the_site_is_served_as_at_the_root(apache_subpath, assets):
    for asset, mime in (
        ("html", "text/html"),
        ("wasm", "application/wasm"),
        ("mjs", "text/javascript"),
        ("lock", "application/json"),
    ):
        status, headers, _ = fetch(apache_subpath["url"] + assets[asset])
        assert (status, headers.get_content_type()) == (200, mime), assets[asset]
