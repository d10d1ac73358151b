"""The calendar file (issue 20): from the peildatum on, reminders computed by the engine, short titles that name
region, kind of moment and case, a link back to the calculation, the source in the description."""

from __future__ import annotations

import datetime as dt

import pytest

from calculators.basis.begrippen import ROUTES
from calculators.recht.regios import alle_regios
from calculators.uitvoer import verzoek
from calculators.uitvoer.agenda import TITEL_MAX
from calculators.uitvoer.herinneringen import Herinnering, herinneringen, vorige_werkdag
from calculators.uitvoer.verzoek import bereken

ZAAK = "3f9a1b2c3d4e5f60"
ADRES = (
    "https://intranet.example/afspraken/rekenhulpen/?rekenhulp=tijdlijn&regio=zuid-limburg&route=direct"
    "&melding=2026-11-27&zaak=3f9a1b2c3d4e5f60#tijdlijn"
)
# ZL direct, melding vr 27-11-2026: veiligheidsbeoordeling, brief en overdracht uiterlijk vr 4-12; contact met het
# gezin binnen 3 weken na de overdracht: vr 25-12 (Eerste Kerstdag); afstemming 2 maanden na de overdracht: do 4-2-2027.
KERST = {
    "regio": "zuid-limburg",
    "route": "direct",
    "melding": "2026-11-27",
    "zaak": ZAAK,
    "adres": ADRES,
    "site_url": "https://intranet.example/afspraken/",
}


@pytest.fixture(autouse=True)
def vandaag(monkeypatch):
    """The user's today (a reminder before it is left out): fixed, so the expected reminders do not age."""
    monkeypatch.setattr(verzoek, "vandaag", lambda: dt.date(2026, 12, 7))


def _agenda(invoer: dict) -> tuple[dict, list]:
    icalendar = pytest.importorskip("icalendar")
    antwoord = bereken("agenda", invoer)
    assert antwoord["ok"], antwoord
    r = antwoord["resultaat"]
    return r, list(icalendar.Calendar.from_ical(r["ics"]).walk("VEVENT"))


def test_de_werkdag_ervoor_slaat_weekend_en_feestdagen_over():
    assert vorige_werkdag(dt.date(2026, 12, 25), "atw") == dt.date(2026, 12, 24)  # vr, Eerste Kerstdag -> do
    assert vorige_werkdag(dt.date(2026, 12, 28), "atw") == dt.date(2026, 12, 24)  # ma: za 26, vr 25 overgeslagen
    assert vorige_werkdag(dt.date(2025, 5, 6), "atw") == dt.date(2025, 5, 2)  # di na 5 mei (ma) en het weekend
    assert vorige_werkdag(dt.date(2025, 5, 6), "weekend") == dt.date(2025, 5, 5)  # 5 mei telt in die kalender


def test_herinneringen_alleen_bij_termijnen_en_monitoring_en_niet_voor_vandaag():
    kerst = dt.date(2026, 12, 25)
    assert herinneringen(kerst, "termijn", "atw") == (
        Herinnering(dt.date(2026, 12, 24), kerst),
        Herinnering(kerst, kerst),
    )
    assert len(herinneringen(kerst, "monitoring", "atw")) == 2
    assert herinneringen(kerst, "wissel", "atw") == () and herinneringen(kerst, "versie", "atw") == ()
    assert herinneringen(kerst, "termijn", "atw", vandaag=kerst) == (Herinnering(kerst, kerst),)
    assert herinneringen(kerst, "termijn", "atw", vandaag=dt.date(2026, 12, 26)) == ()


@pytest.mark.parametrize(
    "datum,dag,trigger",
    [
        ("2026-12-24", "2026-12-25", "-PT15H"),  # 9:00 the day before: 15 hours before the day starts
        ("2026-12-25", "2026-12-25", "PT9H"),  # 9:00 on the day itself
        ("2026-12-24", "2026-12-28", "-P3DT15H"),  # Monday 28-12: Thursday 24-12 at 9:00
    ],
)
def test_een_herinnering_is_om_9_uur_gerekend_vanaf_het_begin_van_de_dag(datum, dag, trigger):
    assert Herinnering(dt.date.fromisoformat(datum), dt.date.fromisoformat(dag)).trigger() == trigger


