"""Where everything lies on the result's timeline figure, in days after the melding.

The page draws the figure from these numbers alone (it never works out a date): every date of the
timeline with its label, the peildatum, and marks at calendar distances from the melding with their own dates.
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from ..basis.begrippen import Json
from ..basis.opmaak import datum_label
from ..rekenen.model import Tijdlijn

# The time scale of the figure: marks at these distances from the melding (as far as the case reaches).
_SCHAALSTREPEN = (
    ("1 week", relativedelta(weeks=1)),
    ("2 weken", relativedelta(weeks=2)),
    ("1 maand", relativedelta(months=1)),
    ("3 maanden", relativedelta(months=3)),
    ("6 maanden", relativedelta(months=6)),
    ("1 jaar", relativedelta(years=1)),
    ("18 maanden", relativedelta(months=18)),
)


def figuurdata(t: Tijdlijn) -> Json:
    """Where everything lies on the figure's time scale, in days after the melding, so the page only
    has to place numbers: every date, the peildatum and the scale marks (with their dates)."""
    eerste = t.moment("melding")
    assert eerste is not None  # every timeline starts with its melding
    melding = eerste.datum

    def dag(d: dt.date) -> int:
        return (d - melding).days

    datums = {m.datum for m in t.momenten} | {v.van for v in t.verantwoordelijkheid}
    datums |= {v.tot for v in t.verantwoordelijkheid if v.tot}
    assert t.op_peildatum is not None  # the page always asks for a day
    peil = dt.date.fromisoformat(t.op_peildatum["datum"])
    laatste = max(datums | {peil})
    strepen = [{"label": "melding", "datum": melding.isoformat(), "dag": 0}]
    for label, stap in _SCHAALSTREPEN:
        d = melding + stap
        if d <= laatste:
            strepen.append({"label": label, "datum": d.isoformat(), "dag": dag(d)})
    return {
        "dagen": {d.isoformat(): dag(d) for d in sorted(datums | {peil})},
        # Each date as a label next to its mark ('vr 25 dec'); the text equivalent uses the moments' datum_tekst.
        "labels": {d.isoformat(): datum_label(d) for d in sorted(datums | {peil})},
        "peildatum": dag(peil),
        # An open last period runs on past the last date: the scale leaves room to show that.
        "eind": dag(laatste),
        "schaal": strepen,
    }
