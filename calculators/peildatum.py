"""The answer for one day: who holds zicht op veiligheid on the peildatum, since and until when,
the next deadline or change and who comes after. Derived from a finished timeline only.
"""

from __future__ import annotations

import datetime as dt

from .begrippen import NIEMAND_NAAM
from .fouten import AfsprakenFout
from .kalender import werkdagen_tussen
from .model import Moment, Verantwoordelijkheid, partij_code

# Deadlines and monitoring moments on the peildatum itself are still ahead ("uiterlijk vandaag");
# events and changes on that day have happened and are not "next".
_NOG_TE_GAAN_OP_DE_DAG = ("termijn", "monitoring")


def _partij(v: Verantwoordelijkheid | None) -> tuple[str | None, str]:
    if v is None:
        return None, NIEMAND_NAAM
    return partij_code(v.partij), (v.partij_naam if v.aangewezen else NIEMAND_NAAM)


def afstand(peildatum: dt.date, datum: dt.date, kalender: str) -> dict:
    """How far ``datum`` is from the peildatum: calendar days, and working days if it lies ahead."""
    werkdagen = None
    if datum >= peildatum:
        try:
            werkdagen = werkdagen_tussen(peildatum, datum, kalender)
        except AfsprakenFout:  # a date outside the calendar's years: the count is unknown, not an error
            werkdagen = None
    return {"dagen_tot": (datum - peildatum).days, "werkdagen_tot": werkdagen}


def _daarna(v: Verantwoordelijkheid) -> dict:
    code, naam = _partij(v)
    return {"partij": code, "partij_naam": naam, "vanaf": v.van.isoformat(), "binnen_een_dag": v.binnen_een_dag}


def volgende_moment(momenten: tuple[Moment, ...], peildatum: dt.date) -> Moment | None:
    """The first deadline, change or event still ahead on the peildatum. A deadline for something
    that has already happened (the overdracht was on Monday, its latest date is Friday) is not ahead."""
    gebeurd = {f"{m.code}-uiterlijk" for m in momenten if m.rol == "gebeurtenis" and m.datum <= peildatum}
    for m in momenten:  # already in date and process order
        if m.code in gebeurd or (m.code == "melding" and m.datum <= peildatum):
            continue
        if m.datum > peildatum or (m.datum == peildatum and m.rol in _NOG_TE_GAAN_OP_DE_DAG):
            return m
    return None


def op_peildatum(
    peildatum: dt.date,
    melding: dt.date,
    momenten: tuple[Moment, ...],
    intervallen: tuple[Verantwoordelijkheid, ...],
    kalender: str,
) -> dict:
    """The ``op_peildatum`` object of the JSON contract (see docs/tools/cli.md)."""
    hele_dagen = [v for v in intervallen if not v.binnen_een_dag]
    huidig = next((v for v in hele_dagen if v.bevat(peildatum)), None)
    partij, naam = _partij(huidig)
    if peildatum < melding:
        toelichting = "De peildatum ligt vóór de melding: er is dan nog niets gemeld."
    elif huidig is not None and not huidig.aangewezen:
        toelichting = huidig.toelichting or "De afspraken wijzen voor deze periode niemand aan."
    elif huidig is not None and huidig.tot is None and huidig.toelichting:
        toelichting = huidig.toelichting
    else:
        toelichting = None

    volgende = volgende_moment(momenten, peildatum)
    volgende_uit = None
    if volgende is not None:
        volgende_uit = {
            "code": volgende.code,
            "datum": volgende.datum.isoformat(),
            "omschrijving": volgende.omschrijving,
            "rol": volgende.rol,
            "status": volgende.status,
            "hangt_af_van_aanname": volgende.hangt_af_van_aanname,
            **afstand(peildatum, volgende.datum, kalender),
        }

    daarna = None
    if huidig is not None and huidig.tot is not None:
        na = next((v for v in intervallen if v.van >= huidig.tot and v is not huidig), None)
        if na is not None:
            daarna = _daarna(na)
    elif huidig is None and peildatum < melding and intervallen:
        daarna = _daarna(intervallen[0])

    return {
        "datum": peildatum.isoformat(),
        "partij": partij,
        "partij_naam": naam,
        "sinds": huidig.van.isoformat() if huidig else None,
        "tot_en_met": huidig.tot_en_met.isoformat() if huidig and huidig.tot_en_met else None,
        "toelichting": toelichting,
        "volgende": volgende_uit,
        "daarna": daarna,
    }
