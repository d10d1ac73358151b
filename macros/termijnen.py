"""'Termijnen in één oogopslag': the deadlines of one agreement, generated from its rule file.

A section at the top of an agreement page, in two parts:

1. the main line of a case in the order it happens (melding → veiligheidsbeoordeling →
   overdracht → verantwoordelijkheid → monitoring), with the rules that apply when nothing
   special is going on, per route where the routes differ;
2. everything else after it: the other deadlines of the text, the rules for special
   situations (spoed, VBS, stagnatie, …) and the rules of earlier versions.

Every rule of the region appears (tests/macros/test_termijnen.py). Where the text is silent
the national rule is shown and named as such. Each rule links to its paragraph, and the
section links to the tijdlijn calculator with the region filled in.
"""

from __future__ import annotations

from dataclasses import dataclass

from calculators.basis.begrippen import LANDELIJK, MOMENT_VOLGORDE, MOMENTEN, MONITORING_MOMENTEN, ROUTES
from calculators.basis.opmaak import hoofdletter, kleine_letter
from calculators.woorden.teksten import NIEMAND_NAAM, met_team, moment_naam, routes_tekst

from .gegevens import Gegevens, Toepassing
from .opmaak import Links, geldigheid, termijn_md, voorwaarde

ANKER = "termijnen-in-een-oogopslag"
TITEL = "Termijnen in één oogopslag"
TIJDLIJN = "rekenhulpen/index.md"
LANDELIJK_LABEL = '<span class="aw-landelijk" title="Regel uit het landelijk kader">landelijk</span>'

# The main line of a case: (step, its moments in the order shown). A rule for one of these
# moments that applies without any option is part of the summary; every other rule follows it.
STAPPEN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Melding", ("melding",)),
    ("Veiligheidsbeoordeling (triage)", ("veiligheidsbeoordeling-uiterlijk", "veilig-thuis-verantwoordelijk")),
    ("Overdracht", ("dienst-einde-uiterlijk", "overdracht-uiterlijk", "overdracht-oppakken-uiterlijk")),
    ("Verantwoordelijkheid na de overdracht", ("lokaal-team-verantwoordelijk",)),
    ("Monitoring", MONITORING_MOMENTEN),
)


@dataclass
class Regel:
    """One line: the rules for one moment as the reader sees them in this block."""

    naam: str
    tekst: str  # Markdown
    bronnen: dict[str, tuple[str, bool, tuple[str, ...]]]  # url -> (Markdown link, national?, routes)


def _namen(tekst: str, partijen: dict) -> str:
    return met_team(tekst.replace("{VT}", partijen.get("veilig-thuis") or "Veilig Thuis"), partijen)


def _moment(regel: dict) -> str:
    return regel.get("moment") or regel["momenten"][0]


def _volgorde(regel: dict) -> tuple:
    return (MOMENT_VOLGORDE[_moment(regel)], bool(regel.get("als")), regel["geldig_vanaf"])


def naam_en_tekst(regel: dict, partijen: dict, kort: bool) -> tuple[str, str]:
    """The name of the moment and the engine's wording of the term, read as a deadline
    ('uiterlijk 5 werkdagen na …') or as a start ('vanaf de dag van …')."""
    moment = _moment(regel)
    if regel["soort"] == "vervalt":
        return regel["omschrijving"], ""
    if kort and MOMENTEN[moment].in_stap:
        naam, uiterlijk = _namen(MOMENTEN[moment].in_stap, partijen), True
    else:
        naam, uiterlijk = moment_naam(moment, partijen), False
        # 'Uiterste datum …' says what 'uiterlijk' before the term says.
        if naam.startswith("Uiterste datum ") and not naam.startswith("Uiterste datum waarop"):
            naam, uiterlijk = hoofdletter(naam.removeprefix("Uiterste datum ")), True
    if regel["soort"] == "overgang":
        if regel["niemand_aangewezen"]:
            return naam, kleine_letter(NIEMAND_NAAM)
        return naam, f"daarna is {partijen.get(regel['verantwoordelijke'])} verantwoordelijk"
    tekst = termijn_md(regel, partijen)
    rol = MOMENTEN[moment].rol
    if rol == "termijn" and uiterlijk and not naam.endswith(" tot"):
        tekst = "uiterlijk " + tekst
    elif rol == "wissel":
        tekst = "vanaf " + tekst.removeprefix("op ")
    return naam, tekst


