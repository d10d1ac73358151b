"""The infographic per region: well-formed, accessible SVG styled by CSS, with the same content as text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from calculators.basis.begrippen import DIENST_ROUTES, MOMENTEN
from calculators.recht.regios import regio_codes
from macros.gegevens import Gegevens
from macros.infographic import model
from tests.conftest import ROOT

from .helpers import INFOGRAPHIC, controleer_links, pagina, svg_bron, zichtbare_tekst

REGIOS = regio_codes()

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def gegevens():
    return Gegevens()


@pytest.fixture(scope="module")
def html(built_site):
    return pagina(built_site, INFOGRAPHIC)


def figuur(html, regio):
    node = html.select_one(f"#infographic-{regio}")
    assert node is not None, f"geen infographic voor {regio}"
    return node


@pytest.mark.parametrize("regio", REGIOS)
def test_svg_is_welgevormd_en_toegankelijk(built_site, regio):
    boom = ET.fromstring(svg_bron(built_site, regio))  # well-formed XML, not just HTML a browser forgives
    assert boom.tag == f"{SVG}svg" and boom.get("role") == "img"
    titel, desc = boom.find(f"{SVG}title"), boom.find(f"{SVG}desc")
    assert titel is not None and titel.text and "samenwerken aan veiligheid en herstel" in titel.text.lower()
    assert desc is not None and len(desc.text) > 200
    assert boom.get("aria-labelledby") == f"{titel.get('id')} {desc.get('id')}"
    assert boom.get("viewBox")


@pytest.mark.parametrize("regio", REGIOS)
def test_kleuren_komen_uit_css_niet_uit_de_svg(built_site, regio):
    """Light and dark mode: the SVG names classes, the stylesheet maps them to Material's variables."""
    boom = ET.fromstring(svg_bron(built_site, regio))
    for element in boom.iter():
        for attribuut in ("fill", "stroke", "style", "color"):
            assert attribuut not in element.attrib, f"{element.tag} heeft {attribuut}="


def test_ids_zijn_uniek_op_de_pagina(html):
    ids = [e["id"] for e in html.select("[id]")]
    dubbel = {i for i in ids if ids.count(i) > 1}
    assert not dubbel, dubbel


@pytest.mark.parametrize("regio", REGIOS)
def test_tekstversie_staat_ernaast_met_dezelfde_inhoud(html, regio):
    fig = figuur(html, regio)
    tekst = fig.find_next_sibling(class_="aw-infographic__tekst")
    assert tekst is not None and tekst.select("table"), f"{regio}: geen tekstversie direct na de infographic"
    svg = fig.select_one("svg")
    inhoud = zichtbare_tekst(tekst)
    for klasse in ("aw-ig__titel", "aw-ig__piltekst"):
        for node in svg.select(f"text.{klasse}"):
            woord = node.get_text().rstrip("-")
            assert woord in inhoud or woord in inhoud.replace("-", ""), (
                f"{regio}: '{woord}' staat niet in de tekstversie"
            )
    for fase in ("Directe veiligheid", "Risicogestuurde zorg", "Herstelgerichte zorg"):
        assert fase in zichtbare_tekst(svg) and fase in inhoud


def test_de_route_met_duur_uit_de_regels(html, gegevens):
    svg = zichtbare_tekst(figuur(html, "midden-brabant").select_one("svg"))
    for stap in (
        "Melding",
        "Veiligheids",
        "Dienst",
        "Warme overdracht",
        "Monitoring",
        "Directe overdracht",
        "Verantwoordelijk",
        "Gefaseerde",
    ):
        assert stap in svg, stap
    # Midden-Brabant: triage 5 werkdagen, 7 days to pick up, monitoring after 3 and 12 months, 18 on average.
    regels = {r["code"]: r for r in gegevens.regios["midden-brabant"].regels}
    for code in ("veiligheidsbeoordeling-en-overdracht", "overdracht-oppakken", "monitoring-gemiddeld-18-maanden"):
        assert f"{regels[code]['aantal']} {regels[code]['eenheid']}" in svg, code


def test_landelijke_terugval_is_gemarkeerd(html):
    wb = figuur(html, "west-brabant").select_one("svg")
    assert wb.select("rect.aw-ig__pil--landelijk"), "West-Brabant: de landelijke regels horen gemarkeerd te zijn"
    zl = figuur(html, "zuid-limburg").select_one("svg")
    gemarkeerd = list(zl.select("rect.aw-ig__pil--landelijk"))
    # The legend, the dienst (10 weken) and the start of an onderzoek (5 dagen), both national; the rest is
    # Zuid-Limburg's own.
    assert len(gemarkeerd) == 3


def test_elke_link_in_de_tekstversies_werkt(built_site, html):
    for tekst in html.select(".aw-infographic__tekst"):
        assert controleer_links(built_site, INFOGRAPHIC, tekst) == []


def test_beide_dienstroutes_hebben_dezelfde_regels(gegevens):
    """The infographic draws one dienst route; that is only right while both share their rules."""
    from macros.infographic import PER_DIENSTROUTE

    a, b = DIENST_ROUTES
    for regio in REGIOS:
        for moment in MOMENTEN:
            if moment in PER_DIENSTROUTE:  # drawn per route, with its name, on the Dienst card
                continue
            sa = {t.sleutel for t in gegevens.geldend(regio, moment, a)}
            sb = {t.sleutel for t in gegevens.geldend(regio, moment, b)}
            assert sa == sb, f"{regio}/{moment}: de dienstroutes verschillen; teken ze apart"


def test_model_en_svg_volgen_de_data(gegevens):
    """Cards appear only when the rule data has something to show."""
    zl = {k.sleutel for k in model(gegevens, "zuid-limburg").kaarten}
    mb = {k.sleutel for k in model(gegevens, "midden-brabant").kaarten}
    wb = {k.sleutel for k in model(gegevens, "west-brabant").kaarten}
    assert "samen" in mb and "samen" in wb and "samen" not in zl  # VBS / samen optrekken
    assert "informeren" in zl and "informeren" in mb and "informeren" not in wb


def test_afdrukken_op_a4_liggend():
    css = (ROOT / "overrides" / "assets" / "stylesheets" / "infographic.css").read_text(encoding="utf-8")
    assert re.search(r"@page aw-liggend\s*\{\s*size:\s*A4 landscape", css)
    assert "page: aw-liggend" in css
