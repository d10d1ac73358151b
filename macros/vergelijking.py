"""'Regio's vergeleken': all regions side by side, the criteria a–g, and the other sourced facts.

Columns are the regions (the national framework last: it is the fallback), rows are topics.
A cell lists the rules that apply, per route where routes differ, each with a link to its
paragraph. Where a region's text is silent the national rule is shown and said to be one.
"""

from __future__ import annotations

from calculators.begrippen import DIENST_ROUTES, MONITORING_MOMENTEN, ROUTES

from .gegevens import LANDELIJK, OORDELEN, Gegevens, Toepassing
from .opmaak import Links, datum_lang, geldigheid, md_cel, routes_tekst, termijn_md, voorwaarde

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
    ("Contact met het gezin na de overdracht", ("contact-gezin-uiterlijk", "directbetrokkenen-informeren-afstemming"),
     ROUTES),
    ("Terugkoppeling (casus teruggeven aan Veilig Thuis)", ("terugkoppeling-uiterlijk", "terugkoppeling"), ROUTES),
    ("Monitoring door Veilig Thuis", MONITORING_MOMENTEN, ROUTES),
    ("Opschalen: reactie van de gemeente", ("gemeente-reactie-uiterlijk",), ROUTES),
    ("Uitvraag na afsluiting", ("uitvraag-gemeente-tot", "uitvraag-zvh-tot"), ROUTES),
)

# Short labels when a cell holds more than one moment.
MOMENT_KORT = {
    "overdracht-uiterlijk": "Overdracht",
    "overdracht-oppakken-uiterlijk": "Oppakken en verdelen door het team",
    "vbs-verdeling-uiterlijk": "Verdelen door het team",
    "vbs-contact-uiterlijk": "Contact/huisbezoek",
    "contact-gezin-uiterlijk": "Start contact",
    "directbetrokkenen-informeren-afstemming": "Directbetrokkenen nog niet geïnformeerd",
    "terugkoppeling-uiterlijk": "Teruggeven kan tot",
    "terugkoppeling": "Na terugkoppeling verantwoordelijk",
    "monitoring-3-maanden": "Eerste moment",
    "monitoring-vervroegen-vanaf": "Vervroegen kan vanaf",
    "monitoring-12-maanden": "Tweede moment",
    "monitoring-einde-gemiddeld": "Gemiddelde duur",
    "uitvraag-gemeente-tot": "Gemeente",
    "uitvraag-zvh-tot": "Zorg- en Veiligheidshuis",
}

TERUGVAL = "Niet in de tekst; landelijke regel geldt"
OORDEEL_TEKST = {"ja": "Gedekt", "deels": "Deels", "nee": "Niet gevonden", "onbekend": "Niet te beoordelen"}
OORDEEL_TEKEN = {"ja": "●", "deels": "◐", "nee": "○", "onbekend": "?"}


def kolommen(gegevens: Gegevens) -> list[str]:
    """Regions with their own agreement first, the national framework last."""
    return [*gegevens.regios_met_afspraken, LANDELIJK]


def _regeltekst(t: Toepassing, moment: str, meerdere: bool, links: Links, gegevens: Gegevens, regio: str) -> str:
    regel = t.regel
    if regel["soort"] == "vervalt":
        tekst = regel["omschrijving"]
    elif regel["soort"] == "overgang":
        eigenaar = ("niemand aangewezen" if regel["niemand_aangewezen"] else
                    gegevens.regios[regel["regio"]].partijen.get(regel["verantwoordelijke"], regel["verantwoordelijke"]))
        tekst = f"{MOMENT_KORT.get(moment, regel['moment_naam'])}: {eigenaar}"
        meerdere = False
    else:
        tekst = termijn_md(regel)
        if meerdere:
            tekst = f"{MOMENT_KORT.get(moment, regel['moment_naam'])}: {tekst}"
    extra = voorwaarde(regel)
    if extra:
        tekst += f" ({extra})"
    return f"{tekst} {links.bron(regel['bron'], eigen_document=regio, kort=True)}"


def cel(gegevens: Gegevens, regio: str, momenten: tuple[str, ...], routes: tuple[str, ...], links: Links) -> str:
    per_route = {}
    for route in routes:
        per_route[route] = [(m, t) for m in momenten for t in gegevens.geldend(regio, m, route)]
    groepen: dict[tuple, list[str]] = {}
    for route, toepassingen in per_route.items():
        handtekening = tuple(sorted({t.sleutel for _, t in toepassingen}))
        groepen.setdefault(handtekening, []).append(route)

    meerdere = len(momenten) > 1
    delen = []
    for routes_groep in groepen.values():
        toepassingen = per_route[routes_groep[0]]
        regels, gezien = [], set()
        for moment, t in toepassingen:
            if t.sleutel in gezien:
                continue
            gezien.add(t.sleutel)
            regels.append((moment, t))
        if not regels:
            inhoud = "Niet in het kwaliteitskader" if regio == LANDELIJK else "Niet in de tekst (ook geen landelijke regel)"
            inhoud = f'<span class="aw-leeg">{inhoud}</span>'
        else:
            eigen = [_regeltekst(t, m, meerdere, links, gegevens, regio) for m, t in regels if not t.terugval]
            landelijk = [_regeltekst(t, m, meerdere, links, gegevens, regio) for m, t in regels if t.terugval]
            inhoud = "<br>".join(eigen)
            if landelijk:
                inhoud += ("<br>" if eigen else "") + f'<span class="aw-terugval">{TERUGVAL}:</span><br>' + \
                    "<br>".join(landelijk)
        if len(groepen) > 1 or set(routes_groep) != set(routes):
            inhoud = f'<span class="aw-route">{routes_tekst(routes_groep)}</span><br>{inhoud}'
        delen.append(inhoud)
    return "<br>".join(delen)


