"""MkDocs hook: every published document carries its source, and shows it under its title.

Pages in the document folders must have a ``bron`` block in their front matter (title,
organisation, date, version, seed file). A page without it stops the build, because a
text on this site without a traceable source is worse than no text.

Under the title of every document the block "Over deze tekst" shows the source, the version,
from when the text applies ("geldig vanaf": from the front matter, else the version in the
rule data of the calculators, else "niet vermeld in de bron") and the date of the last commit
that changed the page (git; also in a fresh or shallow clone in CI, and when the checkout is
owned by another user). The list of all changes is docs/over/wijzigingen.md.

Task-list checkboxes (paper forms such as the terugkoppelbericht) get their item text as
label, so screen readers name them and clicking the text ticks the box (WCAG 1.3.1, 4.1.2).

For the print edition (mkdocs-print-site-plugin): the source block is added before the plugin
copies each page, the cover names the date of the last change to any text, and the print
page's paths are made relative again (see on_post_build).
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from calculators.basis.opmaak import datum_kort
from calculators.recht.op_datum import versie_op
from calculators.recht.regelbestand import AfsprakenVersie
from calculators.recht.regios import documentmappen, regio_codes

ROOT = Path(__file__).resolve().parent.parent
WIJZIGINGEN_URL = "over/wijzigingen/"

REQUIRED_BRON_FIELDS = ("titel", "organisatie", "datum", "versie", "bronbestand")


def is_document_page(src_uri: str) -> bool:
    return src_uri.startswith(documentmappen())


def missing_bron_fields(meta: dict) -> list[str]:
    bron = meta.get("bron")
    if not isinstance(bron, dict):
        return ["bron"]
    return [f"bron.{field}" for field in REQUIRED_BRON_FIELDS if not str(bron.get(field, "")).strip()]


lange_datum = datum_kort  # the engine's one way of writing a date: '1 mei 2025'


def last_change(path: str | Path) -> dt.date | None:
    """Date of the last commit that touched the file; None outside a git checkout.

    Git runs in the file's own folder (not the build's working directory) and trusts that
    checkout explicitly: CI clones afresh, sometimes as another user than the owner, and git
    then refuses to read the repository ("dubious ownership") unless told it is safe.
    """
    folder = Path(path).resolve().parent
    try:
        out = subprocess.run(
            ["git", "-c", "safe.directory=*", "log", "-1", "--format=%cs", "--", Path(path).name],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    try:
        return dt.date.fromisoformat(out) if out else None
    except ValueError:
        return None


def on_config(config):
    """The print edition's cover names the state of the texts: the last change to any of them."""
    folders = [f"docs/{folder}" for folder in documentmappen()] + ["calculators/rules"]
    try:
        out = subprocess.run(
            ["git", "-c", "safe.directory=*", "log", "-1", "--format=%cs", "--", *folders],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        ).stdout.strip()
        stand = lange_datum(dt.date.fromisoformat(out)) if out else None
    except (OSError, subprocess.SubprocessError, ValueError):
        stand = None
    config.extra["afdruk"] = {"stand": stand}
    return config


def rule_version(regio: str | None) -> AfsprakenVersie | None:
    """The version of a region's agreements that the calculators apply on the build date, if any (the rules
    folder in use, as the engine reads it)."""
    if not regio or regio not in regio_codes():
        return None
    return versie_op(regio, bouwdatum())


