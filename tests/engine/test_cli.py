"""De opdrachtregel als apart proces: het JSON-contract en elk foutpad (exitcode 2, Nederlandse
melding op één regel op stderr, nooit een traceback)."""

from __future__ import annotations

import json

import pytest

from .conftest import run_cli

pytestmark = pytest.mark.subprocess

MOMENT_SLEUTELS = {
    "code",
    "datum",
    "weekdag",
    "datum_tekst",
    "niet_werkdag",
    "omschrijving",
    "kort",
    "rol",
    "bron",
    "status",
    "interpretatie",
    "verantwoordelijke",
    "landelijk_terugval",
    "regel",
    "hangt_af_van_aanname",
}
BRON_SLEUTELS = {"document", "document_naam", "paragraaf", "citaat", "url"}
INTERVAL_SLEUTELS = {
    "van",
    "tot",
    "tot_en_met",
    "van_tekst",
    "tot_en_met_tekst",
    "binnen_een_dag",
    "partij",
    "aanwijzing",
    "partij_naam",
    "bron",
    "interpretatie",
    "landelijk_terugval",
    "toelichting",
}


def tijdlijn_json(*args: str) -> dict:
    r = run_cli("tijdlijn", *args, "--json")
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""
    return json.loads(r.stdout)


def test_json_contract_tijdlijn():
    # Zuid-Limburg, directe overdracht, melding do 24-4-2025: vr 25 (1), za 26 Koningsdag, ma 28 (2),
    # di 29 (3), wo 30 (4), do 1-5-2025 (5). Contact binnen 3 weken na overdracht: do 22-5-2025.
    uit = tijdlijn_json("--regio", "zuid-limburg", "--route", "direct", "--melding", "2025-04-24")
    assert {
        "contract",
        "regio",
        "route",
        "afspraken_versie",
        "afspraken_versies",
        "kalender",
        "invoer",
        "momenten",
        "verantwoordelijkheid",
        "interval_grenzen",
        "aannames",
        "op_peildatum",
        "opmerkingen",
    } <= set(uit)
    assert uit["contract"] == "afsprakenwijzer-tijdlijn/3"
    assert uit["op_peildatum"] is None  # alleen met --peildatum
    assert (uit["regio"], uit["route"]) == ("zuid-limburg", "direct")
    assert set(uit["afspraken_versie"]) >= {"naam", "geldig_vanaf", "geldig_tot"}
    assert uit["kalender"]["code"] == "atw" and uit["kalender"]["naam"] and uit["kalender"]["omschrijving"]
    assert uit["invoer"]["melding"] == "2025-04-24" and uit["invoer"]["overdracht"] is None
    for m in uit["momenten"]:
        assert set(m) == MOMENT_SLEUTELS
        assert set(m["bron"]) >= BRON_SLEUTELS
        assert m["status"] in {"opgegeven", "aangenomen", "berekend"}
    datums = {m["code"]: m["datum"] for m in uit["momenten"]}
    assert datums["veiligheidsbeoordeling-uiterlijk"] == "2025-05-01"
    assert datums["contact-gezin-uiterlijk"] == "2025-05-22"
    for v in uit["verantwoordelijkheid"]:
        assert set(v) == INTERVAL_SLEUTELS
    assert uit["verantwoordelijkheid"][-1]["tot"] is None
    assert [m["datum"] for m in uit["momenten"]] == sorted(m["datum"] for m in uit["momenten"])
    # Notes leave the engine as records, worded once: the sentences of 'opmerkingen' are their texts.
    assert {n["code"] for n in uit["notities"]} >= {"aanname", "vervalt"}
    assert all(n["tekst"] in uit["opmerkingen"] for n in uit["notities"] if n["code"] != "aanname-onmogelijk")


def test_json_weekdag_en_bron_url():
    uit = tijdlijn_json("--regio", "midden-brabant", "--route", "direct", "--melding", "2025-04-17")
    melding = uit["momenten"][0]
    assert (melding["code"], melding["weekdag"]) == ("melding", "donderdag")
    oppakken = next(m for m in uit["momenten"] if m["code"] == "overdracht-oppakken-uiterlijk")
    assert oppakken["bron"]["url"] == "midden-brabant/samenwerkingsafspraken/#par-4-1"
    assert oppakken["bron"]["paragraaf"] == "4.1"


