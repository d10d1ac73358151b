"""The pages for policy staff in the built site: the changes in words, the region x topic matrix, two versions side by
side, the data the rule-change page ships, and the menu that follows the rule files. (Heights, widths and the pages'
scripts are tested in a real browser: tests/browser/test_beleid.py.)"""

from __future__ import annotations

import json
import re

import pytest

from calculators.basis.bestanden import lees_bestand
from calculators.recht.regios import alle_regios, regio_codes, regio_naam
from calculators.uitvoer.wijzigingen import wijzigingen_data
from macros import matrix
from tests.macros.helpers import controleer_links, zichtbare_tekst
from tests.site.helpers import html_path, normalise, soup

WIJZIGINGEN = "over/wijzigingen.md"
MATRIX = "vergelijking/in-een-oogopslag.md"
NAAST = "vergelijking/naast-elkaar.md"
VOORBEREIDEN = "beheer/regelwijziging-voorbereiden.md"
# A commit code as git abbreviates it, and a file name of the checkout.
HASH = re.compile(r"\b[0-9a-f]{7,40}\b")
BESTANDSNAAM = re.compile(r"\b[\w-]+\.(toml|py|md|json|yml)\b")


def artikel(site, pagina):
    return soup(html_path(site, pagina)).select_one("article")


# ---------- Wijzigingen: in words, for readers ----------

def test_de_wijzigingen_noemen_geen_vastlegcodes_en_geen_bestandsnamen(built_site):
    tekst = zichtbare_tekst(artikel(built_site, WIJZIGINGEN))
    assert not HASH.findall(tekst), HASH.findall(tekst)
    assert not BESTANDSNAAM.findall(tekst), BESTANDSNAAM.findall(tekst)
    # The technical log is for maintainers, one link away.
    assert artikel(built_site, WIJZIGINGEN).select_one('a[href*="beheer/logboek"]') is not None


def test_de_wijziging_van_west_brabant_2022_in_woorden(built_site):
    kop = soup(html_path(built_site, WIJZIGINGEN)).select_one("#wijziging-west-brabant-2022-04-01")
    assert kop is not None and normalise(kop.get_text()).startswith("West-Brabant: nieuwe afspraken vanaf 1 april 2022")
    blok = []
    for node in kop.find_next_siblings():
        if node.name in ("h2", "h3"):
            break
        blok.append(normalise(node.get_text(" ")))
    tekst = " ".join(blok)
    # What changed, old and new, each with its quoted sentence, for which routes, why, and the engine's example.
    assert "Het lokale team verantwoordelijk voor het zicht op veiligheid (alle routes)" in tekst
    assert "Was: op de dag van de start van de hulp (hangt af van de casus)" in tekst
    assert "“Voorheen was de afspraak dat wanneer er in zo’n geval bij het lokale team een wachtlijst is" in tekst
    assert "Wordt: de dag na afloop van 2 werkdagen na de overdracht" in tekst
    assert "ook bij een interne wachtlijst van het lokale team.”" in tekst
    assert "Waarom, in de woorden van de tekst: “" in tekst and "Veilig Thuis een wachtlijst opbouwt.”" in tekst
    # Melding vr 1 april 2022, overdracht vr 8 april; ma 11 and di 12 april are the 2 werkdagen: wo 13 april.
    assert "verantwoordelijk voor het zicht op veiligheid vanaf wo 13 april 2022, in plaats van" in tekst
    assert "Richtlijnen zicht op veiligheid (2017)" in tekst


def test_elke_wijziging_uit_de_regeldata_staat_op_de_pagina(built_site):
    ankers = {n["id"] for n in artikel(built_site, WIJZIGINGEN).select("h3[id]")}
    verwacht = {f"wijziging-{code}-{w['datum']}" for code in regio_codes() for w in wijzigingen_data(code)}
    assert verwacht and verwacht <= ankers


def test_de_correcties_bij_het_publiceren_staan_per_tekst(built_site):
    correcties = soup(html_path(built_site, WIJZIGINGEN)).select_one("#correcties").find_next("ul")
    tekst = normalise(correcties.get_text(" "))
    assert "OCR-fouten gecorrigeerd (zoals cliëntsysteem" in tekst
    assert "‘mateaan’ gecorrigeerd tot ‘mate aan’" in tekst


@pytest.mark.parametrize("pagina", [WIJZIGINGEN, MATRIX, NAAST, VOORBEREIDEN, "beheer/regio-toevoegen.md"])
def test_elke_link_op_de_beleidspaginas_leidt_naar_een_bestaand_anker(built_site, pagina):
    assert controleer_links(built_site, pagina, artikel(built_site, pagina)) == []


# ---------- the matrix ----------

