"""How the engine words things for readers: terms, moment names, source labels, periods.

Pure formatting of values that come from the rule data; no term or date is decided here.
"""

from __future__ import annotations

import re

from .begrippen import DOCUMENT_NAMEN, EENHEID_ENKELVOUD, MOMENTEN, datum_kort, paragraaf_label


def hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def met_team(tekst: str, partijen: dict[str, str] | None = None) -> str:
    """Fill in '{team}' / '{Team}' with the region's own name for the lokaal team."""
    team = (partijen or {}).get("lokaal-team") or "het lokale team"
    return tekst.replace("{team}", team).replace("{Team}", hoofdletter(team))


def moment_naam(code: str, partijen: dict[str, str] | None = None) -> str:
    """The name of a moment in a region's own words (e.g. 'Overdracht aan het lokale veld')."""
    return met_team(MOMENTEN[code].naam, partijen)


def eenheid(aantal: int, naam: str) -> str:
    return EENHEID_ENKELVOUD[naam] if aantal == 1 else naam


def termijn_tekst(regel, partijen: dict[str, str] | None = None) -> str:
    """E.g. '5 werkdagen na de melding' or 'de dag na afloop van 2 werkdagen na de overdracht'."""
    vanaf = MOMENTEN[regel.vanaf]
    na = met_team(vanaf.vanaf_tekst or vanaf.naam[0].lower() + vanaf.naam[1:], partijen)
    if regel.aantal == 0:
        return f"de dag na {na}" if regel.datum == "dag-na-termijn" else f"op de dag van {na}"
    tekst = f"{regel.aantal} {eenheid(regel.aantal, regel.eenheid)} na {na}"
    return f"de dag na afloop van {tekst}" if regel.datum == "dag-na-termijn" else tekst


def bron_kort(bron) -> str:
    """'Samenwerkingsafspraken … Zuid-Limburg en gemeenten, § 5.2.6'."""
    return f"{DOCUMENT_NAMEN[bron.document]}, {paragraaf_label(bron.paragraaf)}"


def periode_tekst(item) -> str:
    """'vanaf 1 juli 2024' or 'van 1 januari 2017 tot 1 april 2022' (tot: first day it no longer applies)."""
    if item.geldig_tot is None:
        return f"vanaf {datum_kort(item.geldig_vanaf)}"
    return f"van {datum_kort(item.geldig_vanaf)} tot {datum_kort(item.geldig_tot)}"