def bouwdatum() -> dt.date:
    """Today, or the moment a reproducible build names (SOURCE_DATE_EPOCH)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch else dt.date.today()


def geldig_vanaf(page) -> str:
    """From when the text applies, saying where that date comes from."""
    vanaf = page.meta["bron"].get("geldig_vanaf")
    if vanaf:
        return lange_datum(vanaf) if isinstance(vanaf, dt.date) else str(vanaf)
    versie = rule_version(page.meta.get("regio"))
    if versie:
        return (
            f"niet vermeld in de bron; de rekenhulpen passen deze afspraken toe vanaf "
            f"{lange_datum(versie.geldig_vanaf)}"
        )
    return "niet vermeld in de bron"


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
    rows = [
        ("Document", bron["titel"]),
        ("Organisatie", bron["organisatie"]),
        ("Datum", bron["datum"]),
        ("Versie", bron["versie"]),
    ]
    rows.append(("Geldig vanaf", geldig_vanaf(page)))
    if bron.get("vervangt"):
        rows.append(("Vervangt", bron["vervangt"]))
    changed = last_change(page.file.abs_src_path)
    rows.append(
        (
            "Pagina laatst gewijzigd",
            lange_datum(changed)
            if changed
            else "onbekend (deze versie van de site is gebouwd zonder git-geschiedenis)",
        )
    )
    if bron.get("bewerking"):
        rows.append(("Bewerking", bron["bewerking"]))
    if bron.get("weggelaten"):
        rows.append(("Weggelaten", bron["weggelaten"]))
    items = "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(str(v))}</dd>" for k, v in rows)
    wijzigingen = get_relative_url(WIJZIGINGEN_URL, page.url)
    items += f'<dt>Wijzigingen</dt><dd><a href="{html.escape(wijzigingen)}">alle wijzigingen in afspraken en rekenregels</a></dd>'
    # Closed by default: a professional checking a deadline wants the text; the one-line
    # summary still says whose text it is and from when it applies.
    kort = f"{bron['organisatie']} · geldig vanaf: {geldig_vanaf(page)}"
    # Not reading text: kept out of the search index (hooks/zoekindex.py).
    return (
        f"{BRON_OPEN}<summary>Over deze tekst "
        f'<span class="aw-bron__kort">— {html.escape(kort)}</span></summary>'
        f'<dl class="aw-bron__lijst">{items}</dl></details>'
    )


BRON_OPEN = '<details class="aw-bron" data-search-exclude="ja">'
_FIRST_H1_END = re.compile(r"</h1>", re.IGNORECASE)
# pymdownx.tasklist: "<li class="task-list-item">[<p>]<input type="checkbox"/> item text" up to the end
# of the item's own text. Only task lists: the calculator forms label their own checkboxes.
_TASK_CHECKBOX = re.compile(
    r'(?P<voor><li class="task-list-item">\s*(?:<p>)?)(?P<box><input type="checkbox"(?: [^>]*)?/?>)'
    r"(?P<text>.*?)(?=</li>|</p>|<ul|<ol|<p>|<div|<table)",
    re.DOTALL,
)


def label_task_checkboxes(html_text: str) -> str:
    """Wrap each task-list checkbox and its item text in a <label>."""

    def wrap(match):
        if not re.sub(r"<[^>]+>", "", match.group("text")).strip():
            return match.group(0)
        return (
            f'{match.group("voor")}<label class="aw-vinkvak">{match.group("box")}{match.group("text").rstrip()}</label>'
        )

    return _TASK_CHECKBOX.sub(wrap, html_text)


# Before other plugins read the page HTML (mkdocs-print-site-plugin copies it into the print
# edition in its own on_page_content), so the source block and labels are there too.
@event_priority(50)
def on_page_content(html_text, page, config, files):
    if 'type="checkbox"' in html_text:
        html_text = label_task_checkboxes(html_text)
    if not is_document_page(page.file.src_uri) or "bron" not in page.meta:
        return html_text
    return _FIRST_H1_END.sub(lambda m: m.group(0) + bron_block(page), html_text, count=1)


# mkdocs-print-site-plugin renders the print edition with the template context of 404.html.
# Without site_url that context has the absolute base "/", which the plugin repairs only for
# src="//…" and href="//…". The rest would point at the server root, which is wrong when the
# site is hosted under a sub-path. Repaired here, after the plugin wrote the page and before
# hooks/externalize_inline_scripts.py (-100) moves its inline scripts into files.
PRINT_EDITION_FIXES = (
    ('content="/assets/', 'content="../assets/'),  # <meta name="aw-mermaid-url">
    ('__md_scope=new URL("/",location)', '__md_scope=new URL("..",location)'),
    ('"base": "/"', '"base": ".."'),  # Material's __config (search, palette scope)
)


@event_priority(-50)
def on_post_build(config):
    plugin = config.plugins.get("print-site")
    if plugin is None or not plugin.config.get("enabled"):
        return
    page = Path(config.site_dir) / plugin.config["print_page_basename"] / "index.html"
    if not page.is_file():
        return
    text = page.read_text(encoding="utf-8")
    # On paper every text shows its source in full (on screen the box starts closed).
    text = text.replace(BRON_OPEN, BRON_OPEN.replace(">", " open>"))
    if not config.site_url:
        for old, new in PRINT_EDITION_FIXES:
            text = text.replace(old, new)
    page.write_text(text, encoding="utf-8")
