"""JSON in, JSON uit: de ingang voor de browser (Pyodide-worker) en andere koppelingen.

``bereken_json(soort, invoer_json)`` geeft altijd een JSON-tekst terug:
  {"ok": true,  "resultaat": {...}}
  {"ok": false, "fouten": [{"veld": "overdracht", "melding": "..."}]}
Soorten: 'tijdlijn', 'werkdagen', 'terugkoppeling', 'agenda'. Velden die de soort niet
kent worden genegeerd (een formulier kan meer velden hebben dan een berekening nodig heeft).
"""

from __future__ import annotations

import json

from . import regels
from .agenda import bestandsnaam, tijdlijn_als_ics
from .begrippen import MONITORING_MOMENTEN, REGIO_NAMEN, ROUTE_NAMEN, datum_tekst
from .fouten import AfsprakenFout
from .invoer import lees_datum
from .kalender import kalender_info, niet_werkdagen, plus_werkdagen, werkdagen_tussen
from .tijdlijn import tijdlijn

_TIJDLIJN_VELDEN = ("veiligheidsbeoordeling", "overdracht", "dienst_einde", "terugkoppeling", "start_hulp")
_JA_NEE_VELDEN = ("spoed", "heraanmelding", "jeugdbeschermingstafel")


def _ja_nee(invoer: dict, veld: str) -> bool:
    waarde = invoer.get(veld, False)
    if isinstance(waarde, bool):
        return waarde
    if isinstance(waarde, str) and waarde.lower() in ("ja", "true", "1", "nee", "false", "0", ""):
        return waarde.lower() in ("ja", "true", "1")
    raise AfsprakenFout(f"De keuze {veld!r} moet ja of nee zijn, niet {waarde!r}.", veld=veld)


def _leeg_is_geen(waarde):
    return None if waarde in (None, "") else waarde


def _verplicht(invoer: dict, veld: str, naam: str):
    waarde = _leeg_is_geen(invoer.get(veld))
    if waarde is None:
        raise AfsprakenFout(f"Vul {naam} in.", veld=veld)
    return waarde


def _tijdlijn(invoer: dict):
    return tijdlijn(
        _verplicht(invoer, "regio", "de regio"),
        _verplicht(invoer, "route", "de route"),
        _verplicht(invoer, "melding", "de meldingsdatum"),
        **{veld: _leeg_is_geen(invoer.get(veld)) for veld in _TIJDLIJN_VELDEN},
        **{veld: _ja_nee(invoer, veld) for veld in _JA_NEE_VELDEN},
        vbs=_leeg_is_geen(invoer.get("vbs")),
        kalender=_leeg_is_geen(invoer.get("kalender")) or "atw",
    )


def _tijdlijn_resultaat(invoer: dict) -> dict:
    t = _tijdlijn(invoer)
    uit = t.to_dict()
    uit["regio_naam"] = REGIO_NAMEN[t.regio]
    uit["partij_namen"] = regels.partij_namen(t.regio)
    uit["route_naam"] = ROUTE_NAMEN[t.route]
    if not any(m.code in MONITORING_MOMENTEN for m in t.momenten):
        geen = [o for o in t.opmerkingen if "monitoring" in o.lower()]
        uit["monitoring_toelichting"] = " ".join(geen) or "Geen monitoringsmomenten in deze route."
    return uit


