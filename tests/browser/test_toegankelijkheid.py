"""WCAG 2.1 AA in a real browser (Debian chromium): axe-core on every page in light and dark
mode and on the calculators in each state, keyboard-only use of each calculator with a visible
focus ring, and the structure screen readers rely on (language, table headers, SVG names).

What these tests cover is described for readers on docs/over/toegankelijkheid.md; keep the two
in step (test_the_statement_names_what_is_tested checks the axe-core version and rule tags).
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import BROWSER_WAIT_MS
from tests.site.helpers import DOCS, ROOT, soup

AXE_PACKAGE = ROOT / "node_modules" / "axe-core"
AXE_SCRIPT = AXE_PACKAGE / "axe.min.js"
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
KLAAR = "Rekenhulp is klaar voor gebruik."
BOOT_TIMEOUT = BROWSER_WAIT_MS  # one generous bound for every wait (tests/conftest.py)
SCHEMES = {"licht": "default", "donker": "slate"}
STATEMENT = DOCS / "over" / "toegankelijkheid.md"

browser_test = pytest.mark.browser


# ---------- helpers ----------


def site_pages(site: Path) -> list[str]:
    """URL path (relative to the site root) of every HTML page the build wrote (not the old calculator
    addresses, which forward to the calculator page at once)."""
    return [
        html.relative_to(site).as_posix().removesuffix("index.html")
        for html in sorted(site.rglob("*.html"))
        if 'name="aw-doorsturen"' not in html.read_text(encoding="utf-8")
    ]


def palette_choice(site: Path, scheme: str) -> dict:
    """The palette entry Material stores when the reader picks this scheme with the toggle."""
    options = soup(site / "index.html").select("input.md-option[name=__palette]")
    for index, option in enumerate(options):
        if option["data-md-color-scheme"] == scheme and option["data-md-color-media"] != "(prefers-color-scheme)":
            return {
                "index": index,
                "color": {key: option[f"data-md-color-{key}"] for key in ("media", "scheme", "primary", "accent")},
            }
    raise AssertionError(f"geen palet met kleurschema {scheme} in mkdocs.yml")


def use_scheme(context, site: Path, base_url: str, scheme: str) -> None:
    """Material keeps the reader's choice in localStorage under '<site root path>.__palette'."""
    key = urlparse(base_url).path + ".__palette"
    value = json.dumps(palette_choice(site, scheme))
    context.add_init_script(f"localStorage.setItem({json.dumps(key)}, {json.dumps(value)});")


def wait_until_settled(page) -> None:
    """Diagrams drawn, calculator started: what a reader sees once the page has loaded."""
    if page.locator("pre.aw-diagram").count():
        page.wait_for_function(
            "() => [...document.querySelectorAll('pre.aw-diagram')].every(p => p.dataset.awRendered)"
        )
    if page.locator("[data-aw-rekenhulp], [data-aw-voorbereiden]").count():
        page.locator(".aw-status-balk--klaar, .aw-status-balk--mislukt:not(.aw-status-balk--vastgelopen)").wait_for(
            timeout=BOOT_TIMEOUT
        )


def axe_violations(page, where: str) -> list[str]:
    """Run axe-core (from node_modules, injected into the page) with the WCAG 2.0/2.1 A and AA rules."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
            return r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => ({
                target: n.target.join(" "), summary: (n.failureSummary || "").split("\\n").slice(0, 2).join(" ")}))}));
        }""",
        list(WCAG_TAGS),
    )
    return [f"{where}: {v['id']} ({v['help']}) at {n['target']}: {n['summary']}" for v in result for n in v["nodes"]]


NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def open_calculator(page, base_url: str, soort: str) -> None:
    page.goto(f"{base_url}rekenhulpen/#{soort}")
    page.get_by_text(KLAAR).wait_for(timeout=BOOT_TIMEOUT)
    # Focus rings are checked in their final state, not halfway through Material's fade-in.
    page.add_style_tag(content=NO_TRANSITIONS)


FOCUS_STATE = """() => {
    const element = document.activeElement;
    // Material's colour-scheme toggle is a hidden radio button that draws its ring on the label.
    const shown = element.matches("input.md-option") ? element.nextElementSibling : element;
    const style = getComputedStyle(shown);
    const box = shown.getBoundingClientRect();
    return {
        id: element.id, tag: element.tagName.toLowerCase(), type: element.getAttribute("type"),
        classes: String(element.className.baseVal ?? element.className),
        text: (element.innerText || element.getAttribute("aria-label") || "").trim().slice(0, 40),
        outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth) || 0,
        shadow: style.boxShadow, width: box.width, height: box.height,
        opacity: parseFloat(style.opacity), visibility: style.visibility,
        foutsamenvatting: element.hasAttribute("data-aw-foutsamenvatting"),
        antwoord: element.hasAttribute("data-aw-antwoord"),
        // Chromium's date field has an extra Tab stop, its calendar button: the field then
        // matches :focus-within but not :focus, and Enter opens the calendar.
        kalenderknop: element.matches(":focus-within") && !element.matches(":focus"),
    };
}"""


