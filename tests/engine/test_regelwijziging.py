"""A rule change tried before it is made (calculators.recht.wijziging, calculators.uitvoer.voorbereiden): the
changed file as text, its checks (the same as ``controleer``), the example before and after, and the rule files
held in memory that make it possible without writing a file."""

from __future__ import annotations

import dataclasses
import json
import shutil

import pytest

from calculators.basis import bestanden
from calculators.basis.bestanden import lees_bestand
from calculators.recht import op_datum, regios
from calculators.recht.regios import laad_regio, regio
from calculators.recht.wijziging import Wijziging, bronteksten_uit, controleer, in_geheugen, pas_toe
from calculators.rekenen.tijdlijn import tijdlijn
from calculators.uitvoer.verzoek import bereken, bereken_json
from calculators.uitvoer.voorbereiden import regelkeuzes, regelwijziging

from .conftest import REPO, RULES, d, run_cli

MB = "midden-brabant"
OPPAKKEN = "overdracht-oppakken@2024-07-01"


def _oppakken(t):
    return t.moment("overdracht-oppakken-uiterlijk").datum


def _teksten() -> dict:
    """The published texts as the browser sends them (the site ships them; here from docs/)."""
    return {
        c: {"tekst": b.tekst, "ankers": sorted(b.ankers), "naam": b.naam}
        for c, b in bronteksten_uit(REPO / "docs").items()
    }


# ---------- the file as text ----------


def test_een_gewijzigde_waarde_verandert_alleen_die_regel_van_het_bestand():
    tekst = lees_bestand(f"{MB}.toml")
    nieuw = pas_toe(tekst, regio(MB), Wijziging("overdracht-oppakken", d("2024-07-01"), (("aantal", 10),)))
    oud_regels, nieuw_regels = tekst.splitlines(), nieuw.splitlines()
    anders = [(a, b) for a, b in zip(oud_regels, nieuw_regels) if a != b]
    assert len(oud_regels) == len(nieuw_regels) and anders == [("aantal = 7", "aantal = 10")]
    assert laad_regio(nieuw, MB).regels == tuple(
        r if r.code != "overdracht-oppakken" else dataclasses.replace(r, aantal=10) for r in regio(MB).regels
    )


def test_een_ingangsdatum_sluit_de_oude_waarde_af_en_zet_de_nieuwe_erna():
    tekst = lees_bestand(f"{MB}.toml")
    nieuw = pas_toe(
        tekst, regio(MB), Wijziging("overdracht-oppakken", d("2024-07-01"), (("aantal", 10),), ingang=d("2026-01-01"))
    )
    regels = [r for r in laad_regio(nieuw, MB).regels if r.code == "overdracht-oppakken"]
    assert [(r.aantal, r.geldig_vanaf, r.geldig_tot) for r in regels] == [
        (7, d("2024-07-01"), d("2026-01-01")),
        (10, d("2026-01-01"), None),
    ]
    # Comments and the other blocks stay as the maintainer wrote them: only lines are added.
    assert all(regel in nieuw.splitlines() for regel in tekst.splitlines())


def test_een_citaat_met_aanhalingstekens_en_een_backslash_blijft_geldige_toml():
    citaat = 'Hij zei: "7 dagen" \\ of ‘zeven’.'
    nieuw = pas_toe(
        lees_bestand(f"{MB}.toml"), regio(MB), Wijziging("overdracht-oppakken", d("2024-07-01"), (("citaat", citaat),))
    )
    assert next(r for r in laad_regio(nieuw, MB).regels if r.code == "overdracht-oppakken").bron.citaat == citaat


def test_een_ingangsdatum_buiten_de_regel_noemt_het_veld():
    with pytest.raises(Exception) as fout:
        pas_toe(
            lees_bestand(f"{MB}.toml"),
            regio(MB),
            Wijziging("overdracht-oppakken", d("2024-07-01"), (("aantal", 10),), ingang=d("2024-01-01")),
        )
    assert fout.value.veld == "ingang" and "1 juli 2024" in str(fout.value)


# ---------- the checks of controleer ----------


def test_de_controle_is_die_van_controleer_ook_voor_het_citaat():
    bronnen = bronteksten_uit(REPO / "docs")
    tekst = lees_bestand(f"{MB}.toml")
    assert controleer(MB, tekst, bronnen)[1] == []
    onzin = pas_toe(
        tekst, regio(MB), Wijziging("overdracht-oppakken", d("2024-07-01"), (("citaat", "Dit staat er niet."),))
    )
    [probleem] = controleer(MB, onzin, bronnen)[1]
    assert probleem.veld == "citaat" and "staat niet (letterlijk)" in probleem.melding
    kapot = pas_toe(tekst, regio(MB), Wijziging("overdracht-oppakken", d("2024-07-01"), (("eenheid", "dag"),)))
    [probleem] = controleer(MB, kapot, bronnen)[1]
    assert probleem.veld == "eenheid" and "toegestaan: dagen, maanden, weken, werkdagen" in probleem.melding


# ---------- files held in memory ----------


def test_in_het_geheugen_rekent_met_de_wijziging_en_daarna_weer_met_het_bestand():
    tekst = pas_toe(
        lees_bestand(f"{MB}.toml"), regio(MB), Wijziging("overdracht-oppakken", d("2024-07-01"), (("aantal", 10),))
    )
    voor = _oppakken(tijdlijn(MB, "direct", "2025-03-03"))
    with in_geheugen(MB, tekst):
        na = _oppakken(tijdlijn(MB, "direct", "2025-03-03"))
    assert (na - voor).days == 3
    assert _oppakken(tijdlijn(MB, "direct", "2025-03-03")) == voor


