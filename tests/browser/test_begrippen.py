"""The glossary where the words are, in a real browser (issue 24): an abbreviation is reached with
Tab and with a tap, and its meaning then shows in a tooltip of at least 12 px; a term links to its
glossary entry; no WCAG violations with a tooltip open, light and dark."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.browser.test_toegankelijkheid import axe_violations
from tests.conftest import BROWSER_WAIT_MS

pytestmark = pytest.mark.browser

MB = "midden-brabant/samenwerkingsafspraken/"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
LAPTOP = {"viewport": {"width": 1366, "height": 768}}
# An abbreviation in § 4 that is not the first of its kind there: a Tab stop of its own, no link.
AFKORTING = '#par-4 ~ * abbr[tabindex="0"]'

TOOLTIP = """(abbr) => {
    const id = abbr.getAttribute('aria-describedby');
    const tip = id && document.getElementById(id);
    if (!tip || !tip.classList.contains('md-tooltip2--active')) return null;
    const binnen = tip.querySelector('.md-tooltip2__inner');
    return {tekst: binnen.textContent.trim(), grootte: parseFloat(getComputedStyle(binnen).fontSize),
            zichtbaar: binnen.getBoundingClientRect().width > 0};
}"""


@pytest.fixture
def open_pagina(browser):
    """A page of the built site in a fresh context: on a phone or a laptop, light or dark."""
    contexten = []

    def open_(pad: str, scherm: str = "laptop", schema: str = "light"):
        context = browser.new_context(
            locale="nl-NL", color_scheme=schema, **(PHONE if scherm == "telefoon" else LAPTOP)
        )
        context.set_default_timeout(BROWSER_WAIT_MS)
        contexten.append(context)
        page = context.new_page()
        page.goto(pad)
        return page

    yield open_
    for context in contexten:
        context.close()


def wacht_op_tooltip(page, afkorting) -> dict:
    page.wait_for_function(f"(abbr) => ({TOOLTIP})(abbr) !== null", arg=afkorting.element_handle())
    return afkorting.evaluate(TOOLTIP)


def test_een_afkorting_is_met_tab_bereikbaar_en_toont_haar_betekenis(open_pagina, site_url):
    page = open_pagina(site_url + MB)
    afkorting = page.locator(AFKORTING).first
    titel = afkorting.get_attribute("title")
    # The focusable element just before it in the page; one Tab further is the abbreviation.
    afkorting.evaluate("""(abbr) => {
        const stops = [...document.querySelectorAll('a[href], button, input, [tabindex="0"]')]
            .filter(e => !e.closest('[hidden]') && e.getClientRects().length);
        stops[stops.indexOf(abbr) - 1].focus();
    }""")
    page.keyboard.press("Tab")
    assert afkorting.evaluate("(abbr) => document.activeElement === abbr")
    tip = wacht_op_tooltip(page, afkorting)
    assert tip["tekst"] == titel and tip["zichtbaar"] and tip["grootte"] >= 12, tip


def test_een_afkorting_toont_haar_betekenis_na_een_tik(open_pagina, site_url):
    page = open_pagina(site_url + MB, "telefoon")
    afkorting = page.locator(AFKORTING).first
    afkorting.scroll_into_view_if_needed()
    afkorting.tap()
    tip = wacht_op_tooltip(page, afkorting)
    assert tip["tekst"] and tip["grootte"] >= 12, tip


def test_een_begrip_leidt_naar_zijn_uitleg(open_pagina, site_url):
    page = open_pagina(site_url + MB + "#par-4-1")
    page.locator('#par-4-1 ~ * a.aw-begrip[href$="#werkdag"]').first.click()
    page.wait_for_url(
        lambda url: urlparse(url).path.endswith("/begrippenlijst/") and urlparse(url).fragment == "werkdag"
    )
    assert page.locator("dt#werkdag").inner_text().startswith("Werkdag")


@pytest.mark.parametrize("schema", ["light", "dark"])
@pytest.mark.parametrize("scherm", ["telefoon", "laptop"])
def test_geen_wcag_fouten_met_een_tooltip_open(open_pagina, site_url, schema, scherm):
    page = open_pagina(site_url + MB, scherm, schema)
    afkorting = page.locator(AFKORTING).first
    afkorting.focus()
    wacht_op_tooltip(page, afkorting)
    problemen = axe_violations(page, f"{MB} met tooltip ({scherm}, {schema})")
    assert problemen == [], "\n".join(problemen[:20])
