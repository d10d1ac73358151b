"""Per regio en per route een volledige tijdlijn rond weekenden en feestdagen.

Elke verwachte datum is in het commentaar met de hand afgeleid (gewone kalender; Pasen 2024 =
31 maart, 2025 = 20 april, 2026 = 5 april). Werkdagen tellen vanaf de dag na het beginpunt.
"""

from __future__ import annotations

import pytest

from calculators import tijdlijn


def momenten(t):
    return [(m.datum.isoformat(), m.code, m.status) for m in t.momenten]


def intervallen(t):
    """(van, tot, partij) as in the JSON: partij None where the text names nobody."""
    return [(d["van"], d["tot"], d["partij"]) for d in (v.to_dict() for v in t.verantwoordelijkheid)]


def test_midden_brabant_direct_rond_pasen_en_koningsdag_2025():
    # Melding do 17-4-2025. Veiligheidsbeoordeling en overdracht binnen 5 werkdagen (000 § 4.1):
    # vr 18 Goede Vrijdag, za/zo, ma 21 Tweede Paasdag, di 22 (1), wo 23 (2), do 24 (3), vr 25 (4),
    # za 26 Koningsdag (27-4 is een zondag), zo 27, ma 28-4 (5). Niets opgegeven: aangenomen 28-4.
    # VT vanaf de (aangenomen) triage 28-4 (004 § 2.1). Oppakken: 28-4 + 7 = ma 5-5 (Bevrijdingsdag telt als
    # kalenderdag gewoon mee); lokaal team vanaf di 6-5. Terugkoppeling tot 28-4 + 3 maanden = ma 28-7-2025.
    t = tijdlijn("midden-brabant", "direct", "2025-04-17")
    assert momenten(t) == [
        ("2025-04-17", "melding", "opgegeven"),
        ("2025-04-28", "veilig-thuis-verantwoordelijk", "berekend"),
        ("2025-04-28", "veiligheidsbeoordeling", "aangenomen"),
        ("2025-04-28", "veiligheidsbeoordeling-uiterlijk", "berekend"),
        ("2025-04-28", "overdracht-uiterlijk", "berekend"),
        ("2025-04-28", "overdracht", "aangenomen"),
        ("2025-05-05", "overdracht-oppakken-uiterlijk", "berekend"),
        ("2025-05-06", "lokaal-team-verantwoordelijk", "berekend"),
        ("2025-07-28", "terugkoppeling-uiterlijk", "berekend"),
    ]
    assert intervallen(t) == [
        ("2025-04-17", "2025-04-28", None),
        ("2025-04-28", "2025-05-06", "veilig-thuis"),
        ("2025-05-06", None, "lokaal-team"),
    ]
    assert t.moment("lokaal-team-verantwoordelijk").hangt_af_van_aanname