def focus_state(page) -> dict:
    return page.evaluate(FOCUS_STATE)


def focus_is_visible(state: dict) -> bool:
    """A ring (outline of at least 2px, or a box shadow) on an element that is itself visible."""
    ring = (state["outline"] != "none" and state["outlineWidth"] >= 2) or state["shadow"] not in ("none", "")
    shown = state["width"] > 0 and state["height"] > 0 and state["opacity"] > 0 and state["visibility"] == "visible"
    return ring and shown


def describe(state: dict) -> str:
    return f"<{state['tag']} id={state['id']!r} class={state['classes']!r}> {state['text']!r} {state}"


def press_until(page, key: str, predicate, limit: int = 60) -> list[dict]:
    """Press Tab (or Shift+Tab) until the focused element satisfies ``predicate``.

    Returns every focus stop on the way; each must show a visible focus ring.
    """
    stops = []
    for _ in range(limit):
        page.keyboard.press(key)
        state = focus_state(page)
        stops.append(state)
        assert focus_is_visible(state), f"geen zichtbare focus op {describe(state)}"
        if predicate(state):
            return stops
    raise AssertionError(f"na {limit}× {key} niet aangekomen; laatste focus: {describe(stops[-1])}")


def tab_to(page, field_id: str, backwards: bool = False) -> None:
    """Tab (or Shift+Tab) to a field; in a date field, to one of its parts, not its calendar button."""
    press_until(page, "Shift+Tab" if backwards else "Tab", lambda s: s["id"] == field_id and not s["kalenderknop"])


def skip_to_content(page) -> None:
    """First Tab: Material's skip link; Enter jumps past the header and navigation."""
    page.keyboard.press("Tab")
    state = focus_state(page)
    assert "md-skip" in state["classes"], f"eerste Tab-stop is niet de link 'Ga naar inhoud' maar {describe(state)}"
    page.keyboard.press("Enter")


def date_order(page) -> str:
    """The order in which this browser's date fields take digits ('dmy', 'mdy' or 'ymd').

    Chromium lays out <input type=date> in the browser's own language, not the page's; a
    throwaway field finds out which, so the tests type dates as a reader of this browser would.
    """
    for digits, answers in (
        ("02012003", {"2003-01-02": "dmy", "2003-02-01": "mdy"}),
        ("20030102", {"2003-01-02": "ymd"}),
    ):
        page.evaluate("""() => { const probe = document.createElement("input"); probe.type = "date";
            probe.id = "aw-test-datumvolgorde"; document.body.prepend(probe); }""")
        probe = page.locator("#aw-test-datumvolgorde")
        try:
            probe.focus()
            page.keyboard.type(digits)
            value = probe.input_value()
        finally:
            page.evaluate("() => document.getElementById('aw-test-datumvolgorde').remove()")
        if value in answers:
            return answers[value]
    raise AssertionError("onbekende volgorde van datumvelden in deze browser")


def type_date(page, iso: str, order: str) -> None:
    """Type a date into the focused date field, from its first part, with the keyboard only."""
    year, month, day = iso.split("-")
    for _ in range(3):
        page.keyboard.press("ArrowLeft")  # to the first part, wherever focus landed
    page.keyboard.type({"dmy": day + month + year, "mdy": month + day + year, "ymd": year + month + day}[order])


def active_value(page) -> str:
    return page.evaluate("() => document.activeElement.value")


def submit_with_enter_and_expect_result(page, soort: str) -> None:
    page.keyboard.press("Enter")
    page.locator(f"#{soort} [data-aw-antwoord]").wait_for(timeout=BOOT_TIMEOUT)
    state = focus_state(page)
    assert state["antwoord"], f"na berekenen staat de focus niet op het antwoord maar op {describe(state)}"
    assert focus_is_visible(state), "het antwoord heeft focus maar geen zichtbare focusrand"


