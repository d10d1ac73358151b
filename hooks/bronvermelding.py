"""MkDocs hook: every published document carries its source, and shows it under its title.

Pages in the document folders must have a ``bron`` block in their front matter (title,
organisation, date, version, seed file). A page without it stops the build, because a
text on this site without a traceable source is worse than no text.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError

DOCUMENT_FOLDERS = ("midden-brabant/", "west-brabant/", "zuid-limburg/", "landelijk/", "achtergrond/")
REQUIRED_BRON_FIELDS = ("titel", "organisatie", "datum", "versie", "bronbestand")
MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")


def is_document_page(src_uri: str) -> bool:
    return src_uri.startswith(DOCUMENT_FOLDERS)


def missing_bron_fields(meta: dict) -> list[str]:
    bron = meta.get("bron")
    if not isinstance(bron, dict):
        return ["bron"]
    return [f"bron.{field}" for field in REQUIRED_BRON_FIELDS if not str(bron.get(field, "")).strip()]


def lange_datum(value: dt.date) -> str:
    return f"{value.day} {MAANDEN[value.month - 1]} {value.year}"


def last_change(path: str) -> dt.date | None:
    """Date of the last commit that touched the page; None outside a git checkout."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", path],
                             capture_output=True, text=True, check=False, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return dt.date.fromisoformat(out) if out else None


def on_page_markdown(markdown, page, config, files):
    if not is_document_page(page.file.src_uri):
        return markdown
    missing = missing_bron_fields(page.meta)
    if missing:
        raise PluginError(
            f"{page.file.src_uri}: bronvermelding ontbreekt in de front matter: {', '.join(missing)}. "
            "Elke gepubliceerde tekst vermeldt zijn bron (zie docs/beheer/regio-toevoegen.md)."
        )
    return markdown


def bron_block(page) -> str:
    bron = page.meta["bron"]
    rows = [("Document", bron["titel"]), ("Organisatie", bron["organisatie"]),
            ("Datum", bron["datum"]), ("Versie", bron["versie"])]
    if bron.get("geldig_vanaf"):
        vanaf = bron["geldig_vanaf"]
        rows.append(("Geldig vanaf", lange_datum(vanaf) if isinstance(vanaf, dt.date) else str(vanaf)))
    if bron.get("vervangt"):
        rows.append(("Vervangt", bron["vervangt"]))
    changed = last_change(page.file.abs_src_path)
    if changed:
        rows.append(("Pagina laatst gewijzigd", lange_datum(changed)))
    if bron.get("bewerking"):
        rows.append(("Bewerking", bron["bewerking"]))
    if bron.get("weggelaten"):
        rows.append(("Weggelaten", bron["weggelaten"]))
    items = "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(str(v))}</dd>" for k, v in rows)
    return (
        '<details class="aw-bron" open><summary>Over deze tekst</summary>'
        f'<dl class="aw-bron__lijst">{items}</dl></details>'
    )


_FIRST_H1_END = re.compile(r"</h1>", re.IGNORECASE)


def on_page_content(html_text, page, config, files):
    if not is_document_page(page.file.src_uri) or "bron" not in page.meta:
        return html_text
    return _FIRST_H1_END.sub(lambda m: m.group(0) + bron_block(page), html_text, count=1)
