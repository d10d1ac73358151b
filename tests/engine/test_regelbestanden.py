"""Controle van de regelbestanden: fouten stoppen met een melding die bestand en veld noemt.

De tests werken op een gewijzigde kopie van de echte bestanden (zoals een beleidsmedewerker
die een bestand bewerkt) en laden die expliciet, via laad_regio of een andere regelmap.
"""

from __future__ import annotations

import re
import shutil

import pytest

from calculators import AfsprakenFout, RegelbestandFout, tijdlijn
from calculators.basis import bestanden
from calculators.recht import regios as regels

from .conftest import RULES, d, run_cli

MB = (RULES / "midden-brabant.toml").read_text(encoding="utf-8")
LANDELIJK = (RULES / "landelijk.toml").read_text(encoding="utf-8")


def regelblok(tekst: str, code: str) -> tuple[int, int]:
    """Begin en eind van het [[regel]]-blok met deze code (tot het volgende [[...]]-blok)."""
    start = tekst.index(f'code = "{code}"')
    begin = tekst.rindex("[[regel]]", 0, start)
    volgende = re.search(r"^\[\[", tekst[start:], flags=re.M)
    eind = start + volgende.start() if volgende else len(tekst)
    return begin, eind


def wijzig_regel(tekst: str, code: str, oud: str, nieuw: str) -> str:
    begin, eind = regelblok(tekst, code)
    blok = tekst[begin:eind]
    assert oud in blok, f"{oud!r} staat niet in regel {code}"
    return tekst[:begin] + blok.replace(oud, nieuw, 1) + tekst[eind:]


def schrijf(tmp_path, naam: str, tekst: str):
    pad = tmp_path / naam
    pad.write_text(tekst, encoding="utf-8")
    return pad


def fout_bij_laden(tmp_path, tekst: str, naam: str = "midden-brabant.toml") -> str:
    with pytest.raises(RegelbestandFout) as e:
        regels.laad_regio(schrijf(tmp_path, naam, tekst))
    assert isinstance(e.value, AfsprakenFout)
    return str(e.value)


def test_de_meegeleverde_bestanden_zijn_in_orde():
    assert regels.controleer_regelmap() == [
        "landelijk.toml",
        "midden-brabant.toml",
        "west-brabant.toml",
        "zuid-limburg.toml",
        "atw-lid3.toml",
        "aef/criteria.toml",
    ]
    for pad in RULES.glob("*.toml"):
        if pad.name != "atw-lid3.toml":
            assert regels.laad_regio(pad).code == pad.stem


def test_onbekende_eenheid(tmp_path):
    tekst = wijzig_regel(MB, "overdracht-oppakken", 'eenheid = "dagen"', 'eenheid = "dagen2"')
    assert fout_bij_laden(tmp_path, tekst) == (
        "midden-brabant.toml: regel 'overdracht-oppakken': veld 'eenheid' heeft onbekende waarde 'dagen2'; "
        "toegestaan: dagen, maanden, weken, werkdagen"
    )


def test_ontbrekend_veld(tmp_path):
    tekst = wijzig_regel(MB, "overdracht-oppakken", "aantal = 7\n", "")
    melding = fout_bij_laden(tmp_path, tekst)
    assert melding == "midden-brabant.toml: regel 'overdracht-oppakken': veld 'aantal' ontbreekt"


def test_onbekend_vanaf_moment(tmp_path):
    tekst = wijzig_regel(MB, "overdracht-oppakken", 'vanaf = "overdracht"', 'vanaf = "overdrach"')
    melding = fout_bij_laden(tmp_path, tekst)
    assert melding.startswith("midden-brabant.toml: regel 'overdracht-oppakken': veld 'vanaf' heeft onbekende waarde")
    assert "'overdrach'" in melding and "overdracht" in melding


def test_regel_zonder_bron(tmp_path):
    begin, eind = regelblok(MB, "overdracht-oppakken")
    blok = MB[begin:eind]
    zonder_bron = blok[: blok.index("[regel.bron]")]
    tekst = MB[:begin] + zonder_bron + MB[eind:]
    assert fout_bij_laden(tmp_path, tekst) == (
        "midden-brabant.toml: regel 'overdracht-oppakken': veld 'bron' ontbreekt: elke regel moet een bron hebben"
    )


def test_bron_zonder_citaat(tmp_path):
    begin, eind = regelblok(MB, "overdracht-oppakken")
    blok = MB[begin:eind]
    blok = re.sub(r"^citaat = .*\n", "", blok, count=1, flags=re.M)
    melding = fout_bij_laden(tmp_path, MB[:begin] + blok + MB[eind:])
    assert melding == "midden-brabant.toml: regel 'overdracht-oppakken': bron: veld 'citaat' ontbreekt"


def test_onbekend_veld_vangt_tikfouten(tmp_path):
    tekst = wijzig_regel(MB, "overdracht-oppakken", 'eenheid = "dagen"', 'eenhied = "dagen"')
    melding = fout_bij_laden(tmp_path, tekst)
    assert "regel 'overdracht-oppakken': veld 'eenhied' is onbekend" in melding


