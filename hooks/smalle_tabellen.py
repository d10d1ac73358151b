"""MkDocs hook: tables of three or more columns that read on a phone.

On a 390 px screen a table of four columns either scrolls sideways, with columns off-screen
that a reader does not know are there, or squeezes every word into a sliver. Below 45em
(lezen.css) such a table is shown row by row instead: each cell on a line of its own, headed
by the name of its column. For that every body cell gets its column name in ``data-label``
and the table is marked ``data-aw-gestapeld``; on a wider screen nothing changes.

Only Markdown tables (no class: the site's own tables lay themselves out) with a header row
whose columns all have a name; a paper form with empty headers stays as it is.
"""

from __future__ import annotations

import html
import re

from mkdocs.plugins import event_priority

MIN_KOLOMMEN = 3
_TABEL = re.compile(r"<table>(?P<binnen>.*?)</table>", re.DOTALL)
_KOP = re.compile(r"<thead>(?P<kop>.*?)</thead>", re.DOTALL)
_TH = re.compile(r"<th\b[^>]*>(?P<tekst>.*?)</th>", re.DOTALL)
_TR = re.compile(r"<tr\b[^>]*>.*?</tr>", re.DOTALL)
_TD = re.compile(r"<td\b")
_TAG = re.compile(r"<[^>]+>")


def _naam(cel: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(_TAG.sub("", cel))).replace("\u00a0", " ").strip()


def stapel(tabel: re.Match) -> str:
    binnen = tabel.group("binnen")
    kop = _KOP.search(binnen)
    namen = [_naam(th.group("tekst")) for th in _TH.finditer(kop.group("kop"))] if kop else []
    if len(namen) < MIN_KOLOMMEN or not all(namen):
        return tabel.group(0)

    def rij(tr: re.Match) -> str:
        kolom = iter(namen)
        return _TD.sub(lambda m: f'<td data-label="{html.escape(next(kolom, ""), quote=True)}"', tr.group(0))

    romp_start = kop.end()
    return "<table data-aw-gestapeld>" + binnen[:romp_start] + _TR.sub(rij, binnen[romp_start:]) + "</table>"


# Late, after every block that adds tables; the print edition took its copy earlier and keeps
# its tables whole on paper anyway.
@event_priority(-20)
def on_page_content(html_text, page, config, files):
    return _TABEL.sub(stapel, html_text) if "<table>" in html_text else html_text
