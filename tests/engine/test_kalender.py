"""Werkdagen volgens de Algemene termijnenwet (Atw) art. 3 en datumrekenen.

De verwachte datums zijn met de hand uitgerekend uit een gewone kalender; de
paasdatums (31 maart 2024, 20 april 2025, 5 april 2026) zijn de bekende data,
niet door de code berekend.
"""

import pytest

from calculators import AfsprakenFout, is_werkdag, niet_werkdagen, plus_werkdagen, werkdagen_tussen
from calculators.kalender.werkdagen import KALENDERS, atw_verlengd, plus_termijn

from .conftest import d


@pytest.mark.parametrize(
    "datum, naam",
    [
        ("2024-01-01", "Nieuwjaarsdag"),  # lid 1; maandag
        ("2024-03-29", "Goede Vrijdag"),  # lid 2; Pasen 31 maart 2024, dus vrijdag 29 maart
        ("2024-04-01", "Tweede Paasdag"),  # lid 1; maandag 1 april
        ("2024-05-09", "Hemelvaartsdag"),  # lid 1; 39 dagen na Pasen: donderdag 9 mei
        ("2024-05-20", "Tweede Pinksterdag"),  # lid 1; 50 dagen na Pasen: maandag 20 mei
        ("2024-12-25", "Eerste Kerstdag"),  # woensdag
        ("2024-12-26", "Tweede Kerstdag"),  # donderdag
        ("2025-05-05", "Bevrijdingsdag (5 mei)"),  # maandag; 5 mei telt elk jaar (lid 1), niet alleen elk lustrum
        ("2026-05-05", "Bevrijdingsdag (5 mei)"),  # dinsdag
        ("2026-04-27", "Koningsdag"),  # maandag 27 april 2026
        ("2026-04-03", "Goede Vrijdag"),  # Pasen 5 april 2026
    ],
)
def test_feestdag_is_geen_werkdag(datum, naam):
    assert not is_werkdag(d(datum))
    (dag,) = niet_werkdagen(d(datum) - (d("2024-01-02") - d("2024-01-01")), d(datum))
    assert dag.naam == naam
    assert dag.grondslag.startswith("Atw art. 3 lid")


def test_goede_vrijdag_komt_uit_lid_2():
    (dag,) = niet_werkdagen(d("2024-03-28"), d("2024-03-29"))
    assert dag.grondslag == "Atw art. 3 lid 2"


def test_gewone_dagen_rond_feestdagen_zijn_werkdagen():
    for datum in ("2024-03-28", "2024-04-02", "2024-05-10", "2024-05-21", "2024-12-27", "2025-01-02"):
        assert is_werkdag(d(datum)), datum


def test_koningsdag_2025_op_zaterdag_26_april():
    # 27 april 2025 is een zondag: Koningsdag wordt dan op zaterdag 26 april gevierd.
    dagen = niet_werkdagen(d("2025-04-25"), d("2025-04-28"))
    assert [(x.datum.isoformat(), x.naam) for x in dagen] == [
        ("2025-04-26", "Koningsdag (valt op zaterdag)"),
        ("2025-04-27", "zondag"),
    ]
    assert dagen[1].grondslag == "Atw art. 1 (zondag)"
    assert is_werkdag(d("2025-04-28"))  # maandag na Koningsdag gewoon werkdag


def test_hemelvaart_en_5_mei_op_dezelfde_dag_2016():
    # 2016: Pasen 27 maart, Hemelvaartsdag 5 mei.
    (dag,) = niet_werkdagen(d("2016-05-04"), d("2016-05-05"))
    assert "Hemelvaartsdag" in dag.naam and "5 mei" in dag.naam
    assert is_werkdag(d("2016-05-06"))


def test_plus_werkdagen_over_pasen():
    # do 28-3-2024 + 5: vr 29 Goede Vrijdag, za, zo, ma 1-4 Tweede Paasdag, di 2 (1), wo 3 (2),
    # do 4 (3), vr 5 (4), za, zo, ma 8-4 (5).
    assert plus_werkdagen(d("2024-03-28"), 5) == d("2024-04-08")


def test_plus_werkdagen_over_kerst_en_nieuwjaar():
    # ma 23-12-2024 + 5: di 24 (1), wo 25 en do 26 Kerst, vr 27 (2), ma 30 (3), di 31 (4),
    # wo 1-1 Nieuwjaarsdag, do 2-1-2025 (5).
    assert plus_werkdagen(d("2024-12-23"), 5) == d("2025-01-02")


def test_plus_werkdagen_met_lid3_dagen():
    # Zelfde som, maar vrijdag 27-12-2024 is bij besluit gelijkgesteld (atw-lid3):
    # di 24 (1), ma 30 (2), di 31 (3), do 2-1 (4), vr 3-1-2025 (5).
    assert plus_werkdagen(d("2024-12-23"), 5, "atw-lid3") == d("2025-01-03")
    assert not is_werkdag(d("2026-01-02"), "atw-lid3")
    assert not is_werkdag(d("2026-05-15"), "atw-lid3")
    assert is_werkdag(d("2026-05-15"), "atw")  # standaard uit
    (dag,) = niet_werkdagen(d("2026-05-14"), d("2026-05-15"), "atw-lid3")
    assert dag.grondslag.startswith("Atw art. 3 lid 3")


