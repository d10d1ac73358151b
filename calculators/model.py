"""Onveranderlijke waardeobjecten van de uitkomst, met hun JSON-vorm (``to_dict``).

Grenzen van een verantwoordelijkheidsinterval: ``van`` is de eerste dag waarop de
partij verantwoordelijk is (inclusief); ``tot`` is de eerste dag waarop de volgende
partij verantwoordelijk is (exclusief), of ``None`` als het interval open is.
De rekenhulp rekent in hele dagen: een overgang op een dag telt vanaf het begin
van die dag voor de nieuwe partij.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .begrippen import DOCUMENT_NAMEN, DOCUMENTEN, WEEKDAGEN

CONTRACT = "afsprakenwijzer-tijdlijn/1"

INTERVAL_GRENZEN = {
    "van": "inclusief: de eerste dag waarop de partij verantwoordelijk is",
    "tot": "exclusief: de eerste dag waarop de volgende partij verantwoordelijk is; null = geen einddatum",
    "tot_en_met": "inclusief: de laatste dag waarop de partij verantwoordelijk is (tot min één dag); "
    "null = geen einddatum",
}


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


@dataclass(frozen=True)
class Bron:
    """Vindplaats van een regel: document, paragraaf, kort letterlijk citaat en anker op de site."""

    document: str
    paragraaf: str
    citaat: str
    anker: str
    herkomst: str | None = None  # oorspronkelijke bron als het document een andere tekst citeert

    @property
    def url(self) -> str:
        """Site-relatieve URL (MkDocs-directory-URL's), bijv. 'zuid-limburg/samenwerkingsafspraken/#par-5-2-6'."""
        return f"{DOCUMENTEN[self.document]}#{self.anker}"

    def to_dict(self) -> dict:
        uit = {
            "document": self.document,
            "document_naam": DOCUMENT_NAMEN[self.document],
            "paragraaf": self.paragraaf,
            "citaat": self.citaat,
            "url": self.url,
        }
        if self.herkomst:
            uit["herkomst"] = self.herkomst
        return uit


@dataclass(frozen=True)
class AfsprakenVersie:
    code: str
    naam: str
    document: str
    geldig_vanaf: dt.date
    geldig_tot: dt.date | None  # exclusief: de eerste dag waarop deze versie niet meer geldt
    toelichting: str | None
    bron: Bron

    def geldt_op(self, datum: dt.date) -> bool:
        return self.geldig_vanaf <= datum and (self.geldig_tot is None or datum < self.geldig_tot)

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "naam": self.naam,
            "document": self.document,
            "geldig_vanaf": _iso(self.geldig_vanaf),
            "geldig_tot": _iso(self.geldig_tot),
            "toelichting": self.toelichting,
            "bron": self.bron.to_dict(),
        }


@dataclass(frozen=True)
class Moment:
    code: str
    datum: dt.date
    omschrijving: str
    bron: Bron
    status: str  # 'opgegeven' | 'aangenomen' | 'berekend'
    interpretatie: str | None = None
    verantwoordelijke: str | None = None  # partij die vanaf dit moment verantwoordelijk is
    landelijk_terugval: bool = False
    regel: str | None = None  # code van de regel waaruit de datum volgt
    hangt_af_van_aanname: bool = False  # berekend uit een aangenomen (niet opgegeven) datum

    @property
    def weekdag(self) -> str:
        return WEEKDAGEN[self.datum.weekday()]

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "datum": self.datum.isoformat(),
            "weekdag": self.weekdag,
            "omschrijving": self.omschrijving,
            "bron": self.bron.to_dict(),
            "status": self.status,
            "interpretatie": self.interpretatie,
            "verantwoordelijke": self.verantwoordelijke,
            "landelijk_terugval": self.landelijk_terugval,
            "regel": self.regel,
            "hangt_af_van_aanname": self.hangt_af_van_aanname,
        }


@dataclass(frozen=True)
class Verantwoordelijkheid:
    van: dt.date
    tot: dt.date | None  # exclusief; None = open
    partij: str
    partij_naam: str
    bron: Bron
    interpretatie: str | None = None
    landelijk_terugval: bool = False
    toelichting: str | None = None  # bijv. waarom het interval open blijft

    @property
    def tot_en_met(self) -> dt.date | None:
        return self.tot - dt.timedelta(days=1) if self.tot is not None else None

    def bevat(self, datum: dt.date) -> bool:
        return self.van <= datum and (self.tot is None or datum < self.tot)

    def to_dict(self) -> dict:
        return {
            "van": self.van.isoformat(),
            "tot": _iso(self.tot),
            "tot_en_met": _iso(self.tot_en_met),
            "partij": self.partij,
            "partij_naam": self.partij_naam,
            "bron": self.bron.to_dict(),
            "interpretatie": self.interpretatie,
            "landelijk_terugval": self.landelijk_terugval,
            "toelichting": self.toelichting,
        }


@dataclass(frozen=True)
class Tijdlijn:
    regio: str
    route: str
    afspraken_versie: AfsprakenVersie
    kalender: object  # kalender.Kalender
    invoer: dict
    momenten: tuple[Moment, ...]
    verantwoordelijkheid: tuple[Verantwoordelijkheid, ...]
    opmerkingen: tuple[str, ...] = field(default_factory=tuple)
    landelijke_versie: AfsprakenVersie | None = None  # gebruikt waar de regio zwijgt

    def moment(self, code: str) -> Moment | None:
        for m in self.momenten:
            if m.code == code:
                return m
        return None

    def verantwoordelijke_op(self, datum: dt.date) -> Verantwoordelijkheid | None:
        for v in self.verantwoordelijkheid:
            if v.bevat(datum):
                return v
        return None

    def to_dict(self) -> dict:
        return {
            "contract": CONTRACT,
            "regio": self.regio,
            "route": self.route,
            "afspraken_versie": self.afspraken_versie.to_dict(),
            "landelijke_versie": self.landelijke_versie.to_dict() if self.landelijke_versie else None,
            "kalender": self.kalender.to_dict(),
            "invoer": dict(self.invoer),
            "momenten": [m.to_dict() for m in self.momenten],
            "verantwoordelijkheid": [v.to_dict() for v in self.verantwoordelijkheid],
            "interval_grenzen": dict(INTERVAL_GRENZEN),
            "opmerkingen": list(self.opmerkingen),
        }