def submit_with_enter_and_follow_the_error(page, field_id: str) -> None:
    """Enter: the error summary gets focus; Tab to its link, Enter: focus is on the field."""
    page.keyboard.press("Enter")
    page.locator("[data-aw-rekenhulp]:not([hidden]) [data-aw-foutsamenvatting]:not([hidden])").wait_for(
        timeout=BOOT_TIMEOUT
    )
    state = focus_state(page)
    assert state["foutsamenvatting"], (
        f"na een fout staat de focus niet op de foutsamenvatting maar op {describe(state)}"
    )
    assert focus_is_visible(state), "de foutsamenvatting heeft focus maar geen zichtbare focusrand"
    press_until(page, "Tab", lambda s: s["tag"] == "a", limit=3)
    page.keyboard.press("Enter")
    state = focus_state(page)
    assert state["id"] == field_id, (
        f"de link in de foutsamenvatting brengt de focus niet naar het veld maar naar {describe(state)}"
    )
    assert page.locator(f"#{field_id}").get_attribute("aria-invalid") == "true"
    assert focus_is_visible(state)


# ---------- axe-core ----------


@browser_test
@pytest.mark.parametrize("kleur", SCHEMES)
def test_every_page_has_no_wcag_violations(page, site_url, built_site, kleur):
    use_scheme(page.context, built_site, site_url, SCHEMES[kleur])
    problems = []
    for path in site_pages(built_site):
        page.goto(site_url + path, wait_until="load")
        wait_until_settled(page)
        assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == SCHEMES[kleur], path
        assert page.evaluate("() => document.documentElement.lang") == "nl", path
        problems += axe_violations(page, f"{path or '/'} ({kleur})")
    assert problems == [], "\n".join(problems[:40])


@browser_test
@pytest.mark.parametrize("kleur", SCHEMES)
def test_calculators_have_no_wcag_violations_in_any_state(page, site_url, built_site, kleur):
    use_scheme(page.context, built_site, site_url, SCHEMES[kleur])
    problems = []

    open_calculator(page, site_url, "tijdlijn")
    problems += axe_violations(page, f"tijdlijn leeg ({kleur})")

    tijdlijn = page.locator("#tijdlijn")
    tijdlijn.get_by_label("Regio", exact=True).select_option("midden-brabant")
    tijdlijn.get_by_label("Route na de melding").select_option("direct")
    tijdlijn.get_by_label("Meldingsdatum").fill("2025-04-24")
    page.get_by_role("button", name="Tijdlijn berekenen").click()
    page.locator("#tijdlijn [data-aw-antwoord]").wait_for()
    assert page.locator(".aw-resultaat svg").count() >= 1  # the timeline figure is part of the check
    problems += axe_violations(page, f"tijdlijn met resultaat ({kleur})")
    for details in page.locator("#tijdlijn .aw-resultaat details").all()[:3]:
        details.locator("summary").click()  # quotes and readings open
    problems += axe_violations(page, f"tijdlijn met bronnen open ({kleur})")

    tijdlijn.get_by_label("Datum van overdracht").fill("2025-04-01")  # before the melding
    page.get_by_role("button", name="Tijdlijn berekenen").click()
    page.locator("#tijdlijn [data-aw-foutsamenvatting]:not([hidden])").wait_for()
    problems += axe_violations(page, f"tijdlijn met fout ({kleur})")

    page.get_by_role("tab", name="Werkdagen").click()
    page.locator("#aw-werkdagen-van").fill("2025-04-24")
    page.locator("#werkdagen").get_by_label("Aantal werkdagen", exact=True).fill("10")
    page.get_by_role("button", name="Werkdagen berekenen").click()
    page.locator("#werkdagen [data-aw-antwoord]").wait_for()
    problems += axe_violations(page, f"werkdagen met resultaat ({kleur})")

    page.get_by_role("tab", name="Terugkoppeling").click()
    page.locator("#aw-terugkoppeling-melding").fill("2025-04-24")
    page.locator("#aw-terugkoppeling-overdracht").fill("2025-04-30")
    page.locator("#terugkoppeling [data-aw-bereken]").click()
    page.locator("#terugkoppeling [data-aw-antwoord]").wait_for()
    problems += axe_violations(page, f"terugkoppeling met resultaat ({kleur})")

    assert problems == [], "\n".join(problems[:40])


