"""The calculator forms as HTML, rendered at build time.

Plain HTML that works with the keyboard and screen readers: every field has a label, a hint and an
error slot that rekenhulp.js fills with the engine's Dutch message. The three calculators share one
page (one Python runtime for all three, so switching costs nothing): a tab list above three panels.
Without JavaScript the page says where the same deadlines are in tables.

A field that changes the answer for the case already computed (the peildatum) is not in the form but
beside the answer, with its actions (agenda, link, print): it belongs to the form through its ``form``
attribute, and changing it recomputes in place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape


@dataclass(frozen=True)
class Veld:
    naam: str
    label: str
    soort: str = "date"  # date | select | checkbox | number | radio
    hint: str = ""
    keuzes: tuple[tuple[str, str], ...] = ()  # (value, short label); a long text belongs in the hint
    standaard: str = ""
    toon_bij: str = ""  # e.g. "regio=midden-brabant;route=direct"
    vandaag: bool = False
    verplicht: bool = False
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Rekenhulp:
    soort: str  # tijdlijn | werkdagen | terugkoppeling
    tab: str  # the tab's label
    titel: str  # the panel's heading
    intro: str
    groepen: list[tuple[str, list[Veld]]]
    knop: str
    bij_antwoord: list[Veld] = field(default_factory=list)  # shown beside the answer, recompute in place


def _attrs(**attributes) -> str:
    parts = []
    for key, value in attributes.items():
        if value is None or value is False:
            continue
        key = key.rstrip("_").replace("_", "-")
        parts.append(key if value is True else f'{key}="{escape(str(value))}"')
    return " ".join(parts)


def _form_id(soort: str) -> str:
    return f"aw-{soort}-formulier"


def veld_html(soort: str, veld: Veld, bij_antwoord: bool = False) -> str:
    veld_id = f"aw-{soort}-{veld.naam}"
    hint_id = f"{veld_id}-hint"
    fout_id = f"{veld_id}-fout"
    beschreven = " ".join(i for i in (hint_id if veld.hint else "", fout_id) if i)
    hint = f'<p class="aw-hint" id="{hint_id}">{escape(veld.hint)}</p>' if veld.hint else ""
    fout = f'<p class="aw-fout" id="{fout_id}" data-aw-fout-voor="{veld.naam}" hidden></p>'
    if veld.soort == "checkbox":
        control = (
            f"<input {_attrs(type='checkbox', id=veld_id, name=veld.naam, value='ja', aria_describedby=beschreven)}>"
            f' <label for="{veld_id}">{escape(veld.label)}</label>'
        )
        body = f'<div class="aw-veld aw-veld--vink">{control}{hint}{fout}</div>'
    elif veld.soort == "radio":
        opties = "".join(
            f'<div class="aw-radio"><input {_attrs(type="radio", id=f"{veld_id}-{code}", name=veld.naam, value=code, checked=code == veld.standaard)}>'
            f' <label for="{veld_id}-{code}">{escape(naam)}</label></div>'
            for code, naam in veld.keuzes
        )
        body = (
            f'<fieldset class="aw-veld" aria-describedby="{beschreven}"><legend>{escape(veld.label)}</legend>'
            f"{hint}{opties}{fout}</fieldset>"
        )
    else:
        if veld.soort == "select":
            opties = "".join(
                f"<option {_attrs(value=code, selected=code == veld.standaard)}>{escape(naam)}</option>"
                for code, naam in veld.keuzes
            )
            control = f"<select {_attrs(id=veld_id, name=veld.naam, aria_describedby=beschreven)}>{opties}</select>"
        else:
            control = (
                "<input "
                + _attrs(
                    type=veld.soort,
                    id=veld_id,
                    name=veld.naam,
                    value=veld.standaard or None,
                    aria_describedby=beschreven,
                    data_aw_vandaag=veld.vandaag,
                    required=veld.verplicht,
                    aria_required="true" if veld.verplicht else None,
                    form=_form_id(soort) if bij_antwoord else None,
                    data_aw_direct=bij_antwoord,
                    placeholder="jjjj-mm-dd" if veld.soort == "date" else None,
                    **veld.extra,
                )
                + ">"
            )
        label = escape(veld.label) + (' <span class="aw-verplicht">(verplicht)</span>' if veld.verplicht else "")
        body = f'<div class="aw-veld"><label for="{veld_id}">{label}</label>{hint}{control}{fout}</div>'
    if veld.toon_bij:
        return f'<div data-aw-toon-bij="{escape(veld.toon_bij)}">{body}</div>'
    return body


def paneel(r: Rekenhulp, eerste: bool) -> str:
    """One calculator: its heading, error summary, form and result area, as a tab panel."""
    fieldsets = "".join(
        f'<fieldset class="aw-groep"><legend>{escape(titel)}</legend>{"".join(veld_html(r.soort, v) for v in velden)}</fieldset>'
        for titel, velden in r.groepen
    )
    return f"""<section class="aw-rekenhulp" id="{r.soort}" data-aw-rekenhulp="{r.soort}" role="tabpanel" aria-labelledby="aw-tab-{r.soort}" tabindex="-1"{"" if eerste else " hidden"}>
