"""The page for policy staff: real validator messages, and a worked example that really works."""

from __future__ import annotations

import datetime as dt
import re
import shutil

from calculators import tijdlijn
from calculators.basis import bestanden
from calculators.recht import regios as regels
from macros import beheer
from tests.conftest import ROOT

from .helpers import BEHEER, pagina, zichtbare_tekst

PAGINA = ROOT / "docs" / BEHEER


def test_de_pagina_toont_de_echte_meldingen_van_de_controle(built_site):
    tekst = zichtbare_tekst(pagina(built_site, BEHEER).select_one("article"))
    for voorbeeld in ("versie-overlapt", "versie-ontbreekt", "eenheid", "bron", "criterium"):
        melding = beheer.controle(voorbeeld).split("\n")[1]
        assert melding.startswith("fout: midden-brabant.toml: ")
        assert melding in tekst, voorbeeld


def test_het_uitgewerkte_voorbeeld_klopt(tmp_path, standaard_regelmap):
    """Follow the steps of the page on a copy: the check passes and the calculator uses the new term."""
    codeblokken = re.findall(r"```toml\n(.*?)```", PAGINA.read_text(encoding="utf-8"), flags=re.S)
    afsluiten, nieuwe_versie, nieuwe_regel = codeblokken
    assert "geldig_tot = 2026-01-01" in afsluiten

    map_ = tmp_path / "rules"
    shutil.copytree(ROOT / "calculators" / "rules", map_)
    pad = map_ / "midden-brabant.toml"
    tekst = pad.read_text(encoding="utf-8")
    # Step 2: close the current version.
    tekst = tekst.replace("geldig_vanaf = 2024-07-01\n", "geldig_vanaf = 2024-07-01\ngeldig_tot = 2026-01-01\n", 1)
    blokken = re.split(r"(?m)^(?=\[\[(?:regel|feit)\]\])", tekst)
    kop, blokken = blokken[0], blokken[1:]
    # Step 3: every block to the old version, and a copy of every block for the new one.
    oud = [re.sub(r'(?m)^(code = ".*")$', r'\1\nversie = "hernieuwd-2024"', b, count=1) for b in blokken]
    nieuw = [
        re.sub(r'(?m)^(code = ".*")$', r'\1\nversie = "hernieuwd-2026"', b, count=1)
        for b in blokken
        if 'code = "overdracht-oppakken"' not in b
    ]
    pad.write_text(
        kop + nieuwe_versie + "\n" + "".join(oud) + "\n" + "".join(nieuw) + "\n" + nieuwe_regel, encoding="utf-8"
    )

    assert "midden-brabant.toml" in regels.controleer_regelmap(map_)
    bestanden.gebruik_regelmap(map_)
    voor = tijdlijn("midden-brabant", "direct", "2025-11-03", overdracht="2025-11-05").to_dict()
    na = tijdlijn("midden-brabant", "direct", "2026-01-05", overdracht="2026-01-07").to_dict()

    def oppakken(uitkomst):
        return next(m for m in uitkomst["momenten"] if m["code"] == "overdracht-oppakken-uiterlijk")

    assert oppakken(voor)["datum"] == "2025-11-12"  # 7 calendar days
    assert oppakken(na)["datum"] == "2026-01-14"  # 5 working days (Wed 7 Jan + 5)
    assert dt.date.fromisoformat(oppakken(na)["datum"]).weekday() == 2


def test_de_pagina_noemt_geen_termijn_van_de_afspraken_met_de_hand():
    """The only real term on the page comes from a macro; the rest is the (marked) invented example."""
    tekst = PAGINA.read_text(encoding="utf-8")
    assert '{{ termijn("midden-brabant", "overdracht-oppakken") }}' in tekst
    assert "verzonnen voorbeeld" in tekst
