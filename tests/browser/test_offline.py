"""In the field: after one visit the site and its calculators work without a network (service worker, sw.js),
a new build replaces the offline copy completely, the same holds under a sub-path, and one button removes
everything the site keeps. Every wait is for a condition: the service worker active, the runtime stored,
an answer on screen."""

from __future__ import annotations

import http.server
import re
import threading

import pytest

from tests.browser.test_toegankelijkheid import axe_violations
from tests.conftest import BROWSER_WAIT_MS, SiteHandler
from tests.server.storingsserver import storingsserver

pytestmark = pytest.mark.browser

ANTWOORD = "#tijdlijn [data-aw-resultaat]:not([hidden]) [data-aw-antwoord]"
LINK = "rekenhulpen/?rekenhulp=tijdlijn&regio=midden-brabant&route=direct&melding={}#tijdlijn"
RUNTIME_BEWAARD = "window.__awOffline && window.__awOffline.rekenkernBewaard === true"
CACHES = """async () => { const uit = {};
  for (const naam of await caches.keys()) uit[naam] = (await (await caches.open(naam)).keys()).map((r) => r.url);
  return uit; }"""


def nieuwe_context(browser, **extra):
    # bypass_csp: behind nginx the shipped policy forbids eval, which Playwright's waits for a condition use.
    context = browser.new_context(locale="nl-NL", accept_downloads=True, **extra)
    context.set_default_timeout(BROWSER_WAIT_MS)
    context.set_default_navigation_timeout(BROWSER_WAIT_MS)
    return context


def antwoord(page, melding: str, base: str) -> dict:
    page.goto(base + LINK.format(melding))
    page.locator(ANTWOORD).wait_for()
    resultaat = page.evaluate("window.__awRekenhulp.laatsteAntwoord.resultaat")
    assert resultaat["invoer"]["melding"] == melding
    return resultaat


def eerste_bezoek(page, base: str) -> None:
    """One visit as a reader makes it: a shared link, its answer, and the runtime stored after it."""
    antwoord(page, "2025-04-24", base)
    page.wait_for_function(RUNTIME_BEWAARD)


def zoek(page, woord: str) -> str:
    page.keyboard.press("/")
    page.keyboard.type(woord)
    page.locator(".md-search-result__item").first.wait_for()
    return page.locator(".md-search-result").inner_text().lower()


def test_after_one_visit_offline_a_new_shared_link_answers_and_pages_and_search_open(browser, site_url):
    context = nieuwe_context(browser)
    page = context.new_page()
    eerste_bezoek(page, site_url)
    # One copy of the runtime: in the service worker's cache, none in IndexedDB beside it.
    assert page.evaluate("indexedDB.databases().then((d) => d.map((x) => x.name))") == []
    # A first visit is no update: no notice about a new version.
    assert page.locator("[data-aw-versiemelding]").count() == 0

    context.set_offline(True)
    resultaat = antwoord(page, "2025-06-02", site_url)  # another date: a query the cache never saw
    assert resultaat["invoer"]["regio"] == "midden-brabant"
    assert page.evaluate("window.__awRekenhulp.via") == "snapshot"
    # The agenda file is made by the engine in the browser: offline too (this case lies in the past: its
    # earlier moments asked for).
    page.locator("#tijdlijn").get_by_label("Ook eerdere momenten").check()
    with page.expect_download() as download:
        page.get_by_role("button", name="In mijn agenda (.ics)").click()
    assert download.value.suggested_filename.endswith(".ics")

    page.goto(site_url + "midden-brabant/samenwerkingsafspraken/")
    assert "Midden-Brabant" in page.locator("h1").inner_text()
    assert "veiligheidsbeoordeling" in zoek(page, "veiligheidsbeoordeling")
    page.goto(site_url + "afdrukversie/")  # the print edition, with its print styles
    assert "Afdrukversie" in page.title()
    page.goto(site_url + "rekenhulpen")  # without its slash, as a reader may type it: the kept page
    assert page.url.endswith("/rekenhulpen/") and "Rekenhulpen" in page.locator("article h1").inner_text()
    page.goto(site_url + "bestaat-niet/")  # not kept, and no network: the 404 page says so
    assert "Geen verbinding" in page.locator("article h1").inner_text()

    # Nothing a reader typed is stored: no address with a query, no date from the links.
    adressen = [url for urls in page.evaluate(CACHES).values() for url in urls]
    assert adressen and not [url for url in adressen if "?" in url or "2025-" in url]
    context.close()


def test_the_runtime_is_downloaded_once(browser, built_site):
    # No double download: after the first answer the service worker takes the runtime from the browser's HTTP
    # cache, where the calculator just put it (immutable addresses; a 304 at most). Behind a server that
    # sends the build's compressed copies, as the shipped configurations do.
    verzoeken: list = []
    with storingsserver(built_site, "geen", verzoeken=verzoeken) as base:
        context = nieuwe_context(browser, bypass_csp=True)
        page = context.new_page()
        eerste_bezoek(page, base)
        context.close()
    volledig = [
        pad
        for methode, pad, status, bytes_ in verzoeken
        if methode == "GET" and status == 200 and bytes_ and ("/assets/rekenkern/" in pad or "/assets/pyodide/" in pad)
    ]
    dubbel = sorted({pad for pad in volledig if volledig.count(pad) > 1})
    assert volledig and dubbel == [], dubbel


class WisselbareSite(http.server.ThreadingHTTPServer):
    """A server whose folder can be replaced, as an administrator replaces site/ with a new build."""

    daemon_threads = True


class WisselHandler(SiteHandler):
    def __init__(self, request, client_address, server):
        super().__init__(request, client_address, server, directory=str(server.site))