def _versies(gegevens: Gegevens, regio: str, links: Links) -> str:
    r = gegevens.regios[regio]
    return "<br>".join(f"{v['naam']}: **{geldigheid(v)}** {links.bron(v['bron'], eigen_document=regio, kort=True)}"
                       for v in r.versies)


def tabel(gegevens: Gegevens, links: Links) -> str:
    regios = kolommen(gegevens)
    kop = "| Onderwerp | " + " | ".join(gegevens.regios[r].naam for r in regios) + " |"
    scheiding = "|---|" + "---|" * len(regios)
    rijen = [f"| **Afspraken en geldigheid** | " + " | ".join(md_cel(_versies(gegevens, r, links)) for r in regios) + " |"]
    for label, momenten, routes in RIJEN:
        cellen = [md_cel(cel(gegevens, r, momenten, routes, links)) for r in regios]
        rijen.append(f"| **{label}** | " + " | ".join(cellen) + " |")
    peil = ", ".join(f"{gegevens.regios[r].naam} {datum_lang(gegevens.regios[r].peildatum)}" for r in regios)
    inleiding = (
        f'<p class="aw-toelichting">Stand per regio: de regels die gelden voor een melding op de nieuwste '
        f'ingangsdatum in het regelbestand ({peil}). Houd de muis op een paragraaf voor het citaat.</p>'
    )
    return "\n".join([inleiding, "", '<div class="aw-vergelijking" markdown>', "", kop, scheiding, *rijen, "",
                      "</div>", ""])


# --- criteria a–g ---------------------------------------------------------------------------------


def _oordeel(waarde: str) -> str:
    return (f'<span class="aw-oordeel aw-oordeel--{waarde}"><span aria-hidden="true">{OORDEEL_TEKEN[waarde]}</span> '
            f"{OORDEEL_TEKST[waarde]}</span>")


def criteria(gegevens: Gegevens, links: Links) -> str:
    aef = gegevens.aef
    rapport = aef["rapport"]["pagina"]
    regios = gegevens.regios_met_afspraken
    kop = "| Criterium | " + " | ".join(gegevens.regios[r].naam for r in regios) + " |"
    scheiding = "|---|" + "---|" * len(regios)
    onderzocht = []
    for r in regios:
        o = aef["onderzocht"].get(r)
        if o is None:
            onderzocht.append("")
            continue
        label = "Ja" if o["ja"] else "Nee"
        onderzocht.append(f"{label}: {o['toelichting']} [AEF § 1.3]({links.pagina(rapport, o['anker'])} "
                          f"\"{md_cel(o['citaat'])}\")")
    rijen = [f"| *Onderzocht door AEF (2020)* | " + " | ".join(md_cel(x) for x in onderzocht) + " |"]
    for c in aef["criteria"]:
        letter = c["letter"]
        naam = f"[**{letter}.** {c['kort']}]({links.pagina(rapport, c['anker'])} \"{md_cel(c['tekst'])}\")"
        cellen = []
        for r in regios:
            feit = gegevens.dekking(r)[letter]
            cellen.append(f"{_oordeel(feit['waarde'])}<br>{links.bron(feit['bron'], eigen_document=r, kort=True)}")
        rijen.append(f"| {naam} | " + " | ".join(md_cel(x) for x in cellen) + " |")

    legenda = " · ".join(f"{_oordeel(w)}" for w in OORDELEN)
    uit = ['<div class="aw-vergelijking aw-criteria" markdown>', "", kop, scheiding, *rijen, "", "</div>", "",
           f'<p class="aw-legenda-oordeel">{legenda}</p>', ""]

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
            uit.append(f"- **{gegevens.regios[r].naam}:** {_oordeel(feit['waarde'])}. {feit['interpretatie']} "
                       f"{links.bron(feit['bron'])}")
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
                uit.append(f"{kop}: {_waarde(f['waarde'])} {links.bron(f['bron'], eigen_document=regio, kort=True)}{lezing}")
        uit.append("")
    uit += ["</div>", ""]
    return "\n".join(uit)
