"""MkDocs hook: the site offline after one visit, and installable on a phone.

After everything else is written (and before hooks/comprimeren.py compresses it), this hook writes
- ``manifest.webmanifest``: the web app manifest (Dutch name, icons, theme colours), with a relative
  ``start_url`` and ``scope`` so the installed app works in any sub-path;
- the icons it names (hooks/pictogram.py draws them from the favicon);
- ``sw.js``: the service worker (overrides/sw.js) with the build's two lists filled in, every file with
  the start of its sha256:
  * SITE: every page and what pages load (styles, scripts, the search index and the search language,
    the diagrams' Mermaid, icons), stored when the service worker installs;
  * REKENKERN: the calculator's runtime (Pyodide, the snapshot, both standard libraries, the engine's
    wheels), stored after a calculator's first answer;
  and BOUW, the hash of both lists: another build is another service worker and another cache.
Not listed, so never stored: the compressed copies (.br, .gz), source maps, the sitemap, the files for
administrators (versie.json, assets/rekenhulp-bestanden.json) and search languages the site does not use.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from hooks.pictogram import KLEUR, pictogram

log = logging.getLogger("mkdocs.hooks.offline")

ROOT = Path(__file__).resolve().parent.parent
SW_BRON = "sw.js"  # copied from overrides/ into the site's root by MkDocs; filled in here
MANIFEST = "manifest.webmanifest"
PICTOGRAMMEN = "assets/pictogrammen"
# (file, size, share of the width the logo takes, purpose): 'maskable' keeps the logo inside the circle
# a phone may cut out.
ICONEN = (
    ("afsprakenwijzer-192.png", 192, 0.7, "any"),
    ("afsprakenwijzer-512.png", 512, 0.7, "any"),
    ("afsprakenwijzer-maskable-512.png", 512, 0.55, "maskable"),
    ("apple-touch-icon.png", 180, 0.7, None),
)
RUNTIME_MAPPEN = ("assets/pyodide/", "assets/rekenkern/")
NIET_BEWAREN = {SW_BRON, "sitemap.xml", "versie.json", "assets/rekenhulp-bestanden.json"}
NIET_BEWAREN_ACHTER = (".br", ".gz", ".map")
# The site's own 404 page is rewritten by the web server under a sub-path (its addresses): kept without a hash check.
ONGECONTROLEERD = {"404.html"}
LUNR = "assets/javascripts/lunr/"
LUNR_ALTIJD = ("lunr/min/lunr.stemmer.support.min.js", "lunr/min/lunr.multi.min.js")


def _sha(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()[:16]


def _zoektalen(config) -> set[str]:
    for naam in ("material/search", "search"):
        plugin = config["plugins"].get(naam)
        if plugin is not None:
            return set(plugin.config.get("lang") or [])
    return set()


def _bewaren(relatief: str, talen: set[str], ongebruikt: frozenset[str] = frozenset()) -> bool:
    if relatief in NIET_BEWAREN or relatief in ongebruikt or relatief.endswith(NIET_BEWAREN_ACHTER):
        return False
    if relatief.startswith(LUNR):
        naam = relatief.removeprefix("assets/javascripts/")
        return naam in LUNR_ALTIJD or any(naam == f"lunr/min/lunr.{taal}.min.js" for taal in talen)
    return True


def sleutel(relatief: str) -> str:
    """The address a browser asks for: a page's folder, not its index.html."""
    if relatief == "index.html":
        return "./"
    return relatief.removesuffix("index.html") if relatief.endswith("/index.html") else relatief


def lijsten(
    site: Path, talen: set[str], ongebruikt: frozenset[str] = frozenset()
) -> tuple[list[list[str | None]], list[list[str | None]]]:
    """The site's files and the runtime's, each [address, sha256 prefix]; ``ongebruikt``: files the browser never
    asks for, left out of the offline copy."""
    site_lijst, rekenkern = [], []
    for pad in sorted(p for p in site.rglob("*") if p.is_file()):
        relatief = pad.relative_to(site).as_posix()
        if not _bewaren(relatief, talen, ongebruikt):
            continue
        regel = [sleutel(relatief), None if relatief in ONGECONTROLEERD else _sha(pad)]
        (rekenkern if relatief.startswith(RUNTIME_MAPPEN) else site_lijst).append(regel)
    return site_lijst, rekenkern


def manifest(config) -> dict:
    return {
        "name": config["site_name"],
        "short_name": config["site_name"],
        "description": " ".join(str(config.get("site_description") or "").split()),
        "lang": "nl",
        "dir": "ltr",
        # Relative to this file: the site's own folder, also under a sub-path.
        "start_url": "./",
        "scope": "./",
        "id": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#{:02x}{:02x}{:02x}".format(*KLEUR),
        "icons": [
            {"src": f"{PICTOGRAMMEN}/{naam}", "sizes": f"{grootte}x{grootte}", "type": "image/png", "purpose": doel}
            for naam, grootte, _, doel in ICONEN
            if doel
        ]
        + [{"src": "assets/favicon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any"}],
    }


def schrijf_pictogrammen(site: Path) -> None:
    doel = site / PICTOGRAMMEN
    doel.mkdir(parents=True, exist_ok=True)
    for naam, grootte, deel, _ in ICONEN:
        (doel / naam).write_bytes(pictogram(ROOT / "docs" / "assets" / "favicon.svg", grootte, deel))


def ongebruikte_runtime(config) -> frozenset[str]:
    """Pyodide's own python_stdlib.zip once the build made the compiled standard library a boot takes instead
    (hooks/browser_runtime.py): kept on the server, but not downloaded into every offline copy (2.5 MB)."""
    rekenkern = config["extra"].get("rekenkern") or {}
    if not rekenkern.get("opstart_stdlib"):
        return frozenset()
    return frozenset({f"{rekenkern['pyodide_url']}python_stdlib.zip"})


def schrijf_service_worker(site: Path, talen: set[str], ongebruikt: frozenset[str] = frozenset()) -> str:
    site_lijst, rekenkern = lijsten(site, talen, ongebruikt)
    bouw = hashlib.sha256(json.dumps([site_lijst, rekenkern]).encode()).hexdigest()[:16]
    pad = site / SW_BRON
    tekst = pad.read_text(encoding="utf-8")
    for plek, waarde in (
        ('"__AW_BOUW__"', json.dumps(bouw)),
        ("/* __AW_SITE__ */ []", json.dumps(site_lijst)),
        ("/* __AW_REKENKERN__ */ []", json.dumps(rekenkern)),
    ):
        if plek not in tekst:
            raise RuntimeError(f"{SW_BRON}: {plek} ontbreekt; de service worker kan niet worden gevuld")
        tekst = tekst.replace(plek, waarde, 1)
    pad.write_text(tekst, encoding="utf-8")
    log.info(
        "Service worker: %d bestanden voor de site, %d voor de rekenkern (bouw %s)",
        len(site_lijst),
        len(rekenkern),
        bouw,
    )
    return bouw


@event_priority(-200)  # after every hook that writes pages (externalize_inline_scripts is -100)
def on_post_build(config):
    site = Path(config["site_dir"])
    schrijf_pictogrammen(site)
    (site / MANIFEST).write_text(json.dumps(manifest(config), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    schrijf_service_worker(site, _zoektalen(config), ongebruikte_runtime(config))