def test_weekendkalender_telt_feestdagen_mee():
    # do 28-3-2024 + 5 met alleen weekenden: vr 29 (1), ma 1-4 (2), di 2 (3), wo 3 (4), do 4 (5).
    assert plus_werkdagen(d("2024-03-28"), 5, "weekend") == d("2024-04-04")
    assert is_werkdag(d("2024-12-25"), "weekend")
    (zat,) = niet_werkdagen(d("2024-03-29"), d("2024-03-30"), "weekend")
    assert (zat.naam, zat.grondslag) == ("zaterdag", "weekend")


def test_nul_werkdagen_is_dezelfde_dag():
    assert plus_werkdagen(d("2024-03-30"), 0) == d("2024-03-30")  # ook op een zaterdag


def test_werkdagen_tussen_telt_van_niet_en_tot_wel():
    assert werkdagen_tussen(d("2024-03-28"), d("2024-04-08")) == 5
    assert werkdagen_tussen(d("2024-03-28"), d("2024-03-28")) == 0
    assert werkdagen_tussen(d("2024-04-05"), d("2024-04-08")) == 1  # vr -> ma: alleen maandag


def test_werkdagen_tussen_tot_voor_van_is_fout():
    with pytest.raises(AfsprakenFout) as e:
        werkdagen_tussen(d("2024-04-08"), d("2024-04-01"))
    assert e.value.veld == "tot"


def test_negatief_aantal_is_fout():
    with pytest.raises(AfsprakenFout) as e:
        plus_werkdagen(d("2024-04-08"), -1)
    assert e.value.veld == "aantal"


@pytest.mark.parametrize(
    "begin, maanden, verwacht",
    [
        ("2023-11-30", 3, "2024-02-29"),  # schrikkeljaar: 30 nov + 3 maanden = 29 feb
        ("2022-11-30", 3, "2023-02-28"),  # geen schrikkeljaar
        ("2024-01-31", 1, "2024-02-29"),
        ("2024-08-31", 3, "2024-11-30"),
        ("2024-05-16", 18, "2025-11-16"),
    ],
)
def test_maanden_lopen_tot_de_laatste_dag_van_de_maand(begin, maanden, verwacht):
    assert plus_termijn(d(begin), maanden, "maanden") == d(verwacht)


def test_weken_en_dagen():
    assert plus_termijn(d("2024-09-09"), 3, "weken") == d("2024-09-30")
    assert plus_termijn(d("2024-09-09"), 7, "dagen") == d("2024-09-16")


def test_jaren_buiten_bereik_geven_een_fout():
    with pytest.raises(AfsprakenFout) as e:
        plus_werkdagen(d("2014-12-30"), 1)
    assert e.value.veld == "datum" and "2014" in str(e.value)
    # The calendar reaches two years past the last year of input (KALENDER_LAATSTE_JAAR), so that the
    # deadlines of a case entered in late 2035 can be computed; beyond that: a clear error.
    assert plus_werkdagen(d("2035-12-28"), 5) == d("2036-01-07")  # ma 31 (1), di 1-1 Nieuwjaarsdag, wo 2 .. ma 7
    with pytest.raises(AfsprakenFout) as e:
        is_werkdag(d("2038-01-04"))
    assert "2038" in str(e.value) and "2037" in str(e.value)


def test_lid3_jaar_zonder_besluit_geeft_fout():
    with pytest.raises(AfsprakenFout) as e:
        is_werkdag(d("2022-05-27"), "atw-lid3")
    assert e.value.veld == "kalender"
    assert "2022" in str(e.value) and "2023" in str(e.value) and "2028" in str(e.value)


def test_onbekende_kalender():
    with pytest.raises(AfsprakenFout) as e:
        plus_werkdagen(d("2024-01-02"), 1, "feestdagen")
    assert e.value.veld == "kalender"
    for code in KALENDERS:
        assert code in str(e.value)


@pytest.mark.parametrize("waarde", ["2024-02-30", "31-12-2024", "2024-1-2", "", 20240102, None])
def test_ongeldige_datum(waarde):
    with pytest.raises(AfsprakenFout) as e:
        plus_werkdagen(waarde, 1)
    assert e.value.veld == "datum"
    assert repr(waarde) in str(e.value)


def test_kalenders_hebben_naam_en_omschrijving():
    assert set(KALENDERS) == {"atw", "atw-lid3", "weekend"}
    for k in KALENDERS.values():
        assert k.naam and k.omschrijving
        assert k.to_dict() == {"code": k.code, "naam": k.naam, "omschrijving": k.omschrijving}


def test_algemene_termijnenwet_verlengt_een_wettelijke_termijn():
    # Art. 1 lid 1: ends on a Saturday, so on the next working day (Monday).
    assert atw_verlengd(d("2022-03-28"), d("2022-04-02")) == d("2022-04-04")
    # Art. 1 with a feestdag after the weekend: za 26-4-2025 (Koningsdag) → ma 28-4-2025.
    assert atw_verlengd(d("2025-04-21"), d("2025-04-26")) == d("2025-04-28")
    # Art. 2: at least two working days after the first day (Easter 2025: only di 22 in the term).
    assert atw_verlengd(d("2025-04-17"), d("2025-04-22")) == d("2025-04-23")
    # Art. 2 applies to terms of at least three days only; a working day stays as it is.
    assert atw_verlengd(d("2025-04-17"), d("2025-04-19")) == d("2025-04-22")
    assert atw_verlengd(d("2025-04-24"), d("2025-04-29")) == d("2025-04-29")
