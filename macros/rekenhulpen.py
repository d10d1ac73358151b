"""Which fields each calculator asks for; the choices come from the engine."""

from __future__ import annotations

import calculators

from .formulieren import Veld, formulier

NIET_DIRECT = "|".join(calculators.DIENST_ROUTES)


def _kalender() -> Veld:
    keuzes = tuple((code, kalender.naam) for code, kalender in calculators.KALENDERS.items())
    return Veld("kalender", "Werkdagen tellen volgens", "select", keuzes=keuzes, standaard=keuzes[0][0],
                hint="Standaard: maandag tot en met vrijdag, zonder de feestdagen van de Algemene termijnenwet.")


def tijdlijn(tabellen_link: str) -> str:
    # Regional agreements first; the national framework last (it is the fallback, rarely the choice).
    volgorde = sorted(calculators.REGIOS, key=lambda code: (code == "landelijk", calculators.REGIO_NAMEN[code]))
    regios = tuple((code, calculators.REGIO_NAMEN[code]) for code in volgorde)
    routes = tuple((code, calculators.ROUTE_NAMEN[code]) for code in calculators.ROUTES)
    return formulier("tijdlijn", [
        ("Casus", [
            Veld("regio", "Regio", "select", keuzes=regios, standaard=regios[0][0]),
            Veld("route", "Route na de melding", "select", keuzes=routes, standaard=routes[0][0],
                 hint="Direct: overdracht direct na de veiligheidsbeoordeling. De andere routes: overdracht na een dienst van Veilig Thuis."),
            Veld("melding", "Meldingsdatum", vandaag=True, hint="De datum waarop Veilig Thuis de melding ontving."),
            Veld("spoed", "De melding is spoedeisend", "checkbox",
                 hint="Veilig Thuis is dan direct verantwoordelijk voor zicht op veiligheid."),
        ]),
        ("Werkelijke datums (als ze er al zijn)", [
            Veld("veiligheidsbeoordeling", "Datum waarop de veiligheidsbeoordeling is afgerond",
                 hint="Leeg laten: de uiterste datum volgens de afspraken wordt aangenomen."),
            Veld("overdracht", "Datum van overdracht", hint="Leeg laten: de rekenhulp neemt de uiterste datum aan en zegt dat erbij."),
            Veld("dienst_einde", "Einddatum van de dienst", toon_bij=f"route={NIET_DIRECT}",
                 hint="Leeg laten: de uiterste einddatum wordt aangenomen."),
            Veld("terugkoppeling", "Datum van terugkoppeling door het lokale (wijk)team", toon_bij="regio=midden-brabant;route=direct",
                 hint="Alleen als het team de casus heeft teruggegeven (terugkoppelingsformulier)."),
            Veld("start_hulp", "Datum waarop het lokale team met de hulp begon", toon_bij="regio=west-brabant",
                 hint="Alleen voor meldingen onder de oude Richtlijnen zicht op veiligheid: Veilig Thuis bleef verantwoordelijk zolang het team een wachtlijst had."),
        ]),
        ("Bijzonderheden", [
            Veld("vbs", "Verbindend Samenwerken (VBS)", "select", toon_bij="regio=midden-brabant",
                 keuzes=(("", "Geen VBS"), ("crisis", "VBS bij crisis of urgentie"), ("regulier", "VBS, regulier verzoek"))),
            Veld("jeugdbeschermingstafel", "Veilig Thuis brengt de casus in bij de Jeugdbeschermingstafel", "checkbox",
                 toon_bij=f"route={NIET_DIRECT}"),
            _kalender(),
        ]),
    ], knop="Tijdlijn berekenen", geen_js_link=tabellen_link)


def werkdagen(tabellen_link: str) -> str:
    return formulier("werkdagen", [
        ("Wat wilt u weten?", [
            Veld("bewerking", "Berekening", "radio", standaard="optellen",
                 keuzes=(("optellen", "Een aantal werkdagen optellen bij een datum"),
                         ("tellen", "Werkdagen tellen tussen twee datums"))),
            Veld("van", "Vanaf datum", vandaag=True, hint="De dag zelf telt niet mee; tellen begint de dag erna."),
            Veld("aantal", "Aantal werkdagen", "number", toon_bij="bewerking=optellen", extra={"min": "0", "max": "400", "inputmode": "numeric"}),
            Veld("tot", "Tot en met datum", toon_bij="bewerking=tellen"),
            _kalender(),
        ]),
    ], knop="Werkdagen berekenen", geen_js_link=tabellen_link)


def terugkoppeling(tabellen_link: str) -> str:
    return formulier("terugkoppeling", [
        ("Directe overdracht in Midden-Brabant", [
            Veld("melding", "Meldingsdatum", vandaag=True),
            Veld("overdracht", "Datum van de directe overdracht",
                 hint="Leeg laten: de uiterste datum voor overdracht (na de veiligheidsbeoordeling) wordt aangenomen."),
            _kalender(),
        ]),
    ], knop="Termijn berekenen", geen_js_link=tabellen_link)


FORMULIEREN = {"tijdlijn": tijdlijn, "werkdagen": werkdagen, "terugkoppeling": terugkoppeling}


def formulier_voor(soort: str, tabellen_link: str) -> str:
    return FORMULIEREN[soort](tabellen_link)
