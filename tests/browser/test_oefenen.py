"""The page Oefenen in a real browser: answering, feedback, score, keyboard, accessibility.

The right answers are taken from the engine (calculators.uitvoer.oefenen, checked against tijdlijn in
tests/macros/test_oefenen_pagina.py), never from the page itself.
"""

from __future__ import annotations

import pytest

from calculators.uitvoer.oefenen import oefeningen

from .test_toegankelijkheid import NO_TRANSITIONS, SCHEMES, axe_violations, use_scheme

pytestmark = pytest.mark.browser

REGIO = "zuid-limburg"


def open_oefenen(page, site_url, query: str = f"?regio={REGIO}"):
    page.goto(f"{site_url}oefenen/{query}")
    page.locator("[data-aw-oefen-balk]:not([hidden])").wait_for()


def vraag(page, oefening):
    return page.locator(f"#aw-oefen-{oefening.id}")


def juist(oefening) -> str:
    if oefening.antwoord["soort"] == "datum":
        return oefening.antwoord["datum"]
    return oefening.antwoord["partij"] or "niemand"


def fout_antwoord(oefening) -> str:
    if oefening.antwoord["soort"] == "datum":
        return "2030-01-02"
    return next(w for w in ("veilig-thuis", "lokaal-team", "niemand") if w != juist(oefening))


def beantwoord(page, oefening, waarde: str) -> None:
    form = vraag(page, oefening)
    if oefening.antwoord["soort"] == "datum":
        form.locator("input[type=date]").fill(waarde)
    else:
        form.locator(f"input[type=radio][value='{waarde}']").check()
    form.get_by_role("button", name="Controleer").click()


def test_one_right_one_wrong_gives_feedback_and_score(page, site_url):
    open_oefenen(page, site_url)
    lijst = oefeningen(REGIO)
    stand = page.locator("[data-aw-oefen-stand]")
    assert stand.inner_text() == f"0 van {len(lijst)} vragen beantwoord, 0 goed."
    # Only the chosen region's cases are shown.
    assert page.locator("[data-aw-oefen-regio]:visible").count() == 1

    beantwoord(page, lijst[0], juist(lijst[0]))
    goed = vraag(page, lijst[0]).locator("[data-aw-oefen-oordeel]")
    goed.wait_for()
    assert goed.inner_text().startswith("Goed: ") and "goed" in goed.get_attribute("class")
    assert lijst[0].antwoord_tekst in goed.inner_text()  # the answer echoed in the engine's words
    assert page.evaluate("document.activeElement.hasAttribute('data-aw-oefen-oordeel')")
    uitleg = vraag(page, lijst[0]).locator("details[data-aw-oefen-uitleg]")
    assert uitleg.get_attribute("open") is not None and lijst[0].bron["label"] in uitleg.inner_text()

    beantwoord(page, lijst[1], fout_antwoord(lijst[1]))
    fout = vraag(page, lijst[1]).locator("[data-aw-oefen-oordeel]")
    fout.wait_for()
    assert fout.inner_text().startswith("Niet goed. U antwoordde ")
    assert lijst[1].antwoord_tekst in fout.inner_text()
    uitleg = vraag(page, lijst[1]).locator("details[data-aw-oefen-uitleg]")
    assert "Het juiste antwoord:" in uitleg.inner_text() and lijst[1].uitleg[:40] in uitleg.inner_text()
    assert stand.inner_text() == f"2 van {len(lijst)} vragen beantwoord, 1 goed."

    # A second try after reading the explanation does not change the score.
    beantwoord(page, lijst[1], juist(lijst[1]))
    page.locator(f"#aw-oefen-{lijst[1].id} .aw-oefen-oordeel--goed").wait_for()
    assert stand.inner_text() == f"2 van {len(lijst)} vragen beantwoord, 1 goed."


def test_an_empty_answer_names_the_field_and_counts_nothing(page, site_url):
    open_oefenen(page, site_url)
    eerste = oefeningen(REGIO)[0]
    vraag(page, eerste).get_by_role("button", name="Controleer").click()
    melding = vraag(page, eerste).locator("[data-aw-oefen-fout]")
    melding.wait_for()
    assert melding.inner_text() in ("Vul een datum in.", "Kies een van de antwoorden.")
    assert vraag(page, eerste).locator("[aria-invalid=true]").count() == 1
    assert page.locator("[data-aw-oefen-stand]").inner_text().startswith("0 van")


