"""The calculators in a real browser: the engine on the site's own Pyodide, driven like a user would.

Expected dates are worked out by hand in the comments (werkdagen per the Algemene termijnenwet), or
compared with the very same engine run by CPython (the CLI): the browser must give identical answers.
All three calculators are tabs of one page (rekenhulpen/), sharing one worker.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from tests.conftest import BROWSER_WAIT_MS, ROOT

pytestmark = pytest.mark.browser

READY = "Rekenhulp is klaar voor gebruik."
RESULT = "[data-aw-resultaat]:not([hidden])"
ANTWOORD = "[data-aw-resultaat]:not([hidden]) [data-aw-antwoord]"
BOOT_TIMEOUT = BROWSER_WAIT_MS  # one generous bound for every wait (tests/conftest.py)


def open_calculator(page, site_url: str, query: str = "", hash_: str = ""):
    page.goto(f"{site_url}rekenhulpen/{query}{hash_}")
    page.get_by_text(READY).wait_for(timeout=BOOT_TIMEOUT)


def paneel(page, soort: str = "tijdlijn"):
    """The panel of one calculator: the forms share labels such as 'Meldingsdatum'."""
    return page.locator(f"#{soort}")


def vul_tijdlijn(page, regio: str, melding: str, route: str | None = None, **datums: str) -> None:
    """Fill the tijdlijn form as a reader does, by its labels; ``datums`` by label, e.g. overdracht=…"""
    paneel(page).get_by_label("Regio", exact=True).select_option(regio)
    if route:
        paneel(page).get_by_label("Route na de melding").select_option(route)
    paneel(page).get_by_label("Meldingsdatum").fill(melding)
    for label, waarde in datums.items():
        paneel(page).get_by_label(label).fill(waarde)


def last_answer(page) -> dict:
    return page.evaluate("window.__awRekenhulp.laatsteAntwoord")


def wait_for_answer(page, predicate: str):
    """Wait until the engine's last answer satisfies ``predicate`` (JS on ``a``, the answer)."""
    page.wait_for_function(
        f"(() => {{ const a = window.__awRekenhulp.laatsteAntwoord; return !!a && ({predicate}); }})()",
        timeout=BOOT_TIMEOUT,
    )


def laat_door(page, held, pattern: str = "**/pyodide.asm.wasm"):
    """Let held-back requests through (unroute may already have let them go)."""
    from playwright.sync_api import Error

    page.unroute(pattern)
    for route in held:
        with contextlib.suppress(Error):
            route.continue_()


