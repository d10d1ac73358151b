"""Per regel één test: de bronparagraaf staat erbij en de datum is met de hand uitgerekend.

Elke test registreert met ``@dekt(...)`` welke regelcodes hij toetst;
``test_elke_regel_heeft_een_test`` faalt als er een regel bijkomt zonder test.
Werkdagen tellen vanaf de dag na het beginpunt (zie test_kalender.py).
"""

from __future__ import annotations

import pytest

from calculators import tijdlijn
from calculators.recht import regios as regels

from .conftest import d

GETEST: set[str] = set()


def dekt(*codes):
    GETEST.update(codes)
    return lambda f: f


def moment(t, code):
    m = t.moment(code)
    assert m is not None, f"moment {code} ontbreekt; wel: {[x.code for x in t.momenten]}"
    return m


def intervallen(t):
    """(van, tot, partij) as in the JSON: partij None where the text names nobody."""
    return [(d["van"], d["tot"], d["partij"]) for d in (v.to_dict() for v in t.verantwoordelijkheid)]


def overzicht():
    from calculators.uitvoer.overzicht import maak_overzicht

    return maak_overzicht()


# ---------------------------------------------------------------------------------------------
# Landelijk kader (004)
# ---------------------------------------------------------------------------------------------


@dekt("triage-termijn", "niemand-tot-triage")
def test_landelijk_triage_binnen_vijf_werkdagen_en_tot_dan_niemand_aangewezen():
    # 004 § 2.1: "uiterlijk binnen vijf werkdagen na ontvangst van de melding de triage ... afronden".
    # Melding do 28-3-2024: vr 29 Goede Vrijdag, za/zo, ma 1-4 Tweede Paasdag, di 2 (1), wo 3 (2),
    # do 4 (3), vr 5 (4), ma 8-4 (5).
    t = tijdlijn("landelijk", "direct", "2024-03-28")
    m = moment(t, "veiligheidsbeoordeling-uiterlijk")
    assert (m.datum, m.regel, m.status) == (d("2024-04-08"), "triage-termijn", "berekend")
    # 004 § 2.1 zegt alleen wanneer Veilig Thuis verantwoordelijk *wordt* ("In alle andere gevallen is Veilig
    # Thuis vanaf het moment dat de triage ... is afgerond verantwoordelijk"); het wijst niemand aan voor de
    # tijd daarvoor. De zin over de advies/hulpvrager gaat over een adviesvraag, niet over een melding.
    eerste = t.verantwoordelijkheid[0].to_dict()
    assert (eerste["van"], eerste["partij"]) == ("2024-03-28", None)
    assert "niemand" in eerste["partij_naam"] and eerste["bron"]["paragraaf"] == "2.1"
    assert "…" not in eerste["bron"]["citaat"]  # één zin, geen aan elkaar geplakte passages
    assert "niet wie" in eerste["toelichting"]
    assert moment(t, "melding").regel == "niemand-tot-triage"


@dekt("veilig-thuis-na-triage")
def test_landelijk_veilig_thuis_vanaf_afgeronde_triage():
    # 004 § 2.1: VT verantwoordelijk "vanaf het moment dat de triage van de melding is afgerond".
    # Melding ma 2-9-2024, triage wo 4-9, overdracht vr 6-9 (overdracht = einde VT, § 2.2).
    t = tijdlijn("landelijk", "direct", "2024-09-02", veiligheidsbeoordeling="2024-09-04", overdracht="2024-09-06")
    assert moment(t, "veilig-thuis-verantwoordelijk").regel == "veilig-thuis-na-triage"
    assert intervallen(t) == [
        ("2024-09-02", "2024-09-04", None),
        ("2024-09-04", "2024-09-06", "veilig-thuis"),
        ("2024-09-06", None, "lokaal-team"),
    ]


@dekt("veilig-thuis-na-overschrijding")
def test_landelijk_veilig_thuis_vanaf_overschrijding_ook_in_het_weekend():
    # 004 § 2.1: bij overschrijding van de vijf werkdagen is VT verantwoordelijk "vanaf het moment van
    # overschrijding". Melding vr 6-9-2024: ma 9 (1), di 10 (2), wo 11 (3), do 12 (4), vr 13 (5) = laatste dag;
    # overschrijding begint za 14-9 (kalenderdag erna). Triage pas op di 17-9.
    t = tijdlijn("landelijk", "voorwaarden-en-vervolg", "2024-09-06", veiligheidsbeoordeling="2024-09-17")
    m = moment(t, "veilig-thuis-verantwoordelijk")
    assert (m.datum, m.regel, m.verantwoordelijke) == (
        d("2024-09-14"),
        "veilig-thuis-na-overschrijding",
        "veilig-thuis",
    )
    assert t.verantwoordelijke_op(d("2024-09-13")).to_dict()["partij"] is None
    assert t.verantwoordelijke_op(d("2024-09-14")).partij == "veilig-thuis"
    assert any("17 september 2024" in o and "13 september 2024" in o for o in t.opmerkingen)  # overschrijding gemeld


@dekt("veilig-thuis-bij-spoed")
def test_landelijk_spoed_veilig_thuis_direct_verantwoordelijk():
    # 004 § 2.1: "Zodra Veilig Thuis kennis heeft genomen van een spoedeisend karakter ... verantwoordelijk".
    t = tijdlijn("landelijk", "onderzoek", "2024-09-02", spoed=True)
    m = moment(t, "veilig-thuis-verantwoordelijk")
    assert (m.datum, m.regel) == (d("2024-09-02"), "veilig-thuis-bij-spoed")
    assert intervallen(t)[0] == ("2024-09-02", intervallen(t)[0][1], "veilig-thuis")  # geen periode zonder partij


