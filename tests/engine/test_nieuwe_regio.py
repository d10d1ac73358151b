"""A new region without guesswork (``python -m calculators nieuwe-regio``): its rule file and page skeleton, made and
checked; the rule file is the one place a region is registered, so the engine computes for it at once."""

from __future__ import annotations

import json
import shutil

import pytest

from calculators.uitvoer import nieuwe_regio

from .conftest import REPO, RULES, run_cli

pytestmark = pytest.mark.subprocess

ARGS = ("--code", "noord-holland", "--naam", "Noord-Holland", "--geldig-vanaf", "2026-01-01")


@pytest.fixture
def mappen(tmp_path):
    regels, docs = tmp_path / "regels", tmp_path / "docs"
    shutil.copytree(RULES, regels)
    shutil.copytree(REPO / "docs", docs)
    return regels, docs


def test_de_opdracht_maakt_het_regelbestand_en_de_pagina_en_controleer_keurt_ze_goed(mappen):
    regels, docs = mappen
    r = run_cli("nieuwe-regio", *ARGS, "--map", str(regels), "--docs", str(docs))
    assert r.returncode == 0, r.stderr
    assert (regels / "noord-holland.toml").is_file() and (
        docs / "noord-holland" / "samenwerkingsafspraken.md"
    ).is_file()
    assert "Volgende stappen" in r.stdout and "python -m calculators controleer" in r.stdout
    c = run_cli("controleer", "--map", str(regels), "--docs", str(docs))
    assert c.returncode == 0, c.stderr
    assert "noord-holland.toml" in c.stdout and "alle citaten en ankers gevonden" in c.stdout


def test_de_nieuwe_regio_rekent_meteen_met_het_landelijk_kader(mappen):
    regels, docs = mappen
    assert run_cli("nieuwe-regio", *ARGS, "--map", str(regels), "--docs", str(docs)).returncode == 0
    r = run_cli(
        "tijdlijn",
        "--regio",
        "noord-holland",
        "--route",
        "direct",
        "--melding",
        "2026-02-02",
        "--json",
        env_extra={"AFSPRAKENWIJZER_REGELS": str(regels)},
    )
    assert r.returncode == 0, r.stderr
    t = json.loads(r.stdout)
    triage = next(m for m in t["momenten"] if m["code"] == "veiligheidsbeoordeling-uiterlijk")
    # ma 2 februari 2026 + 5 werkdagen = ma 9 februari, by the national rule (the region has none of its own yet).
    assert triage["datum"] == "2026-02-09" and triage["landelijk_terugval"] is True


def test_de_echte_tekst_zonder_nieuwe_citaten_wordt_door_controleer_gemeld(mappen):
    """The skeleton's quotes point at its placeholder sentence: once the real text replaces it, the check says which
    quotes to replace."""
    regels, docs = mappen
    assert run_cli("nieuwe-regio", *ARGS, "--map", str(regels), "--docs", str(docs)).returncode == 0
    pagina = docs / "noord-holland" / "samenwerkingsafspraken.md"
    pagina.write_text(
        pagina.read_text(encoding="utf-8").replace(nieuwe_regio.PLAATSHOUDER, "De echte tekst."), encoding="utf-8"
    )
    c = run_cli("controleer", "--map", str(regels), "--docs", str(docs))
    assert c.returncode == 2 and "noord-holland.toml: versie 'afspraken-2026': het citaat" in c.stderr


@pytest.mark.parametrize(
    "args, melding",
    [
        (("--code", "Noord Holland", "--naam", "Noord-Holland", "--geldig-vanaf", "2026-01-01"), "kleine letters"),
        (("--code", "midden-brabant", "--naam", "Midden-Brabant", "--geldig-vanaf", "2026-01-01"), "bestaat al"),
        (("--code", "noord-holland", "--naam", " ", "--geldig-vanaf", "2026-01-01"), "naam van de regio"),
        (("--code", "noord-holland", "--naam", "Noord-Holland", "--geldig-vanaf", "1-1-2026"), "JJJJ-MM-DD"),
    ],
)
def test_een_fout_in_de_opdracht_schrijft_niets_en_zegt_waarom(mappen, args, melding):
    regels, docs = mappen
    voor = sorted(p.name for p in regels.iterdir())
    r = run_cli("nieuwe-regio", *args, "--map", str(regels), "--docs", str(docs))
    assert r.returncode == 2 and melding in r.stderr and "Traceback" not in r.stderr
    assert sorted(p.name for p in regels.iterdir()) == voor


def test_een_bestaande_pagina_wordt_niet_overschreven(mappen):
    regels, docs = mappen
    (docs / "noord-holland").mkdir()
    (docs / "noord-holland" / "samenwerkingsafspraken.md").write_text("# Al begonnen\n", encoding="utf-8")
    r = run_cli("nieuwe-regio", *ARGS, "--map", str(regels), "--docs", str(docs))
    assert r.returncode == 2 and "bestaat al" in r.stderr
    assert not (regels / "noord-holland.toml").exists()
    assert (docs / "noord-holland" / "samenwerkingsafspraken.md").read_text(encoding="utf-8") == "# Al begonnen\n"
