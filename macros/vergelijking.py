"""'Regio's vergeleken': all regions side by side, the criteria a–g, and the other sourced facts.

Per topic a table with one row per region, the national framework first as the baseline, so
the page reads the same on a phone and on a laptop. A row gives the rule that applies (per
route where routes differ) and after it the exceptions; a region that differs from the national
framework is marked, and where its text is silent the national rule is shown and said to be one.
Every rule links to its paragraph, and the quotes behind a row open with a tap or a key.
"""

from __future__ import annotations

import re

from calculators.basis.begrippen import DIENST_ROUTES, LANDELIJK, MONITORING_MOMENTEN, ROUTES
from calculators.basis.opmaak import hoofdletter
from calculators.woorden.teksten import routes_tekst

from . import termijnen
from .gegevens import OORDELEN, Gegevens, Toepassing, document_pagina
from .opmaak import Links, datum_lang, geldigheid, md_cel

# Rows: (label, moments, routes). Labels name topics; every value in a cell comes from the rules.
RIJEN: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("Veilig Thuis verantwoordelijk voor het zicht op veiligheid", ("veilig-thuis-verantwoordelijk",), ROUTES),
    ("Veiligheidsbeoordeling (triage)", ("veiligheidsbeoordeling-uiterlijk",), ROUTES),
    ("Brief aan de directbetrokkenen", ("brief-directbetrokkenen-uiterlijk",), ROUTES),
    ("Directe overdracht", ("overdracht-uiterlijk", "overdracht-oppakken-uiterlijk"), ("direct",)),
    ("Dienst van Veilig Thuis (Voorwaarden & Vervolg, Onderzoek)", ("dienst-einde-uiterlijk",), DIENST_ROUTES),
    ("Verbindend Samenwerken (VBS)", ("vbs-verdeling-uiterlijk", "vbs-contact-uiterlijk"), DIENST_ROUTES),
    ("Overdracht na een dienst", ("overdracht-uiterlijk",), DIENST_ROUTES),
    ("Lokaal team verantwoordelijk voor het zicht op veiligheid", ("lokaal-team-verantwoordelijk",), ROUTES),
    (
        "Contact met het gezin na de overdracht",
        ("contact-gezin-uiterlijk", "directbetrokkenen-informeren-afstemming"),
        ROUTES,
    ),
    ("Terugkoppeling (casus teruggeven aan Veilig Thuis)", ("terugkoppeling-uiterlijk", "terugkoppeling"), ROUTES),
    ("Monitoring door Veilig Thuis", MONITORING_MOMENTEN, ROUTES),
    ("Opschalen: reactie van de gemeente", ("gemeente-reactie-uiterlijk",), ROUTES),
    ("Uitvraag na afsluiting", ("uitvraag-gemeente-tot", "uitvraag-zvh-tot"), ROUTES),
)

OORDEEL_TEKST = {"ja": "Gedekt", "deels": "Deels", "nee": "Niet gevonden", "onbekend": "Niet te beoordelen"}
OORDEEL_TEKEN = {"ja": "●", "deels": "◐", "nee": "○", "onbekend": "?"}

# How a region's rule for a topic relates to the national framework (the highlight in its row).
STATUS = {
    "anders": "Anders dan landelijk",
    "aanvulling": "Alleen in deze regio",
    "landelijk": "Landelijke regel",
    "gelijk": "",
    "leeg": "",
}


def kolommen(gegevens: Gegevens) -> list[str]:
    """The national framework first (the baseline), then the regions with their own agreement."""
    return [LANDELIJK, *gegevens.regios_met_afspraken]


def onderwerp_anker(label: str) -> str:
    """The anchor of a topic's table: 'Directe overdracht' -> 'onderwerp-directe-overdracht'."""
    return "onderwerp-" + re.sub(r"[^a-z0-9]+", "-", label.lower().replace("ë", "e").replace("é", "e")).strip("-")


def _standaard(gegevens: Gegevens, regio: str, momenten, routes, partijen: dict) -> tuple:
    """The rules that apply without options, as words only (to compare regions with the baseline)."""
    uit = []
    for route in routes:
        for moment in momenten:
            for t in gegevens.standaardregels(regio, moment, route):
                uit.append((route, termijnen.naam_en_tekst(t.regel, partijen, kort=True)))
    return tuple(sorted(set(uit)))


