"""The calculator forms, rendered at build time from the engine's own lists.

Regions, routes and calendars come from ``calculators`` so a new region in the rule data
appears in the form without touching a page. The forms are plain HTML that works with the
keyboard and screen readers: every field has a label, a hint and an error slot that
rekenhulp.js fills with the engine's Dutch message.
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
    keuzes: tuple[tuple[str, str], ...] = ()
    standaard: str = ""
    toon_bij: str = ""  # e.g. "regio=midden-brabant;route=direct"
    vandaag: bool = False
    extra: dict = field(default_factory=dict)


def _attrs(**attributes) -> str:
    parts = []
    for key, value in attributes.items():
        if value is None or value is False:
            continue
        key = key.rstrip("_").replace("_", "-")
        parts.append(key if value is True else f'{key}="{escape(str(value))}"')
    return " ".join(parts)


def _veld_html(veld: Veld) -> str:
    veld_id = f"aw-{veld.naam}"
    hint_id = f"{veld_id}-hint"
    fout_id = f"{veld_id}-fout"
    beschreven = " ".join(i for i in (hint_id if veld.hint else "", fout_id) if i)
    hint = f'<p class="aw-hint" id="{hint_id}">{escape(veld.hint)}</p>' if veld.hint else ""
    fout = f'<p class="aw-fout" id="{fout_id}" data-aw-fout-voor="{veld.naam}" hidden></p>'
    if veld.soort == "checkbox":
        control = (f'<input {_attrs(type="checkbox", id=veld_id, name=veld.naam, value="ja", aria_describedby=beschreven)}>'
                   f' <label for="{veld_id}">{escape(veld.label)}</label>')
        body = f'<div class="aw-veld aw-veld--vink">{control}{hint}{fout}</div>'
    elif veld.soort == "radio":
        opties = "".join(
            f'<div class="aw-radio"><input {_attrs(type="radio", id=f"{veld_id}-{code}", name=veld.naam, value=code, checked=code == veld.standaard)}>'
            f' <label for="{veld_id}-{code}">{escape(naam)}</label></div>'
            for code, naam in veld.keuzes)
        body = (f'<fieldset class="aw-veld" aria-describedby="{beschreven}"><legend>{escape(veld.label)}</legend>'
                f'{hint}{opties}{fout}</fieldset>')
    else:
        if veld.soort == "select":
            opties = "".join(
                f'<option {_attrs(value=code, selected=code == veld.standaard)}>{escape(naam)}</option>'
                for code, naam in veld.keuzes)
            control = f'<select {_attrs(id=veld_id, name=veld.naam, aria_describedby=beschreven)}>{opties}</select>'
        else:
            soort = "date" if veld.soort == "date" else veld.soort
            control = ('<input ' + _attrs(type=soort, id=veld_id, name=veld.naam, value=veld.standaard or None,
                                          aria_describedby=beschreven, data_aw_vandaag=veld.vandaag,
                                          placeholder="jjjj-mm-dd" if soort == "date" else None,
                                          **veld.extra) + '>')
        body = f'<div class="aw-veld"><label for="{veld_id}">{escape(veld.label)}</label>{hint}{control}{fout}</div>'
    if veld.toon_bij:
        return f'<div data-aw-toon-bij="{escape(veld.toon_bij)}">{body}</div>'
    return body


def formulier(soort: str, groepen: list[tuple[str, list[Veld]]], knop: str, geen_js_link: str) -> str:
    """A calculator: fallback text, status line, error summary, form and result area."""
    fieldsets = "".join(
        f'<fieldset class="aw-groep"><legend>{escape(titel)}</legend>{"".join(_veld_html(v) for v in velden)}</fieldset>'
        for titel, velden in groepen)
    return f"""<div class="aw-rekenhulp" data-aw-rekenhulp="{soort}" markdown="0">
<div class="admonition warning" data-aw-geen-js>
<p class="admonition-title">Rekenhulp niet beschikbaar</p>
<p>Deze rekenhulp heeft JavaScript en een recente browser nodig (Chrome, Edge, Firefox of Safari van de afgelopen twee jaar).
De termijnen staan ook in de <a href="{escape(geen_js_link)}">termijnentabellen per regio</a>.</p>
</div>
<div class="aw-status-balk" data-aw-status role="status" aria-live="polite"></div>
<div class="aw-foutsamenvatting" data-aw-foutsamenvatting tabindex="-1" role="alert" hidden></div>
<form class="aw-formulier-invoer" novalidate hidden>
{fieldsets}
<p class="aw-knoppen"><button type="submit" class="md-button md-button--primary" data-aw-bereken disabled>{escape(knop)}</button></p>
</form>
<div class="aw-resultaat" data-aw-resultaat aria-live="polite" hidden></div>
</div>"""
