"""Every page in a real browser (Debian chromium): it renders, search works in Dutch, and
no request leaves the site's own origin."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.site.helpers import markdown_pages

pytestmark = pytest.mark.browser


def page_url(site_url: str, markdown_path: str) -> str:
    stem = markdown_path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    return site_url + stem


def test_every_page_loads_only_from_its_own_origin(page, site_url):
    origin = urlparse(site_url).netloc
    foreign, failed = [], []
    page.on(
        "request",
        lambda request: (
            foreign.append(request.url)
            if urlparse(request.url).scheme in {"http", "https", "ws", "wss"} and urlparse(request.url).netloc != origin
            else None
        ),
    )
    page.on("requestfailed", lambda request: failed.append(f"{request.url}: {request.failure}"))
    for markdown_path in markdown_pages():
        page.goto(page_url(site_url, markdown_path), wait_until="load")
        assert page.locator("article h1").count() == 1, markdown_path
        page.wait_for_load_state("networkidle")  # late requests (diagrams, search) have been made
    assert foreign == [], foreign[:10]
    assert [f for f in failed if "net::ERR_ABORTED" not in f] == []


def test_search_finds_a_dutch_word(page, site_url):
    page.goto(site_url)
    page.keyboard.press("/")  # Material's search shortcut: keyboard users get there too
    # Typed, not fill(): Material reads the query on keyup (or when its worker is ready); a fill()
    # that lands just after the worker is ready is never searched.
    page.keyboard.type("veiligheidsbeoordeling")
    results = page.locator(".md-search-result__item")
    results.first.wait_for()  # the search worker builds its index first: slow on a busy machine
    assert results.count() >= 3
    assert "veiligheidsbeoordeling" in page.locator(".md-search-result").inner_text().lower()
    meta = page.locator(".md-search-result__meta").inner_text()
    assert "resultaat" in meta.lower() or "overeenkomende" in meta.lower() or meta.strip()[0].isdigit()