def status(gegevens: Gegevens, regio: str, momenten, routes) -> str:
    toepassingen = [t for m in momenten for r in routes for t in gegevens.standaardregels(regio, m, r)]
    if not toepassingen:
        return "leeg"
    if regio == LANDELIJK:
        return "gelijk"
    if all(t.terugval for t in toepassingen):
        return "landelijk"
    # Compared in the same words: the national party names on both sides.
    namen = gegevens.regios[LANDELIJK].partijen
    landelijk = _standaard(gegevens, LANDELIJK, momenten, routes, namen)
    if not landelijk:
        return "aanvulling"
    return "gelijk" if _standaard(gegevens, regio, momenten, routes, namen) == landelijk else "anders"


def _uitzonderingen(gegevens: Gegevens, regio: str, momenten, routes) -> list[tuple[Toepassing, tuple[str, ...]]]:
    """Rules that apply only with an option (spoed, VBS, …), each once with the routes it covers."""
    gevonden: dict[tuple, tuple[Toepassing, list[str]]] = {}
    for route in routes:
        for moment in momenten:
            for t in gegevens.geldend(regio, moment, route):
                if not t.standaard:
                    gevonden.setdefault(t.sleutel, (t, []))[1].append(route)
    return [(t, tuple(dict.fromkeys(r))) for t, r in gevonden.values()]


def _citaten(citaten: list[tuple[str, dict]], links: Links) -> list[str]:
    """The quotes behind a topic's sources, reachable by keyboard and touch (a title shows on hover only)."""
    regels, gezien = [], set()
    for _regio, bron in citaten:
        if (bron["url"], bron["citaat"]) in gezien:
            continue
        gezien.add((bron["url"], bron["citaat"]))
        regels.append(f"- {links.bron(bron, kort=True)}: “{md_cel(bron['citaat'])}”")
    if not regels:
        return []
    # Not indexed: the search leads to the texts the quotes come from.
    return [
        '<details class="aw-citaten" data-search-exclude="ja" markdown>',
        "<summary>Citaten uit de teksten</summary>",
        "",
        *regels,
        "",
        "</details>",
        "",
    ]


def cel(
    gegevens: Gegevens,
    regio: str,
    momenten: tuple[str, ...],
    routes: tuple[str, ...],
    links: Links,
    citaten: list | None = None,
) -> str:
    """What applies in one region for one topic: the rule first, the exceptions after it."""
    r = gegevens.regios[regio]
    citaten = [] if citaten is None else citaten
    groepen = termijnen.regelgroepen(gegevens, regio, momenten, links, r.partijen, routes)
    # One moment: the topic's heading names it, the line gives the term.
    met_naam = len({regel.naam for _, regels in groepen for regel in regels}) > 1
    delen = []
    for groep_routes, regels in groepen:
        label = ""
        if len(groepen) > 1 or set(groep_routes) != set(routes):
            label = f'<span class="aw-route">{hoofdletter(routes_tekst(groep_routes))}</span> '
        for i, regel in enumerate(regels):
            tekst = termijnen.regel_md(regel, met_naam=met_naam)
            delen.append(f'<p class="aw-regel" markdown>{label if i == 0 else ""}{tekst}</p>')
    for moment in momenten:
        for route in routes:
            citaten += [(regio, t.regel["bron"]) for t in gegevens.standaardregels(regio, moment, route)]
    uitzonderingen = _uitzonderingen(gegevens, regio, momenten, routes)
    if uitzonderingen:
        regels = []
        for t, t_routes in sorted(uitzonderingen, key=lambda x: termijnen._volgorde(x[0].regel)):
            regel = termijnen._regel([t], t_routes, links, r.partijen, kort=True)
            situatie = termijnen._situatie(t.regel, t_routes, r.partijen)
            regels.append(f"- {hoofdletter(situatie)}: {termijnen.regel_md(regel, met_naam=met_naam, zin=False)}")
            citaten.append((regio, t.regel["bron"]))
        delen += [
            '<div class="aw-uitzonderingen" markdown>',
            "",
            '<p class="aw-uitzonderingen__kop">Uitzonderingen</p>',
            "",
            *regels,
            "",
            "</div>",
        ]
    if not delen:
        leeg = "Niet in het kwaliteitskader" if regio == LANDELIJK else "Niet in de tekst (ook geen landelijke regel)"
        delen.append(f'<p class="aw-leeg">{leeg}</p>')
    return "\n".join(delen)


def _rij(gegevens: Gegevens, regio: str, stand: str, inhoud: str) -> list[str]:
    label = STATUS[stand]
    markering = f' <span class="aw-status aw-status--{stand}">{label}</span>' if label else ""
    return [
        f'<tr class="aw-vergelijk__rij aw-vergelijk__rij--{stand}" markdown>',
        f'<th scope="row" markdown><span class="aw-vergelijk__regio">{gegevens.regios[regio].naam}</span>{markering}</th>',
        '<td markdown="block">',
        "",
        inhoud,
        "",
        "</td>",
        "</tr>",
    ]


