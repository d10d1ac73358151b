"""The calculators in a real browser: the engine on the site's own Pyodide, driven like a user would.

Expected dates are worked out by hand in the comments (werkdagen per the Algemene
termijnenwet), or compared with the very same engine run by CPython (the CLI): the
browser must give identical answers.
"""

from __future__ import annotations

import json
import subprocess
import sys
from urllib.parse import parse_qs, urlparse

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

READY = "Rekenhulp is klaar voor gebruik."
RESULT = "[data-aw-resultaat]:not([hidden])"
BOOT_TIMEOUT = 60_000


def open_calculator(page, site_url: str, name: str, query: str = ""):
    page.goto(f"{site_url}rekenhulpen/{name}/{query}")
    page.get_by_text(READY).wait_for(timeout=BOOT_TIMEOUT)


def last_answer(page) -> dict:
    return page.evaluate("window.__awRekenhulp.laatsteAntwoord")


def cli_json(*args: str) -> dict:
    result = subprocess.run([sys.executable, "-m", "calculators", "tijdlijn", *args, "--json"],
                            cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


PARITY_CASES = [
    # (region, route, melding, extra query parameters)
    ("midden-brabant", "direct", "2025-04-24", {}),
    ("midden-brabant", "voorwaarden-en-vervolg", "2025-12-19", {"vbs": "crisis"}),
    ("midden-brabant", "onderzoek", "2026-05-13", {"jeugdbeschermingstafel": "ja"}),
    ("west-brabant", "direct", "2025-04-24", {}),
    ("west-brabant", "onderzoek", "2024-05-08", {"overdracht": "2024-07-01"}),
    ("west-brabant", "voorwaarden-en-vervolg", "2023-12-22", {"spoed": "ja"}),
    ("zuid-limburg", "direct", "2025-04-24", {}),
    ("zuid-limburg", "voorwaarden-en-vervolg", "2025-05-28", {"dienst_einde": "2025-07-31"}),
    ("zuid-limburg", "onderzoek", "2024-12-23", {"kalender": "weekend"}),
    ("landelijk", "direct", "2025-04-24", {"spoed": "ja"}),
    ("landelijk", "onderzoek", "2026-01-02", {"kalender": "atw-lid3"}),
]


@pytest.mark.parametrize("regio,route,melding,extra", PARITY_CASES, ids=lambda v: v if isinstance(v, str) else None)
def test_browser_gives_the_same_timeline_as_the_cli(page, site_url, regio, route, melding, extra):
    query = "&".join(f"{k}={v}" for k, v in {"regio": regio, "route": route, "melding": melding, **extra}.items())
    open_calculator(page, site_url, "tijdlijn", "?" + query)
    page.locator(RESULT).wait_for()
    answer = last_answer(page)
    assert answer["ok"], answer
    flags = [f"--{k.replace('_', '-')}" + ("" if v == "ja" else f"={v}") for k, v in extra.items()]
    expected = cli_json("--regio", regio, "--route", route, "--melding", melding, *flags)
    shown = {key: answer["resultaat"][key] for key in expected}
    assert shown == expected
    # The table shows every moment of the engine's answer, in its order, with its date.
    rows = page.locator("#resultaat ~ * table").first.locator("tbody tr")
    assert rows.count() == len(expected["momenten"])
    for row, moment in zip(rows.all(), expected["momenten"]):
        assert row.locator("time").first.get_attribute("datetime") == moment["datum"]


def test_filling_the_form_gives_a_sourced_timeline(page, site_url):
    open_calculator(page, site_url, "tijdlijn")
    page.get_by_label("Regio", exact=True).select_option("midden-brabant")
    page.get_by_label("Route na de melding").select_option("direct")
    page.get_by_label("Meldingsdatum").fill("2025-04-24")
    page.get_by_role("button", name="Tijdlijn berekenen").click()
    page.locator(RESULT).wait_for()
    table = page.locator("#resultaat ~ * table").first
    # 5 werkdagen after Thu 24 April 2025: Fri 25, Mon 28, Tue 29, Wed 30 April, Thu 1 May
    # (Koningsdag 2025 falls on Saturday 26 April, so it is moved to and lies in the weekend).
    row = table.locator("tr", has_text="Uiterste datum veiligheidsbeoordeling")
    assert row.locator("time").get_attribute("datetime") == "2025-05-01"
    link = row.get_by_role("link", name="§ 4.1")
    assert link.get_attribute("href").endswith("midden-brabant/samenwerkingsafspraken/#par-4-1")
    # §4.1: the team has 7 (calendar) days after the overdracht (assumed Thu 1 May): VT stays
    # responsible up to and including Thu 8 May; the team from Fri 9 May.
    team = table.locator("tr", has_text="verantwoordelijk voor het zicht op veiligheid").last
    assert team.locator("time").get_attribute("datetime") == "2025-05-09"
    assert "berekend uit een aanname" in team.inner_text()
    assert page.get_by_text("Gekozen lezing").first.is_visible()
    assert page.locator("svg.aw-tijdlijn title").count() == 1
    # Only the region is remembered; nothing else is stored.
    storage = page.evaluate("Object.assign({}, localStorage)")
    assert {k: v for k, v in storage.items() if k.startswith("afsprakenwijzer")} == {"afsprakenwijzer.regio": "midden-brabant"}


def test_every_route_can_be_chosen_and_calculated(page, site_url):
    open_calculator(page, site_url, "tijdlijn")
    page.get_by_label("Regio", exact=True).select_option("zuid-limburg")
    page.get_by_label("Meldingsdatum").fill("2025-04-24")
    for route in ("direct", "voorwaarden-en-vervolg", "onderzoek"):
        page.get_by_label("Route na de melding").select_option(route)
        page.get_by_role("button", name="Tijdlijn berekenen").click()
        page.wait_for_function(f"window.__awRekenhulp.laatsteAntwoord && window.__awRekenhulp.laatsteAntwoord.resultaat && window.__awRekenhulp.laatsteAntwoord.resultaat.route === '{route}'")
        codes = [m["code"] for m in last_answer(page)["resultaat"]["momenten"]]
        if route == "direct":
            assert "contact-gezin-uiterlijk" in codes and "monitoring-3-maanden" not in codes
        else:
            assert {"monitoring-3-maanden", "monitoring-12-maanden", "monitoring-einde-gemiddeld"} <= set(codes)
            assert page.locator("#monitoring + ul li").count() >= 3


def test_an_invalid_combination_is_explained_at_the_field_and_nothing_is_lost(page, site_url):
    open_calculator(page, site_url, "tijdlijn")
    page.get_by_label("Regio", exact=True).select_option("west-brabant")
    page.get_by_label("Route na de melding").select_option("onderzoek")
    page.get_by_label("Meldingsdatum").fill("2025-06-10")
    page.get_by_label("Datum van overdracht").fill("2025-06-01")
    page.get_by_role("button", name="Tijdlijn berekenen").click()
    error = page.locator("#aw-overdracht-fout")
    error.wait_for()
    assert "2025-06-01" in error.inner_text() or "1 juni 2025" in error.inner_text()
    assert page.locator("#aw-overdracht").get_attribute("aria-invalid") == "true"
    summary = page.locator("[data-aw-foutsamenvatting]")
    assert summary.is_visible() and "Controleer de invoer" in summary.inner_text()
    # The user's input is all still there.
    assert page.get_by_label("Regio", exact=True).input_value() == "west-brabant"
    assert page.get_by_label("Route na de melding").input_value() == "onderzoek"
    assert page.get_by_label("Meldingsdatum").input_value() == "2025-06-10"
    assert page.get_by_label("Datum van overdracht").input_value() == "2025-06-01"
    # The summary link takes keyboard users to the field.
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "aw-overdracht"


def test_a_melding_before_the_agreement_is_refused_in_dutch(page, site_url):
    # Midden-Brabant's published version applies from 1 July 2024 (the 'nieuwe leidraad').
    open_calculator(page, site_url, "tijdlijn", "?regio=midden-brabant&route=direct&melding=2024-03-01")
    error = page.locator("#aw-melding-fout")
    error.wait_for()
    assert "2024" in error.inner_text()
    assert page.locator(RESULT).count() == 0


def test_link_copies_the_inputs_and_reopens_the_same_calculation(page, site_url, browser):
    open_calculator(page, site_url, "tijdlijn")
    page.get_by_label("Regio", exact=True).select_option("zuid-limburg")
    page.get_by_label("Route na de melding").select_option("onderzoek")
    page.get_by_label("Meldingsdatum").fill("2025-12-22")
    page.get_by_label("De melding is spoedeisend").check()
    page.get_by_role("button", name="Tijdlijn berekenen").click()
    page.locator(RESULT).wait_for()
    first = last_answer(page)["resultaat"]
    query = parse_qs(urlparse(page.url).query)
    assert query == {"regio": ["zuid-limburg"], "route": ["onderzoek"], "melding": ["2025-12-22"], "spoed": ["ja"],
                     "kalender": ["atw"]}
    colleague = browser.new_context(locale="nl-NL").new_page()
    colleague.goto(page.url)
    colleague.locator(RESULT).wait_for(timeout=BOOT_TIMEOUT)
    assert last_answer(colleague)["resultaat"]["momenten"] == first["momenten"]
    assert colleague.get_by_label("De melding is spoedeisend").is_checked()
    colleague.context.close()


def test_agenda_file_is_valid_icalendar_with_all_day_events(page, site_url):
    from icalendar import Calendar

    open_calculator(page, site_url, "tijdlijn", "?regio=midden-brabant&route=onderzoek&melding=2025-04-24")
    page.locator(RESULT).wait_for()
    moments = last_answer(page)["resultaat"]["momenten"]
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Agenda-bestand (.ics)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    raw = open(download.path(), "rb").read()
    assert b"\r\n" in raw
    calendar = Calendar.from_ical(raw)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(moments)
    for event, moment in zip(events, moments):
        assert event.decoded("DTSTART").isoformat() == moment["datum"]  # a date, not a date-time: all day
        assert (event.decoded("DTEND") - event.decoded("DTSTART")).days == 1
        assert str(event["SUMMARY"]) == moment["omschrijving"]
    assert page.get_by_text("is gedownload").is_visible()


def test_werkdagen_skip_holidays_and_list_them_with_their_legal_basis(page, site_url):
    open_calculator(page, site_url, "werkdagen")
    page.get_by_label("Vanaf datum").fill("2025-04-30")
    page.get_by_label("Aantal werkdagen", exact=True).fill("5")
    page.get_by_role("button", name="Werkdagen berekenen").click()
    page.locator(RESULT).wait_for()
    # After Wed 30 April 2025: Thu 1 (1), Fri 2 (2), [Sat 3, Sun 4, Mon 5 May = 5 mei], Tue 6 (3),
    # Wed 7 (4), Thu 8 May (5).
    assert last_answer(page)["resultaat"]["tot"] == "2025-05-08"
    table = page.locator("#niet-werkdagen + * table")
    row = table.locator("tr", has_text="5 mei")
    assert "Atw art. 3 lid 1" in row.inner_text()
    # Counting between two dates over Easter 2026 (Good Friday 3 April, Easter Monday 6 April):
    page.get_by_label("Werkdagen tellen tussen twee datums").check()
    page.get_by_label("Vanaf datum").fill("2026-04-01")
    page.get_by_label("Tot en met datum").fill("2026-04-08")
    page.get_by_role("button", name="Werkdagen berekenen").click()
    page.wait_for_function("window.__awRekenhulp.laatsteAntwoord.resultaat.tot === '2026-04-08'")
    # Thu 2, Tue 7, Wed 8 April count; Fri 3 (Goede Vrijdag), 4–5 weekend, Mon 6 (Tweede Paasdag) do not.
    assert last_answer(page)["resultaat"]["aantal_werkdagen"] == 3


def test_terugkoppeling_deadline_clamps_to_the_end_of_the_month(page, site_url):
    open_calculator(page, site_url, "terugkoppeling")
    page.get_by_label("Meldingsdatum").fill("2025-11-24")
    page.get_by_label("Datum van de directe overdracht").fill("2025-11-30")
    page.get_by_role("button", name="Termijn berekenen").click()
    page.locator(RESULT).wait_for()
    # §4.1: within three months after the overdracht: 30 November 2025 + 3 months = 28 February 2026.
    assert page.locator(".aw-uitkomst time").get_attribute("datetime") == "2026-02-28"
    assert page.locator("#criteria + ol li").count() == 4


def test_a_runtime_that_cannot_load_gives_a_dutch_explanation_not_a_spinner(page, site_url):
    page.route("**/*.wasm", lambda route: route.abort())
    page.goto(f"{site_url}rekenhulpen/tijdlijn/")
    failure = page.locator(".aw-status-balk--mislukt")
    failure.wait_for(timeout=15_000)  # the worker's own checks find it quickly, not after the time-out
    text = failure.inner_text()
    assert "kon niet worden gestart" in text and "pyodide.asm.wasm" in text
    assert failure.get_by_role("link", name="termijnentabellen per regio").is_visible()
    assert page.get_by_role("button", name="Tijdlijn berekenen").is_disabled()


def test_wasm_with_a_wrong_mime_type_never_hangs(page, site_url):
    """IIS without a .wasm mapping sends text/plain: the page must either work or say why."""
    def wrong_type(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-type": "text/plain"})

    page.route("**/*.wasm", wrong_type)
    page.goto(f"{site_url}rekenhulpen/tijdlijn/")
    page.locator(".aw-status-balk--klaar, .aw-status-balk--mislukt").wait_for(timeout=BOOT_TIMEOUT + 5_000)
