"""What the search index holds (hooks/zoekindex.py): reading text only, the agreements weighted
first, and snippets without words glued together. The ranking itself is tested in a browser
(tests/browser/test_lezen.py)."""

from __future__ import annotations

import json
import re

import pytest

from tests.site.helpers import soup

WOORDVERBINDER = "\u2060"
# Written that way in the source texts or in product names: not two words glued together.
ECHTE_WOORDEN = {"HvB", "RvdK", "VerwijsIndex", "JavaScript", "WebAssembly", "VoiceOver", "TalkBack"}


@pytest.fixture(scope="module")
def index(built_site) -> dict:
    return json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))


def tekst_van(index: dict, pagina: str) -> str:
    return " ".join(f"{d['title']} {d['text']}" for d in index["docs"] if d["location"].split("#")[0] == pagina)


def test_blokken_die_geen_leestekst_zijn_staan_niet_in_de_index(index):
    alles = " ".join(f"{d['title']} {d['text']}" for d in index["docs"])
    for tekst in ("Pagina laatst gewijzigd",                                # source box
                  "Tijdlijn berekenen voor",                                # generated summary
                  "Dit is het collegevoorstel, niet de tekst",              # West-Brabant's note
                  "flowchart",                                              # Mermaid source
                  "Infographic: samenwerken aan veiligheid en herstel –",   # SVG title and text
                  "Citaten uit de teksten",                                 # comparison quotes
                  ):
        assert tekst not in alles, tekst
    assert not [d["location"] for d in index["docs"] if d["title"] == "Termijnen in één oogopslag"]
    for pagina in ("midden-brabant/samenwerkingsafspraken/", "landelijk/kwaliteitskader-zicht-op-veiligheid/"):
        eerste = next(d for d in index["docs"] if d["location"] == pagina)
        assert "Over deze tekst" not in eerste["text"] and "geldig vanaf" not in eerste["text"], pagina
    tijdlijn = tekst_van(index, "rekenhulpen/")
    assert "Route na de melding" not in tijdlijn and "VBS bij crisis" not in tijdlijn  # the form
    assert tijdlijn  # the page itself is still found
    # Footnotes: Material files them under the last heading of a page.
    assert "Wet Maatschappelijke Ondersteuning 2015 - H4" not in tekst_van(index, "midden-brabant/samenwerkingsafspraken/")


def test_de_afspraken_wegen_het_zwaarst_en_paginas_voor_ontwikkelaars_het_lichtst(index):
    gewicht = {}
    for doc in index["docs"]:
        gewicht.setdefault(doc["location"].split("#")[0], doc.get("boost", 1))
    afspraken = {p: g for p, g in gewicht.items()
                 if p.startswith(("midden-brabant/", "west-brabant/", "zuid-limburg/", "landelijk/"))}
    techniek = {p: g for p, g in gewicht.items() if p.startswith(("tools/", "beheer/", "over/toegankelijkheid"))}
    rest = {p: g for p, g in gewicht.items() if p not in afspraken and p not in techniek}
    assert afspraken and techniek and rest
    assert min(afspraken.values()) > max(rest.values()) > max(techniek.values())


def test_geen_aan_elkaar_geplakte_woorden_in_de_fragmenten(index):
    geplakt = set()
    for doc in index["docs"]:
        if doc["location"].startswith(("tools/", "beheer/", "over/")):
            continue  # code and configuration names
        tekst = re.sub(r"<[^>]+>", " ", doc["text"])
        geplakt |= {(doc["location"], w) for w in re.findall(r"\b[\wà-ÿ]*[a-zà-ÿ)][A-Z][\wà-ÿ]*", tekst)
                    if w not in ECHTE_WOORDEN}
    assert not geplakt, sorted(geplakt)[:10]


def test_een_nummer_in_een_titel_telt_niet_als_termijn(index):
    """'3 maanden' should find the sentences, not every section numbered 3.x."""
    genummerd = [d["title"] for d in index["docs"] if re.match(r"^\W?\d", d["title"])]
    assert genummerd and all(t.startswith(WOORDVERBINDER) for t in genummerd), genummerd[:3]
    paragraaf = next(d for d in index["docs"] if d["location"] == "midden-brabant/samenwerkingsafspraken/#par-4-1")
    assert paragraaf["title"] == WOORDVERBINDER + "4.1 Directe overdracht na veiligheidsbeoordeling"