def test_midden_brabant_onderzoek_rond_koningsdag_en_5_mei_2026_met_vbs():
    # Melding vr 24-4-2026. Start van het onderzoek binnen vijf (kalender)dagen na de melding (004 voetnoot 5,
    # art. 4.1.7 lid 1): wo 29-4-2026, "nadat is vastgesteld dat onderzoek moet plaatsvinden": de triage ligt
    # dus uiterlijk op 29-4, eerder dan haar eigen termijn (landelijk, 000 noemt voor een dienst geen termijn:
    # ma 27-4 Koningsdag, di 28 (1), wo 29 (2), do 30 (3), vr 1-5 (4), ma 4-5 (5)). Aangenomen: 29-4.
    # VBS crisis: do 30 (1), vr 1-5 (2). Dienst uiterlijk 29-4 + 70 dagen: + 32 = 31-5, + 30 = 30-6 (62),
    # + 8 = wo 8-7-2026 (een werkdag: de Atw verlengt niet). De overdracht na de dienst heeft geen termijn
    # (000 § 4.3): aangenomen op de dag van de afronding, 8-7. Monitoring vanaf 8-7: 8-10-2026, vervroegen
    # 8-1-2027, 8-7-2027, gemiddeld einde 8-1-2028.
    t = tijdlijn("midden-brabant", "onderzoek", "2026-04-24", vbs="crisis")
    assert momenten(t) == [
        ("2026-04-24", "melding", "opgegeven"),
        ("2026-04-29", "veilig-thuis-verantwoordelijk", "berekend"),
        ("2026-04-29", "veiligheidsbeoordeling", "aangenomen"),
        ("2026-04-29", "onderzoek-start-uiterlijk", "berekend"),
        ("2026-05-01", "vbs-verdeling-uiterlijk", "berekend"),
        ("2026-05-04", "veiligheidsbeoordeling-uiterlijk", "berekend"),
        ("2026-07-08", "dienst-einde-uiterlijk", "berekend"),
        ("2026-07-08", "dienst-einde", "aangenomen"),
        ("2026-07-08", "overdracht", "aangenomen"),
        ("2026-07-08", "lokaal-team-verantwoordelijk", "berekend"),
        ("2026-10-08", "monitoring-3-maanden", "berekend"),
        ("2027-01-08", "monitoring-vervroegen-vanaf", "berekend"),
        ("2027-07-08", "monitoring-12-maanden", "berekend"),
        ("2028-01-08", "monitoring-einde-gemiddeld", "berekend"),
    ]
    assert intervallen(t) == [
        ("2026-04-24", "2026-04-29", None),
        ("2026-04-29", "2026-07-08", "veilig-thuis"),
        ("2026-07-08", None, "lokaal-team"),
    ]
    triage = next(n for n in t.aannames if n["invoer"] == "veiligheidsbeoordeling")
    assert (triage["datum"].isoformat(), triage["begrensd_door"]) == ("2026-04-29", "onderzoek-start-uiterlijk")
    assert t.moment("veiligheidsbeoordeling-uiterlijk").landelijk_terugval
    assert t.moment("dienst-einde-uiterlijk").landelijk_terugval


def test_midden_brabant_voorwaarden_en_vervolg_rond_kerst_met_jeugdbeschermingstafel():
    # Melding do 18-12-2025; triage uiterlijk: vr 19 (1), ma 22 (2), di 23 (3), wo 24 (4), do 25 en vr 26 Kerst,
    # ma 29-12 (5). Triage opgegeven ma 22-12. Een dienst Voorwaarden & Vervolg heeft geen uiterste einddatum: de
    # tien weken van 004 § 2.2 (voetnoot 6: art. 4.1.7 lid 2) gaan over een onderzoek. Dienst af 20-2, overdracht
    # 23-2-2026. Jeugdbeschermingstafel: geen monitoring.
    t = tijdlijn(
        "midden-brabant",
        "voorwaarden-en-vervolg",
        "2025-12-18",
        veiligheidsbeoordeling="2025-12-22",
        dienst_einde="2026-02-20",
        overdracht="2026-02-23",
        jeugdbeschermingstafel=True,
    )
    assert momenten(t) == [
        ("2025-12-18", "melding", "opgegeven"),
        ("2025-12-22", "veilig-thuis-verantwoordelijk", "berekend"),
        ("2025-12-22", "veiligheidsbeoordeling", "opgegeven"),
        ("2025-12-29", "veiligheidsbeoordeling-uiterlijk", "berekend"),
        ("2026-02-20", "dienst-einde", "opgegeven"),
        ("2026-02-23", "overdracht", "opgegeven"),
        ("2026-02-23", "lokaal-team-verantwoordelijk", "berekend"),
    ]
    assert intervallen(t) == [
        ("2025-12-18", "2025-12-22", None),
        ("2025-12-22", "2026-02-23", "veilig-thuis"),
        ("2026-02-23", None, "lokaal-team"),
    ]
    # 000 § 4.3 "Na het afronden van een dienst draagt VTMB de casus over" stelt geen termijn: een overdracht
    # drie dagen na de dienst is dus niet "te laat", en ook het landelijk kader vult hier geen termijn in.
    assert not t.notities_met("na-uiterste-datum")
    assert (
        t.moment("overdracht").regel == "overdracht-na-afronden-dienst"
        and not t.moment("overdracht").landelijk_terugval
    )


