"""'Verschillen in één oogopslag': one table, a row per topic and a column per region, with short cells; and the
cells of 'Naast elkaar' (two regions, or two versions of one region).

A cell is the rule that applies in the plain case on a date (the engine's one view of the law, through
``Gegevens``), per route where the routes differ, with the options that change it named in a word. A badge says
where a region differs from the national framework (``recht.op_datum.verschillen``: other dates or another party,
not other words), where it has a rule the national framework does not, and where the national rule applies because
the regional text is silent or not available. The topic links to its detail on 'Regio's vergeleken'; a cell links to
the paragraph it rests on.

On a phone the table is stacked (beleid.css): per topic the regions one under the other.
"""

from __future__ import annotations

import datetime as dt
import html

from calculators.basis.begrippen import (
    DIENST_ROUTES,
    EENHEID_ENKELVOUD,
    KORTE_NAMEN,
    LANDELIJK,
    MONITORING_MOMENTEN,
    ROUTES,
)
from calculators.basis.opmaak import hoofdletter, kleine_letter
from calculators.recht.op_datum import verschillen, versie_op
from calculators.woorden.teksten import ONBEPAALD_KORT

from . import vergelijking
from .gegevens import Gegevens, Toepassing
from .opmaak import Links, datum_lang

VERGELIJKING = "vergelijking/index.md"


# (label, moments, routes, the topic's table on 'Regio's vergeleken'). Labels name topics; values come from the rules.
ONDERWERPEN: tuple[tuple[str, tuple[str, ...], tuple[str, ...], str], ...] = (
    (
        "Veiligheids\u00adbeoordeling (triage)",
        ("veiligheidsbeoordeling-uiterlijk",),
        ROUTES,
        "Veiligheidsbeoordeling (triage)",
    ),
    (
        "Veilig Thuis verantwoor\u00addelijk",
        ("veilig-thuis-verantwoordelijk",),
        ROUTES,
        "Veilig Thuis verantwoordelijk voor het zicht op veiligheid",
    ),
    (
        "Directe overdracht en oppakken",
        ("overdracht-uiterlijk", "overdracht-oppakken-uiterlijk"),
        ("direct",),
        "Directe overdracht",
    ),
    (
        "Dienst en overdracht daarna",
        ("dienst-einde-uiterlijk", "overdracht-uiterlijk"),
        DIENST_ROUTES,
        "Dienst van Veilig Thuis (Voorwaarden & Vervolg, Onderzoek)",
    ),
    (
        "Lokaal team verantwoor\u00addelijk",
        ("lokaal-team-verantwoordelijk",),
        ROUTES,
        "Lokaal team verantwoordelijk voor het zicht op veiligheid",
    ),
    ("Monitoring", MONITORING_MOMENTEN, DIENST_ROUTES, "Monitoring door Veilig Thuis"),
    (
        "Terugkoppeling",
        ("terugkoppeling-uiterlijk", "terugkoppeling"),
        ROUTES,
        "Terugkoppeling (casus teruggeven aan Veilig Thuis)",
    ),
    (
        "Stagnatie en heraanmelding",
        ("melding", "veilig-thuis-verantwoordelijk"),
        DIENST_ROUTES,
        "Veilig Thuis verantwoordelijk voor het zicht op veiligheid",
    ),
    ("Antwoord van de gemeente", ("gemeente-reactie-uiterlijk",), ROUTES, "Opschalen: reactie van de gemeente"),
)
# A topic about one option: its cell shows that option's rules, not those of the plain case.
ALLEEN_MET_OPTIE: dict[str, tuple[str, object]] = {"Stagnatie en heraanmelding": ("heraanmelding", True)}

# Short badges (the caption explains them), with the rest of the sentence for screen readers.
BADGE = {
    "anders": ("Anders", " dan het landelijk kader"),
    "aanvulling": ("Eigen regel", ": alleen in deze regio"),
    "landelijk": ("Landelijk", ": de regionale tekst zwijgt, de landelijke regel geldt"),
}
NIET_BESCHIKBAAR = ("Landelijk, tekst n.b.", ": de regionale tekst is niet beschikbaar, de landelijke regel geldt")
LEGENDA = (
    "<strong>Anders</strong>: anders dan het landelijk kader · <strong>Eigen regel</strong>: alleen in deze "
    "regio · <strong>Landelijk</strong>: de regionale tekst zwijgt, de landelijke regel geldt · "
    "<strong>tekst n.b.</strong>: de regionale tekst is niet beschikbaar"
)
# The options in a word or two, where a cell says which ones change its rules.
OPTIE_KORT = {
    "spoed": "spoed",
    "vbs": "VBS",
    "jeugdbeschermingstafel": "Jeugdbeschermingstafel",
    "heraanmelding": "heraanmelding",
}


