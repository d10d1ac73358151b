"""What the answer's headline rests on, and every date in words (issue 20): the engine says when the party or its
start date on the peildatum rests on an assumed date, which one, and names a weekend day or feestdag wherever
the page shows a date. Dates worked out by hand (Algemene termijnenwet) in the comments."""

from __future__ import annotations

import datetime as dt

import pytest

from calculators import tijdlijn
from calculators.uitvoer import verzoek
from calculators.uitvoer.verzoek import bereken


def _op(regio: str, route: str, melding: str, peildatum: str, **datums: str) -> dict:
    return tijdlijn(regio, route, melding, peildatum=peildatum, **datums).to_dict()["op_peildatum"]


def test_kop_zegt_op_welke_aangenomen_overdracht_het_antwoord_rust():
    # ZL direct, melding ma 3-3-2025: veiligheidsbeoordeling uiterlijk 5 werkdagen later, ma 10-3 (di 4 t/m vr 7 en
    # ma 10); de overdracht (niet opgegeven) uiterlijk dezelfde dag, en het lokale veld is verantwoordelijk vanaf de
    # overdracht. Op do 20-3 rust "sinds ma 10 maart" dus op de aangenomen overdracht.
    p = _op("zuid-limburg", "direct", "2025-03-03", "2025-03-20")
    assert (p["partij"], p["sinds"], p["sinds_tekst"]) == ("lokaal-team", "2025-03-10", "ma 10 maart 2025")
    assert p["hangt_af_van"] == [
        {
            "invoer": "overdracht",
            "veld": "overdracht",
            "naam": "de overdracht",
            "datum": "2025-03-10",
            "datum_tekst": "ma 10 maart 2025",
        }
    ]
    assert p["voorwaarde_tekst"] == "Als de overdracht op ma 10 maart 2025 was"


def test_twee_aannames_op_een_dag_staan_samen_in_de_kop():
    # MB direct, melding do 24-4-2025: veiligheidsbeoordeling uiterlijk do 1-5 (vr 25, ma 28, di 29, wo 30-4, do 1-5;
    # Koningsdag valt op zaterdag), de overdracht dezelfde dag; VTMB vanaf de veiligheidsbeoordeling, het team 7
    # dagen na de overdracht. Op di 6-5 rusten begin en einde van de periode van VTMB op beide aannames.
    p = _op("midden-brabant", "direct", "2025-04-24", "2025-05-06")
    assert [a["invoer"] for a in p["hangt_af_van"]] == ["veiligheidsbeoordeling", "overdracht"]
    assert p["voorwaarde_tekst"] == "Als de veiligheidsbeoordeling en de overdracht op do 1 mei 2025 waren"


def test_met_de_werkelijke_datum_rust_de_kop_nergens_meer_op():
    p = _op("zuid-limburg", "direct", "2025-03-03", "2025-03-20", overdracht="2025-03-07")
    assert (p["partij"], p["sinds"]) == ("lokaal-team", "2025-03-07")
    assert (p["hangt_af_van"], p["voorwaarde_tekst"]) == ([], None)


def test_een_einde_dat_nog_komt_en_op_een_aanname_rust_staat_in_de_tegenwoordige_tijd():
    # Op wo 5-3 wijst nog niemand zicht op veiligheid aan, tot de veiligheidsbeoordeling (aangenomen ma 10-3). Dat
    # einde rust op die aanname; de overdracht dezelfde dag doet er voor dit antwoord niet toe.
    p = _op("zuid-limburg", "direct", "2025-03-03", "2025-03-05")
    assert (p["aanwijzing"], p["tot_en_met"]) == ("niemand", "2025-03-09")
    assert [a["invoer"] for a in p["hangt_af_van"]] == ["veiligheidsbeoordeling"]
    assert p["voorwaarde_tekst"] == "Als de veiligheidsbeoordeling op ma 10 maart 2025 is"