def test_midden_brabant_terugkoppeling_binnen_de_oppaktermijn():
    # Overdracht wo 4-9-2024; lokaal team zou vanaf 4-9 + 8 = do 12-9 verantwoordelijk zijn, maar het team geeft
    # de casus op vr 6-9 terug: VTMB blijft verantwoordelijk ("en niet meer bij het lokale (wijk)team", 000 § 4.1),
    # in één doorlopende periode; de termijnen van het team voor deze overdracht vervallen.
    t = tijdlijn(
        "midden-brabant",
        "direct",
        "2024-09-02",
        veiligheidsbeoordeling="2024-09-03",
        overdracht="2024-09-04",
        terugkoppeling="2024-09-06",
        peildatum="2024-09-09",
    )
    assert intervallen(t) == [
        ("2024-09-02", "2024-09-03", None),
        ("2024-09-03", None, "veilig-thuis"),
    ]
    assert t.moment("lokaal-team-verantwoordelijk") is None and t.moment("overdracht-oppakken-uiterlijk") is None
    vervalt = t.notities_met("vervalt-na")[0]
    assert {"lokaal-team-verantwoordelijk", "overdracht-oppakken-uiterlijk"} <= set(vervalt["momenten"])
    # Na de terugkoppeling is er geen volgende termijn van het team meer.
    assert t.op_peildatum["partij"] == "veilig-thuis" and t.op_peildatum["volgende"] is None


def test_west_brabant_direct_rond_pinksteren_2025():
    # Melding wo 4-6-2025; triage (landelijk): do 5 (1), vr 6 (2), ma 9 Tweede Pinksterdag, di 10 (3),
    # wo 11 (4), do 12-6 (5). Voor de overdracht na de triage stelt geen tekst een termijn (001 noemt
    # er geen, 004 § 3.1 stelt alleen een vraag): zonder overdrachtsdatum blijft Veilig Thuis
    # verantwoordelijk "tot de overdracht", en de uitkomst zegt waarom.
    t = tijdlijn("west-brabant", "direct", "2025-06-04")
    assert momenten(t) == [
        ("2025-06-04", "melding", "opgegeven"),
        ("2025-06-12", "veilig-thuis-verantwoordelijk", "berekend"),
        ("2025-06-12", "veiligheidsbeoordeling", "aangenomen"),
        ("2025-06-12", "veiligheidsbeoordeling-uiterlijk", "berekend"),
    ]
    assert intervallen(t) == [("2025-06-04", "2025-06-12", None), ("2025-06-12", None, "veilig-thuis")]
    assert "geen termijn" in t.verantwoordelijkheid[-1].toelichting
    assert [(a["invoer"], a.get("datum")) for a in t.aannames][-1] == ("overdracht", None)
    # Met de overdracht (do 12-6): lokaal team na 2 werkdagen (001 a): vr 13 (1), ma 16 (2) -> vanaf di 17-6-2025.
    t = tijdlijn("west-brabant", "direct", "2025-06-04", overdracht="2025-06-12")
    assert intervallen(t) == [
        ("2025-06-04", "2025-06-12", None),
        ("2025-06-12", "2025-06-17", "veilig-thuis"),
        ("2025-06-17", None, "lokaal-team"),
    ]
    terugval = {m.code for m in t.momenten if m.landelijk_terugval}
    assert "lokaal-team-verantwoordelijk" not in terugval and "veiligheidsbeoordeling-uiterlijk" in terugval
    assert t.moment("overdracht-uiterlijk") is None


