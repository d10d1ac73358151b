"""The answer for one day: who holds zicht op veiligheid on the peildatum, since and until when,
the next deadline or change and who comes after. Derived from a finished timeline only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ..basis.begrippen import Json
from ..basis.fouten import AfsprakenFout
from ..kalender.werkdagen import werkdagen_tussen
from ..woorden.teksten import partij_naam
from .model import Moment, Verantwoordelijkheid, aanwijzing, dag_data, partij_code, periode_op
from .voorwaarde import aannames_onder, grensmomenten

# Deadlines and monitoring moments on the peildatum itself are still ahead ("uiterlijk vandaag");
# events and changes on that day have happened and are not "next".
_NOG_TE_GAAN_OP_DE_DAG = ("termijn", "monitoring")


def afstand(peildatum: dt.date, datum: dt.date, kalender: str) -> Json:
    """How far ``datum`` is from the peildatum: calendar days, and working days if it lies ahead."""
    werkdagen = None
    if datum >= peildatum:
        try:
            werkdagen = werkdagen_tussen(peildatum, datum, kalender)
        except AfsprakenFout:  # a date outside the calendar's years: the count is unknown, not an error
            werkdagen = None
    return {"dagen_tot": (datum - peildatum).days, "werkdagen_tot": werkdagen}


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
    partijen: dict[str, str],
    achter: Mapping[str, str] | None = None,
) -> Json:
    """The ``op_peildatum`` object of the JSON contract (see docs/tools/cli.md). ``achter``: per moment code,
    the assumed input moment it rests on (the headline says so)."""
    huidig = periode_op(intervallen, peildatum)
    toelichting: str | None
    if peildatum < melding:
        toelichting = "De peildatum ligt vóór de melding: er is dan nog niets gemeld."
    elif (
        huidig is not None and not huidig.aangewezen or huidig is not None and huidig.tot is None and huidig.toelichting
    ):
        toelichting = huidig.toelichting
    else:
        toelichting = None

    volgende = volgende_moment(momenten, peildatum)
    volgende_uit = None
    if volgende is not None:
        volgende_uit = {
            "code": volgende.code,
            "datum": volgende.datum.isoformat(),
            **dag_data(volgende.datum, kalender),
            "omschrijving": volgende.omschrijving,
            "rol": volgende.rol,
            "status": volgende.status,
            "hangt_af_van_aanname": volgende.hangt_af_van_aanname,
            **afstand(peildatum, volgende.datum, kalender),
        }

    daarna = None
    na = None
    if huidig is not None and huidig.tot is not None:
        na = next((v for v in intervallen if v.van >= huidig.tot and v is not huidig), None)
    elif huidig is None and peildatum < melding and intervallen:
        na = intervallen[0]
    if na is not None:
        daarna = {
            "partij": partij_code(na.partij),
            "aanwijzing": aanwijzing(na.partij),
            "partij_naam": partij_naam(na.partij, partijen),
            "vanaf": na.van.isoformat(),
            "vanaf_tekst": dag_data(na.van, kalender)["datum_tekst"],
            "binnen_een_dag": na.binnen_een_dag,
        }

    return {
        "datum": peildatum.isoformat(),
        **dag_data(peildatum, kalender),
        "partij": partij_code(huidig.partij) if huidig else None,
        "aanwijzing": aanwijzing(huidig.partij) if huidig else "niemand",
        "partij_naam": partij_naam(huidig.partij if huidig else None, partijen),
        "sinds": huidig.van.isoformat() if huidig else None,
        "sinds_tekst": dag_data(huidig.van, kalender)["datum_tekst"] if huidig else None,
        "sinds_hangt_af_van_aanname": huidig is not None and _begin_aangenomen(huidig, momenten),
        "tot_en_met": huidig.tot_en_met.isoformat() if huidig and huidig.tot_en_met else None,
        "tot_en_met_tekst": (
            dag_data(huidig.tot_en_met, kalender)["datum_tekst"] if huidig and huidig.tot_en_met else None
        ),
        "toelichting": toelichting,
        "volgende": volgende_uit,
        "daarna": daarna,
        **aannames_onder(
            [m.code for m in grensmomenten(huidig, momenten)] if huidig else [],
            momenten,
            achter or {},
            peildatum,
            kalender,
            partijen,
        ),
    }


def _begin_aangenomen(periode: Verantwoordelijkheid, momenten: tuple[Moment, ...]) -> bool:
    """Whether the period starts at a moment that rests on an assumed date (the headline must say so)."""
    return any(m.datum == periode.van and m.verantwoordelijke and m.hangt_af_van_aanname for m in momenten)
