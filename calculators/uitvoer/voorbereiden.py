"""'Regelwijziging voorbereiden': what a changed rule would mean, before anyone edits a file.

A policy officer chooses a rule of a region and changes its term, unit, quote or reading, or gives the new value
a date from which it applies. This module makes the changed rule file (as text, held in memory), checks it as
``python -m calculators controleer`` does (the quote against the published text included), and computes an
example case with the rules before and after. It answers the browser worker (``verzoek``, kind
'regelwijziging'): nothing is written anywhere and nothing leaves the browser.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping

from ..basis.begrippen import EENHEDEN, ROUTES
from ..basis.bestanden import lees_bestand
from ..basis.fouten import AfsprakenFout, RegelbestandFout
from ..basis.invoer import lees_aantal, lees_datum, lees_keuze, toon
from ..basis.opmaak import datum_middel
from ..kalender.werkdagen import is_werkdag
from ..recht.controle import docs_map
from ..recht.regelbestand import Regel, RegioRegels
from ..recht.regios import laad_regio, partij_namen, regio_codes, regio_naam
from ..recht.wijziging import (
    Brontekst,
    Probleem,
    Wijziging,
    bronteksten_uit,
    controleer,
    gewijzigde_regel,
    in_geheugen,
    pas_toe,
)
from ..rekenen.model import Tijdlijn
from ..woorden.teksten import bron_data, moment_naam, opties_tekst, periode_tekst, routes_tekst
from ..woorden.wijzigingen import regel_tekst, wijzigingsverzoek_tekst
from .wijzigingen import voorbeeldgeval

# The form's fields for the values of a rule, and the field of the rule file each one changes.
FORMULIERVELDEN: dict[str, str] = {
    "termijn": "aantal",
    "eenheid": "eenheid",
    "citaat": "citaat",
    "interpretatie": "interpretatie",
}
VELD_NAMEN: dict[str, str] = {
    "termijn": "Termijn",
    "eenheid": "Eenheid",
    "citaat": "Citaat",
    "interpretatie": "Lezing",
    "ingang": "Geldt vanaf",
}
# A message of the checks names a field of the rule file; the form shows it at its own field.
_NAAR_FORMULIER: dict[str, str] = {
    **{v: k for k, v in FORMULIERVELDEN.items()},
    "geldig_tot": "ingang",
    "geldig_vanaf": "ingang",
    "anker": "citaat",
}
_EEN_DAG = dt.timedelta(days=1)


def regel_sleutel(regel: Regel) -> str:
    """How the form names one value of a rule: 'overdracht-oppakken@2024-07-01'."""
    return f"{regel.code}@{regel.geldig_vanaf.isoformat()}"


def regelkeuzes(regels: RegioRegels) -> list[dict[str, object]]:
    """Every rule value of a region, as the form offers it (with the values it starts from)."""
    partijen = partij_namen(regels.code)
    uit: list[dict[str, object]] = []
    for r in regels.regels:
        naam = r.omschrijving if r.soort == "vervalt" else moment_naam(r.moment or "", partijen)
        uit.append(
            {
                "sleutel": regel_sleutel(r),
                "code": r.code,
                "soort": r.soort,
                "label": f"{naam}: {regel_tekst(r, partijen)}"
                + ("" if set(r.routes) == set(ROUTES) else f" ({routes_tekst(r.routes)})")
                + f", {periode_tekst(r)}",
                "termijn": r.aantal,
                "eenheid": r.eenheid,
                "citaat": r.bron.citaat,
                "interpretatie": r.interpretatie or "",
                "routes": list(r.routes),
            }
        )
    return uit


def _lees_wijziging(invoer: Mapping[str, object], regels: RegioRegels) -> tuple[Regel, Wijziging]:
    tekst = invoer.get("regel")
    code, _, vanaf = str(tekst or "").partition("@")
    if not code or not vanaf:
        raise AfsprakenFout(f"Kies een regel (niet {toon(tekst)}).", veld="regel")
    w = Wijziging(code, lees_datum(vanaf, "regel"), ())
    regel = gewijzigde_regel(regels, w)
    velden: list[tuple[str, object]] = []
    for veld, in_bestand in FORMULIERVELDEN.items():
        waarde = invoer.get(veld)
        if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
            continue
        if veld == "termijn":
            nieuw: object = lees_aantal(waarde, "termijn")
        elif veld == "eenheid":
            nieuw = lees_keuze(waarde, "eenheid", EENHEDEN, "eenheid")
        else:
            nieuw = " ".join(str(waarde).split())
        if str(nieuw) != _waarde(regel, in_bestand):
            velden.append((in_bestand, nieuw))
    ingang = invoer.get("ingang")
    leeg = ingang is None or (isinstance(ingang, str) and not ingang.strip())
    return regel, Wijziging(code, regel.geldig_vanaf, tuple(velden), None if leeg else lees_datum(ingang, "ingang"))


def _bronteksten(invoer: Mapping[str, object]) -> dict[str, Brontekst]:
    """The published texts sent with the question (the browser), or those of the site's folder (a checkout)."""
    teksten = invoer.get("teksten")
    if isinstance(teksten, dict):
        return {
            code: Brontekst(str(t.get("tekst", "")), frozenset(t.get("ankers", ())), str(t.get("naam", code)))
            for code, t in teksten.items()
            if isinstance(t, dict)
        }
    docs = docs_map()
    return bronteksten_uit(docs) if docs is not None and docs.is_dir() else {}


def _probleem_data(p: Probleem) -> dict[str, object]:
    return {"veld": _NAAR_FORMULIER.get(p.veld or ""), "melding": p.melding}