def _matrix(site):
    tabel = artikel(site, MATRIX).select_one("table.aw-matrix__tabel")
    kolommen = [normalise(th.get_text()) for th in tabel.select("thead th")][1:]
    rijen = {}
    for tr in tabel.select("tbody tr"):
        onderwerp = normalise(tr.th.get_text()).replace("\u00ad", "")
        rijen[onderwerp] = dict(zip(kolommen, tr.select("td")))
    return kolommen, rijen


def test_de_matrix_heeft_een_kolom_per_regio_en_een_rij_per_onderwerp(built_site):
    kolommen, rijen = _matrix(built_site)
    assert kolommen == [regio_naam(c) for c in regio_codes()]
    assert list(rijen) == [label.replace("\u00ad", "") for label, *_ in matrix.ONDERWERPEN]
    # Every cell is plain text and links: no Markdown left unconverted.
    assert not [c for r in rijen.values() for c in r.values() if "](" in c.get_text()]


def test_de_cellen_komen_uit_de_regels_met_markeringen(built_site):
    _, rijen = _matrix(built_site)
    oppakken = normalise(rijen["Directe overdracht en oppakken"]["Midden-Brabant"].get_text(" "))
    termijn = next(r for r in alle_regios()["midden-brabant"].regels if r.code == "overdracht-oppakken")
    assert f"oppakken {termijn.aantal} {termijn.eenheid} na overdracht" in oppakken and "Eigen regel" in oppakken
    team = rijen["Lokaal team verantwoordelijk"]["West-Brabant"]
    assert "2 werkdagen na overdracht" in normalise(team.get_text(" ")) and "aw-matrix__cel--anders" in team["class"]
    # West-Brabant's text is not available: the national triage term applies, marked as such.
    triage = normalise(rijen["Veiligheidsbeoordeling (triage)"]["West-Brabant"].get_text(" "))
    assert "Landelijk, tekst n.b." in triage and "Kwaliteitskader § 2.1" in triage
    assert normalise(rijen["Terugkoppeling"]["Landelijk kader"].get_text(" ")).startswith("—")


# ---------- side by side ----------

def test_naast_elkaar_kent_elke_versie_en_markeert_wat_de_rekenkern_anders_vindt(built_site):
    pagina = soup(html_path(built_site, NAAST))
    keuzes = [o["value"] for o in pagina.select("select[name=a] option")]
    verwacht = [f"{c}@{v.code}" for c in regio_codes() for v in alle_regios()[c].versies if v.regionale_tekst != "geen"]
    assert keuzes == verwacht
    data = json.loads(pagina.select_one("#aw-naast-verschillen").string)
    paar = "west-brabant@afspraken-2022|west-brabant@richtlijnen-2017"
    labels = [label.replace("\u00ad", "") for label, *_ in matrix.ONDERWERPEN]
    assert [labels[i] for i in data["rijen"][paar]] == ["Dienst en overdracht daarna", "Lokaal team verantwoordelijk"]
    # Without the script the page shows this pair, marked.
    gemarkeerd = [normalise(tr.th.get_text()).replace("\u00ad", "").removesuffix(" Verschilt")
                  for tr in pagina.select("tr.aw-naast__rij--anders")]
    assert gemarkeerd == ["Dienst en overdracht daarna", "Lokaal team verantwoordelijk"]
    assert data["teksten"][paar].startswith("2 van de 9 onderwerpen verschillen")


# ---------- what the rule-change page ships ----------

def test_de_voorbereidpagina_levert_de_regelbestanden_en_de_teksten_mee(built_site):
    config = json.loads(soup(html_path(built_site, VOORBEREIDEN)).select_one("#aw-rekenkern-config").string)
    naam = config["bronnen"].split("/assets/", 1)[1]
    bronnen = json.loads((built_site / "assets" / naam).read_text(encoding="utf-8"))
    assert bronnen["regels"] == {c: lees_bestand(f"{c}.toml") for c in regio_codes()}
    assert bronnen["documenten"]["landelijk"] == ["aef", "landelijk"]
    assert "par-4-1" in bronnen["teksten"]["midden-brabant"]["ankers"]
    assert "na de datum van overdracht heeft het lokale (wijk)team 7 dagen" in bronnen["teksten"]["midden-brabant"]["tekst"]
    # Every rule value of every region can be chosen.
    opties = soup(html_path(built_site, VOORBEREIDEN)).select("select[name=regel] option")
    assert len(opties) == sum(len(r.regels) for r in alle_regios().values())


# ---------- one place to register a region ----------

def test_het_menu_noemt_elke_regio_uit_de_regelbestanden(built_site):
    menu = soup(built_site / "index.html").select_one("nav.md-nav--primary")
    labels = {normalise(a.get_text()) for a in menu.select("label, a")}
    assert {regio_naam(c) for c in regio_codes()} <= labels
    assert menu.select_one('a[href$="midden-brabant/terugkoppelbericht/"]') is not None
