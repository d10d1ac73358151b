"""Alle regelwaarden als gewone data, voor de MkDocs-macro's (tabellen, vergelijking, infographic).

Hier wordt niets herhaald of omgerekend: elke waarde komt rechtstreeks uit de
regelbestanden, zodat een pagina nooit een getal met de hand hoeft te noemen.
"""

from __future__ import annotations

import datetime as dt

from . import regels as _regels
from .begrippen import (
    DOCUMENT_NAMEN,
    MOMENTEN,
    NIEMAND,
    NIEMAND_NAAM,
    PARTIJEN,
    REGIO_NAMEN,
    REGIOS,
    ROUTE_NAMEN,
    ROUTES,
)
from .kalender import EERSTE_JAAR, KALENDERS, LAATSTE_JAAR, atw_lid3_jaren
from .teksten import moment_naam, termijn_tekst

_MONITORING = "monitoring-3-maanden"


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def regel_als_data(r, partijen: dict[str, str] | None = None) -> dict:
    """One rule as plain data; ``partijen``: the region's names, for the moment names."""
    partijen = partijen if partijen is not None else _regels.partij_namen(r.regio)
    uit = {
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
        "bron": r.bron.to_dict(),
    }
    if r.soort == "vervalt":
        uit["momenten"] = list(r.momenten)
        uit["moment_namen"] = [moment_naam(m, partijen) for m in r.momenten]
        return uit
    uit["moment"] = r.moment
    uit["moment_naam"] = moment_naam(r.moment, partijen) if r.soort == "overgang" else (
        r.omschrijving or moment_naam(r.moment, partijen))
    uit["verantwoordelijke"] = None if r.verantwoordelijke == NIEMAND else r.verantwoordelijke
    uit["niemand_aangewezen"] = r.verantwoordelijke == NIEMAND
    if r.soort == "overgang":
        uit["binnen"] = r.binnen
        return uit
    uit.update(
        aantal=r.aantal,
        eenheid=r.eenheid,
        vanaf=r.vanaf,
        vanaf_naam=moment_naam(r.vanaf, partijen),
        vanaf_is_gebeurtenis=MOMENTEN[r.vanaf].soort == "gebeurtenis",
        datum=r.datum,
        termijn_tekst=termijn_tekst(r, partijen),
        opmerking_zonder_datum=r.opmerking_zonder_datum,
    )
    return uit


def _feit_als_data(f) -> dict:
    return {
        "code": f.code,
        "versie": f.versie,
        "geldig_vanaf": _iso(f.geldig_vanaf),
        "geldig_tot": _iso(f.geldig_tot),
        "omschrijving": f.omschrijving,
        "waarde": list(f.waarde) if isinstance(f.waarde, tuple) else f.waarde,
        "routes": list(f.routes),
        "interpretatie": f.interpretatie,
        "bron": f.bron.to_dict(),
    }


def _geldende(regio, landelijk, moment: str, route: str, peildatum: dt.date) -> tuple[list, bool]:
    """Regels voor een moment in een route op een datum, alle opties samen; met terugval op landelijk."""
    eigen = [r for r in regio.regels if moment in r.raakt and route in r.routes and r.geldt_op(peildatum)]
    if eigen or regio.code == "landelijk":
        return eigen, False
    return [r for r in landelijk.regels if moment in r.raakt and route in r.routes and r.geldt_op(peildatum)], True


def _vergelijking(regio, landelijk, peildatum: dt.date) -> dict:
    partijen = _regels.partij_namen(regio.code)
    per_route = {}
    for route in ROUTES:
        momenten = {}
        for code, soort in MOMENTEN.items():
            if soort.soort != "berekend":
                continue
            geldend, terugval = _geldende(regio, landelijk, code, route, peildatum)
            if geldend:
                momenten[code] = {
                    "naam": moment_naam(code, partijen),
                    "landelijk_terugval": terugval,
                    "regels": [regel_als_data(r, partijen) for r in geldend],
                }
        monitoring, terugval = _geldende(regio, landelijk, _MONITORING, route, peildatum)
        zonder_voorwaarde = [r for r in monitoring if not r.als]
        ja = any(r.soort == "termijn" for r in zonder_voorwaarde) and not any(
            r.soort == "vervalt" for r in zonder_voorwaarde
        )
        bron = next((r.bron.to_dict() for r in zonder_voorwaarde), None)
        per_route[route] = {
            "momenten": momenten,
            "monitoring": {
                "ja": ja,
                "landelijk_terugval": terugval,
                "bron": bron,
                "uitzonderingen": [regel_als_data(r, partijen) for r in monitoring if r.als],
            },
        }
    return per_route


def maak_overzicht(peildatum: dt.date | None = None) -> dict:
    """Per regio: versies, partijen, alle regels en feiten, en per route de geldende regels.

    ``peildatum``: de datum waarop 'geldend' wordt bepaald; standaard per regio de
    ingangsdatum van de nieuwste versie (vast, zodat een sitebouw reproduceerbaar is).
    """
    landelijk = _regels.regio("landelijk")
    uit_regios = {}
    for code in REGIOS:
        regio = _regels.regio(code)
        peil = peildatum or regio.versies[-1].geldig_vanaf
        partijen = _regels.partij_namen(code)
        uit_regios[code] = {
            "code": code,
            "naam": REGIO_NAMEN[code],
            "bestand": regio.bestand,
            "document": DOCUMENT_NAMEN[code],
            "peildatum": peil.isoformat(),
            "versies": [v.to_dict() for v in regio.versies],
            "partijen": {p: partijen[p] for p in PARTIJEN},
            "regels": [regel_als_data(r, partijen) for r in regio.regels],
            "feiten": [_feit_als_data(f) for f in regio.feiten],
            "routes": _vergelijking(regio, landelijk, peil),
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
