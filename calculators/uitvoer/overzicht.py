"""Every rule value as plain data, for ``python -m calculators regels`` and the site's macros.

Nothing is restated or recomputed here: every value comes from the rule files, and which rules apply
to a moment comes from the law at a date (``recht.op_datum``), per combination of options exactly as
the timeline uses them.
"""

from __future__ import annotations

import datetime as dt

from ..basis.begrippen import LANDELIJK, MOMENTEN, NIEMAND, PARTIJEN, ROUTE_NAMEN, ROUTES, Json
from ..kalender.werkdagen import EERSTE_JAAR, KALENDERS, LAATSTE_JAAR, atw_lid3_jaren
from ..recht.op_datum import Geval, gevallen
from ..recht.regelbestand import Feit, Regel, RegioRegels
from ..recht.regios import alle_regios, partij_namen
from ..woorden.teksten import NIEMAND_NAAM, bron_data, moment_naam, termijn_tekst, versie_data

# The moment that stands for "is there monitoring" (the first one; the others follow the same rules).
_MONITORING = "monitoring-3-maanden"


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def regel_als_data(r: Regel, partijen: dict[str, str] | None = None) -> Json:
    """One rule as plain data; ``partijen``: the region's names, for the moment names."""
    partijen = partijen if partijen is not None else partij_namen(r.regio)
    uit: Json = {
        "code": r.code,
        "soort": r.soort,
        "regio": r.regio,
        "versie": r.versie,
        "geldig_vanaf": _iso(r.geldig_vanaf),
        "geldig_tot": _iso(r.geldig_tot),
        "routes": list(r.routes),
        "als": dict(r.als),
        "omschrijving": r.omschrijving,
        "interpretatie": r.interpretatie,
        "bron": bron_data(r.bron),
    }
    if r.soort == "vervalt":
        uit["momenten"] = list(r.momenten)
        uit["moment_namen"] = [moment_naam(m, partijen) for m in r.momenten]
        return uit
    assert r.moment is not None  # every kind but 'vervalt' is about one moment
    uit["moment"] = r.moment
    uit["moment_naam"] = (
        moment_naam(r.moment, partijen)
        if r.soort in ("overgang", "aanname")
        else (r.omschrijving or moment_naam(r.moment, partijen))
    )
    uit["verantwoordelijke"] = r.verantwoordelijke if r.verantwoordelijke in PARTIJEN else None
    uit["niemand_aangewezen"] = r.verantwoordelijke == NIEMAND
    if r.soort == "overgang":
        uit["binnen"] = r.binnen
        uit["daarna_vervalt"] = list(r.daarna_vervalt)
        return uit
    assert r.vanaf is not None  # a term and an assumption count from a moment
    if r.soort == "aanname":
        uit.update(vanaf=r.vanaf, vanaf_naam=moment_naam(r.vanaf, partijen), termijn_tekst=termijn_tekst(r, partijen))
        return uit
    uit.update(
        aantal=r.aantal,
        eenheid=r.eenheid,
        vanaf=r.vanaf,
        vanaf_naam=moment_naam(r.vanaf, partijen),
        vanaf_is_gebeurtenis=MOMENTEN[r.vanaf].soort == "gebeurtenis",
        datum=r.datum,
        wettelijk=r.wettelijk,
        begrenst=r.begrenst,
        onbepaald_vanaf=r.onbepaald_vanaf,
        termijn_tekst=termijn_tekst(r, partijen),
        opmerking_zonder_datum=r.opmerking_zonder_datum,
    )
    return uit


def feit_als_data(f: Feit) -> Json:
    return {
        "code": f.code,
        "versie": f.versie,
        "geldig_vanaf": _iso(f.geldig_vanaf),
        "geldig_tot": _iso(f.geldig_tot),
        "omschrijving": f.omschrijving,
        "waarde": list(f.waarde) if isinstance(f.waarde, tuple) else f.waarde,
        "routes": list(f.routes),
        "interpretatie": f.interpretatie,
        "bron": bron_data(f.bron),
    }


def geval_als_data(g: Geval, partijen: dict[str, str]) -> Json:
    return {
        "opties": dict(g.opties),
        "landelijk_terugval": any(t.landelijk for t in g.regels),
        "regels": [regel_als_data(t.regel, partijen) for t in g.regels],
    }