def _tabel(titel: str, anker: str, rijen: list[str], citaten: list[str] | None = None) -> list[str]:
    # Not indexed: the rows restate the agreements, and a search should lead to the texts.
    return [
        f'### {titel} {{ #{anker} data-search-exclude="ja" }}',
        "",
        '<table class="aw-vergelijk" markdown>',
        '<thead><tr><th scope="col">Regio</th><th scope="col">Wat geldt</th></tr></thead>',
        "<tbody markdown>",
        *rijen,
        "</tbody>",
        "</table>",
        "",
        *(citaten or []),
    ]


def _versies(gegevens: Gegevens, regio: str, links: Links) -> str:
    r = gegevens.regios[regio]
    return "\n".join(
        f'<p class="aw-regel" markdown>{v["naam"]}: **{geldigheid(v)}** '
        f"{links.bron(v['bron'], eigen_document=regio, kort=True)}</p>"
        for v in r.versies
    )


def tabel(gegevens: Gegevens, links: Links) -> str:
    """Per topic a table with one row per region: stacked, so it reads on a phone as on a laptop."""
    regios = kolommen(gegevens)
    peil = ", ".join(f"{gegevens.regios[r].naam} {datum_lang(gegevens.regios[r].peildatum)}" for r in regios)
    uit = [
        f'<p class="aw-toelichting">Stand per regio: de regels voor een melding op de nieuwste ingangsdatum '
        f"({peil}). Het landelijk kader staat steeds bovenaan; een regio die ervan afwijkt is gemarkeerd. "
        f"Elke paragraafverwijzing opent de tekst; de citaten staan onder elk onderwerp.</p>",
        "",
        '<div class="aw-vergelijking" markdown>',
        "",
    ]
    rijen = []
    for regio in regios:
        rijen += _rij(gegevens, regio, "gelijk", _versies(gegevens, regio, links))
    uit += _tabel("Afspraken en geldigheid", "onderwerp-afspraken", rijen)
    for label, momenten, routes in RIJEN:
        rijen, citaten = [], []
        for regio in regios:
            stand = status(gegevens, regio, momenten, routes)
            inhoud = cel(gegevens, regio, momenten, routes, links, citaten)
            if stand == "landelijk":  # the row says so once
                inhoud = inhoud.replace(" " + termijnen.LANDELIJK_LABEL, "")
            rijen += _rij(gegevens, regio, stand, inhoud)
        uit += _tabel(label, onderwerp_anker(label), rijen, _citaten(citaten, links))
    uit += ["</div>", ""]
    return "\n".join(uit)


def teamnamen(gegevens: Gegevens, links: Links) -> str:
    """How each region names the lokaal team, from the rule data's [partijen]: 'het lokale veld' next to
    'het lokale (wijk)team' is one thing under two names, and a reader who meets both should know it."""
    delen = [
        f"{gegevens.regios[r].naam} ‘{gegevens.regios[r].partijen['lokaal-team']}’"
        for r in gegevens.regios_met_afspraken
    ]
    delen[0] = delen[0].replace(" ‘", " zegt ‘", 1)
    opsomming = ", ".join(delen[:-1]) + f" en {delen[-1]}" if len(delen) > 1 else delen[0]
    return (
        f"Elke regio heeft een eigen woord voor het lokale team. {opsomming}: bedoeld is steeds het team "
        f"van de gemeente dat een casus van Veilig Thuis overneemt "
        f"([begrippenlijst]({links.pagina('begrippenlijst.md', 'lokaal-wijkteam')}))."
    )


# --- criteria a–g ---------------------------------------------------------------------------------


def _oordeel(waarde: str) -> str:
    return (
        f'<span class="aw-oordeel aw-oordeel--{waarde}"><span aria-hidden="true">{OORDEEL_TEKEN[waarde]}</span> '
        f"{OORDEEL_TEKST[waarde]}</span>"
    )


