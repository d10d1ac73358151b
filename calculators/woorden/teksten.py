"""How the engine words things for readers: parties, moments, terms, sources, periods and versions.

Pure formatting of values that come from the rule data; no term or date is decided here. Notes and
warnings are worded in ``woorden.notities``.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..basis.begrippen import (
    DIENST_ROUTES,
    EENHEID_ENKELVOUD,
    INVOER_MOMENTEN,
    MOMENTEN,
    NIEMAND,
    ONBEPAALD,
    ROUTE_KORT,
    ROUTES,
    Json,
)
from ..basis.invoer import veld_naam
from ..basis.opmaak import datum_kort, hoofdletter, kleine_letter, paragraaf_label
from ..recht.regelbestand import AfsprakenVersie, Bron, MetGeldigheid, Regel
from ..recht.regios import document

# The one wording of "the text names nobody" and of "it depends on a fact of the case".
NIEMAND_NAAM = "Nog niet bij Veilig Thuis — de afspraken wijzen hier niemand aan"
NIEMAND_KORT = "niemand aangewezen"
ONBEPAALD_NAAM = "Hangt af van de casus — zie de toelichting"
ONBEPAALD_KORT = "hangt af van de casus"

# An option as the condition of a rule ('{team}': the region's own name for the lokaal team).
OPTIE_VOORWAARDE: dict[tuple[str, object], str] = {
    ("spoed", True): "bij spoed",
    ("spoed", False): "zonder spoed",
    ("heraanmelding", True): "bij een nieuwe aanmelding door {team} (stagnatie tijdens de monitoring)",
    ("heraanmelding", False): "zonder nieuwe aanmelding",
    ("jeugdbeschermingstafel", True): "na inbreng bij de Jeugdbeschermingstafel",
    ("jeugdbeschermingstafel", False): "zonder inbreng bij de Jeugdbeschermingstafel",
    ("vbs", "crisis"): "VBS bij crisis of urgentie",
    ("vbs", "regulier"): "VBS, regulier verzoek",
}


def routes_tekst(routes: Iterable[str]) -> str:
    """'alle routes', 'na een dienst', 'directe overdracht', or the routes named (their short names)."""
    routes = tuple(routes)
    if set(routes) == set(ROUTES):
        return "alle routes"
    if set(routes) == set(DIENST_ROUTES):
        return "na een dienst"
    if routes == ("direct",):
        return "directe overdracht"
    return ", ".join(kleine_letter(ROUTE_KORT[r]) for r in routes)


def opties_tekst(opties: Iterable[tuple[str, object]], partijen: dict[str, str] | None = None) -> str:
    """The options of a case (or the condition of a rule) in words, in the region's own names: 'bij spoed'."""
    return met_team(", ".join(OPTIE_VOORWAARDE[(k, v)] for k, v in opties), partijen)


def met_team(tekst: str, partijen: dict[str, str] | None = None) -> str:
    """Fill in '{team}' / '{Team}' with the region's own name for the lokaal team."""
    team = (partijen or {}).get("lokaal-team") or "het lokale team"
    return tekst.replace("{team}", team).replace("{Team}", hoofdletter(team))


def partij_naam(partij: str | None, partijen: dict[str, str]) -> str:
    """A party as the region names it; nobody and 'depends' in their one wording."""
    if partij in (None, NIEMAND):
        return NIEMAND_NAAM
    if partij == ONBEPAALD:
        return ONBEPAALD_NAAM
    return partijen.get(partij, partij)


def moment_naam(code: str, partijen: dict[str, str] | None = None) -> str:
    """The name of a moment in a region's own words (e.g. 'Overdracht aan het lokale veld')."""
    return met_team(MOMENTEN[code].naam, partijen)


def invoer_naam(code: str, partijen: dict[str, str] | None = None) -> str:
    """An input moment as the thing that happened: 'de overdracht', 'de terugkoppeling'."""
    return met_team(MOMENTEN[code].vanaf_tekst or kleine_letter(moment_naam(code, partijen)), partijen)


def eenheid(aantal: int, naam: str) -> str:
    return EENHEID_ENKELVOUD[naam] if aantal == 1 else naam


