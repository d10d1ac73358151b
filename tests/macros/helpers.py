"""Reading the generated blocks of the built site: where they are, their text, their links."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from tests.site.helpers import html_path, soup

AFSPRAKEN = {
    "midden-brabant": "midden-brabant/samenwerkingsafspraken.md",
    "west-brabant": "west-brabant/samenwerkingsafspraken.md",
    "zuid-limburg": "zuid-limburg/samenwerkingsafspraken.md",
    "landelijk": "landelijk/kwaliteitskader-zicht-op-veiligheid.md",
}
VERGELIJKING = "vergelijking/index.md"
INFOGRAPHIC = "vergelijking/infographic.md"
BEHEER = "beheer/regio-toevoegen.md"
CIJFERS = re.compile(r"\d+")


def pagina(site: Path, markdown: str) -> BeautifulSoup:
    return soup(html_path(site, markdown))


def termijnenblok(site: Path, regio: str):
    """The 'Termijnen in één oogopslag' section of an agreement page."""
    blokken = [
        s
        for s in pagina(site, AFSPRAKEN[regio]).select("article section.aw-oogopslag")
        if s.h2 and s.h2.get_text(strip=True).rstrip("¶") == "Termijnen in één oogopslag"
    ]
    assert len(blokken) == 1, f"{regio}: verwacht precies één blok 'Termijnen in één oogopslag'"
    return blokken[0]


def gegenereerde_blokken(site: Path) -> dict[str, list]:
    """Every block the macros generate, per page, as BeautifulSoup nodes."""
    uit = {f"{regio}: termijnen": [termijnenblok(site, regio)] for regio in AFSPRAKEN}
    verg = pagina(site, VERGELIJKING)
    uit["vergelijking"] = verg.select(
        ".aw-vergelijking, .aw-criteria, .aw-criteria-toelichting, .aw-feiten, .aw-toelichting"
    )
    info = pagina(site, INFOGRAPHIC)
    uit["infographic"] = info.select(".aw-infographic, .aw-infographic__tekst")
    return uit


def zichtbare_tekst(node) -> str:
    """Text content only: attribute values (SVG coordinates, ids, link targets) are not text.

    Inline markup that splits a word (the site wraps abbreviations such as VBS in <abbr>) is
    dissolved first (in a copy), so 'VBS-casus' stays one word."""
    node = copy.copy(node)
    for inline in node.find_all(["abbr", "strong", "em", "b", "i", "span", "a", "code"]):
        inline.unwrap()
    node.smooth()
    return " ".join(node.stripped_strings)


def svg_bron(site: Path, regio: str) -> str:
    """The SVG of a region's infographic exactly as served (not as an HTML parser repairs it)."""
    html = html_path(site, INFOGRAPHIC).read_text(encoding="utf-8")
    begin = html.index("<svg", html.index(f'id="infographic-{regio}"'))
    return html[begin : html.index("</svg>", begin) + len("</svg>")]


def doel_van_link(site: Path, pagina_md: str, href: str) -> tuple[Path, str]:
    """The built file and the fragment a relative link from ``pagina_md`` points to."""
    deel = urlsplit(href)
    map_ = html_path(site, pagina_md).parent
    doel = (map_ / unquote(deel.path)).resolve() if deel.path else html_path(site, pagina_md)
    if doel.is_dir():
        doel = doel / "index.html"
    return doel, deel.fragment


def controleer_links(site: Path, pagina_md: str, node) -> list[str]:
    """Every link inside ``node`` leads to an existing page and an existing anchor there."""
    fouten, cache = [], {}
    for a in node.select("a[href]"):
        href = a["href"]
        if href.startswith(("http:", "https:", "mailto:")):
            continue
        doel, anker = doel_van_link(site, pagina_md, href)
        if not doel.is_file():
            fouten.append(f"{href}: pagina bestaat niet")
            continue
        if anker:
            if doel not in cache:
                cache[doel] = {
                    e["id"] for e in BeautifulSoup(doel.read_text(encoding="utf-8"), "html.parser").select("[id]")
                }
            if anker not in cache[doel]:
                fouten.append(f"{href}: anker #{anker} bestaat niet")
    return fouten