def _regel(toepassingen: list[Toepassing], routes: tuple[str, ...], links: Links, partijen: dict, kort: bool) -> Regel:
    """The rules for one moment; with several, the engine takes the earliest date."""
    delen = [naam_en_tekst(t.regel, partijen, kort) for t in toepassingen]
    teksten = list(dict.fromkeys(tekst for _, tekst in delen))
    tekst = " of ".join(teksten) + (", wat het eerst komt" if len(teksten) > 1 else "")
    bronnen: dict[str, tuple[str, bool, tuple[str, ...]]] = {}
    for t in toepassingen:
        bronnen.setdefault(t.regel["bron"]["url"], (links.bron(t.regel["bron"], kort=True), t.terugval, routes))
    return Regel(delen[0][0], tekst, bronnen)


def _md(r: Regel, situatie: str = "") -> str:
    scheiding = (" — " if ":" in r.naam else ": ") if r.naam else ""
    tekst = r.naam + (f"{scheiding}{r.tekst}" if r.tekst else "")
    if situatie:
        tekst += f" ({situatie})"
    # Sources per route only where the routes sharing this line rest on different paragraphs.
    per_route = len({b[2] for b in r.bronnen.values()}) > 1
    delen = []
    for link, landelijk, bron_routes in r.bronnen.values():
        deel = f"{routes_tekst(bron_routes)}: {link}" if per_route else link
        delen.append(f"{deel} {LANDELIJK_LABEL}" if landelijk else deel)
    bronnen = "; ".join(delen)
    return f"{tekst} ({bronnen})" if per_route else f"{tekst} {bronnen}"


def _per_soort(toepassingen: list[Toepassing]) -> list[list[Toepassing]]:
    """Rules for the same moment together; a 'vervalt' rule stands on its own."""
    groepen: dict[str, list[Toepassing]] = {}
    for t in toepassingen:
        groepen.setdefault(t.regel["code"] if t.regel["soort"] == "vervalt" else "", []).append(t)
    return list(groepen.values())


def regelgroepen(
    gegevens: Gegevens,
    regio: str,
    momenten: tuple[str, ...],
    links: Links,
    partijen: dict,
    routes: tuple[str, ...] = ROUTES,
    kort: bool = True,
) -> list[tuple[tuple[str, ...], list[Regel]]]:
    """The rules that apply without options, per moment, grouped by the routes whose rules read the
    same: [(routes, [line, …]), …]. Where routes share a line but not its paragraph, each source
    keeps its routes. ``kort``: the short names of the summary's steps, where a step heading says the rest."""
    per_route: dict[str, list[Regel]] = {}
    for route in routes:
        regels, gezien = [], set()
        for moment in momenten:
            nieuw = [t for t in gegevens.standaardregels(regio, moment, route) if t.sleutel not in gezien]
            gezien |= {t.sleutel for t in nieuw}
            regels += [_regel(groep, (route,), links, partijen, kort=kort) for groep in _per_soort(nieuw)]
        per_route[route] = regels
    groepen: dict[tuple, list[str]] = {}
    for route, regels in per_route.items():
        groepen.setdefault(tuple((r.naam, r.tekst) for r in regels), []).append(route)
    uit = []
    for sleutel, groep in groepen.items():
        if not sleutel:
            continue
        samen = []
        for i, (naam, tekst) in enumerate(sleutel):
            bronnen: dict[str, tuple[str, bool, tuple[str, ...]]] = {}
            for route in groep:
                for url, (link, landelijk, _) in per_route[route][i].bronnen.items():
                    eerder = bronnen[url][2] if url in bronnen else ()
                    bronnen[url] = (link, landelijk, eerder + (route,))
            samen.append(Regel(naam, tekst, bronnen))
        uit.append((tuple(groep), samen))
    return uit


