"""The print edition and printed calculator results, as PDF from Debian chromium.

The print edition (afdrukversie/, mkdocs-print-site-plugin) must hold every published text
in menu order with a table of contents, load nothing from elsewhere, and leave out the
calculators. A calculator result must print as the result only: no form, buttons, menus.
The PDF's text is read with pdftotext (Debian poppler-utils, installed by
scripts/setup-browser-tests).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from mkdocs_print_site_plugin.exclude import exclude
from mkdocs_print_site_plugin.urls import get_page_key

from calculators.recht.regios import documentmappen
from hooks import regio_menu
from tests.conftest import BROWSER_WAIT_MS, IN_CI
from tests.site.helpers import DOCS, ROOT, html_path, soup

pytestmark = pytest.mark.browser
BOOT_TIMEOUT = BROWSER_WAIT_MS  # one generous bound for every wait (tests/conftest.py)
DOCUMENT_FOLDERS = documentmappen()


# ---------- what the print edition should contain ----------


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml has !ENV and !!python/name tags; only the plain structure is needed here."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def mkdocs_config() -> dict:
    """mkdocs.yml with the menu as the build makes it (the regions come from the rule files)."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
    return regio_menu.on_config({**config, "docs_dir": str(DOCS)})


def print_site_config() -> dict:
    for plugin in mkdocs_config()["plugins"]:
        if isinstance(plugin, dict) and "print-site" in plugin:
            return plugin["print-site"] or {}
    raise AssertionError("mkdocs.yml heeft geen print-site-plugin")


def nav_pages(items=None) -> list[str]:
    """Every page in the menu, in menu order."""
    pages = []
    for item in mkdocs_config()["nav"] if items is None else items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            pages += nav_pages(value)
        elif isinstance(value, str) and value.endswith(".md"):
            pages.append(value)
    return pages


def printed_pages() -> list[str]:
    patterns = print_site_config().get("exclude", [])
    return [page for page in nav_pages() if not exclude(page, patterns)]


def is_calculator(markdown_path: str) -> bool:
    text = (DOCS / markdown_path).read_text(encoding="utf-8")
    return bool(re.search(r"^rekenhulp:\s*\S", text.split("---", 2)[1], re.MULTILINE))


def squash(text: str) -> str:
    """Text as letters and digits only: line breaks, hyphenation and quotes in a PDF don't matter."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "").casefold()
    return re.sub(r"[\W_]+", "", text)


def title_and_sentence(site: Path, markdown_path: str) -> tuple[str, str]:
    """The page's title and one sentence of its own text (not the source block, a generated table or the
    reading route's bars, which are for the screen)."""
    document = soup(html_path(site, markdown_path))
    article = document.select_one("article")
    for node in article.select(
        ".aw-bron, .admonition, details, table, .headerlink, sup, .md-content__button, .aw-routestap"
    ):
        node.decompose()
    title = article.select_one("h1").get_text(" ", strip=True)
    for paragraph in article.select("p"):
        words = paragraph.get_text(" ", strip=True).split()
        if len(words) >= 8:
            return title, " ".join(words[:14])
    raise AssertionError(f"{markdown_path}: geen alinea om in de PDF terug te zoeken")


