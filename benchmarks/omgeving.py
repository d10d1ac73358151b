"""What both browser benchmarks need: the built site behind a server, and Debian chromium."""

from __future__ import annotations

import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM_ARGS, chromium_path, serve  # noqa: E402
from tests.server.fixtures import nginx_path, serve_with_nginx  # noqa: E402

NGINX = "Debian nginx met deploy/nginx/ (gzip aan)"
STATISCH = "python http.server (zonder compressie)"


def serve_site(stack: ExitStack, site: Path, work: Path) -> tuple[str, str]:
    """Serve ``site`` with the shipped nginx config (http.server if nginx is missing): (base URL, label)."""
    nginx = nginx_path()
    return _nginx(stack, nginx, site, work) if nginx else _static(stack, site)


def serve_site_everywhere(stack: ExitStack, site: Path, work: Path) -> list[tuple[str, str]]:
    """Serve ``site`` behind nginx with the shipped config (when installed) and behind a plain static
    server, both at once, so one run can interleave them: [(base URL, label), ...]."""
    nginx = nginx_path()
    if not nginx:
        print("let op: nginx ontbreekt (sudo apt-get install nginx); alleen http.server gemeten", file=sys.stderr)
    return ([_nginx(stack, nginx, site, work)] if nginx else []) + [_static(stack, site)]


def _nginx(stack: ExitStack, nginx: str, site: Path, work: Path) -> tuple[str, str]:
    (work / "nginx").mkdir()
    return stack.enter_context(serve_with_nginx(nginx, site, work / "nginx"))["root"], NGINX


def _static(stack: ExitStack, site: Path) -> tuple[str, str]:
    httpd = serve(site)
    stack.callback(httpd.shutdown)
    return f"http://127.0.0.1:{httpd.server_address[1]}/", STATISCH


def launch_chromium(stack: ExitStack, extra_args: tuple[str, ...] = ()):
    executable = chromium_path()
    if executable is None:
        sys.exit("chromium ontbreekt (sudo apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    playwright = stack.enter_context(sync_playwright())
    browser = playwright.chromium.launch(executable_path=executable, args=[*CHROMIUM_ARGS, *extra_args])
    stack.callback(browser.close)
    return browser


def run_chromium_without_devtools(url: str, profile: Path, until, timeout: float) -> bool:
    """Open ``url`` in Debian chromium with no DevTools client attached, until ``until()`` holds or
    ``timeout`` seconds pass; True if it held. (While a debugger is attached, as with Playwright, V8
    keeps WebAssembly on its unoptimised tier: Python in Pyodide then runs several times slower.)"""
    executable = chromium_path()
    if executable is None:
        sys.exit("chromium ontbreekt (sudo apt-get install chromium)")
    browser = subprocess.Popen(
        [executable, *CHROMIUM_ARGS, f"--user-data-dir={profile}", url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if until():
                return True
            time.sleep(0.1)  # polling interval while waiting for until(), not a fixed wait
        return until()
    finally:
        browser.terminate()
        browser.wait(timeout=30)
