"""De JSON-ingang voor de browser (calculators.verzoek) en het agenda-bestand (.ics)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from calculators.verzoek import bereken, bereken_json


def test_tijdlijn_via_verzoek_met_formulierwaarden():
    # Een formulier stuurt lege velden niet mee, vinkjes als true/false en kan extra velden hebben.
    antwoord = bereken("tijdlijn", {"regio": "west-brabant", "route": "direct", "melding": "2025-06-04",
                                    "spoed": False, "jeugdbeschermingstafel": False, "kalender": "atw",
                                    "onbekend_veld": "genegeerd"})
    assert antwoord["ok"] is True
    r = antwoord["resultaat"]
    assert r["regio_naam"] == "West-Brabant" and r["route_naam"].startswith("Directe overdracht")
    assert r["contract"] == "afsprakenwijzer-tijdlijn/1"
    # Lokaal team vanaf di 17-6-2025 (zie test_eind_tot_eind.py).
    assert r["verantwoordelijkheid"][-1]["van"] == "2025-06-17"
    assert "monitoring_toelichting" in r  # directe route: geen monitoring


def test_fout_komt_terug_bij_het_juiste_veld():
    antwoord = bereken("tijdlijn", {"regio": "midden-brabant", "route": "direct", "melding": "2025-02-30"})
    assert antwoord == {"ok": False, "fouten": [
        {"veld": "melding", "melding": "Ongeldige datum voor de meldingsdatum: '2025-02-30' bestaat niet."}]}
    leeg = bereken("tijdlijn", {"regio": "midden-brabant", "route": "direct", "melding": ""})
    assert leeg["fouten"][0]["veld"] == "melding"


def test_vinkjes_als_tekst_uit_een_gedeelde_link():
    antwoord = bereken("tijdlijn", {"regio": "zuid-limburg", "route": "onderzoek", "melding": "2024-05-08",
                                    "spoed": "ja"})
    assert antwoord["ok"] and antwoord["resultaat"]["verantwoordelijkheid"][0]["partij"] == "veilig-thuis"
    fout = bereken("tijdlijn", {"regio": "zuid-limburg", "route": "onderzoek", "melding": "2024-05-08",
                                "spoed": "misschien"})
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


def test_terugkoppeling_geeft_datum_en_criteria():
    # Melding ma 25-11-2024, overdracht aangenomen ma 2-12-2024 (di 26 .. ma 2-12 = 5 werkdagen);
    # terugkoppeling tot 2-12 + 3 maanden = zo 2-3-2025.
    antwoord = bereken("terugkoppeling", {"melding": "2024-11-25", "kalender": "atw"})
    r = antwoord["resultaat"]
    assert r["uiterlijk"]["datum"] == "2025-03-02"
    assert r["overdracht"]["status"] == "aangenomen"
    assert len(r["criteria"]) == 4 and r["criteria_bron"]["url"].endswith("#terugkoppelingsformulier")


def test_onbekende_soort_en_kapotte_json():
    assert bereken("raden", {})["ok"] is False
    assert json.loads(bereken_json("tijdlijn", "{kapot"))["fouten"][0]["melding"] == "De invoer is geen geldige JSON."
    ok = json.loads(bereken_json("tijdlijn", json.dumps({"regio": "landelijk", "route": "direct",
                                                         "melding": "2024-09-02"})))
    assert ok["ok"] is True


def test_agenda_is_geldig_icalendar():
    icalendar = pytest.importorskip("icalendar")
    antwoord = bereken("agenda", {"regio": "midden-brabant", "route": "onderzoek", "melding": "2026-04-24",
                                  "vbs": "crisis"})
    r = antwoord["resultaat"]
    assert r["bestandsnaam"] == "tijdlijn-midden-brabant-onderzoek-2026-04-24.ics"
    assert all(len(regel.encode("utf-8")) <= 75 for regel in r["ics"].split("\r\n"))
    kalender = icalendar.Calendar.from_ical(r["ics"])
    events = [c for c in kalender.walk() if c.name == "VEVENT"]
    # Zelfde momenten als de tijdlijn (zie test_eind_tot_eind.py): 14 momenten, o.a. VBS-verdeling do 7-5-2026.
    assert len(events) == 14
    per_titel = {str(e["SUMMARY"]).split(" (")[0]: e for e in events}
    vbs = per_titel["Uiterste datum verdeling van de VBS-casus door het lokale team"]
    assert vbs.decoded("DTSTART") == dt.date(2026, 5, 7)
    assert vbs.decoded("DTEND") == dt.date(2026, 5, 8)
    assert "4.2" in str(vbs["DESCRIPTION"]) and "werkdagen" in str(vbs["DESCRIPTION"])
    assert len({str(e["UID"]) for e in events}) == len(events)