def test_landelijk_directe_overdracht_heeft_geen_termijn():
    # 004 § 3.1 stelt bij binnenkomst een vraag ("Kan Veilig Thuis de melding direct overdragen …?"), geen
    # termijn; § 3.1 onder 4a: de verantwoordelijkheid "eindigt als de overdracht ... is afgerond". Zonder
    # overdrachtsdatum neemt de rekenhulp dus niets aan en meldt hij geen "te late" overdracht.
    t = tijdlijn("landelijk", "direct", "2024-09-02", veiligheidsbeoordeling="2024-09-04")
    assert t.moment("overdracht-uiterlijk") is None and t.moment("overdracht") is None
    assert intervallen(t) == [("2024-09-02", "2024-09-04", None), ("2024-09-04", None, "veilig-thuis")]
    assert "geen termijn" in t.verantwoordelijkheid[-1].toelichting
    laat = tijdlijn("landelijk", "direct", "2024-09-02", veiligheidsbeoordeling="2024-09-04", overdracht="2024-10-30")
    assert not any("uiterste datum" in o for o in laat.opmerkingen)
    # Op de dag van de triage overgedragen: Veilig Thuis was die dag verantwoordelijk, tot de overdracht.
    zelfde = tijdlijn("landelijk", "direct", "2024-09-02", veiligheidsbeoordeling="2024-09-04", overdracht="2024-09-04")
    assert intervallen(zelfde) == [
        ("2024-09-02", "2024-09-04", None),
        ("2024-09-04", "2024-09-04", "veilig-thuis"),
        ("2024-09-04", None, "lokaal-team"),
    ]


@dekt("start-onderzoek")
def test_landelijk_start_onderzoek_binnen_vijf_dagen():
    # 004 voetnoot 5 (Uitvoeringsbesluit Wmo 2015 art. 4.1.7 lid 1): "Veilig Thuis start binnen vijf dagen na
    # ontvangst van een melding, nadat is vastgesteld dat onderzoek moet plaatsvinden, het onderzoek".
    # Melding do 24-4-2025 + 5 kalenderdagen = di 29-4-2025; alleen in de route Onderzoek.
    t = tijdlijn("landelijk", "onderzoek", "2025-04-24")
    m = moment(t, "onderzoek-start-uiterlijk")
    assert (m.datum, m.regel) == (d("2025-04-29"), "start-onderzoek")
    assert "4.1.7 lid 1" in m.bron.herkomst and "kalenderdagen" in m.interpretatie
    assert tijdlijn("landelijk", "voorwaarden-en-vervolg", "2025-04-24").moment("onderzoek-start-uiterlijk") is None
    # A term in an AMvB, so the Algemene termijnenwet extends it. Art. 1 lid 1: melding ma 28-3-2022 + 5 = za
    # 2-4-2022, extended to ma 4-4-2022. Art. 2: melding do 17-4-2025 + 5 = di 22-4-2025; in between only di 22
    # is a werkdag (vr 18 Goede Vrijdag, za, zo, ma 21 Tweede Paasdag), so the term runs to wo 23-4-2025.
    assert moment(tijdlijn("landelijk", "onderzoek", "2022-03-28"), "onderzoek-start-uiterlijk").datum == d(
        "2022-04-04"
    )
    pasen = moment(tijdlijn("landelijk", "onderzoek", "2025-04-17"), "onderzoek-start-uiterlijk")
    assert pasen.datum == d("2025-04-23") and "Algemene termijnenwet" in pasen.interpretatie


@dekt("besluit-vervolgstappen")
def test_landelijk_besluit_binnen_tien_weken_na_veiligheidsbeoordeling():
    # 004 § 2.2 + voetnoot 6 (Uitvoeringsbesluit Wmo 2015 art. 4.1.7 lid 2): tien weken na de vaststelling.
    # Veiligheidsbeoordeling wo 4-9-2024 + 70 dagen: 4-9 + 26 = 30-9, + 31 = 31-10 (57), + 13 = wo 13-11-2024.
    t = tijdlijn("landelijk", "onderzoek", "2024-09-02", veiligheidsbeoordeling="2024-09-04")
    m = moment(t, "dienst-einde-uiterlijk")
    assert (m.datum, m.regel) == (d("2024-11-13"), "besluit-vervolgstappen")
    assert "Uitvoeringsbesluit" in m.bron.herkomst


@dekt("overdracht-na-besluit")
def test_landelijk_overdracht_op_de_dag_dat_de_dienst_klaar_is():
    # 004 § 2.2: met het besluit over de vervolgstappen besluit VT ook wie ze uitvoert.
    t = tijdlijn("landelijk", "onderzoek", "2024-09-02", dienst_einde="2024-10-15")
    assert moment(t, "overdracht-uiterlijk").regel == "overdracht-na-besluit"
    assert (moment(t, "overdracht").datum, moment(t, "overdracht").status) == (d("2024-10-15"), "aangenomen")


@dekt("einde-verantwoordelijkheid-veilig-thuis")
def test_landelijk_verantwoordelijkheid_gaat_over_bij_overdracht():
    # 004 § 2.2: de verantwoordelijkheid van VT "eindigt vanaf het moment dat ... is belegd".
    t = tijdlijn("landelijk", "onderzoek", "2024-09-02", overdracht="2024-10-15")
    m = moment(t, "lokaal-team-verantwoordelijk")
    assert (m.datum, m.regel) == (d("2024-10-15"), "einde-verantwoordelijkheid-veilig-thuis")
    assert t.verantwoordelijke_op(d("2024-10-14")).partij == "veilig-thuis"
    assert t.verantwoordelijke_op(d("2024-10-15")).partij == "lokaal-team"


