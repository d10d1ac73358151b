"""'Termijnen in één oogopslag': every deadline of one agreement, generated from its rule file.

A collapsible admonition for the top of an agreement page: each term with its amount and
unit, the moment it counts from, for which route or situation, from when it applies, and a
link to the paragraph where the text says it. Below it the agreements without a term (who
becomes responsible, what does not happen), and where the text is silent, the national rule.
"""

from __future__ import annotations

from calculators.begrippen import MOMENT_VOLGORDE

from .gegevens import LANDELIJK, Gegevens
from .opmaak import (
    PARTIJ_KORT,
    Links,
    geldigheid,
    md_cel,
    routes_tekst,
    termijn_md,
    voorwaarde,
)

ANKER = "termijnen-in-een-oogopslag"


def _volgorde(regel: dict) -> tuple:
    moment = regel.get("moment") or regel["momenten"][0]
    return (MOMENT_VOLGORDE[moment], bool(regel.get("als")), regel["geldig_vanaf"], regel["code"])


def _voor(regel: dict) -> str:
    tekst = routes_tekst(regel["routes"])
    extra = voorwaarde(regel)
    return f"{tekst}; {extra}" if extra else tekst


def _rij(regel: dict, links: Links, met_geldigheid: bool) -> str:
    cellen = [regel["moment_naam"], termijn_md(regel), _voor(regel)]
    if met_geldigheid:
        cellen.append(geldigheid(regel))
    cellen.append(links.bron(regel["bron"], kort=True))
    return "| " + " | ".join(md_cel(c) for c in cellen) + " |"


def _tabel(regels: list[dict], links: Links, met_geldigheid: bool) -> list[str]:
    kop = ["Wat", "Termijn", "Voor"] + (["Geldig"] if met_geldigheid else []) + ["Waar in de tekst"]
    return ["| " + " | ".join(kop) + " |", "|" + "---|" * len(kop), *(_rij(x, links, met_geldigheid) for x in regels)]


def _zonder_termijn(regel: dict, links: Links, partijen: dict) -> str:
    if regel["soort"] == "vervalt":
        tekst = regel["omschrijving"]
    elif regel["niemand_aangewezen"]:
        tekst = f"{regel['moment_naam']} – de afspraken wijzen vanaf dan niemand aan: {regel['omschrijving']}"
    else:  # overgang
        partij = partijen.get(regel["verantwoordelijke"]) or PARTIJ_KORT[regel["verantwoordelijke"]]
        tekst = f"{regel['moment_naam']} – vanaf dan verantwoordelijk: {partij}"
    extra = [routes_tekst(regel["routes"])]
    if voorwaarde(regel):
        extra.append(voorwaarde(regel))
    return f"- {tekst} ({'; '.join(extra)}; {geldigheid(regel)}) {links.bron(regel['bron'], kort=True)}"


def blok(gegevens: Gegevens, regio: str, links: Links, infographic_pagina: str | None = None) -> str:
    r = gegevens.regios[regio]
    termijnen = sorted((x for x in r.regels if x["soort"] == "termijn"), key=_volgorde)
    overig = sorted((x for x in r.regels if x["soort"] != "termijn"), key=_volgorde)

    versies = "; ".join(f"{v['naam']}: {geldigheid(v)}" for v in r.versies)
    perioden = {geldigheid(x) for x in termijnen}
    eenvormig = len(perioden) == 1
    regels = [
        f'<span id="{ANKER}"></span>',
        "",
        f"Alle termijnen van deze afspraken zoals de rekenhulpen ermee rekenen, rechtstreeks uit het "
        f"regelbestand `calculators/rules/{r.bestand}`. Versies: {versies}."
        + (f" De termijnen gelden voor meldingen {next(iter(perioden))}." if eenvormig else ""),
        "",
        *_tabel(termijnen, links, not eenvormig),
    ]
    if overig:
        regels += ["", "**Afspraken zonder termijn**", "", *(_zonder_termijn(x, links, r.partijen) for x in overig)]

    terugvallen = gegevens.terugvallen(regio)
    if terugvallen:
        regels += [
            "",
            f"**Niet in deze tekst; landelijke regel geldt** (voor meldingen {geldigheid(r.huidige_versie)}):",
            "",
        ]
        landelijk = [dict(t.regel, routes=list(routes)) for t, routes in terugvallen]
        regels += _tabel(sorted((x for x in landelijk if x["soort"] == "termijn"), key=_volgorde), links, True)
        rest = [x for x in landelijk if x["soort"] != "termijn"]
        if rest:
            regels += [""] + [_zonder_termijn(x, links, gegevens.regios[LANDELIJK].partijen)
                              for x in sorted(rest, key=_volgorde)]
    verder = [f"[Alle regio’s naast elkaar]({links.pagina('vergelijking/index.md')})",
              f"[Tijdlijn van een casus berekenen]({links.pagina('rekenhulpen/tijdlijn.md')})"]
    if infographic_pagina:
        verder.insert(0, f"[Infographic]({links.pagina(infographic_pagina, 'infographic-' + regio)})")
    regels += ["", " · ".join(verder)]
    inhoud = "\n".join(("    " + x) if x else "" for x in regels)
    return f'??? abstract "Termijnen in één oogopslag"\n\n{inhoud}\n'