def test_elke_pagina_zoekt_met_de_eigen_zoekworker(built_site):
    workers = built_site / "assets" / "javascripts" / "workers"
    material = [p.name for p in workers.glob("search.*.min.js")]
    assert len(material) == 1 and (workers / "zoeken.js").is_file()
    for html in [built_site / "index.html", built_site / "404.html", built_site / "afdrukversie" / "index.html",
                 built_site / "zuid-limburg" / "samenwerkingsafspraken" / "index.html"]:
        config = json.loads(soup(html).select_one("script#__config").string)
        assert config["search"].endswith(f"workers/zoeken.js?material={material[0]}"), (html, config["search"])


# ---------- questions (issue 24): what the worker and the result helper get from the build ----------

def test_de_zoekworker_krijgt_de_woordvormen_uit_de_begrippenlijst(index):
    groepen = index["config"]["aw_woordgroepen"]
    def samen(a: str, b: str) -> bool:
        return any(a in g and b in g for g in groepen)
    assert samen("verantwoordelijk", "verantwoordelijkheid")   # [[woordgroep]] in begrippen.toml
    assert samen("overdracht", "overdragen")                   # [begrip.overdracht] zoeken
    assert samen("monitoring", "monitoren")                    # the glossary's own 'Monitoring, monitoren'
    assert samen("terugkoppeling", "terugkoppelen")
    assert samen("vhb", "veiligheidsbeoordeling")              # an abbreviation with a one-word meaning
    # The stemmer reads 'verantwoordelijkheid' as 'verantwoordelijk'; the Dutch trimmer would drop '7'.
    assert "stemmer" in index["config"]["pipeline"] and "trimmer" not in index["config"]["pipeline"]


def test_woorden_in_bijna_elk_onderdeel_wegen_licht(index):
    achtergrond = set(index["config"]["aw_achtergrond"])
    assert {"veilig", "thuis", "lokale"} <= achtergrond          # in half the sections of the agreements
    assert {"west", "limburg"} <= achtergrond                    # words of the agreements' own titles
    assert not {"overdracht", "monitoring", "verantwoordelijkheid", "terugkoppeling"} & achtergrond
    assert {r["map"] for r in index["config"]["aw_regios"]} >= {"midden-brabant/", "west-brabant/", "zuid-limburg/"}


def test_een_bijlage_weegt_minder_dan_de_tekst(index):
    gewicht = {d["location"]: d.get("boost", 1) for d in index["docs"]}
    zl = "zuid-limburg/samenwerkingsafspraken/"
    assert gewicht[zl + "#bijlage-3b"] < gewicht[zl + "#par-5-1-1"] == gewicht[zl]
    assert gewicht[zl + "#bijlage-2-frequentie-en-duur"] < gewicht[zl + "#par-5-2-6"]
    mb = "midden-brabant/samenwerkingsafspraken/"
    assert gewicht[mb + "#par-7-1"] < gewicht[mb + "#par-4-1"]   # under '7 Bijlagen'


def test_de_zoekhulp_kent_de_rekenhulp_per_onderdeel_en_de_begrippen(built_site):
    hulp = json.loads((built_site / "search" / "zoekhulp.json").read_text(encoding="utf-8"))
    reken = hulp["rekenen"]["zuid-limburg/samenwerkingsafspraken/#par-5-2-1"]
    assert reken == {"url": "rekenhulpen/?regio=zuid-limburg#tijdlijn", "tekst": "Bereken dit voor Zuid-Limburg"}
    assert hulp["rekenen"]["midden-brabant/samenwerkingsafspraken/#par-4-1"]["url"].endswith("regio=midden-brabant#tijdlijn")
    # Only sections that state a term: an introduction offers no calculator.
    assert "midden-brabant/samenwerkingsafspraken/#par-1" not in hulp["rekenen"]
    for locatie in hulp["rekenen"]:
        pagina, anker = locatie.split("#")
        assert soup(built_site / pagina / "index.html").select_one(f'[id="{anker}"]'), locatie
    overdracht = next(b for b in hulp["begrippen"] if b["anker"] == "overdracht")
    assert {"overdracht", "overdragen"} <= set(overdracht["woorden"]) and overdracht["uitleg"]
    # Terms that get no link in the text are not offered either ('Veilig Thuis' is in every question).
    assert "veilig-thuis" not in {b["anker"] for b in hulp["begrippen"]}
