"""Real validator messages for the page 'Een regio of nieuwe versie toevoegen'.

Each example takes the shipped rule file, breaks it the way an editor might, and runs the
engine's own check on it; the page shows the message the engine really gives.
"""

from __future__ import annotations

import re

from calculators.basis.bestanden import lees_bestand
from calculators.basis.fouten import RegelbestandFout
from calculators.recht.aef import controleer_dekking, lees_aef
from calculators.recht.regios import alle_regios, laad_regio

from .gegevens import document_pagina
from .opmaak import geldigheid


def _bestand(regio: str) -> str:
    return lees_bestand(f"{regio}.toml")


def _na(tekst: str, na: str, invoegen: str) -> str:
    i = tekst.index(na) + len(na)
    return tekst[:i] + invoegen + tekst[i:]


def _in_blok(tekst: str, code: str, patroon: str, nieuw: str) -> str:
    """Replace the first match of ``patroon`` inside the block with this code (any value it has)."""
    start = tekst.index(f'code = "{code}"')
    eind = tekst.find("\n[[", start)
    eind = len(tekst) if eind < 0 else eind
    blok, n = re.subn(patroon, nieuw, tekst[start:eind], count=1, flags=re.M)
    if not n:
        raise AssertionError(f"voorbeeld past niet meer op blok {code!r}: {patroon!r}")
    return tekst[:start] + blok + tekst[eind:]


def _versie_sluiten(tekst: str, tot: str) -> str:
    """Give the first (current) version an end date."""
    start = tekst.index("[[versie]]")
    return _in_blok(
        tekst, re.search(r'code = "([^"]+)"', tekst[start:])[1], r"^(geldig_vanaf = .*)$", rf"\1\ngeldig_tot = {tot}"
    )


NIEUWE_VERSIE = """
[[versie]]
code = "hernieuwd-2026"
naam = "Voorbeeld: hernieuwde afspraken 2026"
document = "Samenwerkingsafspraken Veilig Thuis Midden-Brabant en lokale (wijk)teams (voorbeeld)"
geldig_vanaf = 2026-01-01
[versie.bron]
document = "midden-brabant"
paragraaf = "1"
citaat = "Vanaf 1 juli 2024 is de opvolger: ‘de nieuwe leidraad’ van kracht."
anker = "par-1"
"""


def _zonder_regel(tekst: str, code: str, begin: str) -> str:
    """Drop the first line starting with ``begin`` inside the [[regel]] block with this code."""
    start = tekst.index(f'code = "{code}"')
    i = tekst.index("\n" + begin, start) + 1
    return tekst[:i] + tekst[tekst.index("\n", i) + 1 :]


def _voorbeelden() -> dict:
    mb = _bestand("midden-brabant")
    return {
        # A second version without closing the first.
        "versie-overlapt": lambda: ("midden-brabant", _na(mb, 'anker = "par-1"\n', NIEUWE_VERSIE)),
        # The first version closed, but a rule without 'versie' in a file with two versions.
        "versie-ontbreekt": lambda: (
            "midden-brabant",
            _na(_versie_sluiten(mb, "2026-01-01"), 'anker = "par-1"\n', NIEUWE_VERSIE),
        ),
        "eenheid": lambda: (
            "midden-brabant",
            _in_blok(mb, "overdracht-oppakken", r'^eenheid = ".*"$', 'eenheid = "dag"'),
        ),
        "bron": lambda: ("midden-brabant", _zonder_regel(mb, "overdracht-oppakken", "citaat = ")),
        "criterium": lambda: ("midden-brabant", _in_blok(mb, "criterium-e", r'^waarde = ".*"$', 'waarde = "half"')),
    }


def controle(voorbeeld: str) -> str:
    """The message the check gives for one broken example, as a text block."""
    regio, tekst = _voorbeelden()[voorbeeld]()
    try:
        regio_regels = laad_regio(tekst, regio)
        if voorbeeld == "criterium":
            controleer_dekking(lees_aef(), {**alle_regios(), regio: regio_regels})
    except RegelbestandFout as e:
        return f"```text\nfout: {e}\n```"
    raise AssertionError(f"voorbeeld {voorbeeld!r} geeft geen foutmelding")


def regelbestanden(gegevens, links) -> str:
    """Every region's rule file, with its text and the versions it holds: the place where policy
    staff find the file (the agreement pages themselves do not show file paths)."""
    rijen = ["| Regio | Regelbestand | Tekst op de site | Versies |", "|---|---|---|---|"]
    for code, r in gegevens.regios.items():
        tekst = f"[{r.naam}]({links.pagina(document_pagina(code))})"
        versies = "<br>".join(f"{v['naam']}: {geldigheid(v)}" for v in r.versies)
        rijen.append(f"| {r.naam} | `calculators/rules/{r.bestand}` | {tekst} | {versies} |")
    return "\n".join(rijen)
