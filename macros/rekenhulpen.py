"""Which fields each calculator asks for. The choices, where a field is shown, and what its hint says about
the agreements all come from the engine (its vocabulary and the law per region and route); nothing here
names a region, a route or a term by hand.

Option labels are short (a phone shows the whole select box); what a choice means is in the hint.
"""

from __future__ import annotations

from calculators.basis.begrippen import LANDELIJK, OPTIE_NAMEN, OPTIES, ROUTE_KORT, ROUTE_NAMEN, ROUTES
from calculators.kalender.werkdagen import KALENDERS
from calculators.recht.op_datum import beschikbaar, regio_routes_met
from calculators.recht.regios import regio, regio_codes, regio_naam
from calculators.uitvoer.verzoek import terugkoppeling_regio_route
from calculators.woorden.teksten import bron_label, periode_tekst

from .formulieren import Rekenhulp, Veld, app

KALENDER_KORT = {
    "atw": "Algemene termijnenwet (standaard)",
    "atw-lid3": "Atw met gelijkgestelde dagen",
    "weekend": "Alleen weekenden",
}
VBS_KORT = {"crisis": "Bij crisis of urgentie", "regulier": "Regulier verzoek"}


def toon_bij(veld: str) -> str:
    """Where the form shows a field: the regions and routes whose rules use it, as groups of conditions
    ("regio=a;route=x|y||regio=b"), empty where it is used everywhere."""
    per_regio = regio_routes_met(veld)
    if set(per_regio) == set(regio_codes()):
        routes = set(next(iter(per_regio.values())))
        if all(set(r) == routes for r in per_regio.values()):
            return "" if routes == set(ROUTES) else f"route={'|'.join(r for r in ROUTES if r in routes)}"
    groepen = []
    for code, routes in per_regio.items():
        groep = f"regio={code}"
        if set(routes) != set(ROUTES):
            groep += f";route={'|'.join(routes)}"
        groepen.append(groep)
    return "||".join(groepen)


def hint(veld: str, inleiding: str = "") -> str:
    """What a field means, in the words of the agreements that use it: each sentence once, with its sources
    (region and, where it does not apply for the region's whole life, the period); the national framework
    last, with the regional rules that set it aside under another option."""
    zinnen: dict[str, list[str]] = {}
    for code in sorted(regio_codes(), key=lambda c: c == LANDELIJK):
        for t in beschikbaar(code, veld).regels:
            r = t.regel
            if t.landelijk and code != LANDELIJK:
                continue
            eerste = regio(r.regio).versies[0].geldig_vanaf
            periode = f", meldingen {periode_tekst(r)}" if r.geldig_tot or r.geldig_vanaf > eerste else ""
            waar = f"{bron_label(r.bron)}{periode}"
            if waar not in zinnen.setdefault(r.bron.citaat, []):
                zinnen[r.bron.citaat].append(waar)
    delen = [inleiding] if inleiding else []
    delen += [f"“{citaat}” ({'; '.join(waar)})." for citaat, waar in zinnen.items()]
    delen += [
        f"Niet bij {OPTIE_NAMEN[optie]} in {regio_naam(r.regio)}: “{r.bron.citaat}” ({bron_label(r.bron)})."
        for optie, r in _opzij_gezet(veld)
    ]
    return " ".join(delen)


def _opzij_gezet(veld: str) -> list[tuple[str, object]]:
    """Regional rules that, under another option, rule a moment for which the national framework uses ``veld``:
    there the national rule does not apply (e.g. spoed during a new aanmelding in the monitoring)."""
    if veld not in OPTIES:
        return []
    momenten = {t.regel.moment for t in beschikbaar(LANDELIJK, veld).regels}
    uit = []
    for code in regio_codes():
        if code == LANDELIJK:
            continue
        for r in regio(code).regels:
            anders = [k for k, _ in r.als if k != veld]
            if r.moment in momenten and anders and not any(k == veld for k, _ in r.als):
                uit.append((anders[0], r))
    return uit


def _kalender() -> Veld:
    keuzes = tuple((code, KALENDER_KORT[code]) for code in KALENDERS)
    uitleg = " ".join(f"{KALENDER_KORT[code]}: {k.omschrijving}" for code, k in KALENDERS.items())
    return Veld("kalender", "Werkdagen tellen volgens", "select", keuzes=keuzes, standaard=keuzes[0][0], hint=uitleg)


def _peildatum() -> Veld:
    return Veld(
        "peildatum",
        "Stand van de casus op",
        vandaag=True,
        hint="Standaard vandaag; kiest u een andere dag, dan verandert het antwoord meteen.",
    )


def _melding(hint: str = "") -> Veld:
    # Empty, not today: a hurried user must not compute a case she did not enter.
    return Veld("melding", "Meldingsdatum", verplicht=True, hint=hint)


def _optie(naam: str, label: str, soort: str = "checkbox", inleiding: str = "", citeer: bool = True, **kwargs) -> Veld:
    """A field that only some agreements use: shown where they do, and (``citeer``) with their sentence."""
    return Veld(
        naam, label, soort, toon_bij=toon_bij(naam), hint=hint(naam, inleiding) if citeer else inleiding, **kwargs
    )


