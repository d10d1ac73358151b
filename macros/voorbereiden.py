"""The form of 'Regelwijziging voorbereiden', rendered at build time from the rule data.

Every rule value of every region is an option of one list (grouped by region), with the values the form starts
from (``calculators.uitvoer.voorbereiden.regelkeuzes``); the page script (regelwijziging.js) fills the fields from
the chosen option and sends the change to the engine in the calculator's worker. Fields, hints and error slots
are the calculators' own (``formulieren.veld_html``), so a message of the engine shows at its field.
"""

from __future__ import annotations

from html import escape

from calculators.basis.begrippen import EENHEDEN, LANDELIJK, ROUTE_KORT, ROUTES
from calculators.recht.regios import regio, regio_codes, regio_naam
from calculators.uitvoer.voorbereiden import regelkeuzes

from .formulieren import Veld, veld_html

SOORT = "wijz"


def _optie(keuze: dict, regio_code: str, gekozen: bool) -> str:
    data = {
        "data-regio": regio_code,
        "data-soort": keuze["soort"],
        "data-termijn": "" if keuze["termijn"] is None else str(keuze["termijn"]),
        "data-eenheid": keuze["eenheid"] or "",
        "data-citaat": keuze["citaat"],
        "data-interpretatie": keuze["interpretatie"],
        "data-routes": " ".join(keuze["routes"]),
    }
    attrs = " ".join(f'{k}="{escape(str(v))}"' for k, v in data.items())
    return (
        f'<option value="{escape(str(keuze["sleutel"]))}" {attrs}{" selected" if gekozen else ""}>'
        f"{escape(str(keuze['label']))}</option>"
    )


def _regelkeuze() -> str:
    """One list of every rule value, grouped by region: the regions with their own agreements first."""
    codes = [c for c in regio_codes() if c != LANDELIJK] + [LANDELIJK]
    eerste = next(k["sleutel"] for k in regelkeuzes(regio(codes[0])) if k["soort"] == "termijn")
    groepen = "".join(
        f'<optgroup label="{escape(regio_naam(code))}">'
        + "".join(_optie(k, code, k["sleutel"] == eerste) for k in regelkeuzes(regio(code)))
        + "</optgroup>"
        for code in codes
    )
    veld_id = f"aw-{SOORT}-regel"
    return (
        f'<div class="aw-veld"><label for="{veld_id}">Regel</label>'
        f'<p class="aw-hint" id="{veld_id}-hint">Per regio elke regel uit het regelbestand, met de termijn en de '
        f"periode waarin hij geldt.</p>"
        f'<select id="{veld_id}" name="regel" aria-describedby="{veld_id}-hint {veld_id}-fout">{groepen}</select>'
        f'<p class="aw-fout" id="{veld_id}-fout" data-aw-fout-voor="regel" hidden></p></div>'
    )


def _tekstvak(naam: str, label: str, hint: str) -> str:
    veld_id = f"aw-{SOORT}-{naam}"
    return (
        f'<div class="aw-veld"><label for="{veld_id}">{escape(label)}</label>'
        f'<p class="aw-hint" id="{veld_id}-hint">{escape(hint)}</p>'
        f'<textarea id="{veld_id}" name="{naam}" rows="3" aria-describedby="{veld_id}-hint {veld_id}-fout"></textarea>'
        f'<p class="aw-fout" id="{veld_id}-fout" data-aw-fout-voor="{naam}" hidden></p></div>'
    )


def formulier() -> str:
    wijziging = "".join(
        [
            f"<div data-aw-alleen-termijn>{veld_html(SOORT, Veld('termijn', 'Termijn (aantal)', 'number', hint='Een geheel getal, 0 of meer.', extra={'min': '0', 'step': '1', 'inputmode': 'numeric'}))}"
            f"{veld_html(SOORT, Veld('eenheid', 'Eenheid', 'select', keuzes=tuple((e, e) for e in EENHEDEN)))}</div>",
            veld_html(
                SOORT,
                Veld(
                    "ingang",
                    "Geldt vanaf (niet verplicht)",
                    hint="De datum vanaf wanneer de nieuwe waarde "
                    "geldt; tot die dag blijft de huidige gelden. Leeg: de nieuwe waarde vervangt de huidige voor de hele "
                    "periode waarin die geldt.",
                ),
            ),
            _tekstvak(
                "citaat",
                "Citaat",
                "De zin uit de gepubliceerde tekst waarop de regel steunt, letterlijk. De "
                "controle zoekt hem in de tekst op de site; delen kunt u scheiden met …",
            ),
            _tekstvak(
                "interpretatie",
                "Lezing",
                "Hoe de rekenhulp de tekst leest, waar die op meer manieren te lezen "
                "is (bijvoorbeeld of ‘dagen’ kalenderdagen zijn).",
            ),
        ]
    )
    voorbeeld = "".join(
        [
            veld_html(
                SOORT,
                Veld(
                    "melding",
                    "Meldingsdatum van het voorbeeld (niet verplicht)",
                    hint="Leeg: de eerste werkdag vanaf de datum waarop de gewijzigde waarde geldt.",
                ),
            ),
            veld_html(
                SOORT,
                Veld(
                    "route",
                    "Route van het voorbeeld",
                    "select",
                    keuzes=tuple((r, ROUTE_KORT[r]) for r in ROUTES),
                    hint="Standaard de eerste route waarin de regel geldt.",
                ),
            ),
        ]
    )
    return f"""<div class="aw-voorbereiden" data-aw-voorbereiden markdown="0">
<div class="admonition warning" data-aw-geen-js>
<p class="admonition-title">Niet beschikbaar zonder JavaScript</p>
<p>Het voorbereiden van een regelwijziging gebruikt de rekenhulp van de site, en die heeft JavaScript en een recente
browser nodig. Zonder kunt u het regelbestand met de hand wijzigen zoals de pagina
<a href="../regio-toevoegen/">Een regio of nieuwe versie toevoegen</a> beschrijft.</p>
</div>
<div class="aw-status-balk" data-aw-status role="status" aria-live="polite"></div>
<div class="aw-foutsamenvatting" data-aw-foutsamenvatting tabindex="-1" role="alert" hidden></div>
<form class="aw-formulier-invoer" novalidate data-aw-formulier hidden>
<fieldset class="aw-groep"><legend>Welke regel</legend>{_regelkeuze()}</fieldset>
<fieldset class="aw-groep"><legend>De wijziging</legend>{wijziging}</fieldset>
<fieldset class="aw-groep"><legend>Het voorbeeld</legend>{voorbeeld}</fieldset>
<p class="aw-knoppen"><button type="submit" class="md-button md-button--primary" data-aw-bereken>Bekijk de gevolgen</button></p>
</form>
<div class="aw-resultaat aw-wijz" data-aw-resultaat hidden></div>
</div>"""
