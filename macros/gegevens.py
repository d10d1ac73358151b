"""The rule data as the pages need it: read from the engine, never restated, never selected here.

Everything comes from ``calculators``: the regions and their files (``recht.regios``), which rules apply
to a moment on a date with which options (``recht.op_datum``, the same answer the timeline uses), and the
AEF criteria a–g (``recht.aef``). This module holds no deadline, no count and no date of its own, and
filters no rule by date, region or route: it only groups what the engine answers for the pages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from calculators.basis import bestanden
from calculators.basis.begrippen import DIENST_ROUTES, LANDELIJK, MOMENTEN, ROUTES
from calculators.recht.aef import CRITERIUM_FEIT, OORDELEN, controleer_dekking, lees_aef
from calculators.recht.op_datum import feiten_op, gevallen, regel_op
from calculators.recht.regios import alle_regios, document, partij_namen, regio_codes
from calculators.uitvoer.overzicht import feit_als_data, referentiedatum, regel_als_data
from calculators.woorden.teksten import versie_data


@dataclass(frozen=True)
class Toepassing:
    """One rule as it applies to a moment in a route: the rule (as plain data), whether it is the national
    framework filling in, and whether it applies without any option (the usual case)."""

    regel: dict
    terugval: bool
    standaard: bool

    @property
    def sleutel(self) -> tuple:
        return (self.regel["regio"], self.regel["code"], self.regel["geldig_vanaf"], self.terugval)


@dataclass
class Regio:
    code: str
    naam: str
    bestand: str
    partijen: dict
    versies: list[dict]
    regels: list[dict]
    feiten: list[dict]
    peildatum: dt.date  # the date the pages describe (the region's reference date)
    feiten_nu: list[dict] = field(default_factory=list)  # the facts that apply on ``peildatum``

    @property
    def huidige_versie(self) -> dict:
        return self.versies[-1]

    def feiten_op_peildatum(self) -> list[dict]:
        return self.feiten_nu

    def feit(self, code: str) -> dict | None:
        return next((f for f in self.feiten_nu if f["code"] == code), None)


class Gegevens:
    """All rule data for one site build."""

    def __init__(self) -> None:
        # A fresh read per build (`mkdocs serve` rebuilds after a rule file changed): choosing the same rules
        # folder again empties the engine's caches.
        bestanden.gebruik_regelmap(bestanden.gekozen_regelmap())
        regios = alle_regios()
        landelijk = regios[LANDELIJK]
        self.regios: dict[str, Regio] = {}
        for code, r in regios.items():
            peil = referentiedatum(r, landelijk)
            partijen = partij_namen(code)
            self.regios[code] = Regio(
                code=code,
                naam=r.naam,
                bestand=r.bestand,
                partijen=partijen,
                versies=[versie_data(v) for v in r.versies],
                regels=[regel_als_data(x, partijen) for x in r.regels],
                feiten=[feit_als_data(f) for f in r.feiten],
                peildatum=peil,
                feiten_nu=[feit_als_data(f) for f in feiten_op(code, peil)],
            )
        self.aef = lees_aef()
        controleer_dekking(self.aef, regios)

    # --- which rules apply (the engine's answer, per option) -----------------------------------

    def geldend(self, regio: str, moment: str, route: str) -> list[Toepassing]:
        """The rules for ``moment`` in ``route`` on the region's reference date: those of the plain case first,
        then those that one of the engine's options brings in."""
        return self.geldend_op(regio, moment, route, self.regios[regio].peildatum)

    def geldend_op(self, regio: str, moment: str, route: str, datum: dt.date) -> list[Toepassing]:
        """As ``geldend``, on ``datum`` (an earlier version of the agreements)."""
        r = self.regios[regio]
        uit: dict[tuple, Toepassing] = {}
        for geval in gevallen(regio, route, datum, moment):
            for t in geval.regels:
                toepassing = Toepassing(regel_als_data(t.regel, r.partijen), t.landelijk, geval.standaard)
                uit.setdefault(toepassing.sleutel, toepassing)
        return list(uit.values())

    def standaardregels(self, regio: str, moment: str, route: str) -> list[Toepassing]:
        return [t for t in self.geldend(regio, moment, route) if t.standaard]

    def hoofdregel(self, regio: str, moment: str, route: str) -> Toepassing | None:
        """The rule that applies without options (the first if several apply together)."""
        regels = [t for t in self.standaardregels(regio, moment, route) if t.regel["soort"] != "vervalt"]
        return regels[0] if regels else None

    def vervalt(self, regio: str, moment: str, route: str) -> Toepassing | None:
        return next((t for t in self.standaardregels(regio, moment, route) if t.regel["soort"] == "vervalt"), None)

    def definitie(self, regio: str, moment: str, route: str) -> Toepassing | None:
        """The rule that dates a computed moment (for following a chain of terms)."""
        return self.hoofdregel(regio, moment, route)

    def regel(self, regio: str, code: str) -> dict | None:
        """The region's own rule ``code`` as it applies on its reference date."""
        r = self.regios[regio]
        gevonden = regel_op(regio, code, r.peildatum)
        return regel_als_data(gevonden, r.partijen) if gevonden else None

    # --- the national fallbacks a region relies on -----------------------------------------

    def terugvallen(self, regio: str) -> list[tuple[Toepassing, tuple[str, ...]]]:
        """National rules that apply because the region's text is silent, with their routes."""
        if regio == LANDELIJK:
            return []
        gevonden: dict[tuple, tuple[Toepassing, list[str]]] = {}
        for moment, soort in MOMENTEN.items():
            if soort.soort != "berekend":
                continue
            for route in ROUTES:
                for t in self.geldend(regio, moment, route):
                    if t.terugval:
                        gevonden.setdefault(t.sleutel, (t, []))[1].append(route)
        return [(t, tuple(dict.fromkeys(routes))) for t, routes in gevonden.values()]

    # --- criteria a–g -----------------------------------------------------------------------

    def dekking(self, regio: str) -> dict[str, dict | None]:
        """letter -> the region's [[feit]] 'criterium-<letter>' on its reference date."""
        r = self.regios[regio]
        return {c["letter"]: r.feit(CRITERIUM_FEIT + c["letter"]) for c in self.aef["criteria"]}

    @property
    def regios_met_afspraken(self) -> list[str]:
        return [c for c in regio_codes() if c != LANDELIJK]


def document_pagina(code: str) -> str:
    """'midden-brabant' -> 'midden-brabant/samenwerkingsafspraken.md' (the page's Markdown file)."""
    return document(code).pagina.rstrip("/") + ".md"


__all__ = ["DIENST_ROUTES", "Gegevens", "OORDELEN", "Toepassing", "document_pagina"]
