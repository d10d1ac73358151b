"""Foutmeldingen van de API en de geldigheid van afspraken-versies.

Elke fout is een AfsprakenFout met een Nederlandse melding die de onjuiste waarde noemt, en
``veld`` wijst het invoerveld aan.
"""

from __future__ import annotations

import pytest

from calculators import ROUTES, AfsprakenFout, tijdlijn
from calculators.recht.regios import regio_codes

REGIOS = regio_codes()


def fout(**kwargs) -> AfsprakenFout:
    args = {"regio": "midden-brabant", "route": "direct", "melding": "2024-09-02"}
    args.update(kwargs)
    regio, route, melding = args.pop("regio"), args.pop("route"), args.pop("melding")
    with pytest.raises(AfsprakenFout) as e:
        tijdlijn(regio, route, melding, **args)
    return e.value


@pytest.mark.parametrize(
    "waarde, stuk",
    [
        ("2024-02-30", "bestaat niet"),
        ("2024-13-01", "bestaat niet"),
        ("02-09-2024", "JJJJ-MM-DD"),
        ("gisteren", "JJJJ-MM-DD"),
        (20240902, "geen datum"),
    ],
)
def test_ongeldige_meldingsdatum(waarde, stuk):
    e = fout(melding=waarde)
    assert e.veld == "melding" and stuk in str(e) and repr(waarde) in str(e)


def test_ongeldige_overdrachtsdatum_noemt_het_veld():
    e = fout(overdracht="2024-09-31")
    assert e.veld == "overdracht" and "'2024-09-31'" in str(e)


def test_overdracht_voor_melding():
    e = fout(overdracht="2024-09-01")
    assert e.veld == "overdracht"
    assert "1 september 2024" in str(e) and "2 september 2024" in str(e) and "vóór" in str(e)


def test_dienst_einde_voor_melding():
    e = fout(route="onderzoek", dienst_einde="2024-08-30")
    assert e.veld == "dienst_einde" and "30 augustus 2024" in str(e)


def test_overdracht_voor_einde_dienst():
    e = fout(route="onderzoek", dienst_einde="2024-10-30", overdracht="2024-10-29")
    assert e.veld == "overdracht" and "29 oktober 2024" in str(e) and "30 oktober 2024" in str(e)


def test_veiligheidsbeoordeling_na_overdracht():
    e = fout(veiligheidsbeoordeling="2024-09-06", overdracht="2024-09-05")
    assert e.veld == "overdracht"


def test_onbekende_regio_noemt_de_geldige():
    e = fout(regio="noord-brabant")
    assert e.veld == "regio" and "'noord-brabant'" in str(e)
    assert all(r in str(e) for r in REGIOS)


def test_onbekende_route_noemt_de_geldige():
    e = fout(route="dienst")
    assert e.veld == "route" and "'dienst'" in str(e)
    assert all(r in str(e) for r in ROUTES)


def test_onbekende_kalender():
    e = fout(kalender="nl")
    assert e.veld == "kalender" and "'nl'" in str(e) and "atw-lid3" in str(e)


DIRECT = "route ‘Directe overdracht na de veiligheidsbeoordeling’"
DIENSTEN = "route ‘Dienst Voorwaarden & Vervolg, daarna overdracht’ of ‘Dienst Onderzoek, daarna overdracht’"


@pytest.mark.parametrize(
    "kwargs, veld, naam, waar",
    [
        (
            {"regio": "west-brabant", "route": "onderzoek", "vbs": "crisis"},
            "vbs",
            "Verbindend Samenwerken",
            f"Midden-Brabant ({DIENSTEN})",
        ),
        ({"regio": "midden-brabant", "route": "direct", "vbs": "regulier"}, "vbs", "Verbindend Samenwerken", DIENSTEN),
        (
            {"regio": "zuid-limburg", "terugkoppeling": "2024-10-01"},
            "terugkoppeling",
            "De terugkoppeling",
            f"Midden-Brabant ({DIRECT})",
        ),
        (
            {"regio": "midden-brabant", "route": "onderzoek", "terugkoppeling": "2024-12-01"},
            "terugkoppeling",
            "De terugkoppeling",
            DIRECT,
        ),
        (
            {"regio": "midden-brabant", "route": "direct", "dienst_einde": "2024-10-01"},
            "dienst_einde",
            "Het einde van de dienst",
            "Dienst Onderzoek",
        ),
        (
            {"regio": "zuid-limburg", "route": "onderzoek", "jeugdbeschermingstafel": True},
            "jeugdbeschermingstafel",
            "Inbreng bij de Jeugdbeschermingstafel",
            "Midden-Brabant",
        ),
        (
            {"regio": "midden-brabant", "route": "direct", "jeugdbeschermingstafel": True},
            "jeugdbeschermingstafel",
            "Inbreng bij de Jeugdbeschermingstafel",
            "Dienst Onderzoek",
        ),
        (
            {"regio": "landelijk", "heraanmelding": True},
            "heraanmelding",
            "Een nieuwe aanmelding bij stagnatie",
            f"Midden-Brabant ({DIENSTEN})",
        ),
        (
            {"regio": "west-brabant", "start_hulp": "2024-10-01"},
            "start_hulp",
            "De start van de hulp",
            "meldingen van 1 januari 2017 tot 1 april 2022",
        ),
    ],
)
def test_optie_niet_beschikbaar_zegt_waar_wel(kwargs, veld, naam, waar):
    # The message names the option and the places in reader words, never the code names.
    e = fout(**kwargs)
    assert e.veld == veld
    assert str(e).startswith(naam) and "hoort niet bij" in str(e) and waar in str(e)
    assert f"'{veld}'" not in str(e)


