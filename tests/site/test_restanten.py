"""No leftovers (issue 24): every interface string Dutch, no code names or anchors in the text
readers see, and every internal link of the print edition leads somewhere."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from tests.site.helpers import DOCS, html_path, markdown_pages, normalise, soup

VOOR_BEHEERDERS = ("beheer/", "tools/", "over/")
LEZERSPAGINAS = [p for p in markdown_pages() if not p.startswith(VOOR_BEHEERDERS)]
# Material's and Python-Markdown's English defaults, as they appeared on the site.
ENGELS = re.compile(r"^(Header|Footer|Tabs|Permanent link|Skip to content|Back to top|Copy to clipboard|"
                    r"Jump back to footnote.*|Previous|Next.*|Table of contents)$")
# A paragraph anchor or another code name as a reader would see it in a sentence.
ANKER = re.compile(r"(?<![\w/#.-])(?:par|bijlage|fn|fnref|letter)-[a-z0-9-]+\b|#[a-z][\w-]*-[\w-]+")


def alle_paginas(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_landmarks_and_buttons_are_named_in_dutch(built_site):
    engels = set()
    for pagina in alle_paginas(built_site):
        document = soup(pagina)
        for element in document.select("[aria-label], [title], [placeholder], [alt]"):
            for attribuut in ("aria-label", "title", "placeholder", "alt"):
                waarde = element.get(attribuut)
                if waarde and ENGELS.match(waarde.strip()):
                    engels.add((pagina.relative_to(built_site).as_posix(), attribuut, waarde))
    assert not engels, sorted(engels)[:10]
    start = soup(built_site / "index.html")
    assert start.select_one("header.md-header nav")["aria-label"] == "Paginakop"
    assert start.select_one("nav.md-tabs")["aria-label"] == "Hoofdonderdelen"


def test_footnote_back_links_say_where_they_go_in_dutch(built_site):
    document = soup(html_path(built_site, "midden-brabant/samenwerkingsafspraken.md"))
    terug = document.select("a.footnote-backref")
    assert terug and all(re.fullmatch(r"Terug naar voetnoot \d+ in de tekst", a["title"]) for a in terug)


@pytest.mark.parametrize("markdown_path", LEZERSPAGINAS)
def test_no_code_names_or_anchors_in_reader_text(built_site, markdown_path):
    artikel = soup(html_path(built_site, markdown_path)).select_one("article")
    for verborgen in artikel.select("a.headerlink, pre, script, style, svg"):
        verborgen.decompose()
    assert not artikel.select("code"), f"{markdown_path}: {[c.get_text() for c in artikel.select('code')][:3]}"
    tekst = normalise(artikel.get_text(" "))
    assert not ANKER.findall(tekst), f"{markdown_path}: {ANKER.findall(tekst)[:5]}"


@pytest.fixture(scope="module")
def afdrukversie(built_site):
    return soup(built_site / "afdrukversie" / "index.html")


def test_every_internal_link_of_the_print_edition_leads_somewhere(built_site, afdrukversie):
    ids = {e["id"] for e in afdrukversie.select("[id]")}
    basis = "http://site/afdrukversie/"
    nergens, andere_paginas = [], 0
    for a in afdrukversie.select("#print-site-page a[href]"):
        adres = urlsplit(urljoin(basis, a["href"]))
        if adres.scheme != "http" or adres.netloc != "site":
            continue
        if adres.path == "/afdrukversie/":
            if adres.fragment and unquote(adres.fragment) not in ids:
                nergens.append(a["href"])
            continue
        andere_paginas += 1
        doel = built_site / adres.path.lstrip("/")
        doel = doel / "index.html" if adres.path.endswith("/") else doel
        if not doel.is_file():
            nergens.append(a["href"])
        elif adres.fragment and not soup(doel).select_one(f'[id="{unquote(adres.fragment)}"]'):
            nergens.append(a["href"])
    assert nergens == [], f"{len(nergens)} links leiden nergens heen, bv. {nergens[:8]}"
    # The calculators are not printed: their links lead to the calculator page on the site.
    assert andere_paginas and afdrukversie.select_one('#print-site-page a[href^="../rekenhulpen/?regio="]')


def test_the_print_edition_has_unique_well_formed_ids_and_dutch_permalinks(afdrukversie):
    inhoud = afdrukversie.select_one("#print-site-page")
    ids = [e["id"] for e in inhoud.select("[id]")]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})[:5]
    # Every heading kept its id attribute (the plugin once wrote '<h2 ibegrippenlijst-d=…>').
    assert all(h.get("id") for h in inhoud.select("h2, h3")), [h for h in inhoud.select("h2, h3") if not h.get("id")][:3]
    for attribuut in ("aria-labelledby", "aria-describedby", "aria-controls"):
        for element in inhoud.select(f"[{attribuut}]"):
            assert set(element[attribuut].split()) <= set(ids), (attribuut, element[attribuut])
    titels = {a.get("title") for a in inhoud.select("a.headerlink")}
    assert titels == {"Link naar dit onderdeel"}, titels


@pytest.mark.parametrize("markdown_path", markdown_pages())
def test_no_placeholder_is_left_in_any_page(markdown_path):
    # A __NAME__ written into a page for a figure still to be measured would show as a bold NAME.
    tekst = (DOCS / markdown_path).read_text(encoding="utf-8")
    assert not re.findall(r"__[A-Z][A-Z0-9_]*__", re.sub(r"`[^`\n]*`", "", tekst))
