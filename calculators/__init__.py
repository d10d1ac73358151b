"""Afsprakenwijzer-rekenhulp: wie is verantwoordelijk voor het zicht op veiligheid, en tot wanneer?

Pure Python (standaardbibliotheek + python-dateutil), zodat dezelfde code in CPython en
in de browser (Pyodide) draait. De termijnen staan alleen in de regeldata
(calculators/rules/*.toml); deze code past ze toe.

    >>> from calculators import tijdlijn
    >>> t = tijdlijn("midden-brabant", "direct", "2024-09-02")
    >>> t.to_dict()["momenten"][0]["code"]
    'melding'

De modules vormen lagen (``LAGEN``, van onder naar boven); een module gebruikt alleen modules
uit lagere lagen, dus zonder kringen, en is van boven naar beneden te lezen:

1. woorden:   begrippen (codes en namen), fouten
2. basis:     invoer (wat een gebruiker typt), teksten (hoe de rekenkern iets zegt),
              model (waardeobjecten van de uitkomst), bestanden (waar de regelbestanden staan)
3. kalender:  kalender (werkdagen; leest zelf rules/atw-lid3.toml)
4. regeldata: regelbestand (één bestand lezen en controleren), peildatum (het antwoord voor één dag)
5. regels:    regels (alle regio's laden en opzoeken)
6. rekenen:   tijdlijn
7. afgeleid:  overzicht (voor de site), agenda (.ics), weergave (tekst voor de CLI),
              controle (citaten en ankers tegen de site), oefenen (oefencasussen),
              figuur (waar alles ligt op de tijdschaal van de figuur bij een uitkomst)
8. ingangen:  verzoek (JSON voor de browser), cli (opdrachtregel)
"""

from . import regels
from .begrippen import DIENST_ROUTES, MOMENTEN, NIEMAND, PARTIJEN, REGIO_NAMEN, REGIOS, ROUTE_NAMEN, ROUTES
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

LAGEN: tuple[tuple[str, ...], ...] = (
    ("begrippen", "fouten"),
    ("invoer", "teksten", "model", "bestanden"),
    ("kalender",),
    ("regelbestand", "peildatum"),
    ("regels",),
    ("tijdlijn",),
    ("overzicht", "agenda", "weergave", "controle", "oefenen", "figuur"),
    ("verzoek", "cli"),
    ("__init__", "__main__"),
)

__all__ = [
    "LAGEN",
    "AfsprakenFout",
    "Bron",
    "DIENST_ROUTES",
    "EERSTE_JAAR",
    "KALENDERS",
    "LAATSTE_JAAR",
    "MOMENTEN",
    "Moment",
    "NIEMAND",
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
