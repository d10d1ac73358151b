"""What changed in the rules of a region, date by date, as data for the page 'Wijzigingen': for every date on
which the rules that apply to the region change (a new version of its agreements, or a rule inside a version or
in the national framework it falls back on), what changed, for which routes and options, why (where the source
says so), and what that means for an example case computed by the engine.

Which rules differ is the engine's one view of the law (``recht.op_datum.verschillen``); the example is the
timeline itself; the sentences come from ``woorden``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..basis.begrippen import INVOER_MOMENTEN, MOMENT_VOLGORDE, MOMENTEN, ROUTES, invoerketen
from ..basis.fouten import AfsprakenFout
from ..basis.opmaak import datum_kort
from ..kalender.werkdagen import is_werkdag
from ..recht.op_datum import Toepassing, Verschil, verschillen, versie_op, wijzigingsdatums
from ..recht.regelbestand import AfsprakenVersie
from ..recht.regios import partij_namen, regio_naam
from ..rekenen.model import Tijdlijn
from ..rekenen.tijdlijn import tijdlijn
from ..woorden.teksten import bron_data, moment_naam, versie_data
from ..woorden.wijzigingen import geval_tekst, regels_tekst, voorbeeld_tekst, wat_verandert

_EEN_DAG = dt.timedelta(days=1)
# The input dates an example case gives where the rules leave them open: up to the overdracht, the facts every
# case has. (A terugkoppeling or the start of the help are facts of some cases only.)
_TOT_EN_MET = "overdracht"


@dataclass(frozen=True)
class Voorbeeld:
    """An example case computed with the new rules: its route, its dates (melding first), the date of the changed
    moment, and the date the earlier rules give for the same case (None where they give none)."""

    route: str
    invoer: tuple[tuple[str, dt.date], ...]
    nieuw: dt.date | None
    oud: dt.date | None


@dataclass(frozen=True)
class Onderdeel:
    """One change: the rules for one moment, before and after, in the routes and the option case where it holds."""

    moment: str
    routes: tuple[str, ...]
    opties: tuple[tuple[str, object], ...]
    oud: tuple[Toepassing, ...]
    nieuw: tuple[Toepassing, ...]
    voorbeeld: Voorbeeld | None


@dataclass(frozen=True)
class Wijzigingsmoment:
    """The date on which the rules of a region change, the versions of its agreements before and from that date,
    and every change."""

    regio: str
    datum: dt.date
    oude_versie: AfsprakenVersie | None
    nieuwe_versie: AfsprakenVersie | None
    onderdelen: tuple[Onderdeel, ...]

    @property
    def nieuwe_versie_begint(self) -> bool:
        return self.oude_versie != self.nieuwe_versie


_Regels = tuple[tuple[str, str, dt.date, bool], ...]
_Opties = tuple[tuple[str, object], ...]


def _sleutel(toepassingen: tuple[Toepassing, ...]) -> _Regels:
    return tuple((t.regel.regio, t.regel.code, t.regel.geldig_vanaf, t.landelijk) for t in toepassingen)


def _als_argumenten(opties: _Opties) -> dict[str, Any]:
    """Options as the timeline takes them (spoed=True, vbs='crisis')."""
    return dict(opties)


def wijzigingen(regio: str) -> tuple[Wijzigingsmoment, ...]:
    """Every date on which the rules for ``regio`` change, in order, with what changed (dates before the region's
    first rules are left out: nothing changed there, it began)."""
    datums = sorted({d for route in ROUTES for d in wijzigingsdatums(regio, route)})
    uit = []
    for datum in datums:
        oud, nieuw = versie_op(regio, datum - _EEN_DAG), versie_op(regio, datum)
        if oud is None or nieuw is None:
            continue
        # The same change in several routes is one change, said once with its routes.
        groepen: dict[tuple[str, _Opties, _Regels, _Regels], list[Verschil]] = {}
        for v in verschillen(regio, datum - _EEN_DAG, regio, datum):
            groepen.setdefault((v.moment, v.opties, _sleutel(v.oud), _sleutel(v.nieuw)), []).append(v)
        onderdelen = []
        for (moment, opties, _, _), lijst in groepen.items():
            eerste = lijst[0]
            routes = tuple(v.route for v in lijst)
            onderdelen.append(
                Onderdeel(
                    moment, routes, opties, eerste.oud, eerste.nieuw, voorbeeld(regio, routes, datum, opties, moment)
                )
            )
        # Who is responsible first (what a reader needs most), then in the order of a case.
        onderdelen.sort(
            key=lambda o: (
                MOMENTEN[o.moment].rol != "wissel",
                MOMENT_VOLGORDE[o.moment],
                len(o.opties),
                ROUTES.index(o.routes[0]),
            )
        )
        if onderdelen:
            uit.append(Wijzigingsmoment(regio, datum, oud, nieuw, tuple(onderdelen)))
    return tuple(uit)


def voorbeeldgeval(
    regio: str, route: str, melding: dt.date, opties: _Opties, regels_op: dt.date | None = None
) -> tuple[Tijdlijn, dict[str, Any]]:
    """The timeline of a melding on ``melding``, where every date up to the overdracht that the rules leave open is
    given as the day of the moment before it (so the rules after the overdracht have a date to count from); and the
    dates it had to give. ``regels_op``: read the case with the rules of that day (see ``tijdlijn``)."""
    gegeven: dict[str, Any] = {}  # the timeline's date arguments (overdracht=…)
    t = tijdlijn(regio, route, melding, regels_op=regels_op, **_als_argumenten(opties))
    keten = invoerketen(route)
    for vorige, code in zip(keten, keten[1 : keten.index(_TOT_EN_MET) + 1]):
        if t.moment(code) is None and (eerder := t.moment(vorige)) is not None:
            gegeven[INVOER_MOMENTEN[code].invoerveld or code] = eerder.datum
            t = tijdlijn(regio, route, melding, regels_op=regels_op, **gegeven, **_als_argumenten(opties))
    return t, gegeven


def voorbeeld(regio: str, routes: tuple[str, ...], datum: dt.date, opties: _Opties, moment: str) -> Voorbeeld | None:
    """The change to ``moment`` in a case with a melding on (the first working day from) ``datum``: computed with the
    new rules, and the same case, with the same dates, read with the rules of the day before (None where the moment
    has no date in such a case, or is a fact of the case rather than a term). Of ``routes``, the first whose case
    needs no end of a dienst given by hand (a dienst ending on the day of the triage is no example)."""
    if MOMENTEN[moment].soort != "berekend":
        return None
    melding = datum
    while not is_werkdag(melding):  # a melding on an ordinary working day: the example is about the rule
        melding += _EEN_DAG
    gevallen = []
    for route in routes:
        try:
            gevallen.append((route, *voorbeeldgeval(regio, route, melding, opties)))
        except AfsprakenFout:
            continue
    if not gevallen:
        return None
    route, t, _ = min(gevallen, key=lambda g: ("dienst_einde" in g[2], ROUTES.index(g[0])))
    keten = invoerketen(route)[: invoerketen(route).index(_TOT_EN_MET) + 1]
    invoer = tuple((m.code, m.datum) for m in t.momenten if m.code in keten)
    velden: dict[str, Any] = {INVOER_MOMENTEN[c].invoerveld or c: d for c, d in invoer if c != "melding"}
    try:
        eerder = tijdlijn(
            regio, route, melding, regels_op=datum - _EEN_DAG, **velden, **_als_argumenten(opties)
        ).moment(moment)
    except AfsprakenFout:
        eerder = None
    nu = t.moment(moment)
    if nu is None and eerder is None:
        return None
    return Voorbeeld(route, invoer, nu.datum if nu else None, eerder.datum if eerder else None)


# --- as data for the pages (and JSON) ---------------------------------------------------------------------------


def onderdeel_data(o: Onderdeel, partijen: dict[str, str]) -> dict[str, object]:
    return {
        "moment": o.moment,
        "naam": moment_naam(o.moment, partijen),
        "routes": list(o.routes),
        "opties": dict(o.opties),
        "geval": geval_tekst(o.routes, o.opties, partijen),
        "oud": _kant(o.oud, partijen),
        "nieuw": _kant(o.nieuw, partijen),
        "wat": wat_verandert(o.oud, o.nieuw, partijen),
        "redenen": [bron_data(t.regel.reden) for t in o.nieuw if t.regel.reden is not None],
        "voorbeeld": None
        if o.voorbeeld is None
        else voorbeeld_tekst(
            o.moment,
            o.voorbeeld.invoer,
            o.voorbeeld.nieuw,
            o.voorbeeld.oud,
            (o.oud, o.nieuw),
            partijen,
            o.voorbeeld.route if len(o.routes) > 1 else None,
        ),
    }


def _kant(toepassingen: tuple[Toepassing, ...], partijen: dict[str, str]) -> dict[str, object]:
    return {
        "tekst": regels_tekst(toepassingen, partijen),
        "landelijk": bool(toepassingen) and all(t.landelijk for t in toepassingen),
        "bronnen": list({b["url"] + b["citaat"]: b for b in (bron_data(t.regel.bron) for t in toepassingen)}.values()),
    }


def wijzigingen_data(regio: str) -> list[dict[str, object]]:
    """Every change of the rules of ``regio`` (``wijzigingen``) as plain data with its sentences."""
    partijen = partij_namen(regio)
    return [
        {
            "regio": w.regio,
            "regio_naam": regio_naam(w.regio),
            "datum": w.datum.isoformat(),
            "datum_tekst": datum_kort(w.datum),
            "nieuwe_versie_begint": w.nieuwe_versie_begint,
            "oude_versie": versie_data(w.oude_versie) if w.oude_versie else None,
            "nieuwe_versie": versie_data(w.nieuwe_versie) if w.nieuwe_versie else None,
            "onderdelen": [onderdeel_data(o, partijen) for o in w.onderdelen],
        }
        for w in wijzigingen(regio)
    ]
