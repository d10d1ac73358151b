"""The reading route carries the reader (issue 24): every step says what to remember (terms from
the rule data, tests/macros/test_gewijzigde_regel.py changes one), how long it takes and where to
read; every page it leads to has the way back and the way on, around the part to read."""

from __future__ import annotations

import math
import re
from urllib.parse import urljoin, urlsplit

import pytest

from macros.leesroute import ROUTE_PAGINA, STAPPEN, WOORDEN_PER_MINUUT
from tests.site.helpers import html_path, normalise, soup

DOELEN = [(nummer, stap, lezen) for nummer, stap in enumerate(STAPPEN, 1) for lezen in stap.lezen]


def _url(pagina_md: str) -> str:
    stam = pagina_md.removesuffix(".md")
    return "" if stam == "index" else stam.removesuffix("/index") + "/"


def _bestaat(built_site, van_md: str, href: str) -> bool:
    adres = urlsplit(urljoin("http://site/" + _url(van_md), href))
    doel = built_site / adres.path.lstrip("/") / "index.html"
    return doel.is_file() and (not adres.fragment or soup(doel).select_one(f'[id="{adres.fragment}"]') is not None)


@pytest.fixture(scope="module")
def route(built_site):
    return soup(html_path(built_site, ROUTE_PAGINA)).select_one("article")


def test_every_step_has_a_heading_a_time_a_place_to_read_and_a_box(built_site, route):
    stappen = route.select("section.aw-leesroute__stap")
    assert [s["data-aw-stap"] for s in stappen] == [s.sleutel for s in STAPPEN]
    for sectie, stap in zip(stappen, STAPPEN):
        assert sectie.h2["id"] == f"stap-{stap.sleutel}" and stap.titel in sectie.h2.get_text()
        assert re.fullmatch(r"Ongeveer \d+ minuten", sectie.select_one(".aw-leesroute__duur").get_text(strip=True))
        knoppen = sectie.select("a.md-button")
        assert len(knoppen) == len(stap.lezen) and all(_bestaat(built_site, ROUTE_PAGINA, a["href"]) for a in knoppen)
        assert sectie.select_one(f'input[type=checkbox][data-aw-gelezen="{stap.sleutel}"]')
    # Every place to read is a part of a page, and West-Brabant's too.
    west = next(a["href"] for a in route.select("a.md-button") if "west-brabant" in a["href"])
    assert urlsplit(west).fragment == "wat-willen-we-gaan-doen"


def test_what_to_remember_states_the_terms_of_the_rule_data(route):
    regio = normalise(route.select_one('section[data-aw-stap="regio"]').get_text(" "))
    assert "uiterlijk 7 dagen na de overdracht" in regio          # Midden-Brabant § 4.1
    assert "2 werkdagen na de overdracht" in regio                # West-Brabant, wijziging a
    assert "3 maanden na de overdracht (landelijk kader)" in regio  # West-Brabant is silent on monitoring
    kader = normalise(route.select_one('section[data-aw-stap="kader"]').get_text(" "))
    assert "uiterlijk 5 werkdagen na de melding" in kader


@pytest.mark.parametrize("nummer,stap,lezen", DOELEN, ids=[f"{s.sleutel}-{lz.pagina}" for _, s, lz in DOELEN])
def test_the_page_a_step_leads_to_has_the_way_back_and_on(built_site, route, nummer, stap, lezen):
    artikel = soup(html_path(built_site, lezen.pagina)).select_one("article")
    begin = artikel.select(f'nav.aw-routestap--begin[data-aw-stap="{stap.sleutel}"]')
    eind = artikel.select(f'nav.aw-routestap--eind[data-aw-stap="{stap.sleutel}"]')
    assert len(begin) == 1 and len(eind) == 1
    assert f"stap {nummer} van {len(STAPPEN)}" in begin[0].get_text()
    # The bar says the time the route says for this place.
    sectie = route.select_one(f'section[data-aw-stap="{stap.sleutel}"]')
    knop = next(a for a in sectie.select("a.md-button") if urlsplit(a["href"]).fragment == (lezen.anker or ""))
    op_route = (knop.parent if stap.keuze else sectie).select_one(".aw-leesroute__duur").get_text()
    minuten = re.search(r"(\d+) minuten", begin[0].get_text()).group(1)
    assert re.search(rf"\b{minuten} minuten", op_route), (begin[0].get_text(), op_route)
    if lezen.anker:  # the bar follows the heading the step starts at
        assert begin[0].find_previous(re.compile(r"^h[1-6]$"))["id"] == lezen.anker
    terug = [a for a in (*begin[0].select("a"), *eind[0].select("a")) if a.get_text(strip=True) == "Terug naar de route"]
    assert len(terug) == 2 and all(urlsplit(a["href"]).fragment == f"stap-{stap.sleutel}" for a in terug)
    verder = eind[0].select_one("a[data-aw-volgende]")
    if nummer < len(STAPPEN):
        assert verder is not None and STAPPEN[nummer].titel in verder.get_text()
    for a in eind[0].select("a[href]"):
        assert _bestaat(built_site, lezen.pagina, a["href"]), a["href"]
    assert eind[0].select_one(f'input[type=checkbox][data-aw-gelezen="{stap.sleutel}"]')


@pytest.mark.parametrize("nummer,stap,lezen", [d for d in DOELEN if d[2].anker],
                         ids=[f"{s.sleutel}-{lz.pagina}" for _, s, lz in DOELEN if lz.anker])
def test_the_time_is_counted_from_the_part_to_read(built_site, route, nummer, stap, lezen):
    """Between the two bars of a step stands the part to read; its words give the stated time."""
    artikel = soup(html_path(built_site, lezen.pagina)).select_one("article")
    begin = artikel.select_one(f'nav.aw-routestap--begin[data-aw-stap="{stap.sleutel}"]')
    woorden = 0
    for tekst in begin.find_all_next(string=True):
        if tekst.find_parent("nav", class_="aw-routestap--eind"):
            break
        if not tekst.find_parent(["script", "style", "nav", "svg", "pre"]) and not tekst.find_parent(class_="headerlink"):
            woorden += len(re.findall(r"\w+", tekst))
    verwacht = math.ceil(woorden / WOORDEN_PER_MINUUT)
    gezegd = int(re.search(r"Ongeveer (\d+) minuten", begin.get_text()).group(1))
    assert abs(gezegd - verwacht) <= max(1, verwacht // 5), (woorden, gezegd)
    if len(stap.lezen) > 1:  # the route names the time of each region's part
        knop = next(a for a in route.select(f'section[data-aw-stap="{stap.sleutel}"] a.md-button')
                    if urlsplit(a["href"]).fragment == lezen.anker)
        assert f"ongeveer {gezegd} minuten" in knop.parent.get_text()


def test_the_bars_are_not_searched(built_site):
    import json

    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    alles = " ".join(d["text"] for d in index["docs"])
    assert "Leesroute, stap" not in alles and "Einde van stap" not in alles
