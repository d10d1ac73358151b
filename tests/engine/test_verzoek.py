"""De JSON-ingang voor de browser (calculators.uitvoer.verzoek) en het agenda-bestand (.ics)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from calculators.uitvoer.verzoek import bereken, bereken_json


def test_tijdlijn_via_verzoek_met_formulierwaarden():
    # Een formulier stuurt lege velden niet mee, vinkjes als true/false en kan extra velden hebben.
    antwoord = bereken(
        "tijdlijn",
        {
            "regio": "west-brabant",
            "route": "direct",
            "melding": "2025-06-04",
            "overdracht": "2025-06-12",
            "spoed": False,
            "jeugdbeschermingstafel": False,
            "kalender": "atw",
            "peildatum": "2025-06-13",
            "onbekend_veld": "genegeerd",
        },
    )
    assert antwoord["ok"] is True
    r = antwoord["resultaat"]
    assert r["regio_naam"] == "West-Brabant" and r["route_naam"].startswith("Directe overdracht")
    assert r["contract"] == "afsprakenwijzer-tijdlijn/3"
    # Lokaal team vanaf di 17-6-2025 (zie test_eind_tot_eind.py).
    assert r["verantwoordelijkheid"][-1]["van"] == "2025-06-17"
    assert r["op_peildatum"]["partij"] == "veilig-thuis" and r["op_peildatum"]["daarna"]["vanaf"] == "2025-06-17"
    assert "monitoring_toelichting" in r  # directe route: geen monitoring


def test_zonder_einde_van_de_dienst_zegt_de_monitoring_waarom_hij_ontbreekt():
    # Voorwaarden & Vervolg heeft geen landelijke uiterste einddatum (art. 4.1.7 lid 2 gaat over een onderzoek): de
    # monitoring hangt aan een dag die niemand gaf. Dan niet "geen monitoring in deze route", maar wat er ontbreekt.
    zonder = bereken("tijdlijn", {"regio": "zuid-limburg", "route": "voorwaarden-en-vervolg", "melding": "2025-04-24"})
    r = zonder["resultaat"]
    assert not [m for m in r["momenten"] if m["code"].startswith("monitoring")]
    assert "einddatum van de dienst is niet opgegeven" in r["monitoring_toelichting"]
    assert "in deze route" not in r["monitoring_toelichting"]
    met = bereken(
        "tijdlijn",
        {
            "regio": "zuid-limburg",
            "route": "voorwaarden-en-vervolg",
            "melding": "2025-04-24",
            "dienst_einde": "2025-07-01",
        },
    )["resultaat"]
    assert "monitoring_toelichting" not in met
    assert [m["code"] for m in met["momenten"] if m["code"].startswith("monitoring")] == [
        "monitoring-3-maanden",
        "monitoring-12-maanden",
        "monitoring-einde-gemiddeld",
    ]


def test_fout_komt_terug_bij_het_juiste_veld():
    antwoord = bereken("tijdlijn", {"regio": "midden-brabant", "route": "direct", "melding": "2025-02-30"})
    assert antwoord == {
        "ok": False,
        "fouten": [{"veld": "melding", "melding": "Ongeldige datum voor de meldingsdatum: '2025-02-30' bestaat niet."}],
    }
    leeg = bereken("tijdlijn", {"regio": "midden-brabant", "route": "direct", "melding": ""})
    assert leeg["fouten"][0]["veld"] == "melding"
    peil = bereken(
        "tijdlijn", {"regio": "midden-brabant", "route": "direct", "melding": "2025-02-03", "peildatum": "gisteren"}
    )
    assert peil["fouten"][0]["veld"] == "peildatum"


def test_vinkjes_als_tekst_uit_een_gedeelde_link():
    antwoord = bereken(
        "tijdlijn", {"regio": "zuid-limburg", "route": "onderzoek", "melding": "2024-05-08", "spoed": "ja"}
    )
    assert antwoord["ok"] and antwoord["resultaat"]["verantwoordelijkheid"][0]["partij"] == "veilig-thuis"
    fout = bereken(
        "tijdlijn", {"regio": "zuid-limburg", "route": "onderzoek", "melding": "2024-05-08", "spoed": "misschien"}
    )
    assert fout["fouten"][0]["veld"] == "spoed"


def test_werkdagen_optellen_en_tellen():
    # do 28-3-2024 + 5 = ma 8-4-2024
    op = bereken("werkdagen", {"bewerking": "optellen", "van": "2024-03-28", "aantal": "5", "kalender": "atw"})
    assert op["resultaat"]["tot"] == "2024-04-08"
    assert op["resultaat"]["samenvatting"].startswith("5 werkdagen na donderdag 28 maart 2024 is maandag 8 april 2024")
    tel = bereken("werkdagen", {"bewerking": "tellen", "van": "2024-03-28", "tot": "2024-04-08"})
    assert tel["resultaat"]["aantal_werkdagen"] == 5
    fout = bereken("werkdagen", {"bewerking": "optellen", "van": "2024-03-28", "aantal": "-2"})
    assert fout["fouten"][0]["veld"] == "aantal"


# One rule for whole numbers, the same in the CLI (test_cli.py) and here: ASCII digits, spaces around allowed.
@pytest.mark.parametrize(
    "aantal, goed",
    [
        ("5", True),
        (" 5 ", True),
        (5, True),
        ("05", True),
        ("²", False),
        ("①", False),
        ("+5", False),
        ("1_000", False),
        ("٥", False),
        ("５", False),
        ("5.0", False),
        ("-1", False),
        (True, False),
        ([], False),
        (None, False),
        ("", False),
        ("9" * 200, False),
    ],
)
def test_aantal_werkdagen_een_regel_voor_alle_ingangen(aantal, goed):
    tekst = bereken_json("werkdagen", json.dumps({"bewerking": "optellen", "van": "2024-03-28", "aantal": aantal}))
    antwoord = json.loads(tekst)  # always JSON, never an exception
    assert antwoord["ok"] is goed, antwoord
    if not goed:
        fout = antwoord["fouten"][0]
        assert fout["veld"] == "aantal" and len(fout["melding"]) < 300


def test_lange_invoer_wordt_kort_herhaald():
    antwoord = bereken("tijdlijn", {"regio": "x" * 5000, "route": "direct", "melding": "2025-01-06"})
    melding = antwoord["fouten"][0]["melding"]
    assert antwoord["fouten"][0]["veld"] == "regio" and "…" in melding and len(melding) < 250


def test_de_brug_antwoordt_altijd_met_json():
    # Whatever arrives, the worker gets JSON back: wrong types, nesting, unexpected values.
    for soort, invoer in [
        ("tijdlijn", "[]"),
        ("tijdlijn", "null"),
        ("tijdlijn", '"tekst"'),
        ("werkdagen", "{}"),
        ("tijdlijn", json.dumps({"regio": ["x"], "route": {}, "melding": 3})),
        (
            "tijdlijn",
            json.dumps({"regio": "landelijk", "route": "direct", "melding": "2025-01-06", "vbs": 7, "spoed": {"a": 1}}),
        ),
        ("agenda", json.dumps({"regio": "landelijk", "route": "direct", "melding": "2025-01-06", "zaak": "../../etc"})),
        ("tijdlijn", "[" * 100000),
        ("tijdlijn", json.dumps({"regio": "[[[[[[[[[[[["})),
    ]:
        antwoord = json.loads(bereken_json(soort, invoer))
        assert antwoord["ok"] is False and antwoord["fouten"][0]["melding"]


def test_terugkoppeling_geeft_datum_en_criteria():
    # Melding ma 25-11-2024, overdracht aangenomen ma 2-12-2024 (di 26 .. ma 2-12 = 5 werkdagen);
    # terugkoppeling tot 2-12 + 3 maanden = zo 2-3-2025.
    antwoord = bereken("terugkoppeling", {"melding": "2024-11-25", "kalender": "atw", "peildatum": "2025-02-26"})
    r = antwoord["resultaat"]
    assert r["uiterlijk"]["datum"] == "2025-03-02"
    assert r["overdracht"]["status"] == "aangenomen"
    # The calculator says the date was assumed, as the timeline does.
    assert r["aannames"][-1]["code"] == "overdracht" and "2 december 2024" in r["aannames"][-1]["tekst"]
    assert r["peildatum"] == {
        "datum": "2025-02-26",
        "is_vandaag": False,
        "datum_tekst": "wo 26 februari 2025",
        "niet_werkdag": None,
        "dagen_tot": 4,
        "werkdagen_tot": 2,
    }  # do 27, vr 28
    assert r["regio"] == "midden-brabant" and r["uiterlijk"]["datum_tekst"] == "zo 2 maart 2025, weekend"
    assert len(r["criteria"]) == 4 and r["criteria_bron"]["url"].endswith("#terugkoppelingsformulier")


def test_onbekende_soort_en_kapotte_json():
    assert bereken("raden", {})["ok"] is False
    assert json.loads(bereken_json("tijdlijn", "{kapot"))["fouten"][0]["melding"] == "De invoer is geen geldige JSON."
    ok = json.loads(
        bereken_json("tijdlijn", json.dumps({"regio": "landelijk", "route": "direct", "melding": "2024-09-02"}))
    )
    assert ok["ok"] is True


def _events(invoer):
    icalendar = pytest.importorskip("icalendar")
    r = bereken("agenda", invoer)["resultaat"]
    assert all(len(regel.encode("utf-8")) <= 75 for regel in r["ics"].split("\r\n"))
    kalender = icalendar.Calendar.from_ical(r["ics"])
    return r, [c for c in kalender.walk() if c.name == "VEVENT"]


def test_agenda_alleen_termijnen_en_wissels_met_vaste_uid_per_casus():
    invoer = {
        "regio": "midden-brabant",
        "route": "onderzoek",
        "melding": "2026-04-24",
        "vbs": "crisis",
        "peildatum": "2026-04-24",
        "zaak": "a1b2c3d4e5f6",
        "site_url": "https://intranet.example/afspraken/",
    }
    r, events = _events(invoer)
    assert r["bestandsnaam"] == "tijdlijn-midden-brabant-onderzoek-2026-04-24.ics" and r["zaak"] == "a1b2c3d4e5f6"
    titels = [str(e["SUMMARY"]) for e in events]
    # No event for what happened or is assumed to happen (melding, overdracht); deadlines and changes only.
    assert not any(t.startswith(("Melding", "Overdracht –", "Veiligheidsbeoordeling –")) for t in titels)
    # A short title names the kind of moment, the region and the case; the route is in the description.
    assert all(t.endswith(" – Midden-Brabant #a1b2") and len(t) <= 60 for t in titels)
    assert all("dienst Onderzoek" in str(e["DESCRIPTION"]) for e in events)
    # Triage uiterlijk wo 29-4 (vóór de start van het onderzoek); VBS crisis: do 30 (1), vr 1-5 (2).
    vbs = next(e for e in events if str(e["SUMMARY"]).startswith("Uiterlijk VBS verdeeld"))
    assert vbs.decoded("DTSTART") == dt.date(2026, 5, 1) and vbs.decoded("DTEND") == dt.date(2026, 5, 2)
    beschrijving = str(vbs["DESCRIPTION"])
    assert "§ 4.2" in beschrijving and "werkdagen" in beschrijving
    assert (
        "https://intranet.example/afspraken/midden-brabant/samenwerkingsafspraken/#verbindend-samenwerken"
        in beschrijving
    )
    # Assumed dates are marked in the title; the UID is the case token plus the moment code.
    team = next(e for e in events if str(e["SUMMARY"]).startswith("Team verantwoordelijk"))
    assert "(aanname)" in str(team["SUMMARY"]) and "aangenomen datum" in str(team["DESCRIPTION"])
    uids = {str(e["UID"]) for e in events}
    assert len(uids) == len(events) and "a1b2c3d4e5f6-vbs-verdeling-uiterlijk@afsprakenwijzer" in uids
    # Recalculated with the actual overdracht: same UIDs, a higher SEQUENCE, so a calendar updates its events.
    _, later = _events({**invoer, "overdracht": "2026-07-01"})
    assert {str(e["UID"]) for e in later} & uids
    assert all(int(e["SEQUENCE"]) >= int(events[0]["SEQUENCE"]) for e in later)
    # Another case: other UIDs, and another token in the titles.
    _, ander = _events({**invoer, "zaak": "ffff0000eeee"})
    assert not ({str(e["UID"]) for e in ander} & uids)
    assert all(str(e["SUMMARY"]).endswith("#ffff") for e in ander)


def test_agenda_elke_uid_eenmaal_ook_bij_twee_regelwijzigingen():
    # West-Brabant, melding 4-6-2018, route onderzoek: the agreements change on 1-1-2019 and on 1-4-2022
    # (001), so the moment 'regels-gewijzigd' occurs twice; a calendar keeps one event per UID.
    _, events = _events(
        {
            "regio": "west-brabant",
            "route": "onderzoek",
            "melding": "2018-06-04",
            "peildatum": "2018-06-04",
            "zaak": "abcdef123456",
        }
    )
    uids = [str(e["UID"]) for e in events]
    wijzigingen = [u for u in uids if "regels-gewijzigd" in u]
    assert len(wijzigingen) == 2 and len(set(uids)) == len(uids)


def test_haken_in_een_tekst_zijn_geen_nesting():
    # Brackets inside a string (also after an escaped quote) are text, not depth: the regio is checked normally.
    tekst = json.dumps({"regio": 'a"[[[[[[[[', "route": "direct", "melding": "2025-01-06"})
    assert json.loads(bereken_json("tijdlijn", tekst))["fouten"][0]["veld"] == "regio"
    diep = '{"regio": [[[[[["x"]]]]]]}'
    assert "te diep" in json.loads(bereken_json("tijdlijn", diep))["fouten"][0]["melding"]


def test_het_formulier_krijgt_altijd_het_antwoord_voor_vandaag(monkeypatch):
    # Without a peildatum the browser bridge answers for today (the browser's own date): the page itself
    # never works out a date.
    import calculators.uitvoer.verzoek as verzoek

    monkeypatch.setattr(verzoek, "vandaag", lambda: dt.date(2025, 6, 13))
    r = bereken(
        "tijdlijn", {"regio": "west-brabant", "route": "direct", "melding": "2025-06-04", "overdracht": "2025-06-12"}
    )
    p = r["resultaat"]["op_peildatum"]
    assert p["datum"] == "2025-06-13" and r["resultaat"]["peildatum_is_vandaag"] is True
    assert (p["partij"], p["tot_en_met"]) == ("veilig-thuis", "2025-06-16")


def test_figuur_plaatst_elke_datum_in_dagen_na_de_melding():
    r = bereken(
        "tijdlijn",
        {"regio": "midden-brabant", "route": "onderzoek", "melding": "2025-04-24", "peildatum": "2025-05-01"},
    )["resultaat"]
    f = r["figuur"]
    for m in r["momenten"]:
        assert f["dagen"][m["datum"]] == (dt.date.fromisoformat(m["datum"]) - dt.date(2025, 4, 24)).days
    assert f["peildatum"] == 7 and f["eind"] == max(f["dagen"].values())
    # Scale marks at calendar distances from the melding: 1 maand = 24 mei, 3 maanden = 24 juli.
    strepen = {s["label"]: s["datum"] for s in f["schaal"]}
    assert strepen["1 maand"] == "2025-05-24" and strepen["3 maanden"] == "2025-07-24"


def test_berekend_op_staat_er_ook_in_leesvorm():
    """The page prints when it calculated in words; the ISO value stays for machines."""
    antwoord = bereken("werkdagen", {"van": "2025-04-30", "aantal": "5"})["resultaat"]
    moment = dt.datetime.fromisoformat(antwoord["berekend_op"])
    assert antwoord["berekend_op_tekst"].endswith(f" om {moment:%H:%M}")
    dag = antwoord["berekend_op_tekst"].split()[0]
    assert dag in ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
    assert "-" not in antwoord["berekend_op_tekst"]


def test_met_een_peildatum_zegt_elk_moment_en_elke_periode_waar_het_ligt():
    # The page compares no dates: the engine says which moments are past, today or coming, and which
    # period holds the peildatum. MB direct, melding do 24-4-2025, peildatum di 6-5-2025 (overdracht
    # assumed on the triage deadline do 1-5-2025, team responsible from 1-5 + 7 dagen + 1 = vr 9-5-2025).
    r = bereken(
        "tijdlijn", {"regio": "midden-brabant", "route": "direct", "melding": "2025-04-24", "peildatum": "2025-05-06"}
    )["resultaat"]
    peil = dt.date(2025, 5, 6)
    for m in r["momenten"]:
        d = dt.date.fromisoformat(m["datum"])
        assert m["tov_peildatum"] == ("voorbij" if d < peil else "vandaag" if d == peil else "komt")
    houders = [v for v in r["verantwoordelijkheid"] if v["op_peildatum"]]
    assert len(houders) == 1 and houders[0]["partij"] == r["op_peildatum"]["partij"] == "veilig-thuis"
