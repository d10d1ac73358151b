"""Het overzicht voor de site, de herleidbaarheid van elk citaat tot de brontekst, en de ankers."""

from __future__ import annotations

import ast
import json
import re
import unicodedata

import pytest

from calculators.recht import controle
from calculators.recht import regios as regels
from calculators.uitvoer.overzicht import maak_overzicht

from .conftest import PAKKET, REPO, SEEDS, run_cli

SEED_BESTANDEN = {
    "midden-brabant": "000_6edbb609f1e7c152.txt",
    "west-brabant": "001_b2b274eaed505013.txt",
    "zuid-limburg": "002_2eec32b64895e5ef.txt",
    "aef": "003_7c227fe523a549ef.txt",
    "landelijk": "004_74aa2939aed14ac6.txt",
}


def normaliseer(tekst: str) -> str:
    """Vergelijk zonder accenten, aanhalingstekens en witruimteverschillen (de OCR-tekst van 002 mist
    trema's en accenten die de site wél heeft, zoals cliëntsysteem en geïnformeerd)."""
    tekst = unicodedata.normalize("NFKD", tekst)
    tekst = "".join(c for c in tekst if not unicodedata.combining(c))
    tekst = re.sub(r"[‘’“”\"'`]", "'", tekst)
    # The PDF texts break words at line ends ("samenwerkings - ⏎ afspraken", "Zaanstreek- ⏎ Waterland"):
    # hyphens and the spaces around them do not count.
    tekst = re.sub(r"\s*-\s*", "", tekst)
    return " ".join(tekst.split()).lower()


alle_bronnen = controle.alle_bronnen


def test_elk_citaat_staat_letterlijk_in_de_brontekst():
    if not SEEDS.exists():
        pytest.skip("brontekst (../shared/seeds) niet aanwezig")
    teksten = {doc: normaliseer((SEEDS / naam).read_text(encoding="utf-8")) for doc, naam in SEED_BESTANDEN.items()}
    ontbrekend = []
    for waar, bron in alle_bronnen():
        for stuk in bron.citaat.split(" … "):
            if normaliseer(stuk) not in teksten[bron.document]:
                ontbrekend.append(f"{waar}: {stuk!r}")
    assert not ontbrekend, "\n".join(ontbrekend)


def test_elk_citaat_en_anker_staat_op_de_bronpagina_van_de_site():
    # The same check policy staff run with `python -m calculators controleer` (calculators/controle.py).
    docs = REPO / "docs"
    if not docs.is_dir():
        pytest.skip("docs/ niet aanwezig (bijvoorbeeld in Pyodide)")
    assert controle.controleer_bronnen(docs) == []


@pytest.mark.subprocess
def test_controleer_vindt_een_verkeerd_citaat_en_een_verkeerd_anker(tmp_path):
    import shutil

    from .conftest import RULES

    kopie = tmp_path / "rules"
    shutil.copytree(RULES, kopie)
    pad = kopie / "midden-brabant.toml"
    tekst = pad.read_text(encoding="utf-8")
    tekst = tekst.replace(
        "heeft het lokale (wijk)team 7 dagen om de casus", "heeft het lokale (wijk)team 5 dagen om de casus", 1
    )
    tekst = tekst.replace('anker = "par-6-2"', 'anker = "par-6-3"', 1)
    pad.write_text(tekst, encoding="utf-8")
    r = run_cli("controleer", "--map", str(kopie), "--docs", str(REPO / "docs"))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "'overdracht-oppakken'" in r.stderr and "5 dagen om de casus" in r.stderr and "staat niet" in r.stderr
    assert "#par-6-3 bestaat niet" in r.stderr
    goed = run_cli("controleer", "--docs", str(REPO / "docs"))
    assert goed.returncode == 0 and "alle citaten en ankers gevonden" in goed.stdout


def test_overzicht_bevat_elke_regel_en_is_json():
    overzicht = maak_overzicht()
    json.dumps(overzicht)
    for code, regio in regels.alle_regios().items():
        assert {r["code"] for r in overzicht["regios"][code]["regels"]} == {r.code for r in regio.regels}
    mb = overzicht["regios"]["midden-brabant"]
    oppakken = next(r for r in mb["regels"] if r["code"] == "overdracht-oppakken")
    assert (oppakken["aantal"], oppakken["eenheid"], oppakken["termijn_tekst"]) == (
        7,
        "dagen",
        "7 dagen na de overdracht",
    )
    assert oppakken["bron"]["url"] == "midden-brabant/samenwerkingsafspraken/#par-4-1"


def test_overzicht_vergelijking_met_terugval_en_monitoring():
    r = maak_overzicht()["regios"]
    # West-Brabant zegt niets over monitoring: landelijk, en zo gemarkeerd.
    wb = r["west-brabant"]["routes"]["onderzoek"]
    assert wb["monitoring"]["ja"] and wb["monitoring"]["landelijk_terugval"]
    assert wb["momenten"]["monitoring-3-maanden"]["regels"][0]["regio"] == "landelijk"
    assert wb["momenten"]["monitoring-3-maanden"]["regels"][0]["bron"]["document"] == "aef"
    # Midden-Brabant en Zuid-Limburg: geen monitoring na directe overdracht, met eigen bron.
    for regio, paragraaf in (("midden-brabant", "4.1"), ("zuid-limburg", "5.1.5")):
        direct = r[regio]["routes"]["direct"]["monitoring"]
        assert direct["ja"] is False and direct["bron"]["paragraaf"] == paragraaf
    # Midden-Brabant: uitzondering bij Jeugdbeschermingstafel staat bij de monitoring.
    uitz = r["midden-brabant"]["routes"]["onderzoek"]["monitoring"]["uitzonderingen"]
    assert [(u["als"], u["opties"]) for u in uitz] == [
        ({"jeugdbeschermingstafel": True}, {"jeugdbeschermingstafel": True})
    ]
    # Feiten voor de vergelijking, met bron.
    criteria = next(f for f in r["midden-brabant"]["feiten"] if f["code"] == "terugkoppeling-criteria")
    assert len(criteria["waarde"]) == 4


def test_de_rekenmodule_bevat_geen_termijnen():
    """Geen getallen in de berekening: elke termijn staat in de regeldata (één bron van waarheid)."""
    for module in ("rekenen/tijdlijn.py", "recht/op_datum.py", "uitvoer/overzicht.py", "uitvoer/verzoek.py"):
        boom = ast.parse((PAKKET / module).read_text(encoding="utf-8"))
        getallen = {
            n.value
            for n in ast.walk(boom)
            if isinstance(n, ast.Constant) and isinstance(n.value, int) and not isinstance(n.value, bool)
        }
        assert getallen <= {0, 1}, f"{module}: {sorted(getallen)}"


def test_elke_momentcode_staat_in_de_documentatie():
    from calculators.basis.begrippen import MOMENTEN

    pad = REPO / "docs" / "tools" / "cli.md"
    if not pad.exists():
        pytest.skip("docs/tools/cli.md niet aanwezig")
    tekst = pad.read_text(encoding="utf-8")
    ontbrekend = [c for c in MOMENTEN if f"`{c}`" not in tekst]
    assert not ontbrekend, ontbrekend
