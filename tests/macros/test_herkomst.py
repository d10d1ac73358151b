"""No number in a generated block that does not come from the rule data.

Every digit sequence in the visible text of the generated blocks (the deadline blocks, the
comparison, the infographic with its text version) must occur in the rule data: an amount, a
date, a paragraph number, or the text of a quote, reading or fact. Attribute values (SVG
coordinates, ids, link targets) are layout, not content, and are not counted. On top of that,
every amount shown as a term must be the amount of a rule of that region or of the national
framework, in the same unit.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from calculators.basis.begrippen import EENHEID_ENKELVOUD
from calculators.recht.regios import regio_codes
from macros.gegevens import LANDELIJK, Gegevens

from .helpers import AFSPRAKEN, CIJFERS, INFOGRAPHIC, gegenereerde_blokken, pagina, termijnenblok, zichtbare_tekst

REGIOS = regio_codes()


def _waarden(x):
    if isinstance(x, dict):
        for v in x.values():
            yield from _waarden(v)
    elif isinstance(x, (list, tuple)):
        for v in x:
            yield from _waarden(v)
    elif x is not None:
        yield x


def toegestane_getallen(gegevens: Gegevens) -> set[str]:
    bronnen = [gegevens.aef]
    for r in gegevens.regios.values():
        bronnen += [r.versies, r.regels, r.feiten, str(r.peildatum)]
    uit = set()
    for waarde in _waarden(bronnen):
        if isinstance(waarde, bool):
            continue
        if isinstance(waarde, (int, dt.date)):
            waarde = str(waarde)
        for cijfers in CIJFERS.findall(str(waarde)):
            uit |= {cijfers, str(int(cijfers))}
    return uit


@pytest.fixture(scope="module")
def gegevens():
    return Gegevens()


def test_elk_getal_in_een_gegenereerd_blok_komt_uit_de_regeldata(built_site, gegevens):
    toegestaan = toegestane_getallen(gegevens)
    vreemd = []
    blokken = gegenereerde_blokken(built_site)
    assert all(blokken.values()), {k: len(v) for k, v in blokken.items()}
    for naam, nodes in blokken.items():
        for node in nodes:
            for getal in CIJFERS.findall(zichtbare_tekst(node)):
                if getal not in toegestaan:
                    vreemd.append(f"{naam}: {getal}")
    assert not vreemd, vreemd


def _bedragen(gegevens: Gegevens, regio: str) -> set[str]:
    uit = set()
    for code in {regio, LANDELIJK}:
        for r in gegevens.regios[code].regels:
            if r["soort"] == "termijn" and r["aantal"]:
                eenheid = EENHEID_ENKELVOUD[r["eenheid"]] if r["aantal"] == 1 else r["eenheid"]
                uit.add(f"{r['aantal']} {eenheid}")
    return uit


@pytest.mark.parametrize("regio", AFSPRAKEN)
def test_elke_termijn_in_het_blok_is_een_termijn_uit_de_regels(built_site, gegevens, regio):
    bedragen = _bedragen(gegevens, regio)
    for sterk in termijnenblok(built_site, regio).select("strong"):
        tekst = sterk.get_text(" ", strip=True)
        if CIJFERS.search(tekst):
            assert tekst in bedragen, f"{regio}: '{tekst}' is geen termijn uit de regels"


@pytest.mark.parametrize("regio", REGIOS)
def test_elke_duur_in_de_infographic_is_een_termijn_uit_de_regels(built_site, gegevens, regio):
    bedragen = _bedragen(gegevens, regio)
    svg = pagina(built_site, INFOGRAPHIC).select_one(f"#infographic-{regio} svg")
    for pil in svg.select("text.aw-ig__piltekst"):
        tekst = pil.get_text()
        if not CIJFERS.search(tekst):
            # 'geen termijn': the text speaks about the moment but sets no term (an 'aanname' rule, 000 § 4.3).
            assert tekst in ("direct", "de dag na", "geen termijn"), tekst
            continue
        samen = re.fullmatch(r"(\d+) en (\d+) (\w+)", tekst)  # 'na 3 en 12 maanden'
        delen = [f"{samen[1]} {samen[3]}", f"{samen[2]} {samen[3]}"] if samen else [tekst]
        for deel in delen:
            assert deel in bedragen, f"{regio}: '{deel}' is geen termijn uit de regels"
