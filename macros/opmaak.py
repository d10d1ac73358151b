"""Small formatting helpers shared by the generated blocks: links, dates, terms, labels.

Links to a paragraph are Markdown links to the .md file plus anchor, relative to the page
being built, so MkDocs' strict build checks that every anchor exists.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re

from calculators.basis.begrippen import EENHEID_ENKELVOUD
from calculators.basis.opmaak import datum_kort
from calculators.basis.opmaak import paragraaf_label as _paragraaf_label
from calculators.recht.regios import document
from calculators.woorden.teksten import opties_tekst

from .gegevens import document_pagina


def datum_lang(iso: str | dt.date | None) -> str:
    """'1 mei 2025', as the engine writes a date (an ISO text or a date)."""
    if not iso:
        return ""
    return datum_kort(iso if isinstance(iso, dt.date) else dt.date.fromisoformat(iso))


def geldigheid(item: dict) -> str:
    """'vanaf 1 juli 2024' or 'vanaf 1 januari 2017 tot 1 april 2022' (tot = first day it no longer applies)."""
    tekst = f"vanaf {datum_lang(item['geldig_vanaf'])}"
    if item.get("geldig_tot"):
        tekst += f" tot {datum_lang(item['geldig_tot'])}"
    return tekst


def eenheid(aantal: int, naam: str) -> str:
    return EENHEID_ENKELVOUD[naam] if aantal == 1 else naam


def hoeveelheid(regel: dict) -> str:
    """'7 dagen', '1 week'; '' for a zero term."""
    if not regel.get("aantal"):
        return ""
    return f"{regel['aantal']} {eenheid(regel['aantal'], regel['eenheid'])}"


def termijn_md(regel: dict, partijen: dict | None = None) -> str:
    """The engine's own wording of a term, with the amount in bold. The rule data is already in the words of
    the region the reader is looking at (``Gegevens.geldend`` words a national rule with the region's names),
    so ``partijen`` changes nothing; it stays for callers that name it."""
    tekst = regel["termijn_tekst"]
    deel = hoeveelheid(regel)
    return tekst.replace(deel, f"**{deel}**", 1) if deel else tekst


def voorwaarde(regel: dict, partijen: dict | None = None) -> str:
    """The options a rule depends on, in the region's own words ('door het lokale veld')."""
    return opties_tekst(sorted(regel.get("als", {}).items()), partijen)


def paragraaf_label(bron: dict, kort: bool = False) -> str:
    """'§ 4.1 (Terugkoppelingsformulier)', '§ 2, onder j'; short: '§ 4.1' (for narrow table cells)."""
    return _paragraaf_label(bron["paragraaf"], kort)


def md_cel(tekst: str) -> str:
    """Text that is safe inside one cell of a Markdown pipe table."""
    return re.sub(r"\s*\n\s*", " ", tekst).replace("|", "\\|")


class Links:
    """Links from the page being built to other pages of the site (relative .md paths)."""

    def __init__(self, src_uri: str) -> None:
        self.map = posixpath.dirname(src_uri)
        self.src_uri = src_uri

    def pagina(self, doel_md: str, anker: str | None = None) -> str:
        pad = posixpath.relpath(doel_md, self.map or ".")
        return f"{pad}#{anker}" if anker else pad

    def bron(self, bron: dict, eigen_document: str | None = None, kort: bool = False) -> str:
        """The paragraph of a source as a Markdown link, e.g. '[§ 4.1](samenwerkingsafspraken.md#par-4-1)'.

        The document's name is added when the link leads to another page, unless the reader
        already knows the document (``eigen_document``, e.g. the column of a table)."""
        doel = document_pagina(bron["document"])
        label = paragraaf_label(bron, kort)
        if doel != self.src_uri and bron["document"] != eigen_document:
            label = f"{_document_kort(bron['document'])} {label}"
        titel = md_cel(bron["citaat"]).replace('"', "'")
        return f'[{label}]({self.pagina(doel, bron["url"].split("#", 1)[1])} "{titel}")'


def _document_kort(code: str) -> str:
    return document(code).kort
