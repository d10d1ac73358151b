"""The fixed vocabulary of the engine: routes, parties, options, units and moments, with their reader names.

These codes are the stable JSON contract (links with case registration systems depend on them) and
the words the rule files are written in. Terms, counts and sources are deliberately not here: they
are only in the rule files (calculators/rules/*.toml). Regions are not here either: they are the
rule files themselves (``recht.regios``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# A JSON object as the contract has it (docs/tools/cli.md): what every to_dict() returns.
Json = dict[str, Any]

# The national framework: a rule file like the regions', and the fallback where a regional text is silent.
LANDELIJK = "landelijk"

ROUTES: tuple[str, ...] = ("direct", "voorwaarden-en-vervolg", "onderzoek")
ROUTE_NAMEN: dict[str, str] = {
    "direct": "Directe overdracht na de veiligheidsbeoordeling",
    "voorwaarden-en-vervolg": "Dienst Voorwaarden & Vervolg, daarna overdracht",
    "onderzoek": "Dienst Onderzoek, daarna overdracht",
}
# Where a whole name does not fit (a select box on a phone, a table cell).
ROUTE_KORT: dict[str, str] = {
    "direct": "Direct na de veiligheidsbeoordeling",
    "voorwaarden-en-vervolg": "Na dienst Voorwaarden & Vervolg",
    "onderzoek": "Na dienst Onderzoek",
}
DIENST_ROUTES: tuple[str, ...] = ("voorwaarden-en-vervolg", "onderzoek")

# Parties that can hold zicht op veiligheid. Each region names them in its rule file ([partijen]).
PARTIJEN: tuple[str, ...] = ("veilig-thuis", "lokaal-team")

# Where a text names nobody (before triage: § 2.1 only says when Veilig Thuis *becomes* responsible), a
# rule says so with this value instead of a party. In the JSON the party is null, with "aanwijzing".
NIEMAND = "niemand"
# Where the party depends on a fact of the case the calculator does not know (West-Brabant 2017: was there
# a waiting list?). Never a silent guess: the result shows the readings.
ONBEPAALD = "onbepaald"

# Reader names of the engine's options and optional dates, for messages (never the code names).
OPTIE_NAMEN: dict[str, str] = {
    "spoed": "spoed",
    "vbs": "Verbindend Samenwerken (VBS)",
    "heraanmelding": "een nieuwe aanmelding bij stagnatie tijdens de monitoring",
    "jeugdbeschermingstafel": "inbreng bij de Jeugdbeschermingstafel",
    "terugkoppeling": "de terugkoppeling",
    "start_hulp": "de start van de hulp",
    "dienst_einde": "het einde van de dienst",
}

EENHEDEN: tuple[str, ...] = ("dagen", "maanden", "weken", "werkdagen")
EENHEID_ENKELVOUD: dict[str, str] = {
    "dagen": "dag",
    "maanden": "maand",
    "weken": "week",
    "werkdagen": "werkdag",
}

# Hoe een termijn een datum oplevert:
#  - 'einde-termijn': de laatste dag van de termijn (uiterste datum);
#  - 'dag-na-termijn': de eerste dag nadat de termijn is verstreken ("na 7 dagen").
DATUM_SOORTEN: tuple[str, ...] = ("dag-na-termijn", "einde-termijn")

# Opties van tijdlijn() waarop een regel kan worden voorwaardelijk gemaakt (`als`).
# waarde: de toegestane waarden.
OPTIES: dict[str, tuple[object, ...]] = {
    "spoed": (True, False),
    "heraanmelding": (True, False),
    "jeugdbeschermingstafel": (True, False),
    "vbs": ("crisis", "regulier"),
}


# The value of each option when the user says nothing: no spoed, no VBS, ...
STANDAARD_OPTIES: dict[str, object] = {
    optie: (False if False in waarden else None) for optie, waarden in OPTIES.items()
}


@dataclass(frozen=True)
class MomentSoort:
    """Beschrijving van een momentcode.

    soort: 'invoer' (datum komt van de gebruiker), 'berekend' (uit een regel),
    'grens' (de rekenkern zet het moment waar een versie van de afspraken eindigt) of
    'gebeurtenis' (komt niet als datum in de tijdlijn; alleen als beginpunt van
    termijnen die op de vergelijkingspagina staan).

    rol: what the moment is for the reader: 'gebeurtenis' (something that happens: melding,
    overdracht), 'termijn' (a deadline: the latest date for something), 'wissel' (a change
    of who is responsible), 'monitoring' (a monitoring moment) or 'versie' (other rules apply).
    """

    code: str
    naam: str  # '{team}' / '{Team}': the region's own name for the lokaal team (teksten.moment_naam)
    soort: str
    rol: str
    vanaf_tekst: str = ""  # "na {vanaf_tekst}" in omschrijvingen
    invoerveld: str | None = None  # naam van het tijdlijn()-argument
    aannemen: bool = False  # ontbreekt de invoer, dan de uiterste datum aannemen
    kort: str = ""  # a few words where the whole name does not fit (a figure's label)
    in_stap: str = ""  # its name inside a step of the deadline summary ('Afgerond' under 'Veiligheidsbeoordeling')


def _m(code: str, naam: str, soort: str, *args: Any, **kwargs: Any) -> MomentSoort:
    if soort == "invoer":
        rol = "gebeurtenis"
    elif soort == "grens":
        rol = "versie"
    elif code.endswith("-verantwoordelijk"):
        rol = "wissel"
    elif code.startswith("monitoring-"):
        rol = "monitoring"
    else:
        rol = "termijn"
    return MomentSoort(code, naam, soort, rol, *args, **kwargs)


# De volgorde hier is de procesvolgorde: momenten op dezelfde datum staan in
# deze volgorde in de tijdlijn, en een overgang van verantwoordelijkheid later in
# deze lijst gaat op dezelfde dag voor.
_MOMENTEN: tuple[MomentSoort, ...] = (
    _m("regels-gewijzigd", "Andere afspraken van kracht", "grens", kort="Andere afspraken"),
    _m(
        "melding",
        "Melding bij Veilig Thuis",
        "invoer",
        "de melding",
        "melding",
        kort="Melding",
        in_stap="Tot de veiligheidsbeoordeling",
    ),
    _m(
        "veilig-thuis-verantwoordelijk",
        "Veilig Thuis verantwoordelijk voor het zicht op veiligheid",
        "berekend",
        "het moment waarop Veilig Thuis verantwoordelijk werd",
        kort="Veilig Thuis verantwoordelijk",
        in_stap="Veilig Thuis verantwoordelijk",
    ),
    _m(
        "veiligheidsbeoordeling",
        "Veiligheidsbeoordeling (triage) afgerond",
        "invoer",
        "de veiligheidsbeoordeling",
        "veiligheidsbeoordeling",
        aannemen=True,
        kort="Veiligheidsbeoordeling",
    ),
    _m(
        "veiligheidsbeoordeling-uiterlijk",
        "Uiterste datum veiligheidsbeoordeling (triage)",
        "berekend",
        "de uiterste datum van de veiligheidsbeoordeling",
        kort="Uiterlijk veiligheidsbeoordeling",
        in_stap="Afgerond",
    ),
    _m(
        "onderzoek-start-uiterlijk",
        "Uiterste datum start van het onderzoek door Veilig Thuis",
        "berekend",
        kort="Uiterlijk start onderzoek",
    ),
    _m(
        "brief-directbetrokkenen-uiterlijk",
        "Uiterste datum brief van Veilig Thuis aan de directbetrokkenen",
        "berekend",
        kort="Uiterlijk brief gezin",
    ),
    _m(
        "vbs-verdeling-uiterlijk",
        "Uiterste datum verdeling van de VBS-casus door {team}",
        "berekend",
        kort="Uiterlijk VBS verdeeld",
    ),
    _m(
        "dienst-einde-uiterlijk",
        "Uiterste datum afronding dienst (besluit over de vervolgstappen)",
        "berekend",
        "de uiterste datum van de dienst",
        kort="Uiterlijk einde dienst",
        in_stap="Dienst afgerond (besluit over de vervolgstappen)",
    ),
    _m(
        "dienst-einde",
        "Dienst van Veilig Thuis afgerond",
        "invoer",
        "de afronding van de dienst",
        "dienst_einde",
        aannemen=True,
        kort="Einde dienst",
    ),
    _m(
        "overdracht-uiterlijk",
        "Uiterste datum overdracht aan {team}",
        "berekend",
        "de uiterste datum van de overdracht",
        kort="Uiterlijk overdracht",
        in_stap="Overdracht aan {team}",
    ),
    _m(
        "overdracht", "Overdracht aan {team}", "invoer", "de overdracht", "overdracht", aannemen=True, kort="Overdracht"
    ),
    _m(
        "start-hulp", "Start van de hulp door {team}", "invoer", "de start van de hulp", "start_hulp", kort="Start hulp"
    ),
    _m(
        "overdracht-oppakken-uiterlijk",
        "Uiterste datum oppakken en verdelen van de casus door {team}",
        "berekend",
        "de uiterste datum om de casus op te pakken en te verdelen",
        kort="Uiterlijk opgepakt",
        in_stap="{Team} pakt de casus op en verdeelt hem",
    ),
    _m(
        "lokaal-team-verantwoordelijk",
        "{Team} verantwoordelijk voor het zicht op veiligheid",
        "berekend",
        "het moment waarop {team} verantwoordelijk werd",
        kort="Team verantwoordelijk",
        in_stap="{Team} verantwoordelijk",
    ),
    _m(
        "contact-gezin-uiterlijk",
        "Uiterste datum start contact van {team} met het gezin/huishouden",
        "berekend",
        kort="Uiterlijk contact gezin",
    ),
    _m(
        "directbetrokkenen-informeren-afstemming",
        "Afstemming met Veilig Thuis als directbetrokkenen dan nog niet geïnformeerd zijn",
        "berekend",
        kort="Afstemming informeren",
    ),
    _m(
        "terugkoppeling",
        "Terugkoppeling: {team} geeft de casus terug aan Veilig Thuis",
        "invoer",
        "de terugkoppeling",
        "terugkoppeling",
        kort="Terugkoppeling",
    ),
    _m(
        "terugkoppeling-uiterlijk",
        "Uiterste datum terugkoppeling (casus teruggeven aan Veilig Thuis)",
        "berekend",
        "de uiterste datum van de terugkoppeling",
        kort="Uiterlijk teruggeven",
    ),
    _m(
        "monitoring-3-maanden",
        "Eerste vaste monitoringsmoment van Veilig Thuis",
        "berekend",
        kort="1e monitoring",
        in_stap="Eerste vaste moment",
    ),
    _m(
        "monitoring-vervroegen-vanaf",
        "Vroegste moment waarop {team} de monitoring kan vervroegen om stoppen te bespreken "
        "(als het stabiel en veilig is)",
        "berekend",
        kort="Vervroegen kan",
        in_stap="{Team} kan de monitoring vervroegen (als het stabiel en veilig is)",
    ),
    _m(
        "monitoring-12-maanden",
        "Tweede vaste monitoringsmoment van Veilig Thuis",
        "berekend",
        kort="2e monitoring",
        in_stap="Tweede vaste moment",
    ),
    _m(
        "monitoring-einde-gemiddeld",
        "Einde van de monitoring bij de gemiddelde duur",
        "berekend",
        kort="Einde monitoring (gem.)",
        in_stap="Einde bij de gemiddelde duur",
    ),
    # Termijnen die vanaf een gebeurtenis lopen: alleen op de vergelijkingspagina, niet in een tijdlijn.
    _m("vbs-contact-uiterlijk", "Uiterste datum contact/huisbezoek met de directbetrokkenen (VBS)", "berekend"),
    _m(
        "gemeente-reactie-uiterlijk",
        "Uiterste datum reactie van de gemeente op een signaal over de afspraken",
        "berekend",
    ),
    _m("uitvraag-gemeente-tot", "Gemeente neemt de casus mee in de uitvraag van Veilig Thuis tot", "berekend"),
    _m(
        "uitvraag-zvh-tot",
        "Zorg- en Veiligheidshuis neemt de casus mee in de uitvraag van Veilig Thuis tot",
        "berekend",
    ),
    # Bijlage 3a says it in the passive ("De gemeente wordt … geïnformeerd"): it names no party.
    _m("gemeente-geinformeerd-uiterlijk", "De gemeente wordt geïnformeerd (de eerstvolgende werkdag)", "berekend"),
    # Gebeurtenissen zonder datum in de tijdlijn (beginpunt van termijnen op de vergelijkingspagina).
    _m(
        "eerste-contact-team-veilig-thuis",
        "Eerste contact tussen {team} en Veilig Thuis",
        "gebeurtenis",
        "het eerste contact tussen {team} en Veilig Thuis",
    ),
    _m(
        "signaal-aan-gemeente",
        "Signaal aan de gemeente dat afspraken niet worden nagekomen",
        "gebeurtenis",
        "het signaal aan de gemeente",
    ),
    _m("afsluiting", "Afsluiting van de casus door Veilig Thuis", "gebeurtenis", "de afsluiting van de casus"),
    _m(
        "crisis-buiten-kantoortijden",
        "Crisis buiten kantoortijden: Veilig Thuis neemt contact op met de crisishulp jeugd",
        "gebeurtenis",
        "het contact met de crisishulp jeugd buiten kantoortijden",
    ),
)

MOMENTEN: dict[str, MomentSoort] = {m.code: m for m in _MOMENTEN}

# Short names for a figure, where a whole name does not fit ('{team}' as above, e.g. 'team').
KORTE_NAMEN: dict[str, str] = {m.code: m.kort for m in _MOMENTEN if m.kort}
MONITORING_MOMENTEN: tuple[str, ...] = tuple(c for c in MOMENTEN if c.startswith("monitoring-"))
MOMENT_VOLGORDE: dict[str, int] = {m.code: i for i, m in enumerate(_MOMENTEN)}
INVOER_MOMENTEN: dict[str, MomentSoort] = {m.code: m for m in _MOMENTEN if m.soort == "invoer"}


def invoerketen(route: str) -> tuple[str, ...]:
    """De invoermomenten in de volgorde waarin ze in het proces moeten liggen.

    Opgegeven datums moeten in deze volgorde oplopen; een aangenomen datum ligt
    nooit vóór een eerder en nooit na een later opgegeven moment.
    """
    if route in DIENST_ROUTES:
        return ("melding", "veiligheidsbeoordeling", "dienst-einde", "overdracht", "start-hulp")
    return ("melding", "veiligheidsbeoordeling", "overdracht", "terugkoppeling", "start-hulp")