def test_standaard_alleen_momenten_vanaf_de_peildatum_met_herinneringen():
    r, events = _agenda({**KERST, "peildatum": "2026-12-10"})
    # Before do 10-12: melding (no event anyway) and five moments on vr 4-12; from then on two deadlines.
    assert [e.decoded("DTSTART") for e in events] == [dt.date(2026, 12, 25), dt.date(2027, 2, 4)]
    assert (r["weggelaten"], r["vanaf"], r["vanaf_tekst"]) == (5, "2026-12-10", "do 10 december 2026")
    kerst = events[0]
    assert [str(a["TRIGGER"].to_ical(), "ascii") for a in kerst.walk("VALARM")] == ["-PT15H", "PT9H"]
    assert all(
        str(a["ACTION"]) == "DISPLAY" and "Uiterlijk contact gezin" in str(a["DESCRIPTION"])
        for a in kerst.walk("VALARM")
    )
    assert r["afspraken"][0]["herinneringen"] == [
        {"datum": "2026-12-24", "datum_tekst": "do 24 december 2026", "tijd": "09:00"},
        {"datum": "2026-12-25", "datum_tekst": "vr 25 december 2026, Eerste Kerstdag", "tijd": "09:00"},
    ]
    # The description: the date with its feestdag, the source paragraph with its link, the way back, the case.
    beschrijving = str(kerst["DESCRIPTION"])
    assert "Datum: vr 25 december 2026, Eerste Kerstdag" in beschrijving
    assert "§ 2, onder f" in beschrijving and "https://intranet.example/afspraken/" in beschrijving
    assert f"Deze berekening openen: {ADRES}" in beschrijving and str(kerst["URL"]) == ADRES
    assert "#3f9a" in beschrijving and "geen advies" in beschrijving


def test_voorbije_momenten_op_verzoek_en_uids_blijven_gelijk():
    nu, events = _agenda({**KERST, "peildatum": "2026-12-10"})
    alle, alle_events = _agenda({**KERST, "peildatum": "2026-12-10", "ook_voorbij": "ja"})
    assert len(alle_events) == 7 and alle["weggelaten"] == 0 and alle["vanaf"] is None
    assert {str(e["UID"]) for e in events} < {str(e["UID"]) for e in alle_events}
    # Wissels have no reminders; deadlines before the peildatum have them only where they are not past.
    wissel = next(e for e in alle_events if "verantwoordelijk" in str(e["SUMMARY"]))
    assert list(wissel.walk("VALARM")) == []


def test_titels_noemen_soort_regio_en_casus_in_hoogstens_60_tekens():
    # Every region, route and version, with nothing given (every assumption marked): no title too long, none cut.
    for code, regio in alle_regios().items():
        for versie in regio.versies:
            for route in ROUTES:
                melding = versie.geldig_vanaf.isoformat()
                r, _ = _agenda({"regio": code, "route": route, "melding": melding, "peildatum": melding, "zaak": ZAAK})
                for a in r["afspraken"]:
                    assert len(a["titel"]) <= TITEL_MAX and "…" not in a["titel"], a["titel"]
                    assert a["titel"].endswith(f" – {regio.naam} #3f9a"), a["titel"]
    r, _ = _agenda({**KERST, "peildatum": "2026-11-27"})
    titels = [a["titel"] for a in r["afspraken"]]
    assert "Uiterlijk contact gezin (aanname) – Zuid-Limburg #3f9a" in titels
    assert "Uiterlijk veiligheidsbeoordeling – Zuid-Limburg #3f9a" in titels  # counts from the melding: no assumption


@pytest.mark.parametrize("adres", ["javascript:alert(1)", "https://a b/", "x" * 10, "https://" + "a" * 2001])
def test_een_adres_dat_geen_webadres_is_wordt_geweigerd(adres):
    antwoord = bereken("agenda", {**KERST, "adres": adres})
    assert not antwoord["ok"] and antwoord["fouten"][0]["veld"] == "adres"
