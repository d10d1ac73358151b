"""The page 'Regio's vergeleken': all regions side by side, fallbacks named, criteria a–g per region."""

from __future__ import annotations

import pytest

from macros.gegevens import Gegevens
from macros.vergelijking import OORDEEL_TEKST, RIJEN, TERUGVAL

from .helpers import VERGELIJKING, controleer_links, pagina, zichtbare_tekst


@pytest.fixture(scope="module")
def gegevens():
    return Gegevens()


def tabel(site):
    return pagina(site, VERGELIJKING).select(".aw-vergelijking table")[0]


def cel(site, onderwerp: str, regio_naam: str):
    t = tabel(site)
    koppen = [th.get_text(strip=True) for th in t.select("thead th")]
    kolom = koppen.index(regio_naam)
    for rij in t.select("tbody tr"):
        cellen = rij.select("td")
        if cellen[0].get_text(strip=True) == onderwerp:
            return cellen[kolom]
    raise AssertionError(f"rij {onderwerp!r} niet gevonden")


def test_alle_regios_naast_elkaar_met_het_landelijk_kader_als_laatste(built_site, gegevens):
    koppen = [th.get_text(strip=True) for th in tabel(built_site).select("thead th")]
    assert koppen == ["Onderwerp", "Midden-Brabant", "West-Brabant", "Zuid-Limburg", "Landelijk kader"]
    onderwerpen = [r.select("td")[0].get_text(strip=True) for r in tabel(built_site).select("tbody tr")]
    assert onderwerpen == ["Afspraken en geldigheid", *(label for label, _, _ in RIJEN)]


def test_geldigheid_van_elke_versie(built_site, gegevens):
    from macros.opmaak import datum_lang

    for code, r in gegevens.regios.items():
        tekst = zichtbare_tekst(cel(built_site, "Afspraken en geldigheid", r.naam))
        for v in r.versies:
            assert v["naam"] in tekst and datum_lang(v["geldig_vanaf"]) in tekst


def test_waar_een_regio_zwijgt_staat_de_landelijke_regel_erbij(built_site):
    monitoring = zichtbare_tekst(cel(built_site, "Monitoring door Veilig Thuis", "West-Brabant"))
    assert TERUGVAL in monitoring and "3 maanden" in monitoring and "12 maanden" in monitoring
    triage = zichtbare_tekst(cel(built_site, "Veiligheidsbeoordeling (triage)", "West-Brabant"))
    assert TERUGVAL in triage and "5 werkdagen" in triage
    # Zuid-Limburg has its own triage term: no fallback there.
    assert TERUGVAL not in zichtbare_tekst(cel(built_site, "Veiligheidsbeoordeling (triage)", "Zuid-Limburg"))
    # Nothing anywhere: said so, not left blank.
    vbs = zichtbare_tekst(cel(built_site, "Verbindend Samenwerken (VBS)", "Zuid-Limburg"))
    assert "Niet in de tekst" in vbs


def test_routes_die_verschillen_staan_apart(built_site):
    mb = zichtbare_tekst(cel(built_site, "Lokaal team verantwoordelijk voor het zicht op veiligheid", "Midden-Brabant"))
    assert "directe overdracht" in mb and "na een dienst" in mb
    monitoring = zichtbare_tekst(cel(built_site, "Monitoring door Veilig Thuis", "Midden-Brabant"))
    assert "Geen monitoring en geen veiligheidsvoorwaarden na een directe overdracht" in monitoring
    assert "Jeugdbeschermingstafel" in monitoring


def test_escalatie_termijn_van_de_gemeente(built_site):
    for regio in ("Midden-Brabant", "Zuid-Limburg"):
        assert "6 weken" in zichtbare_tekst(cel(built_site, "Opschalen: reactie van de gemeente", regio))


def test_criteria_a_tot_g_per_regio_met_oordeel_en_paragraaf(built_site, gegevens):
    t = pagina(built_site, VERGELIJKING).select(".aw-criteria table")[0]
    rijen = t.select("tbody tr")
    letters = [c["letter"] for c in gegevens.aef["criteria"]]
    criteria_rijen = [r for r in rijen if r.select("td a[href*='#criterium-']")]
    assert len(criteria_rijen) == len(letters) == 7
    regios = gegevens.regios_met_afspraken
    for letter, rij in zip(letters, criteria_rijen):
        assert rij.select_one("td a")["href"].endswith(f"aef-samen-werken-aan-een-veilig-thuis/#criterium-{letter}")
        for regio, td in zip(regios, rij.select("td")[1:]):
            feit = gegevens.dekking(regio)[letter]
            assert OORDEEL_TEKST[feit["waarde"]] in td.get_text(), (letter, regio)
            anker = feit["bron"]["url"].split("#", 1)[1]
            assert td.select_one("a")["href"].endswith("#" + anker), (letter, regio)


def test_de_eigen_lezing_is_als_zodanig_benoemd(built_site):
    tekst = zichtbare_tekst(pagina(built_site, VERGELIJKING).select_one("article"))
    assert "eigen lezing van deze site" in tekst
    assert "Zuid-Limburg deed niet mee" in tekst
    toelichting = zichtbare_tekst(pagina(built_site, VERGELIJKING).select_one(".aw-criteria-toelichting"))
    assert toelichting.count("Eigen lezing van de Afsprakenwijzer") == 7 * 3


def test_elke_link_op_de_pagina_leidt_naar_een_bestaand_anker(built_site):
    artikel = pagina(built_site, VERGELIJKING).select_one("article")
    assert controleer_links(built_site, VERGELIJKING, artikel) == []
