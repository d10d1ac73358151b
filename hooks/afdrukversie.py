"""MkDocs hook: every internal link of the print edition (afdrukversie/) leads somewhere.

mkdocs-print-site-plugin puts all printed pages on one page and rewrites their links: a link
to ``page/#anker`` becomes ``#page-anker``, and it prefixes ids to match. Two kinds of link
came out pointing nowhere (about 190 on this site):

- ids it does not rename: it only renames ids of headings, ``sup`` and ``li``, and misses
  those when another tag stands before them on the same line. Every paragraph anchor of the
  agreements (``<span id="par-2-c">``), every glossary entry (``<dt id="overdracht">``) and
  most footnote references were left as they were. After the build, each id that a link of
  the edition asks for under its page's prefix is renamed inside that page's section.
- links to pages the edition leaves out (the calculators, Oefenen, pages for maintainers):
  they became anchors of the edition. Those links now lead to the page on the site itself,
  relative to afdrukversie/ (the plugin's own link rewriting does not see them: the address
  waits in ``data-aw-afdruk-href`` until the edition is written).

The plugin's own section links are titled "Permanent link"; they get the site's Dutch title.
"""

from __future__ import annotations

import html
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority
from mkdocs_print_site_plugin.exclude import exclude

WACHTEND = "data-aw-afdruk-href"
PERMALINK_TITEL = "Link naar dit onderdeel"  # as toc.permalink_title in mkdocs.yml

_LINK = re.compile(r'(<a\b[^>]*?\s)href="([^"]*)"', re.IGNORECASE)
_ID = re.compile(r'(\sid=")([^"]+)(")')

# Site-root URLs of the pages in the menu that the edition leaves out (set in on_nav).
_weggelaten: set[str] = set()


def _print_plugin(config):
    return config["plugins"].get("print-site")


def doel_url(href: str, pagina_url: str) -> str | None:
    """The site-root URL of the page a relative link leads to ('' for the home page); None for
    a link within the page, to another site or to a file that is not a page."""
    delen = urlsplit(href)
    if delen.scheme or delen.netloc or not delen.path:
        return None
    pad = posixpath.normpath(posixpath.join(pagina_url, delen.path))
    return "" if pad == "." else pad.rstrip("/") + "/"


def wacht_links_naar_weggelaten_paginas(page_html: str, pagina_url: str, weggelaten: set[str]) -> str:
    """Links to a page that is not printed: the address, relative to afdrukversie/, in WACHTEND."""

    def vervang(m: re.Match) -> str:
        href = html.unescape(m.group(2))
        doel = doel_url(href, pagina_url)
        if doel is None or doel not in weggelaten:
            return m.group(0)
        delen = urlsplit(href)
        nieuw = (
            "../" + doel + (f"?{delen.query}" if delen.query else "") + (f"#{delen.fragment}" if delen.fragment else "")
        )
        return f'{m.group(1)}{WACHTEND}="{html.escape(nieuw, quote=True)}"'

    return _LINK.sub(vervang, page_html)


def on_nav(nav, config, files):
    plugin = _print_plugin(config)
    _weggelaten.clear()
    if plugin is not None:
        uitgesloten = plugin.config.get("exclude", [])
        _weggelaten.update(p.url for p in nav.pages if exclude(p.file.src_path, uitgesloten))
        _weggelaten.update(f.url for f in files.documentation_pages() if f.page is None or f.page not in nav.pages)
    return nav


# After mkdocs-print-site-plugin kept its copy of the page (page.html) at the default priority.
@event_priority(-100)
def on_page_content(html_text, page, config, files):
    if _print_plugin(config) is not None and getattr(page, "html", None):
        page.html = wacht_links_naar_weggelaten_paginas(page.html, page.url, _weggelaten)
    return html_text


class _Ids(HTMLParser):
    """Every id of the edition with the printed page it stands in, and every anchor a link asks for."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paginas: list[str | None] = []  # per open <section>: the page key, or None
        self.ids: dict[str, int] = {}  # id -> number of times
        self.per_pagina: dict[str, set[str]] = {}
        self.gevraagd: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section":
            klassen = (a.get("class") or "").split()
            self.paginas.append(a.get("id") if "print-page" in klassen and "md-section" not in klassen else None)
        if a.get("id"):
            self.ids[a["id"]] = self.ids.get(a["id"], 0) + 1
            pagina = next((p for p in reversed(self.paginas) if p), None)
            if pagina and tag != "section":
                self.per_pagina.setdefault(pagina, set()).add(a["id"])
        if tag == "a" and (a.get("href") or "").startswith("#"):
            self.gevraagd.add(a["href"][1:])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "section":
            self.paginas.pop()

    def handle_endtag(self, tag):
        if tag == "section" and self.paginas:
            self.paginas.pop()


def hernoem_gevraagde_ids(edition: str) -> str:
    """Rename, inside each printed page, the ids that the edition's links ask for with the page's prefix."""
    ids = _Ids()
    ids.feed(edition)
    hernoem: dict[str, dict[str, str]] = {}  # page key -> {old id: new id}
    for gevraagd in ids.gevraagd - set(ids.ids):
        for pagina, eigen in ids.per_pagina.items():
            oud = gevraagd.removeprefix(pagina + "-")
            if gevraagd.startswith(pagina + "-") and oud in eigen:
                hernoem.setdefault(pagina, {})[oud] = gevraagd
                break
    if not hernoem:
        return edition
    # Each page section starts with its own <section class="print-page" id="…">; ids are renamed
    # from there to the start of the next page section.
    begin = {m.group(1): m.start() for m in re.finditer(r'<section class="print-page" id="([^"]+)"', edition)}
    grenzen = sorted(begin.values()) + [len(edition)]
    uit, vorige = [], 0
    for pagina, start in sorted(begin.items(), key=lambda x: x[1]):
        if pagina not in hernoem:
            continue
        einde = grenzen[grenzen.index(start) + 1]
        stuk = _ID.sub(
            lambda m, namen=hernoem[pagina]: m.group(1) + namen.get(m.group(2), m.group(2)) + m.group(3),
            edition[start:einde],
        )
        uit += [edition[vorige:start], stuk]
        vorige = einde
    uit.append(edition[vorige:])
    return "".join(uit)


def herstel(edition: str) -> str:
    edition = edition.replace(f'{WACHTEND}="', 'href="')
    edition = edition.replace("title='Permanent link'", f"title='{PERMALINK_TITEL}'")
    return hernoem_gevraagde_ids(edition)


# After mkdocs-print-site-plugin wrote the edition (its on_post_build runs at the default priority).
@event_priority(-50)
def on_post_build(config):
    plugin = _print_plugin(config)
    if plugin is None:
        return
    pad = Path(config.site_dir) / plugin.config["print_page_basename"] / "index.html"
    if pad.is_file():
        pad.write_text(herstel(pad.read_text(encoding="utf-8")), encoding="utf-8")
