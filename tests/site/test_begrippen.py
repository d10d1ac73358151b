"""The glossary where the words are (issue 24): on every agreement page the first occurrence of a
glossary term in a section links to its entry, never in a heading, a link, a quotation or code;
every abbreviation on every page can take the focus (its meaning then shows); the jargon readers
met is explained or replaced."""

from __future__ import annotations

import importlib.util
import re
import sys
from urllib.parse import urlsplit

import pytest

from tests.site.helpers import DOCS, ROOT, html_path, normalise, soup

AFSPRAKEN = ["midden-brabant/samenwerkingsafspraken.md", "west-brabant/samenwerkingsafspraken.md",
             "zuid-limburg/samenwerkingsafspraken.md", "landelijk/kwaliteitskader-zicht-op-veiligheid.md"]
KOPPEN = ["h1", "h2", "h3", "h4", "h5", "h6"]
NOOIT_IN = "h1, h2, h3, h4, h5, h6, blockquote, code, pre, .aw-oogopslag, .aw-bron, .footnote, nav"


def _woordenlijst():
    spec = importlib.util.spec_from_file_location("woordenlijst", ROOT / "hooks" / "woordenlijst.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def secties(artikel) -> list[list]:
    """The glossary links of the article per section (a heading starts a new one), in order."""
    uit: list[list] = [[]]
    for element in artikel.find_all(True):
        if element.name in KOPPEN:
            uit.append([])
        elif element.name == "a" and "aw-begrip" in (element.get("class") or []):
            uit[-1].append(element)
    return uit


def anker(link) -> str:
    return urlsplit(link["href"]).fragment


@pytest.fixture(scope="module")
def glossarium_ankers(built_site):
    return {e["id"] for e in soup(built_site / "begrippenlijst" / "index.html").select("article [id]")}


def test_every_form_in_the_word_list_belongs_to_a_glossary_entry(glossarium_ankers):
    begrippen, groepen = _woordenlijst().lees(DOCS)
    assert {b.anker for b in begrippen} <= glossarium_ankers
    assert len(begrippen) > 100 and all(b.vormen or b.afkortingen for b in begrippen)
    assert any("verantwoordelijkheid" in g and "verantwoordelijk" in g for g in groepen)


def test_a_form_of_an_unknown_entry_stops_the_build(tmp_path):
    (tmp_path / "includes").mkdir()
    (tmp_path / "begrippenlijst.md").write_text("Overdracht { #overdracht }\n:   Het overdragen.\n", encoding="utf-8")
    (tmp_path / "includes" / "afkortingen.md").write_text("*[VT]: Veilig Thuis\n", encoding="utf-8")
    (tmp_path / "includes" / "begrippen.toml").write_text('[begrip.overdragt]\nvormen = ["x"]\n', encoding="utf-8")
    woordenlijst = _woordenlijst()
    with pytest.raises(woordenlijst.WoordenlijstFout, match=r"\[begrip\.overdragt\] staat niet in begrippenlijst\.md"):
        woordenlijst.lees(tmp_path)


@pytest.mark.parametrize("markdown_path", AFSPRAKEN)
def test_each_term_links_once_per_section_to_an_existing_entry(built_site, glossarium_ankers, markdown_path):
    artikel = soup(html_path(built_site, markdown_path)).select_one("article")
    alle = artikel.select("a.aw-begrip")
    assert len(alle) >= 40, f"{markdown_path}: maar {len(alle)} links naar de begrippenlijst"
    for sectie in secties(artikel):
        ankers = [anker(a) for a in sectie]
        assert len(ankers) == len(set(ankers)), f"{markdown_path}: dubbel in één onderdeel: {ankers}"
    assert {anker(a) for a in alle} <= glossarium_ankers
    assert all(urlsplit(a["href"]).path.endswith("begrippenlijst/") for a in alle)


@pytest.mark.parametrize("markdown_path", AFSPRAKEN)
def test_never_in_a_heading_link_quotation_code_or_generated_block(built_site, markdown_path):
    artikel = soup(html_path(built_site, markdown_path)).select_one("article")
    nooit = {id(e) for e in artikel.select(NOOIT_IN)}
    for link in artikel.select("a.aw-begrip"):
        assert not link.find_parent("a") and not any(id(p) in nooit for p in link.parents), (markdown_path, link)
        # Not inside “…”: the text of its block before the link opens as many quotes as it closes.
        blok = link.find_parent(["p", "li", "td", "th", "dd"])
        voor = ""
        for stuk in blok.descendants:
            if stuk is link:
                break
            if isinstance(stuk, str):
                voor += stuk
        assert voor.count("“") == voor.count("”"), (markdown_path, voor[-80:], link.get_text())


def test_the_terms_named_in_the_issue_are_linked_where_they_first_appear(built_site):
    mb = soup(html_path(built_site, "midden-brabant/samenwerkingsafspraken.md"))
    par_4_1 = mb.select_one("#par-4-1").find_next("table")
    gelinkt = {anker(a): a.get_text() for a in par_4_1.select("a.aw-begrip")}
    assert {"werkdag", "melding", "overdracht", "zicht-op-veiligheid"} <= set(gelinkt), gelinkt
    # The abbreviation VHB links on the abbreviation, which keeps its meaning.
    vhb = mb.select_one('abbr[title="veiligheidsbeoordeling"] > a.aw-begrip[href$="#vhb"]')
    assert vhb is not None and vhb.get_text() == "VHB"
    zl = soup(html_path(built_site, "zuid-limburg/samenwerkingsafspraken.md"))
    assert zl.select('a.aw-begrip[href$="#lokale-veld"]')


def test_a_quoted_term_is_left_alone_and_the_next_one_linked(built_site):
    """Midden-Brabant § 1 quotes another document with HGKM in it; the HGKM after the quote is linked."""
    mb = soup(html_path(built_site, "midden-brabant/samenwerkingsafspraken.md"))
    citaat = next(p for p in mb.select("#par-1 ~ p") if p.get_text().startswith("“De rol van Veilig Thuis"))
    hgkm = [a for a in citaat.select("abbr") if a.get_text() == "HGKM"]
    assert len(hgkm) == 2 and citaat.get_text().index("”") < citaat.get_text().rindex("HGKM")
    assert hgkm[0].select_one("a") is None, "in het citaat"
    assert hgkm[1].select_one("a.aw-begrip[href$='#hgkm']") is not None, "na het citaat"


def test_every_abbreviation_on_every_page_takes_the_focus(built_site):
    niet = []
    for pagina in sorted(built_site.rglob("*.html")):
        for abbr in soup(pagina).select("article abbr[title]"):
            bereikbaar = abbr.get("tabindex") == "0" or abbr.select_one("a[href]") or abbr.find_parent(["a", "button", "summary", "label"])
            if not bereikbaar:
                niet.append((pagina.relative_to(built_site).as_posix(), abbr.get_text()))
    assert niet == [], niet[:10]


def test_the_jargon_is_explained_or_replaced(built_site):
    teksten = {p: normalise(soup(html_path(built_site, p)).select_one("article").get_text(" "))
               for p in ("index.md", "rekenhulpen/uitleg.md", "begrippenlijst.md", "vergelijking/index.md",
                         "oefenen.md")}
    for pagina, tekst in teksten.items():
        assert "gekozen lezing" not in tekst.lower() and "Antwoord voor de dag" not in tekst, pagina
    assert "Zo leest de rekenhulp dit:" in teksten["oefenen.md"]  # the practice page names its readings
    # 'lokale veld' next to 'lokaal (wijk)team': every region's own word, from the rule data, on the comparison.
    uitleg = re.search(r"Elke regio heeft een eigen woord voor het lokale team\. (.+?): bedoeld is steeds",
                       teksten["vergelijking/index.md"])
    assert uitleg and "‘het lokale veld’" in uitleg.group(1) and "‘het lokale (wijk)team’" in uitleg.group(1)
    formulier = soup(html_path(built_site, "rekenhulpen/index.md"))
    assert formulier.find("label", string=re.compile("Stand van de casus op"))
    assert "Antwoord voor de dag" not in formulier.get_text()
