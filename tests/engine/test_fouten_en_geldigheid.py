"""Foutmeldingen van de API en de geldigheid van afspraken-versies.

Elke fout is een AfsprakenFout met een Nederlandse melding die de onjuiste waarde noemt, en
``veld`` wijst het invoerveld aan.
"""

from __future__ import annotations

import pytest

from calculators import AfsprakenFout, REGIOS, ROUTES, tijdlijn


def fout(**kwargs) -> AfsprakenFout:
    args = {"regio": "midden-brabant", "route": "direct", "melding": "2024-09-02"}
    args.update(kwargs)
    regio, route, melding = args.pop("regio"), args.pop("route"), args.pop("melding")
    with pytest.raises(AfsprakenFout) as e:
        tijdlijn(regio, route, melding, **args)
    return e.value


@pytest.mark.parametrize("waarde, stuk", [
    ("2024-02-30", "bestaat niet"), ("2024-13-01", "bestaat niet"), ("02-09-2024", "JJJJ-MM-DD"),
    ("gisteren", "JJJJ-MM-DD"), (20240902, "geen datum"),
])
def test_ongeldige_meldingsdatum(waarde, stuk):
    e = fout(melding=waarde)
    assert e.veld == "melding" and stuk in str(e) and repr(waarde) in str(e)


def test_ongeldige_overdrachtsdatum_noemt_het_veld():
    e = fout(overdracht="2024-09-31")
    assert e.veld == "overdracht" and "'2024-09-31'" in str(e)


def test_overdracht_voor_melding():
    e = fout(overdracht="2024-09-01")
    assert e.veld == "overdracht"
    assert "2024-09-01" in str(e) and "2024-09-02" in str(e) and "vóór" in str(e)


def test_dienst_einde_voor_melding():
    e = fout(route="onderzoek", dienst_einde="2024-08-30")
    assert e.veld == "dienst_einde" and "2024-08-30" in str(e)


def test_overdracht_voor_einde_dienst():
    e = fout(route="onderzoek", dienst_einde="2024-10-30", overdracht="2024-10-29")
    assert e.veld == "overdracht" and "2024-10-29" in str(e) and "2024-10-30" in str(e)


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


@pytest.mark.parametrize("kwargs, veld, waar", [
    ({"regio": "west-brabant", "route": "onderzoek", "vbs": "crisis"}, "vbs", "midden-brabant"),
    ({"regio": "midden-brabant", "route": "direct", "vbs": "regulier"}, "vbs", "voorwaarden-en-vervolg"),
    ({"regio": "zuid-limburg", "terugkoppeling": "2024-10-01"}, "terugkoppeling", "midden-brabant (route direct)"),
    ({"regio": "midden-brabant", "route": "onderzoek", "terugkoppeling": "2024-12-01"}, "terugkoppeling", "route direct"),
    ({"regio": "midden-brabant", "route": "direct", "dienst_einde": "2024-10-01"}, "dienst_einde", "onderzoek"),
    ({"regio": "zuid-limburg", "route": "onderzoek", "jeugdbeschermingstafel": True}, "jeugdbeschermingstafel",
     "midden-brabant"),
    ({"regio": "midden-brabant", "route": "direct", "jeugdbeschermingstafel": True}, "jeugdbeschermingstafel",
     "onderzoek"),
    ({"regio": "landelijk", "heraanmelding": True}, "heraanmelding", "midden-brabant"),
    ({"regio": "west-brabant", "start_hulp": "2024-10-01"}, "start_hulp", "2022-04-01"),
])
def test_optie_niet_beschikbaar_zegt_waar_wel(kwargs, veld, waar):
    e = fout(**kwargs)
    assert e.veld == veld
    assert f"'{veld}'" in str(e) and "niet beschikbaar" in str(e) and waar in str(e)


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
    assert e.veld == "terugkoppeling" and "2024-12-09" in str(e) and "2024-12-06" in str(e)
    tijdlijn("midden-brabant", "direct", "2024-09-02", overdracht="2024-09-06", terugkoppeling="2024-12-06")


def test_terugkoppeling_voor_overdracht():
    e = fout(overdracht="2024-09-06", terugkoppeling="2024-09-05")
    assert e.veld == "terugkoppeling"


@pytest.mark.parametrize("melding", ["2014-12-31", "2036-01-01"])
def test_datum_buiten_het_kalenderbereik(melding):
    e = fout(regio="landelijk", melding=melding)
    assert e.veld == "melding" and melding in str(e) and "2015" in str(e)


def test_berekening_die_buiten_het_kalenderbereik_komt():
    # Melding vr 28-12-2035: de vijfde werkdag valt in 2036, buiten het bereik van de kalender.
    e = fout(regio="landelijk", melding="2035-12-28")
    assert e.veld == "kalender" and "2036" in str(e)


def test_lid3_kalender_voor_een_jaar_zonder_besluit():
    e = fout(regio="west-brabant", melding="2022-06-01", kalender="atw-lid3")
    assert e.veld == "kalender" and "2022" in str(e)


# --- geldigheid van versies ------------------------------------------------------------------------


@pytest.mark.parametrize("regio, te_vroeg, eerste", [
    ("landelijk", "2016-06-30", "2016-07-01"),
    ("midden-brabant", "2024-06-30", "2024-07-01"),
    ("west-brabant", "2016-12-31", "2017-01-01"),
    ("zuid-limburg", "2022-01-19", "2022-01-20"),
])
def test_melding_voor_de_eerste_versie_wordt_geweigerd(regio, te_vroeg, eerste):
    e = fout(regio=regio, melding=te_vroeg)
    assert e.veld == "melding" and te_vroeg in str(e) and eerste in str(e)
    assert tijdlijn(regio, "direct", eerste).afspraken_versie.geldig_vanaf.isoformat() == eerste


def test_west_brabant_wisselt_van_versie_op_1_april_2022():
    oud = tijdlijn("west-brabant", "direct", "2022-03-31")
    nieuw = tijdlijn("west-brabant", "direct", "2022-04-01")
    assert oud.afspraken_versie.code == "richtlijnen-2017"
    assert oud.afspraken_versie.geldig_tot.isoformat() == "2022-04-01"
    assert nieuw.afspraken_versie.code == "afspraken-2022"
    # Nooit stil de nieuwe regel (na 2 werkdagen) toepassen op een melding onder de oude richtlijnen.
    assert oud.moment("lokaal-team-verantwoordelijk") is None
    assert nieuw.moment("lokaal-team-verantwoordelijk").regel == "lokaal-team-na-2-werkdagen"


def test_west_brabant_2018_heeft_nog_geen_landelijke_monitoring():
    # Melding 2018 (Richtlijnen 2017): de landelijke monitoringsregel (Handelingsprotocol 2019) geldt nog niet.
    t = tijdlijn("west-brabant", "onderzoek", "2018-03-01", start_hulp="2018-06-01")
    assert not [m for m in t.momenten if m.code.startswith("monitoring")]
    assert any("2019-01-01" in o for o in t.opmerkingen)