def test_ongeldige_vbs_soort():
    e = fout(route="onderzoek", vbs="urgent")
    assert e.veld == "vbs" and "'urgent'" in str(e) and "crisis" in str(e)


def test_ja_nee_optie_moet_bool_zijn():
    e = fout(spoed="ja")
    assert e.veld == "spoed"


def test_terugkoppeling_na_drie_maanden_is_geweigerd():
    # Overdracht 6-9-2024 (aangenomen: uiterste datum, di 3 .. vr 6 .. ma 9-9; hier opgegeven 6-9) + 3 maanden
    # = vr 6-12-2024; een terugkoppeling op 9-12 valt buiten de afspraak (000 § 4.1).
    e = fout(overdracht="2024-09-06", terugkoppeling="2024-12-09")
    assert e.veld == "terugkoppeling" and "9 december 2024" in str(e) and "6 december 2024" in str(e)
    tijdlijn("midden-brabant", "direct", "2024-09-02", overdracht="2024-09-06", terugkoppeling="2024-12-06")


def test_terugkoppeling_voor_overdracht():
    e = fout(overdracht="2024-09-06", terugkoppeling="2024-09-05")
    assert e.veld == "terugkoppeling"


@pytest.mark.parametrize("melding, tekst", [("2014-12-31", "31 december 2014"), ("2036-01-01", "1 januari 2036")])
def test_datum_buiten_het_kalenderbereik(melding, tekst):
    e = fout(regio="landelijk", melding=melding)
    assert e.veld == "melding" and tekst in str(e) and "2015" in str(e) and "2035" in str(e)


def test_een_melding_eind_2035_met_termijnen_in_2036_en_2037():
    # Melding vr 28-12-2035: de vijfde werkdag valt in 2036 (ma 31 (1), di 1-1 Nieuwjaarsdag, wo 2 (2) .. ma 7-1-2036);
    # de monitoring na een dienst loopt tot in 2037. De kalender reikt daarom verder dan de invoerjaren.
    t = tijdlijn("landelijk", "onderzoek", "2035-12-28")
    assert t.moment("veiligheidsbeoordeling-uiterlijk").datum.isoformat() == "2036-01-07"
    assert t.moment("monitoring-einde-gemiddeld").datum.year == 2037


def test_lid3_kalender_voor_een_jaar_zonder_besluit():
    e = fout(regio="west-brabant", melding="2022-06-01", kalender="atw-lid3")
    assert e.veld == "kalender" and "2022" in str(e)


# --- geldigheid van versies ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "regio, te_vroeg, eerste",
    [
        ("landelijk", "2016-06-30", "2016-07-01"),
        ("midden-brabant", "2024-06-30", "2024-07-01"),
        ("west-brabant", "2016-06-30", "2016-07-01"),
        ("zuid-limburg", "2022-01-19", "2022-01-20"),
    ],
)
def test_melding_voor_de_eerste_versie_wordt_geweigerd(regio, te_vroeg, eerste):
    from calculators.basis.opmaak import datum_kort
    from tests.engine.conftest import d

    e = fout(regio=regio, melding=te_vroeg)
    assert e.veld == "melding" and datum_kort(d(te_vroeg)) in str(e) and datum_kort(d(eerste)) in str(e)
    assert tijdlijn(regio, "direct", eerste).afspraken_versie.geldig_vanaf.isoformat() == eerste


def test_west_brabant_voor_2017_volgt_het_landelijk_kader():
    # 001 (Aanleiding) noemt de Richtlijnen van januari 2017 "de eerdere versie" en geen oudere afspraken: een
    # melding van eind 2016 wordt niet geweigerd, maar berekend met het landelijk kader, en de uitkomst zegt waarom.
    t = tijdlijn("west-brabant", "direct", "2016-12-20")
    assert t.afspraken_versie.code == "geen-regionale-afspraken"
    terugval = t.notities_met("landelijk-vult-aan")
    assert [n["regionale_tekst"] for n in terugval][0] == "geen"
    assert "geen afspraken van West-Brabant bekend" in terugval[0].tekst(t.partijen)
    assert t.moment("veilig-thuis-verantwoordelijk").landelijk_terugval


def test_west_brabant_wisselt_van_versie_op_1_april_2022():
    oud = tijdlijn("west-brabant", "direct", "2022-03-31")
    nieuw = tijdlijn("west-brabant", "direct", "2022-04-01")
    assert oud.afspraken_versie.code == "richtlijnen-2017"
    assert oud.afspraken_versie.geldig_tot.isoformat() == "2022-04-01"
    assert nieuw.afspraken_versie.code == "afspraken-2022"
    assert [v.code for _, v in oud.versies_gebruikt] == ["richtlijnen-2017", "afspraken-2022"]
    assert [v.code for _, v in nieuw.versies_gebruikt] == ["afspraken-2022"]


