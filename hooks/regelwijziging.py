"""MkDocs hook: ship what the page 'Regelwijziging voorbereiden' needs to check a changed rule file in the browser.

The page runs the real engine (the calculator's worker) on a changed rule file, with the same checks as
``python -m calculators controleer``: the file itself, and every quote against the published text. The browser has
neither the rule files as text nor the Markdown of the published texts, so the build writes them next to the site,
self-hosted, in one JSON file (``assets/regelwijziging/bronnen-<hash>.json``):

- ``regels``: per region the text of its rule file, as the build used it (the file a change starts from);
- ``documenten``: per region the published texts its sources cite;
- ``teksten``: per published text what the quote check compares with (``calculators.recht.controle.brontekst``:
  the text without markup, and its anchors) and the name a message gives it.

The hash in the name changes with the content, so a server may cache the file for ever. The page learns the address
through ``config.extra.regelwijziging``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from calculators.basis.bestanden import lees_bestand
from calculators.recht.aef import AEF_DOCUMENT
from calculators.recht.controle import bronnen_van, brontekst
from calculators.recht.regios import document, regio, regio_codes

MAP = "assets/regelwijziging"
_state: dict = {}


def bronnen(docs: Path) -> dict:
    """The rule files, which texts each region cites, and the published texts as the quote check reads them."""
    codes = regio_codes()
    teksten = {}
    for code in (*codes, AEF_DOCUMENT):
        pad = docs / (document(code).pagina.rstrip("/") + ".md")
        tekst, ankers = brontekst(pad.read_text(encoding="utf-8"))
        teksten[code] = {"tekst": tekst, "ankers": sorted(ankers), "naam": document(code).naam}
    return {
        "regels": {code: lees_bestand(f"{code}.toml") for code in codes},
        "documenten": {code: sorted({b.document for _, b in bronnen_van(regio(code))}) for code in codes},
        "teksten": teksten,
    }


def on_config(config):
    inhoud = json.dumps(bronnen(Path(config["docs_dir"])), ensure_ascii=False, sort_keys=True).encode()
    naam = f"{MAP}/bronnen-{hashlib.sha256(inhoud).hexdigest()[:12]}.json"
    _state.update(inhoud=inhoud, naam=naam)
    config.extra["regelwijziging"] = {"bronnen_url": naam}
    return config


def on_post_build(config):
    doel = Path(config["site_dir"]) / _state["naam"]
    doel.parent.mkdir(parents=True, exist_ok=True)
    doel.write_bytes(_state["inhoud"])
