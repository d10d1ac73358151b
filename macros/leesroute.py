"""The reading route for newcomers ('Start hier'): steps that carry the reader.

Per step: what it is about, a short list of what to remember, the time it takes and the place to
read. Where the list states terms, they come from the rule data (through ``macros.gegevens`` and
``macros.termijnen``, the same lines as 'Termijnen in één oogopslag'); reading times are counted
from the words of the section the step points to. Each page the route leads to gets a bar at the
start of that section (which step, how long, back to the route) and one at its end (read, next
step, back to the route), inserted by ``voeg_stappen_in`` after the page's macros ran.

Progress (which steps are read) is kept in the browser by assets/javascripts/leesroute.js: the
step keys only, nothing a reader types.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from calculators.basis.begrippen import LANDELIJK
from calculators.basis.opmaak import hoofdletter
from calculators.woorden.teksten import routes_tekst

from .gegevens import Gegevens
from .opmaak import Links
from .termijnen import regelgroepen

ROUTE_PAGINA = "start-hier.md"
WOORDEN_PER_MINUUT = 180  # careful reading of an agreement, not skimming
# The moments whose terms a step lists: who is responsible from when, and when Veilig Thuis monitors.
VERANTWOORDELIJKHEID = ("veiligheidsbeoordeling-uiterlijk", "veilig-thuis-verantwoordelijk")
OVERDRACHT = ("overdracht-oppakken-uiterlijk", "lokaal-team-verantwoordelijk", "monitoring-3-maanden")


@dataclass(frozen=True)
class Lezen:
    """A place to read: a page, from a heading (``anker``) up to the heading ``tot`` (by default
    the next heading of the same or a higher level); without ``anker`` the whole page."""

    pagina: str
    anker: str | None = None
    tot: str | None = None
    label: str = ""  # on the button: 'Lees hoofdstuk 2'
    regio: str | None = None  # whose terms the summary lists
    momenten: tuple[str, ...] = ()


@dataclass(frozen=True)
class Stap:
    sleutel: str  # stable: the progress a browser kept refers to it
    titel: str
    wat: str  # Markdown: what the step is about
    lezen: tuple[Lezen, ...]
    minuten: int | None = None  # for a step that is not reading (practice, the calculator)
    keuze: str = ""  # the step offers a choice between its places ('Kies uw regio')
    optioneel: bool = False
    onthoud: tuple[str, ...] = field(default_factory=tuple)  # Markdown, words only: no term by hand


STAPPEN: tuple[Stap, ...] = (
    Stap(
        "kader",
        "Het landelijke kader",
        "Wat *zicht op veiligheid* betekent en wanneer Veilig Thuis daarvoor verantwoordelijk is.",
        (
            Lezen(
                "landelijk/kwaliteitskader-zicht-op-veiligheid.md",
                "par-2",
                label="Lees hoofdstuk 2",
                regio=LANDELIJK,
                momenten=VERANTWOORDELIJKHEID,
            ),
        ),
        onthoud=(
            "Zicht op veiligheid: een actueel beeld van de veiligheid van álle leden van het gezin of "
            "huishouden, en één partij die daarvoor verantwoordelijk is.",
            "De verantwoordelijkheid van Veilig Thuis eindigt pas als het vervolg bij een andere partij "
            "belegd is (de overdracht).",
        ),
    ),
    Stap(
        "regio",
        "De afspraken van uw regio",
        "Hoe een casus na de melding loopt, en op welk moment de verantwoordelijkheid overgaat naar het "
        "lokale team. Lees die van uw eigen regio.",
        (
            Lezen(
                "midden-brabant/samenwerkingsafspraken.md",
                "par-4",
                tot="par-6",
                label="Midden-Brabant: § 4 en 5",
                regio="midden-brabant",
                momenten=OVERDRACHT,
            ),
            Lezen(
                "west-brabant/samenwerkingsafspraken.md",
                "wat-willen-we-gaan-doen",
                label="West-Brabant: de drie wijzigingen",
                regio="west-brabant",
                momenten=OVERDRACHT,
            ),
            Lezen(
                "zuid-limburg/samenwerkingsafspraken.md",
                "par-5",
                label="Zuid-Limburg: § 5",
                regio="zuid-limburg",
                momenten=OVERDRACHT,
            ),
        ),
        keuze="Kies uw regio",
    ),
    Stap(
        "begrippen",
        "De begrippen",
        "Houd de begrippenlijst bij de hand. In de afspraken linkt elk begrip, de eerste keer in een "
        "onderdeel, naar zijn uitleg; afkortingen tonen hun betekenis als u erop tikt, er met de muis op "
        "staat of er met de Tab-toets op komt. Lees nu de begrippen die u in stap 1 en 2 tegenkwam.",
        (Lezen("begrippenlijst.md", label="Naar de begrippenlijst"),),
        minuten=10,
        onthoud=(
            "Werkdagen zijn maandag tot en met vrijdag, zonder de algemeen erkende feestdagen van de "
            "Algemene termijnenwet.",
            "Waar een tekst alleen ‘dagen’ zegt, staat er niet bij of dat kalenderdagen of werkdagen zijn; "
            "de rekenhulp zegt bij elke datum hoe hij telt.",
        ),
    ),
    Stap(
        "oefenen",
        "Oefen met de termijnen",
        "Casussen rond weekenden en feestdagen, met na elk antwoord hoe de dagen geteld zijn en de "
        "paragraaf waar het staat.",
        (Lezen("oefenen.md", label="Naar Oefenen"),),
        minuten=15,
    ),
    Stap(
        "rekenen",
        "Reken een eigen voorbeeld",
        "Vul in *Tijdlijn berekenen* een meldingsdatum in en volg bij elke datum de link naar de paragraaf "
        "waar hij vandaan komt.",
        (Lezen("rekenhulpen/index.md", label="Tijdlijn berekenen"),),
        minuten=10,
    ),
    Stap(
        "achtergrond",
        "Achtergrond",
        "Waarom de afspraken per regio verschillen en waar ze aan moeten voldoen: de conclusies en "
        "aanbevelingen van het AEF-rapport *Samen werken aan een veilig thuis* (2020).",
        (
            Lezen(
                "achtergrond/aef-samen-werken-aan-een-veilig-thuis.md",
                "par-4",
                tot="bijlage-1",
                label="Lees hoofdstuk 4",
            ),
        ),
        optioneel=True,
    ),
)


# --- the text a step points to --------------------------------------------------------------------

_KOP = re.compile(r"^(#{1,6}) (.*)$")
_ANKER_IN_KOP = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
_HEKJE = re.compile(r"^(`{3,}|~{3,})")


def _koppen(regels: list[str]) -> list[tuple[int, int, str | None, str]]:
    """(line, level, anchor, title) of every heading outside fenced code."""
    uit, in_code = [], False
    for i, regel in enumerate(regels):
        if _HEKJE.match(regel):
            in_code = not in_code
            continue
        m = None if in_code else _KOP.match(regel)
        if m:
            anker = _ANKER_IN_KOP.search(m.group(2))
            titel = _ANKER_IN_KOP.sub("", m.group(2)).strip()
            uit.append((i, len(m.group(1)), anker.group(1) if anker else None, titel))
    return uit


def bereik(markdown: str, lezen: Lezen) -> tuple[int, int, str]:
    """The lines [start, end) of the part to read, and the title of the heading it stops at ('' at the end)."""
    regels = markdown.split("\n")
    koppen = _koppen(regels)
    if lezen.anker is None:
        eerste = next((i for i, niveau, _, _ in koppen if niveau == 1), -1)
        return eerste + 1, len(regels), ""
    try:
        k = next(k for k, kop in enumerate(koppen) if kop[2] == lezen.anker)
    except StopIteration:
        raise ValueError(f"{lezen.pagina}: geen kop met anker #{lezen.anker}") from None
    niveau = koppen[k][1]
    volgende = next((kop for kop in koppen[k + 1 :] if (kop[2] == lezen.tot if lezen.tot else kop[1] <= niveau)), None)
    if lezen.tot and volgende is None:
        raise ValueError(f"{lezen.pagina}: geen kop met anker #{lezen.tot}")
    return koppen[k][0] + 1, volgende[0] if volgende else len(regels), volgende[3] if volgende else ""


_OPMAAK = re.compile(r"\{[^}]*\}|\[\^\d+\]|<[^>]+>|\]\([^)]*\)|[*_#>|`\[\]]")


def minuten(tekst: str) -> int:
    woorden = len(re.findall(r"\w+", _OPMAAK.sub(" ", tekst)))
    return max(1, math.ceil(woorden / WOORDEN_PER_MINUUT))


def leestijd(docs: Path, lezen: Lezen) -> int:
    markdown = (docs / lezen.pagina).read_text(encoding="utf-8")
    start, einde, _ = bereik(markdown, lezen)
    return minuten("\n".join(markdown.split("\n")[start:einde]))


def stap_minuten(docs: Path, stap: Stap) -> int:
    """A reading step takes as long as its place to read (the longest, where the reader chooses one)."""
    return stap.minuten or max(leestijd(docs, lezen) for lezen in stap.lezen)


# --- what to remember: the terms, from the rule data ----------------------------------------------


def termijnen(gegevens: Gegevens, lezen: Lezen, links: Links) -> list[str]:
    """Markdown list items: the lines of 'Termijnen in één oogopslag' for the step's moments (rules
    that apply without options), per route where the routes differ; without their sources (the step
    leads to the text). The only place the route reads the rule data."""
    if not lezen.regio:
        return []
    partijen = gegevens.regios[lezen.regio].partijen
    groepen = regelgroepen(gegevens, lezen.regio, lezen.momenten, links, partijen, kort=False)
    uit = []
    for routes, regels in groepen:
        lijnen = [
            (f"{r.naam}: {r.tekst}" if r.tekst else r.naam)
            + (" (landelijk kader)" if all(landelijk for _, landelijk, _ in r.bronnen.values()) else "")
            for r in regels
        ]
        if len(groepen) > 1:
            uit += [f"- *{hoofdletter(routes_tekst(routes))}*", "", *(f"    - {lijn}" for lijn in lijnen), ""]
        else:
            uit += [f"- {lijn}" for lijn in lijnen]
    return uit


# --- the route page -------------------------------------------------------------------------------


def _knop(links: Links, lezen: Lezen, primair: bool) -> str:
    klasse = ".md-button .md-button--primary" if primair else ".md-button"
    return f"[{lezen.label}]({links.pagina(lezen.pagina, lezen.anker)}){{ {klasse} }}"


def pagina(gegevens: Gegevens, docs: Path, links: Links) -> str:
    totaal = sum(stap_minuten(docs, s) for s in STAPPEN if not s.optioneel)
    uit = [
        f"Deze route brengt u in ongeveer {_duur(totaal)} langs wat u moet weten om goed samen te werken. "
        f"Lees de stappen in deze volgorde. Bij elke stap staat wat u onthoudt, en waar u het leest; "
        f"aan het eind van die tekst komt u terug op de route of gaat u door naar de volgende stap.",
        "",
        '<div class="aw-leesroute__voortgang" data-aw-voortgang hidden markdown>',
        "",
        '<p aria-live="polite"><span data-aw-voortgang-tekst></span></p>',
        f'<progress max="{sum(not s.optioneel for s in STAPPEN)}" value="0" aria-label="Gelezen stappen"></progress>',
        '<button type="button" class="md-button" data-aw-opnieuw>Opnieuw beginnen</button>',
        "",
        "</div>",
        "",
    ]
    for nummer, stap in enumerate(STAPPEN, 1):
        uit += _stap_blok(gegevens, docs, links, nummer, stap)
    uit += [
        '<p class="aw-leesroute__privacy" markdown>Welke stappen u hebt gelezen, bewaart uw browser op dit '
        "apparaat, en verder niets; het verlaat uw computer niet.</p>",
        "",
    ]
    return "\n".join(uit)


def _duur(minuten_: int) -> str:
    if minuten_ < 60:
        return f"{minuten_} minuten"
    uren, rest = divmod(minuten_, 60)
    kwartieren = round(rest / 15) * 15
    return f"{'een uur' if uren == 1 else f'{uren} uur'}" + (f" en {kwartieren} minuten" if kwartieren else "")


def _stap_blok(gegevens: Gegevens, docs: Path, links: Links, nummer: int, stap: Stap) -> list[str]:
    titel = f"{nummer}. {stap.titel}" + (" (optioneel)" if stap.optioneel else "")
    uit = [
        f'<section class="aw-leesroute__stap" data-aw-stap="{stap.sleutel}"'
        f"{' data-aw-optioneel' if stap.optioneel else ''} markdown>",
        "",
        f"## {titel} {{ #stap-{stap.sleutel} }}",
        "",
        f'<p class="aw-leesroute__duur">Ongeveer {stap_minuten(docs, stap)} minuten</p>',
        "",
        stap.wat,
        "",
    ]
    if stap.keuze:
        uit += [f"**{stap.keuze}:**", ""]
        for lezen in stap.lezen:
            lijnen = termijnen(gegevens, lezen, links)
            uit += [
                '<div class="aw-leesroute__keuze" markdown>',
                "",
                f"{_knop(links, lezen, primair=False)} "
                f'<span class="aw-leesroute__duur">ongeveer {leestijd(docs, lezen)} minuten</span>',
                "",
                *(["**Onthoud:**", "", *lijnen, ""] if lijnen else []),
                "</div>",
                "",
            ]
    else:
        lijnen = [
            *(f"- {zin}" for zin in stap.onthoud),
            *(t for lezen in stap.lezen for t in termijnen(gegevens, lezen, links)),
        ]
        if lijnen:
            uit += ["**Onthoud:**", "", *lijnen, ""]
        uit += [_knop(links, stap.lezen[0], primair=True), ""]
    uit += [
        # Only with scripts: a box that remembers nothing would mislead.
        f'<p class="aw-leesroute__gelezen" hidden><label><input type="checkbox" data-aw-gelezen="{stap.sleutel}"> '
        f"Gelezen</label></p>",
        "",
        "</section>",
        "",
    ]
    return uit


# --- the bars on the pages the route leads to ------------------------------------------------------


def _route_link(links: Links, stap: Stap) -> str:
    return links.pagina(ROUTE_PAGINA, f"stap-{stap.sleutel}")


def _volgende(links: Links, nummer: int) -> tuple[str, str] | None:
    """Where 'Volgende stap' leads: the next step's text, or the route when the reader must choose."""
    if nummer >= len(STAPPEN):
        return None
    stap = STAPPEN[nummer]
    if stap.keuze:
        return stap.titel, _route_link(links, stap)
    return stap.titel, links.pagina(stap.lezen[0].pagina, stap.lezen[0].anker)


