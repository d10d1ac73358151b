"""When a calendar reminds a professional of a deadline: one working day before, and on the day itself, at 9:00.

Only deadlines and monitoring moments get reminders (something has to be done by then); a change of
responsibility or of the agreements is there to be seen, not to act on. The working day before follows the
case's own calendar (a deadline on Monday 28 December 2026 is reminded on Thursday 24 December), and a
reminder that would lie before today is left out: a calendar shows such a reminder at once on import.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..kalender.werkdagen import is_werkdag
from ..rekenen.model import dag_data

MET_HERINNERING: tuple[str, ...] = ("termijn", "monitoring")  # roles of a moment that get reminders
TIJD = dt.time(9, 0)
_MAX_TERUG = 14  # days: more than any run of days off in the calendar (Christmas and a weekend)


@dataclass(frozen=True)
class Herinnering:
    datum: dt.date
    dag: dt.date  # the day of the event it reminds of

    def trigger(self) -> str:
        """RFC 5545 TRIGGER relative to the start of the all-day event (00:00 there, in the reader's own time
        zone): '-PT15H' for 9:00 the day before, 'PT9H' for 9:00 on the day."""
        verschil = dt.datetime.combine(self.datum, TIJD) - dt.datetime.combine(self.dag, dt.time())
        teken, duur = ("-", -verschil) if verschil < dt.timedelta() else ("", verschil)
        dagen, uren = duur.days, duur.seconds // 3600
        return f"{teken}P{f'{dagen}D' if dagen else ''}T{uren}H" if uren else f"{teken}P{dagen}D"

    def to_dict(self, kalender: str) -> dict[str, str]:
        return {
            "datum": self.datum.isoformat(),
            "datum_tekst": dag_data(self.datum, kalender)["datum_tekst"],
            "tijd": TIJD.strftime("%H:%M"),
        }


def vorige_werkdag(datum: dt.date, kalender: str) -> dt.date:
    """The last working day before ``datum``."""
    for stap in range(1, _MAX_TERUG + 1):
        dag = datum - dt.timedelta(days=stap)
        if is_werkdag(dag, kalender):
            return dag
    raise ValueError(f"geen werkdag in de {_MAX_TERUG} dagen voor {datum.isoformat()}")


def herinneringen(datum: dt.date, rol: str, kalender: str, vandaag: dt.date | None = None) -> tuple[Herinnering, ...]:
    """The reminders of a moment with role ``rol`` on ``datum``: none for a role without, none before ``vandaag``."""
    if rol not in MET_HERINNERING:
        return ()
    dagen = (vorige_werkdag(datum, kalender), datum)
    return tuple(Herinnering(d, datum) for d in dagen if vandaag is None or d >= vandaag)