def _opties(label: str) -> tuple[tuple[str, object], ...]:
    optie = ALLEEN_MET_OPTIE.get(label)
    return (optie,) if optie else ()


def _regels(
    gegevens: Gegevens, regio: str, datum: dt.date, label: str, momenten: tuple[str, ...], routes: tuple[str, ...]
) -> list[tuple[str, Toepassing]]:
    """(route, rule) for the topic: the plain case, or for a topic about one option, that option's own rules."""
    optie = ALLEEN_MET_OPTIE.get(label)
    uit = []
    for route in routes:
        for moment in momenten:
            for t in gegevens.geldend_op(regio, moment, route, datum):
                if t.standaard if optie is None else t.regel["als"].get(optie[0]) == optie[1]:
                    uit.append((route, t))
    return uit


def status(
    gegevens: Gegevens, regio: str, datum: dt.date, label: str, momenten: tuple[str, ...], routes: tuple[str, ...]
) -> str:
    """'anders', 'aanvulling', 'landelijk' (the national rule fills in), 'gelijk' or 'leeg' (no rule)."""
    regels = _regels(gegevens, regio, datum, label, momenten, routes)
    if not regels:
        return "leeg"
    if regio == LANDELIJK:
        return "gelijk"
    if all(t.terugval for _, t in regels):
        return "landelijk"
    if not _regels(gegevens, LANDELIJK, datum, label, momenten, routes):
        return "aanvulling"
    anders = [
        v
        for v in verschillen(LANDELIJK, datum, regio, datum, momenten)
        if v.route in routes and v.opties == _opties(label)
    ]
    return "anders" if anders else "gelijk"


def verschilt(
    a: tuple[str, dt.date], b: tuple[str, dt.date], label: str, momenten: tuple[str, ...], routes: tuple[str, ...]
) -> bool:
    """Whether the rules of topic ``label`` differ between region a on its date and region b on its date: in the
    plain case or an exception, or for a topic about one option, in that option's case."""
    optie = ALLEEN_MET_OPTIE.get(label)

    def telt(opties: tuple[tuple[str, object], ...]) -> bool:
        if optie is not None:
            return optie in opties
        return not any(o in opties for o in ALLEEN_MET_OPTIE.values())

    return any(v.route in routes and telt(v.opties) for v in verschillen(a[0], a[1], b[0], b[1], momenten))


def _uitzonderingen(
    gegevens: Gegevens, regio: str, datum: dt.date, label: str, momenten: tuple[str, ...], routes: tuple[str, ...]
) -> list[str]:
    """The options that change the rules of this topic, in a word ('spoed'); not an option with a topic of its own."""
    if label in ALLEEN_MET_OPTIE:
        return []
    eigen = {o[0] for o in ALLEEN_MET_OPTIE.values()}
    gevonden = [
        OPTIE_KORT[k]
        for route in routes
        for moment in momenten
        for t in gegevens.geldend_op(regio, moment, route, datum)
        if not t.standaard
        for k in t.regel["als"]
        if k not in eigen
    ]
    return list(dict.fromkeys(gevonden))


# Short nouns for a cell ('7 dagen na overdracht'): labels only, every number comes from the rules.
VANAF_KORT = {
    "melding": "melding",
    "veiligheidsbeoordeling": "triage",
    "veiligheidsbeoordeling-uiterlijk": "triagetermijn",
    "dienst-einde": "einde dienst",
    "overdracht": "overdracht",
    "overdracht-oppakken-uiterlijk": "oppaktermijn",
    "start-hulp": "start hulp",
    "terugkoppeling": "terugkoppeling",
    "signaal-aan-gemeente": "signaal",
}
MOMENT_KORT = {
    "overdracht-uiterlijk": "overdracht",
    "overdracht-oppakken-uiterlijk": "oppakken",
    "dienst-einde-uiterlijk": "dienst",
    "monitoring-3-maanden": "1e",
    "monitoring-vervroegen-vanaf": "vervroegen",
    "monitoring-12-maanden": "2e",
    "monitoring-einde-gemiddeld": "gem. einde",
    "terugkoppeling-uiterlijk": "teruggeven",
    "terugkoppeling": "daarna",
    "melding": "eerst",
    "veilig-thuis-verantwoordelijk": "Veilig Thuis",
}
ROUTE_KORT = {"direct": "Direct", "voorwaarden-en-vervolg": "V&V", "onderzoek": "Onderzoek"}


