"""Afsprakenwijzer-rekenhulp: wie is verantwoordelijk voor het zicht op veiligheid, en tot wanneer?

Pure Python (standaardbibliotheek + python-dateutil), zodat dezelfde code in CPython en in de browser
(Pyodide) draait. De termijnen staan alleen in de regeldata (calculators/rules/*.toml); deze code past
ze toe.

    >>> from calculators import tijdlijn
    >>> t = tijdlijn("midden-brabant", "direct", "2024-09-02")
    >>> t.to_dict()["momenten"][0]["code"]
    'melding'

The package is split into layers (``LAGEN``, bottom to top); a module imports only modules of lower
layers, so there are no cycles and the code reads from the bottom up. ``docs/beheer/architectuur.md``
says where each sentence of a result is made and how to trace a date back to its rule.

1. basis:    begrippen (codes and names), fouten, invoer (what a user typed), opmaak (dates and
             paragraphs in Dutch), bestanden (the rules folder, TOML, the one validator ``Lezer``)
2. kalender: werkdagen (working days; reads rules/atw-lid3.toml)
3. recht:    regelbestand (one region file), aef (the AEF criteria file), regios (all regions, found in
             the rules folder), op_datum (THE law at a date), controle (quotes and anchors against docs/),
             wijziging (a changed rule file held in memory, and its checks)
4. woorden:  teksten (names, terms, sources), notities (notes as records, and their wording), wijzigingen (a
             change of the rules in words)
5. rekenen:  model (value objects of a result), voorwaarde (which assumed dates an answer rests on),
             peildatum (the answer for one day), tijdlijn
6. uitvoer:  overzicht (every rule as data), herinneringen (reminders of a deadline), agenda (.ics), figuur,
             valkuilen (typical mistakes in practice), oefenen, weergave (text), wijzigingen (what changed, with
             examples), voorbereiden (a rule change tried before it is made), nieuwe_regio (the files of a new
             region), verzoek (JSON)
7. cli      (also: nieuwe-regio)
"""

from .basis.begrippen import DIENST_ROUTES, LANDELIJK, MOMENTEN, NIEMAND, ONBEPAALD, PARTIJEN, ROUTE_NAMEN, ROUTES
from .basis.fouten import AfsprakenFout, RegelbestandFout
from .kalender.werkdagen import (
    EERSTE_JAAR,
    KALENDERS,
    LAATSTE_JAAR,
    NietWerkdag,
    is_werkdag,
    niet_werkdagen,
    plus_werkdagen,
    werkdagen_tussen,
)
from .recht.op_datum import RechtOpDatum, recht_op
from .recht.regios import partij_namen, regio_codes, regio_naam
from .rekenen.model import Moment, Tijdlijn, Verantwoordelijkheid
from .rekenen.tijdlijn import tijdlijn

# Modules by layer, bottom to top; within a layer in order too: a module imports only modules listed before it.
LAGEN: tuple[tuple[str, ...], ...] = (
    ("basis.fouten", "basis.begrippen", "basis.opmaak", "basis.invoer", "basis.bestanden"),
    ("kalender.werkdagen",),
    ("recht.regelbestand", "recht.aef", "recht.regios", "recht.op_datum", "recht.controle", "recht.wijziging"),
    ("woorden.teksten", "woorden.notities", "woorden.wijzigingen"),
    ("rekenen.model", "rekenen.voorwaarde", "rekenen.peildatum", "rekenen.tijdlijn"),
    (
        "uitvoer.overzicht",
        "uitvoer.herinneringen",
        "uitvoer.agenda",
        "uitvoer.figuur",
        "uitvoer.valkuilen",
        "uitvoer.oefenen",
        "uitvoer.weergave",
        "uitvoer.wijzigingen",
        "uitvoer.voorbereiden",
        "uitvoer.nieuwe_regio",
        "uitvoer.verzoek",
    ),
    ("cli",),
    ("__init__", "__main__"),
)

__all__ = [
    "DIENST_ROUTES",
    "EERSTE_JAAR",
    "KALENDERS",
    "LAATSTE_JAAR",
    "LAGEN",
    "LANDELIJK",
    "MOMENTEN",
    "NIEMAND",
    "ONBEPAALD",
    "PARTIJEN",
    "ROUTES",
    "ROUTE_NAMEN",
    "AfsprakenFout",
    "Moment",
    "NietWerkdag",
    "RechtOpDatum",
    "RegelbestandFout",
    "Tijdlijn",
    "Verantwoordelijkheid",
    "is_werkdag",
    "niet_werkdagen",
    "partij_namen",
    "plus_werkdagen",
    "recht_op",
    "regio_codes",
    "regio_naam",
    "tijdlijn",
    "werkdagen_tussen",
]
