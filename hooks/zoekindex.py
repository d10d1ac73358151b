"""MkDocs hook: what the site search indexes, and how much each kind of page weighs.

Material's search indexes every word of a page. On this site that made the search worse:
the source box, the calculator forms, the drawn infographic, Mermaid source and the
footnotes (which Material files under the last heading of a page) came back as snippets with
glued words ("Geen VBSVBS bij crisis"), and pages for developers outranked the agreements.

Two levers, both Material's own (https://squidfunk.github.io/mkdocs-material/setup/setting-up-site-search/):

- ``data-search-exclude`` on blocks that are not reading text. Material's parser matches
  elements by tag name only, so an excluded element must not contain an element with the
  same tag (the inner one's end tag would end the exclusion); tests/site/test_zoeken.py
  checks the index for text from every excluded block.
- A boost per page (front matter ``search.boost``), set here by folder so that the agreements
  and the national framework rank above everything else and pages for developers and
  maintainers rank below every text. A page's own ``search`` front matter wins.

And one change to the written index: Material appends a wildcard to every query word, so the
"3" of "3 maanden" matched every section title starting with 3 (3.1, 3.2.4, Bijlage 3b) and
those titles, weighted a thousand times the text, buried the sentences that name the
deadline. In the index (not on the page) a number that starts a word in a title is preceded
by an invisible word joiner (U+2060): the title reads the same in the results, and a number
in a query matches the text, where the deadlines are.

Questions: Material's worker is wrapped by assets/javascripts/workers/zoeken.js, which searches
the subject of a question (whole words through the stemmer, without stop words, question words and
their verbs) and the other forms of a glossary word, and puts the results with more of the
subject first. What it needs travels in the index's config: the forms (``aw_woordgroepen``, from
hooks/woordenlijst.py), the words that say nothing about which section answers
(``aw_achtergrond``: in half the agreements' sections, or in their titles) and the regions a
question may name (``aw_regios``). After the build every page's search configuration names that
wrapper, with Material's own worker file as its parameter.

Annexes weigh less than the sections of the text itself: "wie is verantwoordelijk na overdracht"
found the annex 'Overdrachtsbrief' before the paragraphs on the moment of overdracht. Every
section from a page's first annex ('Bijlage …', '7 Bijlagen') on gets BIJLAGE_GEWICHT.

What a result can offer besides the text (assets/javascripts/zoekhulp.js reads search/zoekhulp.json):
the calculator with the region filled in, for a section that the page's deadline summary cites as
the source of a term; and, under the best result, the glossary entries of the words of the query.
"""

from __future__ import annotations

import fnmatch
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import woordenlijst
from mkdocs.plugins import event_priority

from calculators.basis.begrippen import LANDELIJK
from calculators.recht.regios import document, regio_codes, regio_naam

# Highest first. Lunr multiplies a page's scores by its boost; Material rounds scores to three
# decimals, so the smallest boost keeps these pages findable by their own words (nginx, JSON)
# while any agreement text that matches ranks above them.
ZOEKGEWICHT: tuple[tuple[str, float], ...] = (
    ("midden-brabant/*", 10),
    ("west-brabant/*", 10),
    ("zuid-limburg/*", 10),
    ("landelijk/*", 10),
    # The glossary explains a word; a question about it is answered by the text (and the result
    # offers the entry itself, assets/javascripts/zoekhulp.js).
    ("begrippenlijst.md", 0.3),
    ("index.md", 0.3),
    ("start-hier.md", 0.3),
    ("vergelijking/*", 0.05),
    # Background: its '3.3 Monitoring, evaluatie en onderhoud' is about monitoring the agreements,
    # not a case; a title match there must not outrank a sentence of an agreement.
    ("achtergrond/*", 0.03),
    ("rekenhulpen/*", 0.1),
    ("oefenen.md", 0.1),
    ("over/wijzigingen.md", 0.02),
    ("beheer/*", 0.001),
    ("tools/*", 0.001),
    ("over/*", 0.001),
)

# Blocks that are not reading text, by their opening tag. Each pattern must match the whole
# opening tag's start so the attribute lands on the element itself.
NIET_ZOEKEN = (
    re.compile(r"<form\b"),  # calculator forms: labels and options
    re.compile(r'<svg\b(?=[^>]*\bclass="aw-ig")'),  # infographic: the text version is indexed
    re.compile(r'<pre\b(?=[^>]*\bclass="aw-diagram")'),  # Mermaid source; the text version is indexed
    re.compile(r'<div\b(?=[^>]*\bclass="footnote")'),  # footnotes, filed under the wrong heading
    re.compile(r'<div\b(?=[^>]*\bclass="aw-oefen-antwoordenblad")'),  # practice answers, for print only
)