@pytest.mark.parametrize("kalender, lokaal_team", [("atw", "2024-12-31"), ("atw-lid3", "2025-01-01")])
def test_west_brabant_voorwaarden_en_vervolg_rond_kerst_2024(kalender, lokaal_team):
    # Melding di 1-10-2024, triage ma 7-10, dienst af vr 20-12, overdracht di 24-12-2024.
    # Dienst uiterlijk (001 b, 10 weken): 7-10 + 24 = 31-10, + 30 = 30-11 (54), + 16 = ma 16-12-2024.
    # Lokaal team na 2 werkdagen: wo 25 en do 26 Kerst, vr 27 (1), ma 30 (2) -> vanaf di 31-12-2024.
    # Met atw-lid3 is vr 27-12-2024 gelijkgesteld: ma 30 (1), di 31 (2) -> vanaf wo 1-1-2025.
    # Monitoring (landelijk) vanaf 24-12-2024: 24-3-2025, 24-12-2025, 24-6-2026.
    t = tijdlijn(
        "west-brabant",
        "voorwaarden-en-vervolg",
        "2024-10-01",
        veiligheidsbeoordeling="2024-10-07",
        dienst_einde="2024-12-20",
        overdracht="2024-12-24",
        kalender=kalender,
    )
    assert t.moment("dienst-einde-uiterlijk").datum.isoformat() == "2024-12-16"
    assert t.moment("lokaal-team-verantwoordelijk").datum.isoformat() == lokaal_team
    assert [
        t.moment(c).datum.isoformat()
        for c in ("monitoring-3-maanden", "monitoring-12-maanden", "monitoring-einde-gemiddeld")
    ] == ["2025-03-24", "2025-12-24", "2026-06-24"]
    assert intervallen(t) == [
        ("2024-10-01", "2024-10-07", None),
        ("2024-10-07", lokaal_team, "veilig-thuis"),
        (lokaal_team, None, "lokaal-team"),
    ]
    assert any(
        "20 december 2024" in o and "16 december 2024" in o for o in t.opmerkingen
    )  # dienst liep over de termijn
    assert t.kalender.code == kalender


def test_west_brabant_onderzoek_laatste_dag_richtlijnen_2017_met_start_hulp():
    # Melding do 31-3-2022: nog de Richtlijnen 2017, die op 1-4-2022 eindigen (001, voorstel 2: "met ingang
    # van 1 april 2022 te beëindigen"). Alles vanaf 1-4 volgt de afspraken van 2022 (voorstel 1).
    # Start onderzoek (art. 4.1.7 lid 1): 31-3 + 5 = di 5-4; de triage gaat daaraan vooraf en wordt aangenomen
    # op 5-4 (haar eigen termijn: vr 1-4 (1) .. do 7-4 (5)). Traject maximaal 10 weken (001 b): 5-4 + 25 =
    # 30-4, + 31 = 31-5 (56), + 14 = di 14-6-2022. Lokaal team na 2 werkdagen (001 a): wo 15 (1), do 16 (2)
    # -> vanaf vr 17-6-2022, "ook bij een interne wachtlijst": de start van de hulp (1-7) speelt geen rol
    # meer. Monitoring (landelijk) vanaf 14-6-2022.
    t = tijdlijn("west-brabant", "onderzoek", "2022-03-31", start_hulp="2022-07-01")
    assert t.afspraken_versie.code == "richtlijnen-2017"
    assert [(d.isoformat(), v.code) for d, v in t.versies_gebruikt] == [
        ("2022-03-31", "richtlijnen-2017"),
        ("2022-04-01", "afspraken-2022"),
    ]
    assert momenten(t) == [
        ("2022-03-31", "melding", "opgegeven"),
        ("2022-04-01", "regels-gewijzigd", "berekend"),
        ("2022-04-05", "veilig-thuis-verantwoordelijk", "berekend"),
        ("2022-04-05", "veiligheidsbeoordeling", "aangenomen"),
        ("2022-04-05", "onderzoek-start-uiterlijk", "berekend"),  # 5 dagen na de melding (004 voetnoot 5)
        ("2022-04-07", "veiligheidsbeoordeling-uiterlijk", "berekend"),
        ("2022-06-14", "dienst-einde-uiterlijk", "berekend"),
        ("2022-06-14", "dienst-einde", "aangenomen"),
        ("2022-06-14", "overdracht-uiterlijk", "berekend"),
        ("2022-06-14", "overdracht", "aangenomen"),
        ("2022-06-17", "lokaal-team-verantwoordelijk", "berekend"),
        ("2022-09-14", "monitoring-3-maanden", "berekend"),
        ("2023-06-14", "monitoring-12-maanden", "berekend"),
        ("2023-12-14", "monitoring-einde-gemiddeld", "berekend"),
    ]
    assert intervallen(t) == [
        ("2022-03-31", "2022-04-05", None),
        ("2022-04-05", "2022-06-17", "veilig-thuis"),
        ("2022-06-17", None, "lokaal-team"),
    ]
    assert t.moment("dienst-einde-uiterlijk").regel == "traject-maximaal-10-weken"
    assert any("1 juli 2022" in o and "geen rol" in o for o in t.opmerkingen)


