"""The built site as readers meet it: pages say where you are, ways on from every dead end, and
reader pages free of file paths, code names and unreadable source labels (issue 13)."""

from __future__ import annotations

import re

import pytest

from calculators.basis.begrippen import MOMENTEN, OPTIE_NAMEN
from tests.site.helpers import article_text, html_path, markdown_pages, normalise, soup

# Each document page: what its title, header and menu entry must say (region or document first).
TITELS = {
    "midden-brabant/samenwerkingsafspraken.md": "Midden-Brabant — samenwerkingsafspraken",
    "midden-brabant/terugkoppelbericht.md": "Midden-Brabant — terugkoppelbericht",
    "west-brabant/samenwerkingsafspraken.md": "West-Brabant — collegevoorstel samenwerkingsafspraken",
    "zuid-limburg/samenwerkingsafspraken.md": "Zuid-Limburg — samenwerkingsafspraken",
    "landelijk/kwaliteitskader-zicht-op-veiligheid.md": "Landelijk kader — kwaliteitskader Zicht op veiligheid",
    "achtergrond/aef-samen-werken-aan-een-veilig-thuis.md": "AEF-rapport — Samen werken aan een veilig thuis (2020)",
}
# Pages for developers and maintainers may name files and codes; every other page is for readers.
VOOR_BEHEERDERS = ("beheer/", "tools/", "over/")
LEZERSPAGINAS = [p for p in markdown_pages() if not p.startswith(VOOR_BEHEERDERS)]


def nav_label(document, markdown_path: str) -> str:
    actief = document.select("nav.md-nav--primary a.md-nav__link--active")
    assert actief, f"{markdown_path}: geen actieve menukeuze"
    return actief[-1].get_text(" ", strip=True)


@pytest.mark.parametrize("markdown_path", TITELS)
def test_titel_kop_en_menu_noemen_regio_of_document(built_site, markdown_path):
    document = soup(html_path(built_site, markdown_path))
    verwacht = TITELS[markdown_path]
    assert document.title.get_text().startswith(f"{verwacht} - "), document.title.get_text()
    kop = document.select_one('.md-header__topic[data-md-component="header-topic"]').get_text(" ", strip=True)
    assert kop == verwacht
    assert nav_label(document, markdown_path) == verwacht


def test_geen_twee_paginas_met_dezelfde_titel(built_site):
    titels = [soup(html_path(built_site, p)).title.get_text() for p in markdown_pages()]
    assert len(titels) == len(set(titels)), sorted(t for t in titels if titels.count(t) > 1)


def test_west_brabant_heet_wat_het_is(built_site):
    document = soup(html_path(built_site, "west-brabant/samenwerkingsafspraken.md"))
    assert "collegevoorstel" in document.title.get_text().lower()
    assert "collegevoorstel" in nav_label(document, "west-brabant").lower()


def test_de_404_pagina_is_nederlands_en_wijst_de_weg(built_site):
    document = soup(built_site / "404.html")
    assert document.html["lang"] == "nl"
    assert "Not found" not in document.get_text()
    assert document.title.get_text().startswith("Pagina niet gevonden")
    artikel = document.select_one("article")
    assert artikel.h1.get_text(strip=True).startswith("Deze pagina bestaat niet")
    formulier = artikel.select_one('form[role="search"]')
    veld = formulier.select_one('input[name="q"]')
    assert formulier["action"] == "/./." and formulier["method"] == "get"
    assert artikel.select_one(f'label[for="{veld["id"]}"]') is not None
    hrefs = {a["href"] for a in artikel.select("a[href]")}
    # Absolute from the site root: the server shows this page at any missing address. "/./" is the same
    # address to a browser, and the marker a server replaces by a sub-path (hooks/foutpagina.py).
    assert {"/./.", "/./rekenhulpen/#tijdlijn", "/./rekenhulpen/"} <= hrefs, hrefs
    assert {"/./midden-brabant/samenwerkingsafspraken/", "/./landelijk/kwaliteitskader-zicht-op-veiligheid/"} <= hrefs
    # Every address on the site carries the marker: stylesheets, scripts and Material's configuration too.
    html = (built_site / "404.html").read_text(encoding="utf-8")
    assert not re.search(r'(?:href|src|content|action)="/(?!\./)', html)
    assert '"base": "/./"' in html and document.select('link[rel="stylesheet"][href^="/./assets/stylesheets/main."]')


@pytest.mark.parametrize("markdown_path", LEZERSPAGINAS)
def test_geen_bestandspaden_of_codenamen_op_lezerspaginas(built_site, markdown_path):
    tekst = article_text(html_path(built_site, markdown_path))
    assert "calculators/" not in tekst and ".toml" not in tekst, markdown_path
    codes = [c for c in [*MOMENTEN, *OPTIE_NAMEN] if "-" in c or "_" in c]
    gevonden = [c for c in codes if re.search(rf"(?<![\w/#-]){re.escape(c)}(?![\w-])", tekst)]
    assert gevonden == [], f"{markdown_path}: {gevonden}"