@dekt("monitoring-na-3-maanden", "monitoring-na-12-maanden", "monitoring-gemiddelde-duur")
def test_landelijk_monitoring_na_3_en_12_maanden_gemiddeld_anderhalf_jaar():
    # Handelingsprotocol 2019 hfst. 13, geciteerd in 002 bijlage 2: "tenminste monitort na 3 en 12 maanden";
    # "gemiddeld anderhalf jaar". Overdracht 30-11-2023: + 3 maanden = 30-2 bestaat niet -> 29-2-2024
    # (schrikkeljaar); + 12 maanden = 30-11-2024; + 18 maanden = 30-5-2025.
    t = tijdlijn("landelijk", "voorwaarden-en-vervolg", "2023-09-01", overdracht="2023-11-30")
    assert [
        (moment(t, c).datum, moment(t, c).regel)
        for c in ("monitoring-3-maanden", "monitoring-12-maanden", "monitoring-einde-gemiddeld")
    ] == [
        (d("2024-02-29"), "monitoring-na-3-maanden"),
        (d("2024-11-30"), "monitoring-na-12-maanden"),
        (d("2025-05-30"), "monitoring-gemiddelde-duur"),
    ]
    # De landelijke bron is het AEF-rapport (003), dat het Handelingsprotocol samenvat; niet de Zuid-Limburgse tekst.
    bron = moment(t, "monitoring-3-maanden").bron
    assert (bron.document, bron.anker) == ("aef", "bevindingen-criterium-c")
    assert "Handelingsprotocol" in bron.herkomst


def test_landelijke_monitoring_geldt_pas_voor_meldingen_vanaf_2019():
    # Het kwaliteitskader (2016) noemt nog geen monitoringsmomenten (§ 3.2, voetnoot 16); de regel komt uit
    # het Handelingsprotocol 2019 en geldt vanaf 1-1-2019.
    # Elk moment volgt de regels op zijn eigen datum: een overdracht in 2018 krijgt geen moment "na 3 maanden"
    # in 2018, wel de momenten die in 2019 vallen.
    oud = tijdlijn("landelijk", "onderzoek", "2018-06-01", overdracht="2018-08-15")
    assert oud.moment("monitoring-3-maanden") is None
    assert oud.moment("monitoring-12-maanden").datum == d("2019-08-15")
    assert oud.moment("regels-gewijzigd").datum == d("2019-01-01")
    nieuw = tijdlijn("landelijk", "onderzoek", "2019-01-02")
    assert nieuw.moment("monitoring-3-maanden") is not None and nieuw.moment("regels-gewijzigd") is None


# ---------------------------------------------------------------------------------------------
# Midden-Brabant (000)
# ---------------------------------------------------------------------------------------------


@dekt("veiligheidsbeoordeling-en-overdracht", "overdracht-binnen-termijn-veiligheidsbeoordeling")
def test_mb_veiligheidsbeoordeling_en_overdracht_binnen_vijf_werkdagen():
    # 000 § 4.1: "Binnen 5 werkdagen na de melding ... dient de veiligheidsbeoordeling en de overdracht ...".
    # Melding wo 30-4-2025: do 1-5 (1), vr 2 (2), ma 5 mei Bevrijdingsdag, di 6 (3), wo 7 (4), do 8-5 (5).
    t = tijdlijn("midden-brabant", "direct", "2025-04-30", veiligheidsbeoordeling="2025-05-02")
    assert (
        moment(t, "veiligheidsbeoordeling-uiterlijk").datum,
        moment(t, "veiligheidsbeoordeling-uiterlijk").regel,
    ) == (d("2025-05-08"), "veiligheidsbeoordeling-en-overdracht")
    # De overdracht valt onder dezelfde termijn, ook als de beoordeling eerder klaar was.
    o = moment(t, "overdracht-uiterlijk")
    assert (o.datum, o.regel) == (d("2025-05-08"), "overdracht-binnen-termijn-veiligheidsbeoordeling")
    assert (moment(t, "overdracht").datum, moment(t, "overdracht").status) == (d("2025-05-08"), "aangenomen")


@dekt("overdracht-oppakken", "lokaal-team-na-oppaktermijn")
def test_mb_zeven_kalenderdagen_om_op_te_pakken_dan_lokaal_team():
    # 000 § 4.1: "Na de datum van overdracht heeft het lokale (wijk)team 7 dagen om de casus op te pakken";
    # "Tot 7 dagen na overdracht blijft Veilig Thuis verantwoordelijk". Overdracht do 8-5-2025: dag 1 = vr 9,
    # dag 7 = do 15-5 (laatste dag; VT t/m die dag), lokaal (wijk)team vanaf vr 16-5-2025.
    t = tijdlijn("midden-brabant", "direct", "2025-04-30", overdracht="2025-05-08")
    assert (moment(t, "overdracht-oppakken-uiterlijk").datum, moment(t, "overdracht-oppakken-uiterlijk").regel) == (
        d("2025-05-15"),
        "overdracht-oppakken",
    )
    m = moment(t, "lokaal-team-verantwoordelijk")
    assert (m.datum, m.regel) == (d("2025-05-16"), "lokaal-team-na-oppaktermijn")
    vt = t.verantwoordelijke_op(d("2025-05-15"))
    assert vt.partij == "veilig-thuis" and vt.tot_en_met == d("2025-05-15")
    assert "kalenderdagen" in moment(t, "overdracht-oppakken-uiterlijk").interpretatie


@dekt("geen-monitoring-na-directe-overdracht")
def test_mb_geen_monitoring_na_directe_overdracht():
    # 000 § 4.1: "Monitoring geen".
    t = tijdlijn("midden-brabant", "direct", "2025-04-30")
    assert not [m for m in t.momenten if m.code.startswith("monitoring")]
    assert any("Geen monitoring" in o and "4.1" in o for o in t.opmerkingen)


@dekt("terugkoppeling-binnen-drie-maanden")
def test_mb_terugkoppeling_binnen_drie_maanden_na_overdracht():
    # 000 § 4.1 (Terugkoppelingsformulier): "binnen drie maanden ‘teruggeven’". Overdracht za 30-11-2024
    # + 3 maanden = 30-2-2025 bestaat niet -> vr 28-2-2025.
    t = tijdlijn("midden-brabant", "direct", "2024-11-25", overdracht="2024-11-30")
    m = moment(t, "terugkoppeling-uiterlijk")
    assert (m.datum, m.regel) == (d("2025-02-28"), "terugkoppeling-binnen-drie-maanden")