# An annex is found, but below the text of the agreement itself.
BIJLAGE_GEWICHT = 0.3
# A word in at least this share of the agreements' sections ('veilig', 'thuis', 'lokale') is found,
# but does not decide which section answers a question (zoeken.js gives it the least weight);
# nor do the words of the agreements' own titles.
ACHTERGROND_AANDEEL = 0.5
_BIJLAGE = re.compile(r"^\W?(?:Bijlage|\d+ Bijlagen\b)")
ZOEKHULP = "search/zoekhulp.json"

WOORDVERBINDER = "\u2060"
# Material's template: "search": "<base>assets/javascripts/workers/search.<hash>.min.js" in __config.
_ZOEKWORKER = re.compile(r'("search":\s*"[^"]*assets/javascripts/workers/)(search\.[0-9a-f]+\.min\.js)(")')
EIGEN_WORKER = "zoeken.js"
_GETAL_IN_TITEL = re.compile(r"(?<![\w.,\u2060])(?=\d)")


def zoekgewicht(src_uri: str) -> float | None:
    for patroon, gewicht in ZOEKGEWICHT:
        if fnmatch.fnmatchcase(src_uri, patroon):
            return gewicht
    return None


# With a value, so the search plugin strips the attribute from the page once it has read it
# (and an SVG stays well-formed XML).
UITSLUITEN = ' data-search-exclude="ja"'


# Material's indexer joins the text on both sides of a <br> ("overdrachtNa een dienst"); a space
# after it changes nothing on screen (white space at the start of a line is not drawn).
_BR = re.compile(r"(<br\s*/?>)(?!\s)")


def markeer(html: str) -> str:
    """Add ``data-search-exclude`` to every block that is not reading text."""
    for patroon in NIET_ZOEKEN:
        html = patroon.sub(lambda m: m.group(0) + UITSLUITEN, html)
    return _BR.sub(r"\1 ", html)


def on_page_markdown(markdown, page, config, files):
    gewicht = zoekgewicht(page.file.src_uri)
    if gewicht is not None and "search" not in page.meta:
        page.meta["search"] = {"boost": gewicht}
    return markdown


# The deadline summary (macros/termijnen.py): its button to the calculator, and the paragraphs it cites.
_OOGOPSLAG = re.compile(r'<section class="aw-oogopslag".*?</section>', re.DOTALL)
_REKENHULP = re.compile(r'href="([^"]*rekenhulpen/\?regio=[^"#]+[^"]*)"')
_EIGEN_ANKER = re.compile(r'href="\./#([^"]+)"')
_KOP = re.compile(r'<h[1-6][^>]*\sid="([^"]+)"')

# Per search location ('midden-brabant/samenwerkingsafspraken/#par-4-1'): the calculator (from the
# site root) and the words of the link to it.
_rekenen: dict[str, dict] = {}


def secties_met_termijnen(html: str, pagina_url: str) -> dict[str, dict]:
    """The sections (heading ids) holding a paragraph the deadline summary cites, with its calculator link."""
    blok = _OOGOPSLAG.search(html)
    knop = _REKENHULP.search(blok.group(0)) if blok else None
    if not knop:
        return {}
    adres = urlsplit(knop.group(1).replace("&amp;", "&"))
    regio = adres.query.removeprefix("regio=")
    rekenhulp = {
        "url": posixpath.normpath(posixpath.join(pagina_url, adres.path)) + "/?" + adres.query + "#" + adres.fragment,
        "tekst": "Bereken dit met het landelijk kader"
        if regio == LANDELIJK
        else f"Bereken dit voor {regio_naam(regio)}",
    }
    koppen = [(m.start(), m.group(1)) for m in _KOP.finditer(html)]
    uit = {}
    for anker in set(_EIGEN_ANKER.findall(blok.group(0))):
        plek = html.find(f'id="{anker}"')
        voor = [kop for positie, kop in koppen if positie <= plek]
        if plek >= 0 and voor:
            uit[f"{pagina_url}#{voor[-1]}"] = rekenhulp
    return uit


# After the hooks and plugins that add blocks (bronvermelding: 50), before the search plugin
# reads the page in on_page_context.
@event_priority(-10)
def on_page_content(html, page, config, files):
    _rekenen.update(secties_met_termijnen(html, page.url))
    return markeer(html)


def on_config(config):
    _rekenen.clear()
    return config


def titels_zonder_getalwoorden(index: dict) -> dict:
    for doc in index["docs"]:
        doc["title"] = _GETAL_IN_TITEL.sub(WOORDVERBINDER, doc["title"])
    return index