def pdf_text(pdf: Path) -> str:
    executable = shutil.which("pdftotext")
    if executable is None:
        if IN_CI:
            pytest.fail("pdftotext (poppler-utils) ontbreekt in CI: zie scripts/setup-browser-tests.")
        pytest.skip("pdftotext ontbreekt (installeer met: sudo apt-get install poppler-utils)")
    return subprocess.run(
        [executable, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


# ---------- the print edition as PDF (made once per test module) ----------


@pytest.fixture(scope="module")
def print_edition(browser, site_url, tmp_path_factory):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    origin = urlparse(site_url).netloc
    foreign, failed = [], []
    context.on(
        "request",
        lambda r: (
            foreign.append(r.url)
            if urlparse(r.url).scheme in {"http", "https", "ws", "wss"} and urlparse(r.url).netloc != origin
            else None
        ),
    )
    context.on("requestfailed", lambda r: failed.append(f"{r.url}: {r.failure}"))
    basename = print_site_config().get("print_page_basename", "print_page")
    page.goto(f"{site_url}{basename}/", wait_until="load")
    page.wait_for_function("() => [...document.querySelectorAll('pre.aw-diagram')].every(p => p.dataset.awRendered)")
    page.wait_for_function("() => document.querySelectorAll('#print-page-toc a').length > 0")
    pdf = tmp_path_factory.mktemp("afdruk") / "afdrukversie.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True, outline=True, tagged=True)
    html = page.content()
    toc = page.eval_on_selector_all("#print-page-toc a", "links => links.map(a => a.getAttribute('href'))")
    context.close()
    return {"pdf": pdf, "text": pdf_text(pdf), "html": html, "toc": toc, "foreign": foreign, "failed": failed}


def test_every_published_text_is_in_the_print_edition():
    printed = printed_pages()
    documents = [p for p in nav_pages() if p.startswith(DOCUMENT_FOLDERS)]
    assert documents and set(documents) <= set(printed), set(documents) - set(printed)
    assert not [p for p in printed if is_calculator(p)], "rekenhulpen horen niet in de afdrukversie"


def test_the_pdf_has_every_page_in_menu_order_with_title_and_text(print_edition, built_site):
    text = squash(print_edition["text"])
    position = text.index(squash("Inhoudsopgave"))
    missing = []
    for markdown_path in printed_pages():
        title, sentence = title_and_sentence(built_site, markdown_path)
        found = text.find(squash(title), position)
        if found < 0:
            missing.append(f"{markdown_path}: titel ‘{title}’ niet (op zijn plaats) in de PDF")
            continue
        position = found + 1
        if text.find(squash(sentence), position) < 0:
            missing.append(f"{markdown_path}: zin ‘{sentence}’ niet in de PDF")
    assert missing == [], "\n".join(missing)


def test_the_print_edition_has_a_table_of_contents_and_dutch_page_numbers(print_edition):
    keys = {get_page_key(re.sub(r"(^|/)index$", "", p.removesuffix(".md")) + "/") for p in printed_pages()}
    linked = {href.lstrip("#") for href in print_edition["toc"]}
    assert keys <= linked, keys - linked
    assert "Inhoudsopgave" in print_edition["text"]
    assert "Pagina 2" in print_edition["text"] and "Page 2" not in print_edition["text"]


def test_every_text_in_the_print_edition_shows_its_version_and_last_change(print_edition):
    documents = [p for p in printed_pages() if p.startswith(DOCUMENT_FOLDERS)]
    text = print_edition["text"]
    for label in ("Versie", "Geldig vanaf", "Pagina laatst gewijzigd"):
        assert text.count(label) >= len(documents), label


def test_the_print_edition_loads_nothing_from_elsewhere_and_leaves_out_the_calculators(print_edition):
    assert print_edition["foreign"] == []
    assert [f for f in print_edition["failed"] if "net::ERR_ABORTED" not in f] == []
    html = print_edition["html"]
    assert "data-aw-rekenhulp" not in html and "aw-rekenkern-config" not in html
    for calculator in (p for p in nav_pages() if is_calculator(p)):
        assert f'id="{calculator.removesuffix(".md").replace("/", "-")}"' not in html, calculator


# ---------- a calculator result on paper ----------


def test_a_calculator_result_prints_without_form_buttons_or_menus(page, site_url, tmp_path):
    from calculators.uitvoer.verzoek import bereken_json

    invoer = {"regio": "midden-brabant", "route": "direct", "melding": "2025-04-24", "peildatum": "2025-04-28"}
    page.goto(f"{site_url}rekenhulpen/")
    page.get_by_text("Rekenhulp is klaar voor gebruik.").wait_for(timeout=BOOT_TIMEOUT)
    tijdlijn = page.locator("#tijdlijn")
    tijdlijn.get_by_label("Regio", exact=True).select_option(invoer["regio"])
    tijdlijn.get_by_label("Route na de melding").select_option(invoer["route"])
    tijdlijn.get_by_label("Meldingsdatum").fill(invoer["melding"])
    page.get_by_role("button", name="Tijdlijn berekenen").click()
    page.locator("#tijdlijn [data-aw-antwoord]").wait_for()
    tijdlijn.get_by_label("Stand van de casus op").fill(invoer["peildatum"])  # beside the answer, recomputes in place
    page.wait_for_function("window.__awRekenhulp.laatsteAntwoord.resultaat.op_peildatum.datum === '2025-04-28'")
    pdf = tmp_path / "tijdlijn.pdf"
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # as window.print() does: readings open
    page.pdf(path=str(pdf), format="A4")
    text = pdf_text(pdf)
    flat = squash(text)

    # The answer first, the case it is for, when it was calculated; then the schedule and the figure.
    for wanted in (
        "nog niet bij Veilig Thuis",
        "Regio",
        "Midden-Brabant",
        "Melding",
        "do 24 april 2025",
        "Berekend op",
        "Wat er gebeurt, per datum",
        "Tijdlijn als figuur",
    ):
        assert squash(wanted) in flat, wanted
    # The chosen readings are collapsed on screen and open on paper.
    resultaat = json.loads(bereken_json("tijdlijn", json.dumps(invoer)))["resultaat"]
    readings = {m["interpretatie"] for m in resultaat["momenten"] if m.get("interpretatie")}
    assert readings and all(squash(reading[:80]) in flat for reading in readings)
    for unwanted in (
        "Route na de melding",
        "Werkelijke datums",
        "De datum waarop Veilig Thuis de melding ontving",
        "Rekenhulp is klaar voor gebruik",
        "In mijn agenda",
        "Link kopiëren",
        "Zoeken",
        "Werkdagen tellen",
        "Ga naar inhoud",
        "Kies een rekenhulp",
    ):
        assert squash(unwanted) not in flat, f"‘{unwanted}’ staat in de afdruk"
    pages = int(
        re.search(
            r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        ).group(1)
    )
    assert pages <= 2, f"{pages} pagina's voor één resultaat"


def test_the_print_edition_works_behind_nginx_under_a_sub_path(page, nginx_subpath_url):
    """Hosted at /afspraken/: every file of the print edition (styles, scripts, Mermaid) is found."""
    broken = []
    page.on("response", lambda r: broken.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    basename = print_site_config().get("print_page_basename", "print_page")
    page.goto(f"{nginx_subpath_url}{basename}/", wait_until="load")
    page.wait_for_function("() => [...document.querySelectorAll('pre.aw-diagram')].every(p => p.dataset.awRendered)")
    assert page.locator("pre.aw-diagram[data-aw-rendered=ja]").count() == page.locator("pre.aw-diagram").count() > 0
    page.wait_for_load_state("networkidle")
    assert broken == []
    assert all(
        urlparse(url).path.startswith(urlparse(nginx_subpath_url).path)
        for url in page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)")
    )


def test_the_print_edition_has_no_absolute_site_root_paths(built_site):
    """Without site_url the plugin renders with the 404 page's base "/"; the hook repairs that."""
    page = built_site / print_site_config().get("print_page_basename", "print_page") / "index.html"
    html = page.read_text(encoding="utf-8")
    # Inline scripts were moved into files (hooks/externalize_inline_scripts.py): read those too.
    for src in re.findall(r'<script src="([^"]*assets/javascripts/inline/[^"]+)"', html):
        html += (page.parent / src).resolve().read_text(encoding="utf-8")
    assert not re.search(r'(content|src|href)="/(?!/)[^"]*\.(js|css|svg)"', html), "pad vanaf de serverwortel"
    assert 'content="//' not in html and 'src="//' not in html and 'href="//' not in html
    assert '"base": "/"' not in html and 'new URL("/",location)' not in html
