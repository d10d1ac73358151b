"""Onveranderlijke waardeobjecten van de uitkomst, met hun JSON-vorm (``to_dict``).

Grenzen van een verantwoordelijkheidsinterval: ``van`` is de eerste dag waarop de
partij verantwoordelijk is (inclusief); ``tot`` is de eerste dag waarop de volgende
partij verantwoordelijk is (exclusief), of ``None`` als het interval open is.
De rekenhulp rekent in hele dagen: een overgang op een dag telt vanaf het begin
van die dag voor de nieuwe partij. Gaat de verantwoordelijkheid op één dag twee keer
over (Veilig Thuis na de veiligheidsbeoordeling, het lokale team na de overdracht
diezelfde dag), dan blijft de tussenliggende periode zichtbaar: ``van == tot`` en
``binnen_een_dag`` is waar.

Waar de tekst niemand aanwijst, is de partij ``begrippen.NIEMAND``; in de JSON is dat ``null``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .begrippen import (
    DOCUMENT_KORT,
    DOCUMENT_NAMEN,
    DOCUMENTEN,
    KORTE_NAMEN,
    MOMENTEN,
    NIEMAND,
    NIEMAND_NAAM,
    WEEKDAGEN,
    paragraaf_label,
)

CONTRACT = "afsprakenwijzer-tijdlijn/2"

INTERVAL_GRENZEN = {
    "van": "inclusief: de eerste dag waarop de partij verantwoordelijk is",
    "tot": "exclusief: de eerste dag waarop de volgende partij verantwoordelijk is; null = geen einddatum",
    "tot_en_met": "inclusief: de laatste dag waarop de partij verantwoordelijk is (tot min één dag); "
    "null = geen einddatum",
    "binnen_een_dag": "true: de partij is verantwoordelijk op één dag, tot een overgang later die dag "
    "(van = tot = tot_en_met)",
    "partij": "null: de afspraken wijzen hier niemand aan",
}


def partij_code(partij: str | None) -> str | None:
    """The party as the JSON has it: null where the text names nobody."""
    return None if partij in (None, NIEMAND) else partij


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
            "document_kort": DOCUMENT_KORT[self.document],
            "paragraaf": self.paragraaf,
            "paragraaf_label": paragraaf_label(self.paragraaf),
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
    verantwoordelijke: str | None = None  # partij die vanaf dit moment verantwoordelijk is (of NIEMAND)
    landelijk_terugval: bool = False
    regel: str | None = None  # code van de regel waaruit de datum volgt
    hangt_af_van_aanname: bool = False  # berekend uit een aangenomen (niet opgegeven) datum

    @property
    def weekdag(self) -> str:
        return WEEKDAGEN[self.datum.weekday()]

    @property
    def rol(self) -> str:
        return MOMENTEN[self.code].rol

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "datum": self.datum.isoformat(),
            "weekdag": self.weekdag,
            "omschrijving": self.omschrijving,
            "kort": KORTE_NAMEN.get(self.code, self.omschrijving),
            "rol": self.rol,
            "bron": self.bron.to_dict(),
            "status": self.status,
            "interpretatie": self.interpretatie,
            "verantwoordelijke": partij_code(self.verantwoordelijke),
            "landelijk_terugval": self.landelijk_terugval,
            "regel": self.regel,
            "hangt_af_van_aanname": self.hangt_af_van_aanname,
        }


@dataclass(frozen=True)
class Verantwoordelijkheid:
    van: dt.date
    tot: dt.date | None  # exclusief; None = open
    partij: str  # a code of begrippen.PARTIJEN, or NIEMAND
    partij_naam: str
    bron: Bron
    interpretatie: str | None = None
    landelijk_terugval: bool = False
    toelichting: str | None = None  # bijv. waarom het interval open blijft
    binnen_een_dag: bool = False  # van == tot: responsible on that one day, until a later change that day

    @property
    def tot_en_met(self) -> dt.date | None:
        if self.binnen_een_dag:
            return self.van
        return self.tot - dt.timedelta(days=1) if self.tot is not None else None

    @property
    def aangewezen(self) -> bool:
        return self.partij != NIEMAND

    def bevat(self, datum: dt.date) -> bool:
        """Whole days: a day belongs to the party that holds it from its start (not a binnen_een_dag one)."""
        return not self.binnen_een_dag and self.van <= datum and (self.tot is None or datum < self.tot)

    def to_dict(self) -> dict:
        return {
            "van": self.van.isoformat(),
            "tot": _iso(self.tot),
            "tot_en_met": _iso(self.tot_en_met),
            "binnen_een_dag": self.binnen_een_dag,
            "partij": partij_code(self.partij),
            "partij_naam": self.partij_naam if self.aangewezen else NIEMAND_NAAM,
            "bron": self.bron.to_dict(),
            "interpretatie": self.interpretatie,
            "landelijk_terugval": self.landelijk_terugval,
            "toelichting": self.toelichting,
        }


@dataclass(frozen=True)
class Aanname:
    """A date the user did not give: what the engine assumed (``datum``), or that it cannot
    assume anything because the text sets no term (``datum`` None), and why, in Dutch."""

    code: str
    datum: dt.date | None
    tekst: str
    kort: str = ""  # one line for a summary: 'Overdracht niet opgegeven: aangenomen 10 maart 2025'

    def to_dict(self) -> dict:
        return {"code": self.code, "datum": _iso(self.datum), "tekst": self.tekst, "kort": self.kort}


@dataclass(frozen=True)
class Tijdlijn:
    regio: str
    route: str
    afspraken_versie: AfsprakenVersie  # the version in force on the meldingsdatum
    kalender: object  # kalender.Kalender
    invoer: dict
    momenten: tuple[Moment, ...]
    verantwoordelijkheid: tuple[Verantwoordelijkheid, ...]
    opmerkingen: tuple[str, ...] = field(default_factory=tuple)
    landelijke_versie: AfsprakenVersie | None = None  # gebruikt waar de regio zwijgt
    aannames: tuple[Aanname, ...] = ()
    # Every version whose rules the result uses, with the first day it was used for this case
    # (more than one when the case runs across the date a version ends).
    versies_gebruikt: tuple[tuple[dt.date, AfsprakenVersie], ...] = ()
    op_peildatum: dict | None = None  # peildatum.op_peildatum(...), when a peildatum was given

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
        momenten = [m.to_dict() for m in self.momenten]
        perioden = [v.to_dict() for v in self.verantwoordelijkheid]
        if self.op_peildatum is not None:
            # Where each moment and period lies from the peildatum, so a reader of the JSON (the page)
            # compares no dates itself.
            peil = dt.date.fromisoformat(self.op_peildatum["datum"])
            for m, uit in zip(self.momenten, momenten):
                uit["tov_peildatum"] = "voorbij" if m.datum < peil else "vandaag" if m.datum == peil else "komt"
            for v, uit in zip(self.verantwoordelijkheid, perioden):
                uit["op_peildatum"] = v.bevat(peil)
        return {
            "contract": CONTRACT,
            "regio": self.regio,
            "route": self.route,
            "afspraken_versie": self.afspraken_versie.to_dict(),
            "afspraken_versies": [{"vanaf": d.isoformat(), **v.to_dict()} for d, v in self.versies_gebruikt],
            "landelijke_versie": self.landelijke_versie.to_dict() if self.landelijke_versie else None,
            "kalender": self.kalender.to_dict(),
            "invoer": dict(self.invoer),
            "momenten": momenten,
            "verantwoordelijkheid": perioden,
            "interval_grenzen": dict(INTERVAL_GRENZEN),
            "aannames": [a.to_dict() for a in self.aannames],
            "op_peildatum": self.op_peildatum,
            "opmerkingen": list(self.opmerkingen),
        }
