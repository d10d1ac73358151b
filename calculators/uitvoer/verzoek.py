"""JSON in, JSON out: the entry point for the browser (Pyodide worker) and other integrations.

``bereken_json(soort, invoer_json)`` always returns a JSON text, whatever it is given:
  {"ok": true,  "resultaat": {...}}
  {"ok": false, "fouten": [{"veld": "overdracht", "melding": "..."}]}
Kinds: 'tijdlijn', 'werkdagen', 'terugkoppeling', 'agenda', and 'regelwijziging' (the page that tries a rule
change, ``voorbereiden``). Fields a kind does not know are
ignored (a form can have more fields than one calculation needs). Form values arrive as text;
they are read with the same rules as the CLI and the Python API (``invoer``).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..basis.begrippen import MONITORING_MOMENTEN, ROUTE_NAMEN, ROUTES, Json
from ..basis.bestanden import lees_bestand
from ..basis.fouten import AfsprakenFout
from ..basis.invoer import (
    FORMULIER_MAX_LENGTE,
    REGELWIJZIGING_MAX_LENGTE,
    kort,
    lees_aantal,
    lees_datum,
    lees_ja_nee_tekst,
    te_groot_voor_een_formulier,
    toon,
)
from ..basis.opmaak import datum_middel, datum_tekst
from ..kalender.werkdagen import atw_lid3_jaren, kalender_info, niet_werkdagen, plus_werkdagen, werkdagen_tussen
from ..recht.op_datum import recht_op, waar_gedateerd
from ..recht.regios import alle_regios, partij_namen, regio, regio_codes, regio_naam
from ..rekenen.model import Tijdlijn, dag_data
from ..rekenen.peildatum import afstand
from ..rekenen.tijdlijn import tijdlijn
from ..rekenen.voorwaarde import aannames_onder
from ..woorden.teksten import bron_data
from .agenda import afspraken, bestandsnaam, kenmerk, lees_adres, lees_zaak, tijdlijn_als_ics
from .figuur import figuurdata
from .voorbereiden import regel_sleutel, regelwijziging

_TIJDLIJN_VELDEN = ("veiligheidsbeoordeling", "overdracht", "dienst_einde", "terugkoppeling", "start_hulp", "peildatum")


def _leeg_is_geen(waarde: Any) -> Any:
    return None if waarde is None or (isinstance(waarde, str) and not waarde.strip()) else waarde


def _verplicht(invoer: Json, veld: str, naam: str) -> Any:
    waarde = _leeg_is_geen(invoer.get(veld))
    if waarde is None:
        raise AfsprakenFout(f"Vul {naam} in.", veld=veld)
    return waarde


def _tekst_of_geen(invoer: Json, veld: str) -> str | None:
    waarde = _leeg_is_geen(invoer.get(veld))
    if waarde is not None and not isinstance(waarde, str):
        raise AfsprakenFout(f"Het veld {veld!r} moet tekst zijn, niet {toon(waarde)}.", veld=veld)
    return None if waarde is None else str(waarde)


def vandaag() -> dt.date:
    """Today where the user is (in the browser: the browser's own clock and time zone)."""
    return dt.date.today()


def _tijdlijn(invoer: Json) -> Tijdlijn:
    # A form always wants the answer for a day: the one it names, or today.
    velden = {veld: _leeg_is_geen(invoer.get(veld)) for veld in _TIJDLIJN_VELDEN}
    velden["peildatum"] = velden["peildatum"] or vandaag()
    return tijdlijn(
        _verplicht(invoer, "regio", "de regio"),
        _verplicht(invoer, "route", "de route"),
        _verplicht(invoer, "melding", "de meldingsdatum"),
        veiligheidsbeoordeling=velden["veiligheidsbeoordeling"],
        overdracht=velden["overdracht"],
        dienst_einde=velden["dienst_einde"],
        terugkoppeling=velden["terugkoppeling"],
        start_hulp=velden["start_hulp"],
        peildatum=velden["peildatum"],
        spoed=lees_ja_nee_tekst(invoer.get("spoed"), "spoed"),
        heraanmelding=lees_ja_nee_tekst(invoer.get("heraanmelding"), "heraanmelding"),
        jeugdbeschermingstafel=lees_ja_nee_tekst(invoer.get("jeugdbeschermingstafel"), "jeugdbeschermingstafel"),
        vbs=_tekst_of_geen(invoer, "vbs"),
        kalender=_leeg_is_geen(invoer.get("kalender")) or "atw",
        vandaag=vandaag(),
    )


def _tijdlijn_resultaat(invoer: Json) -> Json:
    t = _tijdlijn(invoer)
    uit = t.to_dict()
    uit["regio_naam"] = regio_naam(t.regio)
    uit["partij_namen"] = partij_namen(t.regio)
    uit["route_naam"] = ROUTE_NAMEN[t.route]
    assert t.op_peildatum is not None  # a form always asks for a day (_tijdlijn)
    uit["peildatum_is_vandaag"] = t.op_peildatum["datum"] == vandaag().isoformat()
    uit["figuur"] = figuurdata(t)
    if not any(m.code in MONITORING_MOMENTEN for m in t.momenten):
        # Why there is no monitoring: the rule that says so ('vervalt'), as the engine words it.
        geen = [
            n.tekst(t.partijen)
            for n in t.notities_met("vervalt")
            if any(m in MONITORING_MOMENTEN for m in n["momenten"])
        ]
        # Or the route has monitoring, but after a day nobody gave and no text sets (the end of a dienst).
        geen = geen or [n.tekst(t.partijen) for n in t.notities_met("aanname-onmogelijk")]
        uit["monitoring_toelichting"] = " ".join(geen) or "Geen monitoringsmomenten in deze route."
    return uit


def _werkdagen_resultaat(invoer: Json) -> Json:
    kal = kalender_info(_leeg_is_geen(invoer.get("kalender")) or "atw")
    van = lees_datum(_verplicht(invoer, "van", "de begindatum"), "van")
    bewerking = invoer.get("bewerking") or ("tellen" if _leeg_is_geen(invoer.get("tot")) else "optellen")
    if bewerking == "tellen":
        tot = lees_datum(_verplicht(invoer, "tot", "de einddatum"), "tot")
        aantal = werkdagen_tussen(van, tot, kal.code)
        samenvatting = (
            f"Van {datum_tekst(van)} tot en met {datum_tekst(tot)}: {aantal} "
            f"werkdag{'en' if aantal != 1 else ''} (de begindatum telt niet mee)."
        )
    elif bewerking == "optellen":
        aantal = lees_aantal(_verplicht(invoer, "aantal", "het aantal werkdagen"), "aantal")
        tot = plus_werkdagen(van, aantal, kal.code)
        samenvatting = (
            f"{aantal} werkdag{'en' if aantal != 1 else ''} na {datum_tekst(van)} is "
            f"{datum_tekst(tot)} (de eerste getelde dag is de dag na de begindatum)."
        )
    else:
        raise AfsprakenFout(f"Onbekende berekening {toon(bewerking)}; kies uit: optellen, tellen.", veld="bewerking")
    return {
        "bewerking": bewerking,
        "van": van.isoformat(),
        "van_tekst": dag_data(van, kal.code)["datum_tekst"],
        "tot": tot.isoformat(),
        "tot_tekst": dag_data(tot, kal.code)["datum_tekst"],
        "aantal_werkdagen": aantal,
        "samenvatting": samenvatting,
        "kalender": kal.to_dict(),
        "niet_werkdagen": [
            {**n.to_dict(), "datum_tekst": datum_middel(n.datum)} for n in niet_werkdagen(van, tot, kal.code)
        ],
    }


def terugkoppeling_regio_route() -> tuple[str, str]:
    """The region and route whose own rules give a term to hand a case back (the terugkoppeling)."""
    plekken = waar_gedateerd("terugkoppeling-uiterlijk")
    if not plekken:
        raise AfsprakenFout("Geen regio in de regeldata kent een termijn voor terugkoppeling.", veld=None)
    return plekken[0]


def _terugkoppeling_resultaat(invoer: Json) -> Json:
    code, route = terugkoppeling_regio_route()
    velden = {k: invoer.get(k) for k in ("melding", "overdracht", "kalender", "peildatum")}
    t = _tijdlijn({**velden, "regio": code, "route": route})
    uiterlijk = t.moment("terugkoppeling-uiterlijk")
    if uiterlijk is None:  # only when the rule data no longer has this term on this date
        raise AfsprakenFout(
            f"Voor een melding op {datum_tekst(lees_datum(t.invoer['melding'], 'melding'))} kent de "
            f"regeldata van {regio_naam(code)} geen termijn voor terugkoppeling.",
            veld="melding",
        )
    overdracht = t.moment("overdracht")
    assert overdracht is not None and t.op_peildatum is not None  # given or assumed; a form always asks for a day
    uit = {
        "regio": code,
        "regio_naam": regio_naam(code),
        "uiterlijk": uiterlijk.to_dict(t.kalender.code),
        "overdracht": overdracht.to_dict(t.kalender.code),
        "afspraken_versie": t.to_dict()["afspraken_versie"],
        "kalender": t.kalender.to_dict(),
        "aannames": t.to_dict()["aannames"],
        "opmerkingen": [
            n.tekst(t.partijen)
            for n in t.notities
            if n.code not in ("aanname", "aanname-onmogelijk") and n.get("invoer") == "overdracht"
        ],
        "notities": [n.to_dict(t.partijen) for n in t.notities_met("melding-in-de-toekomst")],
        "partij_namen": t.partijen,
    }
    peil = lees_datum(t.op_peildatum["datum"], "peildatum")
    uit["peildatum"] = {
        "datum": peil.isoformat(),
        "is_vandaag": peil == vandaag(),
        **dag_data(peil, t.kalender.code),
        **afstand(peil, uiterlijk.datum, t.kalender.code),
    }
    # The headline's date rests on the overdracht: if that was assumed, the headline says so.
    uit.update(aannames_onder([uiterlijk.code], t.momenten, t.aanname_achter, peil, t.kalender.code, t.partijen))
    criteria = next(
        (
            f
            for f in recht_op(code, route, lees_datum(t.invoer["melding"], "melding")).feiten()
            if f.code == "terugkoppeling-criteria"
        ),
        None,
    )
    if criteria is not None:
        uit["criteria"] = list(criteria.waarde) if isinstance(criteria.waarde, tuple) else [criteria.waarde]
        uit["criteria_bron"] = bron_data(criteria.bron)
    return uit


def _agenda_resultaat(invoer: Json) -> Json:
    t = _tijdlijn(invoer)
    zaak = lees_zaak(_leeg_is_geen(invoer.get("zaak")))
    site = _tekst_of_geen(invoer, "site_url")
    adres = lees_adres(_leeg_is_geen(invoer.get("adres")))
    ook_voorbij = lees_ja_nee_tekst(invoer.get("ook_voorbij"), "ook_voorbij")
    lijst, weggelaten = afspraken(t, zaak, ook_voorbij, vandaag())
    peil = t.op_peildatum
    assert peil is not None  # a form always asks for a day (_tijdlijn)
    return {
        "ics": tijdlijn_als_ics(t, zaak, lijst, site_url=site, adres=adres),
        "bestandsnaam": bestandsnaam(t),
        "zaak": zaak,
        "kenmerk": kenmerk(zaak),
        "afspraken": [a.to_dict(t.kalender.code) for a in lijst],
        "weggelaten": weggelaten,
        "vanaf": None if ook_voorbij else peil["datum"],
        "vanaf_tekst": None if ook_voorbij else peil["datum_tekst"],
    }


SOORTEN = {
    "tijdlijn": _tijdlijn_resultaat,
    "werkdagen": _werkdagen_resultaat,
    "terugkoppeling": _terugkoppeling_resultaat,
    "agenda": _agenda_resultaat,
    "regelwijziging": regelwijziging,
}
_MAX_LENGTE = {"regelwijziging": REGELWIJZIGING_MAX_LENGTE}

_INTERNE_FOUT = (
    "Er ging iets mis in de rekenhulp zelf; de invoer is waarschijnlijk in orde. Probeer het opnieuw, "
    "en meld het aan de beheerder van de site als het blijft gebeuren."
)


def voorbeelden() -> list[tuple[str, Json]]:
    """One calculation of each kind, and a timeline for every region and route on the day its newest version
    starts. Run before the browser's memory snapshot is made, so that every rule file is read, every module
    imported and every cache filled: files are not part of a snapshot, and whatever is computed lazily after
    it is recomputed on every visit."""
    uit: list[tuple[str, Json]] = []
    for code, r in alle_regios().items():
        melding = r.versies[-1].geldig_vanaf.isoformat()
        for route in ROUTES:
            uit.append(("tijdlijn", {"regio": code, "route": route, "melding": melding, "peildatum": melding}))
    eerste = uit[0][1]
    uit += [
        ("agenda", dict(eerste)),
        ("werkdagen", {"van": eerste["melding"], "aantal": "5"}),
        ("terugkoppeling", {"melding": regio(terugkoppeling_regio_route()[0]).versies[-1].geldig_vanaf.isoformat()}),
    ]
    code = regio_codes()[-1]
    termijn = next(r for r in regio(code).regels if r.soort == "termijn")
    uit.append(
        (
            "regelwijziging",
            {
                "regio": code,
                "regel": regel_sleutel(termijn),
                "termijn": str((termijn.aantal or 0) + 1),
                "bestand": lees_bestand(f"{code}.toml"),
            },
        )
    )
    return uit


def opwarmen() -> None:
    """Load every rule file and run each kind of calculation once, so that nothing is read or imported
    lazily afterwards."""
    regio_codes()
    atw_lid3_jaren()
    for soort, invoer in voorbeelden():
        antwoord = bereken(soort, invoer)
        if not antwoord["ok"]:
            raise RuntimeError(f"opwarmen: {soort}: {antwoord['fouten']}")


def bereken(soort: str, invoer: Json) -> Json:
    """Run one calculation; errors come back as a list instead of an exception."""
    try:
        if soort not in SOORTEN:
            raise AfsprakenFout(f"Onbekende berekening {toon(soort)}; kies uit: {', '.join(SOORTEN)}.", veld=None)
        if not isinstance(invoer, dict):
            raise AfsprakenFout("De invoer moet een object met velden zijn.", veld=None)
        resultaat = SOORTEN[soort](invoer)
        nu = dt.datetime.now()
        resultaat["berekend_op"] = nu.isoformat(timespec="minutes")
        resultaat["berekend_op_tekst"] = f"{datum_tekst(nu.date())} om {nu:%H:%M}"
        return {"ok": True, "resultaat": resultaat}
    except AfsprakenFout as e:
        return {"ok": False, "fouten": [{"veld": e.veld, "melding": str(e)}]}
    except Exception as e:
        return {
            "ok": False,
            "fouten": [{"veld": None, "melding": _INTERNE_FOUT, "technisch": kort(f"{type(e).__name__}: {e}")}],
        }


def bereken_json(soort: str, invoer_json: str) -> str:
    grens = _MAX_LENGTE.get(soort, FORMULIER_MAX_LENGTE)
    if not isinstance(invoer_json, str) or te_groot_voor_een_formulier(invoer_json, grens):
        uit = {
            "ok": False,
            "fouten": [{"veld": None, "melding": "De invoer is te groot of te diep genest voor een formulier."}],
        }
        return json.dumps(uit, ensure_ascii=False)
    try:
        invoer = json.loads(invoer_json)
    except (TypeError, ValueError, RecursionError):
        uit = {"ok": False, "fouten": [{"veld": None, "melding": "De invoer is geen geldige JSON."}]}
    else:
        uit = bereken(soort, invoer)
    return json.dumps(uit, ensure_ascii=False)