@pytest.fixture
def wisselbare_site(built_site):
    server = WisselbareSite(("127.0.0.1", 0), WisselHandler)
    server.site = built_site
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def test_a_new_build_replaces_the_cached_pages_and_runtime(browser, wisselbare_site, built_site, gewijzigde_site):
    base = f"http://127.0.0.1:{wisselbare_site.server_address[1]}/"
    context = nieuwe_context(browser)
    page = context.new_page()
    eerste_bezoek(page, base)
    oud = antwoord(page, "2025-04-24", base)
    bouw_oud = page.evaluate("window.__awOffline.bouw")

    wisselbare_site.site = gewijzigde_site  # the administrator installs a new version
    page.reload()
    melding = page.locator("[data-aw-versiemelding]")
    melding.wait_for()  # the new version is in, pages and runtime: the reader chooses when
    assert "Er is een nieuwe versie van de Afsprakenwijzer geladen." in melding.inner_text()
    assert axe_violations(page, "melding nieuwe versie") == []
    with page.expect_event("load"):
        melding.get_by_role("button", name="Nu gebruiken").click()
    page.wait_for_function("window.__awOffline && window.__awOffline.status === 'actief'")
    bouw_nieuw = page.evaluate("window.__awOffline.bouw")
    assert bouw_nieuw != bouw_oud

    # One cache, of the new build: its runtime, not the old one (another engine, another folder).
    caches = page.evaluate(CACHES)
    assert list(caches) == [next(naam for naam in caches if naam.endswith(bouw_nieuw))]
    oude_kern = re.search(
        r"assets/rekenkern/([0-9a-f]+)/", (built_site / "rekenhulpen" / "index.html").read_text()
    ).group(1)
    nieuwe_kern = re.search(
        r"assets/rekenkern/([0-9a-f]+)/", (gewijzigde_site / "rekenhulpen" / "index.html").read_text()
    ).group(1)
    adressen = next(iter(caches.values()))
    assert any(f"/assets/rekenkern/{nieuwe_kern}/" in url and url.endswith(".snapshot") for url in adressen)
    assert not any(f"/assets/rekenkern/{oude_kern}/" in url for url in adressen)

    # Offline, the new rules answer (Midden-Brabant picks up a direct handover in 13 days instead of 7).
    context.set_offline(True)
    nieuw = antwoord(page, "2025-04-24", base)
    assert nieuw["momenten"] != oud["momenten"]
    context.close()


def test_under_a_sub_path_behind_nginx(browser, nginx_subpath_url):
    context = nieuwe_context(browser, bypass_csp=True)
    page = context.new_page()
    eerste_bezoek(page, nginx_subpath_url)
    scope = page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.scope)")
    assert scope == nginx_subpath_url
    context.set_offline(True)
    antwoord(page, "2025-06-02", nginx_subpath_url)
    page.goto(nginx_subpath_url + "zuid-limburg/samenwerkingsafspraken/")
    assert "Zuid-Limburg" in page.locator("h1").inner_text()
    context.close()


def test_one_button_removes_everything_the_site_keeps(browser, site_url):
    context = nieuwe_context(browser)
    page = context.new_page()
    eerste_bezoek(page, site_url)
    page.locator("#tijdlijn").get_by_label("Regio", exact=True).select_option("zuid-limburg")  # remembered
    page.goto(site_url + "start-hier/")  # a step of the reading route, marked as read
    page.locator('section[data-aw-stap="kader"] input[data-aw-gelezen]').check()
    page.wait_for_function("localStorage.getItem('afsprakenwijzer.leesroute') !== null")
    page.goto(site_url + "over/wat-uw-browser-bewaart/")
    overzicht = page.locator("[data-aw-bewaard-overzicht]")
    overzicht.locator("li").first.wait_for()
    voor = overzicht.inner_text()
    assert "offline kopie van de site" in voor and "met de rekenomgeving" in voor and "regio" in voor
    assert "leesroute" in voor
    assert axe_violations(page, "wat uw browser bewaart") == []

    page.get_by_role("button", name="Alles wissen wat deze site bewaart").click()
    page.get_by_text("Gewist:").wait_for()
    assert overzicht.inner_text().strip() == "niets"
    assert page.evaluate(CACHES) == {}
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then((r) => r.length)") == 0
    assert page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('afsprakenwijzer'))") == []
    assert page.evaluate("indexedDB.databases().then((d) => d.length)") == 0
    context.close()


def test_the_loading_progress_stands_next_to_the_button_in_view(browser, site_url):
    # The runtime held back halfway (its standard library: a first visit boots): the progress next to the
    # calculate button says what loads and how far, on a phone, in view, and the page passes axe-core while it loads.
    context = nieuwe_context(browser, viewport={"width": 390, "height": 844}, is_mobile=True, service_workers="block")
    page = context.new_page()
    held = []
    page.route("**/stdlib-opstart-*", lambda route: held.append(route))
    page.goto(site_url + LINK.format("2025-04-24"))
    voortgang = page.locator("#tijdlijn [data-aw-voortgang]")
    voortgang.locator("progress").wait_for()
    page.wait_for_function("document.querySelector('#tijdlijn [data-aw-voortgang] progress').value > 0")
    tekst = voortgang.inner_text()
    assert re.search(r"Rekenomgeving downloaden: \d+ %", tekst) and "Uw berekening volgt" in tekst
    vak = voortgang.bounding_box()
    assert vak["y"] >= 0 and vak["y"] + vak["height"] <= 844 and vak["x"] + vak["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert axe_violations(page, "rekenhulp laadt") == []
    for route in held:
        route.continue_()
    page.unroute("**/stdlib-opstart-*")
    page.locator(ANTWOORD).wait_for()
    assert voortgang.is_hidden()
    context.close()