def test_een_casus_over_het_einde_van_de_richtlijnen_2017_krijgt_daarna_de_nieuwe_regel():
    # 001 voorstel 2: de Richtlijnen 2017 "met ingang van 1 april 2022 te beëindigen"; § a: "het lokale team
    # verantwoordelijk … na 2 werkdagen, ook bij een interne wachtlijst". Melding ma 28-3-2022, overdracht
    # ma 4-4: na 2 werkdagen (di 5, wo 6) is het lokale team verantwoordelijk vanaf do 7-4-2022, niet
    # "zolang wachtlijst" zonder einde.
    t = tijdlijn("west-brabant", "direct", "2022-03-28", overdracht="2022-04-04")
    perioden = [
        (v.van.isoformat(), v.tot.isoformat() if v.tot else None, v.to_dict()["partij"]) for v in t.verantwoordelijkheid
    ]
    assert perioden == [
        ("2022-03-28", "2022-04-04", None),
        ("2022-04-04", "2022-04-07", "veilig-thuis"),
        ("2022-04-07", None, "lokaal-team"),
    ]
    wissel = t.moment("regels-gewijzigd")
    assert wissel.datum.isoformat() == "2022-04-01" and wissel.bron.anker == "par-1"
    assert "Samenwerkingsafspraken Lokale Teams" in wissel.omschrijving and wissel.interpretatie


def test_een_wachtlijst_onder_de_richtlijnen_2017_eindigt_op_1_april_2022():
    # Overdracht ma 21-3-2022 onder de Richtlijnen 2017, geen startdatum van de hulp. Wie dan verantwoordelijk was,
    # hangt af van een feit dat de rekenhulp niet kent: VT "wanneer er … een wachtlijst is" (001 a), anders het
    # lokale team. Dat zegt de uitkomst (onbepaald, met beide lezingen), en niet langer dan de richtlijnen golden:
    # vanaf 1-4-2022 geldt de nieuwe afspraak (na 2 werkdagen, ook bij een wachtlijst): het lokale team.
    t = tijdlijn("west-brabant", "direct", "2022-03-14", veiligheidsbeoordeling="2022-03-18", overdracht="2022-03-21")
    onbepaald, team = t.verantwoordelijkheid[-2], t.verantwoordelijkheid[-1]
    assert (onbepaald.partij, onbepaald.van.isoformat(), onbepaald.tot.isoformat()) == (
        "onbepaald",
        "2022-03-21",
        "2022-04-01",
    )
    assert onbepaald.to_dict()["aanwijzing"] == "onbepaald" and onbepaald.to_dict()["partij"] is None
    assert "wachtlijst" in onbepaald.toelichting and "Had het geen wachtlijst" in onbepaald.toelichting
    assert (team.partij, team.van.isoformat(), team.tot) == ("lokaal-team", "2022-04-01", None)
    assert "1 april 2022" in team.toelichting
    assert t.moment("regels-gewijzigd").verantwoordelijke == "lokaal-team"
    # The overdracht cites the waiting-list rule of 2017, not the national end of responsibility (004 § 2.2).
    assert t.moment("overdracht").regel == "lokaal-team-bij-start-hulp"
    # Begon de hulp al vóór 1 april, dan is het lokale team verantwoordelijk vanaf die dag, zonder onderbreking.
    t = tijdlijn(
        "west-brabant",
        "direct",
        "2022-03-14",
        veiligheidsbeoordeling="2022-03-18",
        overdracht="2022-03-21",
        start_hulp="2022-03-25",
    )
    team = t.verantwoordelijkheid[-1]
    assert (team.partij, team.van.isoformat(), team.tot) == ("lokaal-team", "2022-03-25", None)


def test_west_brabant_2018_monitoring_volgt_de_regels_op_de_datum_van_het_moment():
    # Melding do 1-3-2018 (Richtlijnen 2017): de landelijke monitoringsregel (Handelingsprotocol 2019) geldt vanaf
    # 1-1-2019 (aangenomen). Start onderzoek 1-3 + 5 = di 6-3, de triage daarvóór: aangenomen 6-3-2018; dienst
    # uiterlijk 6-3 + 10 weken = di 15-5-2018 = overdracht. Het moment na 3 maanden (15-8-2018) lag vóór 2019 en
    # komt er niet; die na 12 en 18 maanden wel.
    t = tijdlijn("west-brabant", "onderzoek", "2018-03-01", start_hulp="2018-06-01")
    assert t.moment("monitoring-3-maanden") is None
    assert t.moment("monitoring-12-maanden").datum.isoformat() == "2019-05-15"
    assert t.moment("regels-gewijzigd").datum.isoformat() == "2019-01-01"
    assert "monitoring" in t.moment("regels-gewijzigd").omschrijving.lower()