def test_west_brabant_onderzoek_eerste_dag_nieuwe_afspraken():
    # Melding vr 1-4-2022: de afspraken van 2022. Start onderzoek 1-4 + 5 = wo 6-4; triage daarvóór, aangenomen
    # 6-4 (eigen termijn: ma 4 (1) .. vr 8-4 (5)). Dienst uiterlijk (001 b): 6-4 + 24 = 30-4, + 31 = 31-5 (55),
    # + 15 = wo 15-6-2022. Lokaal team: do 16 (1), vr 17 (2) -> za 18-6 (de dag na de tweede werkdag).
    t = tijdlijn("west-brabant", "onderzoek", "2022-04-01")
    assert t.afspraken_versie.code == "afspraken-2022"
    assert t.moment("dienst-einde-uiterlijk").datum.isoformat() == "2022-06-15"
    assert t.moment("lokaal-team-verantwoordelijk").datum.isoformat() == "2022-06-18"
    assert intervallen(t)[-1] == ("2022-06-18", None, "lokaal-team")


@pytest.mark.parametrize(
    "kalender, beoordeling, contact, afstemming",
    [
        # atw: wo 24 (1), Kerst, ma 29 (2), di 30 (3), wo 31 (4), Nieuwjaarsdag, vr 2-1-2026 (5);
        # contact 2-1 + 21 = vr 23-1; afstemming 2-1 + 2 maanden = ma 2-3-2026.
        ("atw", "2026-01-02", "2026-01-23", "2026-03-02"),
        # atw-lid3: vr 2-1-2026 gelijkgesteld -> vijfde werkdag ma 5-1; contact ma 26-1; afstemming do 5-3.
        ("atw-lid3", "2026-01-05", "2026-01-26", "2026-03-05"),
    ],
)
def test_zuid_limburg_direct_rond_kerst_en_nieuwjaar(kalender, beoordeling, contact, afstemming):
    t = tijdlijn("zuid-limburg", "direct", "2025-12-23", kalender=kalender)
    assert momenten(t) == [
        ("2025-12-23", "melding", "opgegeven"),
        (beoordeling, "veilig-thuis-verantwoordelijk", "berekend"),
        (beoordeling, "veiligheidsbeoordeling", "aangenomen"),
        (beoordeling, "veiligheidsbeoordeling-uiterlijk", "berekend"),
        (beoordeling, "brief-directbetrokkenen-uiterlijk", "berekend"),
        (beoordeling, "overdracht-uiterlijk", "berekend"),
        (beoordeling, "overdracht", "aangenomen"),
        (beoordeling, "lokaal-team-verantwoordelijk", "berekend"),
        (contact, "contact-gezin-uiterlijk", "berekend"),
        (afstemming, "directbetrokkenen-informeren-afstemming", "berekend"),
    ]
    # Triage en overdracht op dezelfde dag (002 § 5.1.1 "Direct aansluitend"): Veilig Thuis is die dag
    # verantwoordelijk tot de overdracht; die periode blijft zichtbaar (binnen_een_dag), niet weggelaten.
    assert intervallen(t) == [
        ("2025-12-23", beoordeling, None),
        (beoordeling, beoordeling, "veilig-thuis"),
        (beoordeling, None, "lokaal-team"),
    ]
    assert t.verantwoordelijkheid[1].binnen_een_dag and t.verantwoordelijkheid[1].tot_en_met.isoformat() == beoordeling


