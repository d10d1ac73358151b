"""The glossary as data, for the hooks that link its terms (begrippenlijst.py) and search with
them (zoekindex.py).

Read from three files in docs/, nothing restated here:

- begrippenlijst.md: every entry (``Term { #anker }`` followed by ``:   definition``);
- includes/afkortingen.md: the abbreviations (the abbr extension marks them on every page);
- includes/begrippen.toml: the other forms of a term in the texts, the words search reads as
  the same term, and the few terms that get no link in running text (with the reason).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

BEGRIPPENLIJST = "begrippenlijst.md"
AFKORTINGEN = "includes/afkortingen.md"
VORMEN = "includes/begrippen.toml"

# One or more terms (``Term { #anker }``, a line each) followed by their definition (``:   …``).
_INGANG = re.compile(r"^(?P<namen>(?:[^\s:#*!<][^{\n]*? \{ #[\w-]+ \}\n)+):   (?P<uitleg>.+)$", re.MULTILINE)
_TERM = re.compile(r"^(?P<naam>.+?) \{ #(?P<anker>[\w-]+) \}$", re.MULTILINE)
_AFKORTING = re.compile(r"^\*\[(?P<afkorting>[^\]]+)\]: (?P<betekenis>.+)$", re.MULTILINE)
_TUSSEN_HAAKJES = re.compile(r" \([^)]*\)$")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_ZIN = re.compile(r"^(.+?[a-zé\)”’])\.(?:\s|$)")
MAX_UITLEG = 160


@dataclass
class Begrip:
    anker: str
    naam: str
    vormen: list[str]  # how the term stands in the texts (its name and variants first)
    afkortingen: list[str]  # variants that are abbreviations: linked on the abbr element
    zoeken: list[str] = field(default_factory=list)
    koppelen: bool = True
    uitleg: str = ""  # the first sentence of the entry, for a tooltip and a search hint


class WoordenlijstFout(ValueError):
    pass


def _varianten(naam: str) -> list[str]:
    """'Monitoring, monitoren' -> both; 'Backoffice (BO)' -> 'Backoffice'; 'Lokaal (wijk)team' stays."""
    return [_TUSSEN_HAAKJES.sub("", deel.strip()) for deel in naam.split(", ")]


def eerste_zin(uitleg: str) -> str:
    """The entry's first sentence as plain text, shortened at a word; '' when it needs the page
    (a macro, or only a reference to another entry)."""
    if "{{" in uitleg.split(". ")[0] or uitleg.startswith("Zie "):
        return ""
    tekst = _MD_LINK.sub(r"\1", uitleg)
    zin = _ZIN.match(tekst)
    tekst = (zin.group(1) + ".") if zin else tekst
    if "{{" in tekst:
        return ""
    if len(tekst) > MAX_UITLEG:
        tekst = tekst[:MAX_UITLEG].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    return tekst


def afkortingen(docs: Path) -> dict[str, str]:
    return {
        m["afkorting"]: m["betekenis"].strip() for m in _AFKORTING.finditer((docs / AFKORTINGEN).read_text("utf-8"))
    }


def lees(docs: Path) -> tuple[list[Begrip], list[list[str]]]:
    """The glossary's entries in its order, and the search-only word groups."""
    tekst = (docs / BEGRIPPENLIJST).read_text(encoding="utf-8")
    extra = tomllib.loads((docs / VORMEN).read_text(encoding="utf-8"))
    afk = afkortingen(docs)
    begrippen: list[Begrip] = []
    for ingang in _INGANG.finditer(tekst):
        for m in _TERM.finditer(ingang["namen"]):
            varianten = _varianten(m["naam"].strip())
            begrippen.append(
                Begrip(
                    anker=m["anker"],
                    naam=m["naam"].strip(),
                    vormen=[v for v in varianten if v not in afk],
                    afkortingen=[v for v in varianten if v in afk],
                    uitleg=eerste_zin(ingang["uitleg"].strip()),
                )
            )
    per_anker = {b.anker: b for b in begrippen}
    for anker, velden in extra.get("begrip", {}).items():
        if anker not in per_anker:
            raise WoordenlijstFout(f"{VORMEN}: [begrip.{anker}] staat niet in {BEGRIPPENLIJST}")
        onbekend = set(velden) - {"vormen", "zoeken", "koppelen"}
        if onbekend:
            raise WoordenlijstFout(f"{VORMEN}: [begrip.{anker}]: onbekend veld {', '.join(sorted(onbekend))}")
        b = per_anker[anker]
        b.vormen += [v for v in velden.get("vormen", []) if v not in b.vormen]
        b.zoeken = list(velden.get("zoeken", []))
        b.koppelen = bool(velden.get("koppelen", True))
    groepen = [list(g["woorden"]) for g in extra.get("woordgroep", [])]
    return begrippen, groepen
