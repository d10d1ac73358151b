"""The page 'Regio's vergeleken': all regions side by side, fallbacks named, criteria a–g per region."""

from __future__ import annotations

import pytest

from macros.gegevens import Gegevens
from macros.vergelijking import OORDEEL_TEKST, RIJEN

from .helpers import VERGELIJKING, controleer_links, pagina, zichtbare_tekst


@pytest.fixture(scope="module")
def gegevens():
    return Gegevens()


REGIO_VOLGORDE = ["Landelijk kader", "Midden-Brabant", "West-Brabant", "Zuid-Limburg"]


def onderwerpen(site) -> dict:
    """Topic heading -> its table (one row per region)."""
    uit = {}
    for tabel in pagina(site, VERGELIJKING).select("table.aw-vergelijk"):
        kop = tabel.find_previous("h3")
        uit[kop.get_text(strip=True).rstrip("¶")] = tabel
    return uit


def rij(site, onderwerp: str, regio_naam: str):
    for tr in onderwerpen(site)[onderwerp].select("tbody tr"):
        if tr.th.select_one(".aw-vergelijk__regio").get_text(strip=True) == regio_naam:
            return tr
    raise AssertionError(f"regio {regio_naam!r} niet gevonden bij {onderwerp!r}")


def cel(site, onderwerp: str, regio_naam: str):
    return rij(site, onderwerp, regio_naam).td


def test_elk_onderwerp_met_alle_regios_het_landelijk_kader_bovenaan(built_site, gegevens):
    tabellen = onderwerpen(built_site)
    assert list(tabellen) == ["Afspraken en geldigheid", *(label for label, _, _ in RIJEN)]
    for onderwerp, tabel in tabellen.items():
        regios = [tr.th.select_one(".aw-vergelijk__regio").get_text(strip=True) for tr in tabel.select("tbody tr")]
        assert regios == REGIO_VOLGORDE, onderwerp
        assert [th.get_text(strip=True) for th in tabel.select("thead th")] == ["Regio", "Wat geldt"]


def test_geldigheid_van_elke_versie(built_site, gegevens):
    from macros.opmaak import datum_lang

    for _code, r in gegevens.regios.items():
        tekst = zichtbare_tekst(cel(built_site, "Afspraken en geldigheid", r.naam))
        for v in r.versies:
            assert v["naam"] in tekst and datum_lang(v["geldig_vanaf"]) in tekst


def test_waar_een_regio_zwijgt_staat_de_landelijke_regel_erbij(built_site):
    monitoring = rij(built_site, "Monitoring door Veilig Thuis", "West-Brabant")
    assert "aw-vergelijk__rij--landelijk" in monitoring["class"] and "Landelijke regel" in monitoring.th.get_text()
    assert "3 maanden" in zichtbare_tekst(monitoring.td) and "12 maanden" in zichtbare_tekst(monitoring.td)
    triage = rij(built_site, "Veiligheidsbeoordeling (triage)", "West-Brabant")
    assert "Landelijke regel" in triage.th.get_text() and "5 werkdagen" in zichtbare_tekst(triage.td)
    # Zuid-Limburg has its own triage term, the same as the national one: no mark.
    zl = rij(built_site, "Veiligheidsbeoordeling (triage)", "Zuid-Limburg")
    assert not zl.select(".aw-status, .aw-landelijk")
    # Nothing anywhere: said so, not left blank.
    vbs = zichtbare_tekst(cel(built_site, "Verbindend Samenwerken (VBS)", "Zuid-Limburg"))
    assert "Niet in de tekst" in vbs


def test_een_regio_die_afwijkt_van_het_landelijk_kader_is_gemarkeerd(built_site):
    mb = rij(built_site, "Lokaal team verantwoordelijk voor het zicht op veiligheid", "Midden-Brabant")
    assert "aw-vergelijk__rij--anders" in mb["class"] and "Anders dan landelijk" in mb.th.get_text()
    wb = rij(built_site, "Lokaal team verantwoordelijk voor het zicht op veiligheid", "West-Brabant")
    assert "Anders dan landelijk" in wb.th.get_text()
    basis = rij(built_site, "Lokaal team verantwoordelijk voor het zicht op veiligheid", "Landelijk kader")
    assert not basis.select(".aw-status")


def test_eerst_de_regel_dan_de_uitzonderingen(built_site):
    td = cel(built_site, "Veilig Thuis verantwoordelijk voor het zicht op veiligheid", "Landelijk kader")
    regel, uitzonderingen = td.select_one("p.aw-regel"), td.select_one(".aw-uitzonderingen")
    assert regel is not None and uitzonderingen is not None and regel.sourceline <= uitzonderingen.sourceline
    assert "spoed" not in zichtbare_tekst(regel) and "Bij spoed" in zichtbare_tekst(uitzonderingen)
    # Several rules for one moment: the cell says which one applies.
    assert "wat het eerst komt" in zichtbare_tekst(regel)


def test_routes_die_verschillen_staan_apart(built_site):
    mb = zichtbare_tekst(cel(built_site, "Lokaal team verantwoordelijk voor het zicht op veiligheid", "Midden-Brabant"))
    assert "Directe overdracht" in mb and "Na een dienst" in mb
    monitoring = zichtbare_tekst(cel(built_site, "Monitoring door Veilig Thuis", "Midden-Brabant"))
    assert "Geen monitoring en geen veiligheidsvoorwaarden na een directe overdracht" in monitoring
    assert "Jeugdbeschermingstafel" in monitoring


def test_citaten_zijn_te_openen_zonder_muis(built_site):
    """Every quote a source link carries (title, shown on hover) is also in a disclosure under the topic."""
    for onderwerp, tabel in onderwerpen(built_site).items():
        if onderwerp == "Afspraken en geldigheid":
            continue
        citaten = tabel.find_next_sibling("details", class_="aw-citaten")
        assert citaten is not None and citaten.summary, onderwerp
        tekst = zichtbare_tekst(citaten)
        for a in tabel.select("a[title]"):
            assert a["title"].replace("'", '"')[:60] in tekst.replace("'", '"'), (onderwerp, a["title"][:60])


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