@dekt("terugkoppeling-naar-vtmb")
def test_mb_na_terugkoppeling_is_vtmb_verantwoordelijk():
    # 000 § 4.1: "Wanneer VTMB een terugkoppelingsformulier ontvangt, ligt de verantwoordelijkheid ... bij VTMB".
    # Overdracht za 30-11-2024; lokaal (wijk)team vanaf 30-11 + 7 + 1 = ma 8-12; terugkoppeling wo 15-1-2025.
    t = tijdlijn("midden-brabant", "direct", "2024-11-25", overdracht="2024-11-30", terugkoppeling="2025-01-15")
    m = moment(t, "terugkoppeling")
    assert (m.status, m.verantwoordelijke, m.regel) == ("opgegeven", "veilig-thuis", "terugkoppeling-naar-vtmb")
    assert intervallen(t)[-2:] == [("2024-12-08", "2025-01-15", "lokaal-team"), ("2025-01-15", None, "veilig-thuis")]


@dekt("vbs-verdeling-crisis")
def test_mb_vbs_crisis_verdeling_binnen_twee_werkdagen():
    # 000 § 4.2: "verdeelt een VBS-casus bij crisis/ urgentie binnen 2 werkdagen". Gerekend vanaf de
    # veiligheidsbeoordeling ma 4-5-2026: di 5 mei Bevrijdingsdag, wo 6 (1), do 7-5-2026 (2).
    t = tijdlijn("midden-brabant", "onderzoek", "2026-04-24", veiligheidsbeoordeling="2026-05-04", vbs="crisis")
    m = moment(t, "vbs-verdeling-uiterlijk")
    assert (m.datum, m.regel) == (d("2026-05-07"), "vbs-verdeling-crisis")


@dekt("vbs-verdeling-regulier")
def test_mb_vbs_regulier_binnen_zeven_kalenderdagen():
    # 000 § 4.2: "Reguliere verzoeken voor inzet VBS worden binnen 7 dagen verdeeld". 4-5-2026 + 7 = ma 11-5.
    t = tijdlijn(
        "midden-brabant", "voorwaarden-en-vervolg", "2026-04-24", veiligheidsbeoordeling="2026-05-04", vbs="regulier"
    )
    m = moment(t, "vbs-verdeling-uiterlijk")
    assert (m.datum, m.regel) == (d("2026-05-11"), "vbs-verdeling-regulier")


def test_mb_zonder_vbs_geen_vbs_termijn():
    t = tijdlijn("midden-brabant", "onderzoek", "2026-04-24")
    assert t.moment("vbs-verdeling-uiterlijk") is None


@dekt("vbs-contact-directbetrokkenen", "gemeente-reageert-op-stagnatie")
def test_mb_termijnen_vanaf_een_gebeurtenis_staan_alleen_in_het_overzicht():
    # 000 § 4.2: contact "uiterlijk binnen 1 week na het eerste contact tussen het lokale (wijk) team en VTMB";
    # 000 § 6.2: de gemeente laat "binnen zes weken" weten welke stappen ze neemt. Het beginpunt is geen invoer.
    regels_mb = {r["code"]: r for r in overzicht()["regios"]["midden-brabant"]["regels"]}
    vbs = regels_mb["vbs-contact-directbetrokkenen"]
    assert (vbs["aantal"], vbs["eenheid"], vbs["vanaf"]) == (1, "weken", "eerste-contact-team-veilig-thuis")
    gemeente = regels_mb["gemeente-reageert-op-stagnatie"]
    assert (gemeente["aantal"], gemeente["eenheid"], gemeente["vanaf"]) == (6, "weken", "signaal-aan-gemeente")
    t = tijdlijn("midden-brabant", "onderzoek", "2026-04-24", vbs="crisis")
    assert t.moment("vbs-contact-uiterlijk") is None and t.moment("gemeente-reactie-uiterlijk") is None


@dekt("overdracht-na-afronden-dienst", "lokaal-team-na-dienst")
def test_mb_overdracht_na_dienst_en_verantwoordelijkheid_dezelfde_dag():
    # 000 § 4.3: "Na het afronden van een dienst draagt VTMB de casus over. De verantwoordelijkheid ...
    # gaat dan van VTMB naar het lokale (wijk)team." Geen termijn: geen uiterste overdrachtsdatum (ook niet
    # uit het landelijk kader); niet opgegeven -> aangenomen op de dag van de afronding, di 10-6-2025.
    t = tijdlijn("midden-brabant", "onderzoek", "2025-04-30", dienst_einde="2025-06-10")
    assert t.moment("overdracht-uiterlijk") is None
    overdracht = moment(t, "overdracht")
    assert (overdracht.datum, overdracht.status, overdracht.regel) == (
        d("2025-06-10"),
        "aangenomen",
        "overdracht-na-afronden-dienst",
    )
    aanname = next(n for n in t.aannames if n["invoer"] == "overdracht")
    assert aanname["grond"] == "aanname-regel" and aanname.bron.paragraaf == "4.3"
    m = moment(t, "lokaal-team-verantwoordelijk")
    assert (m.datum, m.regel) == (d("2025-06-10"), "lokaal-team-na-dienst")
    # Twee dagen later overgedragen: niet "te laat", want § 4.3 stelt geen termijn.
    t2 = tijdlijn("midden-brabant", "onderzoek", "2025-04-30", dienst_einde="2025-06-10", overdracht="2025-06-12")
    assert moment(t2, "lokaal-team-verantwoordelijk").datum == d("2025-06-12")
    assert not t2.notities_met("na-uiterste-datum")