def _vanaf(code: str) -> str:
    return VANAF_KORT.get(code, kleine_letter(KORTE_NAMEN.get(code, code)))


def kort(regel: dict, partijen: dict) -> str:
    """One rule in a few words: '**7 dagen** na overdracht', 'dag na oppaktermijn', 'team vanaf melding'."""
    if regel["soort"] == "vervalt":
        return "geen"
    if regel["soort"] == "aanname":
        return "geen termijn"
    if regel["soort"] == "overgang":
        if regel["niemand_aangewezen"]:
            return "niemand aangewezen"
        partij = "team" if regel["verantwoordelijke"] == "lokaal-team" else "Veilig Thuis"
        return f"{partij} vanaf {_vanaf(regel['moment'])}"
    na = _vanaf(regel["vanaf"])
    if not regel["aantal"]:
        tekst = f"dag na {na}" if regel["datum"] == "dag-na-termijn" else f"bij {na}"
    else:
        eenheid = regel["eenheid"] if regel["aantal"] != 1 else EENHEID_ENKELVOUD[regel["eenheid"]]
        tekst = f"**{regel['aantal']} {eenheid}** na {na}"
    return f"{tekst} ({ONBEPAALD_KORT})" if regel.get("onbepaald_vanaf") else tekst


def _route_tekst(regels: list[tuple[str, dict]], partijen: dict, met_naam: bool) -> str:
    """The rules of one route in a few words, per moment; several dates for one moment as 'a of b'; terms of
    several moments that count in the same unit from the same moment together ('1e 3 · 2e 12 maanden na …')."""
    per_moment: dict[str, list[dict]] = {}
    for moment, regel in regels:
        per_moment.setdefault(moment, []).append(regel)
    samen: dict[tuple, list[tuple[str, dict]]] = {}
    for moment, lijst in per_moment.items():
        r = lijst[0]
        los = len(lijst) > 1 or r["soort"] != "termijn" or not r["aantal"] or not met_naam
        samen.setdefault((moment,) if los else (r["vanaf"], r["eenheid"], r["datum"]), []).append((moment, r))
    delen = []
    for groep in samen.values():
        if len(groep) > 1:
            r = groep[0][1]
            aantallen = " · ".join(f"{MOMENT_KORT.get(m, m)} **{x['aantal']}**" for m, x in groep)
            delen.append(f"{aantallen} {r['eenheid']} na {_vanaf(r['vanaf'])}")
            continue
        moment = groep[0][0]
        teksten = list(dict.fromkeys(kort(x, partijen) for x in per_moment[moment]))
        delen.append((f"{MOMENT_KORT.get(moment, moment)} " if met_naam else "") + " of ".join(teksten))
    return hoofdletter("; ".join(delen))