def test_all_answered_shows_the_result_and_starts_again(page, site_url):
    open_oefenen(page, site_url)
    lijst = oefeningen(REGIO)
    for i, o in enumerate(lijst):
        beantwoord(page, o, juist(o) if i % 3 else fout_antwoord(o))
    uitslag = page.locator(f"[data-aw-oefen-regio='{REGIO}'] [data-aw-oefen-uitslag]")
    uitslag.wait_for()
    goed = sum(1 for i in range(len(lijst)) if i % 3)
    assert uitslag.locator("h3").inner_text() == f"Klaar: {goed} van de {len(lijst)} vragen goed"
    assert page.evaluate("document.activeElement.hasAttribute('data-aw-oefen-uitslag')")
    uitslag.get_by_role("button", name="Opnieuw beginnen").click()
    assert page.locator("[data-aw-oefen-stand]").inner_text() == f"0 van {len(lijst)} vragen beantwoord, 0 goed."
    assert uitslag.is_hidden() and page.locator("[data-aw-oefen-oordeel]:visible").count() == 0


def test_keyboard_only(page, site_url):
    """Choose a region and answer a party question with the keyboard alone."""
    open_oefenen(page, site_url, "")
    page.locator("#aw-oefen-regio").focus()
    page.keyboard.press("End")  # the last region: the national framework
    lijst = oefeningen("landelijk")
    assert page.locator("[data-aw-oefen-regio='landelijk']").is_visible()
    o = next(x for x in lijst if x.antwoord["soort"] == "partij")
    vraag(page, o).locator("input[type=radio]").first.focus()
    page.keyboard.press("Space")
    for _ in range(["niemand", "veilig-thuis", "lokaal-team"].index(juist(o))):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Controleer"
    page.keyboard.press("Enter")
    vraag(page, o).locator(".aw-oefen-oordeel--goed").wait_for()
    # The chosen region is the only thing remembered, for the next visit.
    page.goto("about:blank")
    open_oefenen(page, site_url, "")
    assert page.locator("#aw-oefen-regio").input_value() == "landelijk"


def test_without_javascript_every_region_and_answer_is_on_the_page(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}oefenen/")
    assert page.locator("[data-aw-oefen-regio]:visible").count() == 4
    eerste = oefeningen(REGIO)[0]
    vraag(page, eerste).locator("summary").click()
    assert "Het juiste antwoord:" in vraag(page, eerste).locator("details").inner_text()
    context.close()


@pytest.mark.parametrize("kleur", SCHEMES)
def test_no_wcag_violations_before_and_after_answering(page, site_url, built_site, kleur):
    use_scheme(page.context, built_site, site_url, SCHEMES[kleur])
    open_oefenen(page, site_url)
    page.add_style_tag(content=NO_TRANSITIONS)
    problems = axe_violations(page, f"oefenen, leeg ({kleur})")
    lijst = oefeningen(REGIO)
    beantwoord(page, lijst[0], juist(lijst[0]))
    beantwoord(page, lijst[1], fout_antwoord(lijst[1]))
    vraag(page, lijst[2]).get_by_role("button", name="Controleer").click()  # an error message too
    vraag(page, lijst[2]).locator("[data-aw-oefen-fout]").wait_for()
    vraag(page, lijst[1]).locator("[data-aw-oefen-oordeel]").wait_for()
    problems += axe_violations(page, f"oefenen, beantwoord ({kleur})")
    assert problems == []


def test_a_typical_mistake_is_named_and_progress_stays_on_this_device(page, site_url):
    open_oefenen(page, site_url)
    lijst = oefeningen(REGIO)
    # A date question whose wrong answer the engine knows a mistake for (e.g. calendar days instead of werkdagen).
    o = next(x for x in lijst if x.antwoord["soort"] == "datum" and x.valkuilen)
    valkuil = o.valkuilen[0]
    beantwoord(page, o, valkuil.waarde)
    oordeel = vraag(page, o).locator("[data-aw-oefen-oordeel]")
    oordeel.wait_for()
    tekst = oordeel.inner_text()
    assert tekst.startswith("Niet goed. U antwoordde ") and valkuil.uitleg in tekst and o.antwoord_tekst in tekst
    # The counted days, as a table with a caption, in the explanation that opened.
    if o.telling:
        tabel = vraag(page, o).locator("table.aw-oefen-kalender")
        assert tabel.locator("caption").inner_text() == "Zo tellen de dagen"
        assert tabel.locator("tbody tr").count() == len(o.telling)
    # Progress is kept on this device: the first result only, never the typed date.
    bewaard = page.evaluate("window.localStorage.getItem('afsprakenwijzer.oefenen')")
    assert bewaard and f'"aw-oefen-{o.id}":"fout"' in bewaard and valkuil.waarde not in bewaard
    page.reload()
    page.locator("[data-aw-oefen-balk]:not([hidden])").wait_for()
    stand = page.locator("[data-aw-oefen-stand]")
    assert stand.inner_text() == f"1 van {len(lijst)} vragen beantwoord, 0 goed."
    # Start again: the score of this region is gone, here and in storage.
    page.get_by_role("button", name="Opnieuw beginnen").first.click()
    page.wait_for_function("document.querySelector('[data-aw-oefen-stand]').textContent.startsWith('0 van')")
    assert f"aw-oefen-{o.id}" not in (page.evaluate("window.localStorage.getItem('afsprakenwijzer.oefenen')") or "")
