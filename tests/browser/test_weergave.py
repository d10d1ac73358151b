"""What a reader sees on a phone (390×844, 360×780, mobile emulation) and a laptop (1366×768): no page wider
than the screen, the answer of the calculator on the first screen, nothing that scrolls sideways, and a
figure whose text stays readable."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BROWSER_WAIT_MS

pytestmark = pytest.mark.browser

ANTWOORD = "[data-aw-resultaat]:not([hidden]) [data-aw-antwoord]"
BOOT_TIMEOUT = BROWSER_WAIT_MS  # one generous bound for every wait (tests/conftest.py)
TELEFOONS = {"390": {"width": 390, "height": 844}, "360": {"width": 360, "height": 780}}


def site_pages(site: Path) -> list[str]:
    return [
        html.relative_to(site).as_posix().removesuffix("index.html")
        for html in sorted(site.rglob("*.html"))
        if 'name="aw-doorsturen"' not in html.read_text(encoding="utf-8")
    ]


@pytest.fixture
def telefoon(browser, request):
    maat = TELEFOONS[getattr(request, "param", "390")]
    context = browser.new_context(locale="nl-NL", viewport=maat, is_mobile=True, has_touch=True, device_scale_factor=2)
    yield context.new_page(), maat["width"]
    context.close()


@pytest.fixture
def laptop(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1366, "height": 768})
    yield context.new_page()
    context.close()


# Under mobile emulation innerWidth grows with the page: compare the document's width with the screen's.
BREEDTE = "() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
TE_BREED = """(max) => [...document.querySelectorAll("article *, .md-content *")].filter(e => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.right > max + 1 && !e.closest("[hidden], .md-typeset__scrollwrap, .aw-fig");
}).slice(0, 5).map(e => e.tagName.toLowerCase() + "." + String(e.className.baseVal ?? e.className).split(" ")[0] + " " + Math.round(e.getBoundingClientRect().right))"""


@pytest.mark.parametrize("telefoon", ["390", "360"], indirect=True)
def test_no_page_is_wider_than_a_phone(telefoon, site_url, built_site):
    page, breedte = telefoon
    te_breed = {}
    for pad in site_pages(built_site):
        page.goto(site_url + pad, wait_until="load")
        if page.evaluate(BREEDTE) > breedte:
            te_breed[pad or "/"] = (page.evaluate(BREEDTE), page.evaluate(TE_BREED, breedte))
    assert te_breed == {}, te_breed


# The days and periods of a result are laid out only once on screen (content-visibility), and they clip
# what sticks out: so nothing in them may be wider than they are. Returns (too wide, all).
GEKNIPT = """() => { const alle = [...document.querySelectorAll("[data-aw-resultaat] .aw-rooster__dag, [data-aw-resultaat] .aw-periode")];
    const te_breed = alle.filter(e => { e.style.contentVisibility = "visible";
        const breed = e.scrollWidth > e.clientWidth + 1; e.style.contentVisibility = ""; return breed; });
    return [te_breed.map(e => e.textContent.slice(0, 60)), alle.length]; }"""


CASUS_PER_REGIO = [
    # Tuesday 6 May 2025 as the peildatum: every region has a responsible party then and a next deadline.
    ("midden-brabant", "direct", "2025-04-24", "Veilig Thuis Midden-Brabant"),
    ("west-brabant", "direct", "2025-04-24&overdracht=2025-05-02", "Veilig Thuis West-Brabant"),
    ("zuid-limburg", "onderzoek", "2025-04-24", "Veilig Thuis Zuid-Limburg"),
    ("landelijk", "onderzoek", "2025-04-24", "Veilig Thuis"),
]


@pytest.mark.parametrize("regio,route,melding,partij", CASUS_PER_REGIO, ids=[c[0] for c in CASUS_PER_REGIO])
def test_the_answer_is_on_the_first_screen_of_a_phone(telefoon, site_url, regio, route, melding, partij):
    page, breedte = telefoon
    page.goto(f"{site_url}rekenhulpen/?regio={regio}&route={route}&melding={melding}&peildatum=2025-05-06")
    antwoord = page.locator(ANTWOORD)
    antwoord.wait_for(timeout=BOOT_TIMEOUT)
    page.wait_for_function(
        """(s) => { const r = document.querySelector(s).getBoundingClientRect();
        return r.top >= 0 && r.top < 120; }""",
        arg=ANTWOORD,
    )  # scrolled to, under the sticky header
    kop = antwoord.locator(".aw-antwoord__wie").bounding_box()
    volgende = antwoord.locator(".aw-antwoord__volgende").bounding_box()
    assert kop["y"] >= 0 and volgende["y"] + volgende["height"] <= TELEFOONS["390"]["height"]
    assert partij in antwoord.locator(".aw-antwoord__wie").inner_text()
    assert "Volgende termijn" in antwoord.inner_text() or "Volgende overgang" in antwoord.inner_text()
    assert antwoord.locator(".aw-antwoord__volgende time").count() == 1
    assert page.evaluate(BREEDTE) <= breedte
    te_breed, alle = page.evaluate(GEKNIPT)
    assert alle > 5 and te_breed == []


FIGUURTEKST = """() => [...document.querySelectorAll(".aw-fig text")].map(t => {
    const svg = t.ownerSVGElement, schaal = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return parseFloat(getComputedStyle(t).fontSize) * schaal;
})"""


def test_the_figure_text_is_at_least_12_px_on_a_phone(telefoon, site_url):
    page, _ = telefoon
    page.goto(f"{site_url}rekenhulpen/?regio=midden-brabant&route=onderzoek&melding=2025-04-24&peildatum=2025-05-06")
    page.locator(".aw-fig").wait_for(timeout=BOOT_TIMEOUT)
    maten = page.evaluate(FIGUURTEKST)
    assert maten and min(maten) >= 12, min(maten)
    assert page.locator(".aw-fig--verticaal").count() == 1  # the phone gets the vertical scale
    assert page.locator("svg.aw-fig[role=img] title").count() == 1 and page.locator("svg.aw-fig desc").count() == 1
    assert page.locator(".aw-fig-vandaag").count() == 1  # the peildatum is marked


SCROLLT_OPZIJ = """() => [...document.querySelectorAll("[data-aw-resultaat] *")].filter(e =>
    e.scrollWidth > e.clientWidth + 1 && ["auto", "scroll"].includes(getComputedStyle(e).overflowX))
    .map(e => e.tagName.toLowerCase() + "." + String(e.className.baseVal ?? e.className))"""


def test_nothing_in_a_result_scrolls_sideways_on_a_laptop(laptop, site_url):
    page = laptop
    for query in (
        "?regio=midden-brabant&route=onderzoek&melding=2025-04-24&vbs=crisis",
        "?regio=west-brabant&route=direct&melding=2022-03-28&overdracht=2022-04-04",
    ):
        page.goto(f"{site_url}rekenhulpen/{query}")
        page.locator(ANTWOORD).wait_for(timeout=BOOT_TIMEOUT)
        assert page.evaluate(SCROLLT_OPZIJ) == []
        assert page.evaluate(BREEDTE) <= 1366
        te_breed, alle = page.evaluate(GEKNIPT)
        assert alle > 5 and te_breed == []
        assert page.locator(".aw-fig--horizontaal").count() == 1
        maten = page.evaluate(FIGUURTEKST)
        assert min(maten) >= 12, min(maten)
