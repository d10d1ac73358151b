"""Afsprakenwijzer-rekenhulp: wie is verantwoordelijk voor het zicht op veiligheid, en tot wanneer?

Pure Python (standaardbibliotheek + python-dateutil), zodat dezelfde code in CPython en
in de browser (Pyodide) draait. De termijnen staan alleen in de regeldata
(calculators/rules/*.toml); deze code past ze toe.

    >>> from calculators import tijdlijn
    >>> t = tijdlijn("midden-brabant", "direct", "2024-09-02")
    >>> t.to_dict()["momenten"][0]["code"]
    'melding'
"""

from . import regels
from .begrippen import DIENST_ROUTES, MOMENTEN, PARTIJEN, REGIO_NAMEN, REGIOS, ROUTE_NAMEN, ROUTES
from .fouten import AfsprakenFout, RegelbestandFout
from .kalender import (
    EERSTE_JAAR,
    KALENDERS,
    LAATSTE_JAAR,
    NietWerkdag,
    is_werkdag,
    niet_werkdagen,
    plus_werkdagen,
    werkdagen_tussen,
)
from .model import Bron, Moment, Tijdlijn, Verantwoordelijkheid
from .tijdlijn import tijdlijn

__all__ = [
    "AfsprakenFout",
    "Bron",
    "DIENST_ROUTES",
    "EERSTE_JAAR",
    "KALENDERS",
    "LAATSTE_JAAR",
    "MOMENTEN",
    "Moment",
    "NietWerkdag",
    "PARTIJEN",
    "REGIOS",
    "REGIO_NAMEN",
    "ROUTES",
    "ROUTE_NAMEN",
    "RegelbestandFout",
    "Tijdlijn",
    "Verantwoordelijkheid",
    "is_werkdag",
    "niet_werkdagen",
    "plus_werkdagen",
    "regels",
    "tijdlijn",
    "werkdagen_tussen",
]