def _begin_balk(links: Links, nummer: int, stap: Stap, duur: int, tot: str | None) -> str:
    """``tot``: the heading the part to read stops at ('' at the end of the page); None where the step
    is no reading of a part (the glossary, practice, the calculator)."""
    waar = "" if tot is None else f", lees tot ‘{tot}’" if tot else ", lees tot het einde van de pagina"
    return "\n".join(
        [
            f'<nav class="aw-routestap aw-routestap--begin" aria-label="Leesroute" data-aw-stap="{stap.sleutel}" '
            f'data-search-exclude="ja" markdown>',
            "",
            f"**Leesroute, stap {nummer} van {len(STAPPEN)}:** {stap.titel}. Ongeveer {duur} minuten{waar}. "
            f"[Terug naar de route]({_route_link(links, stap)})",
            "",
            "</nav>",
        ]
    )


def _eind_balk(links: Links, nummer: int, stap: Stap) -> str:
    knoppen = []
    volgende = _volgende(links, nummer)
    if volgende:
        titel, href = volgende
        knoppen.append(
            f'[Volgende stap: {titel}]({href}){{ .md-button .md-button--primary data-aw-volgende="{stap.sleutel}" }}'
        )
    knoppen.append(f"[Terug naar de route]({_route_link(links, stap)}){{ .md-button }}")
    return "\n".join(
        [
            f'<nav class="aw-routestap aw-routestap--eind" aria-label="Leesroute: verder" data-aw-stap="{stap.sleutel}" '
            f'data-search-exclude="ja" markdown>',
            "",
            f"**Einde van stap {nummer} van de leesroute.**",
            "",
            # Only with scripts: a box that remembers nothing would mislead.
            f'<p class="aw-routestap__gelezen" hidden><label><input type="checkbox" data-aw-gelezen="{stap.sleutel}"> '
            f"Ik heb deze stap gelezen</label></p>",
            "",
            " ".join(knoppen),
            "",
            "</nav>",
        ]
    )


def voeg_stappen_in(markdown: str, src_uri: str, links: Links, docs: Path) -> str:
    """The route's bars in a page it leads to: after the heading a step starts at, and before the
    heading it stops at."""
    invoegingen: list[tuple[int, str]] = []
    for nummer, stap in enumerate(STAPPEN, 1):
        for lezen in stap.lezen:
            if lezen.pagina != src_uri:
                continue
            start, einde, tot = bereik(markdown, lezen)
            duur = stap.minuten or minuten("\n".join(markdown.split("\n")[start:einde]))
            tot_kop = None if stap.minuten else tot
            invoegingen += [
                (start, _begin_balk(links, nummer, stap, duur, tot_kop)),
                (einde, _eind_balk(links, nummer, stap)),
            ]
    if not invoegingen:
        return markdown
    regels = markdown.split("\n")
    for positie, blok in sorted(invoegingen, key=lambda x: x[0], reverse=True):
        regels[positie:positie] = ["", blok, ""]
    return "\n".join(regels)
