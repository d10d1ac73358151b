"""An answer a professional can act on (issue 20), on a phone (390×844, mobile emulation) and a laptop (1366×768):
a headline as strong as its facts, the actions right under it, a feestdag named wherever a date is shown, a
calendar file worth importing (checked with icalendar and imported into khal), a page that prints on at most two
A4 pages, a calm focus on the answer, and a peildatum line that crosses no text in the figure.

Expected dates are worked out by hand in the comments (werkdagen per the Algemene termijnenwet)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.test_toegankelijkheid import NO_TRANSITIONS, axe_violations, date_order, type_date, use_scheme
from tests.conftest import BROWSER_WAIT_MS, IN_CI

pytestmark = pytest.mark.browser

ANTWOORD = "#tijdlijn [data-aw-resultaat]:not([hidden]) [data-aw-antwoord]"
KOP = ANTWOORD + " h3"
ACTIES = "#tijdlijn [data-aw-resultaat]:not([hidden]) .aw-acties"
SCHERMEN = {
    "telefoon": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "laptop": {"viewport": {"width": 1366, "height": 768}},
}
# ZL direct, melding ma 3-3-2025: veiligheidsbeoordeling uiterlijk ma 10-3 (5 werkdagen: di 4 t/m vr 7, ma 10),
# de overdracht (niet opgegeven) dezelfde dag; het lokale veld is verantwoordelijk vanaf de overdracht.
AANNAME = "?rekenhulp=tijdlijn&regio=zuid-limburg&route=direct&melding=2025-03-03&peildatum=2025-03-20#tijdlijn"
# ZL direct, melding vr 27-11-2026: veiligheidsbeoordeling en overdracht uiterlijk vr 4-12 (ma 30-11 t/m vr 4-12);
# contact met het gezin binnen 3 weken na de overdracht: vr 25-12-2026, Eerste Kerstdag.
KERST = "?rekenhulp=tijdlijn&regio=zuid-limburg&route=direct&melding=2026-11-27&peildatum=2026-12-10#tijdlijn"
# Before the veiligheidsbeoordeling: nobody named yet, with the longest answer (an explanation, an assumption).
VOOR_TRIAGE = "?rekenhulp=tijdlijn&regio=zuid-limburg&route=direct&melding=2026-11-27&peildatum=2026-12-01#tijdlijn"
# ZL onderzoek on do 20-3-2025: the period of Veilig Thuis starts and ends on an assumed date (two fields to fill in).
TWEE_AANNAMES = (
    "?rekenhulp=tijdlijn&regio=zuid-limburg&route=onderzoek&melding=2025-03-03&peildatum=2025-03-20#tijdlijn"
)
# MB direct with both dates given: nothing rests on an assumption.
OPGEGEVEN = (
    "?rekenhulp=tijdlijn&regio=midden-brabant&route=direct&melding=2025-04-24&veiligheidsbeoordeling=2025-04-25"
    "&overdracht=2025-04-28&peildatum=2025-05-06#tijdlijn"
)
# The same ZL case nine years on, so that its reminders lie ahead of today for as long as the calculator's years
# run: melding di 27-11-2035, veiligheidsbeoordeling en overdracht uiterlijk di 4-12 (wo 28, do 29, vr 30-11, ma 3,
# di 4-12); contact uiterlijk di 25-12-2035 (Eerste Kerstdag), afstemming 2 maanden na de overdracht ma 4-2-2036.
KERST_2035 = "?rekenhulp=tijdlijn&regio=zuid-limburg&route=direct&melding=2035-11-27&peildatum=2035-12-10#tijdlijn"
# A simple direct case, as the issue printed it.
EENVOUDIG = "?rekenhulp=tijdlijn&regio=midden-brabant&route=direct&melding=2025-04-24&peildatum=2025-04-28#tijdlijn"


@pytest.fixture(params=list(SCHERMEN))
def scherm(browser, request):
    context = browser.new_context(locale="nl-NL", accept_downloads=True, **SCHERMEN[request.param])
    context.set_default_timeout(BROWSER_WAIT_MS)
    page = context.new_page()
    yield page
    context.close()


def open_antwoord(page, site_url: str, query: str):
    page.goto(f"{site_url}rekenhulpen/{query}")
    # Checked in their final state, not halfway through Material's fade of the header's title.
    page.add_style_tag(content=NO_TRANSITIONS)
    page.locator(ANTWOORD).wait_for()
    return page.locator(ANTWOORD)


def wacht_op_antwoord(page, voorwaarde: str) -> None:
    page.wait_for_function(
        f"(() => {{ const a = window.__awRekenhulp.laatsteAntwoord; return !!a && a.ok && ({voorwaarde}); }})()"
    )


def resultaat(page) -> dict:
    return page.evaluate("window.__awRekenhulp.laatsteAntwoord.resultaat")


def kop_tekst(page) -> str:
    return " ".join(page.locator(KOP).inner_text().split())


# ---------- 1. a headline as strong as its facts ----------


def test_a_headline_resting_on_an_assumed_date_says_so_and_takes_the_real_one_in_place(scherm, site_url):
    page = scherm
    antwoord = open_antwoord(page, site_url, AANNAME)
    assert kop_tekst(page) == "Als de overdracht op ma 10 maart 2025 was: het lokale veld heeft zicht op veiligheid"
    veld = antwoord.get_by_label("Werkelijke datum van de overdracht")
    assert veld.is_visible() and veld.input_value() == ""
    hoogte = page.evaluate("scrollY")
    # The real overdracht was on Friday 7 March: the headline drops its condition, the answer starts that day.
    veld.fill("2025-03-07")
    wacht_op_antwoord(page, "a.resultaat.invoer.overdracht === '2025-03-07'")
    assert kop_tekst(page) == "Het lokale veld heeft zicht op veiligheid"
    assert antwoord.locator(".aw-antwoord__tot time").first.get_attribute("datetime") == "2025-03-07"
    assert "vr 7 maart 2025" in antwoord.locator(".aw-antwoord__tot").inner_text()
    assert page.locator("#aw-tijdlijn-overdracht").input_value() == "2025-03-07"  # the form keeps the date
    assert antwoord.get_by_label("Werkelijke datum van de overdracht").count() == 0
    # In place: the page did not jump, and the focus, its field gone, is on the answer.
    assert abs(page.evaluate("scrollY") - hoogte) <= 2
    assert page.evaluate("document.activeElement.hasAttribute('data-aw-antwoord')")


def test_a_headline_on_given_dates_states_them_plainly(scherm, site_url):
    page = scherm
    antwoord = open_antwoord(page, site_url, OPGEGEVEN)
    # MB § 4.1: the team has 7 days after the overdracht (ma 28-4): VTMB up to and including ma 5-5.
    assert kop_tekst(page) == "Het lokale (wijk)team heeft zicht op veiligheid"
    assert antwoord.locator("[data-aw-vul-in]").count() == 0 and "Als " not in antwoord.inner_text()


def test_the_meldingsdatum_starts_empty_and_is_required_the_peildatum_is_today(scherm, site_url):
    page = scherm
    page.goto(f"{site_url}rekenhulpen/")
    page.get_by_text("Rekenhulp is klaar voor gebruik.").wait_for()
    melding = page.locator("#aw-tijdlijn-melding")
    assert melding.input_value() == "" and melding.get_attribute("aria-required") == "true"
    assert "verplicht" in page.locator('label[for="aw-tijdlijn-melding"]').inner_text()
    page.get_by_role("button", name="Tijdlijn berekenen").click()
    page.locator("#aw-tijdlijn-melding-fout").wait_for()
    assert page.locator("#aw-tijdlijn-melding-fout").inner_text() == "Vul de meldingsdatum in."
    assert page.locator("#tijdlijn [data-aw-resultaat]").is_hidden()
    melding.fill("2025-04-24")
    page.get_by_role("button", name="Tijdlijn berekenen").click()
    page.locator(ANTWOORD).wait_for()
    r = resultaat(page)
    # Without a choice, the answer is for today (the engine says which day that is), and the field beside it says so.
    assert (
        r["peildatum_is_vandaag"] and page.locator("#aw-tijdlijn-peildatum").input_value() == r["op_peildatum"]["datum"]
    )
    assert page.locator(ANTWOORD + " .aw-antwoord__dag").inner_text().lower().startswith("vandaag, ")
    # The link leaves today out, so that it answers for the day it is opened.
    assert "peildatum" not in parse_qs(urlparse(page.evaluate("window.location.href")).query)


def test_a_melding_after_today_gives_a_clear_warning_and_is_still_computed(scherm, site_url):
    page = scherm
    later = (dt.date.today() + dt.timedelta(days=40)).isoformat()
    antwoord = open_antwoord(
        page, site_url, f"?rekenhulp=tijdlijn&regio=zuid-limburg&route=direct&melding={later}#tijdlijn"
    )
    waarschuwing = antwoord.locator(".aw-waarschuwing")
    assert waarschuwing.is_visible() and "ligt na vandaag" in waarschuwing.inner_text()
    assert [n["code"] for n in resultaat(page)["notities"]].count("melding-in-de-toekomst") == 1
    assert kop_tekst(page)  # computing ahead stays possible
    # The warning is said once: not again among the notes.
    assert page.locator(".aw-opmerkingen", has_text="ligt na vandaag").count() == 0


def test_a_date_on_a_feestdag_names_it_in_the_headline_schedule_and_figure(scherm, site_url):
    page = scherm
    antwoord = open_antwoord(page, site_url, KERST)
    volgende = antwoord.locator(".aw-antwoord__volgende")
    assert (
        "vr 25 december 2026, Eerste Kerstdag" in volgende.inner_text()
        and "geen werkdag" in volgende.inner_text().lower()
    )
    # (text_content: a day off screen is not laid out, so it has no inner text yet)
    dag = page.locator(".aw-rooster__datum", has=page.locator('time[datetime="2026-12-25"]'))
    assert "vr 25 december 2026, Eerste Kerstdag" in dag.text_content() and "geen werkdag" in dag.text_content()
    assert "vr 25 december 2026, Eerste Kerstdag" in page.locator("svg.aw-fig desc").text_content()
    # A working day is not flagged.
    assert (
        page.locator(".aw-rooster__datum", has=page.locator('time[datetime="2027-02-04"]'))
        .locator(".aw-label--vrij")
        .count()
        == 0
    )


# ---------- 2. actions beside the answer ----------


@pytest.mark.parametrize(
    "query", [VOOR_TRIAGE, KERST, TWEE_AANNAMES], ids=["uitleg-en-aanname", "feestdag", "twee-aannames"]
)
def test_the_actions_are_within_one_screen_of_the_headline(scherm, site_url, query):
    page = scherm
    open_antwoord(page, site_url, query)
    afstand = page.evaluate(f"""() => document.querySelector({ACTIES!r}).getBoundingClientRect().top
        - document.querySelector({ANTWOORD!r}).getBoundingClientRect().top""")
    scherm_hoogte = page.viewport_size["height"]
    assert 0 < afstand < scherm_hoogte, f"acties {afstand:.0f} px onder de kop (scherm {scherm_hoogte} px)"
    # The schedule comes after them.
    assert page.evaluate(f"""() => document.querySelector({ACTIES!r}).compareDocumentPosition(
        document.querySelector("#tijdlijn .aw-rooster")) & Node.DOCUMENT_POSITION_FOLLOWING""")


def test_keyboard_order_follows_answer_actions_schedule(scherm, site_url):
    page = scherm
    open_antwoord(page, site_url, KERST)
    page.locator(ANTWOORD).focus()
    stops = []
    for _ in range(25):
        page.keyboard.press("Tab")
        stop = page.evaluate("""() => { const e = document.activeElement;
            return e.id || e.getAttribute("aria-label") || e.textContent.trim().slice(0, 40); }""")
        if not stops or stops[-1] != stop:
            stops.append(stop)
        if stop == "Afdrukken":
            break
    wanted = [
        "aw-tijdlijn-werkelijk-overdracht",
        "aw-tijdlijn-peildatum",
        "In mijn agenda (.ics)",
        "aw-agenda-voorbij",
        "Link kopiëren",
        "Afdrukken",
    ]
    assert stops == wanted, stops
    page.keyboard.press("Tab")  # then the case and the schedule
    assert page.evaluate("!!document.activeElement.closest('.aw-casus, .aw-rooster')")


def test_another_peildatum_beside_the_answer_recomputes_in_place_while_typing(scherm, site_url):
    page = scherm
    open_antwoord(page, site_url, KERST)
    veld = page.locator("#aw-tijdlijn-peildatum")
    volgorde = date_order(page)
    veld.focus()
    hoogte = page.evaluate("scrollY")
    type_date(page, "2027-01-05", volgorde)  # typing passes years 0002, 0020, 0202: no error on the way
    wacht_op_antwoord(page, "a.resultaat.op_peildatum.datum === '2027-01-05'")
    assert page.locator("#tijdlijn [data-aw-fout-voor='peildatum']").is_hidden()
    assert page.locator("#tijdlijn [data-aw-foutsamenvatting]").is_hidden()
    assert "di 5 januari 2027" in page.locator(ANTWOORD + " .aw-antwoord__dag").text_content()
    assert page.evaluate("document.activeElement.id") == "aw-tijdlijn-peildatum"  # still typing where she was
    assert abs(page.evaluate("scrollY") - hoogte) <= 2
    # A day the calculator cannot answer for: said beside the field; the answer shown stays.
    veld.fill("2040-01-01")
    page.locator("#tijdlijn [data-aw-fout-voor='peildatum']:not([hidden])").wait_for()
    assert "2035" in page.locator("#tijdlijn [data-aw-fout-voor='peildatum']").inner_text()
    assert page.locator(ANTWOORD).is_visible() and page.evaluate("document.activeElement.id") == "aw-tijdlijn-peildatum"


# ---------- 3. a calendar file worth importing ----------


def _download(page):
    with page.expect_download() as info:
        page.get_by_role("button", name="In mijn agenda (.ics)").click()
    return info.value.suggested_filename, open(info.value.path(), "rb").read()


def _khal(tmp_path):
    """khal (Debian) with one calendar in a folder of its own: a real calendar program that imports .ics files."""
    khal = shutil.which("khal")
    if khal is None:
        if IN_CI:
            pytest.fail("khal ontbreekt in CI (scripts/setup-browser-tests installeert het)")
        pytest.skip("khal ontbreekt (installeer met: sudo apt-get install khal)")
    map_ = tmp_path / "agenda"
    map_.mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(
        f"""[calendars]