def cli_json(*args: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "calculators", "tijdlijn", *args, "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


PARITY_CASES = [
    # (region, route, melding, extra query parameters)
    ("midden-brabant", "direct", "2025-04-24", {}),
    ("midden-brabant", "voorwaarden-en-vervolg", "2025-12-19", {"vbs": "crisis"}),
    ("midden-brabant", "onderzoek", "2026-05-13", {"jeugdbeschermingstafel": "ja"}),
    ("west-brabant", "direct", "2022-03-28", {"overdracht": "2022-04-04"}),
    ("west-brabant", "onderzoek", "2024-05-08", {"overdracht": "2024-07-01"}),
    ("west-brabant", "voorwaarden-en-vervolg", "2023-12-22", {"spoed": "ja"}),
    ("zuid-limburg", "direct", "2025-04-24", {}),
    ("zuid-limburg", "voorwaarden-en-vervolg", "2025-05-28", {"dienst_einde": "2025-07-31"}),
    ("zuid-limburg", "onderzoek", "2024-12-23", {"kalender": "weekend"}),
    ("landelijk", "direct", "2025-04-24", {"spoed": "ja"}),
    ("landelijk", "onderzoek", "2026-01-02", {"kalender": "atw-lid3"}),
]
PEILDATUM = "2025-06-02"


@pytest.mark.parametrize("regio,route,melding,extra", PARITY_CASES, ids=lambda v: v if isinstance(v, str) else None)
def test_browser_gives_the_same_timeline_as_the_cli(page, site_url, regio, route, melding, extra):
    query = "&".join(
        f"{k}={v}"
        for k, v in {"regio": regio, "route": route, "melding": melding, "peildatum": PEILDATUM, **extra}.items()
    )
    open_calculator(page, site_url, "?" + query)
    page.locator(ANTWOORD).wait_for()
    answer = last_answer(page)
    assert answer["ok"], answer
    # The engine started the way the start rule chose (a first visit over HTTPS boots from the compiled
    # standard library; nothing fell back), and answers like the CLI.
    assert page.evaluate("window.__awRekenhulp.via") == page.evaluate("window.__awRekenhulp.startpad.pad")
    flags = [f"--{k.replace('_', '-')}" + ("" if v == "ja" else f"={v}") for k, v in extra.items()]
    expected = cli_json("--regio", regio, "--route", route, "--melding", melding, "--peildatum", PEILDATUM, *flags)
    shown = {key: answer["resultaat"][key] for key in expected}
    assert shown == expected
    # The schedule shows every moment of the engine's answer, in its order, under its date.
    items = page.locator("[data-aw-moment]")
    assert [i.get_attribute("data-aw-moment") for i in items.all()] == [m["code"] for m in expected["momenten"]]
    dates = [t.get_attribute("datetime") for t in page.locator(".aw-rooster__datum time").all()]
    assert dates == list(dict.fromkeys(m["datum"] for m in expected["momenten"]))  # one row per date


def test_filling_the_form_gives_the_answer_first_with_its_sources(page, site_url):
    open_calculator(page, site_url)
    vul_tijdlijn(page, "midden-brabant", "2025-04-24", "direct")
    page.get_by_role("button", name="Tijdlijn berekenen").click()
    antwoord = page.locator(ANTWOORD)
    antwoord.wait_for()
    # Focus lands on the answer.
    assert page.evaluate("document.activeElement.hasAttribute('data-aw-antwoord')")
    # The day to answer for sits beside the answer; another day recomputes in place.
    paneel(page).get_by_label("Stand van de casus op").fill("2025-05-06")
    wait_for_answer(page, "a.resultaat.op_peildatum.datum === '2025-05-06'")
    # 5 werkdagen after Thu 24 April 2025: Fri 25, Mon 28, Tue 29, Wed 30 April, Thu 1 May (Koningsdag 2025
    # falls on a Saturday). Overdracht assumed Thu 1 May; § 4.1: the team has 7 (calendar) days, VT stays
    # responsible up to and including Thu 8 May, the team from Fri 9 May. On Tue 6 May: VTMB, next term Thu 8.
    tekst = antwoord.inner_text()
    # Both dates were assumed (the veiligheidsbeoordeling and the overdracht): the headline says so.
    assert (
        "Als de veiligheidsbeoordeling en de overdracht op do 1 mei 2025 waren: Veilig Thuis Midden-Brabant (VTMB) "
        "heeft zicht op veiligheid"
    ) in " ".join(tekst.split())
    assert antwoord.locator(".aw-antwoord__tot time").first.get_attribute("datetime") == "2025-05-08"
    volgende = antwoord.locator(".aw-antwoord__volgende")
    assert "oppakken" in volgende.inner_text() and "over 2 dagen, 2 werkdagen" in volgende.inner_text()
    assert "het lokale (wijk)team" in antwoord.locator(".aw-antwoord__daarna").inner_text().lower()
    assert "Overdracht niet opgegeven: aangenomen do 1 mei 2025" in page.locator(RESULT).inner_text()  # the assumption
    # In the schedule: the deadline of the veiligheidsbeoordeling with its paragraph, quote and reading.
    item = page.locator('[data-aw-moment="veiligheidsbeoordeling-uiterlijk"]')
    link = item.get_by_role("link", name="§ 4.1")
    assert link.get_attribute("href").endswith("midden-brabant/samenwerkingsafspraken/#par-4-1")
    item.locator("summary").click()
    assert "Binnen 5 werkdagen na de melding" in item.locator("blockquote").inner_text()
    assert "Zo leest de rekenhulp dit" in item.inner_text()
    team = page.locator('[data-aw-moment="lokaal-team-verantwoordelijk"]')
    assert "berekend uit een aanname" in team.text_content()  # (off screen: not laid out, no inner text)
    assert page.locator("svg.aw-fig title").count() == 1
    # Only the region is remembered; nothing else is stored.
    storage = page.evaluate("Object.assign({}, localStorage)")
    assert {k: v for k, v in storage.items() if k.startswith("afsprakenwijzer")} == {
        "afsprakenwijzer.regio": "midden-brabant"
    }


def test_silence_is_shown_as_silence(page, site_url):
    # Before the veiligheidsbeoordeling no text names anyone (004 § 2.1): the answer says so, no party.
    open_calculator(page, site_url, "?regio=landelijk&route=direct&melding=2025-04-24&peildatum=2025-04-25")
    antwoord = page.locator(ANTWOORD)
    antwoord.wait_for()
    assert "nog niet bij veilig thuis" in antwoord.inner_text().lower()
    assert "niemand" in antwoord.inner_text()
    assert last_answer(page)["resultaat"]["op_peildatum"]["partij"] is None
    assert page.locator(".aw-periode--niemand").count() == 1


def test_every_route_can_be_chosen_and_calculated(page, site_url):
    open_calculator(page, site_url)
    paneel(page).get_by_label("Regio", exact=True).select_option("zuid-limburg")
    paneel(page).get_by_label("Meldingsdatum").fill("2025-04-24")
    for route in ("direct", "voorwaarden-en-vervolg", "onderzoek"):
        paneel(page).get_by_label("Route na de melding").select_option(route)
        page.get_by_role("button", name="Tijdlijn berekenen").click()
        wait_for_answer(page, f"a.resultaat && a.resultaat.route === '{route}'")
        codes = [m["code"] for m in last_answer(page)["resultaat"]["momenten"]]
        if route == "direct":
            assert "contact-gezin-uiterlijk" in codes and "monitoring-3-maanden" not in codes
            continue
        if route == "voorwaarden-en-vervolg":
            # No text sets a latest end for this dienst (art. 4.1.7 lid 2 concerns an onderzoek): the answer asks for
            # the end instead of assuming one, and monitoring follows once it is given.
            assert "monitoring-3-maanden" not in codes
            assert (
                "Vul de einddatum van de dienst in om te zien wat daarna gebeurt" in page.locator(RESULT).inner_text()
            )
            paneel(page).get_by_label("Einddatum van de dienst").fill("2025-07-01")
            page.get_by_role("button", name="Tijdlijn berekenen").click()
            wait_for_answer(page, "a.resultaat && a.resultaat.invoer.dienst_einde === '2025-07-01'")
            codes = [m["code"] for m in last_answer(page)["resultaat"]["momenten"]]
        assert {"monitoring-3-maanden", "monitoring-12-maanden", "monitoring-einde-gemiddeld"} <= set(codes)
        assert page.locator(".aw-item--monitoring").count() >= 3


def test_an_invalid_combination_is_explained_at_the_field_and_nothing_is_lost(page, site_url):
    open_calculator(page, site_url)
    vul_tijdlijn(page, "west-brabant", "2025-06-10", "onderzoek", **{"Datum van overdracht": "2025-06-01"})
    page.get_by_role("button", name="Tijdlijn berekenen").click()
    error = page.locator("#aw-tijdlijn-overdracht-fout")
    error.wait_for()
    assert "1 juni 2025" in error.inner_text() and "10 juni 2025" in error.inner_text()
    assert page.locator("#aw-tijdlijn-overdracht").get_attribute("aria-invalid") == "true"
    summary = page.locator("#tijdlijn [data-aw-foutsamenvatting]")
    assert summary.is_visible() and "Controleer de invoer" in summary.inner_text()
    # The user's input is all still there.
    assert paneel(page).get_by_label("Regio", exact=True).input_value() == "west-brabant"
    assert paneel(page).get_by_label("Route na de melding").input_value() == "onderzoek"
    assert paneel(page).get_by_label("Meldingsdatum").input_value() == "2025-06-10"
    assert paneel(page).get_by_label("Datum van overdracht").input_value() == "2025-06-01"
    # The summary link takes keyboard users to the field.
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "aw-tijdlijn-overdracht"


def test_a_melding_before_the_agreement_is_refused_in_dutch(page, site_url):
    # Midden-Brabant's published version applies from 1 July 2024 (the 'nieuwe leidraad').
    open_calculator(page, site_url, "?regio=midden-brabant&route=direct&melding=2024-03-01")
    error = page.locator("#aw-tijdlijn-melding-fout")
    error.wait_for()
    assert "1 juli 2024" in error.inner_text()
    assert page.locator(RESULT).count() == 0


def test_a_submit_while_the_engine_loads_is_answered_when_it_is_ready(page, site_url):
    # Hold the runtime back until the form is submitted, then let it through: the answer must come.
    held = []
    page.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    page.goto(f"{site_url}rekenhulpen/")
    paneel(page).get_by_label("Regio", exact=True).select_option("zuid-limburg")
    paneel(page).get_by_label("Meldingsdatum").fill("2025-04-24")
    paneel(page).get_by_label("Meldingsdatum").press("Enter")  # the keyboard way, while the engine still loads
    page.get_by_text("Uw berekening volgt zodra de rekenhulp klaar is.").wait_for()
    assert page.locator(RESULT).count() == 0
    laat_door(page, held)
    page.locator(ANTWOORD).wait_for(timeout=BOOT_TIMEOUT)
    assert last_answer(page)["resultaat"]["regio"] == "zuid-limburg"
    assert page.get_by_role("button", name="Tijdlijn berekenen").get_attribute("aria-busy") is None


def test_link_copies_the_inputs_and_reopens_the_same_calculation(page, site_url, browser):
    open_calculator(page, site_url)
    paneel(page).get_by_label("Regio", exact=True).select_option("zuid-limburg")
    paneel(page).get_by_label("Route na de melding").select_option("onderzoek")
    paneel(page).get_by_label("Meldingsdatum").fill("2025-12-22")
    paneel(page).get_by_label("De melding is spoedeisend").check()
    page.get_by_role("button", name="Tijdlijn berekenen").click()
    page.locator(ANTWOORD).wait_for()
    first = last_answer(page)["resultaat"]
    page.wait_for_url(lambda url: "melding=2025-12-22" in url)  # the address follows once the answer is drawn
    query = parse_qs(urlparse(page.url).query)
    zaak = query.pop("zaak")
    assert len(zaak[0]) == 16  # a random case token, not personal data
    assert query == {
        "rekenhulp": ["tijdlijn"],
        "regio": ["zuid-limburg"],
        "route": ["onderzoek"],
        "melding": ["2025-12-22"],
        "spoed": ["ja"],
        "kalender": ["atw"],
    }
    colleague = browser.new_context(locale="nl-NL").new_page()
    colleague.goto(page.url)
    colleague.locator(ANTWOORD).wait_for(timeout=BOOT_TIMEOUT)
    assert last_answer(colleague)["resultaat"]["momenten"] == first["momenten"]
    assert paneel(colleague).get_by_label("De melding is spoedeisend").is_checked()
    colleague.context.close()


def test_an_old_calculator_address_forwards_with_its_query(page, site_url):
    page.goto(
        f"{site_url}rekenhulpen/tijdlijn/?regio=west-brabant&route=direct&melding=2025-06-04&overdracht=2025-06-12"
    )
    page.locator(ANTWOORD).wait_for(timeout=BOOT_TIMEOUT)
    assert urlparse(page.url).path.endswith("/rekenhulpen/")
    assert last_answer(page)["resultaat"]["regio"] == "west-brabant"
    page.goto(f"{site_url}rekenhulpen/werkdagen/")
    page.get_by_role("tab", name="Werkdagen", selected=True).wait_for()


def test_agenda_file_holds_deadlines_and_changes_with_stable_uids(page, site_url):
    from icalendar import Calendar

    # From the melding on: every deadline and change (by default only those from the peildatum on).
    open_calculator(page, site_url, "?regio=midden-brabant&route=onderzoek&melding=2025-04-24&peildatum=2025-04-24")
    page.locator(ANTWOORD).wait_for()
    moments = last_answer(page)["resultaat"]["momenten"]

    def download():
        with page.expect_download() as info:
            page.get_by_role("button", name="In mijn agenda (.ics)").click()
        raw = Path(info.value.path()).read_bytes()
        assert info.value.suggested_filename.endswith(".ics") and b"\r\n" in raw
        return list(Calendar.from_ical(raw).walk("VEVENT"))

    events = download()
    expected = [m for m in moments if m["rol"] != "gebeurtenis"]  # no event for the melding or an overdracht
    assert len(events) == len(expected)
    for event, moment in zip(events, expected):
        assert event.decoded("DTSTART").isoformat() == moment["datum"]  # a date, not a date-time: all day
        assert (event.decoded("DTEND") - event.decoded("DTSTART")).days == 1
        assert moment["omschrijving"] in str(event["DESCRIPTION"]) and " – Midden-Brabant #" in str(event["SUMMARY"])
    # The description links the source paragraph with a full URL.
    assert "http://127.0.0.1:" in str(events[0]["DESCRIPTION"]).replace("\n", "")
    assert page.get_by_text("is gedownload").is_visible()
    # The same case recalculated with an actual overdracht: the same UIDs, so a calendar updates them.
    paneel(page).get_by_label("Datum van overdracht").fill("2025-07-01")
    page.get_by_role("button", name="Tijdlijn berekenen").click()
    wait_for_answer(page, "a.resultaat && a.resultaat.invoer.overdracht === '2025-07-01'")
    again = download()
    assert len({str(e["UID"]) for e in events}) == len(events)  # one event per UID, or a calendar drops some
    assert {str(e["UID"]) for e in again} & {str(e["UID"]) for e in events}


def test_switching_calculators_does_not_boot_python_again(page, site_url):
    open_calculator(page, site_url, "?regio=midden-brabant&route=direct&melding=2025-04-24")
    page.locator(ANTWOORD).wait_for()
    started = page.evaluate("window.__awRekenhulp.opstartMs")
    page.get_by_role("tab", name="Werkdagen").click()
    paneel(page, "werkdagen").get_by_label("Vanaf datum").fill("2025-04-30")
    paneel(page, "werkdagen").get_by_label("Aantal werkdagen", exact=True).fill("5")
    page.get_by_role("button", name="Werkdagen berekenen").click()
    wait_for_answer(page, "a.resultaat && a.resultaat.tot === '2025-05-08'")
    runtime_loads = page.evaluate(
        "performance.getEntriesByType('resource').filter(e => e.name.endsWith('pyodide.asm.wasm')).length"
    )
    assert runtime_loads <= 1 and page.evaluate("window.__awRekenhulp.opstartMs") == started


def test_tabs_work_with_the_keyboard(page, site_url):
    open_calculator(page, site_url)
    tijdlijn = page.get_by_role("tab", name="Tijdlijn")
    tijdlijn.focus()
    page.keyboard.press("ArrowRight")
    assert page.get_by_role("tab", name="Werkdagen").get_attribute("aria-selected") == "true"
    assert page.locator("#werkdagen").is_visible() and not page.locator("#tijdlijn").is_visible()
    page.keyboard.press("End")
    assert page.evaluate("document.activeElement.textContent") == "Terugkoppeling"
    page.keyboard.press("Home")
    assert page.evaluate("document.activeElement.textContent") == "Tijdlijn"


def test_werkdagen_skip_holidays_and_list_them_with_their_legal_basis(page, site_url):
    open_calculator(page, site_url, hash_="#werkdagen")
    paneel(page, "werkdagen").get_by_label("Vanaf datum").fill("2025-04-30")
    paneel(page, "werkdagen").get_by_label("Aantal werkdagen", exact=True).fill("5")
    page.get_by_role("button", name="Werkdagen berekenen").click()
    page.locator("#werkdagen " + ANTWOORD.split(" ", 1)[1]).wait_for()
    # After Wed 30 April 2025: Thu 1 (1), Fri 2 (2), [Sat 3, Sun 4, Mon 5 May = 5 mei], Tue 6 (3),
    # Wed 7 (4), Thu 8 May (5).
    assert last_answer(page)["resultaat"]["tot"] == "2025-05-08"
    headline = page.locator("#werkdagen [data-aw-antwoord]")
    assert headline.locator("h3 strong time").get_attribute("datetime") == "2025-05-08"
    row = page.locator("#werkdagen .aw-niet-werkdagen li", has_text="5 mei")
    assert "Atw art. 3 lid 1" in row.inner_text()
    # Counting between two dates over Easter 2026 (Good Friday 3 April, Easter Monday 6 April):
    paneel(page, "werkdagen").get_by_label("Werkdagen tellen tussen twee datums").check()
    paneel(page, "werkdagen").get_by_label("Vanaf datum").fill("2026-04-01")
    paneel(page, "werkdagen").get_by_label("Tot en met datum").fill("2026-04-08")
    page.get_by_role("button", name="Werkdagen berekenen").click()
    wait_for_answer(page, "a.resultaat && a.resultaat.tot === '2026-04-08'")
    # Thu 2, Tue 7, Wed 8 April count; Fri 3 (Goede Vrijdag), 4–5 weekend, Mon 6 (Tweede Paasdag) do not.
    assert last_answer(page)["resultaat"]["aantal_werkdagen"] == 3
    assert "3 werkdagen" in page.locator("#werkdagen [data-aw-antwoord]").inner_text()


def test_terugkoppeling_deadline_clamps_to_the_end_of_the_month(page, site_url):
    open_calculator(page, site_url, hash_="#terugkoppeling")
    paneel(page, "terugkoppeling").get_by_label("Meldingsdatum").fill("2025-11-24")
    paneel(page, "terugkoppeling").get_by_label("Datum van de directe overdracht").fill("2025-11-30")
    page.get_by_role("button", name="Termijn berekenen").click()
    headline = page.locator("#terugkoppeling [data-aw-antwoord]")
    headline.wait_for()
    # §4.1: within three months after the overdracht: 30 November 2025 + 3 months = 28 February 2026.
    assert headline.locator("h3 strong time").get_attribute("datetime") == "2026-02-28"
    assert "het lokale (wijk)team kan de casus teruggeven" in headline.inner_text().lower()
    assert page.locator("#terugkoppeling ol li").count() == 4
    # Without an overdracht date the calculator says it assumed one, as the timeline does.
    paneel(page, "terugkoppeling").get_by_label("Datum van de directe overdracht").fill("")
    page.get_by_role("button", name="Termijn berekenen").click()
    wait_for_answer(page, "a.resultaat && a.resultaat.overdracht.status === 'aangenomen'")
    assert page.locator("#terugkoppeling [data-aw-antwoord] h3").inner_text().startswith("Als de overdracht op ")
    assert "niet opgegeven: aangenomen" in page.locator("#terugkoppeling .aw-casus").inner_text()
