"""Which dates the user did not give an answer rests on, so that its headline can say so in the same sentence.

A statement such as "the lokale veld holds zicht op veiligheid since 10 March" rests on an assumption when a
moment it names (the change of party that starts or ends the period, a deadline) was computed from a date the
calculator assumed. The condition names the assumed date nearest to that moment: given that date, the
statement holds whatever the earlier assumptions were, and it is the one field the user can fill in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from ..basis.begrippen import INVOER_MOMENTEN
from ..woorden.teksten import invoer_naam, voorwaarde_tekst
from .model import Moment, Verantwoordelijkheid, dag_data


def grensmomenten(periode: Verantwoordelijkheid, momenten: Sequence[Moment]) -> list[Moment]:
    """The changes of party that start ``periode`` and the one that ends it. On a day with more than one change
    (``momenten`` are in date and process order): the ones to the period's own party, and the first one away
    from it (a later change that day follows from another moment)."""
    begin = [m for m in momenten if m.verantwoordelijke and m.datum == periode.van]
    eind = [m for m in momenten if m.verantwoordelijke and periode.tot is not None and m.datum == periode.tot]
    eigen = [m for m in begin if m.verantwoordelijke == periode.partij] or begin
    daarna = [m for m in eind if m.verantwoordelijke != periode.partij] or eind
    return eigen + daarna[:1]


def aannames_onder(
    codes: Iterable[str],
    momenten: Sequence[Moment],
    achter: Mapping[str, str],
    peildatum: dt.date,
    kalender: str,
    partijen: dict[str, str],
) -> dict[str, object]:
    """``hangt_af_van`` (each assumed input date the moments ``codes`` rest on, in date order) and
    ``voorwaarde_tekst`` (the clause for a headline, or None when nothing rests on an assumption).
    ``achter``: per moment code, the assumed input moment it was computed from (``tijdlijn``)."""
    per_code = {m.code: m for m in momenten}
    invoer = sorted(
        (per_code[a] for a in dict.fromkeys(achter[c] for c in codes if c in achter) if a in per_code),
        key=lambda m: m.datum,
    )
    teksten: list[str] = [dag_data(m.datum, kalender)["datum_tekst"] for m in invoer]
    hangt_af_van = [
        {
            "invoer": m.code,
            "veld": INVOER_MOMENTEN[m.code].invoerveld,
            "naam": invoer_naam(m.code, partijen),
            "datum": m.datum.isoformat(),
            "datum_tekst": tekst,
        }
        for m, tekst in zip(invoer, teksten)
    ]
    zin = voorwaarde_tekst([(m.code, tekst, m.datum <= peildatum) for m, tekst in zip(invoer, teksten)], partijen)
    return {"hangt_af_van": hangt_af_van, "voorwaarde_tekst": zin if invoer else None}