<h2 class="aw-paneel-titel">{escape(r.titel)}</h2>
<p class="aw-paneel-intro">{escape(r.intro)}</p>
<div class="aw-foutsamenvatting" data-aw-foutsamenvatting tabindex="-1" role="alert" hidden></div>
<form class="aw-formulier-invoer" id="{_form_id(r.soort)}" novalidate data-aw-formulier hidden>
{fieldsets}
<p class="aw-knoppen"><button type="submit" class="md-button md-button--primary" data-aw-bereken>{escape(r.knop)}</button> <span class="aw-voortgang" data-aw-voortgang hidden></span></p>
</form>
<div class="aw-resultaat" data-aw-resultaat hidden>
<div data-aw-kop></div>
<div class="aw-acties" role="group" aria-label="Bij dit antwoord" data-aw-acties>
{"".join(veld_html(r.soort, v, bij_antwoord=True) for v in r.bij_antwoord)}
<div class="aw-acties__knoppen" data-aw-knoppen></div>
<p class="aw-actie-melding" role="status" data-aw-actie-melding></p>
</div>
<div data-aw-uitkomst></div>
</div>
</section>"""


def app(rekenhulpen: list[Rekenhulp], geen_js_link: str) -> str:
    """All calculators on one page: fallback text, the tab list, one status line, the panels."""
    tabs = "".join(
        f'<button type="button" role="tab" id="aw-tab-{r.soort}" aria-controls="{r.soort}" '
        f'aria-selected="{"true" if i == 0 else "false"}" tabindex="{0 if i == 0 else -1}" data-aw-tab="{r.soort}">'
        f"{escape(r.tab)}</button>"
        for i, r in enumerate(rekenhulpen)
    )
    panelen = "\n".join(paneel(r, i == 0) for i, r in enumerate(rekenhulpen))
    return f"""<div class="aw-app" data-aw-app markdown="0">
<div class="admonition warning" data-aw-geen-js>
<p class="admonition-title">Rekenhulp niet beschikbaar</p>
<p>Deze rekenhulp heeft JavaScript en een recente browser nodig (Chrome, Edge, Firefox of Safari van de afgelopen twee jaar).
De termijnen staan ook in de <a href="{escape(geen_js_link)}">termijnentabellen per regio</a>.</p>
</div>
<div class="aw-tabs" role="tablist" aria-label="Kies een rekenhulp" data-aw-tabs data-search-exclude="ja" hidden>{tabs}</div>
<div class="aw-status-balk" data-aw-status role="status" aria-live="polite"></div>
{panelen}
</div>"""
