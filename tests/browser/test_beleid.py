"""The pages for policy staff in a real browser (Debian chromium): the matrix on two laptop screens and stacked on a
phone, two versions side by side chosen and marked, and a rule change prepared with the engine in the calculator's
worker: the checks, a different example timeline, and a downloaded file that passes ``controleer``."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.test_toegankelijkheid import axe_violations
from tests.conftest import BROWSER_WAIT_MS, ROOT

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
LAPTOP = {"viewport": {"width": 1366, "height": 768}}
MATRIX = "vergelijking/in-een-oogopslag/"
NAAST = "vergelijking/naast-elkaar/"
VOORBEREIDEN = "beheer/regelwijziging-voorbereiden/"
ANTWOORD = "window.__awRegelwijziging && window.__awRegelwijziging.laatsteAntwoord"


@pytest.fixture
def laptop(browser):
    context = browser.new_context(locale="nl-NL", accept_downloads=True, **LAPTOP)
    context.set_default_timeout(BROWSER_WAIT_MS)
    yield context.new_page()
    context.close()


@pytest.fixture
def telefoon(browser):
    context = browser.new_context(locale="nl-NL", **PHONE)
    context.set_default_timeout(BROWSER_WAIT_MS)
    yield context.new_page()
    context.close()


def maten(page, selector: str) -> dict:
    return page.evaluate(f"""() => {{
        const r = document.querySelector({json.dumps(selector)}).getBoundingClientRect();
        return {{hoogte: r.height, rechts: r.right, breedte: document.documentElement.scrollWidth}};
    }}""")


# ---------- the matrix ----------


def test_de_matrix_is_hoogstens_twee_schermen_hoog_en_schuift_niet_opzij(laptop, site_url):
    laptop.goto(site_url + MATRIX)
    m = maten(laptop, "table.aw-matrix__tabel")
    assert m["hoogte"] <= 2 * 768, f"de matrix is {m['hoogte']:.0f} px hoog"
    assert m["breedte"] <= 1366 and m["rechts"] <= 1366


def test_de_matrix_staat_op_een_telefoon_onder_elkaar(telefoon, site_url):
    telefoon.goto(site_url + MATRIX)
    assert maten(telefoon, "table.aw-matrix__tabel")["breedte"] <= 390
    cellen = telefoon.evaluate("""() => [...document.querySelectorAll('table.aw-matrix__tabel tbody td')].map(td => ({
        display: getComputedStyle(td).display, regio: getComputedStyle(td, '::before').content,
        rechts: td.getBoundingClientRect().right}))""")
    assert cellen and all(c["display"] == "block" and c["rechts"] <= 390 for c in cellen)
    # Each cell says which region it is, now that the column headings are gone.
    assert {c["regio"] for c in cellen} == {'"Landelijk kader"', '"Midden-Brabant"', '"West-Brabant"', '"Zuid-Limburg"'}


# ---------- side by side ----------


def _zichtbaar(page) -> list[str]:
    return page.evaluate(
        "() => [...document.querySelectorAll('.aw-naast__tabel thead th[data-keuze]:not([hidden])')]"
        ".map(th => th.dataset.keuze)"
    )


def _gemarkeerd(page) -> list[str]:
    return page.evaluate(
        "() => [...document.querySelectorAll('.aw-naast__tabel tbody tr.aw-naast__rij--anders')]"
        ".map(tr => tr.dataset.onderwerp)"
    )


def test_naast_elkaar_toont_de_twee_keuzes_en_markeert_de_verschillen(laptop, site_url):
    laptop.goto(site_url + NAAST)
    data = json.loads(laptop.locator("#aw-naast-verschillen").text_content())
    assert _zichtbaar(laptop) == ["west-brabant@richtlijnen-2017", "west-brabant@afspraken-2022"]
    laptop.get_by_label("Eerste").select_option("zuid-limburg@versie-2022")
    laptop.get_by_label("Tweede").select_option("midden-brabant@hernieuwd-2024")
    paar = "midden-brabant@hernieuwd-2024|zuid-limburg@versie-2022"
    laptop.wait_for_function(
        f"() => document.querySelector('[data-aw-naast-samenvatting]').textContent === "
        f"{json.dumps(data['teksten'][paar])}"
    )
    # The first choice left, the second right; the rows the build found marked, with a visible word.
    assert _zichtbaar(laptop) == ["zuid-limburg@versie-2022", "midden-brabant@hernieuwd-2024"]
    assert _gemarkeerd(laptop) == [str(i) for i in data["rijen"][paar]]
    assert laptop.locator("tr.aw-naast__rij--anders [data-aw-verschilt]:visible").count() == len(data["rijen"][paar])
    vraag = parse_qs(urlparse(laptop.url).query)
    assert vraag == {"a": ["zuid-limburg@versie-2022"], "b": ["midden-brabant@hernieuwd-2024"]}
    # The address opens the same comparison.
    laptop.goto(laptop.url)
    assert _zichtbaar(laptop) == ["zuid-limburg@versie-2022", "midden-brabant@hernieuwd-2024"]
    assert maten(laptop, "table.aw-naast__tabel")["breedte"] <= 1366


def test_naast_elkaar_past_op_een_telefoon(telefoon, site_url):
    telefoon.goto(site_url + NAAST)
    assert maten(telefoon, "table.aw-naast__tabel")["breedte"] <= 390


# ---------- preparing a rule change ----------


def wacht_op(page, voorwaarde: str):
    page.wait_for_function(f"(() => {{ const a = {ANTWOORD}; return !!a && ({voorwaarde}); }})()")
    return page.evaluate(ANTWOORD)


def test_een_regelwijziging_voorbereiden_in_de_browser(laptop, site_url, tmp_path):
    verzoeken = []
    laptop.on("request", lambda r: verzoeken.append((r.method, r.url)))
    laptop.goto(site_url + VOORBEREIDEN)
    wacht_op(laptop, "a.ok")
    laptop.get_by_label("Regel", exact=True).select_option("overdracht-oppakken@2024-07-01")
    assert laptop.get_by_label("Termijn (aantal)").input_value() == "7"  # the file's own value to start from
    laptop.get_by_label("Termijn (aantal)").fill("10")
    laptop.get_by_label("Geldt vanaf (niet verplicht)").fill("2026-01-01")
    a = wacht_op(
        laptop, "a.ok && a.resultaat.wijzigingen.length === 1 && a.resultaat.voorbeeld.melding === '2026-01-02'"
    )

    # The checks of controleer, shown as such.
    assert a["resultaat"]["controle"] == {"in_orde": True, "problemen": []}
    assert laptop.get_by_role("heading", name="Controle: in orde").is_visible()
    # The example timeline before and after: melding vr 2 januari 2026 (1 januari is Nieuwjaarsdag), overdracht
    # vr 9 januari; 7 days later is vr 16 januari, 10 days later ma 19 januari; the team is responsible the day after.
    rijen = laptop.locator("table.aw-wijz__tabel tr.aw-wijz__anders")
    assert rijen.count() == 2
    assert [c.strip() for c in rijen.nth(0).locator("td").all_inner_texts()] == [
        "vr 16 januari 2026",
        "ma 19 januari 2026",
    ]
    assert [c.strip() for c in rijen.nth(1).locator("td").all_inner_texts()] == [
        "za 17 januari 2026",
        "di 20 januari 2026",
    ]

    # The downloaded file passes controleer in a copy of the rules folder.
    with laptop.expect_download() as download:
        laptop.locator("[data-aw-download=bestand]").click()
    assert download.value.suggested_filename == "midden-brabant.toml"
    kopie = tmp_path / "regels"
    shutil.copytree(ROOT / "calculators" / "rules", kopie)
    download.value.save_as(kopie / "midden-brabant.toml")
    controle = subprocess.run(
        [sys.executable, "-m", "calculators", "controleer", "--map", str(kopie)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert controle.returncode == 0, controle.stderr
    assert "aantal = 10" in (kopie / "midden-brabant.toml").read_text(encoding="utf-8")
    with laptop.expect_download() as verzoek:
        laptop.locator("[data-aw-download=verzoek]").click()
    tekst = Path(verzoek.value.path()).read_text(encoding="utf-8")
    assert "Termijn: nu “7”, wordt “10”" in tekst and "Vanaf: 1 januari 2026" in tekst

    # A quote that is not in the published text: the check says so at the field, in Dutch.
    laptop.get_by_label("Citaat").fill("Het lokale team heeft 10 dagen.")
    wacht_op(laptop, "a.ok && !a.resultaat.controle.in_orde")
    fout = laptop.locator("[data-aw-fout-voor=citaat]")
    assert fout.is_visible() and "staat niet (letterlijk) in" in fout.inner_text()
    assert laptop.get_by_label("Citaat").get_attribute("aria-invalid") == "true"
    assert axe_violations(laptop, VOORBEREIDEN + " (probleem bij het citaat)") == []

    # A term that is not a number: the engine's message at the field.
    laptop.get_by_label("Termijn (aantal)").fill("-3")
    wacht_op(laptop, "!a.ok && a.fouten[0].veld === 'termijn'")
    assert "moet een geheel getal" in laptop.locator("[data-aw-fout-voor=termijn]").inner_text()

    # Nothing left the browser: every request went to the site itself, and none sent anything.
    assert all(url.startswith(site_url) for _, url in verzoeken)
    assert {methode for methode, _ in verzoeken} <= {"GET", "HEAD"}


def test_de_voorbereidpagina_past_op_een_telefoon(telefoon, site_url):
    telefoon.goto(site_url + VOORBEREIDEN)
    wacht_op(telefoon, "a.ok")
    telefoon.locator("#gevolgen").wait_for()
    assert telefoon.evaluate("() => document.documentElement.scrollWidth") <= 390
