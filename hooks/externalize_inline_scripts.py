"""MkDocs hook: move inline scripts into files, so the site runs under a strict CSP.

The recommended Content-Security-Policy (deploy/csp.txt) allows scripts only from the
site's own origin: ``script-src 'self'``, without ``'unsafe-inline'``. Material's templates
contain small inline scripts (the ``__md_scope``/``__md_get`` bootstrap in the head, the
palette script in the header, ...) that such a policy blocks. Hashes in the policy would
work too, but the server configurations are static files and the hashes change with every
Material update; external files keep the policy the same forever.

After the build, every executable inline ``<script>`` in every HTML file is written to
``assets/javascripts/inline/<sha256-prefix>.js`` and replaced by
``<script src="…"></script>`` at the same place, so order and blocking behaviour stay the
same (module scripts stay modules). Data blocks such as ``type="application/json"``
(Material's ``__config``, our ``aw-rekenkern-config``) are not scripts and stay inline.
The file name is the content hash: the server may cache these files forever.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

INLINE_DIR = "assets/javascripts/inline"
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
RELATIVE_IMPORT = re.compile(r"""\bimport\b[^;'"]*["']\.{1,2}/""")
# Material's own bundle shows how this page reaches the site root ("../../", or the
# absolute base on 404.html when site_url is set); the inline files use the same prefix.
BUNDLE_SRC = re.compile(r"""<script\b[^>]*\bsrc=["']?([^"'\s>]*?)assets/javascripts/bundle\.""", re.IGNORECASE)


def _attributes(text: str) -> dict[str, str | None]:
    return {name.lower(): (value.strip("\"'") if value else None) for name, value in ATTRIBUTE.findall(text)}


def _attribute_text(name: str, value: str | None) -> str:
    if value is None:
        return f" {name}"
    escaped = value.replace('"', "&quot;")
    return f' {name}="{escaped}"'


def _site_prefix(html: str, page: Path, site: Path) -> str:
    found = BUNDLE_SRC.search(html)
    if found:
        return found.group(1)
    relative = os.path.relpath(site, page.parent).replace(os.sep, "/")
    return "" if relative == "." else relative + "/"


def externalize(html: str, page: Path, site: Path) -> str:
    prefix = _site_prefix(html, page, site)

    def replace(match: re.Match) -> str:
        attrs = _attributes(match.group("attrs"))
        body = match.group("body")
        script_type = (attrs.get("type") or "").strip().lower()
        if "src" in attrs or script_type not in EXECUTABLE_TYPES or not body.strip():
            return match.group(0)
        if script_type == "module" and RELATIVE_IMPORT.search(body):
            # In a file, "./x.js" would resolve against the file instead of the page.
            raise PluginError(f"{page}: inline module-script met een relatieve import; zet het in een eigen bestand.")
        data = body.encode("utf-8")
        name = hashlib.sha256(data).hexdigest()[:16] + ".js"
        target = site / INLINE_DIR / name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        # async/defer do nothing on an inline classic script but would on a file: drop them,
        # so the script still runs at the moment it did. (On modules, async keeps its meaning.)
        dropped = set() if script_type == "module" else {"async", "defer"}
        kept = "".join(_attribute_text(key, value) for key, value in attrs.items() if key not in dropped)
        return f'<script src="{prefix}{INLINE_DIR}/{name}"{kept}></script>'

    return SCRIPT.sub(replace, html)


@event_priority(-100)  # after every other plugin and hook has written its HTML
def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        new = externalize(html, page, site)
        if new != html:
            page.write_text(new, encoding="utf-8")
