"""What the server tests share: the expected headers and a fetch that keeps error responses."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

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
# (asset of the `assets` fixture, the MIME type every shipped configuration must send)
MIME_TYPES = [
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
]


def fetch(url: str, *, gzip_ok: bool = False, headers: dict | None = None):
    """(status, headers, body) without following errors into exceptions."""
    request = urllib.request.Request(url, headers={**({"Accept-Encoding": "gzip"} if gzip_ok else {}), **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def first(site: Path, pattern: str) -> str:
    """Site-relative URL path of the first built file matching ``pattern``."""
    matches = sorted(site.glob(pattern))
    assert matches, f"geen bestand {pattern} in de gebouwde site"
    return matches[0].relative_to(site).as_posix()
