"""Shared fixtures: one strict build of the site per test session, served on localhost."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def build_site(
    target: Path, *, env: dict | None = None, extra_args: tuple[str, ...] = ()
) -> subprocess.CompletedProcess:
    """Run a strict MkDocs build of this checkout into ``target``."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(target), *extra_args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        timeout=600,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("site") / "site"
    result = build_site(target)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict faalde:\n{result.stderr[-4000:]}")
    return target


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static server with the MIME types a correctly configured web server would send."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".json": "application/json",
        ".whl": "application/zip",
        ".zip": "application/zip",
        ".svg": "image/svg+xml",
        ".ics": "text/calendar",
    }

    def log_message(self, *args):  # keep test output readable
        pass


def serve(directory: Path, handler=SiteHandler):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture(scope="session")
def site_url(built_site):
    server = serve(built_site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def chromium_path() -> str | None:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium") or ""):
        if candidate and Path(candidate).exists():
            return candidate
    return None


# Upper bound for every Playwright wait that names no time-out of its own. Waits end as soon as
# their condition holds; the bound only matters on a very busy machine (CI under load).
BROWSER_WAIT_MS = 120_000

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def playwright_sync():
    executable = chromium_path()
    if executable is None:
        if IN_CI:
            pytest.fail(
                "Debian chromium ontbreekt in CI: browsertests mogen daar niet overslaan (scripts/setup-browser-tests)."
            )
        pytest.skip("chromium ontbreekt (installeer met: sudo apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_sync):
    browser = playwright_sync.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


# A host name that is not localhost, for a site on plain HTTP as on an intranet: the browser then gives
# the page no secure context (no crypto.subtle, no Cache Storage, no service worker).
INTRANET_HOST = "intranet.test"


@pytest.fixture(scope="session")
def intranet_browser(playwright_sync):
    """Chromium that resolves intranet.test to 127.0.0.1: http://intranet.test:<port>/ is then a plain-HTTP
    intranet host as far as the browser is concerned."""
    browser = playwright_sync.chromium.launch(
        executable_path=chromium_path(), args=[*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {INTRANET_HOST} 127.0.0.1"]
    )
    yield browser
    browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL", accept_downloads=True)
    context.set_default_timeout(BROWSER_WAIT_MS)
    context.set_default_navigation_timeout(BROWSER_WAIT_MS)
    page = context.new_page()
    yield page
    context.close()


# The built site behind Debian nginx and Debian Apache with the shipped deploy/ configurations.
from tests.server.apache import apache_server, apache_subpath, apache_url, apache_without_headers  # noqa: E402,F401
from tests.server.fixtures import nginx_server, nginx_subpath_url, nginx_url  # noqa: E402,F401