def tijdlijn() -> Rekenhulp:
    # Regional agreements first; the national framework last (it is the fallback, rarely the choice).
    volgorde = sorted(regio_codes(), key=lambda code: (code == LANDELIJK, regio_naam(code)))
    regios = tuple((code, regio_naam(code)) for code in volgorde)
    routes = tuple((code, ROUTE_KORT[code]) for code in ROUTES)
    return Rekenhulp(
        "tijdlijn",
        "Tijdlijn",
        "Tijdlijn van een casus",
        "Wie heeft zicht op veiligheid, tot wanneer, en wat is de volgende termijn?",
        [
            (
                "Casus",
                [
                    Veld("regio", "Regio", "select", keuzes=regios, standaard=regios[0][0]),
                    Veld(
                        "route",
                        "Route na de melding",
                        "select",
                        keuzes=routes,
                        standaard=routes[0][0],
                        hint="Direct: Veilig Thuis draagt de casus direct na de veiligheidsbeoordeling over. De andere "
                        "routes: Veilig Thuis zet eerst een dienst in en draagt daarna over.",
                    ),
                    _melding("De datum waarop Veilig Thuis de melding ontving."),
                    _optie("spoed", "De melding is spoedeisend"),
                ],
            ),
            (
                "Werkelijke datums (als ze er al zijn)",
                [
                    Veld(
                        "veiligheidsbeoordeling",
                        "Datum waarop de veiligheidsbeoordeling is afgerond",
                        hint="Leeg laten: de uiterste datum volgens de afspraken wordt aangenomen.",
                    ),
                    Veld(
                        "overdracht",
                        "Datum van overdracht",
                        hint="Leeg laten: de uiterste datum volgens de afspraken wordt aangenomen, als die er is.",
                    ),
                    _optie(
                        "dienst_einde",
                        "Einddatum van de dienst",
                        "date",
                        citeer=False,
                        inleiding="Leeg laten: de uiterste einddatum wordt aangenomen.",
                    ),
                    _optie(
                        "terugkoppeling",
                        "Datum waarop het team de casus teruggaf",
                        "date",
                        inleiding="Alleen als het team de casus heeft teruggegeven met het terugkoppelingsformulier.",
                    ),
                    _optie("start_hulp", "Datum waarop het lokale team met de hulp begon", "date"),
                ],
            ),
            (
                "Bijzonderheden",
                [
                    _optie(
                        "vbs",
                        "Verbindend Samenwerken (VBS)",
                        "select",
                        keuzes=(("", "Geen VBS"), *((w, VBS_KORT[w]) for w in OPTIES["vbs"])),
                    ),
                    _optie("jeugdbeschermingstafel", "Veilig Thuis brengt de casus in bij de Jeugdbeschermingstafel"),
                    _optie("heraanmelding", "Nieuwe aanmelding door het team bij stagnatie tijdens de monitoring"),
                    _kalender(),
                ],
            ),
        ],
        knop="Tijdlijn berekenen",
        bij_antwoord=[_peildatum()],
    )


def werkdagen() -> Rekenhulp:
    return Rekenhulp(
        "werkdagen",
        "Werkdagen",
        "Werkdagen tellen",
        "Welke datum is het na een aantal werkdagen, of hoeveel werkdagen liggen er tussen twee datums?",
        [
            (
                "Wat wilt u weten?",
                [
                    Veld(
                        "bewerking",
                        "Berekening",
                        "radio",
                        standaard="optellen",
                        keuzes=(
                            ("optellen", "Een aantal werkdagen optellen bij een datum"),
                            ("tellen", "Werkdagen tellen tussen twee datums"),
                        ),
                    ),
                    Veld(
                        "van", "Vanaf datum", vandaag=True, hint="De dag zelf telt niet mee; tellen begint de dag erna."
                    ),
                    Veld(
                        "aantal",
                        "Aantal werkdagen",
                        "number",
                        toon_bij="bewerking=optellen",
                        extra={"min": "0", "max": "400", "inputmode": "numeric"},
                    ),
                    Veld("tot", "Tot en met datum", toon_bij="bewerking=tellen"),
                    _kalender(),
                ],
            ),
        ],
        knop="Werkdagen berekenen",
    )


def terugkoppeling() -> Rekenhulp:
    code, route = terugkoppeling_regio_route()
    naam = regio_naam(code)
    return Rekenhulp(
        "terugkoppeling",
        "Terugkoppeling",
        f"Terugkoppeling ({naam})",
        "Tot wanneer kan het lokale (wijk)team een directe overdracht teruggeven aan Veilig Thuis?",
        [
            (
                f"{ROUTE_NAMEN[route]} in {naam}",
                [
                    _melding(),
                    Veld(
                        "overdracht",
                        "Datum van de directe overdracht",
                        hint="Leeg laten: de uiterste datum voor overdracht (na de veiligheidsbeoordeling) wordt aangenomen.",
                    ),
                    _kalender(),
                ],
            ),
        ],
        knop="Termijn berekenen",
        bij_antwoord=[_peildatum()],
    )


REKENHULPEN = (tijdlijn, werkdagen, terugkoppeling)


def pagina(tabellen_link: str) -> str:
    return app([maak() for maak in REKENHULPEN], geen_js_link=tabellen_link)