def termijn_tekst(regel: Regel, partijen: dict[str, str] | None = None) -> str:
    """E.g. '5 werkdagen na de melding' or 'de dag na afloop van 2 werkdagen na de overdracht'."""
    assert regel.vanaf is not None, "termijn_tekst: alleen voor een termijn of een aanname"
    vanaf = MOMENTEN[regel.vanaf]
    na = met_team(vanaf.vanaf_tekst or kleine_letter(vanaf.naam), partijen)
    if regel.soort == "aanname":
        return f"aangenomen: op de dag van {na}, de tekst noemt geen termijn"
    if regel.aantal == 0:
        return f"de dag na {na}" if regel.datum == "dag-na-termijn" else f"op de dag van {na}"
    assert regel.aantal is not None and regel.eenheid is not None  # a term (checked when the file was read)
    tekst = f"{regel.aantal} {eenheid(regel.aantal, regel.eenheid)} na {na}"
    return f"de dag na afloop van {tekst}" if regel.datum == "dag-na-termijn" else tekst


def moment_omschrijving(code: str, regel: Regel, partijen: dict[str, str]) -> str:
    """A computed moment with the term it comes from: 'Uiterste datum … (5 werkdagen na de melding)'."""
    return f"{regel.omschrijving or moment_naam(code, partijen)} ({termijn_tekst(regel, partijen)})"


def document_naam(code: str) -> str:
    return document(code).naam


def bron_kort(bron: Bron) -> str:
    """'Samenwerkingsafspraken … Zuid-Limburg en gemeenten, § 5.2.6'."""
    return f"{document(bron.document).naam}, {paragraaf_label(bron.paragraaf)}"


def bron_label(bron: Bron) -> str:
    """'Zuid-Limburg § 5.2.6' (short, next to a date)."""
    return f"{document(bron.document).kort} {paragraaf_label(bron.paragraaf)}"


def bron_url(bron: Bron) -> str:
    """Site-relative URL (MkDocs directory URLs), e.g. 'zuid-limburg/samenwerkingsafspraken/#par-5-2-6'."""
    return f"{document(bron.document).pagina}#{bron.anker}"


def bron_data(bron: Bron) -> Json:
    """A source as the JSON contract has it."""
    doc = document(bron.document)
    uit = {
        "document": bron.document,
        "document_naam": doc.naam,
        "document_kort": doc.kort,
        "paragraaf": bron.paragraaf,
        "paragraaf_label": paragraaf_label(bron.paragraaf),
        "citaat": bron.citaat,
        "url": bron_url(bron),
    }
    if bron.herkomst:
        uit["herkomst"] = bron.herkomst
    return uit


def versie_data(v: AfsprakenVersie) -> Json:
    return {
        "code": v.code,
        "naam": v.naam,
        "document": v.document,
        "geldig_vanaf": v.geldig_vanaf.isoformat(),
        "geldig_tot": v.geldig_tot.isoformat() if v.geldig_tot else None,
        "toelichting": v.toelichting,
        "regionale_tekst": v.regionale_tekst,
        "bron": bron_data(v.bron),
    }


def periode_tekst(item: MetGeldigheid) -> str:
    """'vanaf 1 juli 2024' or 'van 1 januari 2017 tot 1 april 2022' (tot: first day it no longer applies)."""
    if item.geldig_tot is None:
        return f"vanaf {datum_kort(item.geldig_vanaf)}"
    return f"van {datum_kort(item.geldig_vanaf)} tot {datum_kort(item.geldig_tot)}"


def invoer_veld_naam(code: str) -> str:
    """The form field of an input moment, for messages: 'de overdrachtsdatum'."""
    veld = INVOER_MOMENTEN[code].invoerveld
    assert veld is not None  # every input moment has its field
    return veld_naam(veld)


def voorwaarde_tekst(aannames: list[tuple[str, str, bool]], partijen: dict[str, str] | None = None) -> str:
    """The condition a headline rests on, from (input moment, its date in words, already past on the peildatum), in
    date order: 'Als de overdracht op ma 10 maart 2025 was', 'Als de veiligheidsbeoordeling op … was en de
    overdracht op … is', 'Als de veiligheidsbeoordeling en de overdracht op do 1 mei 2025 waren'."""
    per_datum: dict[tuple[str, bool], list[str]] = {}
    for code, datum, voorbij in aannames:
        per_datum.setdefault((datum, voorbij), []).append(invoer_naam(code, partijen))
    delen = []
    for (datum, voorbij), namen in per_datum.items():
        werkwoord = ("was" if voorbij else "is") if len(namen) == 1 else ("waren" if voorbij else "zijn")
        delen.append(f"{' en '.join(namen)} op {datum} {werkwoord}")
    return "Als " + " en ".join(delen)
