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


def context_voor(browser, scherm: str, schema: str = "light"):
    context = browser.new_context(locale="nl-NL", color_scheme=schema, **(PHONE if scherm == "telefoon" else LAPTOP))
    context.set_default_timeout(BROWSER_WAIT_MS)
    return context


def wacht_op_tooltip(page, afkorting) -> dict:
    page.wait_for_function(f"(abbr) => ({TOOLTIP})(abbr) !== null", arg=afkorting.element_handle())
    return afkorting.evaluate(TOOLTIP)


def test_een_afkorting_is_met_tab_bereikbaar_en_toont_haar_betekenis(browser, site_url):
    context = context_voor(browser, "laptop")
    page = context.new_page()
    try:
        page.goto(site_url + MB)
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
    finally:
        context.close()


def test_een_afkorting_toont_haar_betekenis_na_een_tik(browser, site_url):
    context = context_voor(browser, "telefoon")
    page = context.new_page()
    try:
        page.goto(site_url + MB)
        afkorting = page.locator(AFKORTING).first
        afkorting.scroll_into_view_if_needed()
        afkorting.tap()
        tip = wacht_op_tooltip(page, afkorting)
        assert tip["tekst"] and tip["grootte"] >= 12, tip
    finally:
        context.close()


def test_een_begrip_leidt_naar_zijn_uitleg(browser, site_url):
    context = context_voor(browser, "laptop")
    page = context.new_page()
    try:
        page.goto(site_url + MB + "#par-4-1")
        link = page.locator('#par-4-1 ~ .md-typeset__scrollwrap a.aw-begrip[href$="#werkdag"], #par-4-1 ~ * a.aw-begrip[href$="#werkdag"]').first
        link.click()
        page.wait_for_url(lambda url: urlparse(url).path.endswith("/begrippenlijst/") and urlparse(url).fragment == "werkdag")
        assert page.locator("dt#werkdag").inner_text().startswith("Werkdag")
    finally:
        context.close()


@pytest.mark.parametrize("schema", ["light", "dark"])
@pytest.mark.parametrize("scherm", ["telefoon", "laptop"])
def test_geen_wcag_fouten_met_een_tooltip_open(browser, site_url, schema, scherm):
    context = context_voor(browser, scherm, schema)
    page = context.new_page()
    try:
        page.goto(site_url + MB)
        afkorting = page.locator(AFKORTING).first
        afkorting.focus()
        wacht_op_tooltip(page, afkorting)
        problemen = axe_violations(page, f"{MB} met tooltip ({scherm}, {schema})")
        assert problemen == [], "\n".join(problemen[:20])
    finally:
        context.close()
