"""'Termijnen in één oogopslag' on every agreement page: every term from the rule data, with links."""

from __future__ import annotations

import pytest

from macros.gegevens import Gegevens
from macros.opmaak import hoeveelheid

from .helpers import AFSPRAKEN, controleer_links, termijnenblok, zichtbare_tekst


@pytest.fixture(scope="module")
def gegevens():
    return Gegevens()


@pytest.mark.parametrize("regio", AFSPRAKEN)
def test_elke_termijn_van_de_regio_staat_in_het_blok_met_zijn_bron(built_site, gegevens, regio):
    blok = termijnenblok(built_site, regio)
    rijen = blok.select("table")[0].select("tbody tr")
    termijnen = [r for r in gegevens.regios[regio].regels if r["soort"] == "termijn"]
    assert len(rijen) == len(termijnen)
    tekst = zichtbare_tekst(blok)
    hrefs = [a["href"] for a in blok.select("a[href]")]
    for regel in termijnen:
        assert regel["moment_naam"] in tekst, regel["code"]
        if regel["aantal"]:
            assert hoeveelheid(regel) in tekst, regel["code"]
        anker = regel["bron"]["url"].split("#", 1)[1]
        assert any(h.endswith("#" + anker) for h in hrefs), f"{regel['code']}: geen link naar #{anker}"


@pytest.mark.parametrize("regio", AFSPRAKEN)
def test_elke_link_in_het_blok_leidt_naar_een_bestaand_anker(built_site, regio):
    assert controleer_links(built_site, AFSPRAKEN[regio], termijnenblok(built_site, regio)) == []


@pytest.mark.parametrize("regio", AFSPRAKEN)
def test_het_blok_noemt_de_geldigheid(built_site, gegevens, regio):
    from macros.opmaak import datum_lang

    tekst = zichtbare_tekst(termijnenblok(built_site, regio))
    for versie in gegevens.regios[regio].versies:
        assert datum_lang(versie["geldig_vanaf"]) in tekst
        if versie["geldig_tot"]:
            assert datum_lang(versie["geldig_tot"]) in tekst


def test_waar_de_tekst_zwijgt_staat_de_landelijke_regel_als_zodanig(built_site):
    wb = zichtbare_tekst(termijnenblok(built_site, "west-brabant"))
    kop, _, landelijk = wb.partition("Niet in deze tekst; landelijke regel geldt")
    assert landelijk, "West-Brabant: geen landelijke terugval getoond"
    # Monitoring and triage are not in the West-Brabant text: they are shown under the fallback.
    for naam in ("Uiterste datum veiligheidsbeoordeling (triage)", "Eerste vaste monitoringsmoment van Veilig Thuis"):
        assert naam in landelijk and naam not in kop
    # The national framework itself has no fallback.
    assert "landelijke regel geldt" not in zichtbare_tekst(termijnenblok(built_site, "landelijk"))


def test_het_blok_staat_direct_onder_de_titel_en_laat_de_tekst_ongemoeid(built_site):
    from .helpers import pagina

    for regio, md in AFSPRAKEN.items():
        artikel = pagina(built_site, md).select_one("article")
        blok = termijnenblok(built_site, regio)
        eerste_kop_na_titel = artikel.select("h2")[0]
        assert blok.sourceline < eerste_kop_na_titel.sourceline, regio
        assert not blok.select("h1, h2, h3, h4"), f"{regio}: het blok mag geen koppen bevatten (ankers van de tekst)"
