"""Typical mistakes in a practice question, worked out by the engine: the answer someone gives who counts calendar
days instead of werkdagen (or the reverse), counts the start day, forgets a feestdag, forgets that a statutory
term is extended, gives the last day of a term where the next day is asked, uses the national framework instead of
the region's own agreement, or an earlier version of that agreement; and, for a question about a party, what each
wrong party's period is.

The practice page compares the reader's answer with these values (written into the page at build time), so it can
say what went wrong; it computes no date itself. Also here: the counted days of a term, one by one, for the small
calendar under the explanation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..basis.begrippen import MOMENTEN, PARTIJEN, Json
from ..basis.opmaak import datum_middel, kleine_letter
from ..kalender.werkdagen import atw_verlengd, niet_werkdagen, plus_termijn, plus_werkdagen
from ..recht.op_datum import recht_op, versie_op
from ..recht.regelbestand import AfsprakenVersie, Regel
from ..recht.regios import partij_namen, regio, regio_naam
from ..rekenen.model import Tijdlijn, dag_data, partij_code
from ..rekenen.tijdlijn import tijdlijn
from ..woorden.teksten import NIEMAND_NAAM, moment_naam, partij_naam

_EEN_DAG = dt.timedelta(days=1)
# The small calendar shows the counted days up to this many days; a term in weeks or months is explained in words.
_KALENDER_MAX_DAGEN = 21


@dataclass(frozen=True)
class Valkuil:
    """A wrong answer a typical mistake gives (``waarde``: an ISO date, or a party code / 'niemand'), and what
    went wrong, in words."""

    soort: str
    waarde: str
    uitleg: str

    def to_dict(self) -> Json:
        return {"soort": self.soort, "waarde": self.waarde, "uitleg": self.uitleg}


@dataclass(frozen=True)
class Teldag:
    """One day of a term as it is counted: its number if it counts, else why not."""

    datum: dt.date
    telt: int | None
    reden: str | None  # 'weekend', 'Koningsdag', ... where the day does not count

    def to_dict(self) -> Json:
        return {
            "datum": self.datum.isoformat(),
            "tekst": datum_middel(self.datum),
            "telt": self.telt,
            "reden": self.reden,
        }


@dataclass(frozen=True)
class Stap:
    """The term behind a moment's date: the rule, the date it counts from, and whether the moment is the day after
    the term (a chain of 'the day after' and 'on the day of' steps leads back to it)."""

    regel: Regel
    basis: dt.date
    van: str  # what it counts from, in words: 'de melding'
    dag_erna: bool

    @property
    def na(self) -> int:
        return 1 if self.dag_erna else 0


def laatste_stap(t: Tijdlijn, code: str) -> Stap | None:
    """The term that dates moment ``code`` in ``t`` (following zero-length steps back), or None."""
    opties = {k: t.invoer[k] for k in ("spoed", "heraanmelding", "jeugdbeschermingstafel", "vbs")}
    dag_erna = False
    while True:
        m = t.moment(code)
        if m is None or m.regel is None:
            return None
        regel = recht_op(t.regio, t.route, m.datum, opties).regel(m.regel)
        if regel is None or regel.soort != "termijn" or regel.vanaf is None:
            return None
        dag_erna = dag_erna or regel.datum == "dag-na-termijn"
        if regel.aantal == 0 and MOMENTEN[regel.vanaf].soort == "berekend":
            code = regel.vanaf
            continue
        basis = t.moment(regel.vanaf)
        if basis is None:
            return None
        van = MOMENTEN[regel.vanaf].vanaf_tekst or kleine_letter(moment_naam(regel.vanaf, t.partijen))
        return Stap(regel, basis.datum, van, dag_erna)


def telling(t: Tijdlijn, code: str) -> tuple[Teldag, ...]:
    """The days from the day after the start to the answer, each counted or not (empty for long terms). The answer
    itself, when it is the day after the term, is the last day, not counted ('de dag na de termijn')."""
    stap = laatste_stap(t, code)
    m = t.moment(code)
    if stap is None or m is None or (m.datum - stap.basis).days > _KALENDER_MAX_DAGEN or m.datum <= stap.basis:
        return ()
    werkdagen = stap.regel.eenheid == "werkdagen"
    einde = m.datum - dt.timedelta(days=stap.na)
    uit, geteld, dag = [], 0, stap.basis
    while dag < einde:
        dag += _EEN_DAG
        naam = dag_data(dag, t.kalender.code)["niet_werkdag"]
        if werkdagen and naam is not None:
            uit.append(Teldag(dag, None, naam))
        else:
            geteld += 1
            uit.append(Teldag(dag, geteld, naam))
    if stap.dag_erna:
        uit.append(Teldag(m.datum, None, "de dag na de termijn"))
    return tuple(uit)


def datumvalkuilen(t: Tijdlijn, code: str) -> tuple[Valkuil, ...]:
    """The wrong dates typical mistakes give for moment ``code``, each once, never the right answer."""
    stap = laatste_stap(t, code)
    m = t.moment(code)
    if stap is None or m is None:
        return ()
    r, b, kal, na = stap.regel, stap.basis, t.kalender.code, stap.na
    assert r.aantal is not None and r.eenheid is not None  # a term
    kandidaten: list[Valkuil] = []

    def voeg_toe(soort: str, datum: dt.date, uitleg: str) -> None:
        if datum == m.datum:
            return
        eerder = next((i for i, v in enumerate(kandidaten) if v.waarde == datum.isoformat()), None)
        if eerder is None:
            kandidaten.append(Valkuil(soort, datum.isoformat(), uitleg))
        elif soort in ("landelijk", "versie"):  # another text gives the same date: both may be what the reader used
            v = kandidaten[eerder]
            ook = uitleg.replace("Dat is de datum", "Dat is ook de datum", 1)
            kandidaten[eerder] = Valkuil(v.soort, v.waarde, f"{v.uitleg} {ook}")

    termijn = f"{r.aantal} {r.eenheid}"
    if r.aantal > 0 and r.eenheid == "werkdagen":
        voeg_toe(
            "kalenderdagen",
            b + dt.timedelta(days=r.aantal + na),
            f"U telde kalenderdagen. De termijn is {termijn}: zaterdagen, zondagen en feestdagen tellen niet mee.",
        )
        vrij = [n for n in niet_werkdagen(b, plus_werkdagen(b, r.aantal, kal), kal) if n.datum.weekday() < 5]
        if vrij:
            namen = ", ".join(f"{n.naam} ({datum_middel(n.datum)})" for n in vrij)
            voeg_toe(
                "feestdag",
                plus_werkdagen(b, r.aantal, "weekend") + dt.timedelta(days=na),
                f"U telde {namen} als werkdag. Dat is een feestdag volgens de Algemene termijnenwet: hij telt "
                "niet mee.",
            )
        voeg_toe(
            "begindag",
            plus_werkdagen(b - _EEN_DAG, r.aantal, kal) + dt.timedelta(days=na),
            f"U telde de dag van {stap.van} zelf mee. Tellen begint de dag erna.",
        )
    elif r.aantal > 0 and r.eenheid == "dagen":
        voeg_toe(
            "werkdagen",
            plus_werkdagen(b, r.aantal, kal) + dt.timedelta(days=na),
            f"U telde werkdagen. De termijn is {termijn}: kalenderdagen, dus weekenden en feestdagen tellen mee.",
        )
        voeg_toe(
            "begindag",
            b + dt.timedelta(days=r.aantal - 1 + na),
            f"U telde de dag van {stap.van} zelf mee. Tellen begint de dag erna.",
        )
    if r.wettelijk:
        onverlengd = plus_termijn(b, r.aantal, r.eenheid, kal)
        if atw_verlengd(b, onverlengd, kal) != onverlengd:
            voeg_toe(
                "atw",
                onverlengd + dt.timedelta(days=na),
                "Dat is het einde zonder verlenging. Het is een wettelijke termijn: de Algemene termijnenwet "
                "verlengt hem tot de eerstvolgende werkdag, met ten minste twee werkdagen erin.",
            )
    if na:
        voeg_toe(
            "laatste-dag",
            m.datum - _EEN_DAG,
            f"Dat is de laatste dag van de termijn ({termijn} na {stap.van}). Gevraagd is de dag dáárna: de "
            "verantwoordelijkheid gaat over als de termijn om is.",
        )
    elif r.aantal > 0:
        voeg_toe(
            "dag-na",
            m.datum + _EEN_DAG,
            f"Dat is de dag na de termijn. De termijn eindigt op de laatste dag van de {termijn}: dat is de "
            "uiterste datum.",
        )
    if t.regio != "landelijk":
        landelijk = _zelfde_casus(t, "landelijk").moment(code)
        if landelijk is not None:
            voeg_toe(
                "landelijk",
                landelijk.datum,
                f"Dat is de datum volgens het landelijk kader. De afspraken van {regio_naam(t.regio)} regelen dit "
                "zelf, en waar de regionale tekst spreekt, geldt die.",
            )
    for versie, datum, lezing in _volgens_andere_versies(t, code):
        huidige = versie_op(t.regio, t.moment("melding").datum)  # type: ignore[union-attr]  # every case has one
        assert huidige is not None and versie.geldig_tot is not None
        voeg_toe(
            "versie",
            datum,
            f"Dat is de datum volgens een eerdere versie van de afspraken, ‘{versie.naam}’ (tot "
            f"{datum_middel(versie.geldig_tot - _EEN_DAG)}){lezing}. Voor deze melding gelden ‘{huidige.naam}’.",
        )
    return tuple(kandidaten)


_DATUMVELDEN = ("veiligheidsbeoordeling", "overdracht", "dienst_einde", "terugkoppeling", "start_hulp")


def _zelfde_casus(t: Tijdlijn, regio_code: str, regels_op: dt.date | None = None, **extra: str) -> Tijdlijn:
    """The case of ``t`` (its given dates) computed for another region or with the rules of another day."""
    invoer = {k: t.invoer[k] for k in _DATUMVELDEN if t.invoer.get(k)} | extra
    return tijdlijn(regio_code, t.route, t.invoer["melding"], kalender=t.kalender.code, regels_op=regels_op, **invoer)


def _volgens_andere_versies(t: Tijdlijn, code: str) -> list[tuple[AfsprakenVersie, dt.date, str]]:
    """For each earlier version of the region's own agreements: the date of moment ``code`` had this case been read
    with its rules. Where that version leaves the date to a fact of the case (``onbepaald_vanaf``), the reading in
    which the fact does not hold: the rule's start is that input moment's date (said in the third item)."""
    melding = t.moment("melding")
    assert melding is not None
    uit = []
    for versie in regio(t.regio).versies:
        if versie.regionale_tekst == "geen" or versie.geldig_tot is None or versie.geldig_tot > melding.datum:
            continue  # no agreement of the region's own (the national framework is a valkuil of its own), or not earlier
        oud = _zelfde_casus(t, t.regio, regels_op=versie.geldig_vanaf)
        m, lezing = oud.moment(code), ""
        if m is None:
            regel = next(
                (
                    r.regel
                    for r in recht_op(t.regio, t.route, versie.geldig_vanaf).regels(code)
                    if r.regel.onbepaald_vanaf and r.regel.vanaf
                ),
                None,
            )
            if regel is None or regel.vanaf is None or regel.onbepaald_vanaf is None:
                continue
            vanaf, feit_vanaf = regel.vanaf, regel.onbepaald_vanaf
            start = t.moment(feit_vanaf)
            if start is None:
                continue
            m = _zelfde_casus(
                t, t.regio, regels_op=versie.geldig_vanaf, **{vanaf.replace("-", "_"): start.datum.isoformat()}
            ).moment(code)
            lezing = f", gelezen met {MOMENTEN[vanaf].vanaf_tekst} op de dag van {MOMENTEN[feit_vanaf].vanaf_tekst}"
        if m is not None:
            uit.append((versie, m.datum, lezing))
    return uit


def partijvalkuilen(t: Tijdlijn, peildatum: dt.date) -> tuple[Valkuil, ...]:
    """For each wrong party: when that party does hold zicht op veiligheid in this case (or that it does not)."""
    huidig = t.verantwoordelijke_op(peildatum)
    juist = partij_code(huidig.partij) if huidig else None
    uit = []
    for code in (None, *PARTIJEN):
        if code == juist:
            continue
        naam = NIEMAND_NAAM if code is None else partij_naam(code, partij_namen(t.regio))
        perioden = [
            v
            for v in t.verantwoordelijkheid
            if partij_code(v.partij) == code and not v.binnen_een_dag and (code is not None or v.partij != "onbepaald")
        ]
        if perioden:
            delen = [
                f"van {datum_middel(v.van)}"
                + (f" tot en met {datum_middel(v.tot_en_met)}" if v.tot_en_met else ", zonder einddatum")
                for v in perioden
            ]
            uitleg = f"{naam}: in deze casus {' en '.join(delen)}, niet op {datum_middel(peildatum)}."
        else:
            uitleg = f"{naam}: in deze casus op geen enkele dag."
        uit.append(Valkuil("partij", code or "niemand", uitleg))
    return tuple(uit)