[[afspraken]]
path = {map_}
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
[default]
default_calendar = afspraken
""",
        encoding="utf-8",
    )

    def run(*args: str) -> str:
        uit = subprocess.run(
            [khal, "-c", str(config), *args],
            capture_output=True,
            text=True,
            timeout=120,
            env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
        )
        assert uit.returncode == 0, uit.stderr
        return uit.stdout

    return run, map_


def test_the_calendar_file_imports_into_khal_with_reminders_and_a_way_back(scherm, site_url, tmp_path):
    from icalendar import Calendar

    page = scherm
    open_antwoord(page, site_url, KERST_2035)
    naam, ruw = _download(page)
    assert naam.endswith(".ics") and b"\r\n" in ruw
    kalender = Calendar.from_ical(ruw)
    events = list(kalender.walk("VEVENT"))
    # From the peildatum (ma 10-12-2035) on: the two deadlines still ahead; the five moments of di 4-12 left out.
    assert [e.decoded("DTSTART") for e in events] == [dt.date(2035, 12, 25), dt.date(2036, 2, 4)]
    zaak = parse_qs(urlparse(page.evaluate("window.location.href")).query)["zaak"][0]
    for e in events:
        titel = str(e["SUMMARY"])
        assert len(titel) <= 60 and titel.endswith(f" – Zuid-Limburg #{zaak[:4]}"), titel
        # The way back to this calculation: the page's own address, with the case token.
        assert str(e["URL"]).startswith(site_url) and f"zaak={zaak}" in str(e["URL"])
        assert str(e["URL"]) in str(e["DESCRIPTION"])
    kerst = events[0]
    assert str(kerst["SUMMARY"]).startswith("Uiterlijk contact gezin")
    beschrijving = str(kerst["DESCRIPTION"])
    assert "Datum: di 25 december 2035, Eerste Kerstdag" in beschrijving and "§ 2, onder f" in beschrijving
    # Reminders from the engine: 9:00 on the working day before (ma 24-12) and on the day itself.
    assert [str(a["TRIGGER"].to_ical(), "ascii") for a in kerst.walk("VALARM")] == ["-PT15H", "PT9H"]
    # ma 4-2-2036: the working day before is vr 1-2, 9:00 = 2 days and 15 hours before the day starts.
    assert [str(a["TRIGGER"].to_ical(), "ascii") for a in events[1].walk("VALARM")] == ["-P2DT15H", "PT9H"]
    assert "2 afspraken vanaf ma 10 december 2035" in page.locator("#tijdlijn [data-aw-actie-melding]").inner_text()

    khal, map_ = _khal(tmp_path)
    bestand = tmp_path / naam
    bestand.write_bytes(ruw)
    khal("import", "--batch", "-a", "afspraken", str(bestand))
    lijst = khal("list", "--format", "{start-date} {title}", "2035-12-01", "2036-03-01")
    regels = [r for r in lijst.splitlines() if re.match(r"^\d{4}-\d\d-\d\d ", r)]
    assert regels == [f"2035-12-25 {events[0]['SUMMARY']}", f"2036-02-04 {events[1]['SUMMARY']}"]
    assert all(b"BEGIN:VALARM" in f.read_bytes() for f in map_.iterdir())  # the reminders came along

    # Past moments on request; and the recalculation of the same case updates its events instead of adding some.
    page.get_by_label("Ook eerdere momenten").check()
    _, alle = _download(page)
    assert len(list(Calendar.from_ical(alle).walk("VEVENT"))) == 7
    page.locator("#aw-tijdlijn-overdracht").fill("2035-12-03")
    page.get_by_role("button", name="Tijdlijn berekenen").click()
    wacht_op_antwoord(page, "a.resultaat.invoer.overdracht === '2035-12-03'")
    page.get_by_label("Ook eerdere momenten").uncheck()
    _, opnieuw = _download(page)
    bestand.write_bytes(opnieuw)
    khal("import", "--batch", "-a", "afspraken", str(bestand))
    lijst = khal("list", "--format", "{start-date} {title}", "2035-12-01", "2036-03-01")
    regels = [r for r in lijst.splitlines() if re.match(r"^\d{4}-\d\d-\d\d ", r)]
    # Overdracht ma 3-12: contact uiterlijk ma 24-12, afstemming zo 3-2-2036; given dates carry no '(aanname)'.
    assert regels == [
        f"2035-12-24 Uiterlijk contact gezin – Zuid-Limburg #{zaak[:4]}",
        f"2036-02-03 Afstemming informeren – Zuid-Limburg #{zaak[:4]}",
    ]
    assert len(list(map_.iterdir())) == 2


# ---------- 4. a page that prints ----------


def _pdf_paginas(page, tmp_path) -> tuple[int, str]:
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # as window.print() does
    pdf = tmp_path / "antwoord.pdf"
    page.pdf(path=str(pdf), format="A4")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    tekst = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1)), " ".join(tekst.split())


def test_a_simple_case_prints_on_two_pages_with_what_paper_needs(scherm, site_url, tmp_path):
    page = scherm
    open_antwoord(page, site_url, EENVOUDIG)
    adres = page.evaluate("window.location.href")
    paginas, tekst = _pdf_paginas(page, tmp_path)
    assert paginas <= 2, f"{paginas} pagina's"
    for nodig in (
        "Als de veiligheidsbeoordeling op do 1 mei 2025 is",
        "Invoer en aannames",
        "Midden-Brabant",
        "Overdracht niet opgegeven: aangenomen do 1 mei 2025",
        "Wat er gebeurt, per datum",
        "Tijdlijn als figuur",
        "Berekend op",
        "geen advies",
        "Deze berekening opnieuw openen",
    ):
        assert nodig in tekst, nodig
    assert "zaak=" in tekst and urlparse(adres).netloc in tekst  # the address to reopen it
    for niet in ("Stand van de casus op", "In mijn agenda", "Link kopiëren", "Afdrukken", "Werkelijke datum"):
        assert niet not in tekst, niet
    # No focus ring on paper (the answer has focus), and the figure in the colours of its legend.
    assert page.evaluate(f"getComputedStyle(document.querySelector({ANTWOORD!r})).outlineStyle") == "none"
    kleuren = page.evaluate("""() => ({band: getComputedStyle(document.querySelector(".aw-fig-band--lt")).fill,
        legenda: getComputedStyle(document.querySelector(".aw-fig-legenda__kleur--lt")).backgroundColor,
        bewaard: (s => s.printColorAdjust || s.webkitPrintColorAdjust)(getComputedStyle(document.querySelector(".aw-fig-legenda__kleur--lt")))})""")
    assert kleuren["band"] == kleuren["legenda"] and kleuren["bewaard"] == "exact", kleuren


# ---------- 5. calm and clear ----------

ORANJE = {"rgb(196, 62, 0)", "rgb(255, 138, 101)"}  # --aw-focus-kleur, light and dark: the colour of a warning


@pytest.mark.parametrize("kleur", ["default", "slate"])
def test_the_focus_on_the_answer_is_calm_not_a_warning(scherm, site_url, built_site, kleur):
    page = scherm
    use_scheme(page.context, built_site, site_url, kleur)
    page.goto(f"{site_url}rekenhulpen/")
    page.get_by_text("Rekenhulp is klaar voor gebruik.").wait_for()
    page.locator("#aw-tijdlijn-melding").fill("2025-04-24")
    page.locator("#aw-tijdlijn-melding").press("Enter")  # by keyboard: :focus-visible applies
    page.locator(ANTWOORD).wait_for()
    stijl = page.evaluate(f"""() => {{ const a = document.querySelector({ANTWOORD!r}); const s = getComputedStyle(a);
        return {{focus: document.activeElement === a, kleur: s.outlineColor, stijl: s.outlineStyle, dikte: parseFloat(s.outlineWidth),
                 link: getComputedStyle(document.querySelector(".aw-bron-regel a")).color}}; }}""")
    assert stijl["focus"] and stijl["stijl"] == "solid" and stijl["dikte"] >= 2, stijl
    assert stijl["kleur"] not in ORANJE and stijl["kleur"] == stijl["link"], stijl


KRUIST = """() => {
    // Every segment of the peildatum mark (a line, or a path of straight pieces) against the box of every text.
    const svg = document.querySelector(".aw-fig"), uit = [];
    const stukken = [];
    svg.querySelectorAll(".aw-fig-vandaag").forEach(m => {
        if (m.tagName === "line") stukken.push([+m.getAttribute("x1"), +m.getAttribute("y1"), +m.getAttribute("x2"), +m.getAttribute("y2")]);
        else { const p = m.getTotalLength(), n = 60;
            for (let i = 0; i < n; i++) { const a = m.getPointAtLength(p * i / n), b = m.getPointAtLength(p * (i + 1) / n); stukken.push([a.x, a.y, b.x, b.y]); } }
    });
    const snijdt = ([x1, y1, x2, y2], r) => { for (let t = 0; t <= 1; t += 0.02) {
        const x = x1 + (x2 - x1) * t, y = y1 + (y2 - y1) * t;
        if (x > r.x && x < r.x + r.width && y > r.y && y < r.y + r.height) return true; } return false; };
    svg.querySelectorAll("text").forEach(t => { const r = t.getBBox();
        if (stukken.some(s => snijdt(s, r))) uit.push(t.textContent); });
    return [stukken.length, uit];
}"""


@pytest.mark.parametrize("peildatum", ["2026-11-27", "2026-12-04", "2026-12-10", "2027-02-03", "2027-06-30"])
def test_the_peildatum_line_crosses_no_text_in_the_figure(scherm, site_url, peildatum):
    page = scherm
    open_antwoord(page, site_url, KERST.replace("peildatum=2026-12-10", f"peildatum={peildatum}"))
    stukken, gekruist = page.evaluate(KRUIST)
    assert stukken and gekruist == []


# ---------- accessible in every new state ----------


@pytest.mark.parametrize("kleur", ["default", "slate"])
def test_no_wcag_violations_in_the_new_states(scherm, site_url, built_site, kleur):
    page = scherm
    use_scheme(page.context, built_site, site_url, kleur)
    problemen = []
    open_antwoord(page, site_url, VOOR_TRIAGE)
    problemen += axe_violations(page, f"kop met aanname ({kleur})")
    page.locator("#aw-tijdlijn-werkelijk-veiligheidsbeoordeling").fill("2026-11-20")  # before the melding
    page.locator("#tijdlijn [data-aw-fout-inline]:not([hidden])").wait_for()
    problemen += axe_violations(page, f"fout naast het antwoord ({kleur})")
    later = (dt.date.today() + dt.timedelta(days=40)).isoformat()
    open_antwoord(page, site_url, f"?rekenhulp=tijdlijn&regio=zuid-limburg&route=direct&melding={later}#tijdlijn")
    problemen += axe_violations(page, f"melding na vandaag ({kleur})")
    open_antwoord(page, site_url, KERST_2035)
    _download(page)
    page.locator("#tijdlijn [data-aw-actie-melding]", has_text="gedownload").wait_for()
    problemen += axe_violations(page, f"agenda gedownload ({kleur})")
    page.get_by_role("tab", name="Terugkoppeling").click()
    page.locator("#aw-terugkoppeling-melding").fill("2025-11-24")
    page.locator("#terugkoppeling [data-aw-bereken]").click()
    page.locator("#terugkoppeling [data-aw-antwoord]").wait_for()
    assert (
        "Als de overdracht op ma 1 december 2025 was"
        in page.locator("#terugkoppeling [data-aw-antwoord] h3").inner_text()
    )
    problemen += axe_violations(page, f"terugkoppeling met aanname ({kleur})")
    assert problemen == [], "\n".join(problemen)
