"""Fixtures of the server tests."""

from __future__ import annotations

import pytest

from tests.server.helpers import first


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
        "snapshot": first(built_site, "assets/rekenkern/*/*.snapshot"),
        "sitemap": "sitemap.xml",
        "html": "",
    }