@browser_test
@pytest.mark.parametrize("kleur", SCHEMES)
def test_a_calculator_whose_runtime_fails_explains_it_in_dutch_without_violations(page, site_url, built_site, kleur):
    use_scheme(page.context, built_site, site_url, SCHEMES[kleur])
    page.route("**/*.wasm", lambda route: route.abort())  # as a host that does not serve .wasm
    page.goto(f"{site_url}rekenhulpen/")
    failure = page.locator(".aw-status-balk--mislukt")
    failure.wait_for(timeout=BOOT_TIMEOUT)
    text = failure.inner_text()
    assert "niet ophalen" in text and "Hosting" in text
    assert "pyodide.asm.wasm" in failure.locator("details code").text_content()  # technical detail in the disclosure
    assert failure.get_by_role("link", name="termijnentabellen per regio").is_visible()
    assert page.locator("[data-aw-status]").get_attribute("role") == "status"  # announced by screen readers
    problems = axe_violations(page, f"tijdlijn zonder rekenomgeving ({kleur})")
    assert problems == [], "\n".join(problems)


# ---------- keyboard ----------


@browser_test
def test_tijdlijn_with_the_keyboard_only(page, site_url):
    open_calculator(page, site_url, "tijdlijn")
    order = date_order(page)
    skip_to_content(page)

    tab_to(page, "aw-tijdlijn-regio")
    page.keyboard.type("m")  # type-ahead in the closed list
    assert active_value(page) == "midden-brabant"
    tab_to(page, "aw-tijdlijn-route")
    page.keyboard.press("ArrowDown")  # arrows change the choice in the closed list
    assert active_value(page) not in ("", "direct")
    page.keyboard.press("ArrowUp")
    assert active_value(page) == "direct"
    tab_to(page, "aw-tijdlijn-melding")
    type_date(page, "2025-04-24", order)
    assert active_value(page) == "2025-04-24"
    tab_to(page, "aw-tijdlijn-spoed")
    page.keyboard.press("Space")
    assert page.locator("#aw-tijdlijn-spoed").is_checked()
    page.keyboard.press("Space")
    assert not page.locator("#aw-tijdlijn-spoed").is_checked()
    tab_to(page, "aw-tijdlijn-melding", backwards=True)
    submit_with_enter_and_expect_result(page, "tijdlijn")
    assert "Midden-Brabant" in page.locator("#tijdlijn [data-aw-resultaat]").inner_text()

    # An impossible date: the error summary leads back to the field.
    tab_to(page, "aw-tijdlijn-overdracht", backwards=True)
    type_date(page, "2025-04-01", order)
    assert active_value(page) == "2025-04-01"
    submit_with_enter_and_follow_the_error(page, "aw-tijdlijn-overdracht")


@browser_test
def test_werkdagen_with_the_keyboard_only(page, site_url):
    open_calculator(page, site_url, "werkdagen")
    order = date_order(page)
    skip_to_content(page)

    tab_to(page, "aw-werkdagen-bewerking-optellen")  # a radio group is one Tab stop; arrows choose
    page.keyboard.press("ArrowDown")
    assert page.locator("#aw-werkdagen-bewerking-tellen").is_checked()
    assert page.locator("#aw-werkdagen-tot").is_visible() and not page.locator("#aw-werkdagen-aantal").is_visible()
    page.keyboard.press("ArrowUp")
    assert page.locator("#aw-werkdagen-bewerking-optellen").is_checked()
    tab_to(page, "aw-werkdagen-van")
    type_date(page, "2025-04-24", order)
    assert active_value(page) == "2025-04-24"
    tab_to(page, "aw-werkdagen-aantal")
    page.keyboard.type("10")
    submit_with_enter_and_expect_result(page, "werkdagen")

    # No number of days: the error summary leads back to the field.
    tab_to(page, "aw-werkdagen-aantal", backwards=True)
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    submit_with_enter_and_follow_the_error(page, "aw-werkdagen-aantal")


@browser_test
def test_terugkoppeling_with_the_keyboard_only(page, site_url):
    open_calculator(page, site_url, "terugkoppeling")
    order = date_order(page)
    skip_to_content(page)

    tab_to(page, "aw-terugkoppeling-melding")
    type_date(page, "2025-04-24", order)
    tab_to(page, "aw-terugkoppeling-overdracht")
    type_date(page, "2025-04-30", order)
    assert active_value(page) == "2025-04-30"
    submit_with_enter_and_expect_result(page, "terugkoppeling")
    assert page.locator("#terugkoppeling [data-aw-antwoord] h3 time").count() == 1

    tab_to(page, "aw-terugkoppeling-overdracht", backwards=True)
    type_date(page, "2025-04-01", order)  # before the melding
    submit_with_enter_and_follow_the_error(page, "aw-terugkoppeling-overdracht")