@dekt(
    "monitoring-drie-maanden", "monitoring-vervroegen", "monitoring-twaalf-maanden", "monitoring-gemiddeld-18-maanden"
)
def test_mb_monitoring_3_6_12_en_18_maanden():
    # 000 § 5: "vaste momenten van monitoring zijn na 3 en 12 maanden, met een gemiddelde duur van 18 maanden";
    # "Indien een casus na 3 en 6 maanden stabiel en veilig is, kan het lokale (wijk)team de monitoring vervroegen".
    # Overdracht za 31-8-2024: + 3 = 31-11 bestaat niet -> 30-11-2024; + 6 = 31-2 -> 28-2-2025;
    # + 12 = 31-8-2025; + 18 = 31-2 -> 28-2-2026.
    t = tijdlijn("midden-brabant", "voorwaarden-en-vervolg", "2024-07-01", overdracht="2024-08-31")
    assert [
        (c, moment(t, c).datum, moment(t, c).regel)
        for c in (
            "monitoring-3-maanden",
            "monitoring-vervroegen-vanaf",
            "monitoring-12-maanden",
            "monitoring-einde-gemiddeld",
        )
    ] == [
        ("monitoring-3-maanden", d("2024-11-30"), "monitoring-drie-maanden"),
        ("monitoring-vervroegen-vanaf", d("2025-02-28"), "monitoring-vervroegen"),
        ("monitoring-12-maanden", d("2025-08-31"), "monitoring-twaalf-maanden"),
        ("monitoring-einde-gemiddeld", d("2026-02-28"), "monitoring-gemiddeld-18-maanden"),
    ]
    assert not any(moment(t, c).landelijk_terugval for c in ("monitoring-3-maanden", "monitoring-12-maanden"))


@dekt("geen-monitoring-na-jeugdbeschermingstafel")
def test_mb_geen_monitoring_na_inbreng_jeugdbeschermingstafel():
    # 000 § 6: "volgt er geen monitoring door VTMB, ook niet bij overdracht naar het lokale (wijk)team".
    t = tijdlijn("midden-brabant", "onderzoek", "2024-07-01", jeugdbeschermingstafel=True)
    assert not [m for m in t.momenten if m.code.startswith("monitoring")]
    assert any("Jeugdbeschermingstafel" in o for o in t.opmerkingen)
    # Geen stille terugval op de landelijke monitoring.
    assert t.moment("monitoring-3-maanden") is None


@dekt("heraanmelding-team-blijft-verantwoordelijk", "heraanmelding-vtmb-na-zevende-weekdag")
def test_mb_heraanmelding_vtmb_pas_na_de_zevende_weekdag():
    # 000 § 5 (stagnatie, stap 4): "In alle vier de stappen blijft de verantwoordelijkheid ... bij het lokale
    # (wijk)team. Dit wijzigt pas na de zevende weekdag na de melding". Weekdag gelezen als werkdag.
    # Melding do 1-5-2025: vr 2 (1), ma 5 mei Bevrijdingsdag, di 6 (2), wo 7 (3), do 8 (4), vr 9 (5),
    # ma 12 (6), di 13 (7) -> VTMB vanaf wo 14-5-2025. Stap 4 hoort bij de monitoringsfase na een dienst.
    t = tijdlijn("midden-brabant", "onderzoek", "2025-05-01", heraanmelding=True)
    assert moment(t, "melding").regel == "heraanmelding-team-blijft-verantwoordelijk"
    m = moment(t, "veilig-thuis-verantwoordelijk")
    assert (m.datum, m.regel) == (d("2025-05-14"), "heraanmelding-vtmb-na-zevende-weekdag")
    assert intervallen(t)[:2] == [
        ("2025-05-01", "2025-05-14", "lokaal-team"),
        ("2025-05-14", intervallen(t)[1][1], "veilig-thuis"),
    ]
    assert "weekdag" in m.interpretatie.lower()


def test_mb_heraanmelding_met_spoed_blijft_bij_het_lokale_team():
    # 000 § 5: "In alle vier de stappen blijft de verantwoordelijkheid ... bij het lokale (wijk)team. Dit wijzigt
    # pas na de zevende weekdag na de melding" — zonder uitzondering voor spoed; en § 3.2 onder e: "Medewerkers
    # in de lokale teams blijven verantwoordelijk voor de casussen waarbij zich (een vermoeden van) acute
    # onveiligheid voordoet." De landelijke spoedregel (004 § 2.1) wordt dus niet ingevoerd: VTMB pas vanaf
    # wo 14-5-2025, net als zonder spoed, en de uitkomst zegt dat spoed hier niets verandert.
    met, zonder = (
        tijdlijn("midden-brabant", "onderzoek", "2025-05-01", heraanmelding=True, spoed=s) for s in (True, False)
    )
    m = moment(met, "veilig-thuis-verantwoordelijk")
    assert (m.datum, m.regel, m.landelijk_terugval) == (d("2025-05-14"), "heraanmelding-vtmb-na-zevende-weekdag", False)
    assert intervallen(met) == intervallen(zonder)
    assert intervallen(met)[0] == ("2025-05-01", "2025-05-14", "lokaal-team")
    assert not any(v.binnen_een_dag for v in met.verantwoordelijkheid)
    notitie = met.notities_met("optie-zonder-gevolg")[0]
    assert notitie["optie"] == "spoed" and notitie.bron.paragraaf.startswith("5")
    # Zonder nieuwe aanmelding (een gewone melding) geldt bij spoed wel het landelijk kader: daar zwijgt 000.
    gewoon = tijdlijn("midden-brabant", "onderzoek", "2025-05-01", spoed=True)
    assert (moment(gewoon, "veilig-thuis-verantwoordelijk").regel, gewoon.notities_met("optie-zonder-gevolg")) == (
        "veilig-thuis-bij-spoed",
        (),
    )


def test_mb_valt_terug_op_landelijk_voor_begin_verantwoordelijkheid_veilig_thuis():
    # 000 zegt niet wanneer VTMB verantwoordelijk wordt: landelijk kader 004 § 2.1, en de uitkomst zegt dat.
    t = tijdlijn("midden-brabant", "direct", "2025-04-30")
    m = moment(t, "veilig-thuis-verantwoordelijk")
    assert m.landelijk_terugval and m.bron.document == "landelijk" and m.bron.paragraaf == "2.1"
    assert any("landelijke regels" in o and "Kwaliteitskader" in o for o in t.opmerkingen)