def test_alle_opties_via_de_cli():
    uit = tijdlijn_json(
        "--regio",
        "midden-brabant",
        "--route",
        "onderzoek",
        "--melding",
        "2026-04-24",
        "--veiligheidsbeoordeling",
        "2026-05-04",
        "--dienst-einde",
        "2026-06-30",
        "--overdracht",
        "2026-07-01",
        "--vbs",
        "crisis",
        "--spoed",
        "--jeugdbeschermingstafel",
        "--kalender",
        "atw-lid3",
    )
    assert uit["invoer"]["vbs"] == "crisis" and uit["invoer"]["spoed"] is True
    assert uit["kalender"]["code"] == "atw-lid3"
    assert not [m for m in uit["momenten"] if m["code"].startswith("monitoring")]
    # VBS crisis na ma 4-5-2026: di 5 mei feestdag, wo 6 (1), do 7-5 (2).
    assert next(m for m in uit["momenten"] if m["code"] == "vbs-verdeling-uiterlijk")["datum"] == "2026-05-07"


def test_tekstuitvoer_is_nederlands():
    r = run_cli(
        "tijdlijn",
        "--regio",
        "west-brabant",
        "--route",
        "direct",
        "--melding",
        "2025-06-04",
        "--overdracht",
        "2025-06-12",
        "--peildatum",
        "2025-06-13",
    )
    assert r.returncode == 0
    for kop in (
        "OP DE PEILDATUM",
        "MOMENTEN",
        "VERANTWOORDELIJK VOOR HET ZICHT OP VEILIGHEID",
        "BRONNEN EN INTERPRETATIES",
    ):
        assert kop in r.stdout
    assert "2025-06-17" in r.stdout and "het lokale team" in r.stdout
    # The veiligheidsbeoordeling was not given: assumed on the day of the overdracht (it cannot be later), and the
    # answer's start rests on that, so the sentence says so.
    assert (
        "Nu (vrijdag 13 juni 2025): Als de veiligheidsbeoordeling op do 12 juni 2025 was: Veilig Thuis West-Brabant "
        "heeft zicht op veiligheid, tot en met maandag 16 juni 2025."
    ) in r.stdout


def test_peildatum_in_het_json_contract():
    # Midden-Brabant direct, melding ma 2-9-2024, overdracht di 3-9: VTMB t/m di 10-9 (dag 7 na de overdracht,
    # 000 § 4.1), het lokale (wijk)team vanaf wo 11-9. Peildatum vr 6-9: volgende = laatste dag om op te pakken.
    uit = tijdlijn_json(
        "--regio",
        "midden-brabant",
        "--route",
        "direct",
        "--melding",
        "2024-09-02",
        "--veiligheidsbeoordeling",
        "2024-09-03",
        "--overdracht",
        "2024-09-03",
        "--peildatum",
        "2024-09-06",
    )
    p = uit["op_peildatum"]
    assert set(p) == {
        "datum",
        "datum_tekst",
        "niet_werkdag",
        "partij",
        "aanwijzing",
        "partij_naam",
        "sinds",
        "sinds_tekst",
        "sinds_hangt_af_van_aanname",
        "tot_en_met",
        "tot_en_met_tekst",
        "toelichting",
        "volgende",
        "daarna",
        "hangt_af_van",
        "voorwaarde_tekst",
    }
    assert (p["datum_tekst"], p["aanwijzing"], p["sinds_hangt_af_van_aanname"]) == (
        "vr 6 september 2024",
        "partij",
        False,
    )
    # Every date is given: the answer rests on no assumption.
    assert (p["sinds_tekst"], p["hangt_af_van"], p["voorwaarde_tekst"]) == ("di 3 september 2024", [], None)
    assert (p["datum"], p["partij"], p["sinds"], p["tot_en_met"]) == (
        "2024-09-06",
        "veilig-thuis",
        "2024-09-03",
        "2024-09-10",
    )
    assert p["volgende"]["code"] == "overdracht-oppakken-uiterlijk" and p["volgende"]["datum"] == "2024-09-10"
    # vr 6 -> di 10: 4 kalenderdagen, 2 werkdagen (ma 9, di 10).
    assert (p["volgende"]["dagen_tot"], p["volgende"]["werkdagen_tot"]) == (4, 2)
    assert p["daarna"] == {
        "partij": "lokaal-team",
        "aanwijzing": "partij",
        "partij_naam": "het lokale (wijk)team",
        "vanaf": "2024-09-11",
        "vanaf_tekst": "wo 11 september 2024",
        "binnen_een_dag": False,
    }