def _voorbeeld(
    regio: str, regel: Regel, w: Wijziging, nieuw_bestand: str | None, invoer: Mapping[str, object]
) -> tuple[dict[str, object], list[tuple[str, str | None, str | None]], str]:
    """The example case with the rules as they are, and (if the changed file can be read) with the change: as data,
    the moments whose date changes (name, before, after), and the case in words."""
    route = lees_keuze(invoer.get("route") or regel.routes[0], "route", ROUTES, "route")
    if invoer.get("melding"):
        melding = lees_datum(invoer.get("melding"), "melding")
    else:  # the first working day from which the changed value applies
        melding = w.ingang or regel.geldig_vanaf
        while not is_werkdag(melding):
            melding += _EEN_DAG
    voor, _ = voorbeeldgeval(regio, route, melding, regel.als)
    na: Tijdlijn | None = None
    if nieuw_bestand is not None:
        with in_geheugen(regio, nieuw_bestand):
            na, _ = voorbeeldgeval(regio, route, melding, regel.als)
    partijen = partij_namen(regio)
    rijen: list[dict[str, object]] = []
    anders: list[tuple[str, str | None, str | None]] = []
    for code in dict.fromkeys([m.code for m in voor.momenten] + [m.code for m in (na.momenten if na else ())]):
        a, b = voor.moment(code), na.moment(code) if na else None
        rij = (moment_naam(code, partijen), datum_middel(a.datum) if a else None, datum_middel(b.datum) if b else None)
        verschilt = na is not None and rij[1] != rij[2]
        rijen.append({"moment": code, "naam": rij[0], "voor": rij[1], "na": rij[2], "anders": verschilt})
        if verschilt:
            anders.append(rij)
    geval = f"{datum_middel(melding)}, route {routes_tekst([route])}"
    if regel.als:
        geval += f", {opties_tekst(regel.als, partijen)}"
    data: dict[str, object] = {
        "route": route,
        "melding": melding.isoformat(),
        "geval": geval,
        "rijen": rijen,
        "verantwoordelijk_voor": _perioden(voor),
        "verantwoordelijk_na": _perioden(na) if na else None,
    }
    return data, anders, geval


def _perioden(t: Tijdlijn) -> list[dict[str, object]]:
    return [
        {
            "partij": v.partij_naam,
            "van": datum_middel(v.van),
            "tot_en_met": datum_middel(v.tot_en_met) if v.tot_en_met else None,
        }
        for v in t.verantwoordelijkheid
    ]


def regelwijziging(invoer: Mapping[str, object]) -> dict[str, object]:
    """The answer of the page: the changed file, its checks, the example before and after, the change request."""
    regio = lees_keuze(invoer.get("regio"), "regio", regio_codes(), "regio")
    bestandsnaam = f"{regio}.toml"
    origineel = invoer.get("bestand")
    origineel = origineel if isinstance(origineel, str) and origineel.strip() else lees_bestand(bestandsnaam)
    try:
        regels = laad_regio(origineel, regio)
    except RegelbestandFout as fout:
        raise AfsprakenFout(f"Het regelbestand van de site is zelf niet in orde: {fout}", veld=None) from None
    regel, w = _lees_wijziging(invoer, regels)
    nieuw_bestand = pas_toe(origineel, regels, w)
    gelezen, problemen = controleer(regio, nieuw_bestand, _bronteksten(invoer))
    voorbeeld, anders, geval = _voorbeeld(regio, regel, w, nieuw_bestand if gelezen is not None else None, invoer)
    wijzigingen = [
        {
            "veld": veld,
            "naam": VELD_NAMEN[veld],
            "oud": _waarde(regel, in_bestand),
            "nieuw": str(next(v for k, v in w.velden if k == in_bestand)),
        }
        for veld, in_bestand in FORMULIERVELDEN.items()
        if any(k == in_bestand for k, _ in w.velden)
    ]
    verschil = "".join(
        difflib.unified_diff(
            origineel.splitlines(keepends=True),
            nieuw_bestand.splitlines(keepends=True),
            f"{bestandsnaam} (nu)",
            f"{bestandsnaam} (gewijzigd)",
            n=2,
        )
    )
    partijen = partij_namen(regio)
    naam = moment_naam(regel.moment, partijen) if regel.moment else (regel.omschrijving or regel.code)
    verzoek = wijzigingsverzoek_tekst(
        regio_naam(regio),
        naam,
        regel.code,
        [(x["naam"], x["oud"], x["nieuw"]) for x in wijzigingen],
        w.ingang,
        bron_data(regel.bron)["document_naam"] + ", " + bron_data(regel.bron)["paragraaf_label"],
        [p.melding for p in problemen],
        anders,
        geval,
        bestandsnaam,
    )
    return {
        "regio": regio,
        "regio_naam": regio_naam(regio),
        "bestandsnaam": bestandsnaam,
        "regel": regel_sleutel(regel),
        "regel_naam": naam,
        "wijzigingen": wijzigingen,
        "gewijzigd": bool(w.velden) or w.ingang is not None,
        "bestand": nieuw_bestand,
        "verschil": verschil,
        "controle": {"in_orde": not problemen, "problemen": [_probleem_data(p) for p in problemen]},
        "voorbeeld": voorbeeld,
        "verzoek": verzoek,
        "verzoek_bestandsnaam": f"wijzigingsverzoek-{regio}-{regel.code}.txt",
    }


def _waarde(regel: Regel, veld: str) -> str:
    waarde = {
        "aantal": regel.aantal,
        "eenheid": regel.eenheid,
        "citaat": regel.bron.citaat,
        "interpretatie": regel.interpretatie,
    }[veld]
    return "" if waarde is None else str(waarde)
