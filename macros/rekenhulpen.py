"""Which fields each calculator asks for; the choices come from the engine.

Option labels are short (a phone shows the whole select box); what a choice means is in the hint.
"""

from __future__ import annotations

import calculators

from .formulieren import Rekenhulp, Veld, app

NIET_DIRECT = "|".join(calculators.DIENST_ROUTES)

# Short labels for the select boxes; the engine's full names go into the hints.
ROUTE_KORT = {
    "direct": "Direct na de veiligheidsbeoordeling",
    "voorwaarden-en-vervolg": "Na dienst Voorwaarden & Vervolg",
    "onderzoek": "Na dienst Onderzoek",
}
KALENDER_KORT = {
    "atw": "Algemene termijnenwet (standaard)",
    "atw-lid3": "Atw met gelijkgestelde dagen",
    "weekend": "Alleen weekenden",
}


def _kalender() -> Veld:
    keuzes = tuple((code, KALENDER_KORT[code]) for code in calculators.KALENDERS)
    uitleg = " ".join(f"{KALENDER_KORT[code]}: {k.omschrijving}" for code, k in calculators.KALENDERS.items())
    return Veld("kalender", "Werkdagen tellen volgens", "select", keuzes=keuzes, standaard=keuzes[0][0], hint=uitleg)


def _peildatum() -> Veld:
    return Veld("peildatum", "Stand van de casus op", hint="Leeg laten: vandaag. Kies een andere dag om te zien wie dan "
                                                           "zicht op veiligheid heeft en wat de volgende termijn is.")


def tijdlijn() -> Rekenhulp:
    # Regional agreements first; the national framework last (it is the fallback, rarely the choice).
    volgorde = sorted(calculators.REGIOS, key=lambda code: (code == "landelijk", calculators.REGIO_NAMEN[code]))
    regios = tuple((code, calculators.REGIO_NAMEN[code]) for code in volgorde)
    routes = tuple((code, ROUTE_KORT[code]) for code in calculators.ROUTES)
    return Rekenhulp("tijdlijn", "Tijdlijn", "Tijdlijn van een casus",
                     "Wie heeft zicht op veiligheid, tot wanneer, en wat is de volgende termijn?", [
        ("Casus", [
            Veld("regio", "Regio", "select", keuzes=regios, standaard=regios[0][0]),
            Veld("route", "Route na de melding", "select", keuzes=routes, standaard=routes[0][0],
                 hint="Direct: Veilig Thuis draagt de casus direct na de veiligheidsbeoordeling over. De andere "
                      "routes: Veilig Thuis zet eerst een dienst in en draagt daarna over."),
            Veld("melding", "Meldingsdatum", vandaag=True, hint="De datum waarop Veilig Thuis de melding ontving."),
            Veld("spoed", "De melding is spoedeisend", "checkbox",
                 hint="Veilig Thuis is dan direct verantwoordelijk voor zicht op veiligheid."),
            _peildatum(),
        ]),
        ("Werkelijke datums (als ze er al zijn)", [
            Veld("veiligheidsbeoordeling", "Datum waarop de veiligheidsbeoordeling is afgerond",
                 hint="Leeg laten: de uiterste datum volgens de afspraken wordt aangenomen."),
            Veld("overdracht", "Datum van overdracht",
                 hint="Leeg laten: de uiterste datum volgens de afspraken wordt aangenomen, als die er is."),
            Veld("dienst_einde", "Einddatum van de dienst", toon_bij=f"route={NIET_DIRECT}",
                 hint="Leeg laten: de uiterste einddatum wordt aangenomen."),
            Veld("terugkoppeling", "Datum waarop het team de casus teruggaf", toon_bij="regio=midden-brabant;route=direct",
                 hint="Alleen als het lokale (wijk)team de casus heeft teruggegeven met het terugkoppelingsformulier."),
            Veld("start_hulp", "Datum waarop het lokale team met de hulp begon", toon_bij="regio=west-brabant",
                 hint="Alleen voor meldingen onder de oude Richtlijnen zicht op veiligheid (vóór april 2022): Veilig "
                      "Thuis bleef verantwoordelijk zolang het team een wachtlijst had."),
        ]),
        ("Bijzonderheden", [
            Veld("vbs", "Verbindend Samenwerken (VBS)", "select", toon_bij=f"regio=midden-brabant;route={NIET_DIRECT}",
                 keuzes=(("", "Geen VBS"), ("crisis", "Bij crisis of urgentie"), ("regulier", "Regulier verzoek"))),
            Veld("jeugdbeschermingstafel", "Veilig Thuis brengt de casus in bij de Jeugdbeschermingstafel", "checkbox",
                 toon_bij=f"regio=midden-brabant;route={NIET_DIRECT}"),
            Veld("heraanmelding", "Nieuwe aanmelding door het team bij stagnatie tijdens de monitoring", "checkbox",
                 toon_bij=f"regio=midden-brabant;route={NIET_DIRECT}",
                 hint="Stap 4 bij stagnatie: het team blijft verantwoordelijk tot na de zevende weekdag na de melding."),
            _kalender(),
        ]),
    ], knop="Tijdlijn berekenen")


def werkdagen() -> Rekenhulp:
    return Rekenhulp("werkdagen", "Werkdagen", "Werkdagen tellen",
                     "Welke datum is het na een aantal werkdagen, of hoeveel werkdagen liggen er tussen twee datums?", [
        ("Wat wilt u weten?", [
            Veld("bewerking", "Berekening", "radio", standaard="optellen",
                 keuzes=(("optellen", "Een aantal werkdagen optellen bij een datum"),
                         ("tellen", "Werkdagen tellen tussen twee datums"))),
            Veld("van", "Vanaf datum", vandaag=True, hint="De dag zelf telt niet mee; tellen begint de dag erna."),
            Veld("aantal", "Aantal werkdagen", "number", toon_bij="bewerking=optellen",
                 extra={"min": "0", "max": "400", "inputmode": "numeric"}),
            Veld("tot", "Tot en met datum", toon_bij="bewerking=tellen"),
            _kalender(),
        ]),
    ], knop="Werkdagen berekenen")


def terugkoppeling() -> Rekenhulp:
    return Rekenhulp("terugkoppeling", "Terugkoppeling", "Terugkoppeling (Midden-Brabant)",
                     "Tot wanneer kan het lokale (wijk)team een directe overdracht teruggeven aan Veilig Thuis?", [
        ("Directe overdracht in Midden-Brabant", [
            Veld("melding", "Meldingsdatum", vandaag=True),
            Veld("overdracht", "Datum van de directe overdracht",
                 hint="Leeg laten: de uiterste datum voor overdracht (na de veiligheidsbeoordeling) wordt aangenomen."),
            _peildatum(),
            _kalender(),
        ]),
    ], knop="Termijn berekenen")


REKENHULPEN = (tijdlijn, werkdagen, terugkoppeling)


def pagina(tabellen_link: str) -> str:
    return app([maak() for maak in REKENHULPEN], geen_js_link=tabellen_link)
