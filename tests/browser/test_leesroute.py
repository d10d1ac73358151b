"""The reading route in a real browser (issue 24): progress kept in this browser only (the keys of
the steps), shown on the route; a page the route leads to takes the reader on or back; 'Opnieuw
beginnen' clears it; with storage blocked the route still works and says nothing is kept; no WCAG
violations on the route with progress, on a phone and a laptop, light and dark."""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest

from tests.browser.test_toegankelijkheid import axe_violations
from tests.conftest import BROWSER_WAIT_MS

pytestmark = pytest.mark.browser

SLEUTEL = "afsprakenwijzer.leesroute"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
LAPTOP = {"viewport": {"width": 1366, "height": 768}}


@pytest.fixture
def laptop(browser):
    context = browser.new_context(locale="nl-NL", **LAPTOP)
    context.set_default_timeout(BROWSER_WAIT_MS)
    yield context.new_page()
    context.close()


def voortgang(page) -> str:
    return page.locator("[data-aw-voortgang-tekst]").inner_text()


def bewaard(page):
    return json.loads(page.evaluate(f"() => localStorage.getItem({json.dumps(SLEUTEL)})") or "null")


def test_de_route_houdt_bij_welke_stappen_gelezen_zijn(laptop, site_url):
    laptop.goto(site_url + "start-hier/")
    assert voortgang(laptop) == "U hebt 0 van de 5 stappen gelezen."
    laptop.locator('section[data-aw-stap="kader"] input[data-aw-gelezen]').check()
    laptop.wait_for_function(
        "() => document.querySelector('[data-aw-voortgang-tekst]').textContent.startsWith('U hebt 1 ')"
    )
    assert bewaard(laptop) == ["kader"]  # the step's key, nothing else
    assert "aw-gelezen" in laptop.locator('section[data-aw-stap="kader"]').get_attribute("class")
    assert laptop.locator("[data-aw-voortgang] progress").evaluate("p => p.value") == 1

    # Step 2: to Midden-Brabant § 4; at its end, on to the next step.
    laptop.get_by_role("link", name="Midden-Brabant: § 4 en 5").click()
    laptop.wait_for_url("**/midden-brabant/samenwerkingsafspraken/#par-4")
    eind = laptop.locator('nav.aw-routestap--eind[data-aw-stap="regio"]')
    assert not eind.locator("input[data-aw-gelezen]").is_checked()
    eind.get_by_role("link", name="Volgende stap: De begrippen").click()
    laptop.wait_for_url("**/begrippenlijst/")
    assert sorted(bewaard(laptop)) == ["kader", "regio"]

    # Back on the route: both read, and the way back from a step lands on that step.
    laptop.goto(site_url + "start-hier/")
    assert voortgang(laptop) == "U hebt 2 van de 5 stappen gelezen."
    assert laptop.locator('section[data-aw-stap="regio"] input[data-aw-gelezen]').is_checked()

    laptop.get_by_role("button", name="Opnieuw beginnen").click()
    laptop.wait_for_function(
        "() => document.querySelector('[data-aw-voortgang-tekst]').textContent.startsWith('U hebt 0 ')"
    )
    assert bewaard(laptop) == []
    assert laptop.locator("input[data-aw-gelezen]:checked").count() == 0


def test_terug_naar_de_route_komt_bij_de_stap(laptop, site_url):
    laptop.goto(site_url + "landelijk/kwaliteitskader-zicht-op-veiligheid/")
    begin = laptop.locator('nav.aw-routestap--begin[data-aw-stap="kader"]')
    assert "Leesroute, stap 1 van 6" in begin.inner_text()
    begin.get_by_role("link", name="Terug naar de route").click()
    laptop.wait_for_url(
        lambda url: urlparse(url).path.endswith("/start-hier/") and urlparse(url).fragment == "stap-kader"
    )


def test_zonder_opslag_werkt_de_route_en_zegt_hij_dat_niets_bewaard_wordt(browser, site_url):
    context = browser.new_context(locale="nl-NL", **LAPTOP)
    # A browser or intranet policy that blocks storage: reading and writing throw.
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage', "
        "{get() { throw new DOMException('geblokkeerd', 'SecurityError'); }});"
    )
    page = context.new_page()
    fouten = []  # Material's own scripts do not survive blocked storage; the route's must
    page.on("pageerror", lambda fout: fouten.append(fout.stack) if "leesroute.js" in (fout.stack or "") else None)
    try:
        page.goto(site_url + "start-hier/")
        assert voortgang(page) == "U hebt 0 van de 5 stappen gelezen."
        page.locator('section[data-aw-stap="oefenen"] input[data-aw-gelezen]').check()
        page.wait_for_function(
            "() => document.querySelector('[data-aw-voortgang-tekst]').textContent.includes('bewaart dit niet')"
        )
        assert voortgang(page).startswith("U hebt 1 van de 5 stappen gelezen.")
        assert fouten == []
    finally:
        context.close()


@pytest.mark.parametrize("schema", ["light", "dark"])
@pytest.mark.parametrize("scherm", ["telefoon", "laptop"])
def test_de_route_met_voortgang_heeft_geen_wcag_fouten(browser, site_url, schema, scherm):
    context = browser.new_context(locale="nl-NL", color_scheme=schema, **(PHONE if scherm == "telefoon" else LAPTOP))
    context.add_init_script(f'localStorage.setItem({json.dumps(SLEUTEL)}, \'["kader", "regio"]\');')
    page = context.new_page()
    try:
        page.goto(site_url + "start-hier/")
        page.locator('section[data-aw-stap="regio"].aw-gelezen').wait_for()
        assert page.evaluate("() => document.documentElement.scrollWidth") <= (390 if scherm == "telefoon" else 1366)
        problemen = axe_violations(page, f"start-hier ({scherm}, {schema})")
        page.goto(site_url + "midden-brabant/samenwerkingsafspraken/#par-4")
        page.locator("nav.aw-routestap--eind input[data-aw-gelezen]:checked").wait_for()
        problemen += axe_violations(page, f"midden-brabant met leesroute ({scherm}, {schema})")
        assert problemen == [], "\n".join(problemen[:20])
    finally:
        context.close()
