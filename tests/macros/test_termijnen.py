"""'Termijnen in één oogopslag' on every agreement page: visible, in the table of contents, the
main line of a case first and in order, every rule of the region with its source, the
calculator linked with the region filled in, and no file paths or code names."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from macros.gegevens import LANDELIJK, Gegevens
from macros.opmaak import datum_lang, hoeveelheid
from macros.termijnen import STAPPEN

from .helpers import AFSPRAKEN, controleer_links, pagina, termijnenblok, zichtbare_tekst

# Each region's own word for the lokaal team, and the words of the others that must not appear.
ANDERE_TERMEN = {
    "midden-brabant": ("lokale veld", "het lokale team"),
    "west-brabant": ("(wijk)team", "lokale veld"),
    "zuid-limburg": ("(wijk)team", "het lokale team"),
}


@pytest.fixture(scope="module")
def gegevens():
    return Gegevens()


def _ankers(blok) -> list[str]:
    return [a["href"] for a in blok.select("a[href]")]


@pytest.mark.parametrize("regio", AFSPRAKEN)
def test_elke_regel_van_de_regio_staat_in_het_blok_met_zijn_bron(built_site, gegevens, regio):
    blok = termijnenblok(built_site, regio)
    tekst = zichtbare_tekst(blok)
    hrefs = _ankers(blok)
    regels = [(r, False) for r in gegevens.regios[regio].regels]
    regels += [(t.regel, True) for t, _ in gegevens.terugvallen(regio)]
    for regel, _terugval in regels:
        if regel.get("aantal"):
            assert hoeveelheid(regel) in tekst, regel["code"]
        anker = regel["bron"]["url"].split("#", 1)[1]
        assert any(h.endswith("#" + anker) for h in hrefs), f"{regel['code']}: geen link naar #{anker}"


@pytest.mark.parametrize("regio", AFSPRAKEN)
def test_elke_link_in_het_blok_leidt_naar_een_bestaand_anker(built_site, regio):
    assert controleer_links(built_site, AFSPRAKEN[regio], termijnenblok(built_site, regio)) == []


@pytest.mark.parametrize("regio", AFSPRAKEN)
def test_het_blok_noemt_de_geldigheid(built_site, gegevens, regio):
    tekst = zichtbare_tekst(termijnenblok(built_site, regio))
    r = gegevens.regios[regio]
    assert f"meldingen vanaf {datum_lang(r.huidige_versie['geldig_vanaf'])}" in tekst
    for regel in r.regels:
        if regel["geldig_tot"]:
            assert f"vanaf {datum_lang(regel['geldig_vanaf'])} tot {datum_lang(regel['geldig_tot'])}" in tekst


@pytest.mark.parametrize("regio", AFSPRAKEN)
def test_de_samenvatting_staat_open_in_de_volgorde_van_een_casus(built_site, regio):
    blok = termijnenblok(built_site, regio)
    stappen = blok.select_one(".aw-stappen > ol")
    assert stappen is not None and stappen.find_parent("details") is None, "de samenvatting zit achter een klik"
    namen = [li.find("strong").get_text(strip=True) for li in stappen.find_all("li", recursive=False)]
    verwacht = [stap for stap, _ in STAPPEN]
    assert namen == [stap for stap in verwacht if stap in namen] and namen[:2] == verwacht[:2], namen
    assert {"Overdracht", "Verantwoordelijkheid na de overdracht"} <= set(namen), namen
    # The edge cases come after the main line, not before it.
    overig = blok.select_one(".aw-oogopslag__overig")
    if overig is not None:
        assert overig.sourceline > stappen.sourceline


@pytest.mark.parametrize("regio", AFSPRAKEN)
def test_het_blok_staat_in_de_inhoudsopgave_direct_onder_de_titel(built_site, regio):
    document = pagina(built_site, AFSPRAKEN[regio])
    blok = termijnenblok(built_site, regio)
    assert blok.h2["id"] == "termijnen-in-een-oogopslag"
    toc = document.select("nav.md-nav--secondary a.md-nav__link")
    assert toc and toc[0]["href"] == "#termijnen-in-een-oogopslag", [a["href"] for a in toc[:3]]
    tekstkoppen = [h for h in document.select("article h2") if h.find_parent("section", class_="aw-oogopslag") is None]
    assert blok.sourceline < tekstkoppen[0].sourceline


@pytest.mark.parametrize("regio", AFSPRAKEN)
def test_het_blok_linkt_de_tijdlijn_met_de_eigen_regio(built_site, regio):
    links = [
        a["href"]
        for a in termijnenblok(built_site, regio).select("a[href]")
        if urlsplit(a["href"]).path.endswith("rekenhulpen/")
    ]
    assert links, f"{regio}: geen link naar de tijdlijn"
    for href in links:
        assert parse_qs(urlsplit(href).query) == {"regio": [regio]} and urlsplit(href).fragment == "tijdlijn", href


@pytest.mark.parametrize("regio", AFSPRAKEN)
def test_geen_bestandspaden_of_codenamen_in_het_blok(built_site, gegevens, regio):
    tekst = zichtbare_tekst(termijnenblok(built_site, regio))
    assert "calculators/" not in tekst and ".toml" not in tekst
    codes = {r["code"] for r in gegevens.regios[regio].regels} | {"start_hulp", "dienst_einde"}
    assert not [c for c in codes if f" {c} " in f" {tekst} " or f"({c})" in tekst]


@pytest.mark.parametrize("regio", ANDERE_TERMEN)
def test_het_blok_noemt_het_team_zoals_de_regio_het_noemt(built_site, gegevens, regio):
    tekst = zichtbare_tekst(termijnenblok(built_site, regio))
    eigen = gegevens.regios[regio].partijen["lokaal-team"]
    assert eigen in tekst
    assert [t for t in ANDERE_TERMEN[regio] if t in tekst] == []


def test_waar_de_tekst_zwijgt_staat_de_landelijke_regel_als_zodanig(built_site):
    wb = termijnenblok(built_site, "west-brabant")
    triage = next(li for li in wb.select(".aw-stappen li") if zichtbare_tekst(li).startswith("Afgerond"))
    assert "5 werkdagen" in zichtbare_tekst(triage) and triage.select(".aw-landelijk")
    assert any("landelijk/" in a["href"] for a in triage.select("a[href]"))
    # The national framework itself has no fallback.
    assert not termijnenblok(built_site, LANDELIJK).select(".aw-landelijk")


def test_west_brabant_zegt_bovenaan_dat_de_tekst_van_de_afspraken_ontbreekt(built_site, gegevens):
    artikel = pagina(built_site, AFSPRAKEN["west-brabant"]).select_one("article")
    notitie = artikel.select_one(".admonition")
    assert notitie is not None and notitie.sourceline < termijnenblok(built_site, "west-brabant").sourceline
    tekst = zichtbare_tekst(notitie)
    assert "collegevoorstel" in tekst.lower() and "niet in de bron" in tekst
    for naam in ("Veiligheidsbeoordeling (triage)", "Monitoring door Veilig Thuis", "(ook bij spoed)"):
        assert naam in tekst
    # Each topic names its own national source: the monitoring is not in the Kwaliteitskader but in the
    # AEF report (the Handelingsprotocol as quoted there).
    monitoring = next(li for li in notitie.select("li") if "Monitoring door Veilig Thuis" in li.get_text())
    assert {a["href"].split("#")[0].rstrip("/").split("/")[-1] for a in monitoring.select("a[href]")} == {
        "aef-samen-werken-aan-een-veilig-thuis"
    }
    triage = next(li for li in notitie.select("li") if "Veiligheidsbeoordeling (triage)" in li.get_text())
    assert all("kwaliteitskader" in a["href"] for a in triage.select("a[href]"))