def test_overlappende_versies(tmp_path):
    wb = (RULES / "west-brabant.toml").read_text(encoding="utf-8")
    tekst = wb.replace("geldig_tot = 2022-04-01", "geldig_tot = 2022-05-01", 1)
    melding = fout_bij_laden(tmp_path, tekst, "west-brabant.toml")
    assert melding.startswith(
        "west-brabant.toml: versie 'afspraken-2022': geldigheid overlapt met versie 'richtlijnen-2017'"
    )


def test_versie_zonder_einde_gevolgd_door_nieuwe_versie(tmp_path):
    wb = (RULES / "west-brabant.toml").read_text(encoding="utf-8")
    tekst = wb.replace("geldig_tot = 2022-04-01\n", "", 1)
    assert "overlapt" in fout_bij_laden(tmp_path, tekst, "west-brabant.toml")


def test_overlappende_geldigheid_van_dezelfde_regel(tmp_path):
    begin, eind = regelblok(MB, "overdracht-oppakken")
    tweede = (
        MB[begin:eind]
        .replace("aantal = 7", "aantal = 5")
        .replace('eenheid = "dagen"', 'eenheid = "dagen"\ngeldig_vanaf = 2025-01-01')
    )
    melding = fout_bij_laden(tmp_path, MB[:eind] + tweede + MB[eind:])
    assert melding.startswith("midden-brabant.toml: regel 'overdracht-oppakken': geldigheid overlapt")


def test_dezelfde_regel_met_opeenvolgende_geldigheid_mag(tmp_path):
    # OpenFisca-stijl: een waarde die per datum verandert. Tot 1-1-2025 zeven dagen, daarna vijf.
    begin, eind = regelblok(MB, "overdracht-oppakken")
    eerste = MB[begin:eind].replace('eenheid = "dagen"', 'eenheid = "dagen"\ngeldig_tot = 2025-01-01')
    tweede = (
        MB[begin:eind]
        .replace("aantal = 7", "aantal = 5")
        .replace('eenheid = "dagen"', 'eenheid = "dagen"\ngeldig_vanaf = 2025-01-01')
    )
    map_ = tmp_path / "regels"
    shutil.copytree(RULES, map_)
    (map_ / "midden-brabant.toml").write_text(MB[:begin] + eerste + tweede + MB[eind:], encoding="utf-8")
    bestanden.gebruik_regelmap(map_)
    # Overdracht ma 2-12-2024 + 7 = ma 9-12; overdracht do 2-1-2025 + 5 = di 7-1-2025.
    oud = tijdlijn("midden-brabant", "direct", "2024-11-28", overdracht="2024-12-02")
    nieuw = tijdlijn("midden-brabant", "direct", "2025-01-02", overdracht="2025-01-02")
    assert oud.moment("overdracht-oppakken-uiterlijk").datum == d("2024-12-09")
    assert nieuw.moment("overdracht-oppakken-uiterlijk").datum == d("2025-01-07")


def test_regel_buiten_de_geldigheid_van_zijn_versie(tmp_path):
    tekst = wijzig_regel(MB, "overdracht-oppakken", 'eenheid = "dagen"', 'eenheid = "dagen"\ngeldig_vanaf = 2020-01-01')
    assert "valt buiten versie 'hernieuwd-2024'" in fout_bij_laden(tmp_path, tekst)


def test_ongeldige_datum_in_bestand(tmp_path):
    tekst = MB.replace("geldig_vanaf = 2024-07-01", 'geldig_vanaf = "1 juli 2024"', 1)
    assert "versie 'hernieuwd-2024': veld 'geldig_vanaf' moet een datum zijn" in fout_bij_laden(tmp_path, tekst)


def test_onbekende_partij(tmp_path):
    tekst = wijzig_regel(
        MB, "lokaal-team-na-oppaktermijn", 'verantwoordelijke = "lokaal-team"', 'verantwoordelijke = "wijkteam"'
    )
    assert "veld 'verantwoordelijke' heeft onbekende waarde 'wijkteam'" in fout_bij_laden(tmp_path, tekst)


def test_onbekende_optie_in_als(tmp_path):
    tekst = wijzig_regel(MB, "vbs-verdeling-crisis", 'als = { vbs = "crisis" }', 'als = { vbs = "acuut" }')
    assert "regel 'vbs-verdeling-crisis': als: veld 'vbs' heeft onbekende waarde 'acuut'" in fout_bij_laden(
        tmp_path, tekst
    )


def test_kringverwijzing(tmp_path):
    tekst = wijzig_regel(MB, "overdracht-oppakken", 'vanaf = "overdracht"', 'vanaf = "lokaal-team-verantwoordelijk"')
    assert "kringverwijzing" in fout_bij_laden(tmp_path, tekst)