@browser_test
def test_every_tab_stop_on_a_page_shows_where_the_focus_is(page, site_url):
    """Header, tabs, navigation, table of contents and text: each stop has a visible ring."""
    page.goto(site_url + "midden-brabant/samenwerkingsafspraken/")
    page.add_style_tag(content=NO_TRANSITIONS)
    stops = press_until(page, "Tab", lambda s: s["tag"] == "a" and s["classes"] == "focus-visible", limit=120)
    kinds = {s["classes"].split()[0] if s["classes"] else s["tag"] for s in stops}
    assert {"md-skip", "md-search__input", "md-tabs__link", "md-nav__link"} <= kinds, kinds


@browser_test
def test_search_works_with_the_keyboard(page, site_url):
    page.goto(site_url)
    page.keyboard.press("/")
    page.keyboard.type("veiligheidsbeoordeling")
    page.locator(".md-search-result__item").first.wait_for()  # default: tests/conftest.py BROWSER_WAIT_MS
    # Material: the arrow keys move through the results (Tab leaves the search).
    stops = press_until(
        page, "ArrowDown", lambda s: s["tag"] == "a" and "md-search-result__link" in s["classes"], limit=3
    )
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url.split("#")[0] != site_url)
    assert "veiligheidsbeoordeling" in page.locator("article").inner_text().lower(), stops[-1]


# ---------- structure for screen readers ----------


@browser_test
def test_every_svg_has_a_text_alternative_or_is_decoration(page, site_url, built_site):
    """Figures (diagrams, infographics, the calculator's timeline) are named; icons sit next to text."""
    check = """() => [...document.querySelectorAll("article svg")].filter(svg => {
        const named = (el) => el && (el.getAttribute("aria-label") || el.getAttribute("aria-labelledby")
            || [...el.children].some(c => c.tagName.toLowerCase() === "title" && c.textContent.trim()));
        if (svg.closest("[aria-hidden=true]") || svg.parentElement.closest("svg")) return false;
        if (svg.getAttribute("role") === "img" && named(svg)) return false;
        const figure = svg.parentElement.closest("[role=img]");
        if (figure && named(figure)) return false;
        const control = svg.closest("a, button, summary, label");
        if (control && (control.textContent.trim() || control.getAttribute("aria-label") || control.getAttribute("title"))) return false;
        return true;
    }).map(svg => svg.outerHTML.slice(0, 160))"""
    unnamed = {}
    for path in site_pages(built_site):
        page.goto(site_url + path, wait_until="load")
        wait_until_settled(page)
        found = page.evaluate(check)
        if found:
            unnamed[path or "/"] = found
    open_calculator(page, site_url, "tijdlijn")
    page.locator("#aw-tijdlijn-melding").fill("2025-04-24")
    page.get_by_role("button", name="Tijdlijn berekenen").click()
    page.locator("#tijdlijn [data-aw-antwoord]").wait_for()
    if page.evaluate(check):
        unnamed["tijdlijn-resultaat"] = page.evaluate(check)
    assert unnamed == {}


def test_every_table_has_header_cells(built_site):
    """Screen readers announce the column (or row) of each cell: every content table has <th>."""
    without = []
    for html in sorted(built_site.rglob("*.html")):
        for index, table in enumerate(soup(html).select("article table")):
            if not table.find("th"):
                without.append(
                    f"{html.relative_to(built_site)} tabel {index + 1}: {table.get_text(' ', strip=True)[:80]}"
                )
    assert without == []


def test_every_page_is_dutch_and_can_skip_to_its_content(built_site):
    for html in sorted(built_site.rglob("*.html")):
        document = soup(html)
        assert document.html.get("lang") == "nl", html
        if html.name != "404.html":  # Material adds the skip link to pages with headings
            assert document.select_one("a.md-skip"), f"{html}: geen link 'Ga naar inhoud'"


def test_the_statement_names_what_is_tested():
    """The toegankelijkheidsverklaring states the axe-core version and the rule sets these tests use."""
    version = json.loads((AXE_PACKAGE / "package.json").read_text(encoding="utf-8"))["version"]
    text = STATEMENT.read_text(encoding="utf-8")
    assert f"axe-core {version}" in text, f"docs/over/toegankelijkheid.md noemt axe-core {version} niet"
    for tag in WCAG_TAGS:
        assert tag in text, tag


def test_checkboxes_on_paper_forms_have_their_text_as_label(built_site):
    """The terugkoppelbericht's tick boxes (Markdown task lists) are named by their text."""
    from tests.site.helpers import html_path

    for page in ("midden-brabant/terugkoppelbericht.md", "midden-brabant/samenwerkingsafspraken.md"):
        boxes = soup(html_path(built_site, page)).select("article input[type=checkbox]")
        assert boxes, page
        for box in boxes:
            label = box.find_parent("label")
            assert label is not None and label.get_text(strip=True), f"{page}: {box} zonder label"