def test_werkdagen_aantal():
    # do 28-3-2024 + 5 werkdagen = ma 8-4-2024 (Goede Vrijdag en Tweede Paasdag overgeslagen).
    r = run_cli("werkdagen", "--van", "2024-03-28", "--aantal", "5", "--json")
    assert r.returncode == 0, r.stderr
    uit = json.loads(r.stdout)
    assert uit["tot"] == "2024-04-08" and uit["aantal_werkdagen"] == 5
    assert [n["naam"] for n in uit["niet_werkdagen"]][:4] == ["Goede Vrijdag", "zaterdag", "zondag", "Tweede Paasdag"]
    tekst = run_cli("werkdagen", "--van", "2024-03-28", "--aantal", "5")
    assert "2024-04-08 (maandag)" in tekst.stdout and "Goede Vrijdag" in tekst.stdout


def test_werkdagen_tussen_twee_datums():
    r = run_cli("werkdagen", "--van", "2024-12-23", "--tot", "2025-01-02", "--json")
    # di 24, vr 27, ma 30, di 31, do 2-1 = 5 werkdagen
    assert r.returncode == 0 and json.loads(r.stdout)["aantal_werkdagen"] == 5


def test_regels_geeft_het_overzicht_als_json():
    r = run_cli("regels")
    assert r.returncode == 0
    uit = json.loads(r.stdout)
    assert set(uit["regios"]) == {"landelijk", "midden-brabant", "west-brabant", "zuid-limburg"}


def test_hulptekst_is_nederlands():
    for args in ((), ("tijdlijn",), ("werkdagen",)):
        r = run_cli(*args, "--help")
        assert r.returncode == 0
        assert r.stdout.startswith("gebruik: ")
        assert "opties:" in r.stdout and "toon deze hulptekst en stop" in r.stdout
        for engels in ("usage:", "show this help", "options:", "positional arguments"):
            assert engels not in r.stdout