def test_een_datum_op_een_feestdag_noemt_de_feestdag_overal_waar_hij_staat():
    # ZL direct, melding vr 27-11-2026: veiligheidsbeoordeling en overdracht uiterlijk vr 4-12 (ma 30-11 t/m vr 4-12);
    # contact met het gezin binnen 3 weken na de overdracht: vr 25-12-2026, Eerste Kerstdag.
    t = tijdlijn("zuid-limburg", "direct", "2026-11-27", peildatum="2026-12-10").to_dict()
    contact = next(m for m in t["momenten"] if m["code"] == "contact-gezin-uiterlijk")
    assert contact["datum_tekst"] == "vr 25 december 2026, Eerste Kerstdag"
    volgende = t["op_peildatum"]["volgende"]
    assert (volgende["code"], volgende["datum_tekst"]) == (
        "contact-gezin-uiterlijk",
        "vr 25 december 2026, Eerste Kerstdag",
    )
    # The assumption lines name the day as the page shows it; the version's first day too.
    assert [a["kort"] for a in t["aannames"]] == [
        "Veiligheidsbeoordeling niet opgegeven: aangenomen vr 4 december 2026",
        "Overdracht niet opgegeven: aangenomen vr 4 december 2026",
    ]
    assert [(a["veld"], a["datum_tekst"]) for a in t["aannames"]] == [
        ("veiligheidsbeoordeling", "vr 4 december 2026"),
        ("overdracht", "vr 4 december 2026"),
    ]
    assert t["afspraken_versies"][0]["vanaf_tekst"] == "vr 27 november 2026"


def test_de_figuur_krijgt_voor_elke_datum_een_kort_label():
    r = bereken(
        "tijdlijn", {"regio": "zuid-limburg", "route": "direct", "melding": "2026-11-27", "peildatum": "2026-12-10"}
    )["resultaat"]
    labels = r["figuur"]["labels"]
    assert set(labels) == set(r["figuur"]["dagen"])
    assert (labels["2026-11-27"], labels["2026-12-25"], labels["2026-12-10"]) == ("vr 27 nov", "vr 25 dec", "do 10 dec")


def test_werkdagen_geven_elke_datum_in_woorden():
    # Na wo 30-4-2025 vijf werkdagen: do 1, vr 2, (za 3, zo 4, ma 5 mei) di 6, wo 7, do 8 mei.
    r = bereken("werkdagen", {"van": "2025-04-30", "aantal": "5"})["resultaat"]
    assert (r["van_tekst"], r["tot_tekst"]) == ("wo 30 april 2025", "do 8 mei 2025")
    assert [(n["datum_tekst"], n["naam"]) for n in r["niet_werkdagen"]] == [
        ("za 3 mei 2025", "zaterdag"),
        ("zo 4 mei 2025", "zondag"),
        ("ma 5 mei 2025", "Bevrijdingsdag (5 mei)"),
    ]
    # A first day that is no working day is named in the headline too.
    assert bereken("werkdagen", {"van": "2026-12-25", "aantal": "1"})["resultaat"]["van_tekst"] == (
        "vr 25 december 2026, Eerste Kerstdag"
    )


def test_terugkoppeling_zegt_op_welke_aangenomen_overdracht_de_termijn_rust():
    # MB direct, melding ma 24-11-2025: veiligheidsbeoordeling uiterlijk 5 werkdagen later, ma 1-12; de directe
    # overdracht (niet opgegeven) uiterlijk dezelfde dag; de termijn om terug te geven loopt vanaf de overdracht.
    r = bereken("terugkoppeling", {"melding": "2025-11-24", "peildatum": "2025-12-02"})["resultaat"]
    assert r["voorwaarde_tekst"] == "Als de overdracht op ma 1 december 2025 was"
    assert [a["veld"] for a in r["hangt_af_van"]] == ["overdracht"]
    opgegeven = bereken("terugkoppeling", {"melding": "2025-11-24", "overdracht": "2025-11-30"})["resultaat"]
    assert (opgegeven["voorwaarde_tekst"], opgegeven["hangt_af_van"]) == (None, [])


@pytest.mark.parametrize("soort", ["tijdlijn", "terugkoppeling"])
def test_een_melding_na_vandaag_geeft_een_notitie_maar_wordt_berekend(monkeypatch, soort):
    monkeypatch.setattr(verzoek, "vandaag", lambda: dt.date(2025, 6, 13))
    invoer = {"regio": "zuid-limburg", "route": "direct", "melding": "2025-06-20"}
    r = bereken(soort, invoer)
    assert r["ok"], r
    notities = [n for n in r["resultaat"]["notities"] if n["code"] == "melding-in-de-toekomst"]
    assert [n["waarden"] for n in notities] == [{"datum": "2025-06-20", "vandaag": "2025-06-13"}]
    verleden = bereken(soort, {**invoer, "melding": "2025-06-13"})["resultaat"]
    assert not [n for n in verleden["notities"] if n["code"] == "melding-in-de-toekomst"]