def referentiedatum(regio: RegioRegels, landelijk: RegioRegels) -> dt.date:
    """The date a region's overview describes: the latest date from which anything in its file (or the national
    file) applies. Fixed by the files, so a site build is reproducible."""
    starts = [v.geldig_vanaf for v in (*regio.versies, *landelijk.versies)]
    starts += [x.geldig_vanaf for x in (*regio.regels, *landelijk.regels) if x.geldig_tot is None]
    starts += [f.geldig_vanaf for f in regio.feiten if f.geldig_tot is None]
    return max(starts)


def _per_route(code: str, peildatum: dt.date, partijen: dict[str, str]) -> Json:
    per_route: Json = {}
    for route in ROUTES:
        momenten: Json = {}
        for moment, soort in MOMENTEN.items():
            if soort.soort not in ("berekend", "invoer"):
                continue
            lijst = gevallen(code, route, peildatum, moment)
            if not lijst:
                continue
            gewoon = next((g for g in lijst if g.standaard), None)
            momenten[moment] = {
                "naam": moment_naam(moment, partijen),
                # The plain case (no options); kept in the form the pages have always read.
                "landelijk_terugval": gewoon is not None and any(t.landelijk for t in gewoon.regels),
                "regels": [regel_als_data(t.regel, partijen) for t in gewoon.regels] if gewoon else [],
                # Every option combination that changes the rules for this moment.
                "varianten": [geval_als_data(g, partijen) for g in lijst if not g.standaard],
            }
        per_route[route] = {"momenten": momenten, "monitoring": _monitoring(code, route, peildatum, partijen)}
    return per_route


def _monitoring(code: str, route: str, peildatum: dt.date, partijen: dict[str, str]) -> Json:
    """Whether there is monitoring in the plain case, on whose rule, and which options change that."""
    lijst = gevallen(code, route, peildatum, _MONITORING)
    gewoon = next((g for g in lijst if g.standaard), None)
    regels = gewoon.regels if gewoon else ()
    return {
        "ja": any(t.regel.soort == "termijn" for t in regels) and not any(t.regel.soort == "vervalt" for t in regels),
        "landelijk_terugval": any(t.landelijk for t in regels),
        "bron": bron_data(regels[0].regel.bron) if regels else None,
        "uitzonderingen": [
            {**regel_als_data(t.regel, partijen), "opties": dict(g.opties)}
            for g in lijst
            if not g.standaard
            for t in g.regels
            if t not in regels
        ],
    }


def maak_overzicht(peildatum: dt.date | None = None) -> Json:
    """Per region: versions, parties, every rule and fact, and per route and moment the rules that apply
    (plain case and per option), on ``peildatum`` or else the region's reference date."""
    regios = alle_regios()
    landelijk = regios[LANDELIJK]
    uit_regios = {}
    for code, regio in regios.items():
        peil = peildatum or referentiedatum(regio, landelijk)
        partijen = partij_namen(code)
        uit_regios[code] = {
            "code": code,
            "naam": regio.naam,
            "bestand": regio.bestand,
            "document": {"naam": regio.document.naam, "kort": regio.document.kort, "pagina": regio.document.pagina},
            "peildatum": peil.isoformat(),
            "versies": [versie_data(v) for v in regio.versies],
            "partijen": {p: partijen[p] for p in PARTIJEN},
            "regels": [regel_als_data(r, partijen) for r in regio.regels],
            "feiten": [feit_als_data(f) for f in regio.feiten],
            "routes": _per_route(code, peil, partijen),
        }
    return {
        "regios": uit_regios,
        "routes": dict(ROUTE_NAMEN),
        "momenten": {c: {"naam": moment_naam(c), "soort": m.soort, "rol": m.rol} for c, m in MOMENTEN.items()},
        "niemand_naam": NIEMAND_NAAM,
        "kalenders": {c: k.to_dict() for c, k in KALENDERS.items()},
        "kalender_jaren": [EERSTE_JAAR, LAATSTE_JAAR],
        "atw_lid3_jaren": list(atw_lid3_jaren()),
    }
