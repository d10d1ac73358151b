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

Stop words: Material's worker is wrapped by assets/javascripts/workers/zoeken.js, which leaves
the stop words out of a query ("zicht op veiligheid" matched "Opschaal …" through "op*").
After the build every page's search configuration names that wrapper, with Material's own
worker file as its parameter.
"""

from __future__ import annotations

import fnmatch
import json
import re
from pathlib import Path

from mkdocs.plugins import event_priority

# Highest first. Lunr multiplies a page's scores by its boost; Material rounds scores to three
# decimals, so the smallest boost keeps these pages findable by their own words (nginx, JSON)
# while any agreement text that matches ranks above them.
ZOEKGEWICHT: tuple[tuple[str, float], ...] = (
    ("midden-brabant/*", 10),
    ("west-brabant/*", 10),
    ("zuid-limburg/*", 10),
    ("landelijk/*", 10),
    ("begrippenlijst.md", 1),
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
    re.compile(r'<form\b'),                               # calculator forms: labels and options
    re.compile(r'<svg\b(?=[^>]*\bclass="aw-ig")'),         # infographic: the text version is indexed
    re.compile(r'<pre\b(?=[^>]*\bclass="aw-diagram")'),    # Mermaid source; the text version is indexed
    re.compile(r'<div\b(?=[^>]*\bclass="footnote")'),      # footnotes, filed under the wrong heading
    re.compile(r'<div\b(?=[^>]*\bclass="aw-oefen-antwoordenblad")'),  # practice answers, for print only
)


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


# After the hooks and plugins that add blocks (bronvermelding: 50), before the search plugin
# reads the page in on_page_context.
@event_priority(-10)
def on_page_content(html, page, config, files):
    return markeer(html)


def titels_zonder_getalwoorden(index: dict) -> dict:
    for doc in index["docs"]:
        doc["title"] = _GETAL_IN_TITEL.sub(WOORDVERBINDER, doc["title"])
    return index


def eigen_zoekworker(html: str) -> str:
    return _ZOEKWORKER.sub(lambda m: f"{m.group(1)}{EIGEN_WORKER}?material={m.group(2)}{m.group(3)}", html)


# After the search plugin wrote the index (plugins run before hooks at the same priority).
@event_priority(-40)
def on_post_build(config):
    site = Path(config.site_dir)
    pad = site / "search" / "search_index.json"
    if not pad.is_file():
        return
    index = titels_zonder_getalwoorden(json.loads(pad.read_text(encoding="utf-8")))
    pad.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    for pagina in site.rglob("*.html"):
        html = pagina.read_text(encoding="utf-8")
        nieuw = eigen_zoekworker(html)
        if nieuw != html:
            pagina.write_text(nieuw, encoding="utf-8")