def bijlagen_lichter(index: dict) -> dict:
    """Every section from a page's first annex on weighs BIJLAGE_GEWICHT of the page."""
    in_bijlage: set[str] = set()
    for doc in index["docs"]:
        pagina, _, anker = doc["location"].partition("#")
        if anker and (pagina in in_bijlage or _BIJLAGE.match(doc["title"])):
            in_bijlage.add(pagina)
            doc["boost"] = round(doc.get("boost", 1) * BIJLAGE_GEWICHT, 4)
    return index


def _woorden(tekst: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", re.sub(r"<[^>]+>", " ", tekst).lower()))


def achtergrondwoorden(index: dict) -> list[str]:
    """Words that do not say which section answers a question: those in at least ACHTERGROND_AANDEEL
    of the sections of the most heavily weighted pages (the agreements), and the words of those
    pages' own titles ('West-Brabant', 'lokale teams'), which the page itself would win on."""
    zwaarst = max(doc.get("boost", 1) for doc in index["docs"])
    docs = [d for d in index["docs"] if d.get("boost", 1) == zwaarst]
    secties = [d for d in docs if "#" in d["location"]]
    aantal: dict[str, int] = {}
    for doc in secties:
        for woord in _woorden(f"{doc['title']} {doc['text']}"):
            aantal[woord] = aantal.get(woord, 0) + 1
    vaak = {w for w, n in aantal.items() if secties and n / len(secties) >= ACHTERGROND_AANDEEL}
    titels = set().union(*(_woorden(d["title"]) for d in docs if "#" not in d["location"]))
    return sorted(vaak | titels)


def regios() -> list[dict]:
    """Per region the words of its name and the folder of its texts: a question that names a region
    gets that region's text first (zoeken.js)."""
    return [
        {
            "woorden": re.findall(r"[^\W\d_]+", regio_naam(code).lower()) if code != LANDELIJK else [LANDELIJK],
            "map": document(code).pagina.split("/")[0] + "/",
        }
        for code in regio_codes()
    ]


def woordgroepen(begrippen: list, groepen: list[list[str]], afkortingen: dict[str, str]) -> list[list[str]]:
    """The words search reads as one: per glossary entry its one-word forms, search words and
    abbreviation; an abbreviation with a one-word meaning; and the maintained word groups."""
    uit = []
    for b in begrippen:
        woorden = [w for w in (*b.vormen, *b.zoeken, *b.afkortingen) if re.fullmatch(r"[\w\u00c0-\u024f]+", w)]
        uit.append(woorden)
    for afkorting, betekenis in afkortingen.items():
        if re.fullmatch(r"[\w\u00c0-\u024f]+", afkorting) and re.fullmatch(r"[\w\u00c0-\u024f]+", betekenis):
            uit.append([afkorting, betekenis])
    uit += groepen
    gezien, schoon = set(), []
    for groep in uit:
        groep = list(dict.fromkeys(w.lower() for w in groep))
        if len(groep) > 1 and tuple(groep) not in gezien:
            gezien.add(tuple(groep))
            schoon.append(groep)
    return schoon


def zoekhulp(begrippen: list, rekenen: dict[str, dict]) -> dict:
    """What zoekhulp.js offers next to a result: the glossary entries (with their words) and the calculator."""
    return {
        "begrippen": [
            {
                "naam": b.naam,
                "anker": b.anker,
                "uitleg": b.uitleg,
                "woorden": sorted({w.lower() for w in (*b.vormen, *b.zoeken, *b.afkortingen)}),
            }
            for b in begrippen
            if b.koppelen
        ],
        "rekenen": dict(sorted(rekenen.items())),
    }


def eigen_zoekworker(html: str) -> str:
    return _ZOEKWORKER.sub(lambda m: f"{m.group(1)}{EIGEN_WORKER}?material={m.group(2)}{m.group(3)}", html)


# After the search plugin wrote the index (plugins run before hooks at the same priority).
@event_priority(-40)
def on_post_build(config):
    site = Path(config.site_dir)
    pad = site / "search" / "search_index.json"
    if not pad.is_file():
        return
    docs = Path(config.docs_dir)
    begrippen, groepen = woordenlijst.lees(docs)
    index = titels_zonder_getalwoorden(json.loads(pad.read_text(encoding="utf-8")))
    index["config"]["aw_achtergrond"] = achtergrondwoorden(index)
    index = bijlagen_lichter(index)
    index["config"]["aw_woordgroepen"] = woordgroepen(begrippen, groepen, woordenlijst.afkortingen(docs))
    index["config"]["aw_regios"] = regios()
    pad.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    (site / ZOEKHULP).write_text(
        json.dumps(zoekhulp(begrippen, _rekenen), ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    for pagina in site.rglob("*.html"):
        html = pagina.read_text(encoding="utf-8")
        nieuw = eigen_zoekworker(html)
        if nieuw != html:
            pagina.write_text(nieuw, encoding="utf-8")
