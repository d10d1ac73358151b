"""Check the sources of the rule data against the published texts: every quote occurs in its
document's page, and every anchor exists there.

Policy staff run this (``python -m calculators controleer``) after editing a rule file, so a
mistyped quote or anchor is found before the site is built. The pages are the Markdown files
of the site (docs/), where the texts are published faithfully.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from .aef import AEF_DOCUMENT, lees_aef
from .regelbestand import Bron, RegioRegels
from .regios import alle_regios, document

DOCS_VARIABELE = "AFSPRAKENWIJZER_DOCS"
_ANKERS = (re.compile(r"\{[^}]*#([a-z0-9_-]+)[^}]*\}"), re.compile(r'id="([a-z0-9_-]+)"'))
_MARKDOWN = (
    (re.compile(r"\[\^[^\]]+\]"), ""),  # footnote markers
    (re.compile(r"\{[^}]*[#.][^}]*\}"), ""),  # attribute lists { #anker }
    (re.compile(r"<[^>]+>"), " "),  # inline HTML (spans with an id)
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links: keep the text
    (re.compile(r"(\*\*|__|\*|`)"), ""),  # emphasis and code marks
    (re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)]|>|#+)\s+", re.M), " "),  # list, quote and heading marks
    (re.compile(r"\s*\|\s*"), " "),  # table cells
)


def docs_map() -> Path | None:
    """The site's Markdown folder: $AFSPRAKENWIJZER_DOCS, or docs/ beside the package (a checkout)."""
    gekozen = os.environ.get(DOCS_VARIABELE)
    if gekozen:
        return Path(gekozen)
    naast = Path(__file__).resolve().parents[2] / "docs"
    return naast if naast.is_dir() else None


def normaliseer(tekst: str) -> str:
    """Compare without markup, accents, kinds of quote marks and differences in white space."""
    for patroon, vervanging in _MARKDOWN:
        tekst = patroon.sub(vervanging, tekst)
    tekst = unicodedata.normalize("NFKD", tekst)
    tekst = "".join(c for c in tekst if not unicodedata.combining(c))
    tekst = re.sub(r"[‘’“”\"'`]", "'", tekst)
    return " ".join(tekst.split()).lower()


def bronnen_van(regio: RegioRegels) -> Iterator[tuple[str, Bron]]:
    """(where, Bron) for every version, rule (and the reason it gives for a change) and fact of one region."""
    for v in regio.versies:
        yield f"{regio.bestand}: versie {v.code!r}", v.bron
    for r in regio.regels:
        yield f"{regio.bestand}: regel {r.code!r}", r.bron
        if r.reden is not None:
            yield f"{regio.bestand}: regel {r.code!r}: reden", r.reden
    for f in regio.feiten:
        yield f"{regio.bestand}: feit {f.code!r}", f.bron


def alle_bronnen() -> Iterator[tuple[str, Bron]]:
    """(where, Bron) for every version, rule and fact of every region, and every quote and anchor of the AEF
    criteria file."""
    for regio in alle_regios().values():
        yield from bronnen_van(regio)
    aef = lees_aef()
    for c in aef["criteria"]:
        for veld in ("anker", "bevindingen_anker"):
            yield f"aef/criteria.toml: criterium {c['letter']!r} ({veld})", Bron(AEF_DOCUMENT, "", "", c[veld])
    for regio, o in aef["onderzocht"].items():
        yield f"aef/criteria.toml: onderzocht {regio!r}", Bron(AEF_DOCUMENT, "", o["citaat"], o["anker"])
    for i, fase in enumerate(aef["ketenzorg"]["fase"], 1):
        yield (
            f"aef/criteria.toml: ketenzorg.fase nr. {i}",
            Bron(AEF_DOCUMENT, "", fase["citaat"], aef["ketenzorg"]["anker"]),
        )


def pagina(docs: Path, code: str) -> Path:
    return docs / (document(code).pagina.rstrip("/") + ".md")


def controleer_bronnen(docs: Path) -> list[str]:
    """Every problem found, as a Dutch line naming the file, the rule and what is wrong."""
    teksten: dict[str, tuple[str, set[str]]] = {}
    problemen = []
    for waar, bron in alle_bronnen():
        if bron.document not in teksten:
            pad = pagina(docs, bron.document)
            if not pad.is_file():
                problemen.append(f"{waar}: bronpagina {pad} bestaat niet")
                teksten[bron.document] = ("", set())
                continue
            teksten[bron.document] = brontekst(pad.read_text(encoding="utf-8"))
        tekst, ankers = teksten[bron.document]
        if not tekst:
            continue
        problemen += controleer_bron(waar, bron, tekst, ankers, pagina(docs, bron.document).name)
    return problemen


def brontekst(markdown: str) -> tuple[str, set[str]]:
    """What the check needs of a published page: its text as quotes are compared with it, and its anchors."""
    return normaliseer(markdown), {a for patroon in _ANKERS for a in patroon.findall(markdown)}


def controleer_bron(waar: str, bron: Bron, tekst: str, ankers: set[str], naam: str) -> list[str]:
    """The problems of one source against its page (``tekst`` and ``ankers`` from ``brontekst``; ``naam`` names
    the page in the message)."""
    uit = []
    for stuk in bron.citaat.split("…") if bron.citaat else ():
        if stuk.strip() and normaliseer(stuk) not in tekst:
            uit.append(f"{waar}: het citaat {stuk.strip()[:80]!r} staat niet (letterlijk) in {naam}")
    if bron.anker not in ankers:
        uit.append(f"{waar}: het anker #{bron.anker} bestaat niet in {naam}")
    return uit