@pytest.mark.parametrize(
    "kalender, beoordeling, einde, contact",
    [
        # Triage-termijn (002 § 5.1.1) atw: do 9-5 Hemelvaartsdag, vr 10 (1), ma 13 (2), di 14 (3), wo 15 (4),
        # do 16-5 (5). Maar het onderzoek start binnen vijf dagen na de melding (art. 4.1.7 lid 1): 8-5 + 5 =
        # ma 13-5, en de triage gaat daaraan vooraf: aangenomen 13-5. Dienst: 13-5 + 18 = 31-5, + 30 = 30-6 (48),
        # + 22 = ma 22-7-2024 (70). Contact (002 § 2 j): di 23 (1), wo 24, do 25, vr 26, ma 29-7-2024 (5).
        ("atw", "2024-05-16", "2024-07-22", "2024-07-29"),
        # atw-lid3: vr 10-5-2024 gelijkgesteld: triage-termijn ma 13 (1) .. vr 17-5 (5). De start van het onderzoek is
        # een wettelijke termijn: tussen 8-5 en 13-5 ligt dan maar één werkdag (ma 13), de Atw (art. 2) verlengt tot de
        # tweede: di 14-5. Triage aangenomen 14-5; dienst 14-5 + 70 = di 23-7; contact wo 24 (1) .. di 30-7 (5).
        ("atw-lid3", "2024-05-17", "2024-07-23", "2024-07-30"),
    ],
)
def test_zuid_limburg_onderzoek_met_spoed_rond_hemelvaart_2024(kalender, beoordeling, einde, contact):
    # Melding wo 8-5-2024 met spoed: Veilig Thuis vanaf de melding (002 bijlage 1).
    t = tijdlijn("zuid-limburg", "onderzoek", "2024-05-08", spoed=True, kalender=kalender)
    assert t.moment("veiligheidsbeoordeling-uiterlijk").datum.isoformat() == beoordeling
    assert t.moment("dienst-einde-uiterlijk").datum.isoformat() == einde
    assert t.moment("contact-gezin-uiterlijk").datum.isoformat() == contact
    assert intervallen(t) == [("2024-05-08", einde, "veilig-thuis"), (einde, None, "lokaal-team")]
    assert t.moment("veilig-thuis-verantwoordelijk").datum.isoformat() == "2024-05-08"


def test_landelijk_direct_triage_te_laat():
    # Melding ma 2-9-2024; laatste triagedag ma 9-9 (di 3 .. ma 9); triage pas do 12-9, overdracht vr 13-9.
    # Veilig Thuis is verantwoordelijk vanaf de overschrijding: di 10-9-2024.
    t = tijdlijn("landelijk", "direct", "2024-09-02", veiligheidsbeoordeling="2024-09-12", overdracht="2024-09-13")
    assert intervallen(t) == [
        ("2024-09-02", "2024-09-10", None),
        ("2024-09-10", "2024-09-13", "veilig-thuis"),
        ("2024-09-13", None, "lokaal-team"),
    ]


def test_landelijk_voorwaarden_en_vervolg_rond_nieuwjaar():
    # Melding vr 27-12-2024: ma 30 (1), di 31 (2), wo 1-1 Nieuwjaarsdag, do 2 (3), vr 3 (4), ma 6-1-2025 (5).
    # Voor de afronding van een dienst Voorwaarden & Vervolg noemt het landelijk kader geen termijn (de tien weken
    # van voetnoot 6 gaan over een onderzoek): zonder einddatum blijft Veilig Thuis verantwoordelijk "tot de
    # afronding van de dienst", en de uitkomst zegt waarom.
    t = tijdlijn("landelijk", "voorwaarden-en-vervolg", "2024-12-27")
    assert t.moment("veiligheidsbeoordeling-uiterlijk").datum.isoformat() == "2025-01-06"
    assert t.moment("dienst-einde-uiterlijk") is None and t.moment("overdracht") is None
    assert t.verantwoordelijkheid[-1].partij == "veilig-thuis" and t.verantwoordelijkheid[-1].tot is None
    assert "Tot de afronding van de dienst" in t.verantwoordelijkheid[-1].toelichting
    assert [n["invoer"] for n in t.aannames] == ["veiligheidsbeoordeling", "dienst-einde"]
    # Met de einddatum (ma 17-3-2025): overdracht die dag, monitoring vanaf 17-3-2025: 17-6-2025, 17-3-2026, 17-9-2026.
    t = tijdlijn("landelijk", "voorwaarden-en-vervolg", "2024-12-27", dienst_einde="2025-03-17")
    assert [
        (c, t.moment(c).datum.isoformat())
        for c in ("overdracht", "monitoring-3-maanden", "monitoring-12-maanden", "monitoring-einde-gemiddeld")
    ] == [
        ("overdracht", "2025-03-17"),
        ("monitoring-3-maanden", "2025-06-17"),
        ("monitoring-12-maanden", "2026-03-17"),
        ("monitoring-einde-gemiddeld", "2026-09-17"),
    ]
    assert not any(m.landelijk_terugval for m in t.momenten)  # het landelijk kader valt niet op zichzelf terug


