"""Immutable value objects of a result, with their JSON form (``to_dict``).

Bounds of a period of responsibility: ``van`` is the first day on which the party is responsible
(inclusive); ``tot`` is the first day on which the next party is (exclusive), or ``None`` if the
period is open. The calculator counts in whole days: a change on a day counts from the start of that
day for the new party. When responsibility changes twice on one day (Veilig Thuis after the
veiligheidsbeoordeling, the lokaal team after the overdracht that same day), the period in between
stays visible: ``van == tot`` and ``binnen_een_dag`` is true.

Where the text names nobody, the party is ``NIEMAND``; where it depends on a fact of the case the
calculator does not know, ``ONBEPAALD``. In the JSON both are ``null``, told apart by ``aanwijzing``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..basis.begrippen import INVOER_MOMENTEN, KORTE_NAMEN, MOMENTEN, NIEMAND, ONBEPAALD, PARTIJEN, Json
from ..basis.opmaak import datum_middel, weekdag
from ..kalender.werkdagen import Kalender, niet_werkdag_reden
from ..recht.regelbestand import AfsprakenVersie, Bron
from ..woorden.notities import Notitie, aanname_kort
from ..woorden.teksten import bron_data, partij_naam, versie_data

CONTRACT = "afsprakenwijzer-tijdlijn/3"

INTERVAL_GRENZEN = {
    "van": "inclusief: de eerste dag waarop de partij verantwoordelijk is",
    "tot": "exclusief: de eerste dag waarop de volgende partij verantwoordelijk is; null = geen einddatum",
    "tot_en_met": "inclusief: de laatste dag waarop de partij verantwoordelijk is (tot min één dag); "
    "null = geen einddatum",
    "binnen_een_dag": "true: de partij is verantwoordelijk op één dag, tot een overgang later die dag "
    "(van = tot = tot_en_met)",
    "partij": "null: de afspraken wijzen hier niemand aan (aanwijzing 'niemand'), of het hangt af van een feit "
    "van de casus dat de rekenhulp niet kent (aanwijzing 'onbepaald')",
}


def partij_code(partij: str | None) -> str | None:
    """The party as the JSON has it: null where the text names nobody or it depends on the case."""
    return partij if partij in PARTIJEN else None


def aanwijzing(partij: str | None) -> str:
    return "partij" if partij in PARTIJEN else ("onbepaald" if partij == ONBEPAALD else "niemand")


def dag_data(datum: dt.date, kalender: str) -> Json:
    """A date as the page shows it, named when it is no working day: 'vr 25 december 2026, Eerste Kerstdag'."""
    try:
        reden = niet_werkdag_reden(datum, kalender)
    except ValueError:  # a date outside the calendar's years: shown without a name, never an error
        reden = None
    if reden is None:
        return {"datum_tekst": datum_middel(datum), "niet_werkdag": None}
    # 'zaterdag' -> 'weekend' (the date already names the day); 'Eerste Kerstdag (valt op zaterdag)' -> the feestdag.
    naam = "weekend" if reden[0] == weekdag(datum) else reden[0].split(" (valt op ")[0]
    return {"datum_tekst": f"{datum_middel(datum)}, {naam}", "niet_werkdag": naam}


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


@dataclass(frozen=True)
class Moment:
    code: str
    datum: dt.date
    omschrijving: str
    bron: Bron
    status: str  # 'opgegeven' | 'aangenomen' | 'berekend'
    interpretatie: str | None = None
    verantwoordelijke: str | None = None  # the party responsible from this moment on (or NIEMAND/ONBEPAALD)
    landelijk_terugval: bool = False
    regel: str | None = None  # the code of the rule the date follows from
    hangt_af_van_aanname: bool = False  # computed from an assumed (not given) date

    @property
    def weekdag(self) -> str:
        return weekdag(self.datum)

    @property
    def rol(self) -> str:
        return MOMENTEN[self.code].rol

    def to_dict(self, kalender: str = "atw") -> Json:
        return {
            "code": self.code,
            "datum": self.datum.isoformat(),
            "weekdag": self.weekdag,
            **dag_data(self.datum, kalender),
            "omschrijving": self.omschrijving,
            "kort": KORTE_NAMEN.get(self.code, self.omschrijving),
            "rol": self.rol,
            "bron": bron_data(self.bron),
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
    tot: dt.date | None  # exclusive; None = open
    partij: str  # a code of PARTIJEN, NIEMAND or ONBEPAALD
    partij_naam: str
    bron: Bron
    interpretatie: str | None = None
    landelijk_terugval: bool = False
    toelichting: str | None = None  # e.g. why the period stays open
    binnen_een_dag: bool = False  # van == tot: responsible on that one day, until a later change that day

    @property
    def tot_en_met(self) -> dt.date | None:
        if self.binnen_een_dag:
            return self.van
        return self.tot - dt.timedelta(days=1) if self.tot is not None else None

    @property
    def aangewezen(self) -> bool:
        return self.partij in PARTIJEN

    def bevat(self, datum: dt.date) -> bool:
        """Whole days: a day belongs to the party that holds it from its start (not a binnen_een_dag one)."""
        return not self.binnen_een_dag and self.van <= datum and (self.tot is None or datum < self.tot)

    def to_dict(self, kalender: str = "atw") -> Json:
        return {
            "van": self.van.isoformat(),
            "tot": _iso(self.tot),
            "tot_en_met": _iso(self.tot_en_met),
            "van_tekst": dag_data(self.van, kalender)["datum_tekst"],
            "tot_en_met_tekst": dag_data(self.tot_en_met, kalender)["datum_tekst"] if self.tot_en_met else None,
            "binnen_een_dag": self.binnen_een_dag,
            "partij": partij_code(self.partij),
            "aanwijzing": aanwijzing(self.partij),
            "partij_naam": self.partij_naam,
            "bron": bron_data(self.bron),
            "interpretatie": self.interpretatie,
            "landelijk_terugval": self.landelijk_terugval,
            "toelichting": self.toelichting,
        }


def periode_op(perioden: Iterable[Verantwoordelijkheid], datum: dt.date) -> Verantwoordelijkheid | None:
    """The period (of whole days) that holds ``datum``, or None: the one answer to "who on day X"."""
    return next((v for v in perioden if v.bevat(datum)), None)


@dataclass(frozen=True)
class Tijdlijn:
    regio: str
    route: str
    afspraken_versie: AfsprakenVersie  # the region's version in force on the meldingsdatum
    kalender: Kalender
    invoer: Json
    momenten: tuple[Moment, ...]
    verantwoordelijkheid: tuple[Verantwoordelijkheid, ...]
    partijen: dict[str, str] = field(default_factory=dict)  # the region's names of the parties
    notities: tuple[Notitie, ...] = ()
    landelijke_versie: AfsprakenVersie | None = None  # used where the region is silent
    # Every version whose rules the result uses, with the first day it was used for this case
    # (more than one when the case runs across the date a version ends).
    versies_gebruikt: tuple[tuple[dt.date, AfsprakenVersie], ...] = ()
    op_peildatum: Json | None = None  # peildatum.op_peildatum(...), when a peildatum was given
    # Per moment computed from a date that was not given: the assumed input moment nearest to it.
    aanname_achter: dict[str, str] = field(default_factory=dict)

    def moment(self, code: str) -> Moment | None:
        return next((m for m in self.momenten if m.code == code), None)

    def verantwoordelijke_op(self, datum: dt.date) -> Verantwoordelijkheid | None:
        return periode_op(self.verantwoordelijkheid, datum)

    @property
    def aannames(self) -> tuple[Notitie, ...]:
        return tuple(n for n in self.notities if n.code in ("aanname", "aanname-onmogelijk"))

    @property
    def opmerkingen(self) -> tuple[str, ...]:
        """Every note in words, the assumptions with a date included (the older form of ``notities``)."""
        return tuple(dict.fromkeys(n.tekst(self.partijen) for n in self.notities if n.code != "aanname-onmogelijk"))

    def notities_met(self, *codes: str) -> tuple[Notitie, ...]:
        return tuple(n for n in self.notities if n.code in codes)

    def _aanname(self, n: Notitie) -> Json:
        datum = n.get("datum")
        dag = datum if isinstance(datum, dt.date) else None  # None: the rules set no term, nothing was assumed
        tekst = dag_data(dag, self.kalender.code)["datum_tekst"] if dag else None
        invoer = str(n["invoer"])
        return {
            "code": invoer,
            "veld": INVOER_MOMENTEN[invoer].invoerveld,
            "datum": _iso(dag),
            "datum_tekst": tekst,
            "tekst": n.tekst(self.partijen),
            "kort": aanname_kort(n, self.partijen, tekst),
        }

    def to_dict(self) -> Json:
        kal = self.kalender.code
        momenten = [m.to_dict(kal) for m in self.momenten]
        perioden = [v.to_dict(kal) for v in self.verantwoordelijkheid]
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
            "afspraken_versie": versie_data(self.afspraken_versie),
            "afspraken_versies": [
                {"vanaf": d.isoformat(), "vanaf_tekst": dag_data(d, kal)["datum_tekst"], **versie_data(v)}
                for d, v in self.versies_gebruikt
            ],
            "landelijke_versie": versie_data(self.landelijke_versie) if self.landelijke_versie else None,
            "kalender": self.kalender.to_dict(),
            "invoer": dict(self.invoer),
            "momenten": momenten,
            "verantwoordelijkheid": perioden,
            "interval_grenzen": dict(INTERVAL_GRENZEN),
            "aannames": [self._aanname(n) for n in self.aannames],
            "op_peildatum": self.op_peildatum,
            "opmerkingen": list(self.opmerkingen),
            "notities": [n.to_dict(self.partijen) for n in self.notities],
        }


def naam_van(partij: str, partijen: dict[str, str]) -> str:
    return partij_naam(partij, partijen)


__all__ = [
    "CONTRACT",
    "Moment",
    "NIEMAND",
    "Tijdlijn",
    "Verantwoordelijkheid",
    "aanwijzing",
    "dag_data",
    "naam_van",
    "partij_code",
    "periode_op",
]
