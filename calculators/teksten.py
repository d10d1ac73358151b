"""How the engine words things for readers: terms, moment names, source labels, periods.

Pure formatting of values that come from the rule data; no term or date is decided here.
"""

from __future__ import annotations

import re

from .begrippen import DOCUMENT_NAMEN, EENHEID_ENKELVOUD, MOMENTEN, datum_kort


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


_ONDER = re.compile(r"^(\d+(?:\.\d+)*) (?:\(([a-z0-9])\)|([a-z]))$")


def paragraaf_label(paragraaf: str, kort: bool = False) -> str:
    """A paragraph as a reader writes it: '§ 4.1', '§ 2, onder j', 'Bijlage 1', 'Voorstel 1'.

    ``kort`` drops the title in brackets ('§ 4.1 (Terugkoppelingsformulier)' -> '§ 4.1') and a
    question heading before the letter, for narrow table cells."""
    p = paragraaf.strip()
    if kort:
        p = p.split("? ", 1)[-1]
    onder = _ONDER.match(p)
    if onder:
        return f"§ {onder.group(1)}, onder {onder.group(2) or onder.group(3)}"
    if kort and p[:1].isdigit():
        p = p.split(" (", 1)[0]
    return f"§ {p}" if p[:1].isdigit() else p


def bron_kort(bron) -> str:
    """'Samenwerkingsafspraken … Zuid-Limburg en gemeenten, § 5.2.6'."""
    return f"{DOCUMENT_NAMEN[bron.document]}, {paragraaf_label(bron.paragraaf)}"


def periode_tekst(item) -> str:
    """'vanaf 1 juli 2024' or 'van 1 januari 2017 tot 1 april 2022' (tot: first day it no longer applies)."""
    if item.geldig_tot is None:
        return f"vanaf {datum_kort(item.geldig_vanaf)}"
    return f"van {datum_kort(item.geldig_vanaf)} tot {datum_kort(item.geldig_tot)}"
