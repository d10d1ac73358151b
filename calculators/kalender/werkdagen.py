"""Werkdagen en datumrekenen.

Werkdag = maandag t/m vrijdag, behalve de algemeen erkende feestdagen van de
Algemene termijnenwet (Atw) art. 3 lid 1 en de met die dagen gelijkgestelde Goede
Vrijdag (lid 2). De samenwerkingsafspraken zelf zeggen niet wat een werkdag is; de
Atw geldt formeel alleen voor termijnen uit een wet of AMvB, maar is de gangbare
maatstaf, dus lezen we de 'werkdagen' van de afspraken met dezelfde kalender.

Drie kalenders:
  - 'atw' (standaard): art. 3 lid 1 en lid 2;
  - 'atw-lid3': daarnaast de dagen die per jaar bij besluit (art. 3 lid 3) zijn
    gelijkgesteld, uit rules/atw-lid3.toml, alleen voor de jaren die dat bestand dekt;
  - 'weekend': alleen zaterdag en zondag zijn geen werkdag.

Deze module is de eigenaar van rules/atw-lid3.toml: zij leest en controleert dat bestand zelf.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from ..basis.begrippen import Json
from ..basis.bestanden import Lezer, cache_sleutel, lees_bestand, lees_toml
from ..basis.fouten import AfsprakenFout
from ..basis.invoer import lees_datum, toon
from ..basis.opmaak import WEEKDAGEN, datum_kort, weekdag

# Dates a user can enter (meldingen and the other dates of a case).
EERSTE_JAAR = 2015
LAATSTE_JAAR = 2035
# The calendar itself reaches further, so that the deadlines and monitoring moments of a case
# entered in late 2035 (18 months and more after the overdracht) can still be computed.
KALENDER_LAATSTE_JAAR = LAATSTE_JAAR + 2
ATW_LID3_BESTAND = "atw-lid3.toml"

_LID1 = "Atw art. 3 lid 1"
_LID2 = "Atw art. 3 lid 2"


@dataclass(frozen=True)
class Kalender:
    code: str
    naam: str
    omschrijving: str

    def to_dict(self) -> Json:
        return {"code": self.code, "naam": self.naam, "omschrijving": self.omschrijving}


KALENDERS: dict[str, Kalender] = {
    "atw": Kalender(
        "atw",
        "Algemene termijnenwet (art. 3 lid 1 en 2)",
        "Werkdagen zijn maandag tot en met vrijdag, behalve Nieuwjaarsdag, Goede Vrijdag, Tweede Paasdag, "
        "Koningsdag (26 april als 27 april op zondag valt), 5 mei, Hemelvaartsdag, Tweede Pinksterdag en "
        "Eerste en Tweede Kerstdag.",
    ),
    "atw-lid3": Kalender(
        "atw-lid3",
        "Algemene termijnenwet inclusief gelijkgestelde dagen (art. 3 lid 3)",
        "Als ‘atw’, en daarnaast zijn de dagen die per jaar bij besluit met een feestdag zijn gelijkgesteld "
        "(zoals de vrijdag na Hemelvaartsdag) geen werkdag. Alleen voor de jaren waarvoor die besluiten in de "
        "regeldata staan.",
    ),
    "weekend": Kalender(
        "weekend",
        "Alleen weekend",
        "Werkdagen zijn maandag tot en met vrijdag; feestdagen tellen als gewone werkdag.",
    ),
}


class NietWerkdag(NamedTuple):
    """(datum, naam, grondslag) van een dag die geen werkdag is."""

    datum: dt.date
    naam: str
    grondslag: str

    def to_dict(self) -> Json:
        return {
            "datum": self.datum.isoformat(),
            "weekdag": weekdag(self.datum),
            "naam": self.naam,
            "grondslag": self.grondslag,
        }


def kalender_info(code: str) -> Kalender:
    try:
        return KALENDERS[code]
    except (KeyError, TypeError):
        geldig = ", ".join(sorted(KALENDERS))
        raise AfsprakenFout(f"Onbekende kalender {toon(code)}; kies uit: {geldig}.", veld="kalender") from None


def _controleer_jaar(jaar: int, veld: str) -> None:
    if not EERSTE_JAAR <= jaar <= KALENDER_LAATSTE_JAAR:
        raise AfsprakenFout(
            f"De werkdagenkalender ondersteunt de jaren {EERSTE_JAAR} tot en met {KALENDER_LAATSTE_JAAR}; "
            f"het jaar {jaar} valt daarbuiten.",
            veld=veld,
        )


@cache
def _atw_feestdagen(jaar: int) -> dict[dt.date, tuple[str, str]]:
    pasen = easter(jaar)
    koningsdag = dt.date(jaar, 4, 27)
    if koningsdag.weekday() == 6:
        # Valt 27 april op zondag, dan wordt Koningsdag op zaterdag 26 april gevierd;
        # art. 3 lid 1 noemt "de dag waarop de verjaardag van de Koning wordt gevierd".
        koningsdag = dt.date(jaar, 4, 26)
    dagen = {
        dt.date(jaar, 1, 1): ("Nieuwjaarsdag", _LID1),
        pasen - dt.timedelta(days=2): ("Goede Vrijdag", _LID2),
        pasen + dt.timedelta(days=1): ("Tweede Paasdag", _LID1),
        koningsdag: ("Koningsdag", _LID1),
        dt.date(jaar, 5, 5): ("Bevrijdingsdag (5 mei)", _LID1),
        pasen + dt.timedelta(days=39): ("Hemelvaartsdag", _LID1),
        pasen + dt.timedelta(days=50): ("Tweede Pinksterdag", _LID1),
        dt.date(jaar, 12, 25): ("Eerste Kerstdag", _LID1),
        dt.date(jaar, 12, 26): ("Tweede Kerstdag", _LID1),
    }
    # Hemelvaartsdag kan op 5 mei vallen (bijv. 2016): één dag, beide namen.
    if pasen + dt.timedelta(days=39) == dt.date(jaar, 5, 5):
        dagen[dt.date(jaar, 5, 5)] = ("Hemelvaartsdag en Bevrijdingsdag (5 mei)", _LID1)
    return dagen


def feestdagen(jaar: int, kalender: str = "atw") -> dict[dt.date, tuple[str, str]]:
    """The days of ``jaar`` that are no working day in ``kalender`` besides weekends: date -> (naam, grondslag)."""
    kalender_info(kalender)
    _controleer_jaar(jaar, "kalender")
    return dict(sorted(_feestdagen(jaar, kalender).items()))


def _feestdagen(jaar: int, kalender: str) -> dict[dt.date, tuple[str, str]]:
    if kalender == "weekend":
        return {}
    dagen = _atw_feestdagen(jaar)
    if kalender == "atw-lid3":
        extra = atw_lid3_dagen(jaar)
        dagen = {**extra, **dagen}  # een wettelijke feestdag gaat voor bij samenvallen
    return dagen


def niet_werkdag_reden(datum: dt.date, kalender: str = "atw") -> tuple[str, str] | None:
    """(naam, grondslag) als ``datum`` geen werkdag is, anders None."""
    kalender_info(kalender)
    _controleer_jaar(datum.year, "kalender")
    feest = _feestdagen(datum.year, kalender).get(datum)
    dag = datum.weekday()
    if dag >= 5:
        weekenddag = WEEKDAGEN[dag]
        grondslag = "weekend" if kalender == "weekend" else f"Atw art. 1 ({weekenddag})"
        if feest:
            return (f"{feest[0]} (valt op {weekenddag})", feest[1])
        return (weekenddag, grondslag)
    return feest


def is_werkdag(datum: dt.date, kalender: str = "atw") -> bool:
    return niet_werkdag_reden(_als_datum(datum, "datum"), kalender) is None


def plus_werkdagen(datum: dt.date, aantal: int, kalender: str = "atw") -> dt.date:
    """De ``aantal``-ste werkdag na ``datum``; de eerste getelde dag is de dag erna.

    plus_werkdagen(d, 0) == d (ook als d zelf geen werkdag is).
    """
    datum = _als_datum(datum, "datum")
    if not isinstance(aantal, int) or isinstance(aantal, bool) or aantal < 0:
        raise AfsprakenFout(
            f"Het aantal werkdagen moet een geheel getal van 0 of meer zijn, niet {toon(aantal)}.", veld="aantal"
        )
    _controleer_jaar(datum.year, "datum")
    kalender_info(kalender)
    dag = datum
    over = aantal
    while over:
        dag += dt.timedelta(days=1)
        if dag.year > KALENDER_LAATSTE_JAAR:  # the count, not the start date, is what the user can change
            raise AfsprakenFout(
                f"{aantal} werkdagen na {datum_kort(datum)} valt na {KALENDER_LAATSTE_JAAR}, buiten de werkdagenkalender; "
                "kies een kleiner aantal.",
                veld="aantal",
            )
        if niet_werkdag_reden(dag, kalender) is None:
            over -= 1
    return dag


def werkdagen_tussen(van: dt.date, tot: dt.date, kalender: str = "atw") -> int:
    """Aantal werkdagen in (van, tot]: ``van`` telt niet mee, ``tot`` wel."""
    van = _als_datum(van, "van")
    tot = _als_datum(tot, "tot")
    _controleer_volgorde(van, tot)
    return sum(1 for d in _dagen_na(van, tot) if niet_werkdag_reden(d, kalender) is None)


def niet_werkdagen(van: dt.date, tot: dt.date, kalender: str = "atw") -> list[NietWerkdag]:
    """De dagen in (van, tot] die geen werkdag zijn, met naam en grondslag."""
    van = _als_datum(van, "van")
    tot = _als_datum(tot, "tot")
    _controleer_volgorde(van, tot)
    uit = []
    for d in _dagen_na(van, tot):
        reden = niet_werkdag_reden(d, kalender)
        if reden is not None:
            uit.append(NietWerkdag(d, reden[0], reden[1]))
    return uit


def plus_termijn(datum: dt.date, aantal: int, eenheid: str, kalender: str = "atw") -> dt.date:
    """``datum`` plus een termijn; maanden via relativedelta (30 nov + 3 maanden = 28/29 feb)."""
    if eenheid == "werkdagen":
        return plus_werkdagen(datum, aantal, kalender)
    if eenheid == "dagen":
        return datum + dt.timedelta(days=aantal)
    if eenheid == "weken":
        return datum + dt.timedelta(weeks=aantal)
    if eenheid == "maanden":
        uitkomst: dt.date = datum + relativedelta(months=aantal)
        return uitkomst
    raise AfsprakenFout(f"Onbekende eenheid {eenheid!r}.", veld=None)


def atw_verlengd(begin: dt.date, einde: dt.date, kalender: str = "atw") -> dt.date:
    """The end of a term set in a law or AMvB that runs from ``begin`` to ``einde``, as the Algemene
    termijnenwet extends it: a term of at least three days gets at least two working days after its
    first day (art. 2), and a term ending on a Saturday, Sunday or feestdag ends on the next working
    day (art. 1 lid 1). (Art. 4 leaves out terms over 90 days or 12 weeks; the rules that use this are
    shorter.)"""
    if (einde - begin).days >= 3:
        # (begin, einde] must hold two working days: the end is at least the second working day after begin.
        einde = max(einde, plus_werkdagen(begin, 2, kalender))
    while not is_werkdag(einde, kalender):
        einde += dt.timedelta(days=1)
    return einde


def _dagen_na(van: dt.date, tot: dt.date) -> Iterator[dt.date]:
    _controleer_jaar(van.year, "van")
    _controleer_jaar(tot.year, "tot")
    d = van + dt.timedelta(days=1)
    while d <= tot:
        yield d
        d += dt.timedelta(days=1)


def _controleer_volgorde(van: dt.date, tot: dt.date) -> None:
    if tot < van:
        raise AfsprakenFout(f"De einddatum {datum_kort(tot)} ligt vóór de begindatum {datum_kort(van)}.", veld="tot")


def _als_datum(waarde: object, veld: str) -> dt.date:
    return lees_datum(waarde, veld)


# --- Atw art. 3 lid 3: per jaar bij besluit gelijkgestelde dagen (rules/atw-lid3.toml) ---------

_lid3_cache: dict[tuple[int, str, str, str], dict[int, dict[dt.date, tuple[str, str]]]] = {}


def _atw_lid3() -> dict[int, dict[dt.date, tuple[str, str]]]:
    sleutel = cache_sleutel(ATW_LID3_BESTAND)
    if sleutel not in _lid3_cache:
        _lid3_cache.clear()
        _lid3_cache[sleutel] = lees_atw_lid3(lees_bestand(ATW_LID3_BESTAND))
    return _lid3_cache[sleutel]


def lees_atw_lid3(tekst: str) -> dict[int, dict[dt.date, tuple[str, str]]]:
    """Read and check atw-lid3.toml: per year the equated days with their name and source."""
    lezer = Lezer(ATW_LID3_BESTAND)
    data = lees_toml(tekst, ATW_LID3_BESTAND)
    lezer.onbekende_velden(data, "", ("besluit",))
    per_jaar: dict[int, dict[dt.date, tuple[str, str]]] = {}
    for i, b in enumerate(lezer.blokken(data, "besluit", verplicht=True), 1):
        waar = f"besluit nr. {i}"
        lezer.onbekende_velden(b, waar, ("bron", "dagen", "jaren", "titel"))
        titel = lezer.tekst(b, "titel", waar)
        lezer.tekst(b, "bron", waar)
        jaren = b.get("jaren")
        if not isinstance(jaren, list) or not jaren or not all(isinstance(j, int) for j in jaren):
            raise lezer.fout(waar, "veld 'jaren' moet een lijst met jaartallen zijn (de jaren die het dekt)")
        for j in jaren:
            if j in per_jaar:
                raise lezer.fout(waar, f"jaar {j} komt al in een ander besluit voor")
            per_jaar[j] = {}
        for d in lezer.blokken(b, "dagen"):
            datum = lezer.datum(d, "datum", waar)
            lezer.onbekende_velden(d, f"{waar}: dag {datum}", ("datum", "naam"))
            naam = lezer.tekst(d, "naam", f"{waar}: dag {datum}")
            if datum.year not in jaren:
                raise lezer.fout(waar, f"dag {datum} valt niet in de jaren {jaren} van dit besluit")
            per_jaar[datum.year][datum] = (f"{naam} (gelijkgesteld)", f"Atw art. 3 lid 3: {titel}")
    return per_jaar


def atw_lid3_jaren() -> tuple[int, ...]:
    return tuple(sorted(_atw_lid3()))


def atw_lid3_dagen(jaar: int) -> dict[dt.date, tuple[str, str]]:
    """The equated days of ``jaar``; an error if the year is not covered.

    Treating an uncovered year silently as 'no extra days' would give a result that looks
    more certain than it is, hence a clear error on the field the user can change."""
    per_jaar = _atw_lid3()
    if jaar not in per_jaar:
        jaren = sorted(per_jaar)
        raise AfsprakenFout(
            f"Kalender ‘Algemene termijnenwet inclusief gelijkgestelde dagen’: voor {jaar} staan geen besluiten "
            f"(Atw art. 3 lid 3) in de regeldata; gedekt zijn {jaren[0]} tot en met {jaren[-1]}. Kies een andere "
            "kalender voor werkdagen.",
            veld="kalender",
        )
    return per_jaar[jaar]