# ---------------------------------------------------------------------------------------------
# Zuid-Limburg (002)
# ---------------------------------------------------------------------------------------------


@dekt("veilig-thuis-bij-spoed-zl", "veilig-thuis-na-triage-zl", "veilig-thuis-na-overschrijding-zl")
def test_zl_begin_verantwoordelijkheid_veilig_thuis_uit_bijlage_1():
    # 002 bijlage 1 (Regie VT bij GIA casus) herhaalt 004 § 2.1; dus geen landelijke terugval.
    spoed = tijdlijn("zuid-limburg", "direct", "2024-09-02", spoed=True)
    assert (
        moment(spoed, "veilig-thuis-verantwoordelijk").regel,
        moment(spoed, "veilig-thuis-verantwoordelijk").landelijk_terugval,
    ) == ("veilig-thuis-bij-spoed-zl", False)
    # Triage wo 4-9-2024 afgerond, overdracht vr 6-9.
    triage = tijdlijn(
        "zuid-limburg", "direct", "2024-09-02", veiligheidsbeoordeling="2024-09-04", overdracht="2024-09-06"
    )
    assert moment(triage, "veilig-thuis-verantwoordelijk").regel == "veilig-thuis-na-triage-zl"
    assert intervallen(triage)[1] == ("2024-09-04", "2024-09-06", "veilig-thuis")
    # Melding ma 2-9: laatste triagedag ma 9-9 (di 3 .. ma 9); triage pas op wo 11-9 -> VT vanaf di 10-9.
    laat = tijdlijn("zuid-limburg", "onderzoek", "2024-09-02", veiligheidsbeoordeling="2024-09-11")
    m = moment(laat, "veilig-thuis-verantwoordelijk")
    assert (m.datum, m.regel) == (d("2024-09-10"), "veilig-thuis-na-overschrijding-zl")


@dekt("veiligheidsbeoordeling-binnen-5-werkdagen", "brief-directbetrokkenen")
def test_zl_veiligheidsbeoordeling_en_brief_binnen_vijf_werkdagen_over_kerst():
    # 002 § 5.1.1: "rondt de veiligheidsbeoordeling af binnen 5 werkdagen na ontvangst van de melding";
    # 002 § 5.1: "Binnen 5 werkdagen verstuurt Veilig Thuis de brief" (gelezen vanaf de melding).
    # Melding di 23-12-2025: wo 24 (1), do 25 en vr 26 Kerst, ma 29 (2), di 30 (3), wo 31 (4),
    # do 1-1 Nieuwjaarsdag, vr 2-1-2026 (5).
    t = tijdlijn("zuid-limburg", "direct", "2025-12-23")
    assert (
        moment(t, "veiligheidsbeoordeling-uiterlijk").datum,
        moment(t, "veiligheidsbeoordeling-uiterlijk").regel,
    ) == (d("2026-01-02"), "veiligheidsbeoordeling-binnen-5-werkdagen")
    assert (
        moment(t, "brief-directbetrokkenen-uiterlijk").datum,
        moment(t, "brief-directbetrokkenen-uiterlijk").regel,
    ) == (d("2026-01-02"), "brief-directbetrokkenen")
    # Met de lid-3-dagen is vr 2-1-2026 gelijkgesteld met een feestdag: de vijfde werkdag wordt ma 5-1-2026.
    lid3 = tijdlijn("zuid-limburg", "direct", "2025-12-23", kalender="atw-lid3")
    assert moment(lid3, "veiligheidsbeoordeling-uiterlijk").datum == d("2026-01-05")
    # Bijlage 1 noemt de termijn voor elke melding: ook na een dienst geen landelijke terugval.
    dienst = tijdlijn("zuid-limburg", "onderzoek", "2025-12-23")
    assert moment(dienst, "veiligheidsbeoordeling-uiterlijk").regel == "veiligheidsbeoordeling-binnen-5-werkdagen"


@dekt("directe-overdracht-aansluitend", "lokale-veld-na-directe-overdracht")
def test_zl_directe_overdracht_aansluitend_en_verantwoordelijkheid_bij_beleggen():
    # 002 § 5.1.1: "Direct aansluitend vindt overdracht aan het lokale veld plaats"; verantwoordelijkheid gaat over
    # "op het moment dat de uitvoering van de noodzakelijke vervolgstappen is belegd bij het lokale veld".
    t = tijdlijn("zuid-limburg", "direct", "2025-12-23", veiligheidsbeoordeling="2025-12-29")
    assert (moment(t, "overdracht-uiterlijk").datum, moment(t, "overdracht-uiterlijk").regel) == (
        d("2025-12-29"),
        "directe-overdracht-aansluitend",
    )
    m = moment(t, "lokaal-team-verantwoordelijk")
    assert (m.datum, m.regel) == (d("2025-12-29"), "lokale-veld-na-directe-overdracht")
    assert t.verantwoordelijkheid[-1].partij_naam == "het lokale veld"
    assert m.omschrijving.startswith("Het lokale veld verantwoordelijk")  # de eigen term van de regio
    # Dezelfde dag: Veilig Thuis na de beoordeling, het lokale veld na de overdracht; beide zichtbaar.
    vt = t.verantwoordelijkheid[-2]
    assert (vt.partij, vt.binnen_een_dag, vt.van, vt.tot) == ("veilig-thuis", True, d("2025-12-29"), d("2025-12-29"))