@pytest.mark.parametrize(
    "zoek, vervang, plek, uitleg",
    [
        (
            'regio = "midden-brabant"',
            'regio = "midden-brabant',
            "regel 6, kolom",
            "niet afgesloten met een aanhalingsteken",
        ),
        ('regio = "midden-brabant"', "regio = ", "regel 6, kolom 9", "geen geldige waarde"),
        ('regio = "midden-brabant"', 'regio "midden-brabant"', "regel 6, kolom", "'='"),
        ('naam = "Midden-Brabant"', 'naam = "Midden-Brabant"\nnaam = "dubbel"', "regel 8, kolom", "twee keer"),
    ],
)
def test_geen_geldige_toml_in_het_nederlands(tmp_path, zoek, vervang, plek, uitleg):
    # Policy staff edit these files: a syntax error names the file, the line and column, and the cause in
    # Dutch — never tomllib's English text.
    melding = fout_bij_laden(tmp_path, MB.replace(zoek, vervang, 1))
    assert melding.startswith(f"midden-brabant.toml: geen geldige TOML op {plek}"), melding
    assert uitleg in melding
    for engels in ("Invalid", "Expected", "Unterminated", "Cannot", "line", "column"):
        assert engels not in melding


def test_verkeerde_regio_in_bestand():
    with pytest.raises(RegelbestandFout) as e:
        regels.laad_regio(MB, regio="zuid-limburg")
    assert "maar de bestandsnaam zegt 'zuid-limburg'" in str(e.value)


def test_landelijk_moet_de_terugvalregels_hebben(tmp_path):
    begin, eind = regelblok(LANDELIJK, "einde-verantwoordelijkheid-veilig-thuis")
    melding = fout_bij_laden(tmp_path, LANDELIJK[:begin] + LANDELIJK[eind:], "landelijk.toml")
    assert melding.startswith(
        "landelijk.toml: regels: er ontbreekt een regel voor moment 'lokaal-team-verantwoordelijk'"
    )


def test_atw_lid3_bestand_wordt_gecontroleerd(tmp_path):
    map_ = tmp_path / "regels"
    shutil.copytree(RULES, map_)
    lid3 = (map_ / "atw-lid3.toml").read_text(encoding="utf-8")
    (map_ / "atw-lid3.toml").write_text(lid3.replace("jaren = [2026, 2027, 2028]", "jaren = [2025, 2026]"), "utf-8")
    with pytest.raises(RegelbestandFout) as e:
        regels.controleer_regelmap(map_)
    assert str(e.value).startswith("atw-lid3.toml: besluit nr. 2: jaar 2025 komt al in een ander besluit voor")


def test_gewijzigde_waarde_in_een_andere_regelmap_werkt_door(tmp_path):
    map_ = tmp_path / "regels"
    shutil.copytree(RULES, map_)
    tekst = wijzig_regel(MB, "overdracht-oppakken", "aantal = 7", "aantal = 10")
    (map_ / "midden-brabant.toml").write_text(tekst, encoding="utf-8")
    bestanden.gebruik_regelmap(map_)
    # Overdracht ma 2-9-2024 + 10 = do 12-9; lokaal team vanaf vr 13-9.
    t = tijdlijn("midden-brabant", "direct", "2024-09-02", overdracht="2024-09-02")
    assert t.moment("overdracht-oppakken-uiterlijk").datum == d("2024-09-12")
    assert t.moment("lokaal-team-verantwoordelijk").datum == d("2024-09-13")
    bestanden.gebruik_regelmap(None)
    standaard = tijdlijn("midden-brabant", "direct", "2024-09-02", overdracht="2024-09-02")
    assert standaard.moment("overdracht-oppakken-uiterlijk").datum == d("2024-09-09")


@pytest.mark.subprocess
def test_omgevingsvariabele_kiest_de_regelmap(tmp_path):
    map_ = tmp_path / "regels"
    shutil.copytree(RULES, map_)
    (map_ / "midden-brabant.toml").write_text(
        wijzig_regel(MB, "overdracht-oppakken", "aantal = 7", "aantal = 10"), encoding="utf-8"
    )
    r = run_cli(
        "tijdlijn",
        "--regio",
        "midden-brabant",
        "--route",
        "direct",
        "--melding",
        "2024-09-02",
        "--overdracht",
        "2024-09-02",
        "--json",
        env_extra={"AFSPRAKENWIJZER_REGELS": str(map_)},
    )
    assert r.returncode == 0, r.stderr
    assert '"datum": "2024-09-12"' in r.stdout


@pytest.mark.subprocess
def test_cli_controleer_meldt_een_kapot_bestand(tmp_path):
    map_ = tmp_path / "regels"
    shutil.copytree(RULES, map_)
    (map_ / "midden-brabant.toml").write_text(
        wijzig_regel(MB, "overdracht-oppakken", 'eenheid = "dagen"', 'eenheid = "dagen2"'), encoding="utf-8"
    )
    r = run_cli("controleer", "--map", str(map_))
    assert r.returncode == 2
    assert r.stderr.strip() == (
        "fout: midden-brabant.toml: regel 'overdracht-oppakken': veld 'eenheid' heeft onbekende waarde 'dagen2'; "
        "toegestaan: dagen, maanden, weken, werkdagen"
    )
    assert "Traceback" not in r.stderr
    goed = run_cli("controleer")
    assert goed.returncode == 0 and "In orde" in goed.stdout