@pytest.mark.parametrize("markdown_path", markdown_pages())
def test_bronlabels_in_leesvorm(built_site, markdown_path):
    document = soup(html_path(built_site, markdown_path))
    tekst = normalise(document.select_one("article").get_text(" "))
    titels = " ".join(a.get("title", "") for a in document.select("article a[title]"))
    for waar in (tekst, titels):
        assert not re.search(r"§ \d+(?:\.\d+)* [a-z]\b(?!\.)", waar), re.search(r"§ \d+(?:\.\d+)* [a-z]\b.{0,20}", waar)
        assert not re.search(r"§ (Bijlage|Voorstel|Wat|Aanleiding)", waar)


def test_de_startpagina_heeft_ingangen_voor_elke_groep(built_site):
    artikel = soup(built_site / "index.html").select_one("article")
    koppen = [h.get_text(strip=True).rstrip("¶") for h in artikel.select(".aw-kaarten--groepen h3")]
    assert koppen == ["Nieuw in het werk", "Tijdens een casus", "Beleid", "ICT en beheer"]
    hrefs = {a["href"] for a in artikel.select("a[href]")}
    for doel in ("start-hier/", "oefenen/", "rekenhulpen/#tijdlijn", "vergelijking/", "beheer/regio-toevoegen/",
                 "beheer/hosting/", "afdrukversie/"):
        assert doel in hrefs, doel
    assert (built_site / "afdrukversie" / "index.html").is_file()


@pytest.mark.parametrize("markdown_path", markdown_pages())
def test_de_afdrukknop_drukt_de_pagina_af(built_site, markdown_path):
    document = soup(html_path(built_site, markdown_path))
    knoppen = document.select("article button[data-aw-afdrukken]")
    rekenhulp = document.select_one("[data-aw-rekenhulp]") is not None
    assert len(knoppen) == (0 if rekenhulp else 1), markdown_path
    for knop in knoppen:
        assert knop["type"] == "button" and "afdrukken" in knop["aria-label"].lower()
    # The whole-site edition is no longer behind every page's printer icon.
    assert not document.select('article .md-content__button[href*="afdrukversie"]')


def test_de_afdrukversie_heeft_zelf_een_afdrukknop(built_site):
    assert soup(built_site / "afdrukversie" / "index.html").select("button[data-aw-afdrukken]")


def test_bijlage_7_2_linkt_de_eigen_infographic(built_site):
    document = soup(html_path(built_site, "midden-brabant/samenwerkingsafspraken.md"))
    kop = document.select_one("#par-7-2")
    notitie = kop.find_next(class_="admonition")
    assert any(a["href"].endswith("vergelijking/infographic/#infographic-midden-brabant")
               for a in notitie.select("a[href]"))
    assert (built_site / "vergelijking" / "infographic" / "index.html").read_text(encoding="utf-8").count(
        'id="infographic-midden-brabant"') == 1


def test_regio_toevoegen_noemt_de_regelbestanden(built_site):
    from macros.gegevens import Gegevens

    tekst = article_text(html_path(built_site, "beheer/regio-toevoegen.md"))
    for r in Gegevens().regios.values():
        assert f"calculators/rules/{r.bestand}" in tekst


def test_brede_tabellen_staan_op_een_telefoon_per_rij(built_site):
    """Three or more named columns: every body cell carries its column's name for the phone layout."""
    document = soup(html_path(built_site, "zuid-limburg/samenwerkingsafspraken.md"))
    tabellen = document.select("article table[data-aw-gestapeld]")
    assert tabellen
    for tabel in tabellen:
        namen = [th.get_text(" ", strip=True) for th in tabel.select("thead th")]
        for tr in tabel.select("tbody tr"):
            assert [td.get("data-label") for td in tr.select("td")] == namen[:len(tr.select("td"))]


def test_oefenen_is_te_vinden_voor_wie_nieuw_is(built_site):
    """The practice page is for onboarding: linked from the reading route and the newcomers' card."""
    start_hier = {a["href"] for a in soup(built_site / "start-hier" / "index.html").select("article a[href]")}
    assert "../oefenen/" in start_hier, start_hier
    kaart = next(k for k in soup(built_site / "index.html").select("article .aw-kaarten--groepen .aw-kaart")
                 if k.h3 and k.h3.get_text(strip=True).rstrip("¶") == "Nieuw in het werk")
    assert "oefenen/" in {a["href"] for a in kaart.select("a[href]")}
