"""The page "Oefenen": the engine's practice cases as HTML, rendered at build time.

The questions, the right answers, the explanations and the sources all come from
``calculators.uitvoer.oefenen`` (which asks ``tijdlijn`` itself), so the page works where the Python
runtime cannot load, and no date is worked out in the browser: oefenen.js only compares what the
reader chose with the answer written here, and counts.

Without JavaScript every region is shown and each answer sits in a disclosure under its question.
For print: the questions with room to write, and per region an answer sheet on a page of its own.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from html import escape
from itertools import groupby

from calculators.basis.begrippen import LANDELIJK, ROUTE_KORT
from calculators.basis.opmaak import datum_middel, kleine_letter
from calculators.recht.regios import document, regio_codes, regio_naam
from calculators.uitvoer.oefenen import Oefening, oefeningen
from calculators.woorden.teksten import NIEMAND_NAAM

NIEMAND_WAARDE = "niemand"  # the form value for "the text names nobody" (partij null in the engine)
NIEMAND_KEUZE = "Niemand: " + kleine_letter(NIEMAND_NAAM)


def volgorde() -> list[str]:
    """Regional agreements first, the national framework last (as in the calculators)."""
    return sorted(regio_codes(), key=lambda code: (code == LANDELIJK, regio_naam(code)))


def pagina(naar: Callable[[str], str]) -> str:
    """All regions' cases; ``naar`` turns a site path into a link from this page."""
    regios = volgorde()
    keuze = "".join(f'<option value="{r}">{escape(regio_naam(r))}</option>' for r in regios)
    regels = [
        '<div class="aw-oefenen" data-aw-oefenen>',
        # Shown by oefenen.js: without it every region is on the page, one below the other. Not
        # searched (the region names would glue together); it holds no <div>, which would end that.
        '<div class="aw-oefen-balk" data-aw-oefen-balk data-search-exclude="ja" hidden>',
        '<p class="aw-veld"><label for="aw-oefen-regio">Regio</label>'
        f'<select id="aw-oefen-regio" data-aw-oefen-kies>{keuze}</select></p>',
        '<p class="aw-oefen-stand" data-aw-oefen-stand role="status"></p>',
        '<p class="aw-knoppen"><button type="button" class="md-button" data-aw-oefen-afdrukken>'
        "Afdrukken met antwoordenblad</button> "
        '<button type="button" class="md-button" data-aw-oefen-opnieuw>Opnieuw beginnen</button></p>',
        '<p class="aw-hint">Uw voortgang blijft alleen in deze browser bewaard: per vraag of uw eerste antwoord '
        "goed was, niet wat u invulde. Opnieuw beginnen wist hem voor deze regio.</p>",
        "</div>",
    ]
    for regio in regios:
        regels.append(_regio(regio, oefeningen(regio), naar))
    regels.append("</div>")
    return "\n".join(regels)


def _regio(regio: str, lijst: list[Oefening], naar) -> str:
    casussen = [list(groep) for _, groep in groupby(lijst, key=lambda o: (o.route, tuple(sorted(o.invoer.items()))))]
    kop_id = f"oefenen-{regio}"
    tekst = document(regio)
    document_link = f'<a href="{naar(tekst.pagina)}">{escape(tekst.naam)}</a>'
    delen = [
        f'<section class="aw-oefen-regio" data-aw-oefen-regio="{regio}" aria-labelledby="{kop_id}">',
        f'<h2 id="{kop_id}">{escape(regio_naam(regio))}</h2>',
        f"<p>{len(lijst)} vragen over {len(casussen)} casussen, volgens de {document_link}.</p>",
        '<ol class="aw-oefen-casussen">',
    ]
    nummer = 0
    for i, casus in enumerate(casussen, 1):
        eerste = casus[0]
        titel = f"Casus {i}: {ROUTE_KORT[eerste.route].lower()}, rond {eerste.rond}"
        delen += [
            f'<li class="aw-oefen-casus"><h3>{escape(titel)}</h3>',
            f'<p class="aw-oefen-casustekst">{escape(eerste.casus)}</p>',
        ]
        for oefening in casus:
            nummer += 1
            delen.append(_vraag(oefening, nummer, len(lijst), naar))
        delen.append("</li>")
    delen += [
        "</ol>",
        '<div class="aw-oefen-uitslag" data-aw-oefen-uitslag tabindex="-1" hidden></div>',
        _antwoordenblad(regio, lijst),
        "</section>",
    ]
    return "\n".join(delen)