def _werkdagen_resultaat(invoer: dict) -> dict:
    kal = kalender_info(_leeg_is_geen(invoer.get("kalender")) or "atw")
    van = lees_datum(_verplicht(invoer, "van", "de begindatum"), "van")
    bewerking = invoer.get("bewerking") or ("tellen" if _leeg_is_geen(invoer.get("tot")) else "optellen")
    if bewerking == "tellen":
        tot = lees_datum(_verplicht(invoer, "tot", "de einddatum"), "tot")
        aantal = werkdagen_tussen(van, tot, kal.code)
        samenvatting = (f"Van {datum_tekst(van)} tot en met {datum_tekst(tot)}: {aantal} "
                        f"werkdag{'en' if aantal != 1 else ''} (de begindatum telt niet mee).")
    elif bewerking == "optellen":
        tekst = str(_verplicht(invoer, "aantal", "het aantal werkdagen")).strip()
        if not tekst.isdigit():
            raise AfsprakenFout(f"Het aantal werkdagen moet een geheel getal van 0 of meer zijn, niet {tekst!r}.",
                                veld="aantal")
        aantal = int(tekst)
        tot = plus_werkdagen(van, aantal, kal.code)
        samenvatting = (f"{aantal} werkdag{'en' if aantal != 1 else ''} na {datum_tekst(van)} is "
                        f"{datum_tekst(tot)} (de eerste getelde dag is de dag na de begindatum).")
    else:
        raise AfsprakenFout(f"Onbekende berekening {bewerking!r}; kies uit: optellen, tellen.", veld="bewerking")
    return {
        "van": van.isoformat(),
        "tot": tot.isoformat(),
        "aantal_werkdagen": aantal,
        "samenvatting": samenvatting,
        "kalender": kal.to_dict(),
        "niet_werkdagen": [n.to_dict() for n in niet_werkdagen(van, tot, kal.code)],
    }


def _terugkoppeling_resultaat(invoer: dict) -> dict:
    velden = {k: invoer.get(k) for k in ("melding", "overdracht", "kalender")}
    t = _tijdlijn({**velden, "regio": "midden-brabant", "route": "direct"})
    uiterlijk = t.moment("terugkoppeling-uiterlijk")
    if uiterlijk is None:  # alleen mogelijk als de regeldata deze termijn niet meer kent
        raise AfsprakenFout("De regeldata van Midden-Brabant kent geen termijn voor terugkoppeling.", veld=None)
    uit = {
        "uiterlijk": uiterlijk.to_dict(),
        "overdracht": t.moment("overdracht").to_dict(),
        "afspraken_versie": t.afspraken_versie.to_dict(),
        "kalender": t.kalender.to_dict(),
        "opmerkingen": [o for o in t.opmerkingen if "overdracht" in o.lower()],
    }
    criteria = next((f for f in regels.feiten(regels.regio("midden-brabant"), lees_datum(t.invoer["melding"], "melding"))
                     if f.code == "terugkoppeling-criteria"), None)
    if criteria is not None:
        uit["criteria"] = list(criteria.waarde)
        uit["criteria_bron"] = criteria.bron.to_dict()
    return uit


def _agenda_resultaat(invoer: dict) -> dict:
    t = _tijdlijn(invoer)
    return {"ics": tijdlijn_als_ics(t), "bestandsnaam": bestandsnaam(t)}


SOORTEN = {
    "tijdlijn": _tijdlijn_resultaat,
    "werkdagen": _werkdagen_resultaat,
    "terugkoppeling": _terugkoppeling_resultaat,
    "agenda": _agenda_resultaat,
}


def bereken(soort: str, invoer: dict) -> dict:
    """Voer één berekening uit; fouten komen als lijst terug in plaats van als uitzondering."""
    try:
        if soort not in SOORTEN:
            raise AfsprakenFout(f"Onbekende berekening {soort!r}; kies uit: {', '.join(SOORTEN)}.", veld=None)
        if not isinstance(invoer, dict):
            raise AfsprakenFout("De invoer moet een object met velden zijn.", veld=None)
        return {"ok": True, "resultaat": SOORTEN[soort](invoer)}
    except AfsprakenFout as e:
        return {"ok": False, "fouten": [{"veld": e.veld, "melding": str(e)}]}


def bereken_json(soort: str, invoer_json: str) -> str:
    try:
        invoer = json.loads(invoer_json)
    except (TypeError, ValueError):
        uit = {"ok": False, "fouten": [{"veld": None, "melding": "De invoer is geen geldige JSON."}]}
    else:
        uit = bereken(soort, invoer)
    return json.dumps(uit, ensure_ascii=False)