def criteria(gegevens: Gegevens, links: Links) -> str:
    aef = gegevens.aef
    rapport = document_pagina("aef")
    regios = gegevens.regios_met_afspraken
    kop = "| Criterium | " + " | ".join(gegevens.regios[r].naam for r in regios) + " |"
    scheiding = "|---|" + "---|" * len(regios)
    # Which regions AEF studied: a list above the table, so the table keeps four narrow columns.
    onderzocht = []
    for r in regios:
        o = aef["onderzocht"].get(r)
        if o is not None:
            label = "ja" if o["ja"] else "nee"
            onderzocht.append(
                f"- **{gegevens.regios[r].naam}:** {label}. {o['toelichting']} "
                f'[AEF § 1.3]({links.pagina(rapport, o["anker"])} "{md_cel(o["citaat"])}")'
            )
    rijen = []
    for c in aef["criteria"]:
        letter = c["letter"]
        naam = f'[**{letter}.** {c["kort"]}]({links.pagina(rapport, c["anker"])} "{md_cel(c["tekst"])}")'
        cellen = []
        for r in regios:
            feit = gegevens.dekking(r)[letter]
            cellen.append(f"{_oordeel(feit['waarde'])}<br>{links.bron(feit['bron'], eigen_document=r, kort=True)}")
        rijen.append(f"| {naam} | " + " | ".join(md_cel(x) for x in cellen) + " |")

    # The same overview for a phone, where four columns do not fit: per criterion one line.
    # Shown instead of the table below 45em (lezen.css); not indexed twice.
    smal = ['<div class="aw-criteria-smal" data-search-exclude="ja" markdown>', ""]
    for c in aef["criteria"]:
        letter = c["letter"]
        smal += [f"- [**{letter}.** {c['kort']}](#criterium-{letter})", ""]
        for r in regios:
            feit = gegevens.dekking(r)[letter]
            smal.append(
                f"    - {gegevens.regios[r].naam}: {_oordeel(feit['waarde'])} "
                f"{links.bron(feit['bron'], eigen_document=r, kort=True)}"
            )
        smal.append("")
    smal += ["", "</div>", ""]

    legenda = " · ".join(f"{_oordeel(w)}" for w in OORDELEN)
    uit = ["Onderzocht door AEF (2020):", "", *onderzocht, ""] if onderzocht else []
    uit += [
        '<div class="aw-criteria" markdown>',
        "",
        kop,
        scheiding,
        *rijen,
        "",
        "</div>",
        "",
        *smal,
        f'<p class="aw-legenda-oordeel">{legenda}</p>',
        "",
    ]

    # Per criterion: the criterion, what AEF found nationally, and the reading per region.
    uit += ['<div class="aw-criteria-toelichting" markdown>', ""]
    for c in aef["criteria"]:
        letter = c["letter"]
        uit += [
            f"### {letter}. {c['kort']} {{ #criterium-{letter} }}",
            "",
            f"> {c['tekst']}",
            f"> — [Criterium {letter}]({links.pagina(rapport, c['anker'])}), kwaliteitskader ‘Werken aan veiligheid’, "
            f"zoals samengevat door AEF",
            "",
            f"**Landelijk beeld in {aef['rapport']['jaar']} (AEF):** {c['landelijk_beeld']} "
            f"[Bevindingen criterium {letter}]({links.pagina(rapport, c['bevindingen_anker'])})",
            "",
        ]
        for r in regios:
            feit = gegevens.dekking(r)[letter]
            uit.append(
                f"- **{gegevens.regios[r].naam}:** {_oordeel(feit['waarde'])}. {feit['interpretatie']} "
                f"{links.bron(feit['bron'])}"
            )
        uit.append("")
    uit += ["</div>", ""]
    return "\n".join(uit)


# --- other sourced facts -----------------------------------------------------------------------------


def _waarde(waarde) -> str:
    if waarde is True:
        return "ja"
    if waarde is False:
        return "nee"
    return str(waarde)


def feiten(gegevens: Gegevens, links: Links) -> str:
    uit = ['<div class="aw-feiten" markdown>', ""]
    for regio in kolommen(gegevens):
        r = gegevens.regios[regio]
        lijst = [f for f in r.feiten_op_peildatum() if not f["code"].startswith("criterium-")]
        if not lijst:
            continue
        uit += [f'??? note "{r.naam}"', ""]
        for f in lijst:
            routes = "" if set(f["routes"]) == set(ROUTES) else f" ({routes_tekst(f['routes'])})"
            kop = f"    - **{f['omschrijving']}**{routes}"
            lezing = f" *Lezing:* {f['interpretatie']}" if f.get("interpretatie") else ""
            if isinstance(f["waarde"], list):
                uit.append(f"{kop} {links.bron(f['bron'], eigen_document=regio, kort=True)}{lezing}")
                uit += [""] + [f"        - {x}" for x in f["waarde"]] + [""]
            else:
                uit.append(
                    f"{kop}: {_waarde(f['waarde'])} {links.bron(f['bron'], eigen_document=regio, kort=True)}{lezing}"
                )
        uit.append("")
    uit += ["</div>", ""]
    return "\n".join(uit)
