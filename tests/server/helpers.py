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
    request = urllib.request.Request(
        url, headers={**({"Accept-Encoding": "gzip"} if gzip_ok else {}), **(headers or {})}
    )
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


# Files the build writes a .br and .gz beside (hooks/comprimeren.py), with the type the server must keep.
VOORGECOMPRIMEERD = [
    ("html", "text/html"),
    ("bundle", "text/javascript"),
    ("mjs", "text/javascript"),
    ("wasm", "application/wasm"),
    ("search_index", "application/json"),
    ("snapshot", None),
]


def assert_sends_the_builds_copy(url: str, site: Path, path: str, soort: str, mime: str | None) -> None:
    """The server answers ``path`` for a browser that accepts ``soort`` (gzip or br) with the build's own copy,
    byte for byte, under the original type, with Vary."""
    encoding = {"gz": "gzip", "br": "br"}[soort]
    status, headers, body = fetch(url + path, headers={"Accept-Encoding": encoding})
    assert status == 200 and headers.get("Content-Encoding") == encoding, (path, headers.get("Content-Encoding"))
    bestand = site / (path or "index.html")
    if path.endswith("/") or not path:
        bestand = site / path / "index.html"
    assert body == bestand.with_name(bestand.name + "." + soort).read_bytes(), path
    if mime:
        assert headers.get("Content-Type", "").split(";")[0] == mime, (path, headers.get("Content-Type"))
    assert "Accept-Encoding" in headers.get("Vary", ""), path