@dekt("niemand-tot-triage-zl")
def test_zl_voor_de_triage_wijzen_de_afspraken_niemand_aan():
    # 002 bijlage 1 herhaalt 004 § 2.1: VT is verantwoordelijk "vanaf het moment dat de triage van de melding is
    # afgerond"; voor de tijd daarvoor noemt ook deze tekst niemand. Eigen regel, dus geen landelijke terugval.
    t = tijdlijn("zuid-limburg", "onderzoek", "2025-12-23")
    eerste = t.verantwoordelijkheid[0]
    assert eerste.to_dict()["partij"] is None and not eerste.landelijk_terugval
    assert eerste.bron.document == "zuid-limburg" and eerste.bron.anker == "bijlage-1-begin-verantwoordelijkheid"


@dekt("gemeente-informeren-na-crisis-buiten-kantoortijden")
def test_zl_gemeente_de_eerstvolgende_werkdag_geinformeerd_na_crisis_buiten_kantoortijden():
    # 002 bijlage 3a: "Buiten kantoortijden: ... De gemeente wordt de eerstvolgende werkdag geïnformeerd."
    # Het beginpunt (het contact met de crisishulp jeugd) is geen invoer: de termijn staat in het overzicht.
    zl = {r["code"]: r for r in overzicht()["regios"]["zuid-limburg"]["regels"]}
    r = zl["gemeente-informeren-na-crisis-buiten-kantoortijden"]
    assert (r["aantal"], r["eenheid"], r["vanaf"], r["vanaf_is_gebeurtenis"]) == (
        1,
        "werkdagen",
        "crisis-buiten-kantoortijden",
        True,
    )
    from calculators import plus_werkdagen

    assert plus_werkdagen(d("2025-12-24"), 1) == d("2025-12-29")  # wo 24-12 's avonds -> ma 29-12 (Kerst ertussen)


@dekt("contact-gezin-na-directe-overdracht")
def test_zl_contact_binnen_drie_weken_na_directe_overdracht():
    # 002 § 2 f: "uiterlijk binnen 3 weken met de contacten met het gezin/huishouden". Ma 29-12-2025 + 21 = ma 19-1-2026.
    t = tijdlijn("zuid-limburg", "direct", "2025-12-23", overdracht="2025-12-29")
    m = moment(t, "contact-gezin-uiterlijk")
    assert (m.datum, m.regel) == (d("2026-01-19"), "contact-gezin-na-directe-overdracht")


@dekt("afstemming-niet-geinformeerde-directbetrokkenen")
def test_zl_afstemming_na_twee_maanden():
    # 002 bijlage 3b: "Als na 2 maanden nog steeds de betreffende directbetrokkenen niet geïnformeerd is".
    # Overdracht wo 31-12-2025 + 2 maanden = 31-2 bestaat niet -> za 28-2-2026.
    t = tijdlijn("zuid-limburg", "direct", "2025-12-23", overdracht="2025-12-31")
    m = moment(t, "directbetrokkenen-informeren-afstemming")
    assert (m.datum, m.regel) == (d("2026-02-28"), "afstemming-niet-geinformeerde-directbetrokkenen")


@dekt("geen-monitoring-na-directe-overdracht-zl")
def test_zl_geen_monitoring_na_directe_overdracht():
    # 002 § 5.1.5: "Veilig Thuis voert niet de taak monitoren uit bij casussen die direct ... worden overgedragen."
    t = tijdlijn("zuid-limburg", "direct", "2025-12-23")
    assert not [m for m in t.momenten if m.code.startswith("monitoring")]
    assert any("5.1.5" in o for o in t.opmerkingen)


@dekt("overdracht-aansluitend-op-dienst", "lokale-veld-na-acceptatie")
def test_zl_overdracht_na_dienst_en_acceptatie():
    # 002 § 5.2.1: overdracht "Direct aansluitend op de afronding van een van de diensten"; verantwoordelijkheid
    # gaat over als de informatie is overgedragen en het lokale veld heeft bevestigd de casus te accepteren.
    t = tijdlijn("zuid-limburg", "voorwaarden-en-vervolg", "2024-05-08", dienst_einde="2024-07-19")
    assert (moment(t, "overdracht-uiterlijk").datum, moment(t, "overdracht-uiterlijk").regel) == (
        d("2024-07-19"),
        "overdracht-aansluitend-op-dienst",
    )
    t2 = tijdlijn(
        "zuid-limburg", "voorwaarden-en-vervolg", "2024-05-08", dienst_einde="2024-07-19", overdracht="2024-07-23"
    )
    m = moment(t2, "lokaal-team-verantwoordelijk")
    assert (m.datum, m.regel) == (d("2024-07-23"), "lokale-veld-na-acceptatie")
    assert "accepteren" in m.interpretatie


@dekt("contact-gezin-na-dienst")
def test_zl_contact_binnen_vijf_werkdagen_na_dienst_over_pinksteren():
    # 002 § 2 j: "uiterlijk binnen 5 werkdagen met de contacten". Overdracht do 5-6-2025: vr 6 (1),
    # ma 9 Tweede Pinksterdag, di 10 (2), wo 11 (3), do 12 (4), vr 13-6-2025 (5).
    t = tijdlijn("zuid-limburg", "onderzoek", "2025-04-01", overdracht="2025-06-05")
    m = moment(t, "contact-gezin-uiterlijk")
    assert (m.datum, m.regel) == (d("2025-06-13"), "contact-gezin-na-dienst")


@dekt("monitoring-zl-3-maanden", "monitoring-zl-12-maanden", "monitoring-zl-gemiddelde-duur")
def test_zl_monitoring_eigen_regels():
    # 002 bijlage 2: "tenminste monitort na 3 en 12 maanden"; 002 § 5.2.6: "gemiddeld anderhalf jaar".
    # Overdracht vr 31-5-2024: + 3 = za 31-8-2024; + 12 = za 31-5-2025; + 18 = 31-11 bestaat niet -> zo 30-11-2025.
    t = tijdlijn("zuid-limburg", "onderzoek", "2024-04-02", overdracht="2024-05-31")
    assert [
        (moment(t, c).datum, moment(t, c).regel, moment(t, c).landelijk_terugval)
        for c in ("monitoring-3-maanden", "monitoring-12-maanden", "monitoring-einde-gemiddeld")
    ] == [
        (d("2024-08-31"), "monitoring-zl-3-maanden", False),
        (d("2025-05-31"), "monitoring-zl-12-maanden", False),
        (d("2025-11-30"), "monitoring-zl-gemiddelde-duur", False),
    ]