def test_landelijk_onderzoek_koningsdag_2025_op_zaterdag():
    # Melding do 24-4-2025: vr 25 (1), za 26 Koningsdag (weekend), zo, ma 28 (2), di 29 (3), wo 30 (4),
    # do 1-5-2025 (5). Koningsdag op zaterdag kost dus geen werkdag.
    t = tijdlijn("landelijk", "onderzoek", "2025-04-24")
    assert t.moment("veiligheidsbeoordeling-uiterlijk").datum.isoformat() == "2025-05-01"


def test_aangenomen_datum_nooit_na_een_later_opgegeven_moment():
    # Alleen de overdracht is opgegeven (di 3-9-2024, vóór de uiterste triagedatum 9-9): de triage wordt dan
    # aangenomen op uiterlijk de overdrachtsdatum, want de beoordeling gaat aan de overdracht vooraf.
    t = tijdlijn("zuid-limburg", "direct", "2024-09-02", overdracht="2024-09-03")
    vb = t.moment("veiligheidsbeoordeling")
    assert (vb.datum.isoformat(), vb.status) == ("2024-09-03", "aangenomen")


def test_midden_brabant_heraanmelding_hoort_bij_de_monitoring_na_een_dienst():
    # 000 § 5, stap 4: een nieuwe aanmelding bij stagnatie "tijdens de monitoringsfase", en monitoring volgt
    # alleen op een dienst (000 § 4.1: "Monitoring geen" na een directe overdracht). Op route direct: geweigerd.
    from calculators import AfsprakenFout

    with pytest.raises(AfsprakenFout) as fout:
        tijdlijn("midden-brabant", "direct", "2024-09-02", heraanmelding=True)
    assert fout.value.veld == "heraanmelding" and "Voorwaarden & Vervolg" in str(fout.value)
    # Na een dienst: het team blijft verantwoordelijk tot na de zevende weekdag na de melding (ma 2-9-2024:
    # di 3 .. wo 11 = 7 werkdagen, VTMB vanaf do 12-9), dan VTMB tot de overdracht na de dienst (in de route
    # Onderzoek: triage uiterlijk ma 9-9 — het onderzoek start uiterlijk 2-9 + 5 = za 7-9, door de Atw ma 9-9, en
    # de triagetermijn loopt ook tot ma 9-9; dienst uiterlijk 9-9 + 10 weken = ma 18-11-2024), dan weer het team.
    t = tijdlijn("midden-brabant", "onderzoek", "2024-09-02", heraanmelding=True)
    assert intervallen(t) == [
        ("2024-09-02", "2024-09-12", "lokaal-team"),
        ("2024-09-12", "2024-11-18", "veilig-thuis"),
        ("2024-11-18", None, "lokaal-team"),
    ]
    # Een dienst Voorwaarden & Vervolg heeft geen uiterste einddatum: VTMB blijft verantwoordelijk tot de afronding.
    t = tijdlijn("midden-brabant", "voorwaarden-en-vervolg", "2024-09-02", heraanmelding=True)
    assert intervallen(t) == [("2024-09-02", "2024-09-12", "lokaal-team"), ("2024-09-12", None, "veilig-thuis")]