@pytest.mark.parametrize(
    "args, moet_bevatten",
    [
        (
            ("tijdlijn", "--regio", "brabant", "--route", "direct", "--melding", "2025-01-06"),
            ["'brabant'", "midden-brabant"],
        ),
        (
            ("tijdlijn", "--regio", "west-brabant", "--route", "snel", "--melding", "2025-01-06"),
            ["'snel'", "onderzoek"],
        ),
        (
            ("tijdlijn", "--regio", "west-brabant", "--route", "direct", "--melding", "2025-02-29"),
            ["'2025-02-29'", "bestaat niet"],
        ),
        (
            ("tijdlijn", "--regio", "west-brabant", "--route", "direct", "--melding", "6-1-2025"),
            ["'6-1-2025'", "JJJJ-MM-DD"],
        ),
        (
            (
                "tijdlijn",
                "--regio",
                "west-brabant",
                "--route",
                "direct",
                "--melding",
                "2025-01-06",
                "--overdracht",
                "2025-01-03",
            ),
            ["3 januari 2025", "vóór"],
        ),
        (
            (
                "tijdlijn",
                "--regio",
                "west-brabant",
                "--route",
                "onderzoek",
                "--melding",
                "2025-01-06",
                "--dienst-einde",
                "2025-01-01",
            ),
            ["1 januari 2025", "vóór"],
        ),
        (
            (
                "tijdlijn",
                "--regio",
                "west-brabant",
                "--route",
                "onderzoek",
                "--melding",
                "2025-01-06",
                "--vbs",
                "crisis",
            ),
            ["Verbindend Samenwerken", "hoort niet bij West-Brabant", "Midden-Brabant"],
        ),
        (
            (
                "tijdlijn",
                "--regio",
                "zuid-limburg",
                "--route",
                "direct",
                "--melding",
                "2025-01-06",
                "--terugkoppeling",
                "2025-02-01",
            ),
            ["terugkoppeling", "hoort niet bij Zuid-Limburg"],
        ),
        (
            (
                "tijdlijn",
                "--regio",
                "midden-brabant",
                "--route",
                "direct",
                "--melding",
                "2025-01-06",
                "--heraanmelding",
            ),
            ["nieuwe aanmelding", "Dienst Voorwaarden & Vervolg"],
        ),
        (
            ("tijdlijn", "--regio", "midden-brabant", "--route", "direct", "--melding", "2023-05-01"),
            ["1 mei 2023", "1 juli 2024"],
        ),
        (
            ("tijdlijn", "--regio", "landelijk", "--route", "direct", "--melding", "2036-01-02"),
            ["2 januari 2036", "2035"],
        ),
        (
            ("tijdlijn", "--regio", "landelijk", "--route", "direct", "--melding", "2025-01-06", "--kalender", "nl"),
            ["'nl'", "atw-lid3"],
        ),
        (
            (
                "tijdlijn",
                "--regio",
                "landelijk",
                "--route",
                "direct",
                "--melding",
                "2021-01-06",
                "--kalender",
                "atw-lid3",
            ),
            ["2021", "gelijkgestelde dagen"],
        ),
        (
            (
                "tijdlijn",
                "--regio",
                "landelijk",
                "--route",
                "direct",
                "--melding",
                "2025-01-06",
                "--peildatum",
                "morgen",
            ),
            ["peildatum", "'morgen'"],
        ),
        (("werkdagen", "--van", "2025-01-06", "--aantal", "vijf"), ["'vijf'"]),
        (("werkdagen", "--van", "2025-01-06", "--aantal", "-1"), ["-1"]),
        # One rule for whole numbers in every entry point: ASCII digits only (see test_invoer.py).
        (("werkdagen", "--van", "2025-01-06", "--aantal", "+5"), ["'+5'"]),
        (("werkdagen", "--van", "2025-01-06", "--aantal", "1_000"), ["'1_000'"]),
        (("werkdagen", "--van", "2025-01-06", "--aantal", "²"), ["'²'"]),
        (("werkdagen", "--van", "2025-01-06", "--aantal", "٥"), ["'٥'"]),
        (("werkdagen", "--van", "2025-01-06", "--tot", "2025-01-01"), ["1 januari 2025"]),
        (("werkdagen", "--van", "2014-01-06", "--aantal", "3"), ["2014"]),
        # Fouten van argparse zelf: ook Nederlands, ook exitcode 2.
        (("tijdlijn", "--regio", "landelijk"), ["verplicht", "--route", "--melding"]),
        (
            ("tijdlijn", "--regio", "landelijk", "--route", "direct", "--melding", "2025-01-06", "--onzin"),
            ["onbekende argumenten", "--onzin"],
        ),
        (("tijdlijn", "--regio"), ["--regio", "verwacht één waarde"]),
        (("rekenen",), ["ongeldige keuze", "'rekenen'"]),
        ((), ["verplicht", "OPDRACHT"]),
        (("werkdagen", "--van", "2025-01-06", "--aantal", "3", "--tot", "2025-02-01"), ["mag niet samen met"]),
        (("werkdagen", "--van", "2025-01-06"), ["--aantal", "--tot", "verplicht"]),
    ],
)
def test_foutpaden(args, moet_bevatten):
    r = run_cli(*args)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert r.stdout == ""
    assert "Traceback" not in r.stderr
    regels = r.stderr.strip().splitlines()
    assert len(regels) == 1, r.stderr
    assert regels[0].startswith("fout: ")
    for stuk in moet_bevatten:
        assert stuk in regels[0], regels[0]
    for engels in ("error:", "usage:", "required", "invalid", "unrecognized", "expected"):
        assert engels not in regels[0], regels[0]