def test_alleen_wat_van_het_bestand_in_het_geheugen_afhangt_wordt_opnieuw_gelezen(tmp_path):
    """In the browser the package's files are gone once its snapshot is restored: a file held in memory must not
    make the engine read any other file again."""
    kopie = tmp_path / "regels"
    shutil.copytree(RULES, kopie)
    bestanden.gebruik_regelmap(kopie)
    tijdlijn("zuid-limburg", "direct", "2025-03-03")
    tijdlijn(MB, "direct", "2025-03-03")
    tekst = (kopie / f"{MB}.toml").read_text(encoding="utf-8").replace("aantal = 7\n", "aantal = 9\n", 1)
    shutil.rmtree(kopie)  # from here on, every file read would fail
    with in_geheugen(MB, tekst):
        assert (_oppakken(tijdlijn(MB, "direct", "2025-03-03")) - d("2025-03-10")).days == 9
        assert tijdlijn("zuid-limburg", "direct", "2025-03-03").moment("veiligheidsbeoordeling-uiterlijk")
    assert (_oppakken(tijdlijn(MB, "direct", "2025-03-03")) - d("2025-03-10")).days == 7


def test_veel_geprobeerde_wijzigingen_vullen_het_geheugen_niet():
    tekst = lees_bestand(f"{MB}.toml")
    for aantal in range(8, 40):
        with in_geheugen(MB, tekst.replace("aantal = 7\n", f"aantal = {aantal}\n", 1)):
            tijdlijn(MB, "direct", "2025-03-03")
    tijdlijn(MB, "direct", "2025-03-03")
    assert not [s for s in regios._cache if s[2]]  # nothing kept for files no longer held in memory
    assert op_datum._recht_op.cache_info().currsize < 200


# ---------- the answer for the page ----------


def test_een_langere_termijn_geeft_een_andere_voorbeeldtijdlijn():
    a = regelwijziging({"regio": MB, "regel": OPPAKKEN, "termijn": "10", "ingang": "2026-01-01", "teksten": _teksten()})
    assert a["controle"] == {"in_orde": True, "problemen": []}
    # The first working day from 1 January 2026: vr 2 januari (Nieuwjaarsdag is a feestdag).
    assert a["voorbeeld"]["melding"] == "2026-01-02"
    rijen = {r["moment"]: r for r in a["voorbeeld"]["rijen"]}
    # Overdracht on vr 9 januari (5 werkdagen after the melding); 7 days later vr 16, 10 days later ma 19 januari.
    assert (rijen["overdracht-oppakken-uiterlijk"]["voor"], rijen["overdracht-oppakken-uiterlijk"]["na"]) == (
        "vr 16 januari 2026",
        "ma 19 januari 2026",
    )
    assert rijen["lokaal-team-verantwoordelijk"]["anders"] and not rijen["overdracht"]["anders"]
    assert "Termijn: nu “7”, wordt “10”" in a["verzoek"] and "Vanaf: 1 januari 2026" in a["verzoek"]
    assert a["wijzigingen"] == [{"veld": "termijn", "naam": "Termijn", "oud": "7", "nieuw": "10"}]


@pytest.mark.subprocess
def test_het_gewijzigde_bestand_doorstaat_controleer(tmp_path):
    a = regelwijziging(
        {"regio": MB, "regel": OPPAKKEN, "termijn": "10", "eenheid": "werkdagen", "ingang": "2026-01-01"}
    )
    kopie = tmp_path / "regels"
    shutil.copytree(RULES, kopie)
    (kopie / a["bestandsnaam"]).write_text(a["bestand"], encoding="utf-8")
    r = run_cli("controleer", "--map", str(kopie))
    assert r.returncode == 0 and "alle citaten en ankers gevonden" in r.stdout, r.stderr


@pytest.mark.parametrize(
    "veld, waarde, verwacht",
    [
        ("termijn", "tien", "termijn"),
        ("termijn", "-3", "termijn"),
        ("eenheid", "dag", "eenheid"),
        ("ingang", "1-1-2026", "ingang"),
        ("regel", "bestaat-niet@2024-07-01", "regel"),
    ],
)
def test_een_fout_in_het_formulier_noemt_het_veld_in_het_nederlands(veld, waarde, verwacht):
    antwoord = bereken("regelwijziging", {"regio": MB, "regel": OPPAKKEN, veld: waarde})
    assert not antwoord["ok"] and antwoord["fouten"][0]["veld"] == verwacht
    assert not any(w in antwoord["fouten"][0]["melding"] for w in ("Error", "invalid", "must"))


def test_de_browser_stuurt_bestand_en_teksten_mee_in_een_groter_verzoek():
    invoer = {
        "regio": "landelijk",
        "regel": "triage-termijn@2016-07-01",
        "termijn": "6",
        "bestand": lees_bestand("landelijk.toml"),
        "teksten": _teksten(),
    }
    tekst = json.dumps(invoer, ensure_ascii=False)
    assert len(tekst) > 100_000  # more than a form may send
    antwoord = json.loads(bereken_json("regelwijziging", tekst))
    assert antwoord["ok"] and antwoord["resultaat"]["controle"]["in_orde"]
    # A form of the other kinds stays limited.
    assert not json.loads(bereken_json("tijdlijn", json.dumps({"regio": MB, "x": "a" * 200_000})))["ok"]


def test_elke_regel_staat_in_de_keuzelijst():
    keuzes = regelkeuzes(regio(MB))
    assert [k["code"] for k in keuzes] == [r.code for r in regio(MB).regels]
    oppakken = next(k for k in keuzes if k["sleutel"] == OPPAKKEN)
    assert (oppakken["termijn"], oppakken["eenheid"]) == (7, "dagen")
    assert oppakken["label"].startswith("Uiterste datum oppakken") and "7 dagen na de overdracht" in oppakken["label"]