@dekt("gemeente-informeert-binnen-zes-weken", "uitvraag-gemeente", "uitvraag-zorg-en-veiligheidshuis")
def test_zl_opschalen_en_uitvraag_in_het_overzicht():
    # 002 § 5.5: gemeente "binnen zes weken"; bijlage 3a: gemeente "nog een twee jaar na afsluiting",
    # Zorg- en Veiligheidshuis "nog een half jaar na afsluiting" (= 24 en 6 maanden).
    zl = {r["code"]: r for r in overzicht()["regios"]["zuid-limburg"]["regels"]}
    assert (
        zl["gemeente-informeert-binnen-zes-weken"]["aantal"],
        zl["gemeente-informeert-binnen-zes-weken"]["eenheid"],
    ) == (6, "weken")
    assert (
        zl["uitvraag-gemeente"]["aantal"],
        zl["uitvraag-gemeente"]["eenheid"],
        zl["uitvraag-gemeente"]["vanaf"],
    ) == (24, "maanden", "afsluiting")
    assert (zl["uitvraag-zorg-en-veiligheidshuis"]["aantal"], zl["uitvraag-zorg-en-veiligheidshuis"]["eenheid"]) == (
        6,
        "maanden",
    )


# ---------------------------------------------------------------------------------------------
# West-Brabant (001)
# ---------------------------------------------------------------------------------------------


@dekt("lokaal-team-na-2-werkdagen")
def test_wb_lokaal_team_verantwoordelijk_na_twee_werkdagen():
    # 001 (a. Wachtlijsten): "het lokale team verantwoordelijk ... na 2 werkdagen, ook bij een interne wachtlijst".
    # Overdracht vr 6-6-2025: ma 9 Tweede Pinksterdag, di 10 (1), wo 11 (2) -> lokaal team vanaf do 12-6-2025.
    t = tijdlijn("west-brabant", "direct", "2025-06-02", overdracht="2025-06-06")
    m = moment(t, "lokaal-team-verantwoordelijk")
    assert (m.datum, m.regel, m.landelijk_terugval) == (d("2025-06-12"), "lokaal-team-na-2-werkdagen", False)
    assert t.verantwoordelijke_op(d("2025-06-11")).partij == "veilig-thuis"
    assert t.afspraken_versie.code == "afspraken-2022"


@dekt("traject-maximaal-10-weken")
def test_wb_traject_maximaal_tien_weken():
    # 001 (b. Samen optrekken): een traject "is dat maximaal voor de duur van 10 weken". Gerekend vanaf de
    # veiligheidsbeoordeling di 10-6-2025: + 20 = 30-6, + 31 = 31-7 (51), + 19 = di 19-8-2025 (70 dagen).
    t = tijdlijn("west-brabant", "onderzoek", "2025-06-02", veiligheidsbeoordeling="2025-06-10")
    m = moment(t, "dienst-einde-uiterlijk")
    assert (m.datum, m.regel, m.landelijk_terugval) == (d("2025-08-19"), "traject-maximaal-10-weken", False)


@dekt("lokaal-team-bij-start-hulp")
def test_wb_richtlijnen_2017_veilig_thuis_zolang_wachtlijst():
    # 001 (a. Wachtlijsten): "Voorheen was de afspraak dat wanneer er ... bij het lokale team een wachtlijst is,
    # Veilig Thuis verantwoordelijk blijft". Melding 1-3-2021 valt onder de Richtlijnen 2017.
    t = tijdlijn("west-brabant", "direct", "2021-03-01", overdracht="2021-03-05", start_hulp="2021-04-01")
    assert t.afspraken_versie.code == "richtlijnen-2017"
    m = moment(t, "lokaal-team-verantwoordelijk")
    assert (m.datum, m.regel) == (d("2021-04-01"), "lokaal-team-bij-start-hulp")
    assert t.verantwoordelijke_op(d("2021-03-31")).partij == "veilig-thuis"
    # Zonder startdatum weet de rekenhulp niet of er een wachtlijst was (een feit van de casus): vanaf de overdracht
    # is de verantwoordelijkheid 'onbepaald', met beide lezingen — en niet langer dan de Richtlijnen golden (001
    # voorstel 2: beëindigd met ingang van 1 april 2022); daarna het lokale team.
    open_ = tijdlijn("west-brabant", "direct", "2021-03-01", overdracht="2021-03-05")
    vt, onbepaald, team = open_.verantwoordelijkheid[-3:]
    assert (vt.partij, vt.tot) == ("veilig-thuis", d("2021-03-05"))
    assert (onbepaald.partij, onbepaald.tot, team.partij, team.tot) == (
        "onbepaald",
        d("2022-04-01"),
        "lokaal-team",
        None,
    )
    assert open_.moment("regels-gewijzigd").verantwoordelijke == "lokaal-team"


def test_elke_regel_heeft_een_test():
    codes = {r.code for regio in regels.alle_regios().values() for r in regio.regels}
    zonder = sorted(codes - GETEST)
    assert not zonder, f"regels zonder test in dit bestand: {zonder}"
    assert not (GETEST - codes), f"getest maar niet (meer) in de regeldata: {sorted(GETEST - codes)}"


@pytest.mark.parametrize("regio", ["midden-brabant", "west-brabant", "zuid-limburg"])
def test_terugval_op_landelijk_noemt_de_landelijke_bron(regio):
    t = tijdlijn(regio, "onderzoek", "2025-06-02")
    for m in t.momenten:
        if m.landelijk_terugval:
            assert m.bron.document in ("landelijk", "aef")  # de landelijke monitoring: het AEF-rapport (003)
            assert m.regel in {r.code for r in regels.regio("landelijk").regels}