def regel_md(r: Regel, situatie: str = "", met_naam: bool = True, zin: bool = True) -> str:
    """A line in Markdown; without its name where a heading already says it (``zin``: it starts
    a sentence)."""
    if not met_naam and r.tekst:
        r = Regel("", hoofdletter(r.tekst) if zin else r.tekst, r.bronnen)
    return _md(r, situatie)


def _stap(gegevens: Gegevens, regio: str, momenten: tuple[str, ...], links: Links, partijen: dict) -> list[str]:
    """The lines of one step: per moment, grouped by the routes whose rules read the same."""
    groepen = regelgroepen(gegevens, regio, momenten, links, partijen)
    uit = []
    for routes, regels in groepen:
        if len(groepen) > 1 or set(routes) != set(ROUTES):
            uit += [f'    - <span class="aw-route">{hoofdletter(routes_tekst(routes))}</span>', ""]
            uit += [f"        - {_md(r)}" for r in regels] + [""]
        else:
            uit += [f"    - {_md(r)}" for r in regels]
    return uit


def samenvatting(gegevens: Gegevens, regio: str, links: Links) -> tuple[list[str], set[tuple]]:
    """The main line as a Markdown ordered list, and the rules it shows."""
    partijen = gegevens.regios[regio].partijen
    regels, getoond = [], set()
    for stap, momenten in STAPPEN:
        lijnen = _stap(gegevens, regio, momenten, links, partijen)
        if not lijnen:
            continue
        for moment in momenten:
            for route in ROUTES:
                getoond |= {t.sleutel for t in gegevens.standaardregels(regio, moment, route)}
        regels += [f"1. **{stap}**", "", *lijnen, ""]
    return regels, getoond


def _situatie(regel: dict, routes, partijen: dict) -> str:
    delen = []
    if set(routes) != set(ROUTES):
        delen.append(routes_tekst(routes))
    if voorwaarde(regel):
        delen.append(voorwaarde(regel, partijen))
    return "; ".join(delen)


def overige(gegevens: Gegevens, regio: str, links: Links, getoond: set[tuple]) -> list[str]:
    """Other deadlines, special situations and earlier versions: every remaining rule once."""
    r = gegevens.regios[regio]
    soorten: dict[str, list[tuple[Toepassing, tuple[str, ...]]]] = {"ook": [], "bijzonder": [], "eerder": []}
    for x in r.regels:
        t = Toepassing(x, False, standaard=not x["als"])
        if t.sleutel not in getoond:
            soorten["eerder" if x["geldig_tot"] else ("bijzonder" if x["als"] else "ook")].append(
                (t, tuple(x["routes"]))
            )
    for t, routes in gegevens.terugvallen(regio):
        if t.sleutel not in getoond:
            soorten["bijzonder" if t.regel["als"] else "ook"].append((t, routes))
    versies = {v["code"]: v["naam"] for v in r.versies}

    def lijn(t: Toepassing, routes) -> str:
        tekst = _md(_regel([t], routes, links, r.partijen, kort=False), _situatie(t.regel, routes, r.partijen))
        if t.regel["geldig_tot"]:
            versie = versies.get(t.regel["versie"])
            tekst = f"{versie + ', ' if versie else ''}voor meldingen {geldigheid(t.regel)}: {tekst}"
        return f"- {hoofdletter(tekst)}"

    uit = []
    for soort, kop in (
        ("ook", "Andere termijnen"),
        ("bijzonder", "In bijzondere situaties"),
        ("eerder", "Eerdere afspraken"),
    ):
        lijst = sorted(soorten[soort], key=lambda x: _volgorde(x[0].regel))
        if lijst:
            uit += [f"**{kop}**", "", *(lijn(t, routes) for t, routes in lijst), ""]
    return uit


def _intro(gegevens: Gegevens, regio: str) -> str:
    r = gegevens.regios[regio]
    tekst = (
        f"Wie verantwoordelijk is voor het zicht op veiligheid, en de termijnen, in de volgorde van een "
        f"casus. Voor meldingen {geldigheid(r.huidige_versie)}; elke regel linkt naar de tekst."
    )
    if gegevens.terugvallen(regio):
        tekst += f" {LANDELIJK_LABEL}: deze tekst zwijgt erover, het landelijk kader geldt."
    return tekst