def cel(
    gegevens: Gegevens,
    regio: str,
    datum: dt.date,
    onderwerp: tuple[str, tuple[str, ...], tuple[str, ...], str],
    links: Links,
) -> tuple[str, str]:
    """The HTML of one cell (rules, exceptions, badges, the paragraph) and its status."""
    label, momenten, routes, _ = onderwerp
    partijen = gegevens.regios[regio].partijen
    regels = _regels(gegevens, regio, datum, label, momenten, routes)
    stand = status(gegevens, regio, datum, label, momenten, routes)
    per_route: dict[str, list[tuple[str, dict]]] = {}
    for route, t in regels:
        per_route.setdefault(route, []).append((t.regel.get("moment") or momenten[0], t.regel))
    groepen: dict[str, list[str]] = {}
    for route, lijst in per_route.items():
        groepen.setdefault(_route_tekst(lijst, partijen, len(momenten) > 1), []).append(route)
    delen = []
    for tekst, groep_routes in groepen.items():
        voor = (
            ""
            if len(groepen) == 1 and set(groep_routes) == set(routes)
            else f'<span class="aw-route">{"/".join(ROUTE_KORT[r] for r in groep_routes)}:</span> '
        )
        delen.append(f"<p>{voor}{_md_vet(tekst)}</p>")
    if not delen:
        delen.append('<p class="aw-matrix__leeg">—<span class="aw-voorlezen"> geen regel</span></p>')
    uitzonderingen = _uitzonderingen(gegevens, regio, datum, label, momenten, routes)
    extra = [f"Anders bij {html.escape(' of '.join(uitzonderingen))}."] if uitzonderingen else []
    versie = versie_op(regio, datum)
    if stand == "landelijk" and versie is not None and versie.regionale_tekst == "niet-beschikbaar":
        extra.append(_badge("niet-beschikbaar", NIET_BESCHIKBAAR))
    elif stand in BADGE:
        extra.append(_badge(stand, BADGE[stand]))
    bron = next((t.regel["bron"] for _, t in regels), None)
    if bron is not None:
        extra.append(
            links.bron(bron, eigen_document=regio, kort=True).replace("§ ", "§\u00a0", 1).replace(" §", "\u00a0§", 1)
        )
    if extra:
        delen.append(f'<p class="aw-matrix__meer" markdown>{" ".join(extra)}</p>')
    return "\n".join(delen), stand


def _badge(soort: str, tekst: tuple[str, str]) -> str:
    return f'<span class="aw-status aw-status--{soort}">{tekst[0]}<span class="aw-voorlezen">{tekst[1]}</span></span>'


def _md_vet(tekst: str) -> str:
    """The engine's wording with the amount in bold (Markdown '**5 werkdagen**') as HTML."""
    delen = html.escape(tekst).split("**")
    return "".join(f"<strong>{d}</strong>" if i % 2 else d for i, d in enumerate(delen))


def cel_md(inhoud: str, stand: str, label: str, extra: str = "") -> list[str]:
    """A cell as the lines md_in_html needs (each block on its own line), named for the stacked phone view."""
    return [
        f'<td class="aw-matrix__cel aw-matrix__cel--{stand}" data-label="{html.escape(label)}"{extra} markdown="block">',
        "",
        inhoud,
        "",
        "</td>",
    ]


def onderwerp_link(onderwerp: tuple[str, tuple[str, ...], tuple[str, ...], str], links: Links) -> str:
    return f"[{onderwerp[0]}]({links.pagina(VERGELIJKING, vergelijking.onderwerp_anker(onderwerp[3]))})"


def matrix(gegevens: Gegevens, links: Links) -> str:
    regios = vergelijking.kolommen(gegevens)
    namen = {r: gegevens.regios[r].naam for r in regios}
    peil = ", ".join(f"{namen[r]} {datum_lang(gegevens.regios[r].peildatum)}" for r in regios)
    kop = "".join(f'<th scope="col">{html.escape(namen[r])}</th>' for r in regios)
    rijen = []
    for onderwerp in ONDERWERPEN:
        rijen += ["<tr markdown>", f'<th scope="row" markdown>{onderwerp_link(onderwerp, links)}</th>']
        for regio in regios:
            inhoud, stand = cel(gegevens, regio, gegevens.regios[regio].peildatum, onderwerp, links)
            rijen += cel_md(inhoud, stand, namen[regio])
        rijen.append("</tr>")
    bijschrift = (
        f'Wat geldt per onderwerp en per regio <span class="aw-matrix__stand">— de nieuwste afspraken: '
        f"{peil}; een paragraaf (§) opent de tekst.<br>{LEGENDA}</span>"
    )
    return "\n".join(tabel_md("", bijschrift, kop, rijen))


def tabel_md(extra_klasse: str, bijschrift: str, kop: str, rijen: list[str]) -> list[str]:
    """The table of topics around its rows (with md_in_html, so the cells' paragraph links are Markdown)."""
    return [
        f'<div class="aw-matrix{" " + extra_klasse if extra_klasse else ""}" markdown>',
        f'<table class="aw-matrix__tabel{" " + extra_klasse + "__tabel" if extra_klasse else ""}" markdown>',
        f"<caption>{bijschrift}</caption>",
        f'<thead><tr><th scope="col">Onderwerp</th>{kop}</tr></thead>',
        "<tbody markdown>",
        *rijen,
        "</tbody>",
        "</table>",
        "</div>",
        "",
    ]