def _vraag(o: Oefening, nummer: int, totaal: int, naar) -> str:
    vid = f"aw-oefen-{o.id}"
    juist = _waarde(o)
    fout = f'<p class="aw-fout" id="{vid}-fout" data-aw-oefen-fout hidden></p>'
    nr = f'<span class="aw-oefen-nr">Vraag {nummer} van {totaal}</span> '
    if o.antwoord["soort"] == "datum":
        veld = (
            f'<div class="aw-veld"><label for="{vid}-antwoord">{nr}{escape(o.vraagzin)}</label>'
            f'<input type="date" id="{vid}-antwoord" name="antwoord" placeholder="jjjj-mm-dd" '
            f'aria-describedby="{vid}-fout">{fout}'
            '<span class="aw-oefen-schrijfregel" aria-hidden="true"></span></div>'
        )
    else:
        opties = "".join(
            f'<div class="aw-radio"><input type="radio" id="{vid}-{waarde}" name="antwoord" value="{waarde}">'
            f'<label for="{vid}-{waarde}">{escape(naam)}</label></div>'
            for waarde, naam in _keuzes(o)
        )
        veld = (
            f'<fieldset class="aw-veld" aria-describedby="{vid}-fout"><legend>{nr}{escape(o.vraagzin)}</legend>'
            f"{opties}{fout}</fieldset>"
        )
    # What a typical mistake gives and what went wrong, and the engine's words for the dates the page may echo.
    valkuilen = json.dumps([v.to_dict() for v in o.valkuilen], ensure_ascii=False)
    teksten = json.dumps(_datumteksten(o), ensure_ascii=False)
    return (
        f'<form class="aw-oefen-vraag" id="{vid}" data-aw-oefen-vraag data-aw-juist="{escape(juist)}" '
        f'data-aw-juist-tekst="{escape(o.antwoord_tekst)}" data-aw-valkuilen="{escape(valkuilen)}" '
        f'data-aw-datumteksten="{escape(teksten)}" novalidate>'
        f"{veld}"
        '<p class="aw-knoppen"><button type="submit" class="md-button">Controleer</button></p>'
        '<p class="aw-oefen-oordeel" data-aw-oefen-oordeel tabindex="-1" hidden></p>'
        f'<details class="aw-oefen-uitleg info" data-aw-oefen-uitleg><summary>Antwoord en uitleg</summary>{_uitleg(o, naar)}</details>'
        "</form>"
    )


def _waarde(o: Oefening) -> str:
    """The right answer as the form sends it: an ISO date, or a party code ('niemand' for null)."""
    if o.antwoord["soort"] == "datum":
        return o.antwoord["datum"]
    return o.antwoord["partij"] or NIEMAND_WAARDE


def _keuzes(o: Oefening) -> list[tuple[str, str]]:
    return [
        (code or NIEMAND_WAARDE, NIEMAND_KEUZE if code is None else naam[0].upper() + naam[1:])
        for code, naam in o.keuzes
    ]


def antwoord_tekst(o: Oefening) -> str:
    if o.antwoord["soort"] == "datum":
        return o.antwoord_tekst
    return dict(_keuzes(o))[_waarde(o)]


def _datumteksten(o: Oefening) -> dict[str, str]:
    """ISO date -> the engine's words, for every date the page can name (the counted days, the typical wrong answers,
    the right one), so the echo of an answer reads as the rest of the page."""
    uit = {d.datum.isoformat(): d.to_dict()["tekst"] for d in o.telling}
    if o.antwoord["soort"] == "datum":
        uit[o.antwoord["datum"]] = o.antwoord_tekst
        for v in o.valkuilen:
            uit.setdefault(v.waarde, datum_middel(dt.date.fromisoformat(v.waarde)))
    return uit


def _kalender(o: Oefening) -> str:
    """The counted days as a small table: a calendar a screen reader reads row by row."""
    if not o.telling:
        return ""
    rijen = []
    for d in o.telling:
        juist = d.datum.isoformat() == o.antwoord.get("datum")
        if d.telt is None:
            telt = f"telt niet ({d.reden})" if d.reden != "de dag na de termijn" else "de dag na de termijn"
        else:
            telt = f"dag {d.telt}" + (f" ({d.reden}, telt mee)" if d.reden else "")
        klasse = ' class="aw-oefen-dag--juist"' if juist else (' class="aw-oefen-dag--niet"' if d.telt is None else "")
        rijen.append(
            f'<tr{klasse}><th scope="row">{escape(d.to_dict()["tekst"])}</th><td>{escape(telt)}'
            f"{' — het antwoord' if juist else ''}</td></tr>"
        )
    return (
        '<table class="aw-oefen-kalender"><caption>Zo tellen de dagen</caption>'
        '<thead><tr><th scope="col">Dag</th><th scope="col">Telt</th></tr></thead>'
        f"<tbody>{''.join(rijen)}</tbody></table>"
    )


def _uitleg(o: Oefening, naar) -> str:
    bron = o.bron
    delen = [
        f"<p><strong>Het juiste antwoord:</strong> {escape(antwoord_tekst(o))}.</p>",
        f"<p>{escape(o.uitleg)}</p>",
        _kalender(o),
    ]
    if o.lezing:
        delen.append(f'<p class="aw-oefen-lezing"><strong>Zo leest de rekenhulp dit:</strong> {escape(o.lezing)}</p>')
    delen.append(
        f"<blockquote><p>{escape(bron['citaat'])}</p></blockquote>"
        f'<p>Bron: <a href="{naar(bron["url"])}">{escape(bron["label"])}</a></p>'
    )
    return "".join(delen)


def _antwoordenblad(regio: str, lijst: list[Oefening]) -> str:
    """For print only: the answers of a region on a page of their own, after the questions."""
    items = "".join(
        f"<li><strong>{escape(antwoord_tekst(o))}</strong> — {escape(o.uitleg)} "
        f"<em>({escape(o.bron['label'])})</em></li>"
        for o in lijst
    )
    return (
        f'<div class="aw-oefen-antwoordenblad"><h2>Antwoorden — {escape(regio_naam(regio))}</h2><ol>{items}</ol></div>'
    )