def tijdlijn_link(links: Links, regio: str) -> str:
    """The tijdlijn calculator with this region filled in (the calculator reads ?regio=)."""
    return f"{links.pagina(TIJDLIJN)}?regio={regio}#tijdlijn"


def blok(gegevens: Gegevens, regio: str, links: Links, infographic_pagina: str | None = None) -> str:
    r = gegevens.regios[regio]
    stappen, getoond = samenvatting(gegevens, regio, links)
    rest = overige(gegevens, regio, links, getoond)
    if rest:
        # The long tail after the main line: one tap away, so the summary stays short on a phone.
        rest = [
            '<details class="aw-oogopslag__overig" markdown>',
            "<summary>Andere termijnen en bijzondere situaties</summary>",
            "",
            *rest,
            "</details>",
            "",
        ]
    waar = r.naam if regio != LANDELIJK else "het landelijk kader"
    verder = [f"[Alle regio’s naast elkaar]({links.pagina('vergelijking/index.md', 'termijnen')})"]
    if infographic_pagina:
        verder.insert(0, f"[Infographic]({links.pagina(infographic_pagina, 'infographic-' + regio)})")
    return "\n".join(
        [
            '<section class="aw-oogopslag" markdown>',
            "",
            # Kept out of the search index: a search should lead to the text that says it.
            f'## {TITEL} {{ #{ANKER} data-search-exclude="ja" }}',
            "",
            _intro(gegevens, regio),
            "",
            f"[Tijdlijn berekenen voor {waar}]({tijdlijn_link(links, regio)}){{ .md-button .aw-oogopslag__reken }}",
            "",
            '<div class="aw-stappen" markdown>',
            "",
            *stappen,
            "</div>",
            "",
            *rest,
            "",
            '<p class="aw-oogopslag__verder" markdown>' + " · ".join(verder) + "</p>",
            "",
            "</section>",
            "",
        ]
    )


def aangevuld_uit_landelijk(gegevens: Gegevens, regio: str, links: Links) -> str:
    """A visible note for a text that is not the agreement itself (West-Brabant): which moments
    the calculators take from the national framework because the text is silent on them."""
    r = gegevens.regios[regio]
    # One line per moment (a variant for an option is said with it), the monitoring as one.
    # Each with its own national source: the triage comes from the Kwaliteitskader, the monitoring from
    # the AEF report (the Handelingsprotocol as quoted there).
    namen: dict[str, tuple[list[str], list[str]]] = {}
    for t, _ in sorted(gegevens.terugvallen(regio), key=lambda x: _volgorde(x[0].regel)):
        if MOMENTEN[_moment(t.regel)].rol == "monitoring":
            naam = "Monitoring door Veilig Thuis"
        else:
            naam, _ = naam_en_tekst(t.regel, r.partijen, kort=False)
        opties, bronnen = namen.setdefault(naam, ([], []))
        if t.regel["als"]:
            opties.append(voorwaarde(t.regel, r.partijen))
        bron = links.bron(t.regel["bron"])
        if bron not in bronnen:
            bronnen.append(bron)
    regels_namen = [
        (f"{naam} (ook {', '.join(opties)})" if opties else naam) + " — " + ", ".join(bronnen)
        for naam, (opties, bronnen) in namen.items()
    ]
    regels = [
        # Kept out of the search index: a search should lead to the text itself.
        '<aside class="aw-aangevuld" data-search-exclude="ja" markdown>',
        "",
        '!!! warning "Dit is het collegevoorstel, niet de tekst van de afspraken"',
        "",
        "    Deze pagina is het voorstel waarmee het college de afspraken vaststelt. De tekst van de afspraken "
        "zelf (een bijlage bij het voorstel) zat niet in de bron en staat dus niet op deze site. Wat het voorstel "
        "over de afspraken zegt, rekenen de rekenhulpen mee. Voor de rest gebruiken zij de landelijke regels:",
        "",
        *(f"    - {naam}" for naam in regels_namen),
        "",
        "</aside>",
        "",
    ]
    return "\n".join(regels)
